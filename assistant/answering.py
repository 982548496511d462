"""Ask the LLM for an answer over numbered evidence, and parse what it replies.

The reply format is `[n][m] answer text` or `NOT ANSWERABLE`. For local models
`reply_grammar(n)` forces it (numbers can only be 1..n, the answer cannot
contain brackets or new lines, so `[3] [3] [3]` runs are impossible); for
remote models the same parser reads whatever came back.

>>> parse_reply("[2][9] Joly signed it [2].", n_evidence=3)
Reply(numbers=[2], text='Joly signed it.', declined=False)
>>> parse_reply("NOT ANSWERABLE", 3).declined
True

Deliberately not done here: deciding whether the answer is true — that is
`assistant.grounding`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import Candidate

DECLINE = "NOT ANSWERABLE"
MAX_CITED = 3


@dataclass(frozen=True)
class Reply:
    numbers: list[int]  # 1-based evidence numbers, in range, without repeats
    text: str  # the answer without citation markers
    declined: bool


def format_evidence(candidates: list[Candidate], with_sources: bool) -> str:
    """Numbered evidence lines, e.g. '[1] The memorandum was signed on January 29 …'."""
    lines = []
    for i, c in enumerate(candidates, start=1):
        origin = f"(from {c.span.source}) " if with_sources else ""
        lines.append(f"[{i}] {origin}{' '.join(c.span.text.split())}")
    return "\n".join(lines)


def reply_grammar(n_evidence: int) -> str:
    """GBNF: `NOT ANSWERABLE`, or 1-3 citation numbers then a one-line answer."""
    numbers = " | ".join(f'"{i}"' for i in range(1, n_evidence + 1))
    return "\n".join([
        f'root ::= "{DECLINE}" | cites " " text',
        'cites ::= cite | cite cite | cite cite cite',
        f'cite ::= "[" ({numbers}) "]"',
        'text ::= first rest',
        'first ::= [^\\n\\[\\] ]',
        'rest ::= [^\\n\\[\\]]*',
    ])


_MARKER = re.compile(r"\[\s*(\d{1,3})\s*\]")
_SOURCE_LEAK = re.compile(r"\(?\b(?:from\s+)?(?:source|evidence|sentence)\s*#?\d+\)?:?", re.IGNORECASE)


def parse_reply(raw: str, n_evidence: int) -> Reply:
    """Read a model reply; out-of-range numbers are dropped, not trusted."""
    text = raw.strip()
    numbers: list[int] = []
    for m in _MARKER.finditer(text):
        n = int(m.group(1))
        if 1 <= n <= n_evidence and n not in numbers:
            numbers.append(n)
    answer = _SOURCE_LEAK.sub("", _MARKER.sub("", text))
    answer = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(answer.split())).strip(" ,;:")
    declined = text.upper().startswith(DECLINE) or not answer or answer.upper().startswith(DECLINE)
    return Reply(numbers[:MAX_CITED], "" if declined else _first_sentences(answer, 2), declined)


def _first_sentences(text: str, n: int) -> str:
    """At most `n` sentences: small models sometimes ramble or repeat."""
    from .sentences import split_sentences

    spans = split_sentences(text)
    return text[: spans[min(n, len(spans)) - 1][1]] if spans else text


def streamed_answer(raw_so_far: str) -> str:
    """The answer text visible so far while a reply streams ('' until the citations end)."""
    if not raw_so_far.lstrip().startswith("["):
        return ""
    match = re.match(r"\s*(?:\[\s*\d+\s*\]\s*)+", raw_so_far)
    if not match or match.end() == len(raw_so_far):
        return ""
    return _MARKER.sub("", raw_so_far[match.end():]).strip()
