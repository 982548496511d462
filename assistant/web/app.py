"""The browser chat: a Gradio Blocks app over one shared Assistant.

    demo = build_app(lambda: Assistant(docs="seeds", index="index"))
    serve(demo)                       # http://127.0.0.1:7860, or GRADIO_SERVER_NAME/PORT

Layout: a status line (loading / ready: documents indexed, model), the chat with
example questions and a clear button, an upload box; beside the chat the sources
of the answer in view (each cited span highlighted in its context, the target of
the answer's [n] markers) and a viewer showing a whole document with all of that
answer's cited spans marked. The same assistant answers the API endpoint `/ask`.

Threads: the assistant loads in the background (`BotHolder`); model-bound events
(chat answers, uploads, `/ask`) share one concurrency group of size 1, so one
model call runs at a time and the rest wait in a queue of at most `QUEUE_SIZE`.
Errors reach the page as readable lines through `readable()`, never tracebacks.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import gradio as gr

from ..config import Config
from ..errors import AssistantError
from ..models import cache_dir
from ..types import Answer
from . import render
from .conversation import Turn, history_for_model, to_messages
from .loader import BotHolder, LoadFailed, NotReady
from .theme import CSS, theme
from .uploads import MAX_UPLOAD_BYTES, UploadError, store_upload

log = logging.getLogger(__name__)

EXAMPLES = (
    "Who signed the memorandum?",
    "Is there a binding investment?",
    "Which body does the agreement create?",
)
QUEUE_SIZE = 16  # requests waiting for the model; more are refused with "queue full"
MODEL = "model"  # concurrency group of everything that calls the assistant
LOAD_WAIT_S = 600.0  # how long a question waits for the models to finish loading
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 7860
SOURCES_HINT = (
    '<div class="panel-hint">The sources of the latest answer appear here: '
    "each cited span highlighted in its surrounding text. Click a marker like [1] to jump to it.</div>"
)
WAITING = "Waiting for the assistant…"
UPLOAD_HINT = (
    '<div class="panel-hint">Files are saved in the documents folder and indexed at once. Names keep only '
    "letters, digits, dot, dash and underscore; a name already taken gets a number (notes-2.txt), "
    "so nothing is overwritten.</div>"
)
SCROLL_TO_FIRST_MARK = """() => {
  const box = document.querySelector('#doc-viewer');
  const mark = box && box.querySelector('mark');
  if (mark) box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - 40;
}"""
VIEWER_HINT = '<div class="panel-hint">Pick a document to read it; cited spans of the answer in view are marked.</div>'


def readable(err: BaseException) -> str:
    """The one place where an exception becomes a message for the page."""
    if isinstance(err, (AssistantError, NotReady, LoadFailed, UploadError)):
        message = str(err) or type(err).__name__
        return message[:1].upper() + message[1:]
    log.error("unexpected error while serving a request", exc_info=err)
    return "Something went wrong on the server (the details are in its log). Please try again."


def _text_of(bot: Any) -> Callable[[str], str | None]:
    def text_of(source: str) -> str | None:
        try:
            return bot.document_text(source)
        except Exception:  # the document was removed or cannot be read any more
            return None

    return text_of


def _viewer(bot: Any, source: str | None, answer: Answer | None) -> str:
    text = _text_of(bot)(source) if bot is not None and source else None
    if text is None:
        return VIEWER_HINT
    spans = [(c.start, c.end, n) for n, c in enumerate(answer.citations if answer else [], 1) if c.source == source]
    return render.render_document(text, spans)


class ChatApp:
    """The event handlers, bound to one BotHolder shared by every browser session."""

    def __init__(self, holder: BotHolder):
        self.holder = holder

    # -- status -------------------------------------------------------------------------
    def status_html(self) -> str:
        state = self.holder.state
        if state != "ready":
            return render.render_status(state, detail=self.holder.error)
        bot = self.holder.bot
        return render.render_status("ready", bot.sources, bot.model_name)

    def poll_status(self):
        """Timer tick: refresh the status line; stop polling once loading is over."""
        done = self.holder.state != "loading"
        choices = self.holder.bot.sources if self.holder.state == "ready" else []
        return (
            self.status_html(),
            gr.Timer(active=not done),
            gr.Dropdown(choices=choices) if done else gr.skip(),
        )

    # -- chat ---------------------------------------------------------------------------
    def add_question(self, question: str, turns: list[Turn]):
        """Show the question at once (not queued); the answer follows in `answer`.

        `turns` is changed in place: an answer still streaming holds the same list,
        so a question asked meanwhile is neither lost nor answered twice.
        """
        turns.append(Turn(question=question, html=render.reply("waiting", render.render_notice("info", WAITING))))
        return turns, to_messages(turns), ""

    def answer(self, turns: list[Turn]):
        """Stream the answer to the oldest waiting question into the chat, then show its sources."""
        pending = [i for i, t in enumerate(turns) if t.state == "waiting"]
        if not pending:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        index = pending[0]
        turn = turns[index]
        turn.state = "answering"
        try:
            if self.holder.state == "loading":
                turn.html = render.reply("waiting", render.render_notice(
                    "loading", "Loading models and index…", "Your question will be answered as soon as they are ready."
                ))
                yield turns, to_messages(turns), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            bot = self.holder.wait(LOAD_WAIT_S)
            history = history_for_model(turns[:index])
            started = time.perf_counter()
            for item in bot.ask_stream(turn.question, history):
                if isinstance(item, str):
                    turn.html = render.render_partial(item)
                    yield turns, to_messages(turns), gr.skip(), gr.skip(), gr.skip(), gr.skip()
                else:
                    yield self._finish(bot, turns, index, item, time.perf_counter() - started)
            if turn.state == "answering":
                raise RuntimeError("ask_stream ended without a final Answer")
        except Exception as err:  # noqa: BLE001 - every failure becomes a readable chat message
            turn.html, turn.state = render.reply("error", render.render_notice("error", readable(err))), "failed"
            yield turns, to_messages(turns), gr.skip(), gr.skip(), gr.skip(), gr.skip()

    def _finish(self, bot: Any, turns: list[Turn], index: int, answer: Answer, seconds: float):
        turn = turns[index]
        turn.answer, turn.answer_text, turn.state = answer, answer.answer, "done"
        turn.html = render.render_answer(answer, index, seconds)
        sources = render.render_sources_panel(turn.question, answer.citations, _text_of(bot), index)
        source = answer.citations[0].source if answer.citations else None
        dropdown = gr.Dropdown(choices=bot.sources, value=source) if source else gr.Dropdown(choices=bot.sources)
        viewer = _viewer(bot, source, answer) if source else gr.skip()
        return turns, to_messages(turns), sources, index, dropdown, viewer

    def clear(self):
        return [], [], SOURCES_HINT, -1, gr.Dropdown(value=None), VIEWER_HINT

    def focus_turn(self, turns: list[Turn], evt: gr.SelectData):
        """Clicking an earlier message shows that answer's sources."""
        position = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        index = int(position) // 2
        if not (0 <= index < len(turns)) or turns[index].answer is None or self.holder.state != "ready":
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        bot, turn = self.holder.bot, turns[index]
        sources = render.render_sources_panel(turn.question, turn.answer.citations, _text_of(bot), index)
        source = turn.answer.citations[0].source if turn.answer.citations else None
        if source is None:
            return sources, index, gr.skip(), gr.skip()
        return sources, index, gr.Dropdown(value=source), _viewer(bot, source, turn.answer)

    def show_document(self, source: str | None, turns: list[Turn], focus: int):
        if self.holder.state != "ready":
            return VIEWER_HINT
        answer = turns[focus].answer if 0 <= focus < len(turns) else None
        return _viewer(self.holder.bot, source, answer)

    # -- uploads ------------------------------------------------------------------------
    def upload(self, files: list[str] | None, progress=gr.Progress()):  # noqa: B008 - how Gradio injects progress
        """Store the uploaded files in the documents folder and index them."""
        lines: list[tuple[str, str]] = []
        try:
            bot = self.holder.wait(LOAD_WAIT_S)
            stored = []
            for path in files or []:
                try:
                    stored.append(store_upload(Path(path), Path(bot.docs_dir)))
                except UploadError as err:
                    lines.append(("refused", str(err)))
            for item in stored:
                lines.append(("ok", _describe(item)))
            if any(not item.duplicate for item in stored):
                report = bot.ingest(progress=lambda done, total, name: progress((done, total), desc=f"Indexing {name}"))
                indexed = [*report.added, *report.updated]
                if indexed:
                    lines.append(("ok", f"indexed, ready for your next question: {', '.join(indexed)}"))
                lines.extend(("refused", warning) for warning in report.warnings)
        except Exception as err:  # noqa: BLE001
            lines.append(("refused", readable(err)))
        choices = self.holder.bot.sources if self.holder.state == "ready" else []
        return render.render_upload_report(lines), None, self.status_html(), gr.Dropdown(choices=choices)

    # -- API ----------------------------------------------------------------------------
    def api_ask(self, question: str) -> dict:
        """Answer one question about the documents; returns {question, answer, abstained, citations, timings_ms}."""
        try:
            return self.holder.wait(LOAD_WAIT_S).ask(question).to_dict()
        except Exception as err:  # noqa: BLE001
            raise gr.Error(readable(err), print_exception=False) from None


def _describe(item) -> str:
    if item.duplicate:
        return f"{item.original}: already present as {item.name}, not stored again"
    if Path(item.original).name != item.name:
        return f"{item.original}: saved as {item.name}"
    return f"{item.original}: saved"


def build_app(bot_factory: Callable[[], Any]) -> gr.Blocks:
    """The Blocks app; `bot_factory()` makes the Assistant, in a background thread."""
    holder = BotHolder(bot_factory)
    with gr.Blocks(title="Document Q&A with cited sources", analytics_enabled=False) as demo:
        _wire(demo, ChatApp(holder), _layout())
    demo.holder = holder  # for tests: holder.state, holder.bot
    holder.start()
    return demo


def _layout() -> SimpleNamespace:
    """Create the components (inside a Blocks context); return them by name."""
    w = SimpleNamespace()
    gr.HTML("<h2 style='margin:0'>Ask the documents</h2>"
            "<div class='panel-hint'>Answers cite the exact sentences they rest on.</div>")
    w.status = gr.HTML(render.render_status("loading"), elem_id="status")
    w.turns = gr.State([])  # list[Turn] of this browser session
    w.focus = gr.State(-1)  # index of the turn whose sources are shown
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=420):
            w.chat = gr.Chatbot(
                label="Conversation", elem_id="chat", height=480, render_markdown=False,
                sanitize_html=True, allow_tags=False, feedback_options=None, buttons=[],
                placeholder="Ask a question about the documents.", layout="bubble",
            )
            with gr.Row():
                w.question = gr.Textbox(show_label=False, placeholder="Type a question and press Enter",
                                        elem_id="question", scale=6, lines=1, max_lines=4)
                w.ask = gr.Button("Ask", variant="primary", elem_id="ask", scale=1, min_width=80)
            with gr.Row():
                w.examples = [gr.Button(text, size="sm", elem_classes=["example"]) for text in EXAMPLES]
                w.clear = gr.Button("Clear conversation", size="sm", variant="stop", elem_id="clear")
            with gr.Accordion("Add documents (.txt or .md, up to 2 MB each)", open=False, elem_id="upload-box"):
                w.files = gr.File(file_count="multiple", file_types=[".txt", ".md"], type="filepath",
                                  label="Drop files here", elem_id="upload")
                gr.HTML(UPLOAD_HINT)
                w.upload_report = gr.HTML("", elem_id="upload-report")
        with gr.Column(scale=2, min_width=320):
            gr.Markdown("### Sources")
            w.sources = gr.HTML(SOURCES_HINT, elem_id="sources-panel")
            with gr.Accordion("Document viewer", open=True):
                w.document = gr.Dropdown(choices=[], label="Document", elem_id="doc-select", interactive=True)
                w.viewer = gr.HTML(VIEWER_HINT, elem_id="doc-viewer")
    w.timer = gr.Timer(1.0)
    return w


def _wire(demo: gr.Blocks, app: ChatApp, w: SimpleNamespace) -> None:
    """Connect events: quick UI events skip the queue; model-bound ones share one slot."""
    ui = dict(queue=False, api_visibility="private")
    model_bound = dict(concurrency_id=MODEL, concurrency_limit=1)
    demo.load(app.status_html, None, w.status, show_progress="hidden", **ui)
    w.timer.tick(app.poll_status, None, [w.status, w.timer, w.document], show_progress="hidden", **ui)
    answer_outputs = [w.turns, w.chat, w.sources, w.focus, w.document, w.viewer]
    answer_events = []
    askers = [(w.question.submit, app.add_question, [w.question, w.turns]),
              (w.ask.click, app.add_question, [w.question, w.turns])]
    for button, text in zip(w.examples, EXAMPLES, strict=True):
        askers.append((button.click, partial(app.add_question, text), [w.turns]))
    for trigger, add, inputs in askers:
        # "multiple": a question asked while another is answered is queued, not dropped
        shown = trigger(add, inputs, [w.turns, w.chat, w.question], show_progress="hidden",
                        trigger_mode="multiple", **ui)
        answering = shown.then(app.answer, w.turns, answer_outputs, show_progress="hidden",
                               api_visibility="private", trigger_mode="multiple", **model_bound)
        answering.then(None, js=SCROLL_TO_FIRST_MARK, **ui)
        answer_events.append(answering)
    for clearing in (w.clear.click, w.chat.clear):
        clearing(app.clear, None, answer_outputs, cancels=answer_events, **ui)
    w.chat.select(app.focus_turn, w.turns, [w.sources, w.focus, w.document, w.viewer], **ui)
    w.document.input(app.show_document, [w.document, w.turns, w.focus], w.viewer, **ui).then(
        None, js=SCROLL_TO_FIRST_MARK, **ui)
    w.files.upload(app.upload, w.files, [w.upload_report, w.files, w.status, w.document], show_progress="full",
                   api_visibility="private", **model_bound)
    gr.api(app.api_ask, api_name="ask", **model_bound)


def serve(demo: gr.Blocks, *, host: str | None = None, port: int | None = None,
          blocked: list[str] | None = None, prevent_thread_lock: bool = False):
    """Launch with safe defaults: loopback unless told otherwise, no share link,
    nothing served but Gradio's upload cache, one model call at a time."""
    host = host or os.environ.get("GRADIO_SERVER_NAME") or DEFAULT_HOST
    port = port or int(os.environ.get("GRADIO_SERVER_PORT") or DEFAULT_PORT)
    demo.queue(max_size=QUEUE_SIZE, default_concurrency_limit=1)
    return demo.launch(
        server_name=host,
        server_port=port,
        share=False,
        inbrowser=False,
        allowed_paths=[],  # nothing beyond the upload cache; documents are shown as escaped text
        blocked_paths=[str(Path(p).resolve()) for p in blocked or []],
        max_file_size=2 * MAX_UPLOAD_BYTES,  # hard cap; uploads.py refuses > MAX_UPLOAD_BYTES with a reason
        show_error=False,
        ssr_mode=False,
        mcp_server=False,
        pwa=False,
        enable_monitoring=False,
        prevent_thread_lock=prevent_thread_lock,
        theme=theme(),
        css=CSS,
        footer_links=["api"],
    )


def load_assistant(config) -> Any:
    """The real Assistant with every model loaded now, not at the first question."""
    from .. import Assistant

    bot = Assistant(docs=config.docs, index=config.index, config=config)
    bot.warm_up()  # loads the LLM now (it loads lazily otherwise) and any cached prompt prefix
    return bot


def main(bot_factory: Callable[[], Any] | None = None) -> int:
    """`python app.py`: serve the chat until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    try:
        config = Config.load()
    except AssistantError as err:
        print(f"error: {err}")
        return 2
    demo = build_app(bot_factory or partial(load_assistant, config))
    serve(demo, blocked=[config.index, str(cache_dir())])
    return 0
