"""Is the cited sentence about what the question names?

An answer drawn from a sentence about something else answers another question:
"Who was born in Wola?" answered from "One of the most famous people born in
Warsaw was …", or "If an internal force acts …" from "If an external force
acts …". SQuAD's unanswerable questions are mostly built this way: a sentence of
the text with one name or word swapped.

>>> s = Span("a.txt", 0, 50, "One of the famous people born in Warsaw was Curie.", 0)
>>> unmatched_names("Who was born in Wola?", [s], Background())
['wola']
>>> swapped_words("If an internal force acts, what happens?", ["If an external force acts, it accelerates."])
[('internal', 'external')]

Deliberately not done: no coreference beyond a chain of pronouns two sentences
back, no synonyms, no opposites beyond shared word endings and a short list.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field

from .metonyms import CAPITALS
from .names import YEAR_NUMBER, answer_counts, asked_sentence, found, missing_terms, names_and_numbers, stem_set
from .text import STOPWORDS, content_words, fold, similar, stem, stems, words
from .types import Span

POINTS_BACK = re.compile(r"\b(he|she|it|they|them|his|her|its|their|this|these|those|such|that (?:year|time|point|decade|season))\b", re.I)
CAPITAL_OF = {fold(city): country for city, country in CAPITALS.items()}  # 'ottawa' -> 'Canada'
# A company's legal form, which texts drop after naming the company once ("Energiprojekt AB", then "Energiprojekt's").
LEGAL_FORMS = frozenset({"ab", "ag", "bv", "co", "corp", "gmbh", "inc", "llc", "ltd", "nv", "oy", "plc", "pty", "sa", "spa"})
NAME_TOKEN = re.compile(r"[\w][\w'’-]*")  # a word with its apostrophes and hyphens: "Korea’s", "Jung-kwan"
TOPIC_SHARE = 0.1  # a name in at least this share of a document's sentences is what the document is about


def _initialisms(named: list[str]) -> set[str]:
    """The initials of two or more consecutive words of a file name, for the acronyms a
    question may use instead ("V&A" of "victoria-and-albert-museum.txt").

    >>> sorted(_initialisms(["victoria", "albert", "museum"]))
    ['am', 'va', 'vam']
    >>> _initialisms(["super", "bowl", "50"])
    {'sb'}

    Deliberately not done: initials of the document's text (see `names.expansion`); numbers.
    """
    letters = [w for w in named if w.isalpha()]
    return {"".join(w[0] for w in letters[i:j]) for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)}


@dataclass(frozen=True)
class Background:
    """What the checks may read beyond the evidence: each document's sentences (for the
    sentence a cited one points back to) and the names each document is about.

    >>> w = [Span("w.txt", 0, 25, "Warsaw is on the Vistula.", 0), Span("w.txt", 26, 39, "It has a zoo.", 1),
    ...      Span("w.txt", 40, 59, "Warsaw has a mayor.", 2)]
    >>> bg = Background.of({"w.txt": w})
    >>> bg.topics["w.txt"], bg.leaned_on(w[1]), bg.leaned_on(w[2])
    ({'warsaw'}, 'Warsaw is on the Vistula.', '')
    >>> h = [Span("h.txt", 0, 0, "Hamas grew.", 0), Span("h.txt", 0, 0, "It fought.", 1), Span("h.txt", 0, 0, "Then it won.", 2)]
    >>> Background.of({"h.txt": h}).leaned_on(h[2])
    'Hamas grew. It fought.'
    """

    spans: dict[str, list[Span]] = field(default_factory=dict)
    topics: dict[str, set[str]] = field(default_factory=dict)
    titles: dict[str, set[str]] = field(default_factory=dict)  # stems of each file name's words: what the document is about

    @classmethod
    def of(cls, spans: dict[str, list[Span]], share: float = TOPIC_SHARE) -> Background:
        """Topics: names (stems) in at least `share` of a document's sentences, and in at least two,
        and the words of the document's file name ("50" of "super-bowl-50.txt", "mou" of
        "canada-korea-mou.txt"): a file is named for what it is about."""
        topics, titles = {}, {}
        for source, sentences in spans.items():
            counts = Counter(n for s in sentences for n in set(names_and_numbers(s.text)))
            named = [w for w in re.split(r"[\W_]+", os.path.splitext(os.path.basename(source))[0].lower())
                     if len(w) > 1 and w not in STOPWORDS]
            titles[source] = {stem(w) for w in named} | _initialisms(named)
            topics[source] = {n for n, k in counts.items() if k >= max(2, share * len(sentences))} | titles[source]
        return cls(spans, topics, titles)

    def titled(self, cited: list[Span]) -> set[str]:
        """The file-name words (stems) of the documents `cited` comes from."""
        return set().union(*(self.titles.get(s.source, set()) for s in cited))

    def texts(self, cited: list[Span]) -> list[str]:
        """Every sentence of the documents `cited` comes from."""
        return [s.text for source in dict.fromkeys(c.source for c in cited) for s in self.spans.get(source, [])]

    def before(self, span: Span) -> str:
        """The sentence before `span` in its document ('' for the first)."""
        sentences = self.spans.get(span.source, [])
        return sentences[span.index - 1].text if 0 < span.index <= len(sentences) else ""

    def leaned_on(self, span: Span, most: int = 2) -> str:
        """The sentences before `span` that it points back to with a pronoun ("He also …"), else ''.

        A sentence that itself points back ("From 2000 it killed …") leads to the
        one before it, up to `most` sentences back.
        """
        sentences = self.spans.get(span.source, [])
        before, i, text = [], span.index, span.text
        while POINTS_BACK.search(text) and 0 < i <= len(sentences) and len(before) < most:
            i -= 1
            text = sentences[i].text
            before.insert(0, text)
        return " ".join(before)


def unmatched_names(question: str, cited: list[Span], background: Background) -> list[str]:
    """Names and numbers of the question that the cited sentences do not hold.

    An answer drawn from a sentence about something else ("Who was born in
    Wola?" answered from "One of the most famous people born in Warsaw was …")
    answers another question. Counted as held: a name in the sentence a cited
    one points back to ("He also recruited …" after "Turabi built …"), a name
    the document is about (`Background.topics`: "Warsaw" in an article about
    Warsaw), an acronym whose spelling-out in the document shares a word with
    the sentence ("MOU" and "The memorandum was signed"), and a capital whose
    country the sentence names ("Ottawa" and "Canada").

    >>> s = Span("a.txt", 0, 50, "The building was designed by Marek Budzyński.", 3)
    >>> unmatched_names("Who designed the garden for the Marek Library?", [s], Background())
    ['library']
    >>> unmatched_names("Which two architects designed the library?", [s], Background())
    []
    >>> e = Span("c.txt", 0, 60, "The efficiency of Energiprojekt's steam engine reaches 27-30%.", 0)
    >>> unmatched_names("What efficiency has the Energiprojekt AB engine achieved?", [e], Background())
    []
    >>> t = Span("b.txt", 0, 60, "The British lost the American colonies in 1776, a great loss.", 0)
    >>> unmatched_names("When did Great Britain lose its colonies?", [t], Background({"b.txt": [t]}))
    []

    Names the question sets aside ("other than English", "besides Asia") are not
    looked for. Deliberately not done: spelled-out numbers in the question ("which two
    countries", "what 3 things") describe the answer and are not checked; no coreference beyond
    a chain of pronouns two sentences back; names of the question's preamble are not checked
    (`asked_sentence`).
    """
    texts = [s.text for s in cited] + [t for s in cited if (t := background.leaned_on(s))]
    pool = stem_set(texts)
    topics = set().union(*(background.topics.get(s.source, set()) for s in cited))
    asked = asked_sentence(question)
    common = {stem(w) for t in background.texts(cited) for w in LOWER_WORD.findall(t)}  # words the documents write in lower case
    counts = answer_counts(asked)  # "which two countries", "what 3 things" describe the answer
    excluded = {n for m in EXCLUDED.finditer(asked) for n in names_and_numbers(m.group(1))}  # "other than English"
    missing = []
    for name in missing_terms(asked, texts, pool, background.texts(cited)):  # then the ways a sentence holds a name without spelling it
        if name in excluded:
            continue
        if name in counts or name in topics or any(same_name(name, p) for p in pool):
            continue
        if name in common and any(name in run and any(p not in common and (found(p, pool) or any(same_name(p, q) for q in pool))
                                                      for p in run) for run in name_runs(asked)):
            continue  # "Great" of "Great Britain", when the sentence says "British": a common word of a name held by its other part
        if name in CAPITAL_OF and all(found(stem(w), pool) for w in content_words(CAPITAL_OF[name])):
            continue
        if name in LEGAL_FORMS and any(run[-1] == name and all(found(p, pool) for p in run[:-1]) for run in name_runs(asked)):
            continue  # "Energiprojekt AB" held by "Energiprojekt's steam engine"
        if _by_last_name(name, asked, texts, background.texts(cited)) or _by_definite_head(name, asked, cited, background):
            continue
        if _year_before(name, cited, background):
            continue
        missing.append(name)
    return missing


def _year_before(name: str, cited: list[Span], background: Background) -> bool:
    """True if `name` is a year that the sentence before a cited one gives, and that cited one gives no year:
    "In 1990, Murphy delegated his position to Burke. Capital Cities/ABC reported revenues of $465 million."

    >>> a = Span("a.txt", 0, 40, "In 1990, Murphy handed over to Burke.", 0)
    >>> b = Span("a.txt", 41, 90, "The company reported revenues of $465 million.", 1)
    >>> _year_before("1990", [b], Background({"a.txt": [a, b]})), _year_before("1991", [b], Background({"a.txt": [a, b]}))
    (True, False)
    """
    if not re.fullmatch(YEAR_NUMBER, name):
        return False
    spans = [background.spans.get(s.source, []) for s in cited]
    return any(0 < s.index < len(own) and not re.search(rf"\b(?:{YEAR_NUMBER})\b", s.text)
               and re.search(rf"\b{name}\b", own[s.index - 1].text) for s, own in zip(cited, spans))


def _by_last_name(name: str, asked: str, texts: list[str], document: list[str]) -> bool:
    """True if `name` leads a run of names ("Martin Luther") whose last word a sentence uses
    alone ("From 1510 to 1520, Luther lectured …") and the document names the whole run.

    >>> _by_last_name("martin", "What did Martin Luther do?", ["Then Luther lectured."], ["Martin Luther was a monk."])
    True
    >>> _by_last_name("larg", "Who read the Large Catechism?", ["The Small Catechism is short."], ["He wrote the Large Catechism."])
    False

    The last word must stand alone (no capitalised word other than "The" or "Then" just
    before it), so "Small Catechism" does not hold "Large Catechism". Deliberately not done: no first names
    alone ("Martin" for "Martin Luther").
    """
    for run in name_runs(asked):
        if name not in run[:-1]:
            continue
        alone = any(stem(w) == run[-1] and w[:1].isupper() and not (i > 0 and ws[i - 1][:1].isupper() and fold(ws[i - 1]) not in STOPWORDS)
                    for t in texts for ws in [NAME_TOKEN.findall(t)] for i, w in enumerate(ws))
        if alone and any(_has_run(run, t) for t in document):
            return True
    return False


def _has_run(run: list[str], text: str) -> bool:
    """True if `text` has the stems of `run` as consecutive words."""
    stems = [stem(w) for w in NAME_TOKEN.findall(text)]
    return any(stems[i:i + len(run)] == run for i in range(len(stems) - len(run) + 1))


DEFINITE = re.compile(r"\b(?:the|these|those|this|that|such)\s+([\w'’-]+)", re.I)


def _by_definite_head(name: str, asked: str, cited: list[Span], background: Background) -> bool:
    """True if the question's `name` modifies a noun ("Christian academies") that a cited
    sentence takes up with "the" ("… migrated to the academies") after the sentence
    before it named both ("… organized a wave of private 'Christian academies'").

    >>> a = [Span("s.txt", 0, 0, "Families organized Christian academies.", 0),
    ...      Span("s.txt", 0, 0, "Many students migrated to the academies.", 1)]
    >>> _by_definite_head("christian", "Who went to Christian academies?", [a[1]], Background.of({"s.txt": a}))
    True
    >>> _by_definite_head("christian", "Who went to Christian academies?", [a[0]], Background.of({"s.txt": a}))
    False

    So is a name whose last word is a noun ("the institute" after "… the Milton Friedman Institute"):
    >>> m = [Span("m.txt", 0, 0, "It set up the Milton Friedman Institute.", 0), Span("m.txt", 0, 0, "The institute cost $2.", 1)]
    >>> _by_definite_head("friedman", "What did the Milton Friedman Institute cost?", [m[1]], Background.of({"m.txt": m}))
    True
    >>> _by_definite_head("friedman", "What did the Milton Friedman Prize cost?", [m[1]], Background.of({"m.txt": m}))
    False

    Deliberately not done: only the one sentence before, and only a head noun right after the
    name or ending its capitalised run.
    """
    ws = NAME_TOKEN.findall(asked)
    runs = [[name, stem(ws[i + 1])] for i, w in enumerate(ws[:-1]) if stem(w) == name and ws[i + 1][:1].islower()]
    runs += [run for run in name_runs(asked) if name in run[:-1]]  # "Milton Friedman Institute": its last word is the noun
    for span in cited:
        taken_up = {stem(m.group(1)) for m in DEFINITE.finditer(span.text)}
        sentences = background.spans.get(span.source, [])
        before = sentences[span.index - 1].text if 0 < span.index <= len(sentences) else ""
        if any(run[-1] in taken_up and _has_run(run, before) for run in runs):
            return True
    return False


# What a question sets aside ("What language other than English …?"): the answer's sentence need not name it.
EXCLUDED = re.compile(r"\b(?:other than|besides|apart from|aside from|except(?: for)?|excluding)\s+(.+?)"
                      r"(?=,|\?|$|\s+(?:what|who|whom|where|which|when|how|did|does|do|is|are|was|were|had|has|have)\b)", re.I)
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")


def name_runs(text: str) -> list[list[str]]:
    """Stems of each run of two or more capitalised words: "When did Great Britain lose …?" -> [['great', 'britain']]."""
    runs, run = [], []
    for word in NAME_TOKEN.findall(text) + [""]:
        if word[:1].isupper():
            run.append(stem(word))
            continue
        if len(run) >= 2:
            runs.append(run)
        run = []
    return runs


def same_name(a: str, b: str) -> bool:
    """Two stems name the same thing, counting a name's adjective or people: `similar`, or a
    shared start of at least four letters with the longer word ending like an adjective.

    >>> same_name("aristotle", "aristotelian"), same_name("britain", "british"), same_name("asia", "asian")
    (True, True, True)
    >>> same_name("jew", "jewish"), same_name("jew", "jewel"), same_name("west", "western")
    (True, False, True)
    >>> same_name("austria", "australia"), same_name("iran", "iraq")
    (False, False)
    """
    if similar(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short) and long_[len(short):] in ("ish", "ian", "an", "ese", "ic", "ite", "ern"):
        return True  # "jew"/"jewish", "west"/"western"
    common = len(os.path.commonprefix([short, long_]))
    return common >= max(4, len(short) - 3) and long_.endswith(("an", "ish", "ese", "ic", "i"))


# Prefixes of opposite meaning that may both be present ("internal"/"external" is caught by NEGATING_PREFIXES).
OPPOSITE_PREFIXES = [("in", "ex"), ("im", "ex"), ("pre", "post"), ("over", "under"), ("inter", "intra"), ("sub", "super"),
                     ("micro", "macro"), ("pro", "anti"), ("up", "down"), ("in", "out"), ("maj", "min"), ("hyper", "hypo"),
                     ("east", "west"), ("north", "south")]


def _opposite_heads(w: str, x: str) -> bool:
    """Two words that differ only in a listed opposite prefix, or in the part before a shared hyphenated tail.

    >>> _opposite_heads("underrepresented", "overrepresented"), _opposite_heads("two-cylinder", "four-cylinder")
    (True, True)
    >>> _opposite_heads("proponents", "components"), _opposite_heads("eastern", "western")
    (False, True)

    Before session 14 any two short prefixes on a shared tail counted ("proponents"/"components",
    "station"/"citation"). Measured with each SQuAD question (v1.1 dev and half of v2.0 dev) against
    the sentence of its (plausible) answer, `swapped_words` then fired on 97 of 12,626 answerable
    questions instead of 120, and on 206 of 2,488 unanswerable ones instead of 212 (session 15,
    with `_non_swaps` and `reversed_agents`: 95 and 214).
    """
    if "-" in w and "-" in x:
        (wh, wt), (xh, xt) = w.split("-", 1), x.split("-", 1)
        if wt == xt and wh != xh and len(wt) >= 3:
            return True
    return any(w.startswith(p) and x.startswith(q) and len(w) - len(p) >= 3 and w[len(p):] == x[len(q):]
               for pair in OPPOSITE_PREFIXES for p, q in (pair, pair[::-1]))


NEGATING_PREFIXES = ("un", "in", "im", "ir", "il", "dis", "non", "non-", "a", "de", "anti", "mis")
# Opposites that share no ending, as whole-word patterns (either side may be the question's).
# Comparatives are left out: "A is easier than B" says "B is harder than A".
_OPPOSITE_PAIRS = [
    ("similar(?:ity|ities|ly)?", "differ(?:s|ed|ent|ently|ence|ences)?"), ("strong|strongest|strengthen(?:s|ed|ing)?", "weak|weakest|weaken(?:s|ed|ing)?"),
    ("straight", "curved?"), ("increas(?:e|es|ed|ing)", "decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)"), ("unlimited", "(?:restricted|limited)"),
    ("large|largest", "small|smallest"), ("maxim(?:um|al|ise|ize)", "minim(?:um|al|ise|ize)"),
    ("positive", "negative"), ("success(?:ful|fully)?", "fail(?:s|ed|ure|ures)?"), ("support(?:s|ed)?", "oppos(?:e|es|ed)|reject(?:s|ed|ion)?"),
    ("accept(?:s|ed)?", "reject(?:s|ed)?"), ("major", "minor"), ("ancient", "modern"), ("earliest", "latest"),
    ("rich|richest", "poor|poorest"), ("import(?:s|ed)?", "export(?:s|ed)?"), ("public", "private"),
    ("permanent(?:ly)?", "temporar(?:y|ily)"), ("attract(?:s|ed|ive)?", "repel(?:s|led)?"), ("first", "last"),
    ("high|highest", "low|lowest"), ("win(?:s|ning)?|won", "los(?:e|es|ing)|lost"), ("victor(?:y|ies)", "defeats?"),
    ("allow(?:s|ed)?", "(?:ban(?:s|ned)?|forb(?:id|ade|idden)|prohibit(?:s|ed)?)"), ("friend(?:s|ly)?", "enem(?:y|ies)"),
    ("male", "female"), ("natural", "artificial"), ("inside", "outside"), ("upper", "lower"), ("heavy|heaviest", "light|lightest"),
    ("creat(?:e|es|ed|ing|ion)", "destr(?:oy|oys|oyed|oying|uction)"), ("unit(?:e|es|ed|ing)", "divid(?:e|es|ed|ing)"),
    ("north(?:ern)?", "south(?:ern)?"), ("east(?:ern)?", "west(?:ern)?"), ("best", "worst"), ("good", "bad"),
    ("easy|easiest", "difficult|hard|hardest"), ("cheap|cheapest", "expensive"), ("hot|hottest", "cold|coldest"),
    ("fast|fastest", "slow|slowest"), ("inner", "outer"), ("inputs?", "outputs?"), ("birth", "death"), ("born", "died"),
    ("absorb(?:s|ed)?", "emit(?:s|ted)?"), ("rural", "urban"), ("domestic", "foreign"), ("wide|widest", "narrow|narrowest"),
    ("thick|thickest", "thin|thinnest"), ("deep|deepest", "shallow|shallowest"), ("longest", "shortest"),
    ("grow(?:s|ing|n)?|grew", "shr(?:ink|inks|inking|ank|unk)"), ("salt|saltwater", "fresh|freshwater"),
    ("most", "least"), ("before", "after"), ("husbands?", "wi(?:fe|ves)"), ("fathers?", "mothers?"), ("sons?", "daughters?"),
    ("brothers?", "sisters?"), ("kings?", "queens?"), ("boys?", "girls?"), ("start(?:s|ed)?|beg[au]n|begins", "end(?:s|ed)|finish(?:es|ed)?"),
    ("ris(?:e|es|ing)|rose|risen|gr(?:ow|ows|owing|ew)", "declin(?:e|es|ed|ing)|fall(?:s|ing|en)?|fell"), ("former(?:ly)?", "current(?:ly)?"),
    ("rare|rarely|rarest", "common|commonly|commonest|commonplace"), ("abolish(?:es|ed|ing)?", "establish(?:es|ed|ing)?|introduc(?:e|es|ed|ing)"),
    ("(?:re)?open(?:s|ed|ing)?", "clos(?:e|es|ed|ing|ure)"),
    ("encourag(?:e|es|ed|ing)|stimul(?:ate|ates|ated|ating|ation|ator|ators|ant|ants)", "suppress(?:es|ed|ing|ion|ive|or|ors)?|inhibit(?:s|ed|ing|ion|ory|or|ors)?"),
]
OPPOSITES = [(re.compile(rf"(?:{a})$"), re.compile(rf"(?:{b})$")) for a, b in _OPPOSITE_PAIRS]
OPPOSITES += [(b, a) for a, b in OPPOSITES]
ORDINALS = frozenset("""second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth 2nd 3rd 4th 5th 6th 7th 8th
    9th 10th 11th 12th""".split())  # "first" and "last" are OPPOSITES
NEGATED_BY = frozenset({"not", "no", "never", "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't", "didn't", "cannot", "can't"})
OPPOSED_STOPWORDS = frozenset({"most", "before", "after"})  # stop words that have an opposite in the list


def swapped_words(question: str, sentences: list[str]) -> list[tuple[str, str]]:
    """(question word, sentence word) pairs where the sentences hold the word with another prefix,
    or its opposite from a short list, and never the question's own: "internal"/"external",
    "uncomplicated"/"complicated", "similarities"/"differences"; and (question phrase, sentence
    phrase) pairs where the sentences say the phrase the other way round (`reversed_phrases`).

    SQuAD's unanswerable questions are often a sentence of the text with one word
    turned into its opposite this way; the sentence then answers a different question.

    >>> swapped_words("If an internal force acts, what happens?", ["If an external force acts, it accelerates."])
    [('internal', 'external')]
    >>> swapped_words("What is the exchange of heat tied to?", ["A change of heat is tied to work."])
    []
    >>> swapped_words("The curved path is seen as what?", ["The straight path is seen as a curve."])
    []
    >>> swapped_words("Who are the un-elected members?", ["The unelected members are commissioners."])
    []
    >>> swapped_words("What hormone is an immunostimulator?", ["Testosterone seems to be immunosuppressive."])
    [('immunostimulator', 'immunosuppressive')]
    >>> swapped_words("What former bank is currently a hotel?", ["The bank building is currently a hotel."])
    []
    >>> swapped_words("How many days do most states require?", ["All have at least 4 weeks, but most states require 28 days."])
    []
    >>> swapped_words("What occurs when part of it isn't active?", ["Disorders occur when parts are inactive."])
    []

    The shared ending must be at least five letters and most of both words; when
    one word is the other plus a prefix, the prefix must negate ("un", "in", "dis",
    …: "beloved"/"loved" is no swap). Deliberately not done: opposites beyond the
    short list (`OPPOSITES`), or words of the same kind ("Monday"/"Friday").
    """
    pool = stem_set(sentences) | {w for t in sentences for w in words(t) if w in OPPOSED_STOPWORDS}
    said = words(asked_sentence(question))
    offered = {w for t in sentences for w in _swappable(t)} - set(said)  # a word the question says too is no swap
    negated = {w for i, w in enumerate(said) if any(v in NEGATED_BY for v in said[max(0, i - 2):i])}  # "isn't active"
    pairs = []
    for w in _swappable(asked_sentence(question)):
        if found(stem(w), pool):
            continue
        for x in sorted(offered):
            if _opposite_heads(w, x):
                pairs.append((w, x))
                continue
            n = len(os.path.commonprefix([w[::-1], x[::-1]]))
            a, b = w[:len(w) - n], x[:len(x) - n]
            if w.replace("-", "") == x.replace("-", "") or n < 5 or n < 0.6 * max(len(w), len(x)) or len(a) > 5 or len(b) > 5:
                continue
            if not a and b in NEGATING_PREFIXES and w in negated:
                continue  # "isn't active" asked, "inactive" said: the same thing
            if (a in NEGATING_PREFIXES or b in NEGATING_PREFIXES) if a and b else (a or b) in NEGATING_PREFIXES:
                pairs.append((w, x))  # "internal"/"external", "decelerate"/"accelerate"; not "proponents"/"components"
        if w in ORDINALS:  # "the fourth president" asked, "the fifth president" said
            pairs += [(w, x) for x in sorted(offered) if x in ORDINALS]
        for this, other in OPPOSITES:
            if this.match(w) and not any(this.match(x) for x in offered):  # "weaker" asked, "weak" said: no swap
                pairs += [(w, x) for x in sorted(offered) if other.match(x)]
        for x in sorted(offered):  # opposite tails after a shared head: "immunostimulator"/"immunosuppressive"
            n = len(os.path.commonprefix([w, x]))  # the head may end in a letter the tails share ("immuno-s…")
            if any(this.match(w[k:]) and other.match(x[k:]) for k in range(4, n + 1) for this, other in OPPOSITES):
                pairs.append((w, x))
    pairs = [(w, x) for w, x in pairs if not _said_of_another(question, x, sentences)]
    pairs += _non_swaps(asked_sentence(question), sentences)
    return list(dict.fromkeys(pairs)) + reversed_phrases(question, sentences) + reversed_agents(question, sentences)


CONTRAST = re.compile(r",?\s*\b(?:but|whereas|while|although|though|unlike|in contrast)\b|;", re.I)


def _said_of_another(question: str, word: str, sentences: list[str]) -> bool:
    """Whether each sentence saying `word` says it in a clause of a contrast ("A were large, but B were
    light enough …") other than the clause holding most of the question's words: the opposite is
    said of something else, and the question's clause may well answer it.

    >>> q = "High pressure steam engines were small enough for what?"
    >>> _said_of_another(q, "large", ["Early engines were large, but high pressure steam engines were light enough for vehicles."])
    True
    >>> _said_of_another(q, "large", ["High pressure steam engines were large, but early ones were light."])
    False
    """
    asked = set(stems(asked_sentence(question))) - STOPWORDS
    holding = [t for t in sentences if word in words(t)]
    for text in holding:
        clauses = CONTRAST.split(text)
        if len(clauses) < 2:
            return False
        best = max(clauses, key=lambda c: len(asked & set(stems(c))))
        if word in words(best):
            return False
    return bool(holding)


def _non_swaps(question: str, sentences: list[str]) -> list[tuple[str, str]]:
    """("self", "non-self") when the sentences hold the question's word only with "non-", or the other way round.

    >>> _non_swaps("What do self molecules bind to?", ["Non-self molecules bind to receptors."])
    [('self', 'non-self')]
    >>> _non_swaps("Who are the non state parties?", ["Non-state parties are firms."])
    []
    """
    asked, said = words(question), {w for t in sentences for w in words(t)}
    pairs = []
    for w in asked:
        if w.startswith("non-") and w[4:] in said and w not in said:
            pairs.append((w, w[4:]))
        elif f"non-{w}" in said and w not in said and "non" not in asked and w not in STOPWORDS:
            pairs.append((w, f"non-{w}"))
    return pairs


PASSIVE_ASKED = re.compile(r"\b(?:(?:was|were|is|are|been)\s+(?:the\s+)?(\w+)|(\w+)\s+(?:was|were|is|are|been))\s+(\w+(?:ed|en))\s+by\s+(?:the\s+)?(\w+)")


def reversed_agents(question: str, sentences: list[str]) -> list[tuple[str, str]]:
    """(question phrase, sentence phrase) when what the question says was done to something is
    what the sentences say that thing did: "Germany occupied by Poland" / "occupied by Germany".

    >>> reversed_agents("How long was Germany occupied by Poland?", ["Warsaw was occupied by Germany until 1918."])
    [('germany occupied by poland', 'occupied by germany')]
    >>> reversed_agents("How long was Warsaw occupied by Germany?", ["Warsaw was occupied by Germany until 1918."])
    []

    Measured with each SQuAD question against the sentence of its (plausible) answer: fires on
    none of 12,626 answerable questions and on 1 of 2,488 unanswerable ones.
    """
    m = PASSIVE_ASKED.search(" ".join(words(asked_sentence(question))))
    if not m:
        return []
    patient, verb, agent = m.group(1) or m.group(2), m.group(3), m.group(4)
    texts = [" ".join(words(t)) for t in sentences]
    if any(re.search(rf"\b{verb} by (?:the )?{patient}\b", t) for t in texts) and not any(
            re.search(rf"\b{verb} by (?:the )?{agent}\b", t) for t in texts):
        return [(f"{patient} {verb} by {agent}", f"{verb} by {patient}")]
    return []


def _swappable(text: str) -> list[str]:
    """The words of `text` that may be swapped: its content words and the stop words with a listed opposite."""
    return content_words(text) + [w for w in words(text) if w in OPPOSED_STOPWORDS]


def reversed_phrases(question: str, sentences: list[str], longest: int = 5) -> list[tuple[str, str]]:
    """(question phrase, sentence phrase) where the sentences hold the phrase with its two end words
    swapped, and never as asked: "earth around the moon" / "moon around the earth".

    >>> reversed_phrases("What did the Earth around the Moon show?", ["The Moon around the Earth falls."])
    [('earth around the moon', 'moon around the earth')]
    >>> reversed_phrases("Who fought France and Britain?", ["Britain and France fought Spain."])
    []

    Phrases of 3 to `longest` words; "and", "or", "nor" and "than" between the
    ends make the order meaningless ("A and B") and are skipped.
    """
    asked = words(asked_sentence(question))
    texts = [f" {' '.join(words(t))} " for t in sentences]
    pairs = []
    for i, a in enumerate(asked):
        for j in range(i + 2, min(len(asked), i + longest)):
            b, middle = asked[j], asked[i + 1:j]
            if a in STOPWORDS or b in STOPWORDS or a == b or any(m in ("and", "or", "nor", "than") for m in middle):
                continue
            said, swapped = " ".join([a, *middle, b]), " ".join([b, *middle, a])
            if any(f" {swapped} " in t for t in texts) and not any(f" {said} " in t for t in texts):
                pairs.append((said, swapped))
    return pairs
