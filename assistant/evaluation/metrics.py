"""Scores for an evaluation run, computed without an LLM judge.

Two layers. Per-question functions answer one question about one answer
(`is_correct`, `squad_f1`, `gold_rank`, ...). Aggregates take the result rows of
a run (dicts made by `runner.score_question`) and return a share in [0, 1], or
None when nothing could be measured (no unanswerable questions, no citations...).

The aggregates read only these row keys:
  answerable: bool            abstained: bool           correct: bool
  squad_f1: float | None      has_gold: bool (gold evidence was located in the source text)
  n_citations: int            n_citations_on_gold: int  n_quotes_verbatim: int
  gold_rank: int | None       n_candidates: int         timings_ms: {"retrieve", "generate", "total"}
  category: str

Deliberately not done: no LLM judge, no semantic similarity, no stemming. A
right answer phrased in words the golden file did not foresee counts as wrong.
"""

from __future__ import annotations

import re
import string
from collections import Counter

LOWER_IS_BETTER = frozenset({"wrongly_declined", "latency_p50_ms", "latency_p95_ms"})
NEUTRAL = frozenset({"n_questions", "n_answerable", "n_unanswerable", "retrieve_share", "generate_share"})
HIT_KS = (1, 3, 5, 10)
_PUNCTUATION = frozenset(string.punctuation) | frozenset("“”‘’")  # and the curly quotes of quoted answers

# ---- answers -------------------------------------------------------------------------------


def normalize_answer(text: str) -> str:
    """SQuAD's official normalisation: lower case, drop punctuation, drop a/an/the, collapse spaces.

    >>> normalize_answer("The  Battle of Hastings, (1066)!")
    'battle of hastings 1066'

    Unlike the official script, curly quotes count as punctuation too: a quoted answer,
    “… through vaccination.”, holds the gold "vaccination".
    >>> normalize_answer("“Through vaccination.”")
    'through vaccination'
    """
    text = "".join(ch for ch in text.lower() if ch not in _PUNCTUATION)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def token_f1(prediction: str, gold: str) -> float:
    """SQuAD token F1 of one prediction against one gold text (after `normalize_answer`).

    >>> round(token_f1("the Norman army", "Norman army of William"), 3)   # 2 common; P=2/2, R=2/4
    0.667
    """
    pred, ref = normalize_answer(prediction).split(), normalize_answer(gold).split()
    common = sum((Counter(pred) & Counter(ref)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def squad_f1(prediction: str, gold_answers: list[str]) -> float:
    """Best `token_f1` over the gold answers; 0.0 when there are none.

    >>> squad_f1("in 1066", ["1066", "October 1066"])
    0.6666666666666666
    """
    return max((token_f1(prediction, gold) for gold in gold_answers), default=0.0)


def contains_answer(answer: str, gold_answers: list[str]) -> bool:
    """Some gold text appears in the answer as whole tokens, both SQuAD-normalised.

    >>> contains_answer("It was fought in 1066.", ["1066"]), contains_answer("In 10667.", ["1066"])
    (True, False)

    Gold texts that normalise to nothing ("the") never match.
    """
    padded = f" {normalize_answer(answer)} "
    return any(gold and f" {gold} " in padded for gold in map(normalize_answer, gold_answers))


def facts_match(answer: str, facts: list[list[str]]) -> bool:
    """Every group has a phrasing in the answer (case-insensitive substring, spaces collapsed).

    >>> facts_match("Mélanie Joly and Kim Jung-kwan", [["Joly"], ["Kim Jung kwan", "KIM JUNG-KWAN"]])
    True

    No facts means nothing to check: True. Substrings, not words: "Korea" matches "Korean".
    """
    text = _fold(answer)
    return all(any(_fold(phrasing) in text for phrasing in group) for group in facts)


def polarity_match(answer: str, polarity: str | None) -> bool:
    """The answer opens with the expected Yes/No word (leading punctuation and markup allowed).

    >>> polarity_match("**No.** It does not replace it.", "no"), polarity_match("Nobody knows", "no")
    (True, False)
    """
    if polarity is None:
        return True
    found = re.match(r"\W*(yes|no)\b", answer, re.IGNORECASE)
    return bool(found) and found.group(1).lower() == polarity


def is_correct(golden, answer: str, abstained: bool) -> bool:
    """The definition of a correct answer.

    Unanswerable question: correct exactly when the assistant abstained.
    Answerable question: correct when it did not abstain and the answer passes every
    check the golden row has: `facts` groups, `polarity`, and (SQuAD) `answers`.
    An answerable row with none of those is correct whenever it is answered.
    """
    if not golden.answerable:
        return abstained
    if abstained:
        return False
    return (
        facts_match(answer, golden.facts)
        and polarity_match(answer, golden.polarity)
        and (not golden.answers or contains_answer(answer, golden.answers))
    )


def question_f1(golden, answer: str, abstained: bool) -> float | None:
    """SQuAD F1 for an answerable row with `answers` (0.0 if it abstained); None otherwise.

    Unanswerable questions are left to `abstain_accuracy` rather than scored 1/0 here
    as SQuAD 2.0's official script does, so this stays comparable with SQuAD 1.1 runs.
    """
    if not golden.answerable or not golden.answers:
        return None
    return 0.0 if abstained else squad_f1(answer, golden.answers)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


# ---- evidence, citations, retrieval --------------------------------------------------------


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two half-open character ranges share at least one character.

    >>> overlaps((0, 10), (9, 20)), overlaps((0, 10), (10, 20))
    (True, False)
    """
    return a[0] < b[1] and b[0] < a[1]


def locate_quotes(text: str, quotes: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of every quote in `text`, as sorted (start, end) ranges.

    >>> locate_quotes("a b a", ["a"])
    [(0, 1), (4, 5)]
    """
    spans = set()
    for quote in quotes:
        start = text.find(quote)
        while quote and start != -1:
            spans.add((start, start + len(quote)))
            start = text.find(quote, start + 1)
    return sorted(spans)


def on_gold(source: str, start: int, end: int, gold_source: str | None, gold: list[tuple[int, int]]) -> bool:
    """A (source, start, end) range falls on the gold evidence: same document, overlapping range."""
    return source == gold_source and any(overlaps((start, end), span) for span in gold)


def gold_rank(candidates, gold_source: str | None, gold: list[tuple[int, int]]) -> int | None:
    """1-based rank of the first candidate whose span is on the gold evidence; None if none is.

    `candidates` are `assistant.types.Candidate`s, best first.
    """
    for rank, candidate in enumerate(candidates, start=1):
        span = candidate.span
        if on_gold(span.source, span.start, span.end, gold_source, gold):
            return rank
    return None


# ---- aggregates over result rows ------------------------------------------------------------


def _share(hits: float, total: float) -> float | None:
    return hits / total if total else None


def _judged(rows: list[dict]) -> list[dict]:
    """Rows whose citations and retrieval can be judged: answerable, with located gold evidence."""
    return [r for r in rows if r["answerable"] and r["has_gold"]]


def answer_accuracy(rows: list[dict]) -> float | None:
    """Share of all questions answered correctly (`is_correct`: declining counts on unanswerable ones)."""
    return _share(sum(r["correct"] for r in rows), len(rows))


def answered_correctly(rows: list[dict]) -> float | None:
    """Share of answerable questions answered correctly (a declined one counts as not).

    >>> answered_correctly([{"answerable": True, "correct": True}, {"answerable": True, "correct": False},
    ...                     {"answerable": False, "correct": True}])
    0.5
    """
    answerable = [r for r in rows if r["answerable"]]
    return _share(sum(r["correct"] for r in answerable), len(answerable))


def abstain_accuracy(rows: list[dict]) -> float | None:
    """Share of unanswerable questions the assistant declined."""
    unanswerable = [r for r in rows if not r["answerable"]]
    return _share(sum(r["abstained"] for r in unanswerable), len(unanswerable))


def wrongly_declined(rows: list[dict]) -> float | None:
    """Share of answerable questions the assistant declined (lower is better)."""
    answerable = [r for r in rows if r["answerable"]]
    return _share(sum(r["abstained"] for r in answerable), len(answerable))


def citation_recall(rows: list[dict]) -> float | None:
    """Share of judged questions (see `_judged`) with at least one citation on the gold evidence.

    A judged question that abstained or cited nothing counts as a miss.
    """
    judged = _judged(rows)
    return _share(sum(r["n_citations_on_gold"] > 0 for r in judged), len(judged))


def citation_precision(rows: list[dict]) -> float | None:
    """Share of the citations given on judged questions that fall on the gold evidence.

    Pooled over citations, not averaged per question; None when no judged question cites anything.
    """
    judged = _judged(rows)
    return _share(sum(r["n_citations_on_gold"] for r in judged), sum(r["n_citations"] for r in judged))


def quotes_verbatim(rows: list[dict]) -> float | None:
    """Share of all citations (every question) whose quote == document_text[start:end]."""
    return _share(sum(r["n_quotes_verbatim"] for r in rows), sum(r["n_citations"] for r in rows))


def hit_at_k(rows: list[dict], k: int) -> float | None:
    """Share of judged questions with a gold-evidence candidate among the first k retrieved."""
    judged = _judged(rows)
    return _share(sum(r["gold_rank"] is not None and r["gold_rank"] <= k for r in judged), len(judged))


def mrr(rows: list[dict]) -> float | None:
    """Mean reciprocal rank of the first gold-evidence candidate over judged questions (0 if absent)."""
    judged = _judged(rows)
    return _share(sum(1 / r["gold_rank"] for r in judged if r["gold_rank"]), len(judged))


def mean_squad_f1(rows: list[dict]) -> float | None:
    """Mean of the per-question `squad_f1` values that are not None."""
    values = [r["squad_f1"] for r in rows if r.get("squad_f1") is not None]
    return _share(sum(values), len(values))


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation between sorted values (numpy's default).

    >>> percentile([10, 20, 30, 40], 50), percentile([10, 20, 30, 40], 95)
    (25.0, 38.5)
    """
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency(rows: list[dict]) -> dict[str, float | None]:
    """p50/p95 of total time, and the shares of summed total time spent retrieving and generating.

    Shares are sum(stage) / sum(total) over rows that report a total, not a mean of per-question ratios.
    """
    timed = [r["timings_ms"] for r in rows if "total" in r.get("timings_ms", {})]
    totals = [t["total"] for t in timed]
    return {
        "latency_p50_ms": percentile(totals, 50),
        "latency_p95_ms": percentile(totals, 95),
        "retrieve_share": _share(sum(t.get("retrieve", 0.0) for t in timed), sum(totals)),
        "generate_share": _share(sum(t.get("generate", 0.0) for t in timed), sum(totals)),
    }


def quality(rows: list[dict], ks: tuple[int, ...] = HIT_KS) -> dict[str, float | None]:
    """All the answer, abstention, citation and retrieval metrics of `rows`, by summary name."""
    metrics = {
        "answer_accuracy": answer_accuracy(rows),
        "answered_correctly": answered_correctly(rows),
        "abstain_accuracy": abstain_accuracy(rows),
        "wrongly_declined": wrongly_declined(rows),
        "citation_precision": citation_precision(rows),
        "citation_recall": citation_recall(rows),
        "quotes_verbatim": quotes_verbatim(rows),
        "squad_f1": mean_squad_f1(rows),
    }
    metrics.update({f"hit@{k}": hit_at_k(rows, k) for k in ks})
    if ks:
        metrics["mrr"] = mrr(rows)
    return metrics


def summarize(rows: list[dict]) -> dict:
    """The summary of a run: counts, every metric, latency, and the quality metrics per category.

    hit@k is reported for k in 1, 3, 5, 10 up to the most candidates any question got
    (none at all when the assistant reports no candidates).
    """
    most = max((r["n_candidates"] for r in rows), default=0)
    ks = tuple(k for k in HIT_KS if k <= most)
    categories = sorted({r["category"] for r in rows})
    return {
        "n_questions": len(rows),
        "n_answerable": sum(r["answerable"] for r in rows),
        "n_unanswerable": sum(not r["answerable"] for r in rows),
        **quality(rows, ks),
        **latency(rows),
        "by_category": {
            c: {"n": sum(r["category"] == c for r in rows), **quality([r for r in rows if r["category"] == c], ks)}
            for c in categories
        },
    }
