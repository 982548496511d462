"""Two questions in one: "When was the MOU signed, and who signed it for Canada?"

A reader often asks two things at once. Each part needs its own evidence and its
own answer, and the model, shown three sentences for one of them, answers one part
or declines both. So the pipeline asks each part on its own and joins the answers
(`Assistant.ask`): a part the documents do not answer is said to be unanswered, and
the question is declined only when every part is.

>>> split_parts("When was the MOU signed, and who signed it for Canada?")
['When was the MOU signed?', 'Who signed it for Canada?']
>>> split_parts("What's in it for Canada and what's in it for South Korea?")
["What's in it for Canada?", "What's in it for South Korea?"]
>>> split_parts("Why sign it at all? What does each one cover?")
['Why sign it at all?', 'What does each one cover?']
>>> split_parts("Who signed the deal for Canada and Korea?"), split_parts("Is it binding, and is it public?")
(['Who signed the deal for Canada and Korea?'], ['Is it binding?', 'Is it public?'])
>>> split_parts("Which minerals exactly? lithium, nickel?"), split_parts("Which minerals — lithium? — does it name?")
(['Which minerals exactly? lithium, nickel?'], ['Which minerals — lithium? — does it name?'])
>>> split_parts("When did the FTA take effect and does the new MOU supersede it?")
['When did the FTA take effect?', 'Does the new MOU supersede it?']
>>> split_parts("When does the memorandum expire, and can either side withdraw from it?")
['When does the memorandum expire?', 'Can either side withdraw from it?']
>>> split_parts("Colonialism is caused by financial and what other reasons?")  # one question
['Colonialism is caused by financial and what other reasons?']

Of SQuAD's 15,114 questions (v1.1 dev and half of v2.0 dev) it splits one, "Who discovered
this and where did they come from?"; of the 604 seed questions, the 14 that ask two things.

Deliberately not done: at most `MOST` parts; a part that leans on the other is rewritten
only where `named_back` can put the first part's answer in ("that deal", "she"); otherwise
the pipeline only searches a short one, "and what are they?", with the whole question; "and" followed by an auxiliary
splits only before a subject ("and does the MOU …", not "and have occurred");
statements before the question ("The MOU sets up a committee. Who leads it?") are no part;
"and" followed by a preposition ("…, and on what date did they sign?", "…, and from what city?")
does not split: live on the 8 seed questions it would split, 3 were answered right in parts
against 6 asked whole (a part such as "From what city?" has lost what it asks about).
"""

from __future__ import annotations

import re

from .names import continues_question
from .roles import TITLES, people_named
from .text import STOPWORDS, stem

MOST = 3
PART_BREAK = "\n---\n"  # between the parts' model replies in `Answer.model_reply`
WH = r"what(?:'s|’s)?|who|whom|whose|which|when|where|why|how"
AUX = r"is|are|was|were|does|do|did|can|could|will|would|has|have|had|should"
SUBJECT = r"(?:the|a|an|it|its|they|their|he|she|his|her|this|that|these|those|there|any|each|either|neither|both|we|you|(?-i:[A-Z]))"
# ", and what …", " and who …"; also " and can it …" (an auxiliary and then its subject, not "… and have occurred"):
# without the comma this splits no more of SQuAD's 15,114 questions and one more of 1,009 seed ones
JOIN = re.compile(rf"(?:,\s*|;\s*|\s+)and\s+(?=(?:{WH})\b|(?:{AUX})\s+{SUBJECT})", re.I)
LEAST_WORDS = 3
ASKS = re.compile(rf"\s*(?:(?:in|on|for|by|from|to|with|at|of)\s+)?(?:{WH}|{AUX})\b", re.I)  # the first piece is a question too


def split_parts(question: str) -> list[str]:
    """The questions `question` asks, each as a question of its own (a list of one when it asks one)."""
    sentences: list[str] = []
    for piece in re.split(r"(?<=\?)\s+(?=\S)", question.strip()):
        if sentences and continues_question(sentences[-1], piece):  # "Which minerals exactly? lithium, nickel?"
            sentences[-1] += " " + piece
        elif piece:
            sentences.append(piece)
    asked = [s for s in sentences if s.endswith("?")]
    if len(asked) != len(sentences) or not asked:
        asked = [question.strip()]  # a preamble that is no question: one question, as asked
    parts = []
    for sentence in asked:
        pieces = JOIN.split(sentence.rstrip("?").strip())
        if len(pieces) > 1 and all(len(p.split()) >= LEAST_WORDS for p in pieces) and ASKS.match(pieces[0]):
            parts += [_question(p) for p in pieces]
        else:
            parts.append(sentence)
    return parts if 1 < len(parts) <= MOST else [question.strip()]


# "What concrete projects has it delivered" asks for things; "Who chairs it" for people.
ASKS_FOR = re.compile(rf"^(?:(?:what|which)\s+(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+s\s+(?:{AUX})\b|who\b)", re.I)
THEM = re.compile(r"\b(?:they|them|their|these|those)\b", re.I)


def about_its_answer(before: str, part: str) -> bool:
    """Whether `part` points back at what the part `before` it asks for, not at what it names.

    In "What concrete projects has the committee delivered, and how did they turn out?"
    "they" are the projects: when the documents do not answer the first part, the
    second has nothing to be about. In "When was it signed, and who signed it?" "it"
    is what both parts name, and the second stands on its own.

    >>> about_its_answer("What concrete projects has the committee delivered?", "How did they turn out?")
    True
    >>> about_its_answer("When was the MOU signed?", "Who signed it?"), about_its_answer("What is it?", "Who are they?")
    (False, False)

    Deliberately simple: a plural "what/which …s" or a "who" before, "they/them/their/these/
    those" after; singular pronouns ("it") are taken to point at what the question names.
    """
    return bool(ASKS_FOR.match(before) and THEM.search(part))


def _question(piece: str) -> str:
    """A piece of a question as a question of its own: capitalised, ending in "?"."""
    piece = piece.strip(" ,;")
    return piece[:1].upper() + piece[1:] + "?"


THAT_NOUN = re.compile(r"\b(?:that|this|the same)\s+([a-z][\w’'-]*)", re.I)
PERSON_PRONOUN = re.compile(rf"\b(?:he|she|him|her|his|(?:that|this|the same)\s+(?:person|individual|official|{'|'.join(sorted(TITLES))}))\b", re.I)
ASKS_PERSON = re.compile(rf"\s*(?:who|which\s+(?:[\w’'-]+\s+)?(?:{'|'.join(sorted(TITLES))}|person|official|leader)s?)\b", re.I)
COUNTED = re.compile(rf"^\W*how\s+many\s+((?:[\w’'-]+\s+){{0,5}}?[\w’'-]+?)\s+(?:{AUX})\b", re.I)  # the things a count is of
VAGUE = frozenset("things ones items points ways parts aspects elements".split())  # "What are the things?" says no more
LONGEST_NAME = 8  # words: a longer answer is a sentence, not a name to put in the question


def named_back(part: str, before: str, answer: str) -> str:
    """`part` with "that deal" replaced by the answer to the part `before` when that asked for
    a deal (or "she" by the last person the answer names, `roles.people_named`, after a part
    asking who or which minister, and "his" by "<person>’s"); else `part` unchanged.

    "What kind of framework did that deal set up?" on its own has lost which deal it
    means, and retrieval and the model then answered it with the first part's answer.

    >>> named_back("What framework did that deal set up?", "What trade deal does it build on?", "The Free Trade Agreement.")
    'What framework did the Free Trade Agreement set up?'
    >>> named_back("What ministry does she head?", "Who signed for Canada?", "Canada's Minister of Industry, Mélanie Joly")
    'What ministry does Mélanie Joly head?'
    >>> named_back("What framework did that deal set up?", "Who signed it?", "Joly")  # "deal" is not what was asked for
    'What framework did that deal set up?'
    >>> named_back("What is his portfolio?", "Which Korean minister signed the deal?", "Kim Jung-kwan")
    'What is Kim Jung-kwan’s portfolio?'
    >>> named_back("what portfolio does that person hold?", "Who signed for South Korea", "Kim Jung-kwan")
    'what portfolio does Kim Jung-kwan hold?'

    After "How many <things> …?", "they" are those things, whatever the count:
    >>> named_back("What are they?", "How many workstreams linking the two industries are spelled out?", "3")
    'What are the workstreams linking the two industries?'

    Deliberately not done: "it", and "they" after other questions than "how many" (as often what both parts name as the answer
    to the first); answers longer than `LONGEST_NAME` words; more than the first mention.
    """
    counted = COUNTED.match(before)
    if counted and counted.group(1).lower() not in VAGUE and (them := re.search(r"\b(?:they|them)\b", part, re.I)):
        return part[:them.start()] + "the " + counted.group(1) + part[them.end():]  # "How many workstreams …, and what are they?"
    name = answer.strip().rstrip(".")
    if not name or len(name.split()) > LONGEST_NAME:
        return part
    name = name[:4].lower() + name[4:] if name.startswith("The ") else name
    asked = {stem(w) for w in re.findall(r"[\w’'-]+", before.lower())}
    that = THAT_NOUN.search(part)
    if that and stem(that.group(1).lower()) in asked:
        return part[:that.start()] + name + part[that.end():]
    people = people_named(name)
    if people and ASKS_PERSON.match(before) and (pronoun := PERSON_PRONOUN.search(part)):
        person = people[-1] + ("’s" if _owns_next_word(pronoun) else "")
        return part[:pronoun.start()] + person + part[pronoun.end():]
    return part


def _owns_next_word(pronoun: re.Match) -> bool:
    """Whether "his"/"her" owns the word after it ("her portfolio"), not "her" as an object ("appointed her to …")."""
    if pronoun.group().lower() == "his":
        return True
    after = re.match(r"\s+([a-z]+)", pronoun.string[pronoun.end():])
    return pronoun.group().lower() == "her" and bool(after) and after.group(1) not in STOPWORDS
