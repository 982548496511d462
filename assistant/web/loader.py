"""Loads the Assistant once, in a background thread, so the page can open at once.

>>> holder = BotHolder(lambda: "bot")
>>> holder.start().wait(timeout=5)
'bot'

`wait` returns the assistant, or raises `NotReady` (still loading after the
timeout) or `LoadFailed` (its message is readable: `str(AssistantError)`, or
a generic line when the failure was unexpected; the traceback goes to the log).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from ..errors import AssistantError

log = logging.getLogger(__name__)


class NotReady(Exception):
    """The models and index are still loading."""


class LoadFailed(Exception):
    """The assistant could not be created; `str()` is the readable reason."""


class BotHolder:
    def __init__(self, factory: Callable[[], Any]):
        self._factory = factory
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self.bot: Any = None
        self.error: str = ""  # readable reason when loading failed
        self.load_seconds: float | None = None

    def start(self) -> "BotHolder":
        if self._thread is None:
            self._thread = threading.Thread(target=self._load, name="assistant-loader", daemon=True)
            self._thread.start()
        return self

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            self.bot = self._factory()
        except AssistantError as err:
            self.error = str(err)
        except Exception:
            log.exception("the assistant failed to load")
            self.error = "an unexpected error occurred while loading (details are in the server log)"
        finally:
            self.load_seconds = time.perf_counter() - started
            outcome = f"failed: {self.error}" if self.error else "ready"
            log.info("assistant loading took %.1f s: %s", self.load_seconds, outcome)
            self._done.set()

    @property
    def state(self) -> str:
        """"loading", "ready" or "failed"."""
        if not self._done.is_set():
            return "loading"
        return "failed" if self.error else "ready"

    def wait(self, timeout: float | None = None) -> Any:
        if not self._done.wait(timeout):
            raise NotReady("The assistant is still loading its models and index; please ask again in a moment.")
        if self.error:
            raise LoadFailed(f"The assistant could not start: {self.error}")
        return self.bot
