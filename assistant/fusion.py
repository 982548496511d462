"""Fusion of several scored rankings by a convex combination of normalised scores.

>>> fuse([[("a", 0.9), ("b", 0.5), ("c", 0.1)], [("c", 8.0), ("a", 4.0), ("d", 0.0)]])
[('a', 0.75), ('c', 0.5), ('b', 0.25), ('d', 0.0)]

Each list's scores are min-max normalised to [0, 1] (its best item gets 1),
from its `floor`: the score of an item that matches nothing (0 for BM25), or,
when none is given, its worst returned item's; an item a list did not return
gets 0 from it; the fused score is the mean. Unlike reciprocal-rank
fusion this keeps the margins: a BM25 hit far ahead of the rest on a rare word
("EV battery plant") is not outvoted by a dense ranking that puts it 15th.
Measured against RRF (k=60) over the seed article's 269 answerable questions
and five SQuAD samples (369), gold sentence in the top 3: 0.908 → 0.923 (the
mean of the six sets), in the top 1: 0.720 → 0.763 (README, "Measured figures").
Deliberately not done: no score calibration across queries, no weights (both lists count
equally).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def fuse(rankings: Sequence[Sequence[tuple[Hashable, float]]],
         floors: Sequence[float | None] | None = None) -> list[tuple[Hashable, float]]:
    """Fuse lists of (item, score) (higher is better) into one list of (item, score), best first.

    With a floor of 0, a BM25 list that found only a few sentences keeps their
    closeness: scores 1.62, 1.51, 1.51 become 1.0, 0.93, 0.93, not 1, 0, 0.

    >>> fuse([[("a", 1.62), ("b", 1.51)]], floors=[0.0])
    [('a', 1.0), ('b', 0.932...)]

    Ties keep first-seen order.
    """
    floors = floors or [None] * len(rankings)
    fused: dict[Hashable, float] = {}
    for ranking, floor in zip(rankings, floors):
        for item, _ in ranking:
            fused.setdefault(item, 0.0)
        if not ranking:
            continue
        hi = max(s for _, s in ranking)
        lo = min(s for _, s in ranking) if floor is None else floor
        for item, score in ranking:
            fused[item] += ((score - lo) / (hi - lo) if hi > lo else 1.0) / len(rankings)
    return sorted(fused.items(), key=lambda p: -p[1])


def with_each_best(fused: list[tuple[Hashable, float]], rankings: Sequence[Sequence[tuple[Hashable, float]]],
                   within: int) -> list[tuple[Hashable, float]]:
    """`fused` with the best item of every ranking among its first `within`, the rest in order.

    A dense ranking may put the right sentence first by a wide margin while BM25,
    matching common words elsewhere, sinks it below the cut ("Which country is
    Canada's car sector tied at the hip with?"); each list's best is given a
    place, taken from the fused list's last places within the cut:

    >>> with_each_best([("a", 0.9), ("b", 0.8), ("c", 0.7), ("d", 0.6)], [[("d", 1.0), ("a", 0.5)], [("a", 3.0)]], 2)
    [('a', 0.9), ('d', 0.6), ('b', 0.8), ('c', 0.7)]

    Deliberately not done: no margin test (on the seed questions a margin of 0.05 in
    cosine similarity changed nothing); a list's best always counts.
    """
    best = list(dict.fromkeys(r[0][0] for r in rankings if r))
    head = [item for item, _ in fused[:within]]
    missing = [b for b in best if b not in head]
    if not missing or len(missing) >= within:
        return fused
    chosen = set(head[:within - len(missing)]) | set(missing)
    return [p for p in fused if p[0] in chosen] + [p for p in fused if p[0] not in chosen]

