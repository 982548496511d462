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


REFERRING = re.compile(r"^(These|This|They|Those|It|Its|Their|Such|He|She|His|Her|The latter|The former)\b")
MASTHEAD = re.compile(r"\b(datelines?|datelined|bylines?|newswire|wire service|news (agency|outlet|service)|filed from)\b", re.I)
TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$")


def is_heading(span_text: str) -> bool:
    """A short line without closing punctuation ('Committee structure and next steps')."""
    return not TERMINAL.search(span_text) and len(span_text.split()) < 8


def select_evidence(candidates: list[Candidate], spans: dict[str, list], max_extra: int = 2) -> list[Candidate]:
    """The sentences shown to the model: retrieved ones minus headings, plus the next
    sentence of a retrieved one when it continues it ("These include …"), in document order.

    Deliberately not done: no re-ranking; a continuation is added only directly after
    its sentence, and at most `max_extra` of them.
    """
    chosen = [c for c in candidates if not is_heading(c.span.text)] or candidates
    have = {(c.span.source, c.span.index) for c in chosen}
    extra = []
    for c in chosen:
        following = spans.get(c.span.source, [])[c.span.index + 1:c.span.index + 2]
        if following and REFERRING.match(following[0].text) and (c.span.source, c.span.index + 1) not in have:
            extra.append(Candidate(following[0], 0.0))
            have.add((c.span.source, c.span.index + 1))
    source_order = {src: i for i, src in enumerate(dict.fromkeys(c.span.source for c in chosen))}
    return sorted(chosen + extra[:max_extra], key=lambda c: (source_order[c.span.source], c.span.index))


def with_masthead(question: str, candidates: list[Candidate], spans: dict[str, list]) -> list[Candidate]:
    """For questions about the article itself ("Which city is it datelined?", "Which news
    agency reported this?"): the top document's first sentence, which carries the
    dateline ("MENA Newswire, OTTAWA: …"), takes the place of the last candidate.

    >>> from .types import Span
    >>> first, other = Span("a.txt", 0, 30, "WIRE, OTTAWA: Two ministers met.", 0), Span("a.txt", 31, 50, "They signed.", 1)
    >>> [c.span.index for c in with_masthead("Which city is the story datelined?", [Candidate(other, 1.0)], {"a.txt": [first, other]})]
    [0]
    >>> [c.span.index for c in with_masthead("Who signed?", [Candidate(other, 1.0)], {"a.txt": [first, other]})]
    [1]

    Deliberately not done: no parsing of datelines; only the listed words route a
    question to the first sentence, and the number of candidates stays the same.
    """
    if not candidates or not MASTHEAD.search(question):
        return candidates
    first = spans.get(candidates[0].span.source, [])[:1]
    if not first or any(c.span == first[0] for c in candidates):
        return candidates
    return [Candidate(first[0], 0.0)] + candidates[:-1]


def format_evidence(candidates: list[Candidate], with_sources: bool) -> str:
    """Numbered evidence lines, e.g. '[1] The memorandum was signed on January 29 …'."""
    lines = []
    for i, c in enumerate(candidates, start=1):
        origin = f"(from {c.span.source}) " if with_sources else ""
        lines.append(f"[{i}] {origin}{' '.join(c.span.text.split())}")
    return "\n".join(lines)


def reply_grammar(n_evidence: int, yes_no: bool = False) -> str:
    """GBNF: `NOT ANSWERABLE`, or 1-3 citation numbers then a one-line answer.

    For a yes/no question the answer must start with "Yes" or "No" and declining is
    not offered: small models decline every "Is there X?" whose text says "there is
    no X". Whether the cited sentence really bears on the question is then checked
    in code (`grounding.verify`), which declines when it does not.
    """
    numbers = " | ".join(f'"{i}"' for i in range(1, n_evidence + 1))
    root = 'root ::= cites " " ("Yes" | "No") ("," | ".") " " first rest' if yes_no else f'root ::= "{DECLINE}" | cites " " text'
    return "\n".join([
        root,
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
    answer = _first_sentences(answer, 2)
    return Reply(numbers[:MAX_CITED], "" if declined else answer, declined)


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
