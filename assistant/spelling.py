"""Question words misspelled, written as the documents spell them.

"What is the comittee for?" shares no word with "… the committee will provide a
standing forum …": BM25 finds nothing, and the embedding model, which cuts
"comittee" into other pieces, ranked the committee's sentences below unrelated
ones. A question word that the documents never use, one slip from exactly one
word they do use (`text.typo`: a letter added, dropped, changed, or two neighbours
swapped, after the same first letter, in words of seven letters or more), and
that is no word of English (`known`: the embedding model's whole-word vocabulary,
so "committed" and "meeting" stay), is replaced by that word before anything else
reads the question:

>>> speller = Speller.of(["The committee will meet. The government said so."], known={"committed"})
>>> speller.correct("What is the comittee for? Did the goverment say?")
'What is the committee for? Did the government say?'
>>> speller.correct("Is it external?"), speller.correct("Who sits on the Comitee?")  # no word of theirs is one slip away
('Is it external?', 'Who sits on the Comitee?')
>>> speller.correct("Has it committed money?")  # an English word, though one slip from "committee"
'Has it committed money?'
>>> Speller.of(["Both automakers met."], known={"both"}).correct("Which automaker met?")  # a form of theirs, not a slip
'Which automaker met?'
>>> Speller.of(["The committee met."], known={"chairs"}).correct("Who chairs the Comittee?")  # the writer's capital is kept
'Who chairs the Committee?'

Deliberately not done: with no vocabulary (`known` empty) nothing is changed; a word that
is one of theirs with an "s" or "d" added or dropped is a form, not a slip ("automaker",
"emigrated"), so "companys" stays too; a rare
English word the vocabulary lacks, one slip from a word of the documents, is changed
too; a word with two such neighbours is left alone, and so are shorter words
("county"/"country").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .text import fold, typo

WORD = re.compile(r"[^\W\d_]+")
LEAST = 7  # letters; `text.typo` leaves shorter words alone


@dataclass
class Speller:
    words: set[str] = field(default_factory=set)  # the documents' words, folded
    known: set[str] = field(default_factory=set)  # words of English, never changed
    by_start: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # (first letter, length) -> words

    @classmethod
    def of(cls, texts: list[str], known: set[str] | frozenset[str] = frozenset()) -> Speller:
        words = {w for t in texts for w in WORD.findall(fold(t)) if len(w) >= LEAST - 1}
        by_start: dict[tuple[str, int], list[str]] = defaultdict(list)
        for w in sorted(words):
            by_start[(w[0], len(w))].append(w)
        return cls(words, set(known), dict(by_start))

    def correct(self, question: str) -> str:
        """`question` with each misspelled word replaced (see module docstring)."""
        return WORD.sub(lambda m: self._word(m.group(0)), question)

    def _word(self, word: str) -> str:
        folded = fold(word)
        if len(folded) < LEAST or folded in self.words or folded in self.known or not self.known or not folded.isascii():
            return word
        near = [w for n in (len(folded) - 1, len(folded), len(folded) + 1)
                for w in self.by_start.get((folded[0], n), []) if typo(folded, w) and not _inflected(folded, w)]
        if len(near) != 1:
            return word
        return near[0].capitalize() if word[0].isupper() else near[0]


def _inflected(a: str, b: str) -> bool:
    """Whether one word is the other with an "s" or a "d" added, or one for the other: a form, not a slip.

    >>> _inflected("automaker", "automakers"), _inflected("emigrated", "emigrate"), _inflected("committe", "committee")
    (True, True, False)
    >>> _inflected("motivates", "motivated"), _inflected("memorandun", "memorandum")
    (True, False)
    """
    if len(a) == len(b):  # "motivates"/"motivated"
        return a[:-1] == b[:-1] and {a[-1], b[-1]} == {"s", "d"}
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and long.startswith(short) and long[-1] in "sd"
