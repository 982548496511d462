"""BM25 over sentence spans: the lexical half of hybrid retrieval.

>>> bm25 = BM25([["joly", "sign"], ["committee", "establish"], ["battery"]])
>>> bm25.top(["sign", "joly"], k=2)
[(0, 1.79...)]

Terms are the stems of `assistant.text.stems`, so "signed" finds "signing".
Kept in memory and rebuilt from the documents at start-up (a few ms per
thousand sentences); deliberately not persisted and not approximate.

A question's words also bring the words texts tend to use for them (`expand`).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .text import stems


# Question words and the words a text usually says instead, by stem. "What new body does the
# agreement create?" shares only "agreement" with "The agreement establishes a … Committee";
# the dense model put that sentence 8th, and six held-out sets asked it so. Measured over the seed
# golden set, 435 blind questions and five SQuAD samples (gold sentence in the top 3):
# 8 questions rise, none falls; "group" was tried too and pushed two SQuAD answers down. Live, on
# the 20 questions whose top 3 changed: 7 answers gained, 1 lost ("Which entity is the secondary
# legislative body?" → "The Commission"). Deliberately not a thesaurus: only words measured so.
EXPANSIONS = {
    "creat": ("establish", "form", "found", "launch"),
    "body": ("committee", "council", "commission", "board", "agency", "panel", "authority"),
    # the clipped word: "our auto sector" is the text's "automotive industry" (session 30: gold sentence in the
    # top 3 for 1 more of 1,023 seed questions, none fewer; no SQuAD question's BM25 rank changed)
    "auto": ("automotiv", "automobil"),
}


# Phrasal verbs a question uses for a word of `EXPANSIONS`: "What new body does the MOU set up?" asks
# what it created ("establishes a … Committee"); "set" alone is left alone ("sets out"). Session 30:
# gold sentence in the top 3 for 5 more of 1,023 seed questions, none fewer; of SQuAD's 8 "set up"
# questions, BM25 alone (not the fused ranking) put 2 gold sentences lower (1st → 4th, 1st → 2nd).
PHRASAL = [(re.compile(r"\bset(?:s|ting)?\s+up\b", re.I), "creat")]


def query_terms(question: str) -> list[str]:
    """The lexical query for `question`: its stems, its phrasal verbs' words, and their expansions.

    >>> query_terms("Who set up the panel?")
    ['set', 'panel', 'creat', 'establish', 'form', 'found', 'launch']
    """
    return expand(stems(question) + [word for phrase, word in PHRASAL if phrase.search(question)])


def expand(terms: list[str]) -> list[str]:
    """`terms` and the stems of their `EXPANSIONS`.

    >>> expand(["new", "body", "creat"])
    ['new', 'body', 'creat', 'committee', 'council', 'commission', 'board', 'agency', 'panel', 'authority', 'establish', 'form', 'found', 'launch']
    """
    return terms + [w for t in terms for w in EXPANSIONS.get(t, ())]


DEMONSTRATIVE = re.compile(r"\b(?:that|this|the same)\s+([a-z]{4,})\b")


def with_antecedent(text: str, before: str = "") -> list[str]:
    """The stems of `text`, plus the name a demonstrative in it points back to in `before`,
    the sentence before it in its document.

    "The new memorandum does not replace that agreement" is about the agreement the
    sentence before names ("… builds on the Canada–Korea Free Trade Agreement, which …"),
    so a question about "the free trade agreement" should find it by those words too.

    >>> with_antecedent("It does not replace that agreement.", "It builds on the Free Trade Agreement of 2015.")
    ['replac', 'agreement', 'free', 'trad', 'agreement']
    >>> with_antecedent("It does not replace that agreement.", "It builds on the trade agreement.")  # no name
    ['replac', 'agreement']

    Deliberately not done: only "that/this/the same <noun>" whose noun ends a capitalised name
    of the sentence before; no pronouns ("it").
    """
    terms = stems(text)
    for noun in DEMONSTRATIVE.findall(text) if before else []:
        name = re.search(rf"((?:[A-Z][\w’'–-]*\s+){{1,5}}){noun.capitalize()}\b", before)
        terms += stems(name.group(0)) if name else []
    return terms


class BM25:
    """Okapi BM25 with the usual k1=1.5, b=0.75 and a non-negative idf."""

    def __init__(self, corpus: list[list[str]], k1: float = 1.5, b: float = 0.75):
        self.k1, self.b = k1, b
        self.term_freqs = [Counter(doc) for doc in corpus]  # doc index -> term -> count
        self.lengths = [len(doc) for doc in corpus]
        self.avg_length = (sum(self.lengths) / len(corpus)) if corpus else 0.0
        df = Counter(term for doc in corpus for term in set(doc))
        n = len(corpus)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def score(self, query: list[str], i: int) -> float:
        tf, length = self.term_freqs[i], self.lengths[i]
        total = 0.0
        for term in set(query):
            f = tf.get(term, 0)
            if f:
                norm = self.k1 * (1 - self.b + self.b * length / (self.avg_length or 1))
                total += self.idf[term] * f * (self.k1 + 1) / (f + norm)
        return total

    def top(self, query: list[str], k: int) -> list[tuple[int, float]]:
        """The `k` best (index, score) pairs with a positive score, best first."""
        terms = [t for t in set(query) if t in self.idf]
        if not terms:
            return []
        candidates = {i for i, tf in enumerate(self.term_freqs) if any(t in tf for t in terms)}
        scored = sorted(((i, self.score(terms, i)) for i in candidates), key=lambda p: (-p[1], p[0]))
        return scored[:k]
