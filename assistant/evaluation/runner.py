"""Ask every golden question and score each answer: `run_eval(bot, golden_rows) -> (rows, summary)`.

>>> rows, summary = run_eval(bot, load_golden("gold.jsonl", docs="seeds"))   # doctest: +SKIP
>>> summary["answer_accuracy"], rows[0]["correct"]                           # doctest: +SKIP
(0.85, True)

`bot` is anything with `ask(question) -> Answer` and `document_text(source) -> str`.
Gold evidence is located in `bot.document_text(source)`, the text the assistant's
offsets refer to. Deliberately not done: no retries, no parallel questions, and
an exception from `bot.ask` stops the run (a broken model should not be scored).
"""

from __future__ import annotations

import re

from tqdm import tqdm

from ..errors import AssistantError
from . import metrics
from .golden import GoldenRow

_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n+")  # where a sentence ends


def run_eval(bot, golden_rows: list[GoldenRow], progress: bool = True) -> tuple[list[dict], dict]:
    """Ask each question in order (with a tqdm bar on stderr) and return (result rows, summary)."""
    text_of = _document_reader(bot)
    rows = []
    for golden in tqdm(golden_rows, desc="evaluating", unit="question", disable=not progress):
        rows.append(score_question(golden, bot.ask(golden.question), text_of))
    return rows, metrics.summarize(rows)


def score_question(golden: GoldenRow, answer, text_of) -> dict:
    """One result row: `answer.to_dict()` + id, category, per-question metrics and gold info.

    `text_of(source)` returns a document's text, or None when it cannot be read (then
    its citations do not count as verbatim and its evidence cannot be located).
    """
    gold_text = text_of(golden.source) if golden.source else None
    gold, unlocated = gold_spans(golden, gold_text)
    cited = [_judge_citation(c, golden.source, gold, text_of) for c in answer.citations]
    rank = metrics.gold_rank(answer.candidates, golden.source, gold)
    return {
        "id": golden.id,
        "category": golden.category or "(none)",
        **answer.to_dict(),
        "reason": getattr(answer, "reason", ""),  # why the pipeline kept, repaired or declined it
        "model_reply": getattr(answer, "model_reply", ""),
        "decline_probability": getattr(answer, "decline_probability", None),
        "check_probability": getattr(answer, "check_probability", None),
        "part_checks": [a.check_probability for a in getattr(answer, "parts", [])] or None,  # per part, for --replay
        "answerable": golden.answerable,
        "correct": metrics.is_correct(golden, answer.answer, answer.abstained),
        "squad_f1": metrics.question_f1(golden, answer.answer, answer.abstained),
        "has_gold": bool(gold),
        "n_citations": len(cited),
        "n_citations_on_gold": sum(c["on_gold"] for c in cited),
        "n_quotes_verbatim": sum(c["verbatim"] for c in cited),
        "gold_rank": rank,
        "n_candidates": len(answer.candidates),
        "cited": cited,  # parallel to "citations": on_gold, verbatim, sentence context
        "gold": {
            "source": golden.source, "facts": golden.facts, "polarity": golden.polarity,
            "answers": golden.answers, "evidence": golden.evidence,
            "spans": [list(s) for s in gold], "span_texts": [gold_text[s:e] for s, e in gold],
            "contexts": [_context(gold_text, s, e, width=80) for s, e in merge_spans(gold)],  # for the report
            "unlocated": unlocated,  # evidence quotes not found in the assistant's text of the source
        },
    }


def gold_spans(golden: GoldenRow, text: str | None) -> tuple[list[tuple[int, int]], list[str]]:
    """(gold evidence ranges in `text`, evidence quotes that could not be found there).

    The ranges are every occurrence of every `evidence` quote plus the `gold_spans`.
    """
    if text is None:
        return [], list(golden.evidence)
    located = metrics.locate_quotes(text, golden.evidence)
    unlocated = [q for q in golden.evidence if q not in text]
    return sorted(set(located) | set(golden.gold_spans)), unlocated


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching ranges merged, sorted.

    >>> merge_spans([(5, 9), (0, 3), (3, 4), (8, 12)])
    [(0, 4), (5, 12)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def sentence_context(text: str, start: int, end: int, width: int = 160) -> tuple[str, str]:
    """The text around text[start:end], cut to whole sentences within `width` characters each side.

    >>> sentence_context("One. Two three. Four five. Six", 9, 15, width=12)   # around "three."
    ('One. Two ', ' Four five.')

    A side with no sentence boundary inside its window is cut at a space instead and
    marked with "…". Deliberately simple: ".", "!", "?" then space, or a newline, end a sentence.
    """
    low, high = max(0, start - width), min(len(text), end + width)
    before = text[low:start] if low == 0 else _from_sentence_start(text[low:start])
    after = text[end:high] if high == len(text) else _to_sentence_end(text[end:high])
    return before, after


def _from_sentence_start(window: str) -> str:
    """Drop the (likely partial) first sentence of a window, or else its first word plus "…"."""
    first = _BOUNDARY.search(window)
    return window[first.end():] if first else "…" + window[window.find(" ") + 1:]


def _to_sentence_end(window: str) -> str:
    """Keep the window up to its last sentence end, or else up to its last space plus "…"."""
    ends = [m.start() for m in _BOUNDARY.finditer(window)]
    if ends:
        return window[: ends[-1]]
    space = window.rfind(" ")
    return (window[:space] if space > 0 else window) + "…"


def _context(text: str, start: int, end: int, width: int) -> dict:
    before, after = sentence_context(text, start, end, width)
    return {"before": before, "text": text[start:end], "after": after}


def _judge_citation(citation, gold_source: str | None, gold: list[tuple[int, int]], text_of) -> dict:
    text = text_of(citation.source)
    verbatim = text is not None and text[citation.start:citation.end] == citation.quote
    before, after = sentence_context(text, citation.start, citation.end) if verbatim else ("", "")
    return {
        "on_gold": metrics.on_gold(citation.source, citation.start, citation.end, gold_source, gold),
        "verbatim": verbatim,
        "before": before,
        "after": after,
    }


def _document_reader(bot):
    """`bot.document_text`, read once per source; None for a document it cannot give."""
    cache: dict[str, str | None] = {}

    def text_of(source: str) -> str | None:
        if source not in cache:
            try:
                cache[source] = bot.document_text(source)
            except (AssistantError, OSError, KeyError, ValueError):
                cache[source] = None
        return cache[source]

    return text_of
