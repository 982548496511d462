"""What a question adds beside what it asks: tags that only seek agreement, and the opposite it offers.

"Is there any binding commitment in this deal, or not?" asks whether there is one;
left in, its "not" reads as a negated question, which the checks leave alone.
"Will companies get a seat at the table, or is it just government?" asks whether
they will: the second clause is the answer "No" spelled out, and a model that
answers it says "No" to the first. "Surely this changes our trade arrangements,
doesn't it?" asks whether it does. So the pipeline asks what is asked:

>>> without_asides("Is there any binding investment commitment in this deal, or not?")
'Is there any binding investment commitment in this deal?'
>>> without_asides("Will businesses be involved, or is it purely government-to-government?")
'Will businesses be involved?'
>>> without_asides("Surely this changes our existing North American trade arrangements, doesn't it?")
'Is it true that this changes our existing North American trade arrangements?'
>>> without_asides("What's the committee actually for, in plain English?")
"What's the committee actually for?"
>>> without_asides("In plain English, what is the committee for?")
'what is the committee for?'
>>> without_asides("What did that 2015 trade deal set up in the first place?")
'What did that 2015 trade deal set up?'

A spoken opener ("And", "So um", "Okay so") and a filler ("um", "uh") are no part of
what is asked either; with them the question's own opening ("who", "is") is not first:

>>> without_asides("And who put pen to paper on the Korean side?")
'who put pen to paper on the Korean side?'
>>> without_asides("so um is there like a deadline uh for the first meeting")
'is there like a deadline for the first meeting'

And so are "or something" and ", what does the article say":

>>> without_asides("is it like a contract to buy vehicles or something")
'is it like a contract to buy vehicles'
>>> without_asides("is canada less dependent on the US, what does the article say")
'is canada less dependent on the US'

Deliberately not done: only the last sentence's end is read, and a statement with a
tag becomes "Is it true that …?" only when it is the whole question. A choice between
things ("Is it A or B?", "… once a year, or twice?") and a second question ("When does
it expire, or how long is it valid?") are kept: they ask something else.
"""

from __future__ import annotations

import re

from .grounding import REQUEST, WH_OPENS, YES_NO_START
from .names import question_sentences

_AUX = r"(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|should)"
_PRONOUN = r"(?:it|this|that|they|there|he|she|we|you)"
# ", or not?" and its like: the question's own negative, which asks nothing more
OR_NOT = re.compile(r",?\s+or\s+(?:not|no|nah|what|something|anything|whatever)(?:\s+like\s+that)?\s*(?=[?.!]*\s*$)", re.I)
# ", or is it purely X?": the alternative that would make the answer "No"
OR_ELSE = re.compile(rf",?\s+or\s+(?:{_AUX}\s+{_PRONOUN}|{_PRONOUN}\s+{_AUX})\b[^?]*(?=[?.!]*\s*$)", re.I)
# ", doesn't it?", ", right?": a tag that asks the reader to agree with the statement before it
TAG = re.compile(rf",\s*(?:{_AUX}n[’']t\s+{_PRONOUN}|{_AUX}\s+{_PRONOUN}\s+not|right|correct|true|no|eh|surely)\s*(?=\?\s*$)", re.I)
_PLAINLY = r"in\s+(?:plain|simple)\s+(?:english|language|terms|words)\b"
# "and", "so um", "okay so": said before a question, not asked; dropped only when a question's opening follows
OPENER = re.compile(r"^\W*(?:(?:and|so|but|ok|okay|alright|well|hey|now|also|oh|basically|honestly|seriously|actually|like|"
                    r"um+|uh+|erm|hmm+)\b[,.…\s]*)+", re.I)
# "Can you list the areas …?" asks for the list, not whether the reader is able to
POLITE = re.compile(r"^\W*(?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?:be\s+able\s+to\s+)?(?="
                    + REQUEST.pattern.removeprefix("^\\W*") + ")", re.I)
# "Could you kindly confirm who signed?" asks who signed; "Can you confirm it is binding?" asks yes or no
CONFIRM_WH = re.compile(r"^\W*(?:(?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+)?(?:be\s+able\s+to\s+)?|please\s+|kindly\s+)?"
                        r"(?:confirm|check|verify|clarify)\s+(?=(?:who|whom|whose|what|when|where|which|how|why)\b)", re.I)
FILLER = re.compile(r"(?<![\w-])(?:[Uu]m+|[Uu]h+|[Ee]rm|[Hh]mm+)(?![\w-])[,.…]*\s*")  # "UM" (a name) is left alone
# ", what does the article say?" after a question: where to look, asked again
_SAYS = r",?\s*(?:what|how)\s+(?:does|do|did)\s+(?:the\s+|this\s+)?(?:article|text|piece|story|report|document|source)\s+(?:say|put\s+it)\b"
_ORIGINALLY = r"in\s+the\s+first\s+place\b"  # "What did it set up in the first place?" asks what it set up
ASIDE = re.compile(rf"^\W*{_PLAINLY}[,:\s]*|,?\s*\b(?:{_PLAINLY}|{_ORIGINALLY})|(?<=\w){_SAYS}(?=\W*$)", re.I)  # "In plain terms, what …?", "What …, in plain English?"
STANCE = re.compile(r"^\W*(?:(?:surely|so|but|and|well|now|clearly|obviously)\b[,\s]*)+", re.I)


def without_asides(question: str) -> str:
    """`question` with its last sentence asking only what it asks (see the module docstring).

    >>> without_asides("Is it A or B?"), without_asides("How often will it meet — once a year, or twice?")
    ('Is it A or B?', 'How often will it meet — once a year, or twice?')
    >>> without_asides("Who signed it, right?"), without_asides("It builds on the FTA. It replaces it, right?")
    ('Who signed it?', 'It builds on the FTA. It replaces it, right?')
    """
    parts = question_sentences(question)
    if not parts or (at := question.rfind(parts[-1])) < 0:
        return question
    last = _unprefaced(FILLER.sub("", ASIDE.sub("", parts[-1])))
    last = OR_NOT.sub("", last)
    if YES_NO_START.match(last):
        last = OR_ELSE.sub("", last)
    if TAG.search(last):
        stated = TAG.sub("", last)
        if YES_NO_START.match(stated) or WH_OPENS.match(stated):
            last = stated
        elif len(parts) == 1:
            body = STANCE.sub("", stated).rstrip("?").strip()
            last = f"Is it true that {body[:1].lower() + body[1:] if _common(body) else body}?"
    return question[:at] + last


def _unprefaced(sentence: str) -> str:
    """`sentence` without a spoken opener, when what follows opens a question or a request.

    >>> _unprefaced("Okay, so tell me who signed."), _unprefaced("So the committee meets when?")
    ('tell me who signed.', 'So the committee meets when?')
    >>> _unprefaced("can you list the areas"), _unprefaced("Can you confirm it is binding?")
    ('list the areas', 'Can you confirm it is binding?')
    >>> _unprefaced("Could you kindly confirm who signed it?"), _unprefaced("Please verify when it was signed.")
    ('who signed it?', 'when it was signed.')
    """
    rest = CONFIRM_WH.sub("", POLITE.sub("", OPENER.sub("", sentence)))
    return rest if rest != sentence and (WH_OPENS.match(rest) or YES_NO_START.match(rest) or REQUEST.match(rest)) else sentence


def _common(text: str) -> bool:
    """Whether `text` opens with a word that is capitalised only because it opens the sentence."""
    first = text.split(maxsplit=1)[:1]
    return bool(first) and first[0].lower() in {"this", "that", "it", "the", "these", "those", "they", "there", "a", "an"}
