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

from .text import STOPWORDS, stem
from .types import Candidate

DECLINE = "NOT ANSWERABLE"
MAX_CITED = 3


@dataclass(frozen=True)
class Reply:
    numbers: list[int]  # 1-based evidence numbers, in range, without repeats
    text: str  # the answer without citation markers
    declined: bool


REFERRING = re.compile(r"^(These|This|They|Those|It|Its|Their|Such|He|She|His|Her|The latter|The former)\b")
MASTHEAD = re.compile(r"\b(datelines?|datelined|bylines?|newswire|wire service|news (agency|outlet|service)|filed from|"
                      r"(?:filed|published|ran|carried) (?:this|the|that) (?:report|story|article|piece))\b", re.I)
# "What is the new committee called?", "Name of the new committee", "What's the body named?"
NAMING = re.compile(r"\b(?:called(?!\s+(?:for|on|upon|off|in|out|back)\b)|named|names?|titled?|known\s+as)\b", re.I)
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


def with_naming_sentence(question: str, pool: list[Candidate], k: int) -> list[Candidate]:
    """The best `k` of `pool`; for a question that asks what something is called, the best
    sentence that gives it a name takes the place of the last when none of the `k` does.

    A text names a thing once, usually where it introduces it ("establishes a Canada–Korea
    Industrial Cooperation Committee"), and then calls it "the committee": that one
    sentence is long, about more than the thing, and ranks below the sentences that
    say "the new committee". A sentence names a thing the question calls by a common noun
    when the noun is capitalised inside a name of two or more capitalised words.

    >>> from .types import Span
    >>> said = Candidate(Span("a.txt", 0, 30, "The new committee will meet.", 1), 1.0)
    >>> named = Candidate(Span("a.txt", 31, 80, "It sets up a Joint Trade Committee and more.", 0), 0.5)
    >>> [c.span.index for c in with_naming_sentence("What's the new committee called?", [said, said, named], 2)]
    [1, 0]
    >>> [c.span.index for c in with_naming_sentence("What will the new committee do?", [said, said, named], 2)]
    [1, 1]

    Deliberately not done: no parsing of names; a word capitalised only because it opens
    the sentence does not count, and the number of sentences stays `k`.
    """
    top = pool[:k]
    if not top or not NAMING.search(question):
        return top
    nouns = {stem(w) for w in re.findall(r"(?<![\w-])[a-z][a-z-]+", question) if w not in STOPWORDS}
    if any(_names(c.span.text, nouns) for c in top):
        return top
    named = next((c for c in pool[k:] if _names(c.span.text, nouns)), None)
    return top[:-1] + [named] if named else top


def _names(sentence: str, nouns: set[str]) -> bool:
    """Whether `sentence` capitalises one of `nouns` inside a name of two or more capitalised words.

    >>> _names("Committee structure and next steps", {"committee"}), _names("It set up the Trade Committee.", {"committee"})
    (False, True)
    """
    tokens = re.findall(r"[\w’'-]+", sentence)
    capital = [t[:1].isupper() for t in tokens]
    def in_name(i: int) -> bool:  # a capitalised neighbour; the first word's capital only opens the sentence
        return (i > 1 and capital[i - 1]) or (i + 1 < len(tokens) and capital[i + 1])
    return any(capital[i] and stem(t) in nouns and in_name(i) for i, t in enumerate(tokens) if i > 0)


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
    >>> [c.span.index for c in with_masthead("Which outlet filed this report?", [Candidate(other, 1.0)], {"a.txt": [first, other]})]
    [0]
    >>> [c.span.index for c in with_masthead("What is the lake's outlet?", [Candidate(other, 1.0)], {"a.txt": [first, other]})]
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
