"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings fused by their normalised scores.

>>> retriever = HybridRetriever(spans, store, embedder)       # doctest: +SKIP
>>> [c.span.text for c in retriever.retrieve("Which body does the agreement create?", 3)]  # doctest: +SKIP

Dense retrieval finds paraphrases that share no words with the text; BM25
finds rare names and numbers that a small embedding model blurs. Each returns
`candidates_k` sentences; a convex combination of their normalised scores
merges them (`assistant.fusion`). BM25 also looks for the words a text
usually uses for a few question words (`assistant.lexical.expand`: "create"
finds "establishes"). Deliberately not done: no cross-encoder re-ranking, no
expansion of the dense query.
"""

from __future__ import annotations

from .fusion import fuse, with_each_best
from .lexical import BM25, query_terms, with_antecedent
from .types import Candidate, Span


class HybridRetriever:
    def __init__(self, spans: list[Span], store, embedder, candidates_k: int = 30):
        self.spans = spans
        self.position = {(s.source, s.index): i for i, s in enumerate(spans)}  # (source, sentence) -> position
        self.bm25 = BM25(_lexical_terms(spans))
        self.store, self.embedder, self.candidates_k = store, embedder, candidates_k

    def dense(self, question: str) -> list[tuple[int, float]]:
        """(span position, similarity) of the nearest sentences, best first."""
        hits = self.store.query(self.embedder.get_query_embedding(question), self.candidates_k)
        return [(self.position[(src, i)], sim) for src, i, sim in hits if (src, i) in self.position]

    def lexical(self, question: str) -> list[tuple[int, float]]:
        return self.bm25.top(query_terms(question), self.candidates_k)

    def retrieve(self, question: str, k: int, dense_best_within: int = 0) -> list[Candidate]:
        """The `k` best sentences for `question`, best first, with their ranks; with `dense_best_within`,
        the dense ranking's best is among the first that many (`fusion.with_each_best`).

        Measured (2026-12-01) with the cut at 3, gold sentence in the top 3: seed article
        questions 0.914 → 0.920 (1,829), the six SQuAD samples 609 → 607 of 674; also giving
        BM25's best a place: seed 0.922, SQuAD 606, so it is not done."""
        dense, lexical = self.dense(question), self.lexical(question)
        dense_rank = {p: r for r, (p, _) in enumerate(dense, start=1)}
        lexical_rank = {p: r for r, (p, _) in enumerate(lexical, start=1)}
        fused = fuse([dense, lexical], floors=[None, 0.0])  # BM25 gives 0 to a sentence sharing no word
        if dense_best_within:
            fused = with_each_best(fused, [dense], dense_best_within)
        return [
            Candidate(self.spans[p], score, dense_rank.get(p), lexical_rank.get(p))
            for p, score in fused[:k]
        ]


def _lexical_terms(spans: list[Span]) -> list[list[str]]:
    """BM25 terms of each span: its stems and the name a demonstrative in it points back to
    in the sentence before it in the same document (`lexical.with_antecedent`)."""
    def before(i: int) -> str:
        previous = spans[i - 1] if i else None
        return previous.text if previous and previous.source == spans[i].source and previous.index == spans[i].index - 1 else ""

    return [with_antecedent(span.text, before(i)) for i, span in enumerate(spans)]
