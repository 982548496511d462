"""Start the browser chat: `python app.py`, then open http://127.0.0.1:7860.

Honours GRADIO_SERVER_NAME / GRADIO_SERVER_PORT and the ASSISTANT_* settings.
"""

import sys

from assistant.web import main

if __name__ == "__main__":
    sys.exit(main())
