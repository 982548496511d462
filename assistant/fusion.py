"""Reciprocal-rank fusion of several ranked lists.

>>> rrf([["a", "b", "c"], ["c", "a"]], k=60)
[('a', 0.0325...), ('c', 0.0322...), ('b', 0.0161...)]

Each list contributes ``1 / (k + rank)`` (rank from 1) for every item it holds;
items missing from a list get nothing from it. Only ranks matter, so scores of
different scales (cosine, BM25) need no calibration. Ties keep first-seen order.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def rrf(rankings: Sequence[Sequence[Hashable]], k: int = 60, weights: Sequence[float] | None = None) -> list[tuple[Hashable, float]]:
    """Fuse `rankings` (best first) into one list of (item, score), best first."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[Hashable, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda p: -p[1])
