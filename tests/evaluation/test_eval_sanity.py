"""Metrics computed a second, independent way (brute force or an outside reference) must agree."""

import json
import random
import re
import string
from pathlib import Path

import pytest

from assistant.evaluation import metrics as m
from assistant.types import Candidate, Span

SQUAD = Path("/work/shared/data/squad/dev-v1.1.json")
_PUNCT = re.compile(f"[{re.escape(string.punctuation)}]")


def brute_normalize(text: str) -> str:
    """SQuAD normalisation written differently: regex punctuation, split-and-filter articles."""
    words = _PUNCT.sub("", text.lower()).split()
    return " ".join(w for w in words if w not in ("a", "an", "the"))


def brute_f1(prediction: str, gold: str) -> float:
    """Token F1 by pairing tokens one at a time (no Counter)."""
    pred, left = brute_normalize(prediction).split(), brute_normalize(gold).split()
    common = 0
    for token in pred:
        if token in left:
            left.remove(token)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(pred), common / len(brute_normalize(gold).split())
    return 2 * p * r / (p + r)


def squad_answers(limit: int = 400) -> list[str]:
    if not SQUAD.exists():
        pytest.skip("SQuAD dev set not available")
    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    texts = [a["text"] for art in data[:3] for p in art["paragraphs"] for q in p["qas"] for a in q["answers"]]
    return texts[:limit]


def test_squad_f1_agrees_with_a_brute_force_token_pairing_on_real_answers():
    answers = squad_answers()
    rng = random.Random(3)
    for _ in range(500):
        prediction = " ".join(rng.sample(answers, 2))  # mixes two answers: partial overlaps
        golds = rng.sample(answers, 3) + [prediction.split(" ")[0]]
        expected = max(brute_f1(prediction, g) for g in golds)
        assert m.squad_f1(prediction, golds) == pytest.approx(expected)
        assert m.normalize_answer(prediction) == brute_normalize(prediction)


def chars(start: int, end: int) -> set[int]:
    return set(range(start, end))


def test_overlap_and_gold_rank_agree_with_character_set_intersection():
    rng = random.Random(11)
    for _ in range(300):
        gold = [tuple(sorted(rng.sample(range(60), 2))) for _ in range(rng.randint(1, 3))]
        gold_chars = set().union(*(chars(*g) for g in gold))
        spans = [sorted(rng.sample(range(60), 2)) for _ in range(rng.randint(0, 8))]
        found = [Candidate(Span(rng.choice(["a", "b"]), s, e, "", 0), 1.0) for s, e in spans]
        brute = next((i + 1 for i, c in enumerate(found) if c.span.source == "a" and chars(c.span.start, c.span.end) & gold_chars), None)
        assert m.gold_rank(found, "a", gold) == brute
        for s, e in spans:
            assert m.overlaps((s, e), gold[0]) == bool(chars(s, e) & chars(*gold[0]))


def test_hit_at_k_and_mrr_agree_with_a_loop_over_ranked_lists():
    rng = random.Random(5)
    rows, relevance = [], []  # relevance: per question, 0/1 for each retrieved position
    for _ in range(200):
        hits = [rng.random() < 0.15 for _ in range(rng.randint(0, 12))]
        relevance.append(hits)
        rank = hits.index(True) + 1 if True in hits else None
        rows.append({"answerable": True, "has_gold": True, "gold_rank": rank})
    for k in (1, 3, 5, 10):
        assert m.hit_at_k(rows, k) == pytest.approx(sum(any(h[:k]) for h in relevance) / len(relevance))
    reciprocal = [next((1 / (i + 1) for i, h in enumerate(hits) if h), 0.0) for hits in relevance]
    assert m.mrr(rows) == pytest.approx(sum(reciprocal) / len(reciprocal))


def test_percentile_agrees_with_numpy():
    numpy = pytest.importorskip("numpy")
    rng = random.Random(9)
    for size in (1, 2, 5, 37, 200):
        values = [rng.uniform(1, 5000) for _ in range(size)]
        for q in (0, 50, 95, 100):
            assert m.percentile(values, q) == pytest.approx(float(numpy.percentile(values, q)))
