"""Split a document's text into sentence spans with exact character offsets.

>>> split_sentences("Dr. Kim met the U.S. envoy on Jan. 5. They agreed.\\nNext steps")
[(0, 37), (38, 50), (51, 61)]

Rules, in order:
- a line break ends a span, so headings, list items and paragraphs are their own spans;
- inside a line, ``.``, ``!`` or ``?`` (plus any closing quote or bracket) followed by
  whitespace and an upper-case letter, digit or opening quote ends a sentence;
- except after a known abbreviation ("Jan.", "Dr.", "Inc."), a single initial ("J."),
  or a dotted acronym ("U.S.", "e.g.");
- spans are trimmed of surrounding whitespace; blank lines give no span.

Deliberately not done: no language model, no handling of abbreviations outside
the list (an unknown one may split a sentence), no merging of lines that a
hard-wrapped text broke mid-sentence.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen gov sen rep col capt lt sgt cmdr adm rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    inc ltd co corp bros dept univ assn est approx vs no nos fig figs vol pp ca cf al op""".split()
)

# Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"(\S+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the `(start, end)` offsets of every sentence, in order."""
    spans = []
    for line_start, line_end in _lines(text):
        cut = line_start
        for match in _BOUNDARY.finditer(text, line_start, line_end):
            if _is_abbreviation(text, cut, match.start()):
                continue
            spans.append((cut, match.end()))
            cut = match.end()
        spans.append((cut, line_end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _lines(text: str):
    """Yield the (start, end) of each line, without its line break."""
    for match in re.finditer(r"[^\r\n]+", text):
        yield match.start(), match.end()


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation, not a sentence."""
    if text[dot] != ".":
        return False
    found = _WORD_BEFORE.search(text, start, dot)
    if not found:
        return False
    word = found.group(1).lstrip("\"'“‘([")
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return True
    if "." in word and all(len(part) <= 2 for part in word.split(".")):  # "U.S", "e.g"
        return True
    return word.lower() in ABBREVIATIONS


def ends_with_abbreviation(text: str) -> bool:
    """Whether `text` ends with the period of an abbreviation or an initial, not of a sentence.

    >>> ends_with_abbreviation("What was the U.S."), ends_with_abbreviation("Ask Mr."), ends_with_abbreviation("It ended.")
    (True, True, False)
    """
    text = text.rstrip()
    return text.endswith(".") and _is_abbreviation(text, 0, len(text) - 1)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
