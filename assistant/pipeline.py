"""The `Assistant`: documents → spans → index → retrieval → answer → citations.

>>> bot = Assistant(docs="seeds", index="index")              # doctest: +SKIP
>>> ans = bot.ask("Is there a binding investment?")          # doctest: +SKIP
>>> ans.answer[:2], ans.citations[0].quote[-40:]              # doctest: +SKIP
('No', 'production line, or binding investment commitment.')

Models load once, in the constructor; the index is brought up to date there
too (`auto_ingest=False` skips that). `ask` and `ask_stream` may be called from
several threads: retrieval runs in parallel, the local model serialises.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from .aboutness import POINTS_BACK, Background
from .answering import DECLINE, format_evidence, is_heading, parse_reply, reply_grammar, select_evidence, streamed_answer, with_masthead, with_naming_sentence
from .asides import without_asides
from .casing import Casing
from .claims import restated, without_claim
from .checking import check_threshold_for, second_look
from .config import Config
from .documents import load_documents
from .errors import DocumentsError, QuestionError
from .grounding import DECLINED, QUOTED, Verdict, is_yes_no, other_value, verify
from .idioms import in_plain_words
from .llm import FirstTokenOdds
from .metonyms import as_government, stand_in, without_dateline
from .models import cache_dir
from .names import answer_counts, missing_terms, stem_set, without_instructions
from .parts import PART_BREAK, about_its_answer, named_back, split_parts
from .spans import document_spans
from .spelling import Speller
from .store import SyncReport
from .text import content_words, fold, stem
from .types import Answer, Candidate, Citation

HISTORY_TURNS = 3  # follow-ups see at most this many previous turns
HISTORY_CHARS = 400  # of each previous message


class Assistant:
    def __init__(self, docs: str | Path | None = None, index: str | Path | None = None, config: Config | None = None,
                 *, llm=None, embedder=None, auto_ingest: bool = True, preload_llm: bool = True):
        from .embeddings import Embedder, identity
        from .prompts import load_prompts
        from .store import VectorStore

        base = config or Config.load()
        self.config = base.replace(docs=str(docs) if docs else None, index=str(index) if index else None)
        self.prompts = load_prompts(self.config.prompts_dir)
        self._llm = llm
        self._llm_lock = threading.Lock()
        self._warm_lock = threading.Lock()
        self._full_mode = None  # decided on first use: it needs the tokenizer
        self._warm = ""  # how the shared prefix was prepared, once it is
        self._check_warm = False  # whether the second look's system prompt has been prepared
        if llm is None and preload_llm and self.config.llm_backend == "local":
            self._preload()
        self.embedder = embedder or Embedder(self.config.embed_model)
        self.store = VectorStore.open(self.config, *identity(self.config.embed_model, self.embedder))
        self._ingest_lock = threading.Lock()
        self.last_report = SyncReport()
        self._load()
        if auto_ingest:
            self.ingest()

    # -- documents and index -------------------------------------------------
    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs)

    @property
    def sources(self) -> list[str]:
        return sorted(self._texts)

    def document_text(self, source: str) -> str:
        return self._texts[source]

    def _load(self) -> None:
        """Read the documents folder and rebuild the in-memory spans and BM25."""
        from .retrieval import HybridRetriever

        loaded = load_documents(self.docs_dir, self.config.max_document_bytes)
        self._documents = loaded.documents
        self._warnings, self._skipped = loaded.warnings, loaded.skipped
        self._spans = {d.source: document_spans(d) for d in loaded.documents}
        self._texts = {d.source: d.text for d in loaded.documents}
        self._corpus_stems = stem_set(list(self._texts.values()))
        self._content_stems = stem_set([without_dateline(t) for t in self._texts.values()])  # a dateline is not content
        self._background = Background.of(self._spans)
        self._casing = Casing.of(list(self._texts.values()))  # capitals for questions typed in lower case
        known = getattr(self.embedder, "known_words", set)()  # English words, never "corrected" (a fake embedder has none)
        self._speller = Speller.of(list(self._texts.values()), known)  # "comittee" written as the documents write it
        all_spans = [s for d in loaded.documents for s in self._spans[d.source]]
        self.retriever = HybridRetriever(all_spans, self.store, self.embedder, self.config.candidates_k)
        self._full_evidence = [Candidate(s, 0.0) for s in all_spans]
        if self.config.context != "retrieval":  # the shared prefix holds the documents: decide and prepare it anew
            with self._warm_lock:
                self._full_mode, self._warm = None, ""

    def ingest(self, progress: Callable[[int, int, str], None] | None = None) -> SyncReport:
        """Re-read the documents folder and bring the store up to date with it."""
        with self._ingest_lock:
            self._load()
            if not self._documents:
                raise DocumentsError(f"no readable .txt or .md documents in {self.docs_dir}"
                                     + (f" ({'; '.join(self._warnings)})" if self._warnings else ""))
            plan = self.store.plan(self._documents)
            report = self.store.sync(self._documents, self._spans, self.embedder, progress, self.config.lock_timeout) if plan.changed else plan
            report.skipped, report.warnings = list(self._skipped), list(self._warnings)
            self.last_report = report
            return report

    # -- models --------------------------------------------------------------
    @property
    def llm(self):
        with self._llm_lock:
            if self._llm is None:
                from .llm import load_llm

                self._llm = load_llm(self.config)
            return self._llm

    def _preload(self) -> None:
        """Load the local model now, and restore its cached prompt prefix in the background
        while the store opens (about a second on 2 cores).

        The load itself is not in the background: llama-cpp-python silences a
        model load by pointing the whole process's stdout and stderr at
        /dev/null, which swallowed the error message of a CLI that failed at the
        same moment. The prefix is prepared ahead only in "retrieval" mode, where
        it does not depend on the documents. Errors are left for the first real
        use, which raises them again with the same message (a missing model file, say).
        """
        try:
            _ = self.llm
        except Exception:  # noqa: BLE001 - reported by the first question instead
            return
        if self.config.context == "retrieval":
            threading.Thread(target=self._warm_quietly, name="prefix-warm-up", daemon=True).start()

    def _warm_quietly(self) -> None:
        try:
            self.warm_up()
        except Exception:  # noqa: BLE001 - the first question prepares the prefix again and reports any error
            pass

    @property
    def model_name(self) -> str:
        return getattr(self._llm, "name", None) or self.config.llm_model_path or self.config.llm_model

    # -- questions -----------------------------------------------------------
    def ask(self, question: str, history: list[tuple[str, str]] | None = None) -> Answer:
        """Answer `question` (a follow-up if `history` holds earlier (user, assistant) turns)."""
        for event in self.ask_stream(question, history):
            if isinstance(event, Answer):
                return event
        raise RuntimeError("ask_stream ended without an answer")  # not reachable

    def ask_stream(self, question: str, history: list[tuple[str, str]] | None = None) -> Iterator[str | Answer]:
        """Yield the answer text as it is generated (cumulative), then the final `Answer`.

        A question that asks two or three things ("When was it signed, and who signed
        it?") is answered part by part (`assistant.parts`), and the parts' answers joined.
        """
        question = self._check(question)
        t0 = time.perf_counter()
        timings: dict[str, float] = {}
        standalone = self.condense(question, history) if history else None
        if standalone is not None:
            timings["condense"] = _ms(t0)
        cleaned = self._casing.recase(self._speller.correct(restated(without_asides(in_plain_words(
            without_instructions(standalone or question))))))
        parts = split_parts(cleaned)
        if len(parts) == 1:
            yield from self._answer(question, cleaned, standalone, t0, timings)
            return
        answers: list[Answer] = []
        for i, part in enumerate(parts):
            said = " ".join(_part_text(a, p) for a, p in zip(answers, parts))
            leans = i > 0 and POINTS_BACK.search(part) and len(content_words(part)) <= 3  # "…, and what are they?"
            # still asked when its answer will be dropped, so that the model's replies stay one a part (for --replay)
            orphan = leans and answers[-1].abstained and about_its_answer(parts[i - 1], part)
            asked = named_back(part, parts[i - 1], answers[-1].answer) if i > 0 and not answers[-1].abstained else part
            for event in self._answer(asked, asked, None, time.perf_counter(), {}, search=cleaned if leans else None):
                if isinstance(event, Answer):
                    answers.append(replace(event, answer=DECLINED, abstained=True, citations=[],
                                           reason="it asks about the answer to the part before, which the documents do not give")
                                   if orphan else event)
                elif not orphan:
                    yield f"{said} {event}".strip()
        yield _joined(question, parts, answers, standalone, t0, timings)

    def _answer(self, question: str, cleaned: str, standalone: str | None, t0: float,
                timings: dict[str, float], search: str | None = None) -> Iterator[str | Answer]:
        """`ask_stream` for one question: `cleaned` is what is asked, without orders or history;
        `search`, when given, is what retrieval looks for instead (a part that leans on the others)."""
        governed = as_government(cleaned, self._mentions)  # "Why is Ottawa doing this?" asks what a government does
        asked = stand_in(governed, self._mentions)  # what the model and the checks are asked
        t1 = time.perf_counter()
        # a capital named only in a dateline still finds its sentences, unless it acts
        searched = as_government(search, self._mentions) if search else governed
        # "FTA" is searched for as the "Free Trade Agreement" the documents write
        query = self._casing.spelled_out(stand_in(searched, lambda ws: self._mentions(ws, self._corpus_stems)))
        pool = self.retriever.retrieve(query, self.config.candidates_k, dense_best_within=self.config.top_k)
        pool = [c for c in pool if not is_heading(c.span.text)] or pool  # a heading is shown to no one: it takes no place
        candidates = with_masthead(asked, with_naming_sentence(asked, pool, self.config.top_k), self._spans)
        timings["retrieve"] = _ms(t1)
        t2 = time.perf_counter()
        raw, decline_p, check_p = "", None, None
        # Names the documents never mention, outside a claim the question checks; a count describes the answer
        # ("What three areas …?", "what 3 things …?").
        of_documents = without_claim(asked)  # what the question asks of the documents, not the claim it doubts
        counts = answer_counts(asked)
        gaps = [t for t in missing_terms(of_documents, list(self._texts.values()), self._corpus_stems) if t not in counts]
        if not candidates or gaps:
            why = f"the documents never mention {', '.join(gaps)}" if gaps else "no document matches the question"
            verdict = other_value(asked, gaps, [c.span for c in candidates]) or Verdict(True, DECLINED, reason=why)
        else:
            self.warm_up()
            evidence = self._full_evidence if self.full_context else select_evidence(candidates, self._spans)
            system, user = self._answer_prompt(asked, evidence)
            yes_no = is_yes_no(asked)
            grammar = reply_grammar(len(evidence), yes_no=yes_no)
            # Reading the odds costs ~1 s per answer (a Python hook on every token), so only when used.
            odds = FirstTokenOdds(DECLINE, "[") if self.config.decline_threshold < 1.0 else None
            pieces = 0
            for piece in self.llm.stream(system, user, grammar, self.config.max_answer_tokens, odds=odds):
                raw, pieces = raw + piece, pieces + 1
                if visible := streamed_answer(raw):
                    yield visible
            decline_p = odds.value if odds else None
            if not yes_no and decline_p is not None and decline_p >= self.config.decline_threshold:
                why = f"the model leaned to declining (p={decline_p:.2f} ≥ decline_threshold {self.config.decline_threshold})"
                verdict = Verdict(True, DECLINED, reason=why)
            else:
                verdict = verify(asked, parse_reply(raw, len(evidence)), evidence, ranked=candidates, background=self._background)
                setting, threshold = check_threshold_for(asked, verdict, self.config) if getattr(self.llm, "reports_odds", False) else ("", 0.0)
                if threshold > 0:
                    verdict, check_p = self._second_look(of_documents, verdict, setting, threshold)
            if not verdict.abstained and pieces >= self.config.max_answer_tokens and QUOTED not in verdict.answer:
                verdict.answer += "…"  # cut by the token limit: say so rather than stop mid-sentence (a quote is whole)
        timings["generate"] = _ms(t2)
        timings["total"] = _ms(t0)
        yield Answer(question, verdict.answer, verdict.abstained, [Citation.of(s) for s in verdict.cited],
                     timings, standalone, candidates, verdict.reason, raw, decline_p, check_p)

    @property
    def full_context(self) -> bool:
        """Whether every sentence goes to the model (see Config.context)."""
        if self._full_mode is None:
            mode = self.config.context
            if mode == "auto":
                text = format_evidence(self._full_evidence, len(self._texts) > 1)
                mode = "full" if self.llm.count_tokens(text) <= self.config.full_context_tokens else "retrieval"
            self._full_mode = mode == "full"
        return self._full_mode

    def warm_up(self) -> str:
        """Load the model and evaluate (or restore from disk) the prompt prefix that every
        question shares, so that each question costs only itself.

        In "retrieval" mode the prefix is the system prompt (instructions and examples);
        in "full" mode it also holds every document sentence.
        """
        with self._warm_lock:
            if self._warm:
                return self._warm
            warm = getattr(self.llm, "warm_prefix", None)
            if warm is None:
                self._warm = "not supported"
                return self._warm
            system, user = self._answer_prompt("?", self._full_evidence if self.full_context else [])
            user = user if self.full_context else ""  # the system prompt alone is what questions share
            self._warm = warm(system, user, self._prefix_file(system, user))
            return self._warm

    def _prefix_file(self, system: str, user: str) -> Path:
        """Where the evaluated prefix of a prompt is kept on disk, named by the model file and the prompt."""
        key = hashlib.sha256(f"{self.llm.path}\0{self.llm.path.stat().st_size}\0{system}\0{user}".encode()).hexdigest()[:24]
        return cache_dir() / "prompt-cache" / f"{key}.bin"

    def _second_look(self, question: str, verdict: Verdict, setting: str, threshold: float) -> tuple[Verdict, float | None]:
        """`checking.second_look`, with the check's system prompt evaluated once per process
        (or restored from disk) like the answer prompt's, so that a check costs only its own text."""
        template = self.prompts["check"]
        with self._warm_lock:
            if not self._check_warm and hasattr(self.llm, "warm_prefix"):
                system = template.render(text="", question="", answer="")[0]
                self.llm.warm_prefix(system, "", self._prefix_file(system, ""))
            self._check_warm = True
        return second_look(self.llm, template, question, verdict, threshold, setting)

    def _mentions(self, words: list[str], stems: set[str] | None = None) -> bool:
        """Whether the documents contain each of `words` (compared by stem), outside their datelines
        unless `stems` (e.g. every stem of the documents) says otherwise."""
        return all(stem(fold(w)) in (self._content_stems if stems is None else stems) for w in words)

    def _check(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise QuestionError("the question is empty: type a question about the documents")
        question = " ".join(question.split())
        if len(question) > self.config.max_question_chars:
            raise QuestionError(f"the question is {len(question):,} characters long; the limit is "
                                f"{self.config.max_question_chars:,} (max_question_chars): shorten it")
        return question

    def _answer_prompt(self, question: str, evidence) -> tuple[str, str]:
        multi = len({c.span.source for c in evidence}) > 1
        hint = "\nThis is a yes/no question: begin the answer with Yes or No." if is_yes_no(question) else ""
        return self.prompts["answer"].render(evidence=format_evidence(evidence, multi), question=question, hint=hint)

    def condense(self, question: str, history: list[tuple[str, str]]) -> str:
        """Rewrite a follow-up ("And when?") into a stand-alone question using recent turns."""
        turns = [(u[:HISTORY_CHARS], a[:HISTORY_CHARS]) for u, a in history[-HISTORY_TURNS:]]
        lines = "\n".join(f"User: {u}\nAssistant: {a}" for u, a in turns)
        system, user = self.prompts["condense"].render(history=lines, question=question)
        grammar = 'root ::= [^\\n]{3,300}'
        rewritten = "".join(self.llm.stream(system, user, grammar, 60)).strip().strip('"')
        return " ".join(rewritten.split()) or question


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def _part_text(answer: Answer, part: str) -> str:
    """One part's answer as a sentence of the joined answer: "The documents do not answer “Can it be renewed?”." if declined."""
    if answer.abstained:
        return f"The documents do not answer “{part}”"
    text = answer.answer.strip()
    text = text[:1].upper() + text[1:]  # "provides an additional platform …" opens a sentence of its own
    return text if text.endswith((".", "!", "?", "…", "”", '"')) else text + "."


def _joined(question: str, parts: list[str], answers: list[Answer], standalone: str | None, t0: float,
            timings: dict[str, float]) -> Answer:
    """One `Answer` for a question of several parts: their answers in order, their citations (each once).

    Declined only when every part is; the model's replies are kept joined by `PART_BREAK`
    (for `assistant eval --replay`), and the parts themselves in `parts`.
    """
    for a in answers:
        for key, ms in a.timings_ms.items():
            if key != "total":
                timings[key] = timings.get(key, 0.0) + ms
    timings["total"] = _ms(t0)
    reasons = "; ".join(f"part {i}: {a.reason}" for i, a in enumerate(answers, 1))
    raw = PART_BREAK.join(a.model_reply for a in answers)
    candidates = list({(c.span.source, c.span.index): c for a in answers for c in a.candidates}.values())
    if all(a.abstained for a in answers):
        return Answer(question, DECLINED, True, [], timings, standalone, candidates, reasons, raw, parts=answers)
    citations = list(dict.fromkeys(c for a in answers for c in a.citations))
    text = " ".join(_part_text(a, p) for a, p in zip(answers, parts))
    return Answer(question, text, False, citations, timings, standalone, candidates, reasons, raw, parts=answers)
