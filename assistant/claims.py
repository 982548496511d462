"""Questions that quote a claim to check it: "A tweet says it was signed on February 1. When was it signed?"

People who check what they read put the claim first and their question last.
The claim's names and numbers are what the question doubts, not what it takes
for granted: that the documents never mention "February 1" says nothing about
whether they answer "When was it signed?". So the names a question needs the
documents to mention (`pipeline`'s gaps) are read from what it asks, after
the claim (`without_claim`).

A question that only asks whether the claim holds ("Is that true?") is asked
as the claim itself (`restated`), so that the model and the checks see what is
to be confirmed or denied.

>>> restated("Someone on X claims Korea will build a battery plant. Is that true?")
'Is it true that Korea will build a battery plant?'
>>> without_claim("A commenter said it took effect in 2019. When did it really come into force?")
'When did it really come into force?'

Deliberately not done: only a preamble whose every sentence reports what
someone says, claims, writes or describes counts as a claim; any other preamble
("I work at Hyundai. Will it open a plant?") is context and keeps its names.
The claim's wording is kept as the user wrote it, not parsed.
"""

from __future__ import annotations

import re

from .names import QUESTION_WORD, question_sentences

# Verbs after which the claim follows: "… claims (that) <claim>."
_SAYS = (r"says?|said|claim(?:s|ed|ing)?|insist(?:s|ed|ing)?|argu(?:es|ed|ing)|assert(?:s|ed|ing)?|alleg(?:es|ed|ing)|"
         r"suggest(?:s|ed|ing)|report(?:s|ed|ing)?|wr(?:ote|ites|iting)|post(?:s|ed|ing)|tweet(?:s|ed|ing)|heard|"
         r"read(?:ing)?|told|believes?|thinks?")
# A sentence that reports what someone else holds: "A tweet says …", "I keep reading that …", "A pundit dismissed …";
# lower case only: "Dillon, Read & Co." reports nothing
REPORTS = re.compile(rf"\b(?:{_SAYS}|saying|argue|allege|describ(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|call(?:s|ed|ing)|"
                     r"hear(?:ing)?|tells?|rumou?r(?:s|ed)?)\b")
CLAIM_AFTER = re.compile(rf"^.*?\b(?:{_SAYS})\s+(?:that\s+)?(?P<claim>.+?)[.!:;]*$", re.I | re.S)
# A last sentence that asks only whether the claim holds
CHECKS_IT = re.compile(
    r"^\W*(?:(?:so|but|and|well)[,\s]+)?(?:(?:is|was)\s+(?:that|this|it)\s+(?:really\s+|actually\s+)?"
    r"(?:true|right|correct|accurate|so|the case)|(?:is|was)\s+(?:that|this|the)\s+(?:claim|statement|post|tweet)\s+"
    r"(?:really\s+|actually\s+)?(?:true|right|correct|accurate)|true(?:\s+or\s+(?:false|not))?|fact\s+or\s+fiction|"
    r"(?:did|does)\s+(?:that|this)\s+(?:really\s+|actually\s+)?(?:happen|hold(?:\s+up)?)|any\s+truth\s+(?:to|in)\s+"
    r"(?:that|this|it))\W*$", re.I)


def _claim_preamble(question: str) -> tuple[list[str], str] | None:
    """(the preamble's sentences, the asked sentence) when every preamble sentence reports a claim; else None."""
    parts = question_sentences(question)
    if len(parts) < 2 or not all(REPORTS.search(p) and not p.rstrip().endswith("?") and not QUESTION_WORD.match(p)
                                 for p in parts[:-1]):  # "Who claimed it? Is it true?" asks; it reports nothing
        return None
    return parts[:-1], parts[-1]


def without_claim(question: str) -> str:
    """What the question asks of the documents: without a preamble that reports a claim.

    >>> without_claim("I keep reading that Korea pledged $10 billion. Did the deal lock in a figure?")
    'Did the deal lock in a figure?'
    >>> without_claim("I work at Hyundai. Will it build a plant?")  # context, not a claim: kept
    'I work at Hyundai. Will it build a plant?'
    >>> without_claim("Who signed?")
    'Who signed?'
    """
    found = _claim_preamble(question)
    return found[1] if found else question


def reported_claim(question: str) -> str:
    """The claim a question quotes to check it, without who reports it ('' if it quotes none).

    >>> reported_claim("I keep reading that Korea pledged $10 billion. Did the deal lock in a figure like that?")
    'Korea pledged $10 billion'
    >>> reported_claim("A pundit dismissed Korea as a minor player. Does the article agree?")  # no "that" to cut at
    'A pundit dismissed Korea as a minor player.'
    """
    found = _claim_preamble(question)
    if not found:
        return ""
    return " ".join(m.group("claim") if (m := CLAIM_AFTER.match(p.strip())) else p for p in found[0])


def restated(question: str) -> str:
    """The question, with "Is that true?" after a reported claim asked as "Is it true that <claim>?".

    >>> restated("A post says the deal ignores hydrogen. Is that true?")
    'Is it true that the deal ignores hydrogen?'
    >>> restated("A post says the deal ignores hydrogen. Does the text mention hydrogen?")  # asks its own question
    'A post says the deal ignores hydrogen. Does the text mention hydrogen?'
    """
    found = _claim_preamble(question)
    if not found or not CHECKS_IT.match(found[1]) or len(found[0]) != 1 or not CLAIM_AFTER.match(found[0][0].strip()):
        return question
    return f"Is it true that {reported_claim(question)}?"


# "Is it true that <claim>?", "Does the article say <claim>?", "Our draft says <claim> — does that match the article?"
CHECKED = [re.compile(r"^\W*(?:is|was)\s+it\s+(?:really\s+)?(?:true|correct|accurate|right)\s+(?:to\s+say\s+)?(?:that\s+)?"
                      r"(?P<claim>.+?)\W*$", re.I),
           re.compile(r"^\W*(?:does|did)\s+the\s+(?:article|text|piece|report|story|document)\s+(?:say|state|report|claim)\s+"
                      r"(?:that\s+)?(?P<claim>.+?)\W*$", re.I),
           re.compile(rf"^.*?\b(?:{_SAYS}|has)\s+(?:that\s+)?(?P<claim>.+?)\s+[—–-]+\s+(?:does|did|is|was)\s+(?:that|this|it)\b.*$",
                      re.I)]


def checked_claim(sentence: str) -> str:
    """The claim a one-sentence question checks, without how it asks to check it (the sentence if it checks none).

    >>> checked_claim("Is it correct that the pact took effect in 2014?")
    'the pact took effect in 2014'
    >>> checked_claim("Our draft says the deal was inked on January 19 — does that match the article?")
    'the deal was inked on January 19'
    >>> checked_claim("Was it signed in 2014?")
    'Was it signed in 2014?'

    Deliberately not done: a claim put in a sentence of its own before the question
    (`reported_claim` reads those).
    """
    return next((m.group("claim") for p in CHECKED if (m := p.match(sentence))), sentence)
