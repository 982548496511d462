"""Questions typed all in lower case, written with the documents' capitals.

"who signed for canada", "whats in it for seoul", "when was the fta signed":
the checks that a cited sentence holds the question's names, and the
capital-for-country stand-in, find names by their capitals. A question with
no capital letter at all is given the capitals the documents use:

>>> casing = Casing.of(["Ministers of Canada and South Korea signed a memorandum of understanding. The Free Trade Agreement stands."])
>>> casing.recase("when was the canada-korea fta signed, and by south korea?")
'when was the Canada-Korea FTA signed, and by South Korea?'
>>> casing.recase("what does seoul get, and what is the minister's view")  # a capital city, for `metonyms.stand_in`; not a title
"what does Seoul get, and what is the minister's view"
>>> casing.recase("Who signed for canada?")  # a question with a capital is left as typed
'Who signed for canada?'

A word counts as a name when the documents write it with a capital inside a
sentence and never in lower case ("Korea", not "Trade" if "trade" also
occurs); a run of such words ("South Korea") is taken whole even when one of
its words also occurs in lower case. An acronym is a word of three to six
letters that the documents never write in lower case and spell out by a name
("fta" and "Free Trade Agreement", not "cars" and "components and related
…"), or write in capitals ("nato" and "NATO").

Deliberately not done: a question with any capital is left alone (its writer
chose the capitals); no dictionary of English beyond the documents' own
words, so a lower-case word the documents happen to spell out as initials
becomes an acronym; two-letter acronyms ("ev") only when the documents write them in capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .metonyms import CAPITALS
from .roles import TITLES
from .text import STOPWORDS, fold, stem

_TOKEN = re.compile(r"[^\W\d_][\w’'-]*")
ACRONYM = re.compile(r"\b([A-Z]{2,6})(s?)\b")  # "FTA", "EVs"
OWNER = re.compile(r"['’]s$")
_LONGEST_RUN = 4  # words in a name ("Canada–Korea Industrial Cooperation Committee" matches in pieces)


@dataclass
class Casing:
    """The documents' names by folded spelling, their lower-case words, and the acronyms they
    write in capitals or spell out by a name."""

    names: dict[tuple[str, ...], str] = field(default_factory=dict)  # ("south", "korea") -> "South Korea"
    lower: set[str] = field(default_factory=set)  # folded words the documents write in lower case
    written: set[str] = field(default_factory=set)  # acronyms the documents write in capitals ("nato" for "NATO")
    initials: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)  # "fta" -> names of 3+ words, by key
    phrases: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)  # "ev" -> lower-case pairs used 3+ times

    @classmethod
    def of(cls, texts: list[str]) -> Casing:
        """Collect the capitalised runs (not opening a sentence or a line), the lower-case words and
        the acronyms of `texts`, in one pass over each.

        A run is kept with its endings ("Korea Free Trade Agreement", "Free Trade Agreement", …),
        not its beginnings: "Free Trade" alone is no name. A possessive ends a run ("South Korea’s").
        """
        casing = cls()
        pairs: dict[tuple[str, str], list] = {}  # ("electr", "vehicl") -> ["electric vehicles" (as first written), 4 (times)]
        for text in texts:
            run: list[str] = []
            previous_end, previous = 0, ""
            for m in _TOKEN.finditer(text):
                word, gap = m.group(0), text[previous_end:m.start()]
                tail = gap.rstrip()
                opens = (previous_end == 0 and not tail) or tail[-1:] in tuple(".!?:;\"“") or "\n" in gap
                previous_end = m.end()
                if word[0].islower():
                    casing.lower.add(fold(word))
                    if previous and gap == " " and word.isalpha() and word not in STOPWORDS:
                        pairs.setdefault((stem(previous), stem(word)), [f"{previous} {word}", 0])[1] += 1
                elif word.isupper() and len(word) > 1:
                    casing.written.add(fold(word))
                previous = word if word[0].islower() and word.isalpha() and word not in STOPWORDS else ""
                if run and (gap != " " or not word[0].isupper() or opens):
                    casing._add(run)
                    run = []
                if word[0].isupper() and not opens:
                    run.append(word)
                    if OWNER.search(word):
                        casing._add(run)
                        run = []
            casing._add(run)
        for key, (written, times) in pairs.items():
            if times > 2:  # "electric vehicle(s)", written four times; not "automotive industry" (twice) for "AI"
                casing.phrases.setdefault("".join(w[0] for w in written.split()), {})[key] = written
        for city in CAPITALS:
            casing.names.setdefault(tuple(fold(city).split()), city)
        return casing

    def _add(self, run: list[str]) -> None:
        run = run[:-1] + [OWNER.sub("", run[-1])] if run else run
        keys = [tuple(fold(w) for w in run[-n:]) for n in range(1, min(len(run), 6) + 1)]
        for key in keys[:_LONGEST_RUN]:
            self.names.setdefault(key, " ".join(run[-len(key):]))
        for key in keys[2:]:  # "Free Trade Agreement" -> "fta"
            self.initials.setdefault("".join(w[0] for w in key), {}).setdefault(key, " ".join(run[-len(key):]))

    def recase(self, question: str) -> str:
        """`question` with the documents' capitals, if it has none of its own (see module docstring)."""
        if question != question.lower():
            return question
        tokens = list(_TOKEN.finditer(question))
        out, last, i = [], 0, 0
        while i < len(tokens):
            for n in range(min(_LONGEST_RUN, len(tokens) - i), 0, -1):
                group = tokens[i:i + n]
                if any(question[a.end():b.start()] != " " for a, b in zip(group, group[1:])):
                    continue  # a run of names is words separated by single spaces
                key, owner = _key(group)
                if self._is_name(key) or (n == 1 and self._is_acronym(key[0])):
                    written = self.names.get(key) or key[0].upper()
                elif n == 1 and "-" in key[0] and all(self._is_name((p,)) for p in key[0].split("-")):
                    written = "-".join(self.names[(p,)] for p in key[0].split("-"))  # "canada-korea"
                else:
                    continue
                out.append(question[last:group[0].start()] + written + owner)
                last, i = group[-1].end(), i + n
                break
            else:
                i += 1
        return "".join(out) + question[last:]

    def spelled_out(self, question: str) -> str:
        """`question` with each acronym the documents never write, but give in full as a name,
        written as that name, for searching: a text that says "Free Trade Agreement" holds no "FTA".

        >>> casing = Casing.of(["It builds on the Canada–Korea Free Trade Agreement, in force since 2015."])
        >>> casing.spelled_out("What did the old FTA set up?"), casing.spelled_out("Is NATO involved?")
        ('What did the old Free Trade Agreement set up?', 'Is NATO involved?')

        A two-letter one may stand for two lower-case words the documents use together three times or more:

        >>> casing = Casing.of(["It builds electric vehicles.", "Its electric vehicle plants and battery plants.", "Few electric vehicles sell."])
        >>> casing.spelled_out("Why Korea for EVs?"), casing.spelled_out("Is the BP plant new?")
        ('Why Korea for electric vehicles?', 'Is the BP plant new?')

        Deliberately not done: an acronym two names (or two pairs) of the documents could spell stays
        as written; only names of three or more capitalised words, and pairs of lower-case words for
        two letters, whose initials are exactly the acronym.
        """
        def swap(m: re.Match) -> str:
            key, plural = fold(m.group(1)), m.group(2)
            if key in self.written or key in self.lower:
                return m.group(0)
            named = list(self.initials.get(key, {}).values()) or list(self.phrases.get(key, {}).values())  # pairs: two letters
            if len(named) != 1:
                return m.group(0)
            return named[0] + ("s" if plural and not named[0].endswith("s") else "")

        return ACRONYM.sub(swap, question)

    def _is_name(self, key: tuple[str, ...]) -> bool:
        if key not in self.names or all(w in STOPWORDS for w in key) or any(w in TITLES for w in key):
            return False
        return len(key) > 1 or key[0] not in self.lower

    def _is_acronym(self, word: str) -> bool:
        return 3 <= len(word) <= 6 and word.isalpha() and word not in STOPWORDS and word not in self.lower \
            and (word in self.written or word in self.initials)


def _key(group: list[re.Match]) -> tuple[tuple[str, ...], str]:
    """The folded words of a run, and the possessive ending of its last word ("joly's" -> ("joly",), "'s")."""
    folded = [fold(t.group(0)) for t in group]
    owner = OWNER.search(group[-1].group(0))
    if owner:
        folded[-1] = folded[-1][:-2]
    return tuple(folded), owner.group(0) if owner else ""
