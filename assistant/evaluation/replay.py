"""Re-check an earlier run's model replies with the current code, without the model.

    assistant eval tests/golden/seed_qa.jsonl --replay eval-out --out eval-replay --compare eval-out

Every evaluation row keeps the model's raw reply (`model_reply`). A change to
the grounding checks does not change what the model replies to the same prompt,
so re-verifying the stored replies measures such a change in seconds instead of
minutes:

>>> llm = StoredReplies({"Who signed?": "[1] Joly"})
>>> llm.current = "Who signed?"
>>> "".join(llm.stream("system", "user"))
'[1] Joly'

A question asked in parts (`assistant.parts`) stored its replies joined by `PART_BREAK`;
they are replayed in order, one a part, with each part's stored second look:

>>> llm = StoredReplies({"A? B?": "[1] Joly" + PART_BREAK + "NOT ANSWERABLE"})
>>> llm.current = "A? B?"
>>> "".join(llm.stream("system", "user")), "".join(llm.stream("system", "user"))
('[1] Joly', 'NOT ANSWERABLE')

Exact only while retrieval, evidence selection and the prompt are unchanged: the
model would then see the same prompt. The second look at long answers
(`assistant.checking`) is replayed from the stored `check_probability`; an answer
the earlier run did not check keeps its verdict. Deliberately not done: no check that they
are; a question the earlier run never put to the model (declined before it, or
not in that run) is replayed as "NOT ANSWERABLE" and counted in `missing`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..answering import DECLINE
from ..checking import GRAMMAR as CHECK_GRAMMAR
from ..errors import ConfigError
from ..parts import PART_BREAK


class StoredReplies:
    """An LLM stand-in that replies to each question what the model replied in an earlier run."""

    name, n_ctx, reports_odds = "stored replies", 4096, True

    def __init__(self, replies: dict[str, str], cut: set[str] | None = None,
                 checks: dict[str, float | list[float | None]] | None = None):
        self.replies = replies
        self.checks = checks or {}  # question -> the stored second-look probability (a list: one per part)
        self.cut = cut or set()  # questions whose reply the token limit ended (their answer got a "…")
        self.used, self.missing = 0, 0
        self.current = None

    @property
    def current(self) -> str | None:
        """The question being replayed; setting it starts again at its first part."""
        return self._current

    @current.setter
    def current(self, question: str | None) -> None:
        self._current, self._part = question, 0

    @classmethod
    def load(cls, run_dir: str | Path) -> StoredReplies:
        """The replies stored in `run_dir/results.jsonl`, by question."""
        path = Path(run_dir) / "results.jsonl"
        try:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        except FileNotFoundError:
            raise ConfigError(f"--replay: no results.jsonl in {run_dir}: give an earlier `assistant eval --out` folder") from None
        except (OSError, ValueError) as err:
            raise ConfigError(f"--replay: {path} cannot be read: {err}") from None
        rows = [row for row in rows if "question" in row]
        cut = {row["question"] for row in rows if not row.get("abstained") and str(row.get("answer", "")).endswith("…")}
        checks = {row["question"]: row.get("part_checks") or row["check_probability"] for row in rows
                  if row.get("part_checks") or row.get("check_probability") is not None}
        return cls({row["question"]: row.get("model_reply") or "" for row in rows}, cut, checks)

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def stream(self, system: str, user: str, grammar: str | None = None, max_tokens: int = 160, odds=None) -> Iterator[str]:
        """The stored reply; for one the token limit ended, also empty pieces up to `max_tokens`
        (one piece a token), so that the answer is marked as cut, as it was.

        >>> llm = StoredReplies({"Q?": "[1] A long"}, cut={"Q?"})
        >>> llm.current = "Q?"
        >>> len(list(llm.stream("system", "user", max_tokens=4)))
        4
        """
        if grammar == CHECK_GRAMMAR:  # the second look: its stored odds, if that run took one
            value = self.checks.get(self.current)
            if isinstance(value, list):  # one a part: the part whose reply was just given
                value = value[self._part - 1] if 0 < self._part <= len(value) else None
            if odds is not None:
                odds.value = value
            yield "Yes"
            return
        replies = self.replies.get(self.current, "").split(PART_BREAK)  # a question of several parts: one reply each
        reply = replies[self._part] if self._part < len(replies) else ""
        self._part += 1
        self.used, self.missing = self.used + bool(reply), self.missing + (not reply)
        yield reply or DECLINE
        if reply and self.current in self.cut:
            yield from [""] * (max_tokens - 1)


class Replaying:
    """A bot for `run_eval` that points `llm` at each question's stored reply before asking."""

    def __init__(self, bot, llm: StoredReplies):
        self.bot, self.llm = bot, llm

    def ask(self, question: str):
        self.llm.current = " ".join(question.split())  # stored as asked: the pipeline squeezes spaces (SQuAD has "committee  that")
        return self.bot.ask(question)

    def document_text(self, source: str) -> str:
        return self.bot.document_text(source)
