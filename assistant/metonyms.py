"""Capitals that stand for their governments ("Seoul agreed", "what's in it for Ottawa?").

News questions name a country by its capital. When the documents never
mention the capital but do mention its country, the question is asked with the
country instead, so that retrieval, the presupposition check and the model all
see a name the documents use:

>>> in_documents = {"south", "korea", "canada", "ottawa"}
>>> mentioned = lambda words: all(w in in_documents for w in words)
>>> stand_in("Which Seoul official signed?", mentioned)
'Which South Korea official signed?'
>>> stand_in("Who signed for Ottawa?", mentioned)  # the documents name Ottawa: maybe the city
'Who signed for Ottawa?'
>>> stand_in("Was it signed in Seoul?", mentioned)  # a place, not a government
'Was it signed in Seoul?'

A capital that the documents do mention (an article about Warsaw) is left
alone: there it may mean the city; so is one named as a place ("signed in
Seoul"). A dateline ("MENA Newswire, OTTAWA: …") says where a story was filed,
not what it is about, so the caller leaves it out of what counts as mentioned
(`without_dateline`): before, "How did Ottawa justify the arrangement?" was
answered from the first sentence, the one that carries the dateline. A
capital that acts ("Why is Ottawa doing this?") is asked, and searched for, as
its government (`as_government`), whose reasons the documents give.

A country's other name that shares no word with it ("America", "the United
States") holds it too (`named_otherwise`). Deliberately not done: no other metonyms
("the White House", "Whitehall"), no geography beyond these lists (`REGIONS` holds a few
regions of fixed, few members).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .text import fold

CAPITALS = {
    "Ottawa": "Canada", "Washington": "United States", "Mexico City": "Mexico", "Seoul": "South Korea",
    "Pyongyang": "North Korea", "Tokyo": "Japan", "Beijing": "China", "Taipei": "Taiwan", "New Delhi": "India",
    "Islamabad": "Pakistan", "Dhaka": "Bangladesh", "Jakarta": "Indonesia", "Hanoi": "Vietnam", "Bangkok": "Thailand",
    "Manila": "Philippines", "Canberra": "Australia", "Wellington": "New Zealand", "London": "United Kingdom",
    "Paris": "France", "Berlin": "Germany", "Rome": "Italy", "Madrid": "Spain", "Lisbon": "Portugal",
    "The Hague": "Netherlands", "Brussels": "European Union", "Vienna": "Austria", "Bern": "Switzerland",
    "Stockholm": "Sweden", "Oslo": "Norway", "Copenhagen": "Denmark", "Helsinki": "Finland", "Warsaw": "Poland",
    "Prague": "Czech Republic", "Budapest": "Hungary", "Athens": "Greece", "Ankara": "Turkey", "Moscow": "Russia",
    "Kyiv": "Ukraine", "Kiev": "Ukraine", "Tehran": "Iran", "Riyadh": "Saudi Arabia", "Cairo": "Egypt",
    "Pretoria": "South Africa", "Nairobi": "Kenya", "Abuja": "Nigeria", "Brasília": "Brazil", "Brasilia": "Brazil",
    "Buenos Aires": "Argentina", "Santiago": "Chile", "Bogotá": "Colombia", "Lima": "Peru",
}
# Names of one country that share no word: "America's" is held by "the United States".
SAME_COUNTRY = [("United States", "U.S.", "US", "USA", "America", "American"),
                ("United Kingdom", "U.K.", "UK", "Britain", "British"), ("Netherlands", "Holland", "Dutch")]
# Regions whose few member countries are fixed: "North American trade" speaks of Mexico's.
REGIONS = {"North America": ("United States", "Canada", "Mexico"), "Scandinavia": ("Denmark", "Norway", "Sweden"),
           "Nordic": ("Denmark", "Norway", "Sweden", "Finland", "Iceland"), "Benelux": ("Belgium", "Netherlands", "Luxembourg"),
           "Iberia": ("Spain", "Portugal")}
_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, CAPITALS), key=len, reverse=True)) + r")\b")
_PLACE = re.compile(r"\b(in|at|near|to|from|into|within|outside|around|across|through|visit|visited|visiting|"
                    r"datelined?)\s+$", re.I)
DATELINE = re.compile(r"^\W*(?:[^\n:,—]{1,40},\s*)?[A-Z][A-Z.'’ -]{1,30}[A-Z.](?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*(?:\([^)\n]{1,40}\)\s*)?(?::|—|–|--|-\s)")


def stand_in(question: str, mentioned: Callable[[list[str]], bool]) -> str:
    """`question` with each capital the documents never mention replaced by its country.

    `mentioned(words)` says whether the documents contain all of `words`
    (lower-case), e.g. ["south", "korea"].
    """
    def swap(m: re.Match) -> str:
        city = m.group(1)
        country = CAPITALS[city]
        if _PLACE.search(question[:m.start()]):  # "signed in Seoul" means the city
            return city
        if mentioned(city.lower().split()) or not mentioned(country.lower().split()):
            return city
        return country

    return _PATTERN.sub(swap, question)


# A capital that acts: after an inverted auxiliary ("Why is Ottawa doing …", "How did Seoul frame …") or
# before a verb of saying or deciding ("Ottawa says", "Seoul agreed") or a reason ("Ottawa's reasoning"); not one of
# wanting ("What does Ottawa hope to put to work?" asks for the country's resource).
_ACTS_AFTER = re.compile(r"(?:\b(?:is|was|are|were|does|did|do|has|have|had|will|would|can|could|should|may|might|must)"
                         r"|\w['’]s)\s+$", re.I)
_ACTS_BEFORE = re.compile(r"^(?:\s+(?:says?|said|claims?|claimed|argues?|argued|thinks?|thought|believes?|believed|"
                          r"frames?|framed|describes?|described|justif(?:y|ies|ied)|sees?|saw|makes?|made|announced?|"
                          r"announces|agreed?|agrees|signs?|signed|pledged?|pledges|promised?|promises|decided?|decides|"
                          r"chose|chooses?)\b"
                          r"|['’]s\s+(?:reason\w*|rationale|motive\w*|goal\w*|aims?|thinking|view|position|stance|"
                          r"case|argument|justification|plans?|interests?|take)\b)", re.I)


_ASKS_FOR_THING = re.compile(r"^\W*(?:what|which)\b", re.I)
_WITH_THE = ("United", "Netherlands", "Philippines", "Czech", "European")  # "the government of the United States"


def as_government(question: str, mentioned: Callable[[list[str]], bool]) -> str:
    """`question` with each capital that acts, and that the documents never mention, named as its government.

    >>> in_documents = {"canada", "korea"}
    >>> mentioned = lambda words: all(w in in_documents for w in words)
    >>> as_government("Why is Ottawa doing this?", mentioned)
    'Why is the government of Canada doing this?'
    >>> as_government("What's Ottawa's reasoning?", mentioned), as_government("How did Ottawa frame it?", mentioned)
    ("What's the government of Canada's reasoning?", 'How did the government of Canada frame it?')
    >>> as_government("How did Washington react?", lambda words: "washington" not in words)
    'How did the government of the United States react?'
    >>> as_government("When Ottawa made the announcement, what did it say?", mentioned)
    'When the government of Canada made the announcement, what did it say?'
    >>> as_government("What does Ottawa get out of it?", mentioned)  # what a country gains, not what its government does
    'What does Ottawa get out of it?'
    >>> as_government("What homegrown resource does Ottawa hope to put to work?", mentioned)  # a thing, the country's
    'What homegrown resource does Ottawa hope to put to work?'
    >>> as_government("What's in it for Ottawa?", mentioned)  # not acting: `stand_in` names the country
    "What's in it for Ottawa?"
    >>> as_government("Is Ottawa's population growing?", mentioned), as_government("Why is Tokyo doing this?", mentioned)
    ("Is Ottawa's population growing?", 'Why is Tokyo doing this?')

    A government acts; a country is a place as well ("Why is Canada doing this?" was
    answered with how Canada's car industry is tied to the United States). Tokyo is
    left alone above because the documents never mention Japan. Deliberately not done:
    capitals named as places or things ("Ottawa's population"), which `stand_in` handles;
    what/which questions and verbs of wanting ("hope", "want"), which often ask for
    what the country has.
    """
    def swap(m: re.Match) -> str:
        city, country = m.group(1), CAPITALS[m.group(1)]
        after = question[m.end():]
        owns = re.match(r"['’]s\b", after)  # "Is Ottawa's population …": what follows is what is asked about
        gains = re.match(r"\s+(?:gets?|got|gains?|gained|benefits?|benefited|stands?\s+to)\b", after, re.I)  # the country gains
        # "What does Ottawa hope to put to work?" asks for a thing, often the country's: only a question that does not
        # open with what/which ("Why is Ottawa …", "How did Ottawa …") asks, with the capital after its auxiliary, what
        # the government does
        inverted = not owns and not gains and not _ASKS_FOR_THING.match(question) and _ACTS_AFTER.search(question[:m.start()])
        acts = _ACTS_BEFORE.match(after) or inverted
        if not acts or mentioned(city.lower().split()) or not mentioned(country.lower().split()):
            return city
        return f"the government of {'the ' if country.startswith(_WITH_THE) else ''}{country}"

    return _PATTERN.sub(swap, question)


_PLURAL = r"(?:s\b['’]?)?"  # "the Americans'", of a people's name; not "the Americas"


def named_otherwise(question: str, texts: list[str]) -> set[str]:
    """The words of the question's country names that `texts` give under another name of the country.

    >>> sorted(named_otherwise("What did the United Kingdom export?", ["British exports rose."]))
    ['kingdom', 'united']
    >>> named_otherwise("Is America's car industry linked?", ["It is tied to the U.S. market."])
    {'america'}
    >>> named_otherwise("Is it linked to the US?", ["It is tied to us all."]), named_otherwise("Is Canada?", ["Canada."])
    (set(), set())
    >>> named_otherwise("Is it hooked into the Americans' market?", ["It is tied to the U.S. market."])
    {'american'}
    >>> named_otherwise("Is it tied to the Americas?", ["It is tied to the U.S. market."])
    set()

    A region the texts name holds its member countries (`REGIONS`), by any of their names:
    >>> sorted(named_otherwise("Does it change trade with the US and Mexico?", ["It leaves North American trade intact."]))
    ['mexico', 'us']
    >>> named_otherwise("Does it change trade with Japan?", ["It leaves North American trade intact."])
    set()
    """
    held = set()
    for group in SAME_COUNTRY:  # acronyms match in capitals only: "us" is no country
        asked = [n for n in group if _names(n, question)]
        others = "|".join(re.escape(n) for n in group if n not in asked)
        if asked and any(re.search(rf"(?<![\w.])(?:{others})(?!\w)", t) for t in texts):
            held |= {w for n in asked for w in fold(n).replace(".", "").split()}
    for region, members in REGIONS.items():
        if any(re.search(rf"\b{region}", t) for t in texts):  # "North America", "North American"
            names = [n for m in members for n in _aliases(m)]
            held |= {w for n in names if _names(n, question) for w in fold(n).replace(".", "").split()}
    return held


def _aliases(country: str) -> tuple[str, ...]:
    """Every name `SAME_COUNTRY` gives `country` ("United States", "U.S.", "US", …), or just its own."""
    return next((group for group in SAME_COUNTRY if group[0] == country), (country,))


def _names(name: str, question: str) -> bool:
    """Whether `question` names `name` as a word ("America", "the Americans'"; not "the Americas")."""
    return bool(re.search(rf"(?<![\w.]){re.escape(name)}{_PLURAL if name.endswith('an') else ''}(?!\w)", question))


def without_dateline(text: str) -> str:
    """`text` without the dateline that opens it: the place a story was filed from, in capitals.

    >>> without_dateline("MENA Newswire, OTTAWA: Canada and Korea signed a deal.")
    ' Canada and Korea signed a deal.'
    >>> without_dateline("WASHINGTON (Reuters) - The talks ended."), without_dateline("SEOUL, South Korea — Talks began.")
    (' The talks ended.', ' Talks began.')
    >>> without_dateline("Ottawa: the city of Ottawa.")  # not in capitals: not a dateline
    'Ottawa: the city of Ottawa.'
    """
    m = DATELINE.match(text)
    return " " + text[m.end():].lstrip() if m else text
