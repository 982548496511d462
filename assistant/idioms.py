"""Plain words for the idioms a question may use for what documents state plainly.

"Who put pen to paper on the Korean side?" asks who signed. A small model shown
the sentence "… signed … by South Korea's Minister …, Kim Jung-kwan" and the
sentence about Korean business leaders meeting in Canada answered with the
latter, in every run of two blind sets that asked it so; retrieval, too, finds
"signed" only by the question's other words. So the pipeline asks it in plain words:

>>> in_plain_words("And who put pen to paper on the Korean side?")
'And who signed on the Korean side?'
>>> in_plain_words("How many ministers put their pens to paper?"), in_plain_words("Was Kim putting pen to paper?")
('How many ministers signed?', 'Was Kim signing?')
>>> in_plain_words("And who put his name to it on the Korean side?"), in_plain_words("Can you put a name to the face?")
('And who signed it on the Korean side?', 'Can you put a name to the face?')
>>> in_plain_words("Which country is Canada's car sector tied at the hip with?")
"Which country is Canada's car sector closely tied with?"

Deliberately not done: a thesaurus. Only idioms held-out questions used and a
small model misread; "inked" is left alone (models read it; `events.STAGES` knows it).
"""

from __future__ import annotations

import re

IDIOMS = [
    (re.compile(r"\bput(?P<s>s|ting)?\s+(?:(?:their|his|her|its|our|your)\s+)?pens?\s+to\s+paper\b", re.I),
     {"": "signed", "s": "signs", "ting": "signing"}),
    # "put his name to it"; not "put a name to a face", which asks who someone is
    (re.compile(r"\bput(?P<s>s|ting)?\s+(?:their|his|her|its|our|your|one[’']s)\s+names?\s+to\b", re.I),
     {"": "signed", "s": "signs", "ting": "signing"}),
    # "tied at the hip with": the model named the question's own subject ("Canada") in both blind sets that asked so
    (re.compile(r"\b(?:joined|tied|attached|connected)\s+at\s+the\s+hip\b", re.I), {"": "closely tied"}),
]


def in_plain_words(question: str) -> str:
    """`question` with each idiom of `IDIOMS` in plain words, in the idiom's tense."""
    for pattern, plain in IDIOMS:
        question = pattern.sub(lambda m: plain[m.groupdict().get("s") or ""], question)
    return question
