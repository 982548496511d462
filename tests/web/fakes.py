"""A fake Assistant with exactly the real interface, for developing and testing the web app.

It needs no models: it reads the documents folder, answers by finding the one
sentence that contains every content word of the (stand-alone) question, and
cites that sentence with real offsets (`quote == document_text(source)[start:end]`).
A few scripted rules make the seed questions read naturally. It declines
(abstained=True) when no sentence matches.

    bot = FakeAssistant(docs=tmp_docs, index=tmp_index)
    bot.ask("Who signed?").citations[0].quote   # the signing sentence of the seed
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant.config import Config
from assistant.errors import DocumentsError, QuestionError
from assistant.store import SyncReport
from assistant.types import Answer, Citation

STOPWORDS = set(
    "a an and the of in on at to for by with from is are was were be been who whom what when where which why how "
    "did does do it its this that these those there their they he she his her i you we our us me my your about as "
    "or not no any many much some into than then so if also would could should can will may might has have had".split()
)
SIGNING = "The memorandum was signed on January 29 by"
SCRIPT = [  # (words that must all be in the stand-alone question, sentence start to cite, answer template)
    ({"when", "sign"}, SIGNING, "It was signed on January 29 [1]."),
    ({"sign"}, SIGNING,
     "The memorandum was signed by Canadian Industry Minister Mélanie Joly and South Korea’s Minister "
     "Kim Jung-kwan [1]."),
    ({"binding"}, "The memorandum is an industrial cooperation framework",
     "No. The memorandum does not announce a binding investment commitment [1]."),
    ({"body", "create"}, "The agreement establishes a Canada",
     "It creates the Canada–Korea Industrial Cooperation Committee [1]."),
]
DECLINE = "I could not find this in the documents."


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS and len(w) > 1}


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"[^.!?\n]+[.!?]?", text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        if match.end() > start:
            yield start, match.end()


class FakeAssistant:
    def __init__(self, docs="seeds", index="index", config: Config | None = None, load_seconds: float = 0.5,
                 word_delay: float = 0.03):
        time.sleep(load_seconds)  # stands for loading models
        self.config = config or Config()
        self.docs_dir = Path(docs)
        self.index = Path(index)
        self.model_name = "fake-model"
        self.word_delay = word_delay
        self._texts: dict[str, str] = {}  # source -> text
        self.ingest()
        if not self._texts:
            raise DocumentsError(f"no .txt or .md documents in {self.docs_dir}")

    @property
    def sources(self) -> list[str]:
        return sorted(self._texts)

    def document_text(self, source: str) -> str:
        return self._texts[source]

    def ingest(self, progress: Callable[[int, int, str], None] | None = None) -> SyncReport:
        report = SyncReport()
        paths = sorted(p for p in self.docs_dir.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
        seen = set()
        for done, path in enumerate(paths, start=1):
            source = path.relative_to(self.docs_dir).as_posix()
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                report.skipped.append(source)
                report.warnings.append(f"{source}: not UTF-8, skipped")
                continue
            seen.add(source)
            if source not in self._texts:
                report.added.append(source)
            elif self._texts[source] != text:
                report.updated.append(source)
            self._texts[source] = text
            if progress:
                progress(done, len(paths), source)
        for source in sorted(set(self._texts) - seen):
            del self._texts[source]
            report.removed.append(source)
        return report

    def ask(self, question: str, history: list[tuple[str, str]] | None = None) -> Answer:
        *_, answer = self.ask_stream(question, history)
        return answer

    def ask_stream(self, question: str, history: list[tuple[str, str]] | None = None) -> Iterator[str | Answer]:
        self._check(question)
        started = time.perf_counter()
        standalone = self._standalone(question, history or [])
        text, citation = self._answer(standalone)
        partial = ""
        for word in text.split(" "):
            partial = f"{partial} {word}" if partial else word
            time.sleep(self.word_delay)
            yield partial
        yield Answer(
            question=question,
            answer=text,
            abstained=citation is None,
            citations=[citation] if citation else [],
            timings_ms={"total": (time.perf_counter() - started) * 1000},
            standalone_question=standalone if standalone != question else None,
        )

    def _check(self, question: str) -> None:
        if not question.strip():
            raise QuestionError("The question is empty: type a question about the documents.")
        if len(question) > self.config.max_question_chars:
            raise QuestionError(
                f"The question is {len(question)} characters long; the limit is {self.config.max_question_chars}."
            )

    @staticmethod
    def _standalone(question: str, history: list[tuple[str, str]]) -> str:
        if history and question.lower().startswith("and "):
            previous = history[-1][0].rstrip("?")
            return f"{question[4:].rstrip('?').capitalize()}: {previous.lower()}?"
        return question

    def _answer(self, question: str) -> tuple[str, Citation | None]:
        words = _words(question)
        tokens = set(re.findall(r"[a-z]+", question.lower()))
        tokens |= {t.removesuffix("ed").removesuffix("s") for t in tokens}
        for needed, sentence_start, template in SCRIPT:
            if needed <= tokens:
                found = self._find(lambda s, start=sentence_start: s.startswith(start))
                if found:
                    return template, found
        found = self._find(lambda s: bool(words) and all(any(t.startswith(w) for t in _words(s)) for w in words))
        if found:
            return f"According to {found.source}: {found.quote} [1]", found
        return DECLINE, None

    def _find(self, accept: Callable[[str], bool]) -> Citation | None:
        for source in self.sources:
            text = self._texts[source]
            for start, end in _sentences(text):
                if accept(text[start:end]):
                    return Citation(source, start, end, text[start:end])
        return None
