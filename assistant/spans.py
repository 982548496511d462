"""Turn documents into sentence spans and sentence-aligned retrieval units.

A retrieval unit is one sentence, embedded both alone and together with its
neighbours (a *sentence window*, see `assistant.store`): the window gives the
embedding context, while the unit's span, and so every citation made from it,
stays the single sentence.

>>> from assistant.documents import Document
>>> doc = Document("a.txt", "One. Two. Three.", "h")
>>> [s.text for s in document_spans(doc)]
['One.', 'Two.', 'Three.']
>>> window_text(document_spans(doc), 1, before=1, after=1)
'One. Two. Three.'

Deliberately not done: windows never cross document boundaries, and a span is
never cut inside a sentence, however long.
"""

from __future__ import annotations

from .documents import Document
from .sentences import split_sentences
from .types import Span


def document_spans(doc: Document) -> list[Span]:
    """Every sentence of `doc` as a Span whose text is `doc.text[start:end]`."""
    return [
        Span(doc.source, start, end, doc.text[start:end], i)
        for i, (start, end) in enumerate(split_sentences(doc.text))
    ]


def window_text(spans: list[Span], i: int, before: int = 1, after: int = 1) -> str:
    """The text embedded for span `i`: itself with up to `before`/`after` neighbours."""
    lo, hi = max(0, i - before), min(len(spans), i + after + 1)
    return " ".join(s.text for s in spans[lo:hi])
