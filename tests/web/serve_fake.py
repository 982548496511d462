"""Serve the chat over `FakeAssistant`, configured like `python app.py` (for the browser tests).

    ASSISTANT_DOCS=/tmp/docs ASSISTANT_INDEX=/tmp/index GRADIO_SERVER_PORT=7861 python tests/web/serve_fake.py

`FAKE_WORD_DELAY` sets the pause between streamed words (seconds, default 0.03).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakes import FakeAssistant  # noqa: E402

from assistant.config import Config  # noqa: E402
from assistant.web.app import main  # noqa: E402

if __name__ == "__main__":
    config = Config.load(path=None)
    delay = float(os.environ.get("FAKE_WORD_DELAY", "0.03"))
    sys.exit(main(bot_factory=lambda: FakeAssistant(docs=config.docs, index=config.index, word_delay=delay)))
