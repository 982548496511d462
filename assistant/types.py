"""The data that flows between the pipeline's stages.

Offsets are the contract: `Span.start`/`Span.end` and `Citation.start`/`end`
are Python string indices (code points) into the document text exactly as
`assistant.documents` decoded it, so `text[start:end] == quote` always.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Span:
    """One sentence (or heading) of a document.

    >>> Span("a.txt", 0, 5, "Hello", 0)
    Span(source='a.txt', start=0, end=5, text='Hello', index=0)
    """

    source: str  # path relative to the documents folder, with "/" separators
    start: int
    end: int
    text: str  # == document_text[start:end]
    index: int  # position of the sentence in its document


@dataclass(frozen=True)
class Citation:
    """A verbatim quote of a source: `quote == text_of(source)[start:end]`."""

    source: str
    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, span: Span) -> "Citation":
        return cls(span.source, span.start, span.end, span.text)


@dataclass(frozen=True)
class Candidate:
    """A span found by retrieval, with the scores that ranked it."""

    span: Span
    score: float  # fused score, higher is better
    dense_rank: int | None = None  # 1-based rank in the dense list, None if absent
    lexical_rank: int | None = None  # 1-based rank in the BM25 list, None if absent


@dataclass
class Answer:
    """What `Assistant.ask` returns; `to_dict()` is the `ask --json` shape."""

    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    standalone_question: str | None = None  # the condensed follow-up, if any
    candidates: list[Candidate] = field(default_factory=list)  # retrieved spans
    reason: str = ""  # why the answer was accepted, replaced or declined
    model_reply: str = ""  # the LLM's raw reply, before parsing and checks
    decline_probability: float | None = None  # the model's first-token lean to "NOT ANSWERABLE", if the backend tells
    check_probability: float | None = None  # the model's "Yes" on a second look at a long answer (assistant.checking)
    parts: list[Answer] = field(default_factory=list)  # a question of several parts: each part's own answer

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [asdict(c) for c in self.citations],
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
