"""Which event a date belongs to: "When was the treaty signed?" is not answered by the year it entered into force.

A sentence often dates one of several events of its subject: "The Free Trade
Agreement, which entered into force in 2015, …". Asked when that agreement was
*signed*, a small model answers "2015": every word of the answer is in the
cited sentence, the sentence names the agreement, and the model's own second
look agrees. In English the verb just before a date says which event it dates, so a date
whose nearest verb names another stage in the life of an agreement, a law, a
body or a person (`STAGES`: signing, approval, entry into force, start, end,
announcement) dates another event:

>>> other_event("When was the trade agreement signed?", "In 2015", ["The trade agreement entered into force in 2015."])
'entered'
>>> other_event("When was the memorandum signed?", "January 29", ["The memorandum was signed on January 29."])
''
>>> other_event("When was the memo singed?", "January 29", ["The memo was signed on January 29."])  # a typo is the same verb
''
>>> other_event("When was the colony founded?", "1555", ["Settlers arrived in Brazil in 1555."])  # not a listed stage
''

Measured on SQuAD's human questions (v1.1 dev and half of v2.0 dev): of the
220 answerable passive when-questions, with the gold answer and its sentence,
it fires on 4 (2 questions, in both sets: "When was the charter for this church signed?" of
"… was established by Royal Charter in 1550", where the date is the founding's, and one
in a long sentence); before the verbs were limited to listed stages it fired on 6
("When was a Doctor Who Prom performed?" of "… was celebrated on 27 July 2008").
Measured again with the set-aside clauses (session 21): the same
220 questions, the same 4.

Deliberately not done: only passive questions ending in a regular past
participle or "born" ("When was … signed?", "In what year were … founded?");
"When did it take effect?" is left alone. A verb is a lowercase word ending in
"-ed" or a listed one, looked for at most `WINDOW` words before the date; a
date with no verb there, or with a verb of no listed stage (a possible
synonym), is left alone, and the sentence is not parsed.
"""

from __future__ import annotations

import re

from .text import fold, stem, typo

PASSIVE_WHEN = re.compile(r"^\s*(?:(?:and|so|but|then)\s+)?(?:when|(?:(?:in|on)\s+)?(?:what|which)\s+(?:year|month|day|date))\s+"
                          r"(?!(?:did|does|do|will|would|can|could|has|have|had)\b)(?:[^\s,?]+\s+){0,8}?"  # "In which year the FTA was signed?"
                          r"(?:was|were|is|are|has been|have been|had been)\b.*\b([a-z]{3,}ed|born)(?:\s+by\s+[^,?]+)?\W*$", re.I)  # "… signed by X?"
# Stages in the life of an agreement, a law, a body or a person: a date of one stage does not date another.
STAGES = {
    "signed": "signing", "inked": "signing", "concluded": "signing", "negotiated": "signing",
    "ratified": "approval", "approved": "approval", "passed": "approval", "enacted": "approval", "adopted": "approval",
    "entered": "entry into force", "came": "entry into force", "took": "entry into force", "implemented": "entry into force",
    "expired": "end", "ended": "end", "terminated": "end", "lapsed": "end", "repealed": "end", "abolished": "end",
    "dissolved": "end", "died": "end", "closed": "end",
    "founded": "start", "established": "start", "created": "start", "formed": "start", "opened": "start",
    "launched": "start", "born": "start", "announced": "announcement", "proposed": "announcement",
}
MONTHS = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
                    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$")
WINDOW = 5
# ", as opposed to entering into force", "(not when it took effect)", ", before it entered into force": not the asked event
SET_ASIDE = re.compile(r"\s*[,;(—–-]\s*(?:as opposed to|as distinct from|distinct from|as against|rather than|instead of|"
                       r"and not|not|before|after|prior to)\b[^?)]*\)?", re.I)
TOKEN = re.compile(r"[\w’'-]+")
ACTIVE_WHEN = re.compile(r"^\s*(?:(?:and|so|but|then)\s+)?when\s+(?:does|did|do|will|would|could)\s+[^?]+?\s+([a-z]{3,})\W*$", re.I)


def asked_event(question: str) -> str:
    """The past participle a passive when-question asks about ('' if it is not one).

    >>> asked_event("In what year was the agreement originally signed?"), asked_event("When did it take effect?")
    ('signed', '')

    A clause that sets another event aside follows the verb, not replaces it:

    >>> asked_event("In what year was the FTA signed, as opposed to entering into force?")
    'signed'
    >>> asked_event("On what date was the FTA originally signed, as distinct from its entry into force?")
    'signed'

    The subject may come before the verb, as a learner of English may put it:

    >>> asked_event("In which year the FTA was signed by the two governments, before it entered in force?")
    'signed'

    An active question is read only for the end of something ("When does it expire?"): a
    date of its signing or start is never that, while "When did they create it?" may ask
    for the signing.

    >>> asked_event("When does the memorandum expire?"), asked_event("When did they sign it?")
    ('expired', '')

    So is a question for the date of an end named by a noun, or by a verb that is not last:

    >>> asked_event("MOU term / expiry date"), asked_event("When does it expire or come up for renewal?")
    ('expired', 'expired')
    """
    m = PASSIVE_WHEN.match(SET_ASIDE.sub("", question.strip()))
    if m:
        return fold(m.group(1))
    m = ACTIVE_WHEN.match(question.strip())
    past = _past(fold(m.group(1))) if m else ""
    if STAGES.get(past) == "end":
        return past
    return "expired" if DATE_ASKED.search(question) and END_ASKED.search(question) else ""


# A question for a date ("When …", "… when?", "expiry date") and the words for an end it may ask it of
DATE_ASKED = re.compile(r"^\s*(?:(?:and|so|but|then)\s+)?when\b|\bwhen\W*$|\b(?:date|day|deadline)\b", re.I)
END_ASKED = re.compile(r"\b(?:expir\w*|terminat\w*|lapses?)\b", re.I)


def _past(verb: str) -> str:
    """The regular past participle: 'expire' -> 'expired', 'end' -> 'ended' (irregular verbs are not stages here)."""
    return verb + ("d" if verb.endswith("e") else "ed")


def staged_as_in(question: str, text: str) -> set[str]:
    """Stems of the question's stage verbs whose stage a verb of `text` shares.

    >>> staged_as_in("Was the deal inked in May?", "The deal was signed on January 29.")
    {'ink'}
    >>> staged_as_in("Was the deal ratified in May?", "The deal was signed on January 29.")
    set()
    """
    stages = {STAGES[w] for w in map(fold, TOKEN.findall(text)) if w in STAGES}
    return {stem(w) for w in map(fold, TOKEN.findall(question)) if STAGES.get(w) in stages}


def _date_words(text: str) -> set[str]:
    """Years and month names of `text`, folded: 'On January 29, 2015' -> {'january', '2015'}."""
    return {w for w in map(fold, TOKEN.findall(text)) if re.fullmatch(r"\d{3,4}", w) or MONTHS.match(w)}


def _same_verb(a: str, b: str) -> bool:
    return stem(a) == stem(b) or typo(a, b, least=5)


def other_event(question: str, answer: str, cited: list[str], documents: list[str] | None = None) -> str:
    """The verb that dates the answer's date in the cited sentences, when it is not the question's ('' otherwise).

    Every date word of the answer that a cited sentence holds must be dated by
    another verb for this to speak; one dated by the question's verb, or by no
    verb within `WINDOW` words, leaves the answer alone. So does a question
    verb that `documents` (the texts the citations come from) never use: it may
    be a synonym of theirs ("When was it inked?" of a text that says "signed").

    >>> other_event("When was the deal inked?", "May 2", ["The deal was signed on May 2."], ["The deal was signed on May 2."])
    ''
    >>> other_event("When does the deal expire?", "May 2", ["The deal was signed on May 2."], ["The deal was signed on May 2."])
    'signed'
    >>> other_event("When did the dynasty end?", "1234", ["The newly established dynasty (1115–1234) ruled."])
    ''
    """
    asked = asked_event(question)
    stage = STAGES.get(next((v for v in STAGES if _same_verb(asked, v)), ""), "")
    dates = _date_words(answer)
    if not stage or not dates:
        return ""
    if stage != "end" and documents is not None and not any(_same_verb(asked, fold(w)) for t in documents for w in TOKEN.findall(t)):
        return ""  # an end is no other stage's synonym: a text that never says "expire" still dates no expiry by a signing
    if any(re.search(rf"\w\s*[–—-]\s*{re.escape(d)}\b", fold(text)) for d in dates for text in cited):
        return ""  # the end of a span ("the Jin dynasty (1115–1234)") dates no single event by the verb before it
    other = ""
    for text in cited:
        tokens = TOKEN.findall(text)
        for i, token in enumerate(tokens):
            if fold(token) not in dates:
                continue
            before = tokens[max(0, i - WINDOW):i]
            verbs = [w for w in before if w.islower() and (w.endswith("ed") and len(w) >= 5 or w in STAGES)]
            if any(_same_verb(asked, fold(v)) for v in before) or not verbs:
                return ""
            if STAGES.get(verbs[-1], stage) == stage:  # a verb of no listed stage, or of the asked one, may be a synonym
                return ""
            other = other or verbs[-1]
    return other
