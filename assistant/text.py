"""Word-level helpers shared by lexical retrieval and the grounding checks.

>>> content_words("Who signed the memorandums on January 29?")
['signed', 'memorandums', 'january', '29']
>>> [stem(w) for w in ["signed", "memorandums", "batteries", "Korean", "Koreans", "leaves", "leaving"]]
['sign', 'memorandum', 'battery', 'korea', 'korea', 'leav', 'leav']

`stem` is a deliberately tiny suffix stripper (plural, -ed, -ing, -ly, -ean, a silent -e),
enough to match "batteries"/"battery" or "Korea"/"Korean"; `similar` adds a
common-prefix rule for "Canada"/"Canadian" and lets one typo through in long words
("comittee"). Neither is a Porter stemmer and
neither knows irregular forms.
"""

from __future__ import annotations

import re
import unicodedata

STOPWORDS = frozenset(
    """a an the and or but if then than so of in on at to for from by with without about
    as into onto over under between among through during before after above below up down
    out off again further once is are was were be been being am do does did doing done
    have has had having will would shall should can could may might must it its it's this
    that these those there here what which who whom whose when where why how i me my we our
    you your he him his she her they them their not no nor only own same too very just also
    any all both each few more most other some such s t don't doesn't didn't isn't aren't
    wasn't weren't won't according text document documents article say says said tell
    i'm i've i'd i'll we're we've we'd we'll you're you've you'd you'll he's she's they're they've they'd they'll
    that's there's what's who's let's""".split()
)

_WORD = re.compile(r"[\w]+(?:[-'’][\w]+)*", re.UNICODE)


_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})


def fold(text: str) -> str:
    """Lower-case and strip accents, also from letters that Unicode does not decompose:
    'Mélanie' -> 'melanie', 'Bolesław' -> 'boleslaw'."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def words(text: str) -> list[str]:
    """Folded words, keeping hyphenated and apostrophe compounds whole."""
    return _WORD.findall(fold(text))


def content_words(text: str) -> list[str]:
    """Words that carry meaning: folded, without stop words and possessive 's."""
    out = []
    for w in words(text):
        w = w[:-2] if w.endswith("'s") else w
        if w not in STOPWORDS:
            out.append(w)
    return out


def is_plural(word: str) -> bool:
    """Whether a word looks like a plural: "leaders" yes; "business", "status", "analysis" no.

    >>> [is_plural(w) for w in ["leaders", "business", "status", "analysis"]]
    [True, False, False, False]
    """
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def stem(word: str) -> str:
    """A small, predictable suffix stripper (see module docstring)."""
    w = fold(word)
    if len(w) <= 3 or w.isdigit():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("eed"):
        return w[:-1]
    for suffix in ("ing", "ed", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= (5 if suffix == "ly" else 3):  # 'Italy', 'supply' keep 'ly'
            return w[: -len(suffix)]
    plural = is_plural(w)
    if plural:
        w = w[:-1]
    if w.endswith("ean") and (not plural or len(w) >= 6):  # Korean, Koreans -> korea; European -> europea; 'means' -> mean
        return w[:-1]
    if len(w) >= 5 and w.endswith("e") and not w.endswith("ee"):  # "leaves", "leave" -> leav, like "leaving"
        return w[:-1]
    return w


def similar(a: str, b: str) -> bool:
    """Two stems name the same thing: equal, sharing a long common prefix, or one typo apart.

    >>> similar("canada", "canadian"), similar("korea", "korean"), similar("trade", "tradition")
    (True, True, False)
    >>> similar("comittee", "committee"), similar("goverment", "government"), similar("internal", "external")
    (True, True, False)
    """
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 5 or short.isdigit():
        return False
    if typo(a, b):
        return True
    common = 0
    for x, y in zip(short, long_):
        if x != y:
            break
        common += 1
    return common >= len(short) - 1 and len(long_) - common <= 3


def typo(a: str, b: str, least: int = 7) -> bool:
    """True when two words of at least `least` letters are one slip apart after their first letter:
    a letter added, dropped, changed, or two neighbours swapped ("comittee", "goverment", "recieve").

    Short words are left alone: "county"/"country" and "affect"/"effect" are different words.
    Deliberately accepted: long names one letter apart ("Clinton"/"Clifton") match too, so a
    question or answer naming such a near-twin of a documented name is not declined for it.

    >>> typo("comittee", "committee"), typo("recieved", "received"), typo("internal", "external")
    (True, True, False)
    """
    if min(len(a), len(b)) < least or a[0] != b[0] or abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def stems(text: str) -> list[str]:
    """Stems of the content words of `text`, splitting hyphenated compounds too."""
    out = []
    for w in content_words(text):
        out.append(stem(w))
        if "-" in w:
            out.extend(stem(p) for p in w.split("-") if p and p not in STOPWORDS)
    return out
