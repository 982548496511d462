"""Whom a sentence ties a party to: for yes/no questions that pair a person with a country or body.

"Is Kim Jung-kwan Canada's industry minister?" shares every name with "… signed
by Canadian Industry Minister Mélanie Joly and South Korea's Minister of Trade,
Industry and Energy, Kim Jung-kwan", and small models answer "Yes". In English
a party named before a title belongs to the person the title leads to
("Canadian Industry Minister Mélanie Joly"), and one named right after a
person and a comma describes that person ("Joly, Canada's minister, …").

>>> s = ("The memorandum was signed by Canadian Industry Minister Mélanie Joly and "
...      "South Korea's Minister of Trade, Industry and Energy, Kim Jung-kwan.")
>>> tied_elsewhere("Is Kim Jung-kwan Canada's industry minister?", s)
'Mélanie Joly'
>>> tied_elsewhere("Is Mélanie Joly Canada's industry minister?", s) is None
True

The same reading answers "Who signed for X?": an answer whose only country is
another one ("Canadian Industry Minister Mélanie Joly" for "on South Korea's behalf")
is not who acted for X (`other_party`).

Deliberately not done: only questions of the form "Is/Was X …?" and "Did X
<verb> for/on behalf of …?" about a named person; a person is the last two
capitalised words of a run (not titles); no parsing beyond that; a country and
its people's adjective must share a start ("Canada", "Canadian"), so "France"
and "French" are not matched.
"""

from __future__ import annotations

import re

from .aboutness import same_name
from .metonyms import CAPITALS
from .text import STOPWORDS, fold, stem

TOKEN = re.compile(r"[^\W\d_][\w’'-]*|\d[\w,.-]*|[,;:()]")
ROLE_QUESTION = re.compile(r"^\s*(?i:is|was)\s+(?P<rest>[A-Z].*)$")
FOR_QUESTION = re.compile(r"^\s*(?i:did|does|do)\s+(?P<who>[A-Z].*?)\s+\w+\s+(?:for|on behalf of|representing)\s+(?P<party>.+)$")
TITLES = frozenset("""minister ministers president secretary chancellor governor mayor senator ambassador chairman chairwoman
chair director king queen premier commissioner general officer chief head leader spokesman spokeswoman spokesperson
representative deputy prime vice foreign""".split())
CONNECTORS = frozenset({"of", "and", "the", "for", "on", "to"})


def tied_elsewhere(question: str, sentence: str) -> str | None:
    """The person `sentence` ties the question's other names to, when that is not the person asked about.

    None when the question is not of a handled form, its person is not in the
    sentence, or the sentence ties its names to that person (or to no one).

    >>> s = "Anna Rossi, Italy's foreign minister, met Kenji Sato in Rome."
    >>> tied_elsewhere("Is Anna Rossi Italy's foreign minister?", s) is None   # after "Anna Rossi," it describes her
    True
    >>> tied_elsewhere("Is Kenji Sato Italy's foreign minister?", s)
    'Anna Rossi'
    >>> tied_elsewhere("Is Joly Canada's minister?", "Joly, Canada's minister, met Kim.")  # one-word names are not read as people
    >>> tied_elsewhere("Did Kim Jung-kwan sign for Canada?", "Canadian Minister Mélanie Joly signed.")  # Kim is not there
    """
    asked = _asked(question)
    return None if asked is None else _holder_instead(*asked, sentence)


def _holder_instead(who: list[str], party: list[str], sentence: str) -> str | None:
    """The person `sentence` ties the `party` words to, when that is not the person `who` names."""
    tokens = TOKEN.findall(sentence)
    people = {p: tokens[p[0]:p[1]] for p in _people(tokens)}
    subject = [p for p, words in people.items() if _shares(words, who)]
    if not subject:
        return None
    others = [w for w in party if not _shares([w], people[subject[0]])]
    holders = [_holder(tokens, i, list(people)) for i, t in enumerate(tokens) if _shares([t], others)]
    holders = [h for h in holders if h is not None]
    if not holders or any(h in subject for h in holders):
        return None
    return " ".join(people[holders[0]])


def other_role(question: str, sentence: str) -> bool:
    """True when the sentence gives the asked person a title that lacks a word of the asked one.

    "Is Kim Jung-kwan South Korea's foreign minister?" against "South Korea's
    Minister of Trade, Industry and Energy, Kim Jung-kwan": the sentence has the
    person and the title word ("minister") but not "foreign", so the answer is no.

    >>> s = "It was signed by South Korea's Minister of Trade, Industry and Energy, Kim Jung-kwan."
    >>> other_role("Is Kim Jung-kwan South Korea's foreign minister?", s), other_role("Is Kim Jung-kwan Korea's trade minister?", s)
    (True, False)
    >>> other_role("Is Kim Jung-kwan a key official?", s), other_role("Was Kim Jung-kwan the minister who signed?", s)
    (False, False)

    The title is what follows "as" ("signing in his capacity as …"), and a title word may
    come two words after another ("foreign affairs minister"):
    >>> other_role("Was Kim Jung-kwan signing in his capacity as Korea's foreign affairs minister?", s)
    True
    >>> other_role("Was Kim Jung-kwan signing as Korea's trade minister?", s)
    False

    Deliberately not done: only "Is/Was <person> <…> <title>?" with a title word
    (`TITLES`) that the sentence also holds, and only the words up to that title word
    ("who signed" after it is no part of the title); any other missing word ("top
    industry official") is a paraphrase, not a different title.
    """
    if (split := _role_question(question)) is None:
        return False
    tokens, run = split
    person = tokens[:run]
    words = TOKEN.findall(sentence)
    people = _people(words)
    subject = next((p for p in people if _shares(words[p[0]:p[1]], person)), None)
    if subject is None:
        return False
    head = next((i for i in range(run, len(tokens)) if fold(tokens[i]) in TITLES), None)
    if head is None:
        return False
    while (ahead := next((j for j in range(head + 1, min(head + 3, len(tokens))) if fold(tokens[j]) in TITLES), None)) is not None:
        head = ahead  # "foreign minister", "prime minister", "foreign affairs minister"
    opens = max((i + 1 for i in range(run, head) if fold(tokens[i]) == "as"), default=run)  # "signing in her capacity as …"
    role = [fold(t) for t in tokens[opens:head + 1] if t[0].islower() and fold(t) not in CONNECTORS | {"a", "an"}]
    title = {stem(_bare(w)) for w in _title_of(words, subject, people)}
    held = [w for w in role if w in TITLES and stem(w) in title]
    return bool(held) and any(stem(w) not in title for w in role if w not in held)


def _title_of(tokens: list[str], person: tuple[int, int], people: list[tuple[int, int]]) -> list[str]:
    """The title words around a person: the title-like run right before the name ("Japan's Minister
    of Trade, Kenji Sato") and the one after the name and a comma ("Obama, the 44th president of …"),
    each stopping at another person."""
    return [tokens[i] for run in _title_runs(tokens, person, people) for i in run if tokens[i] != ","]


def _title_runs(tokens: list[str], person: tuple[int, int], people: list[tuple[int, int]]) -> list[range]:
    """The token ranges of `_title_of`: the run before the name, then the one after it (each may be empty)."""
    taken = {i for a, b in people if (a, b) != person for i in range(a, b)}
    i = person[0] - 1
    while i >= 0 and i not in taken and (_titular(tokens[i]) or tokens[i] == ","):
        i -= 1
    j = person[1] + 1
    if person[1] < len(tokens) and tokens[person[1]] == ",":
        while j < len(tokens) and j not in taken and _titular(tokens[j]):
            j += 1
    return [range(i + 1, person[0]), range(person[1] + 1, j)]


def title_for(question: str, sentence: str) -> str:
    """The title `sentence` gives the person a question about a position names, as the sentence
    writes it ('' if none): "What's Joly's portfolio?" → "Canadian Industry Minister".

    >>> s = "It was signed by Canadian Industry Minister Mélanie Joly and South Korea’s Minister of Trade, Industry and Energy, Kim Jung-kwan."
    >>> title_for("What's Joly's portfolio?", s), title_for("Kim Jung-kwan's portfolio", s)
    ('Canadian Industry Minister', 'South Korea’s Minister of Trade, Industry and Energy')
    >>> title_for("whats kim jung-kwans actual job title", s)
    'South Korea’s Minister of Trade, Industry and Energy'
    >>> title_for("What did Joly sign?", s), title_for("What is Lee's title?", s)
    ('', '')
    >>> title_for("What job does the agreement give?", "It builds on the Free Trade Agreement, in force since 2015.")
    ''
    >>> title_for("How many jobs will Joly's deal create?", s), title_for("What's the portfolio of the Trade Agreement?", s)
    ('', '')

    Deliberately not done: the person must be named in the question; "the Korean minister's
    portfolio" names an office, not a person.
    """
    if not POSITION_ASKED.search(question) or re.search(r"\bhow\s+(?:many|much)\b", question, re.I):  # "How many jobs …?"
        return ""
    matches = list(TOKEN.finditer(sentence))
    tokens = [m.group() for m in matches]
    people = _people(tokens)
    # its names; a question typed all in lower case may name anyone with any word ("whats kim jung-kwans job title")
    typed_lower = question == question.lower()
    asked = [t for t in TOKEN.findall(question) if len(t) > 2] if typed_lower else _capitalised(question)
    for person in people:
        if _shares(tokens[person[0]:person[1]], asked):
            for run in _title_runs(tokens, person, people):
                run = [i for i in run if tokens[i] != ","]
                while run and not tokens[run[0]][0].isupper():  # "and South Korea's Minister …": a title opens with a capital
                    run = run[1:]
                if run:
                    return sentence[matches[run[0]].start():matches[run[-1]].end()]
    return ""


def _asked(question: str) -> tuple[list[str], list[str]] | None:
    """(words that name the person, words that may name the party) of a for-whom or a role
    question; which of them name the person is settled by the people the sentence names."""
    if m := FOR_QUESTION.match(question):
        return _capitalised(m["who"]), _capitalised(m["party"])
    if split := _role_question(question):
        tokens, run = split
        return tokens[:run], [t for t in tokens if t[0].isupper()]  # the person is in the first run ("Kim Jung-kwan Canada's")
    return None


def _role_question(question: str) -> tuple[list[str], int] | None:
    """The tokens after "Is/Was" of a role question and the length of their first capitalised run."""
    if not (m := ROLE_QUESTION.match(question)):
        return None
    tokens = TOKEN.findall(m["rest"])
    return tokens, next((i for i, t in enumerate(tokens) if not t[0].isupper()), len(tokens))


def people_named(text: str) -> list[str]:
    """The people `text` names, as `_people` reads them: "Canada's Minister of Industry, Mélanie Joly" -> ['Mélanie Joly']."""
    tokens = TOKEN.findall(text)
    return [" ".join(tokens[a:b]) for a, b in _people(tokens)]


def _capitalised(text: str) -> list[str]:
    return [t for t in TOKEN.findall(text) if t[0].isupper()]


def _people(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) token ranges of person names: the last two words of a capitalised run, neither a title."""
    people, i = [], 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j][0].isupper():
            j += 1
        if j - i >= 2 and not any(fold(t) in TITLES or _possessive(t) for t in tokens[j - 2:j]):
            people.append((j - 2, j))
        i = max(j, i + 1)
    return people


def _holder(tokens: list[str], at: int, people: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The person the party named at token `at` belongs to, or None.

    Backwards: a person, a comma, then only title words up to the party ("Barack
    Obama, the 44th president of the United States"). Forwards: only title words
    from the party to the person ("South Korea's Minister of Trade, Industry and
    Energy, Kim Jung-kwan"). A verb or any other word in between ties nothing; forwards,
    neither do capitalised words without a title among them ("Canada–Korea Free
    Trade Agreement" is no one of Canada's).
    """
    first = at
    while first > 0 and tokens[first - 1][0].isupper():
        first -= 1  # the start of the party's own run ("South Korea's")
    i = first - 1
    while i >= 0 and _titular(tokens[i]):
        i -= 1
    if i > 0 and tokens[i] == ",":
        before = [p for p in people if p[1] == i]
        if before:
            return before[0]
    after = next((p for p in people if p[0] > at), None)
    if after is not None and all(_titular(t) or t == "," for t in tokens[at + 1:after[0]]) and _titled(tokens[at + 1:after[0]]):
        return after
    return None


def _titled(between: list[str]) -> bool:
    """Whether the words between a party and a name hold a title word: "Korea's Minister of Trade, Kim"
    ties Kim to Korea; "Korea Free Trade Agreement" names no one."""
    return any(fold(t) in TITLES for t in between)


def _titular(token: str) -> bool:
    """A word that may stand inside a title: capitalised, a connector, a title word, an ordinal."""
    return token[0].isupper() or token[0].isdigit() or fold(token) in CONNECTORS or fold(token) in TITLES


def _shares(words: list[str], others: list[str]) -> bool:
    """Whether a word of `words` names the same thing as one of `others` ("Canadian", "Canada's")."""
    return any(_same_word(a, b) for a in words for b in others)


def _same_word(a: str, b: str) -> bool:
    return same_name(stem(_bare(a)), stem(_bare(b)))


def _bare(word: str) -> str:
    """'Canada’s' -> 'canada'."""
    return fold(word).removesuffix("'s")  # fold turns ’ into '


def _possessive(token: str) -> bool:
    return token.endswith(("’s", "'s"))


WHO_FOR = re.compile(r"^\s*(?i:who|which\s+\w+)\b.*?\b(?:(?:for|on behalf of|representing)\s+(?:the\s+)?(?P<party>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
                     r"|on\s+(?:the\s+)?(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+behalf"
                     r"|on\s+the\s+(?P<side>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+side)")
WHICH_OF = re.compile(r"^\s*(?i:(?:in|from|to|for|with|by|at|of)\s+)?(?i:which|what)\s+(?P<party>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+[a-z]+")  # "Which Canadian provinces …"
COUNTRIES = sorted({fold(w) for country in CAPITALS.values() for w in country.split()} - {"united", "republic", "new", "south",
                                                                                             "north", "saudi", "czech"})


def other_party(question: str, answer: str) -> str:
    """The country an answer to "Who signed for X?" or "Which X-ian … ?" belongs to, when it is not X ('' otherwise).

    >>> other_party("Who signed the memorandum on South Korea's behalf?", "Canadian Industry Minister Mélanie Joly")
    'canadian'
    >>> other_party("Who put pen to paper on behalf of Canada?", "South Korean government representatives")
    'korean'
    >>> other_party("Who signed for Canada?", "Canadian Industry Minister Mélanie Joly")
    ''
    >>> other_party("Who signed on the Korean side?", "Canadian Industry Minister Mélanie Joly")
    'canadian'
    >>> other_party("Who signed on January 29?", "Canadian Industry Minister Mélanie Joly"), other_party("Who won for Best Film?", "a Korean film")
    ('', '')
    >>> other_party("Which Canadian provinces will benefit most?", "South Korea")  # "Which <people> <kind>" too
    'korea'
    >>> other_party("In which Canadian province will the plant be built?", "South Korea")
    'korea'

    Deliberately not done: only countries of `metonyms.CAPITALS` and their peoples'
    adjectives ("Canadian"); an answer that names both parties, or none, is left alone.
    """
    named_party = _asked_party(question, (WHO_FOR, WHICH_OF))
    party = [fold(w) for w in CAPITALS.get(named_party, named_party).split()]  # "for Ottawa": for Canada
    if not any(_same_word(p, c) for p in party for c in COUNTRIES):
        return ""  # "for Best Picture" names no country
    named = re.findall(r"[A-Z][\w’'-]*", answer)
    if any(_same_word(w, p) for w in named for p in party):
        return ""
    others = [w for w in named if any(_same_word(w, c) for c in COUNTRIES)]
    return _bare(others[0]) if others else ""


def person_for(question: str, sentence: str) -> str:
    """The words of `sentence` naming the person it ties to X, for "Who signed for X?" ('' if none).

    >>> s = ("It was signed by Canadian Industry Minister Mélanie Joly and "
    ...      "South Korea’s Minister of Trade, Industry and Energy, Kim Jung-kwan.")
    >>> person_for("Who put pen to paper for South Korea?", s)
    'South Korea’s Minister of Trade, Industry and Energy, Kim Jung-kwan'
    >>> person_for("Who signed for Japan?", s)
    ''

    The caller uses it when the model named the other party's person (`other_party`).
    Deliberately not done: only a person the party is tied to by title words (`_holder`).
    """
    named_party = _asked_party(question, (WHO_FOR,))
    party = CAPITALS.get(named_party, named_party).split()
    tokens = TOKEN.findall(sentence)
    people = _people(tokens)
    for at, token in enumerate(tokens):
        if party and _shares([token], party) and (holder := _holder(tokens, at, people)):
            first = at
            while first > 0 and tokens[first - 1][0].isupper():
                first -= 1
            start, end = sorted((first, holder[0]))[0], max(at + 1, holder[1])
            pattern = r"\W*".join(re.escape(t) for t in tokens[start:end])
            if found := re.search(pattern, sentence):
                return found.group(0)
    return ""


def _asked_party(question: str, forms: tuple[re.Pattern, ...]) -> str:
    """The party the first matching form names: "Seoul" of "Who signed on Seoul's behalf?" ('' if none)."""
    for form in forms:
        if m := form.match(question):
            return m.groupdict().get("party") or m.groupdict().get("owner") or m.groupdict().get("side") or ""
    return ""


# Offices a question may ask about by title ("South Korea's president"); vaguer words ("head", "official") are left out.
OFFICES = frozenset("""minister president secretary chancellor governor mayor senator ambassador chairman chairwoman king
queen premier commissioner""".split())


def titled_otherwise(question: str, answer: str, sentence: str) -> bool:
    """True when the answer names a person whom the sentence gives a title without the question's office.

    "What did South Korea's president say?" answered "Kim Jung-kwan" from "… South
    Korea's Minister of Trade, Industry and Energy, Kim Jung-kwan": the question asks
    about someone the sentence does not name.

    >>> s = "It was signed by South Korea's Minister of Trade, Industry and Energy, Kim Jung-kwan."
    >>> titled_otherwise("What did South Korea's president say?", "Kim Jung-kwan", s)
    True
    >>> titled_otherwise("What did the trade minister say?", "Kim Jung-kwan", s), titled_otherwise("Who signed?", "Kim Jung-kwan", s)
    (False, False)

    A word before the office narrows it ("prime minister", "foreign minister"): the title must
    hold that word too.

    >>> titled_otherwise("Who was the prime minister when it was signed?", "Kim Jung-kwan", s)
    True
    >>> titled_otherwise("Which prime minister signed it?", "Kim Jung-kwan", s)
    True
    >>> titled_otherwise("Who is the korean minister?", "Kim Jung-kwan", s), titled_otherwise("Who was the then minister?", "Kim Jung-kwan", s)
    (False, False)

    Deliberately not done: only office words (`OFFICES`) the question writes in lower case, and
    only a title the sentence writes next to the name (`_title_of`); a person with no title
    there is not judged.
    """
    tokens = TOKEN.findall(question)
    offices = [i for i, w in enumerate(tokens) if w.islower() and w in OFFICES]
    if not offices:
        return False
    asked = {stem(tokens[i]) for i in offices}
    narrowed = [tokens[i - 1] for i in offices if i > 1 and _narrows(tokens[i - 1]) and _determines(tokens[i - 2])]
    tokens = TOKEN.findall(sentence)
    people = _people(tokens)
    named = TOKEN.findall(answer)
    for person in people:
        if not _shares(tokens[person[1] - 1:person[1]], named):  # the answer names this person (by the last word: "ABC" is in many names)
            continue
        said = _title_of(tokens, person, people)
        title = {stem(_bare(w)) for w in said}
        if title & {stem(w) for w in TITLES} and (not asked & title or not all(_shares([w], said) for w in narrowed)):
            return True
    return False


# Words before an office that say when or how someone held it, not which office it is.
UNNARROWING = frozenset("former current new then acting incumbent first last next previous late future sitting outgoing incoming serving".split())


def _narrows(word: str) -> bool:
    """Whether `word`, written right before an office ("prime minister"), says which office it is."""
    return word.isalpha() and word.islower() and word not in STOPWORDS and word not in UNNARROWING


def _determines(word: str) -> bool:
    """A determiner or a possessive, which opens the office's noun phrase ("the", "Canada's", "which"), not a verb ("became")."""
    return fold(word) in {"the", "a", "an", "its", "their", "his", "her", "our", "which", "what", "whose"} or _possessive(word)


POSITION_ASKED = re.compile(r"\b(?:position|title|role|office|post|job|portfolio)s?\b", re.I)


def title_of_another(question: str, answer: str, sentence: str) -> str:
    """The person whose title the answer gives when the question asks another person's ('' if none).

    "What position does Mélanie Joly hold in the South Korean government?" answered
    "Minister of Trade, Industry and Energy" from "… Canadian Industry Minister Mélanie
    Joly and South Korea's Minister of Trade, Industry and Energy, Kim Jung-kwan": that
    is Kim's title, and the question's premise is false.

    >>> s = "It was signed by Canadian Industry Minister Mélanie Joly and South Korea's Minister of Trade, Industry and Energy, Kim Jung-kwan."
    >>> title_of_another("What position does Mélanie Joly hold in Korea?", "Minister of Trade, Industry and Energy", s)
    'Kim Jung-kwan'
    >>> title_of_another("What position does Mélanie Joly hold?", "Industry Minister", s)
    ''

    Deliberately not done: only questions that ask for a position, title, role, office,
    post or job and name a person the sentence names; titles as `_title_of` reads them.
    """
    if not POSITION_ASKED.search(question):
        return ""
    tokens = TOKEN.findall(sentence)
    people = _people(tokens)
    asked = _capitalised(question)
    subject = [p for p in people if _shares(tokens[p[0]:p[1]], asked)]
    said = {stem(_bare(w)) for w in TOKEN.findall(answer) if w[0].isalpha() and fold(w) not in CONNECTORS}
    if not subject or not said:
        return ""
    own = {stem(_bare(w)) for p in subject for w in _title_of(tokens, p, people)}
    for person in people:
        if person in subject:
            continue
        title = {stem(_bare(w)) for w in _title_of(tokens, person, people)}
        if said <= title and not said <= own:
            return " ".join(tokens[person[0]:person[1]])
    return ""


# a lookahead, so that a match may start inside another ("What did South Korea's minister …")
TITLED_PERSON = re.compile(r"(?<![\w’'-])(?=(?P<party>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+(?:[a-z][\w-]*\s+){0,2}?"
                           r"(?P<title>[a-z]+)\s+(?P<who>[A-Z][\w’'-]*\s+[A-Z][\w’'-]*))")


def paired_elsewhere(question: str, sentence: str) -> str | None:
    """The person `sentence` gives the party and title that the question gives another person.

    "What did South Korea's minister Mélanie Joly pledge?" against "… Canadian Industry
    Minister Mélanie Joly and South Korea's Minister of Trade, Industry and Energy, Kim
    Jung-kwan": South Korea's minister is Kim, and the question's premise is false.

    >>> s = ("It was signed by Canadian Industry Minister Mélanie Joly and "
    ...      "South Korea's Minister of Trade, Industry and Energy, Kim Jung-kwan.")
    >>> paired_elsewhere("What did South Korea's minister Mélanie Joly pledge?", s)
    'Kim Jung-kwan'
    >>> paired_elsewhere("What did Canada's industry minister Mélanie Joly pledge?", s) is None
    True

    Deliberately not done: only "<Party> <title> <First Last>" with a lower-case title word
    (`TITLES`) in the question, the party capitalised right before it.
    """
    for m in TITLED_PERSON.finditer(question):
        if fold(m["title"]) in TITLES and (holder := _holder_instead(TOKEN.findall(m["who"]), TOKEN.findall(m["party"]), sentence)):
            return holder
    return None
