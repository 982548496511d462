"""A scripted fake assistant and helpers to build answers about data/docs/fruit.txt."""

from __future__ import annotations

from pathlib import Path

from assistant.types import Answer, Candidate, Citation, Span

DATA = Path(__file__).parent / "data"
FRUIT = (DATA / "docs" / "fruit.txt").read_text(encoding="utf-8")


class FakeBot:
    """The two methods `run_eval` uses, answering from a script: question -> Answer."""

    def __init__(self, script: dict[str, Answer], documents: dict[str, str]):
        self.script = script
        self.documents = documents
        self.asked: list[str] = []

    def ask(self, question: str) -> Answer:
        self.asked.append(question)
        return self.script.get(question) or Answer(question, "I cannot find that in the documents.", True)

    def document_text(self, source: str) -> str:
        return self.documents[source]  # KeyError for an unknown source, like a missing file


def span(quote: str, text: str = FRUIT, source: str = "fruit.txt") -> Span:
    start = text.index(quote)
    return Span(source, start, start + len(quote), quote, 0)


def cite(quote: str, text: str = FRUIT, source: str = "fruit.txt") -> Citation:
    return Citation.of(span(quote, text, source))


def candidates(*quotes: str) -> list[Candidate]:
    return [Candidate(span(q), score=1.0 / (i + 1)) for i, q in enumerate(quotes)]


def fruit_script() -> dict[str, Answer]:
    """Answers to data/golden.jsonl whose metrics are worked out by hand in test_eval_runner.py."""
    pears = span("Pears ripen in autumn.")
    return {
        "When did the orchard open?": Answer(
            "When did the orchard open?", "It opened in 1990.", False,
            citations=[cite("The orchard opened in 1990.")],
            timings_ms={"retrieve": 10.0, "generate": 30.0, "total": 40.0},
            candidates=candidates("Apples grow on trees.", "Pears ripen in autumn.", "The orchard opened in 1990."),
        ),
        "Are bananas yellow?": Answer(
            "Are bananas yellow?", "No, they are green.", False,
            citations=[cite("Apples grow on trees."), Citation("fruit.txt", pears.start, pears.end, "Pears ripen in spring.")],
            timings_ms={"retrieve": 20.0, "generate": 60.0, "total": 80.0},
            candidates=candidates("Bananas are yellow."),
        ),
        "Who owns the orchard?": Answer(
            "Who owns the orchard?", "I cannot find that in the documents.", True,
            timings_ms={"retrieve": 5.0, "generate": 15.0, "total": 20.0},
        ),
    }
