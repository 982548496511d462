"""One browser session's conversation, and the slice of it the model sees.

The chat keeps every turn for display, but only the last `MAX_TURNS` turns,
each cut to `MAX_QUESTION_CHARS` / `MAX_ANSWER_CHARS`, go back to the model as
history, so a long conversation never overflows its context window.

>>> turns = [Turn("Who signed?", answer_text="Joly [1]."), Turn("And when?")]
>>> history_for_model(turns)
[('Who signed?', 'Joly [1].')]
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Answer
from .render import render_user

MAX_TURNS = 3  # previous (question, answer) pairs passed to the model
MAX_QUESTION_CHARS = 300
MAX_ANSWER_CHARS = 600


@dataclass
class Turn:
    question: str
    html: str = ""  # the assistant's chat message, already rendered
    answer_text: str = ""  # what the model said, "" while pending or after an error
    answer: Answer | None = None  # the final answer, for its sources
    state: str = "waiting"  # "waiting" -> "answering" -> "done" or "failed"


def _cut(text: str, limit: int) -> str:
    """Keep the start of `text`, at most `limit` characters, ending with "…" if cut.

    >>> _cut("abcdef", 4)
    'abc…'
    """
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def history_for_model(
    turns: list[Turn],
    max_turns: int = MAX_TURNS,
    max_question_chars: int = MAX_QUESTION_CHARS,
    max_answer_chars: int = MAX_ANSWER_CHARS,
) -> list[tuple[str, str]]:
    """The finished turns as (question, answer) pairs, newest last, trimmed.

    Turns without an answer (pending, failed) are left out.
    """
    done = [t for t in turns if t.answer_text]
    recent = done[-max_turns:] if max_turns > 0 else []
    return [(_cut(t.question, max_question_chars), _cut(t.answer_text, max_answer_chars)) for t in recent]


def to_messages(turns: list[Turn]) -> list[dict]:
    """The Chatbot value: a user and an assistant message per turn."""
    messages = []
    for turn in turns:
        messages.append({"role": "user", "content": render_user(turn.question)})
        if turn.html:
            messages.append({"role": "assistant", "content": turn.html})
    return messages
