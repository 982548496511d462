"""The browser chat (Gradio): `build_app(bot_factory)` and `main()` live in `app.py`.

Modules: `render` (pure HTML: escaping, markers, highlighted spans), `uploads`
(checking and naming uploaded files), `conversation` (turns and the history
the model sees), `loader` (background loading), `theme` (look), `app` (Blocks).
Gradio is imported only when `app` is, so the pure modules stay fast to test.
"""

__all__ = ["build_app", "main", "serve"]


def __getattr__(name):
    if name in __all__:
        from . import app

        return getattr(app, name)
    raise AttributeError(name)
