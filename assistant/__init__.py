"""Answers questions about local documents and cites the exact source spans.

>>> from assistant import Assistant
>>> bot = Assistant(docs="seeds", index="index")        # doctest: +SKIP
>>> ans = bot.ask("Who signed the memorandum?")          # doctest: +SKIP
>>> ans.answer, ans.abstained, ans.citations[0].quote    # doctest: +SKIP

Heavy libraries (llama-index, chromadb, torch, llama.cpp) are imported only
when an `Assistant` is made, so `import assistant` and `assistant --help` stay fast.
"""

from .config import Config
from .errors import (
    AssistantError,
    ConfigError,
    DocumentsError,
    GoldenSetError,
    IndexMismatchError,
    ModelError,
    PromptError,
    QuestionError,
    StoreError,
    StoreLockedError,
)
from .types import Answer, Candidate, Citation, Span

__all__ = [
    "Assistant", "Answer", "Candidate", "Citation", "Config", "Span",
    "AssistantError", "ConfigError", "DocumentsError", "GoldenSetError", "IndexMismatchError",
    "ModelError", "PromptError", "QuestionError", "StoreError", "StoreLockedError",
]


def __getattr__(name):  # lazy: importing the pipeline pulls in llama-index and chromadb
    if name == "Assistant":
        from .pipeline import Assistant

        return Assistant
    raise AttributeError(name)
