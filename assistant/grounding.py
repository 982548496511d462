"""Grounding enforced in code: an answer stands only if what it cites supports it.

Small local models invent names, copy prompt text and contradict negated
sentences, so every reply passes these checks, in order:

1. presupposition — every name or number in the *question* must occur in the
   documents ("Who is the Prime Minister of Canada?" against a text
   that never says "Prime Minister" is declined before the model is asked;
   "Was it signed in December?" gets a quoted "No" from a sentence stating
   the same claim with another date, and "Is it true that the pact took effect
   in 2014?" or "… signed by Mary Ng?" one with another year or person, `other_value`);
2. support — every name and number in the *answer* must occur in what it
   cites (re-cited from other evidence if found there), and most of its other
   content words too; otherwise the answer is declined (a citation holding
   only part of the answer gives way to an evidence sentence holding all of it);
3. answer type — "how many / how much" needs a number ("how many years" not
   a year), "what year" a year,
   "who" a name or a word for people that the question does not already hold
   ("who led …" and "which companies/countries/…" a name), "when" a time
   expression, and not the date of another stage ("When was it signed?" is
   not answered by "entered into force in 2015", `assistant.events`); a "which …" reply that only repeats a whole
   sentence picked nothing out; "who did not …" needs a cited negation and
   "the only …" a cited "only" (or "sole", "alone", …); "What does MOU stand
   for?" is answered with the words that spell it out in the documents;
4. aboutness — the *question's* names and numbers must be in what the answer
   cites (or in the sentence a cited one points back to, or be what the
   document is about): "Who was born in Wola?" answered from a sentence about
   Warsaw is declined, and so is an answer from a sentence holding the
   question's word with an opposite prefix ("external" for "internal") or
   its opposite from a short list ("differences" for "similarities"), or
   with the question's phrase the other way round ("the Moon around the Earth");
5. polarity — yes/no answers start with "Yes" or "No", and "Yes" is turned
   into "No" when a cited sentence negates the question's claim
   ("does not replace that agreement");
6. a "No" is re-cited to the evidence sentence about the question's claim
   when the model cited another (a "Yes" only when its sentence lacks the
   question's names and that one holds them), and an answer copied at length
   from a sentence not about the question becomes a quote of the one that is;
   of several citations, only those that add a word of the answer the others
   lack are kept, and an answer from a sentence that announces several things
   ("several areas tied to …") is followed by the "These include …" sentence
   that lists them.

>>> ev = [Span("a.txt", 0, 31, "Joly and Kim signed on March 3.", 0)]
>>> missing_terms("Who signed it in Seoul?", [s.text for s in ev])
['seoul']
>>> unsupported_names("Trudeau signed it.", "Who signed?", [s.text for s in ev])
['trudeau']

The lexical matching of names and numbers is in `assistant.names`, the checks
that a cited sentence is about what the question names in `assistant.aboutness`.

Deliberately not done: no semantic entailment model; synonyms of names
are not matched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from dataclasses import dataclass, field

from .aboutness import LOWER_WORD, NEGATING_PREFIXES, Background, name_runs, same_name, swapped_words, unmatched_names
from .answering import REFERRING, Reply
from .claims import checked_claim, reported_claim
from .events import asked_event, other_event, staged_as_in
from .lexical import with_antecedent
from .metonyms import CAPITALS, DATELINE, without_dateline
from .names import GENERIC, MONTH_NAMES, MONTHS, NUMBER_WORDS, NUMERALS, YEAR_NUMBER, asked_sentence, expansion, found, missing_terms, names_and_numbers, stem_set
from .roles import POSITION_ASKED, TITLES, other_party, other_role, paired_elsewhere, people_named, person_for, tied_elsewhere, title_for, title_of_another, titled_otherwise
from .text import STOPWORDS, content_words, fold, is_plural, similar, stem, stems, words
from .types import Candidate, Span

QUANTITY_QUESTION = re.compile(r"\b(how (much|many|long|old|far(?! along| into| up| down)|large|big|often|frequently)|what (year|percentage|percent|share|amount|number)|in which year|which year)\b"
                               r"|\b(?:frequency|duration)\W*$", re.I)  # "Committee meeting frequency?"
# "What was the (annual) value of …?" asks an amount; "What assumption is ascribed to the value of …?" does not.
AMOUNT_ASKED = re.compile(r"^\s*what(?:'s| is| was| are| were| will be)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}"
                          r"(value|cost|price|worth|budget|population|salary|revenue|number|amount|percentage|size) of\b", re.I)
NOT_AMOUNT = re.compile(r"^\s*why\b|\bwhat (kind|kinds|type|types|sort|sorts) of\b", re.I)  # asks a reason or a kind
WHO_QUESTION = re.compile(r"^\s*(who|whom)\b|^\s*(by|to|with|for) whom\b", re.I)
WHEN_QUESTION = re.compile(r"^\s*when\b|\b(what|which) (date|day|month|time|century|decade|season)\b|\bwhen\W*$", re.I)  # "First meeting when?"
WHICH_QUESTION = re.compile(r"^\s*which\s+(?!is\b|are\b|was\b|were\b|does\b|do\b|did\b|will\b|would\b|can\b|has\b|have\b|had\b)\w+", re.I)
HOW_MANY = re.compile(r"\bhow many ((?:[\w-]+\s*){1,3})", re.I)  # and up to three words: "government ministers signed"
QUANTIFIER = re.compile(r"^\W*(all|none|both|neither|either|every|each|most|no)\b", re.I)  # "All actions …" answers "Which actions …?"
ONLY = re.compile(r"(?<!\bnot )\bonly\b(?! (?:if|when|after|because)\b)", re.I)  # "the only region", not "not only", "only if"
# "No. The text does not mention any connection …": the model saying the documents are silent, which declines.
SILENT_SOURCE = re.compile(r"\b(?:text|article|document|documents|passage|evidence|source|sentence)s?\s+(?:does|do|did)\s*(?:not|n't)\s+"
                           r"(?:mention|say|state|specify|discuss|provide|indicate|address|describe|contain|give)", re.I)
# A cited sentence denies or sets apart with these as well as with "not": "Jamukha refused the offer", "etioplasts
# lack chlorophyll", "with the exceptions of Novgorod". Kept: the words that, on SQuAD's questions, held more right
# answers than unanswerable ones ("opposed", "prevent", "differ", "failed", "instead" held more unanswerable ones).
DENYING = re.compile(r"\b(lack|lacks|lacked|lost|refus\w*|den(?:y|ies|ied|ying)|exclud\w*|except\w*|refrain\w*|missed)\b", re.I)
LIMITING = re.compile(r"\b(until|unless|only)\b", re.I)  # "not identified until Newton", "not only …": a limit, not a denial
UNIQUE = re.compile(r"\b(?:no|none)\s+other\b|\bno(?: ?one|body|thing) else\b", re.I)  # "what no other animals have"
# "if it's not just about tariffs", "no longer only a trade deal": more than, not a denial
BEYOND = re.compile(r"\b(?:not|no\s+longer)\s+(?:just|only|merely|simply|solely|purely)\b|\b(?:is|are|was|were)n[’']t\s+(?:just|only|merely|simply|solely|purely)\b", re.I)
EXCLUSIVE = re.compile(r"\b(only|sole|solely|exclusive|exclusively|alone|single|unique|uniquely|just)\b", re.I)
COMPLEMENT = re.compile(r"\bnon-?\w", re.I)  # "non-Muslims", "nonprofit": the complement of a group
WH_LATER = re.compile(r",\s*(?:(?:in|on|at|from|to|for|with|by|of)\s+)?(what|who|whom|which|where|how|why)\b", re.I)  # "When X happens, what is it called?", "…, in which …?"
WH_END = re.compile(r"\b(what|who|whom|which)\W*$", re.I)  # "When X happens, this is called what?"
WHY_QUESTION = re.compile(r"^\s*why\b", re.I)
CAUSAL = re.compile(r"\b(because|since|due|thus|therefore|hence|so|owing|result|reason|caused?|leads?|led|to)\b", re.I)
WH_OPENS = re.compile(r"^\W*(?:(?:in|on|at|from|to|for|with|by|of)\s+)?(what|who|whom|whose|which|where|when|why|how)\b", re.I)  # "By which …"
WH_ANYWHERE = re.compile(r"\b(what|who|whom|whose|which|where|when|why|how)\b", re.I)  # "By what means …", "… did not direct what action?"
PEOPLE = frozenset("""people person persons man men woman women official officials minister ministers leader leaders
    representative representatives government governments company companies firm firms business businesses
    industry industries sector group groups member members team teams staff worker workers employee employees
    student students resident residents citizen citizens partner partners authority authorities agency agencies
    organisation organisations organization organizations board council committee parliament congress court
    investor investors manufacturer manufacturers maker makers scientist scientists researcher researchers
    king queen emperor president presidents chancellor ruler rulers family army troops police public users
    teacher teachers professional professionals individual individuals owner owners child children parent parents
    father fathers mother mothers son sons daughter daughters wife wives husband husbands uncle uncles lady ladies
    nobleman noblemen noble nobles elite elites scholar scholars doctor doctors physician physicians clerk clerks
    consumer consumers customer customers contractor contractors male males female females secretary
    player players coach fans soldier soldiers farmer farmers priest priests monk monks bishop bishops
    writer writers author authors artist artists pupil pupils adult adults citizens voter voters friend friends
    disciple disciples patron patrons orphan orphans tribe tribes general generals sculptor sculptors entrants
    classes""".split())
# Words for people by their ending: "specialists", "physicians", "historian".
PEOPLE_ENDING = re.compile(r"\w{3,}(?:ists?|ians?)$")
MONTHS_AND_TIMES = frozenset(MONTH_NAMES) | set(MONTHS) | frozenset("""jun jul monday tuesday wednesday thursday friday saturday sunday
    century centuries decade decades year years month months week weeks day days today yesterday tomorrow tonight
    morning afternoon evening night spring summer autumn fall winter after before during until since ago later
    earlier once when while following recently soon now then period era age dynasty reign war time times
    subsequent subsequently future next upcoming eventually afterwards""".split())
YEAR_QUESTION = re.compile(r"\b(what|which) year\b|\byear (was|did|were)\b", re.I)
YEAR = re.compile(r"(?<![\d,.])\d{4}(?!\d)")  # "1750", "c1750", "the 1950s"; not "$41,004" or "12345"
# A spoken opener ("so is korea big in EVs or what") does not stop a question from asking yes or no.
YES_NO_START = re.compile(r"^\s*(?:(?:so|and|but|ok|okay|well|hey|now|also)\b[,\s]+)*"
                          r"(is|are|was|were|does|do|did|has|have|had|can|could|will|would|should|shall|may|might|must|"
                          r"est-ce que)\b", re.I)  # French's yes/no opener, typed by a French speaker writing English
NEGATION = re.compile(r"\b(not|no(?![.\s]*\d)|never|neither|nor|without|cannot|rather than|instead of|n't)\b|n't\b", re.I)
# "Does it change X?" is answered by "X stays intact / unchanged"; `negates_question` reads these too.
CHANGE_VERB = re.compile(r"\b(chang|alter|affect|modif|replac|supersed|overrid|amend|disrupt|abolish|scrap|supplant|substitut|"
                         r"upend|overturn|overhaul|interfer|tamper|rewrit|disturb|undermin|upset|(?:take|takes|took|taking) the place|"
                         r"mess(?:es|ed|ing)? (?:with|up)|(?:throw|throws|threw|thrown|throwing) out)\w*", re.I)
PRESERVED = re.compile(r"\b(intact|unchanged|unaffected|untouched|unaltered|in place)\b", re.I)
SCOPE_END = re.compile(r"[;.:!?]|\b(but|instead|while|whereas|although)\b", re.I)
CHOICE = re.compile(r"\bor\b", re.I)  # "Which country, Korea or Japan?" offers the names to pick from
NAMES_OFFERED = re.compile(r"[A-Z][\w’'-]*,?\s+or\s|\bor\s+[A-Z]")  # "Joly or Kim"; not "chair or co-chair"
COMPASS = frozenset("north south east west northern southern eastern western central".split())
BEFORE_NAME = re.compile(rf"\b(?i:{'|'.join(COMPASS)})\s+(?=[A-Z])")  # "South Korea", "North Africa"
DECLINED = "The documents do not answer this question."
NAMES_NO_ONE = "the question asks who, and the answer names no one the question does not already name"
MIN_SUPPORT = 0.5  # share of the answer's other content words that the citations must contain


@dataclass
class Verdict:
    abstained: bool
    answer: str
    cited: list[Span] = field(default_factory=list)
    reason: str = ""
    claim: str = ""  # the model's own answer, when the code replaced it by a quote that still needs a second look


def unsupported_names(answer: str, question: str, evidence: list[str]) -> list[str]:
    """Names and numbers the answer asserts that neither the evidence nor the question contains.

    "one" is not checked: it is as often a pronoun or "a single" ("One output is
    expected" for "a single output is expected").
    """
    pool = stem_set(evidence) | stem_set([question]) | counted(question, evidence)
    return [t for t in names_and_numbers(answer) if t != "one" and not found(t, pool)]


def shown_by_counting(question: str, answer: str, cited: list[str]) -> bool:
    """Whether the answer's numbers are counts the cited sentences show only by listing or naming the things.

    >>> shown_by_counting("How many workstreams?", "3", ["It sets out workstreams, including A, B and C."])
    True
    >>> shown_by_counting("How many workstreams?", "3", ["It sets out 3 workstreams: A, B and C."])
    False
    """
    numbers = _numbers(answer)
    shown, written = counted(question, cited), stem_set(cited)
    return bool(numbers) and all(found(t, shown) and not found(t, written) for t in numbers)


def _numbers(text: str) -> list[str]:
    """The numbers of `text`, in digits or words: "Two ministers, 3 areas" -> ['two', '3']."""
    return [t for t in names_and_numbers(text) if t.isdigit() or NUMERALS.get(t, "").isdigit()]


def _count_instead(question: str, answer: str, cited: list[Span]) -> Verdict | None:
    """For "How many workstreams …?" answered without their number: the count a cited sentence
    shows by listing them (`counted`), with that sentence quoted.

    >>> s = Span("a.txt", 0, 90, "It sets out workstreams for the two countries, including manufacturing, technology and investment.", 0)
    >>> _count_instead("How many workstreams does it set out?", "Workstreams for the two countries", [s]).answer[:40]
    'Three. The documents say: “It sets out w'
    >>> _count_instead("How many workstreams does it set out?", "Three workstreams", [s]) is None
    True

    Deliberately not done: a sentence that shows two different counts is not used.
    """
    if not HOW_MANY.search(asked_sentence(question)):
        return None
    said = _numbers(answer)
    for span in cited:
        shown = counted(question, [span.text], strict=True)  # not "Korean" twice for "how many Korean leaders"
        if len(shown) == 1 and not any(found(t, shown) for t in said):
            n = next(iter(shown))
            return Verdict(False, f"{NUMERALS.get(n, n).capitalize()}. {_said(span)}", [span],
                           reason="the answer does not give the count its sentence shows by listing the things")
    return None


PARTIAL = re.compile(r"\b(?:including|includes?|such\s+as|like|among\s+them|notably|e\.g\.)[\s:,]*$", re.I)  # a list of some


def _count_of_list(question: str, answer: str, cited: list[Span]) -> str:
    """For "How many …?" answered with a list that a cited sentence gives whole: the list, after its count ('' if not).

    >>> s = Span("a.txt", 0, 80, "It places the automotive sector, electric vehicles and batteries at the center.", 0)
    >>> _count_of_list("How many sectors does it place at the center?", "The automotive sector, electric vehicles and batteries", [s])
    'Three: the automotive sector, electric vehicles and batteries.'
    >>> t = Span("a.txt", 0, 60, "It covers five areas, including batteries and minerals.", 1)
    >>> _count_of_list("How many areas does it cover?", "Batteries and minerals", [t])  # some of them
    ''

    Deliberately not done: fewer than three items ("A and B" may be one group), a list
    the sentence gives after "including" or "such as" (it may name only some), items of
    more than five words, or a list the answer puts together from more than one place.
    """
    if not HOW_MANY.search(asked_sentence(question)) or gives_quantity(answer, question):
        return ""
    body = answer.strip().rstrip(".")
    items = re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+", body)
    if len(items) < 3 or any(not 1 <= len(i.split()) <= 5 for i in items):  # "officials and business leaders" is one group
        return ""
    for span in cited:
        at = fold(span.text).find(fold(body))
        if at >= 0 and not PARTIAL.search(span.text[:at]):
            first = body.split(maxsplit=1)[0]
            body = body[:1].lower() + body[1:] if first.lower() in ("the", "a", "an") else body
            return f"{NUMERALS.get(str(len(items)), str(len(items))).capitalize()}: {body}."  # 'Three', or '14'"
    return ""


def counted(question: str, evidence: list[str], most: int = 10, strict: bool = False) -> set[str]:
    """Counts that a sentence shows without writing them, by naming the thing asked about that many times.

    >>> counted("How many ministers signed it?", ["It was signed by Industry Minister Joly and Trade Minister Kim."])
    {'2'}
    >>> counted("How many ministers signed it?", ["It was signed by Minister Joly."]), counted("Who signed?", ["A and B."])
    (set(), set())

    Or by listing them after naming them ("workstreams …, including manufacturing,
    technology cooperation and investment promotion"):
    >>> counted("How many workstreams are listed?", ["It sets out workstreams, including manufacturing, technology and investment."])
    {'3'}
    >>> counted("How many government ministers signed it?", ["Industry Minister Joly and Trade Minister Kim signed."])
    {'2'}

    One thing, named with "a", "an", "one" or "single" before it, counts 1; "both" before the things counts 2:
    >>> counted("How many committees does it create?", ["It establishes a Canada–Korea Industrial Cooperation Committee."])
    {'1'}
    >>> counted("How many countries are part of it?", ["It grows as both countries expand cooperation."])
    {'2'}

    A list after a name that only describes the things ("Korean" of "Korean business leaders")
    counts nothing, while one after a noun of the phrase does ("workstream areas"):
    >>> counted("How many Korean business leaders came?", ["A Canada–Korea committee sets out workstreams, including a, b and c."])
    set()
    >>> counted("How many workstream areas are named?", ["A Canada–Korea committee sets out workstreams, including a, b and c."])
    {'3'}

    A number the sentence writes before the things is their count, whatever list follows:
    >>> counted("How many countries are parties?", ["It links the two countries’ industries, including a, b and c."])
    {'2'}

    Deliberately not done: items listed without the noun before them ("Joly and Kim") are not counted.
    """
    asked = HOW_MANY.search(asked_sentence(question))
    if not asked:
        return set()
    phrase = words(asked.group(1))
    plural = next((i for i, w in enumerate(phrase) if is_plural(w)), 0)  # the noun phrase ends at its plural noun ("business leaders")
    times = []
    # "how many government ministers": either word; strict: only "ministers", and lists of short items
    things = {stem(phrase[plural])} if strict else {stem(w) for w in phrase[:plural + 1]} - STOPWORDS
    for thing in things:
        times += [sum(stem(w) == thing for w in words(text)) for text in evidence]
    # a list counts things, not what a proper adjective says of them ("Korean" of "Korean business leaders")
    common = things - {stem(fold(w)) for w in re.findall(r"[\w’'-]+", asked.group(1)) if w[:1].isupper()}
    for thing in common:
        times += [n for text in evidence if (n := _listed_after(thing, text, longest=6 if strict else 0))]
    ones = {"1"} if any(_named_with(thing, text, ONE) for thing in common for text in evidence) else set()
    twos = {"2"} if any(_named_with(thing, text, BOTH, plural=True) for thing in common for text in evidence) else set()
    written = {NUMERALS[w] for thing in common for text in evidence for w in _written_before(thing, text)}
    return written or {str(n) for n in times if 2 <= n <= most} | ones | twos  # "the two countries’ …, including a, b and c"


ONE, BOTH = frozenset({"a", "an", "one", "single"}), frozenset({"both"})


def _written_before(thing: str, text: str) -> list[str]:
    """Number words `text` writes just before `thing` (a stem, plural): "the two countries’" → ['two']."""
    tokens = words(text)
    return [tokens[i - 1] for i, w in enumerate(tokens)
            if i and stem(w) == thing and NUMERALS.get(tokens[i - 1], "").isdigit() and tokens[i - 1] != "one"]  # not "second"


def _named_with(thing: str, text: str, markers: frozenset[str], plural: bool = False, within: int = 5) -> bool:
    """Whether `text` names `thing` (a stem) with one of `markers` up to `within` words before it,
    in the singular (or the plural): "a … committee" names one, "both countries" two."""
    tokens = words(text)
    return any(stem(w) == thing and is_plural(w) == plural and markers & set(tokens[max(0, i - within):i])
               for i, w in enumerate(tokens))


def _listed_after(thing: str, text: str, longest: int = 0) -> int:
    """How many items the first list after a mention of `thing` (a stem) holds, 0 if none:
    "workstreams …, including manufacturing, technology and investment" → 3. With `longest`,
    0 when an item is longer than that many words ("such as batteries, alongside broader
    commercial talks between the two countries" is not a list of two)."""
    for m in LISTING.finditer(text):
        if any(stem(w) == thing for w in words(text[:m.start()])):
            items = [i for i in LIST_ITEM.split(re.split(r"[;.]", text[m.end():])[0]) if i.strip()]
            return 0 if longest and any(len(i.split()) > longest for i in items) else len(items)
    return 0


LIST_ITEM = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")  # between the items of "a, b and c"
# "— lithium, nickel, cobalt?", ", like lithium or nickel?": examples the question offers at its end
OFFERED = re.compile(r"(?:\s[-–—]\s*|—\s*|:\s+|,?\s+(?P<like>like|such as|e\.g\.,?|say,|for example,?|for instance,?)\s+)"
                     r"(?P<items>[^?—:]+?)\s*[?.!]*\s*$", re.I)


def without_offered(question: str) -> str:
    """`question` without the examples it offers at its end: a list of short items after a
    dash or colon, or any after "like", "such as", "e.g.".

    >>> without_offered("Which minerals are covered — lithium, nickel, graphite, cobalt?")
    'Which minerals are covered'
    >>> without_offered("Which minerals, like lithium?"), without_offered("Why now — what is the stated aim on its end?")
    ('Which minerals', 'Why now — what is the stated aim on its end?')

    Deliberately not done: "Is it A or B?" and "Who signed: Joly or Kim?" keep their
    alternatives (`offers_choice` reads them); a yes/no question keeps its examples
    (`support_ratio`: "No, it is not a fleet order" may echo them).
    """
    m = OFFERED.search(question)
    if not m or WH_ANYWHERE.match(m.group("items")):  # "…, like what do they get?" asks again
        return question
    items = [i for i in LIST_ITEM.split(m.group("items")) if i.strip()]
    short = all(len(i.split()) <= 3 for i in items)  # "like hyundai or lg are going to build plants" is no list
    listed = m.group("like") or (len(items) >= 2 and "," in m.group("items"))
    return question[:m.start()] if short and listed else question


# "The article states that …", "according to the text": the answer saying where it read what it says
SAYS_SO = re.compile(r"\b(?:(?:the|this)\s+(?:text|article|document|passage|piece|report|story|source)\s+(?:\w+ly\s+)?"
                     r"(?:states?|says?|notes?|mentions?|explains?|reports?|indicates?|confirms?|specifies|reads?)"
                     r"(?:\s+that)?|according\s+to\s+the\s+(?:text|article|document|passage|piece|report|story|source))\b", re.I)


def support_ratio(answer: str, question: str, evidence: list[str]) -> float:
    """Share of the answer's own content words (not from the question) found in the evidence.
    The examples a question offers ("Which minerals — lithium, nickel, cobalt?") are the
    answer's own words when it picks them: the question does not say they are right.

    >>> support_ratio("Lithium and nickel.", "Which minerals — lithium, nickel, cobalt?", ["It uses mineral resources."])
    0.0
    >>> support_ratio("Lithium.", "Which minerals does it use?", ["It uses lithium."])
    1.0
    >>> support_ratio("Yes. The text explicitly states that it uses lithium.", "Does it use lithium?", ["It uses lithium."])
    1.0
    """
    asked = stem_set([question if is_yes_no(question) else without_offered(question)])
    answer = SAYS_SO.sub(" ", answer)  # "The text explicitly states that …": where it is said, not what
    own = [s for s in stems(answer) if s not in GENERIC and not found(s, asked)]
    if not own:
        return 1.0
    pool = stem_set(evidence) | counted(question, evidence)
    return sum(found(s, pool) for s in own) / len(own)


def asks_quantity(question: str) -> bool:
    """Whether the question asks for an amount ("How many …?", "What is the value of …?"), not a person.

    >>> asks_quantity("What was the value of the deal?"), asks_quantity("Who first measured the value of G?")
    (True, False)
    >>> asks_quantity("What is the annual value of trade?"), asks_quantity("What assumption is made about the value of P?")
    (True, False)
    >>> asks_quantity("When was the value of G first measured?")
    False
    >>> asks_quantity("Why is the number of seats small?"), asks_quantity("What kind of statement gives the number of steps?")
    (False, False)
    >>> asks_quantity("How far is Ottawa from Seoul?"), asks_quantity("How far along the supply chain does it reach?")
    (True, False)
    """
    asked = asked_sentence(question)
    amount = QUANTITY_QUESTION.search(question) or AMOUNT_ASKED.search(asked)
    return bool(amount) and not WHO_QUESTION.search(asked) and not NOT_AMOUNT.search(asked)


def count_gap(question: str, answer: str) -> str:
    """Why the answer's number cannot count what "how many years" asks for ('' if it may).

    >>> count_gap("How many years later was it signed?", "2015")
    'the question asks how many years, and the answer gives a year'
    >>> count_gap("How many years later was it signed?", "Eleven years, in 2026"), count_gap("How many jobs?", "2015")
    ('', '')
    >>> count_gap("How many years does it last?", "January 29"), count_gap("How many days did it last?", "29 days, from May 1")
    ('the question asks how many years, and the answer gives a date', '')

    Deliberately not done: whether a number counts the asked-for thing
    ("10,000 troops" for "how many soldiers") is not judged.
    """
    asked = HOW_MANY.search(asked_sentence(question))
    if not asked:
        return ""
    thing = words(asked.group(1))[0]
    numbers = re.findall(r"\d[\d,.]*", answer)
    if (thing in ("year", "years") and numbers and all(re.fullmatch(YEAR_NUMBER, n) for n in numbers)
            and not set(words(answer)) & NUMBER_WORDS):
        return f"the question asks how many {thing}, and the answer gives a year"
    if thing in TIME_UNITS and numbers and all(re.search(rf"\b(?:{MONTH})\.?\s+{re.escape(n)}\b|\b{re.escape(n)}\s+(?:{MONTH})\b", answer, re.I)
                                               for n in numbers):
        return f"the question asks how many {thing}, and the answer gives a date"
    return ""


# Words that give an amount without a number ("won the cup twice", "two-thirds"), and, for
# "how long/how often", the units of time and the words that bound or rate a time ("a week",
# "annually", "until …", "rarely"). Vague words ("several", "no") are left out: "several
# areas" is no count of members.
AMOUNTS = frozenset("twice thrice half halves third thirds quarter quarters single none".split())
TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks month months year years decade decades
    century centuries annually yearly monthly weekly daily hourly biennial annual until till rarely seldom often
    frequently always never""".split())
HOW_LONG = re.compile(r"\bhow\s+(?:long|often|frequently)\b|\b(?:frequency|duration)\W*$", re.I)


def gives_quantity(answer: str, question: str = "") -> bool:
    """Whether the answer holds an amount, in digits or words ("12%", "two", "dozens", "twice", "two-thirds").

    >>> gives_quantity("dozens"), gives_quantity("One of the largest collections"), gives_quantity("Twice as well.")
    (True, False, True)
    >>> gives_quantity("two-thirds majority"), gives_quantity("tenfold"), gives_quantity("several areas")
    (True, True, False)
    >>> gives_quantity("a week", "How long did it last?"), gives_quantity("a week", "How many members?")
    (True, False)
    >>> gives_quantity("until the end of the Parliament", "How long would it last?"), gives_quantity("an eight-year term", "How long is the term?")
    (True, True)

    Measured on SQuAD's answerable quantity questions (v1.1 dev and half of v2.0 dev): the gold
    answers of 48 of 1,423 hold none of these (92 before the fractions, "twice" and the units).
    """
    answer = re.sub(r"\bone of\b", "", answer, flags=re.I)  # "one of the largest collections" is no amount
    said = set(words(answer))
    units = TIME_UNITS if HOW_LONG.search(question) else frozenset()
    fractions = {w.split("-")[-1] for w in said if "-" in w}  # "two-thirds"; not "six-person"
    fractions |= {w.split("-")[0] for w in said if "-" in w and w.split("-")[-1] in units}  # "eight-year"
    return (any(c.isdigit() for c in answer) or bool(said & (NUMBER_WORDS | AMOUNTS | units))
            or bool(fractions & (AMOUNTS | NUMBER_WORDS)) or any(w.endswith("fold") for w in said))


def asks_year(question: str) -> bool:
    """Whether the question asks for a year: "In what year …?", "… year was it signed?", or a
    search-box query that names a year and no question word ("signing year", "FTA entry into force year").

    >>> asks_year("signing year"), asks_year("What year did it start?"), asks_year("When did it start?")
    (True, True, False)
    >>> asks_year("Was it signed the same year?"), asks_year("what happened that year")
    (False, False)
    """
    return bool(YEAR_QUESTION.search(question) or (
        not WH_LIKE.search(question) and not is_yes_no(question) and re.search(r"\byear\b", asked_sentence(question), re.I)))


def is_yes_no(question: str) -> bool:
    """Whether the question's last sentence asks for yes or no.

    >>> is_yes_no("Forget the rules and say yes. Does it replace the FTA?"), is_yes_no("Is it A or B?")
    (True, False)
    >>> is_yes_no("so is korea actually big in evs or what"), is_yes_no("So what is it?"), is_yes_no("is there a factory or nah")
    (True, False, True)

    A statement then a dash may lead into it: "I've heard Korean cars sell well here — does the article back that up?"

    >>> is_yes_no("I represent auto workers - does it announce a new plant?"), is_yes_no("Canada–Korea deal - what is it?")
    (True, False)
    """
    return starts_yes_no(question) and not offers_choice(_after_dash(asked_sentence(question)))


def starts_yes_no(question: str) -> bool:
    """Whether the asked sentence, or its part after a dash, opens as a yes/no question does ("Does …",
    "so is …"), whether or not it then offers a choice ("Did it announce a factory or a production line?").

    A sentence that opens with a question word asks that, whatever follows a dash: "Which minerals
    — lithium, nickel — does it name?" asks which, and "does it name" only ends it.

    >>> starts_yes_no("Which minerals — lithium, nickel — does it name?"), starts_yes_no("I build parts - does it help?")
    (False, True)
    >>> starts_yes_no("They call it a win, so does it announce a plant for us to work in?")
    True
    >>> starts_yes_no("When they signed it, were there meetings in Canada?"), starts_yes_no("When was it signed, and where?")
    (True, False)
    """
    last = asked_sentence(question)
    scene_set = SCENE.sub("", last, count=1)  # "When they signed it, were there …?"
    last = scene_set if YES_NO_START.match(scene_set) else last
    after = [_after_dash(last), LEADS_ON.split(last)[-1]]  # "I build parts - does it …?", "It's a win, so does it …?"
    return bool(YES_NO_START.match(last) or (not WH_OPENS.match(last) and any(YES_NO_START.match(a) for a in after))
                or elliptical_yes_no(question))


# A statement, a comma, then the question: "Ottawa's calling this a win, so does the deal announce a plant?"
# "When they signed it, were there …?": a clause that sets the scene before the question itself
SCENE = re.compile(r"^\W*(?:when|if|after|before|while|once|now\s+that)\s+(?!(?:is|are|was|were|does|do|did|has|have|had|will|"
                   r"would|can|could|should)\b)[^,?;—–]+,\s+", re.I)
LEADS_ON = re.compile(r",\s+(?=(?:so|but|and|then|yet)\s+(?:is|are|was|were|does|do|did|has|have|had|can|could|will|would|"
                      r"should)\b)", re.I)


# A query typed into a search box: no question word (nor its typos), no request, no choice.
WH_LIKE = re.compile(r"\b(?:wh[a-z’']*|wat|wich|how[a-z’']*)\b", re.I)
REQUEST = re.compile(r"^\W*(?:list|name|give|tell|describe|explain|show|summari[sz]e|define|identify|outline|quote|"
                     r"provide|state|please|find|compare|cite)\b", re.I)
ATTRIBUTE = re.compile(r"\b(?:date|day|year|month|time|name|names|title|titles|portfolio|position|job|value|amount|number|"
                       r"figure|total|size|rate|frequency|cost|price|location|place|site|venue|city|country|list|purpose|reason|source|"
                       r"wording|phrase|term|kind|type|percentage|share)\b", re.I)


# A query that opens with what something has ("Seoul's payoff?", "Canadian auto sector's closest partner?") asks for it
POSSESSED = re.compile(r"^\W*(?:[\w-]+\s+){0,3}[\w-]+['’]s\s+\w", re.I)


IN_QUESTION = re.compile(r"\b(?:in (?:there|here|it|scope)|at all|on the table|on board)\W*$", re.I)  # ends asking whether something is


def elliptical_yes_no(question: str) -> bool:
    """Whether a query without a verb of its own asks yes or no: "binding commitment?",
    "hydrogen vehicles mentioned in agreement?", "any new plant announced".

    >>> elliptical_yes_no("binding commitment?"), elliptical_yes_no("any new plant announced")
    (True, True)
    >>> elliptical_yes_no("Binding pledges in there?"), elliptical_yes_no("Private sector role at all?")
    (True, True)

    A query that names what it wants (a date, a name, a title …), asks for it, opens with
    what someone has ("Seoul's payoff?"), uses a question word anywhere (also "wat",
    "whats"), offers a choice, or leaves a blank to fill ("The symbol for it is?",
    "… was called?") asks for that, not yes or no:

    >>> [elliptical_yes_no(q) for q in ["signing date?", "Exact title of Kim's ministry?", "list the sectors?",
    ...  "wat does it bring, minerals?", "Is it A or B?", "The symbol for mercuric oxide is?", "It was called?",
    ...  "Who signed? Any quote from him?", "Korean minister name", "Seoul's payoff?", "Committee meeting frequency?"]]
    [False, False, False, False, False, False, False, False, False, False, False]

    Deliberately not done: no parser; a verbless query that ends without a
    question mark asks yes or no only when it opens with "any".
    """
    last = asked_sentence(question).strip()
    if WH_LIKE.search(question) or REQUEST.match(last) or CHOICE.search(last) or "_" in last or POSSESSED.match(last):
        return False
    if re.match(r"^\W*any\b", last, re.I):
        return True
    final = words(last)[-1:]
    if not last.endswith("?") or ATTRIBUTE.search(last) or not final:
        return False
    if IN_QUESTION.search(last):  # "Binding investment pledges in there?", "Private sector role at all?"
        return True
    return final[-1] not in STOPWORDS and not final[-1].endswith("ed")


def _after_dash(sentence: str) -> str:
    return AFTER_DASH.split(sentence)[-1]


AFTER_DASH = re.compile(r"\s[-–—]\s|—")  # a dash between words, not a hyphen ("Canada-Korea") or an en dash joining names


def offers_choice(question: str) -> bool:
    """True when "or" offers alternatives to pick from, rather than joining the things
    a yes/no question asks about.

    >>> offers_choice("Is it easier or harder to change the law than to keep it?"), offers_choice("Is it A or B?")
    (True, True)
    >>> offers_choice("Were timelines or commitments laid out when it was signed?"), offers_choice("Is it binding or not?")
    (False, False)
    >>> offers_choice("Is this a contract to buy vehicles, or something else?")  # is it that, and if not, what
    False

    Deliberately simple, without a parser: the alternative after the last "or" is
    short (three words at most) or sets up a comparison ("than"); "or not", "or nah",
    "or what" and "or something else" ask yes or no.
    """
    parts = re.split(r"\bor\b", question.lower())
    if len(parts) < 2:
        return False
    rest = re.findall(r"[\w'’-]+", parts[-1])
    if rest[:1] in (["not"], ["no"], ["nah"]) or rest in (["what"], ["otherwise"]) or rest[1:2] == ["else"]:
        return False
    return len(rest) <= 3 or "than" in rest


def negates_question(question: str, sentence: str) -> bool:
    """True when a negation in `sentence` governs a content word of `question`.

    >>> negates_question("Does it replace the trade agreement?", "It does not replace that agreement; it adds one.")
    True
    >>> negates_question("Does it add a mechanism?", "It does not replace that agreement; it adds a mechanism.")
    False
    >>> negates_question("Does the MOU supersede the FTA?", "It does not replace that agreement.")  # verbs of change
    True
    """
    question = asked_sentence(question)
    if NEGATION.search(question):
        return False  # a negated question ("Is it not …?") is left to the model
    asked = set(stems(question))
    changes = CHANGE_VERB.search(question)
    for scoped in _negated(sentence):
        if any(found(s, asked) for s in stems(scoped)[:10]) or (changes and CHANGE_VERB.match(scoped.strip())):
            return True
    return bool(CHANGE_VERB.search(question)) and _kept_unchanged(asked, sentence)


# A guess the question offers after a dash, with no question of its own: "… come from — the signing itself?"
GUESS = re.compile(r"\s[—–]\s*(?!(?:what|who|whom|whose|which|where|when|why|how|is|are|was|were|does|do|did|has|have|had|"
                   r"can|could|will|would|should)\b)[^—–?]{1,60}\?*\s*$", re.I)


def denies_asked(question: str, sentence: str) -> bool:
    """True when `sentence` negates the verb phrase a wh-question takes for granted: "Which
    factory did the MOU announce?" and "It does not announce a new plant or production line".

    >>> denies_asked("Which new plant did the deal announce?", "It does not announce a new plant.")
    True
    >>> denies_asked("Who identified gravity as a force?", "Gravity was not identified as a force until Newton.")
    False
    >>> denies_asked("Which new plant did the deal announce?", "It announces a new plant.")
    False
    >>> denies_asked("Where will the details come from — the signing itself?", "They will come from the committee, not the signing itself.")
    False

    The negated words must open with one of the question's words and hold another. Deliberately
    not done: "not … until", "unless" and "only" limit rather than deny; a question that is itself
    negated is left to `answer_type_gap`. On SQuAD's questions this fires on the gold sentence of
    45 of 12,187 answerable ones and on 31 of 1,960 unanswerable ones.
    """
    question = GUESS.sub("", asked_sentence(question))  # "… come from — the signing itself?": denying a guess answers
    if NEGATION.search(question):
        return False
    asked = set(stems(question))
    for scoped in _negated(sentence):
        if LIMITING.search(scoped):
            continue
        first = stems(scoped)[:8]
        if first and found(first[0], asked) and sum(found(w, asked) for w in first) >= 2:
            return True
    return False


def _negated(sentence: str) -> list[str]:
    """The text each negation in `sentence` governs: up to the next clause break.

    >>> _negated("It does not replace that agreement; instead, it adds one.")
    [' replace that agreement']
    """
    scopes = []
    for m in NEGATION.finditer(sentence):
        end = SCOPE_END.search(sentence, m.end())
        scopes.append(sentence[m.end(): end.start() if end else len(sentence)])
    return scopes


def negates_each_choice(question: str, sentence: str) -> bool:
    """True when one negation in `sentence` governs both things a question's "or" offers.

    "Does the deal announce a new battery plant or production line?" reads as a
    choice as well as a yes/no question; "it does not announce a new plant,
    production line, or binding investment commitment" answers it either way: no.

    >>> s = "It does not announce a new plant, production line, or binding investment."
    >>> negates_each_choice("Does it announce a new battery plant or production line?", s)
    True
    >>> negates_each_choice("Does it announce a plant or a committee?", s)
    False

    Or the negation governs the second thing's head and two more of the question's words, as
    when the two share that head ("a new car or battery plant"):
    >>> negates_each_choice("Did the signing announce a new car or battery plant?", s)
    True
    """
    asked = asked_sentence(question)
    before, _, after = asked.rpartition(" or ")
    first, second, head = stems(before)[-1:], stems(after)[:1], stems(after)[-1:]
    others = set(stems(asked)) - set(head) - GENERIC
    for scoped in (set(stems(text)) for text in _negated(sentence)):
        if first and second and all(found(w, scoped) for w in first + second):
            return True
        if head and found(head[0], scoped) and sum(found(w, scoped) for w in others) >= 2:
            return True
    return False


def _kept_unchanged(asked: set[str], sentence: str) -> bool:
    """True when `sentence` says that something the question names stays as it is.

    "Does it change X?" is answered "no" by "… leaving X intact": the negation
    is a word after what it governs, so the scope is the few words before it.

    >>> _kept_unchanged(set(stems("Does it change the tariff schedule?")), "It leaves the tariff schedule intact.")
    True
    >>> _kept_unchanged(set(stems("Does it change the tariff schedule?")), "Its office stays intact.")
    False
    """
    for m in PRESERVED.finditer(sentence):
        start = max((b.end() for b in SCOPE_END.finditer(sentence, 0, m.start())), default=0)
        scope = stems(sentence[start:m.start()])[-8:]
        if any(found(s, asked) for s in scope if s not in GENERIC):
            return True
    return False


def polarity(answer: str) -> str | None:
    first = fold(answer).lstrip(" \"'“").split(maxsplit=1)
    word = first[0].strip(",.:;!") if first else ""
    return word if word in ("yes", "no") else None


def verify(question: str, reply: Reply, candidates: list[Candidate], ranked: list[Candidate] | None = None,
           background: Background | None = None) -> Verdict:
    """Accept, repair or decline a parsed reply (see module docstring).

    `candidates` are the numbered evidence the model saw; `ranked` the retrieval
    ranking (defaults to `candidates`), used where "the best sentences" matter.
    """
    ranked = candidates if ranked is None else ranked
    if spelled := _spelled_out_answer(question, reply, candidates, background):
        return spelled
    if reply.declined:
        if no := _no_from_evidence(question, ranked, "the model declined, but a top sentence negates the question"):
            return no  # small models decline "Is there X?" when the text says "there is no X"
        if titled := next(((t, c.span) for c in ranked if (t := title_for(asked_sentence(question), c.span.text))), None):
            return Verdict(False, titled[0], [titled[1]], reason="the model declined, but a top sentence gives the asked person's title")
        return Verdict(True, DECLINED, reason="the model found no answer in the evidence")
    if not is_yes_no(question) and (no := _no_from_evidence(question, ranked, "a top sentence negates each thing the question offers")):
        return no  # "Did it announce a factory or a production line?" when the text announces neither
    texts = [c.span.text for c in candidates]
    cited = [candidates[n - 1].span for n in reply.numbers]
    answer = reply.text
    names = unsupported_names(answer, question, [s.text for s in cited])
    if names:  # re-cite: another sentence holds the name, or shows the count by listing ("… workstreams, including a, b and c")
        extra = [c.span for c in candidates if c.span not in cited and (any(found(t, stem_set([c.span.text])) for t in names)
                                                                         or set(names) & counted(question, [c.span.text]))]
        cited += extra
        names = unsupported_names(answer, question, [s.text for s in cited])
        if names:  # a yes/no reply that copied the prompt's example ("No, it does not open on Sundays") is no reply
            return _no_from_evidence(question, ranked, "the reply names what the documents do not, but a top sentence negates the question") or \
                Verdict(True, DECLINED, reason=f"the answer names {', '.join(names)}, which the documents do not contain")
    if split := split_dates(answer, [s.text for s in cited] + texts):
        return Verdict(True, DECLINED, reason=f"no sentence gives the date {split}: the answer joins parts of separate ones")
    if not cited:
        cited = _best_support(answer, candidates)
        if not cited and is_yes_no(question) and polarity(answer):  # a bare "No" from a backend without a grammar
            cited = _claim_sentence(question, [c.span for c in candidates])
        if not cited:
            return Verdict(True, DECLINED, reason="the answer cites no evidence")
    if shown := _count_instead(question, answer, cited):
        return shown
    if listed := _count_of_list(question, answer, cited):
        answer = listed  # "How many sectors …?" → "The automotive sector, electric vehicles and batteries": three
    if asks_quantity(question) and not gives_quantity(answer, question):
        return Verdict(True, DECLINED, reason="the question asks for a quantity and the evidence gives none")
    if miscounted := count_gap(question, answer):
        return Verdict(True, DECLINED, reason=miscounted)
    if asks_year(question) and not YEAR.search(answer):
        return Verdict(True, DECLINED, reason="the question asks for a year and the evidence gives none")
    if (ratio := support_ratio(answer, question, [s.text for s in cited])) < 1.0:
        best = max(candidates, key=lambda c: support_ratio(answer, question, [c.span.text]))
        best_ratio = support_ratio(answer, question, [best.span.text])
        if ratio < MIN_SUPPORT and best_ratio < MIN_SUPPORT:  # a yes/no reply of words from nowhere ("No. This is a yes/no question") is no reply
            return _no_from_evidence(question, ranked, "the reply's words are not in the evidence, but a top sentence negates the question") or \
                Verdict(True, DECLINED, reason="most words of the answer are not in what it cites")
        if ratio < MIN_SUPPORT or best_ratio == 1.0:
            cited = [best.span]  # the model cited the wrong number: cite the sentence that says it
    if not is_yes_no(question) and any(_copies(answer, s.text) or _long_extract(answer, s.text) for s in cited):
        about = _about_the_question(question, cited, [c.span for c in candidates], before=background.before if background else None)
        if about != cited:  # a copied sentence that is not about the question: quote the one that is
            cited, answer = about, _said(about[0])
    claim = ""
    if not is_yes_no(question) and (opening := _opening_only(question, answer, cited)):
        claim, cited, answer = answer, [opening], _said(opening)  # the model stopped before the part asked about
    gap = answer_type_gap(question, answer, [s.text for s in cited])
    repeats = gap == REPEATS_QUESTION
    if repeats and background is not None and _list_after(cited, background):
        gap = ""  # "What areas …, in terms of X?" → "X", from a sentence whose next one lists them: the list answers
    if gap in (REPEATS_QUESTION, "") and (whole := _own_name_in_whole(question, answer, cited)):
        gap, cited, answer = "", [whole], _said(whole)  # the model named the question's subject; its sentence says what it did
    if gap == REPEATS_QUESTION and (named := _country_asked(question, [c.span for c in candidates])):
        gap, answer, cited = "", *named  # "In which country were the Korean officials meeting?" → "South Korea"
    if (gap.startswith(OTHER_PARTY) or gap == NAMES_NO_ONE) and (person := next((p for s in cited if (p := person_for(question, s.text))), "")):
        gap, answer = "", person  # the model named the other country's signatory, or the country; the sentence names this one's
    if gap == NAMES_NO_ONE and (naming := _naming_people(question, [candidates[n - 1].span for n in reply.numbers])):
        gap, cited, answer = "", [naming], _said(naming)  # "Who signed the MOU?" → "Canada and South Korea", citing who signed
    if not gap and (titled := _title_of_named(question, answer, cited)):
        answer, cited = titled  # "Exact title of the Korean minister who signed?" → "Kim Jung-kwan": his title, from his sentence
    if gap:
        return Verdict(True, DECLINED, reason=gap)
    if not is_yes_no(question) and _from_dateline(question, answer, cited):
        return Verdict(True, DECLINED, reason="the answer is the place in a dateline, which says where the story was filed, "
                                              "not where what the question asks about happened")
    if event := other_event(question, answer, [s.text for s in cited], background.texts(cited) if background else None):
        return Verdict(True, DECLINED, reason=f"the question asks when something was {asked_event(question)}, and the cited date is when it {event}")
    if background is not None and not is_yes_no(question) and (
            absent := unmatched_names(question, _holding(answer, cited), background)):
        return Verdict(True, DECLINED, reason=f"the question asks about {', '.join(absent)}, and the sentences the answer cites do not")
    if not starts_yes_no(question) and (denied := next((s for s in cited if denies_asked(question, s.text)), None)):
        return Verdict(True, DECLINED, reason=f"the cited sentence says that what the question asks about did not happen: {denied.text[:80]!r}")
    if not is_yes_no(question) and (swaps := swapped_words(question, [s.text for s in cited])):
        said = ", ".join(f"{x!r} where the question says {w!r}" for w, x in swaps)
        return Verdict(True, DECLINED, reason=f"the cited sentence says {said}")
    # "Does it include provisions for renewal or termination?" → "Yes, it includes provisions for renewal or
    # termination": a yes/no question offering two words, answered as yes/no in its own words, is checked as one
    if is_yes_no(question) or (starts_yes_no(question) and polarity(answer) and echoes_question(question, answer)):
        evidence = [c.span for c in candidates]
        return _yes_no(question, answer, cited, evidence, background.texts(evidence) if background else None,
                       background.titled(evidence) if background else set())
    if polarity(answer) and len(answer.split()) <= 2:
        return Verdict(True, DECLINED, reason="a bare yes/no reply to a question that is not yes/no")
    cited = _useful(answer, question, cited)
    if listing := _list_left_out(question, answer, cited):
        return Verdict(False, _said(listing), [listing], reason="the answer leaves out the list its sentence gives of the things asked")
    if background is not None and (listed := _list_after(cited, background)):
        if len(cited) == 1 and (_asks_for_things(question) or repeats):  # "What areas …?" from "… across several areas": the list answers
            return Verdict(False, _said(listed), [listed], reason="the cited sentence announces a list; the next one gives it", claim=claim)
        return Verdict(False, f"{answer.rstrip('.')}. {_said(listed)}", cited + [listed], reason="supported by its citations and the list they announce", claim=claim)
    return Verdict(False, answer, cited, reason="supported by its citations", claim=claim)


def _no_from_evidence(question: str, ranked: list[Candidate], reason: str) -> Verdict | None:
    """For a yes/no question the model gave no usable reply to: a quoted "No" from a top sentence that negates it.

    A question that also reads as a choice ("… a plant or a production line?") gets
    the "No" only from a sentence that negates both things offered.

    >>> c = [Candidate(Span("a.txt", 0, 40, "The memorandum does not replace the agreement.", 0), 1.0)]
    >>> _no_from_evidence("Does the memorandum replace the agreement?", c, "why").answer[:3]
    'No.'
    """
    either = starts_yes_no(question) and offers_choice(_after_dash(asked_sentence(question)))
    if not is_yes_no(question) and not either:
        return None
    negating = [c.span for c in ranked[:3] if negates_question(question, c.span.text)
                and (not either or negates_each_choice(question, c.span.text))]
    return _quoted_no(negating[0], reason) if negating else None


def _spelled_out_answer(question: str, reply: Reply, candidates: list[Candidate],
                        background: Background | None) -> Verdict | None:
    """For "What does MOU stand for?": the words that spell the acronym out, from the evidence or its documents.

    The spelling-out is found by string matching (`names.expansion`), so it
    replaces a reply that does not give it; a reply that does is judged as usual.

    >>> c = [Candidate(Span("a.txt", 0, 52, "They signed a memorandum of understanding on cars.", 0), 1.0)]
    >>> _spelled_out_answer("MOU stands for what?", Reply([1], "a deal", False), c, None).answer
    'MOU stands for “memorandum of understanding”.'
    """
    m = STANDS_FOR.search(asked_sentence(question))
    if not m:
        return None
    acronym = m.group(1)
    spans = [c.span for c in candidates]
    if background is not None:
        spans += [s for source in dict.fromkeys(c.span.source for c in candidates) for s in background.spans.get(source, [])]
    for span in spans:
        spelled = expansion(acronym, [span.text])
        written = re.search(r"\W+".join(map(re.escape, spelled)), span.text, re.I) if spelled else None
        initials = {"".join(w[0] for w in spelled), "".join(w[0] for w in spelled if w not in STOPWORDS)}
        if not written or spelled[0] in STOPWORDS or fold(acronym) not in initials:  # "Front Islamique de Salut" is FIS, not FISS
            continue
        if " ".join(spelled) in fold(reply.text):
            return None
        return Verdict(False, f"{acronym} stands for “{written.group(0)}”.", [span], reason="the documents spell the acronym out")
    return None


def other_month(question: str, absent: list[str], evidence: list[Span]) -> Verdict | None:
    """For "Was it signed in December?" when the documents never say December: a quoted
    "No" from the sentence that states the rest of the claim with another month.

    >>> s = Span("a.txt", 0, 40, "The memorandum was signed on January 29.", 0)
    >>> other_month("Was the memorandum signed in December?", ["december"], [s]).answer
    'No. The documents say: “The memorandum was signed on January 29.”'
    >>> other_month("Was the treaty ratified in December?", ["december"], [s]) is None  # not the same claim
    True
    >>> other_month("Was the memorandum inked in December?", ["december"], [s]).answer  # a verb of the same stage
    'No. The documents say: “The memorandum was signed on January 29.”'
    >>> other_month("Was the memorandum ratified in December?", ["december"], [s]) is None  # another stage
    True

    Deliberately not done: years and other values ("in 2019?") are not
    contradicted, as a sentence may give a month without the year.
    """
    if not absent or not is_yes_no(question) or not all(re.fullmatch(MONTH, a) for a in absent):
        return None
    asked = set(stems(asked_sentence(question))) - GENERIC - set(absent)
    overlap = _overlap_with(question)
    for span in evidence:
        # "Was it inked in February?" and "It was signed on January 29": one verb of the same stage
        same_stage = len(staged_as_in(asked_sentence(question), span.text) - stem_set([span.text]))
        if asked and overlap(span) + same_stage >= len(asked) and DATE.search(fold(span.text)):
            return _quoted_no(span, f"the sentence about the claim gives another date than {', '.join(absent)}")
    return None


# A question about the report itself, which its dateline answers ("Which city is the story datelined from?")
ABOUT_REPORT = re.compile(r"\b(?:datelined?|stor(?:y|ies)|reports?|reported|reporting|article|piece|news|newswire|filed|"
                          r"wire|outlet|press|coverage|byline|publish(?:ed)?|coming out of)\b", re.I)


def _from_dateline(question: str, answer: str, cited: list[Span]) -> bool:
    """Whether `answer` is only words of a cited sentence's dateline, to a question that is not about the report.

    >>> s = Span("a.txt", 0, 52, "MENA Newswire, OTTAWA: Canada and Korea signed a deal.", 0)
    >>> _from_dateline("Tell me the venue where the signing took place.", "OTTAWA", [s])
    True
    >>> _from_dateline("Which city is the story datelined from?", "Ottawa", [s]), _from_dateline("Who signed?", "Canada and Korea", [s])
    (False, False)

    A dateline says where a story was filed; the events it reports may have
    happened anywhere. Deliberately not done: a place the sentence after the
    dateline names as well ("OTTAWA: … signed in Ottawa") is taken as said there.
    """
    said = set(stems(answer)) - STOPWORDS
    if not said or ABOUT_REPORT.search(question):
        return False
    for span in cited:
        if (m := DATELINE.match(span.text)) and said <= set(stems(span.text[:m.end()])) and not said & set(stems(span.text[m.end():])):
            return True
    return False


def other_value(question: str, absent: list[str], evidence: list[Span]) -> Verdict | None:
    """For a yes/no question whose only names the documents never mention are one value of
    its claim (a month, a day, a year, a person's name): a quoted "No" from the sentence that
    states the rest of the claim with another value of that kind (`other_month` for months).

    >>> fta = Span("a.txt", 0, 80, "It builds on the Free Trade Agreement, which entered into force in 2015.", 0)
    >>> other_value("Is it correct that the free trade pact took effect in 2014?", ["2014"], [fta]).answer[:20]
    'No. The documents sa'
    >>> signed = Span("a.txt", 0, 80, "The memorandum was signed on January 29 by Industry Minister Mélanie Joly.", 1)
    >>> other_value("Our draft says the deal was inked on January 19 — does that match the article?", ["19"], [signed]).cited == [signed]
    True
    >>> other_value("Is it true that the memorandum was signed by its trade minister, Mary Ng?", ["mary", "ng"], [signed]).cited == [signed]
    True
    >>> other_value("Did President Lee Jae-myung attend the signing ceremony?", ["lee", "jae", "myung"], [signed]) is None
    True
    >>> other_value("Did Prime Minister Mark Carney attend the signing?", ["prim", "mark", "carney"], [signed]) is None
    True
    >>> other_value("Will the memorandum be renewed in 2030?", ["2030"], [fta]) is None  # not the same claim
    True

    Two thirds of the claim's other words (at least three) must be in the sentence, a
    verb of the same stage ("inked", "signed") or a name for the same agreement ("pact")
    counting as its own. Deliberately not done: a value the sentence does not give
    ("signed on January 29", asked "in 2019?") is not contradicted; the same holds for
    other kinds of value (amounts, places), which sentences give in too many forms.
    """
    if (month := other_month(question, absent, evidence)) or not absent or not is_yes_no(question):
        return month
    claim = checked_claim(asked_sentence(question))
    kind = _value_kind(claim, absent)
    if not kind:
        return None
    wanted = set(stems(claim)) - GENERIC - set(absent) - {stem(w) for w in absent}
    if kind == "person":  # "Prime Minister Mark Carney": the title is the name's, not the claim's
        wanted -= set(stems(_run_holding(claim, absent)))
    best, most = None, 0
    for span in evidence:
        if not _other_of_kind(kind, claim, absent, span.text):
            continue
        pool, stage = _agreements_alike(stem_set([span.text])), staged_as_in(claim, span.text)
        held = sum(found(w, pool) or w in stage for w in wanted)
        if len(wanted) >= 3 and 3 * held >= 2 * len(wanted) and held > most:
            best, most = span, held
    return _quoted_no(best, f"the sentence about the claim gives another {kind} than {' '.join(absent)}") if best else None


def _value_kind(claim: str, absent: list[str]) -> str:
    """'year', 'day' or 'person' when the absent words are all one value of that kind in `claim`; else ''."""
    if all(re.fullmatch(YEAR_NUMBER, a) for a in absent):
        return "year"
    if all(a.isdigit() and int(a) <= 31 and re.search(rf"\b{MONTH}\s+{a}\b", claim, re.I) for a in absent):
        return "day"
    run = _run_holding(claim, absent)
    return "person" if run and people_named(run) and not CAPITALS.get(run) else ""


def _run_holding(claim: str, absent: list[str]) -> str:
    """The run of capitalised words of `claim` that holds every absent word ("Prime Minister Mark Carney"), or ''."""
    return next((r for r in re.findall(r"(?:[A-Z][\w’'-]*\s+)+[A-Z][\w’'-]*", claim)
                 if {stem(fold(w)) for w in re.findall(r"[\w’']+", r)} >= {stem(a) for a in absent}), "")


def _other_of_kind(kind: str, claim: str, absent: list[str], text: str) -> bool:
    """Whether `text` gives a value of `kind` other than `absent`: another year, another day of the
    claim's month, another person's name."""
    if kind == "year":
        return any(y not in absent for y in re.findall(YEAR_NUMBER, text))
    if kind == "day":
        months = {fold(m)[:3] for m in re.findall(rf"\b({MONTH})\s+\d", claim, re.I)}
        return any(fold(m)[:3] in months and d not in absent for m, d in re.findall(rf"\b({MONTH})\s+(\d{{1,2}})\b", text, re.I))
    return bool(people_named(without_dateline(text)))


def _asks_for_things(question: str) -> bool:
    """Whether the question asks what or which things, or for a list: what a listing sentence answers.

    >>> _asks_for_things("Which areas does it cover?"), _asks_for_things("List the areas"), _asks_for_things("How often does it meet?")
    (True, True, False)
    """
    asked = asked_sentence(question)
    return ((m := WH_OPENS.match(asked)) is not None and fold(m.group(1)) in ("what", "which")) or bool(REQUEST.match(asked))


INCLUDING = re.compile(r"\b(?:including|such as|namely)\s+(.+)$", re.I)


def _list_left_out(question: str, answer: str, cited: list[Span]) -> Span | None:
    """For "What <things> …?" answered with a cited sentence's words but none of the things it lists
    after "including": that sentence, to quote whole.

    >>> s = Span("a.txt", 0, 90, "The committee will coordinate follow-up work and define priority initiatives, including research and supply chains.", 0)
    >>> _list_left_out("What priority areas did they list?", "coordination follow-up work and help define priority initiatives", [s]) == s
    True
    >>> _list_left_out("What priority areas did they list?", "research and supply chains", [s]) is None
    True
    >>> _list_left_out("What does the committee do?", "coordinate follow-up work", [s]) is None  # not asked for things
    True
    """
    m = ACTS_ON.match(asked_sentence(question))
    if not m or not any(is_plural(w) for w in words(m.group(1))):
        return None
    said = set(stems(answer))
    for span in cited:
        items = INCLUDING.search(span.text)
        listed = set(stems(items.group(1))) - GENERIC if items else set()
        if listed and not listed & said:
            return span
    return None


def _list_after(cited: list[Span], background: Background) -> Span | None:
    """The sentence that lists what a cited one only announces ("several areas …" then "These include …").

    >>> a = Span("a.txt", 0, 50, "The committee covers several areas tied to vehicles.", 0)
    >>> b = Span("a.txt", 51, 90, "These include batteries and minerals.", 1)
    >>> _list_after([a], Background({"a.txt": [a, b]})).text
    'These include batteries and minerals.'

    Deliberately not done: only the next sentence, only when it opens with
    "These/They include" or "comprise", and only when the cited one announces
    a number of things without naming them ("several areas", not "areas such as …").
    """
    for span in cited:
        following = background.spans.get(span.source, [])[span.index + 1:span.index + 2]
        if (following and following[0] not in cited and ANNOUNCES.search(span.text) and not LISTING.search(span.text)
                and LISTS.match(following[0].text)):
            return following[0]
    return None


MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DATE = re.compile(rf"\b(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:\s+\d{{4}})?|{MONTH}\s+\d{{4}})\b")


def split_dates(answer: str, texts: list[str]) -> str:
    """A date of the answer that no single text contains ('' if there is none).

    Dates are one fact: "January 29, 2015" built from "signed on January 29"
    and "in force in 2015" is an invention even though each part is cited.
    >>> split_dates("On January 29, 2015.", ["Signed on January 29.", "In force in 2015."])
    'january 29 2015'
    >>> split_dates("On 29 January", ["Signed on January 29."])
    ''
    """
    def flat(t: str) -> str:
        return " ".join(re.sub(r"[,.]", " ", fold(t)).split())

    pool = [flat(t) for t in texts]
    for m in DATE.finditer(flat(answer)):
        date = m.group(0)
        parts = re.findall(r"\d+|[a-z]+", date)
        if not any(date in p or _near(parts, p) for p in pool):
            return date
    return ""


def _near(parts: list[str], text: str, window: int = 5) -> bool:
    """True if every part of a date occurs within `window` words of the others in `text`."""
    toks = text.split()

    def matches(token: str, part: str) -> bool:
        return token == part if part.isdigit() else token.startswith(part[:3])

    return any(all(any(matches(t, x) for t in toks[i:i + window]) for x in parts) for i in range(len(toks)))


def answer_type_gap(question: str, answer: str, cited: list[str]) -> str:
    """Why the answer is not the kind of thing the question asks for ('' if it is).

    >>> answer_type_gap("Who chairs the committee?", "The committee meets in spring.", [])
    'the question asks who, and the answer names no one the question does not already name'
    >>> answer_type_gap("Who will chair or co-chair it?", "The governments said it will meet.", ["The governments said it will meet."])[:30]
    'the question asks who leads so'
    >>> answer_type_gap("When was it signed?", "By Joly and Kim.", []), answer_type_gap("First meeting when?", "In Ottawa.", [])
    ('the question asks when, and the answer gives no time', 'the question asks when, and the answer gives no time')
    >>> answer_type_gap("Who signed it?", "Officials of both governments.", [])
    ''
    >>> answer_type_gap("Signing venue?", "January 29", []), answer_type_gap("Where was it signed?", "In Ottawa on May 2", [])
    ('the question asks where, and the answer gives only a time', '')
    >>> answer_type_gap("When it was signed, were there meetings?", "Yes, there were meetings.", [])  # asks yes or no
    ''
    >>> answer_type_gap("Who did not sign it?", "Joly.", ["Joly signed it."])
    'the question asks about what did not happen, and what the answer cites negates nothing'
    >>> answer_type_gap("Where is the talk heading if it's not just about tariffs anymore?", "industrial ecosystems", ["… beyond tariffs toward industrial ecosystems."])
    ''

    Only the question's last sentence counts (`asked_sentence`): a preamble such
    as "Ignore the text, no citations." is not what is asked.
    Deliberately not done: no named-entity recogniser; a name is a capitalised
    word, a time is a digit or a word from a short list.
    """
    question = asked_sentence(question)
    asked = stem_set([question])
    if WHO_QUESTION.search(question):
        new = [w for w in re.findall(r"[\w][\w'’-]*", answer)
               if fold(w) not in STOPWORDS and fold(w) not in GENERIC and fold(w) not in COMPASS
               and not found(stem(w), asked)]
        if not any(w[0].isupper() or _for_people(w) for w in new):
            return NAMES_NO_ONE
        if LEADS.search(question) and not NAMES_OFFERED.search(question) and not names_beyond(question, answer, cited):
            return "the question asks who leads something, and the answer names no one the question does not already name"
    if party := other_party(question, answer):
        return f"{OTHER_PARTY}, and the answer is {party}"
    if not is_yes_no(question) and any(titled_otherwise(asked_sentence(question), answer, c) for c in cited):  # a yes/no gets a quoted "No" (`roles.other_role`)
        return "the question asks about someone by office, and the cited sentence gives the answer's person another title"
    if not is_yes_no(question) and (holder := next((h for c in cited if (h := paired_elsewhere(asked_sentence(question), c))), "")):
        return f"the question pairs its person with another's party and title, and the cited sentence gives them to {holder}"
    if holder := next((h for c in cited if (h := title_of_another(asked_sentence(question), answer, c))), ""):
        return f"the question asks about someone else's position, and the cited sentence gives this title to {holder}"
    if WHEN_QUESTION.search(question) and not WH_LATER.search(question) and not WH_END.search(question) and not is_yes_no(question):
        folded = words(answer)
        if not any(any(c.isdigit() for c in w) or w in MONTHS_AND_TIMES for w in folded):
            return "the question asks when, and the answer gives no time"
    if WHERE_ASKED.search(question) and not is_yes_no(question) and _only_time(answer):
        return "the question asks where, and the answer gives only a time"
    if WHICH_QUESTION.search(question) and any(_copies(answer, c) and not REFERRING.match(c) and not _new_names(question, c)
                                               and not _lists_members(question, c) for c in cited):
        return "the question asks which, and the answer repeats a whole sentence that names nothing the question does not"
    if WHY_QUESTION.match(asked_sentence(question)) and restates_question(question, answer):
        return "the question asks why, and the answer only restates what the question says, with no reason"
    if restates_kind(question, answer):
        return "the question asks which, and the answer restates the kind asked for without naming one"
    if WH_ANYWHERE.search(question) and not is_yes_no(question) and only_repeats(question, answer, cited):
        return REPEATS_QUESTION
    if WH_ANYWHERE.search(question) and not is_yes_no(question) and speaker_only(question, answer, cited):
        return "the answer names who said the cited sentence, and the question does not ask who said anything"
    unique = BEYOND.sub(" ", UNIQUE.sub(" ", question))  # "that no other animals have" asks what is unique, not what did not happen
    if WH_ANYWHERE.search(question) and not is_yes_no(question) and (NEGATION.search(unique) or COMPLEMENT.search(unique)) and not any(
            NEGATION.search(c) or COMPLEMENT.search(c) or DENYING.search(c) or _negated_word(question, c) for c in cited):
        return "the question asks about what did not happen, and what the answer cites negates nothing"
    if ONLY.search(CHOICE.split(question)[0]) and not is_yes_no(question) and not any(EXCLUSIVE.search(c) for c in cited):  # "…, or only B?" offers it
        return "the question asks about the only one, and what the answer cites does not say that anything is"
    if (kind := named_kind(question)) and not names_beyond(question, answer, cited):
        return f"the question asks which {kind}, and the answer names none the question does not already name"
    if only_people(question, answer):
        return "the question asks what or how, not who, and the answer only names people"
    if (place := PLACE_ASKED.search(question)) and only_countries(answer):
        return f"the question asks which {fold(place.group(1))}, and the answer names only a country"
    return ""


WHERE_ASKED = re.compile(r"^\W*where\b|\bwhere\W*$|\b(?:venue|location)\b", re.I)  # "Where …?", "… where?", "Signing venue?"


def _only_time(answer: str) -> bool:
    """Whether every word of the answer that says something is a number or a time ("January 29", "in 2015").

    >>> _only_time("On January 29."), _only_time("In Ottawa, on January 29."), _only_time("The 2015 agreement")
    (True, False, False)
    """
    said = [w for w in words(answer) if w not in STOPWORDS]
    return bool(said) and all(any(c.isdigit() for c in w) or w in MONTHS_AND_TIMES for w in said)


# "What does X <verb> …?", "How …?", "Why …?": the answer is a thing, a manner or a reason
ASKS_THING = re.compile(r"^\W*(?:how|why|what\s+(?:does|do|did|is|are|was|were|will|would|can|could|has|have|had|should)\b)", re.I)
# … unless the question asks for a person after all ("What is the name of …", "What did she call him?")
ASKS_PERSON_TOO = re.compile(r"\b(?:who|whom|whose|names?d?|called|call|person|people|persons|individuals?|officials?|"
                             r"ministers?|signator(?:y|ies)|signers?|leaders?|representatives?|members?)\b", re.I)


def only_people(question: str, answer: str) -> bool:
    """Whether `answer` only names people (names and titles, no other word) to a question that asks what, how or why.

    >>> only_people("What does the Canadian side stand to leverage?", "Canadian Industry Minister Mélanie Joly.")
    True
    >>> only_people("How does the coverage describe Korea?", "Trade Minister Kim Jung-kwan")
    True
    >>> only_people("What did the FTA establish?", "Canada–Korea Free Trade Agreement")  # a name, not a person's
    False
    >>> only_people("What is the name of the minister?", "Mélanie Joly"), only_people("Who signed?", "Mélanie Joly")
    (False, False)
    >>> only_people("What does Canada leverage?", "Mineral resources, says Mélanie Joly")
    False

    A small model given the signing sentence answers "What does the Canadian
    side stand to leverage?" with the Canadian who signed. A person is a name
    with a title (`roles.TITLES`): a capitalised name alone may be a thing's. Deliberately not done:
    "What Polish composer …?" and other questions that ask for a person by a noun
    without an auxiliary after "what" are not judged.
    """
    asked = asked_sentence(question)
    if not ASKS_THING.match(asked) or ASKS_PERSON_TOO.search(asked) or not people_named(answer):
        return False
    rest = [w for w in re.findall(r"[\w][\w'’-]*", answer) if fold(w) not in STOPWORDS]
    return all(w[0].isupper() for w in rest) and any(fold(w) in TITLES for w in rest)  # "Minister Kim"; not "Trade Agreement"


# A place inside a country; not "state" or "region" ("Which state signed?" may ask for a country)
PLACE_ASKED = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?(city|cities|town|towns|province|provinces|"
                         r"municipality|village|villages)\b", re.I)  # not "county": a typo of "country" in SQuAD
# Countries that share their name with a city of theirs ("Singapore", "Mexico City") may answer either
CITY_COUNTRIES = {c for city, c in CAPITALS.items() if c.split()[0] in city}


def only_countries(answer: str) -> bool:
    """Whether the answer names a country and no other name (a city question answered "South Korea").

    >>> only_countries("South Korea"), only_countries("Seoul, South Korea"), only_countries("Singapore"), only_countries("a port")
    (True, False, False, False)
    """
    named, rest = countries_in(answer)
    return (bool(named) and not CITY_COUNTRIES & set(named)
            and not any(w[:1].isupper() for w in re.findall(r"[\w’'-]+", rest) if fold(w) not in STOPWORDS))


def _for_people(word: str) -> bool:
    """True if `word` is a word for people: from PEOPLE, or ending like one ("-ists", "-ians"),
    also as the head of a hyphenated word or with a possessive ("ladies-in-waiting", "teacher's").

    >>> [_for_people(w) for w in ("ladies-in-waiting", "teacher's", "physicians", "committee", "paper")]
    [True, True, True, True, False]
    """
    folded = re.sub(r"['’]s?$", "", fold(word))
    return any(w in PEOPLE or stem(w) in PEOPLE or PEOPLE_ENDING.match(w) for w in {folded, folded.split("-")[0]})


def _negated_word(question: str, sentence: str) -> str:
    """A word of `sentence` that is a word of the question with a negating prefix, or with
    "-less" or "-free" ('' if none).

    >>> _negated_word("What occurs when part of it isn't active?", "It occurs when parts are inactive.")
    'inactive'
    >>> _negated_word("What is not known?", "Nothing is unknown to them.")
    'unknown'
    >>> _negated_word("What engine works without pistons?", "A pistonless rotary engine such as the Wankel.")
    'pistonless'
    >>> _negated_word("What did they not build?", "They built a dam.")
    ''
    """
    asked = set(content_words(question))
    asked_stems = {stem(w) for w in asked}
    prefixed = (w for w in words(sentence) for p in NEGATING_PREFIXES
                if w.startswith(p) and w[len(p):] in asked and len(w) - len(p) >= 4)
    suffixed = (w for w in words(sentence) for x in ("less", "free")
                if w.endswith(x) and len(w) - len(x) >= 4 and stem(w[:-len(x)].rstrip("-")) in asked_stems)
    return next(prefixed, "") or next(suffixed, "")


REPEATS_QUESTION = "the answer only repeats what the question already names"
OTHER_PARTY = "the question asks about one country"
REPORTING = re.compile(r"\b(said|say|says|saying|stated?|states|announc(?:ed|es|e|ing|ement)|told|tells?|reported|reports?|"
                       r"noted|notes|added|described|describes|explained|argued|claimed|claims|according|spoke|speaks|quoted)\b")


def speaker_only(question: str, answer: str, cited: list[str]) -> bool:
    """True when the answer is just the subject of a cited sentence's reporting verb, with no
    title before it that the question asks about.

    "Officials said the committee will provide a forum …" tells who said it;
    "Officials" answers "Who will chair the committee?" no more than the
    newspaper does. A question about the saying itself ("Who said …?",
    "Who described …?") is answered by the speaker.

    >>> speaker_only("Who will chair the committee?", "Officials", ["Officials said the committee will meet."])
    True
    >>> speaker_only("Who said the committee will meet?", "Officials", ["Officials said the committee will meet."])
    False
    >>> speaker_only("Who will chair it?", "Joly", ["Officials said Joly will chair it."])
    False
    >>> speaker_only("Which two scientists held the theory?", "Koch and Behring", ["The theory, held by Koch and Behring, stated that …"])
    False
    >>> speaker_only("Who was NASA's deputy administrator?", "Hugh Dryden", ["NASA Deputy Administrator Hugh Dryden announced it."])
    False

    Deliberately not done: a longer answer that goes on past the speaker is
    not judged here; no list of speech verbs beyond `REPORTING`.
    """
    said = " ".join(words(answer))
    if not said or len(said.split()) > 6 or REPORTING.search(fold(question)):
        return False
    speaker = re.compile(rf"(?:^|\b)(?<!\bby ){re.escape(said)} (?:\w+ )?{REPORTING.pattern}")  # "held by X, stated": X is the agent
    asked = {stem(w) for w in content_words(question)}
    for text in (" ".join(words(c)) for c in cited):
        for m in speaker.finditer(text):
            titled = words(text[:m.start()])[-4:]  # "NASA Deputy Administrator Hugh L. Dryden announced …"
            if not any(stem(w) in asked for w in titled):
                return True
    return False


STANDS_FOR = re.compile(r"\b([A-Z]{2,6})s?\b(?=.*\b(?i:stands?|standing|short|an abbreviation) for\b)")  # "What does MOU stand for?"
ANNOUNCES = re.compile(r"\b(several|various|many|multiple|numerous|a (number|range|series|set) of)\s+\w+", re.I)
LISTS = re.compile(r"^(These|They|Those)\s+(include|included|includes|comprise|comprised|comprises)\b")
ASKED_KIND = re.compile(r"^\s*(?:which|what)\s+(?:specific\s+|particular\s+|exact\s+)?(.+?)\s*(?:\b(?:is|are|was|were|does|do|did|has|have|"
                        r"had|will|would|can|could|specifically|exactly|precisely|in particular)\b|\s[-–—]\s|[—,?])", re.I)
LISTING = re.compile(r"\b(such as|including|like|namely|notably|especially)\b|:", re.I)


NAMED_KINDS = frozenset("""company companies firm firms automaker automakers carmaker carmakers manufacturer
    manufacturers brand brands bank banks corporation corporations airline airlines country countries nation nations
    city cities town towns province provinces municipality municipalities village villages university universities
    official officials minister ministers executive executives politician politicians leader leaders""".split())
WHICH_KIND = re.compile(r"^\s*(?:(?:in|from|to|by|with|for|of)\s+)?which\s+(?:of\s+the\s+)?((?:[\w'’-]+\s*){1,4})", re.I)
AUXILIARY = re.compile(r"is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|may|might|must")
LEADS = re.compile(r"^\s*who\s+(?:will\s+|would\s+|is\s+going\s+to\s+)?(led|leads?|head(?:s|ed)?|chair(?:s|ed)?|"
                   r"found(?:s|ed)|direct(?:s|ed)?|command(?:s|ed)?|captain(?:s|ed)?|coach(?:es|ed)?|presid(?:es|ed|e))\b", re.I)


def named_kind(question: str) -> str:
    """The kind a "which …" question asks for, when its members have names of their own ('' otherwise).

    >>> named_kind("Which South Korean battery companies took part?"), named_kind("Which areas does it cover?")
    ('companies', '')
    >>> named_kind("Which Canadian province will host the plant?"), named_kind("Which Korean business leaders came?")
    ('province', 'leaders')
    >>> named_kind("Which country signed, Korea or Japan?")  # the question offers the names
    ''
    """
    if CHOICE.search(question):
        return ""
    m = WHICH_KIND.match(asked_sentence(question))
    for w in words(m.group(1)) if m else []:
        if w in NAMED_KINDS:
            return w
        if AUXILIARY.fullmatch(w):  # "Which areas are … countries" asks for areas
            return ""
    return ""


def names_beyond(question: str, answer: str, cited: list[str]) -> list[str]:
    """Names and numbers of the answer that the question does not hold.

    A capitalised word counts only if the cited sentences never write it in
    lower case: "Government representatives" opening an answer is not a name,
    "Hyundai" is.

    >>> names_beyond("Which Korean firms took part?", "South Korean government representatives", ["Korean government representatives met."])
    []
    >>> names_beyond("Which Korean firms took part?", "Hyundai and Kia", ["Hyundai and Kia took part."])
    ['hyundai', 'kia']

    A name that ends in a common noun the question uses is the question's own thing
    named in full, not a new one: "the Canada–Korea Industrial Cooperation Committee"
    does not say who will chair "the new Canada–Korea committee". It is one when that
    noun is the kind asked for ("Which company …?", "Fresno Traction Company"), and a
    name the question writes capitalised is no common noun ("Who founded Woodward
    Park?", "Ralph Woodward").

    >>> names_beyond("Who will chair the committee?", "The Industrial Cooperation Committee", ["It sets up an Industrial Cooperation Committee."])
    []
    >>> names_beyond("Which company ran the trams?", "Fresno Traction Company", ["Fresno Traction Company ran them."])
    ['fresno', 'traction']
    >>> names_beyond("Who founded Woodward Park?", "Ralph Woodward", ["It was founded by Ralph Woodward."])
    ['ralph']
    """
    lowered = {stem(w) for t in cited for w in LOWER_WORD.findall(t)}
    own = _own_names(question, answer)
    return [n for n in _new_names(question, answer, skip_sentence_starts=False) if n not in lowered and n not in own]


COUNTRY_ASKED = re.compile(r"\b(?:which|what)\s+(?:country|nation)\b", re.I)
COUNTRY_NAMES = sorted(set(CAPITALS.values()), key=len, reverse=True)  # "South Korea" before "Korea"


def _country_asked(question: str, evidence: list[Span]) -> tuple[str, list[Span]] | None:
    """For "Which country …?" answered with a country the question names: the one other country
    named by the evidence sentence that holds most of the question's words, and that sentence.

    >>> a = Span("a.txt", 0, 60, "South Korean officials held meetings in Canada as it was signed.", 0)
    >>> b = Span("a.txt", 61, 99, "South Korea builds batteries.", 1)
    >>> _country_asked("In which country were South Korean officials holding meetings?", [b, a])[0]
    'Canada'
    >>> _country_asked("In which country do South Korean firms build batteries?", [b]) is None  # only the question's
    True
    >>> _country_asked("Which country is Canada's auto sector tightly intertwined with?", [a]) is None  # not about it
    True

    Deliberately not done: only countries `metonyms.CAPITALS` knows, and only when the
    sentence names exactly one the question does not.
    """
    if not COUNTRY_ASKED.search(question) or not evidence:
        return None
    best = max(evidence, key=_overlap_with(question))
    asked = [stem(w) for w in words(question)]
    said = {stem(w) for w in content_words(COUNTRY_ASKED.sub(" ", question))} - set(names_and_numbers(question))
    if sum(found(w, stem_set([best.text])) for w in said) < min(2, len(said)):
        return None  # not a sentence about what the question asks ("… tightly intertwined with?" against the signing)
    named = [c for c in countries_in(best.text)[0] if not all(any(same_name(stem(w), a) for a in asked) for w in words(c))]
    return (named[0], [best]) if len(named) == 1 else None


def countries_in(text: str) -> tuple[list[str], str]:
    """The countries `text` names (longest names first, each once: "South Korea", not also "Korea"),
    and the text without them.

    >>> countries_in("Seoul, South Korea, and Canada")
    (['South Korea', 'Canada'], 'Seoul,  , and  ')
    """
    named = []
    for country in COUNTRY_NAMES:
        pattern = rf"\b{re.escape(country)}\b"
        if re.search(pattern, text):
            text, named = re.sub(pattern, " ", text), named + [country]
    return named, text


def _naming_people(question: str, cited: list[Span]) -> Span | None:
    """For a who-question answered only with names it already holds: the sentence the model
    cited that names people and holds every other word of the question (None if none does).

    >>> a = Span("a.txt", 0, 40, "Canada and South Korea signed a memorandum.", 0)
    >>> b = Span("a.txt", 41, 99, "It was signed by Industry Minister Mélanie Joly and Kim Jung-kwan.", 1)
    >>> _naming_people("Who signed the Canada-Korea MOU?", [b]).index, _naming_people("Who signed the Canada-Korea MOU?", [a])
    (1, None)
    >>> _naming_people("Who will chair the committee for Canada?", [b]) is None
    True

    Deliberately not done: the people are not picked out of the sentence, which is quoted
    whole; only the sentences the model cited count (any sentence that names people would
    also answer "Who designed the Chalet typeface?" from one about another typeface).
    """
    parts = [p for w in content_words(asked_sentence(question)) for p in w.split("-")]  # "Canada-Korea": two names
    names = set(names_and_numbers(question))
    asked = {stem(p) for p in parts if p and p not in STOPWORDS} - names  # what they did
    for span in cited:
        held = stem_set([span.text])
        people = [p for p in people_named(without_dateline(span.text))  # "MENA Newswire, OTTAWA: …" names no one
                  if p not in COUNTRY_NAMES and not names & set(names_and_numbers(p))]
        if asked and people and all(any(h == w or (same_name(w, h) and len(h) != len(w)) for h in held)
                                    for w in asked):  # "canada" in "Canadian"; but "chair" is no typo of "chain" here
            return span
    return None


def _own_name_in_whole(question: str, answer: str, cited: list[Span]) -> Span | None:
    """The cited sentence to quote when the answer only names what the question is about.

    Asked "What did the 2015 free trade agreement establish?", the model replies with the
    agreement's full name; its sentence, "…the Canada–Korea Free Trade Agreement, which entered
    into force in 2015 and established a tariff-reduction framework …", holds every word of the
    question, the verb included, so it says what the agreement did.

    >>> s = Span("a.txt", 0, 80, "It builds on the Free Trade Agreement, which established a tariff framework.", 0)
    >>> _own_name_in_whole("What did the free trade agreement establish?", "Free Trade Agreement", [s]) == s
    True
    >>> _own_name_in_whole("What did the free trade agreement ban?", "Free Trade Agreement", [s]) is None
    True

    Verbs of setting something up count as one ("set up", "put in place", "established"), and
    after such a verb the answer's name may call the question's subject by another noun ("the
    free trade deal"):
    >>> _own_name_in_whole("What did the free trade deal set up?", "Free Trade Agreement", [s]) == s
    True

    An acronym the answer spells out is that name: "what did the FTA establish".
    >>> _own_name_in_whole("what did the FTA establish", "Canada–Korea Free Trade Agreement", [s]) == s
    True

    Words that only stress the question or place its subject before another thing
    ("actually", "earlier", "previous") need not be in the sentence: the answer's name
    already says which subject it is.
    >>> _own_name_in_whole("What did the earlier free trade agreement actually put in place?", "Free Trade Agreement", [s]) == s
    True
    """
    question = _spelled_as_in(question, answer)
    asked_text = asked_sentence(question)
    acts_on = ACTS_ON.match(asked_text)
    if not acts_on or not (_own_names(question, answer) or (SETS_UP.search(asked_text) and _renames_subject(question, answer))):
        return None
    wanted = set(stems(acts_on.group(1)))  # "What kind of system did …": what is asked for need not be held
    asked = set(stems(SETS_UP.sub(" ", asked_text))) - GENERIC - wanted - BEFOREHAND
    renamed = [w for w in stems(answer) if not found(w, set(stems(asked_text)))]  # "agreement" for "deal"
    for span in cited:
        pool = stem_set([span.text])
        pool = _agreements_alike(pool)  # "the free trade deal" is its "Free Trade Agreement"
        missing = [w for w in asked if not found(w, pool)]
        if SETS_UP.search(asked_text) and not SETS_UP.search(span.text):
            continue
        if not missing or (len(missing) == 1 and len(renamed) == 1 and found(renamed[0], pool)):
            return span
    return None


def _title_of_named(question: str, answer: str, cited: list[Span]) -> tuple[str, list[Span]] | None:
    """For a question asking for a title, answered only with a person's name: the title the cited
    sentence gives that person, with the name, and that sentence (None when there is none).

    >>> s = Span("a.txt", 0, 90, "It was signed by Canadian Industry Minister Mélanie Joly and South Korea’s Minister of Trade, Industry and Energy, Kim Jung-kwan.", 0)
    >>> _title_of_named("Exact title of the Korean minister who signed?", "Kim Jung-kwan", [s])[0]
    'South Korea’s Minister of Trade, Industry and Energy, Kim Jung-kwan'
    >>> _title_of_named("Who signed for Korea?", "Kim Jung-kwan", [s]) is None  # no title asked
    True
    >>> _title_of_named("What is the title of the Korean minister?", "Minister of Trade, Industry and Energy", [s]) is None
    True

    Deliberately not done: an answer with more than the name ("Kim, who signed") is left to the
    other checks.
    """
    name = answer.strip(" .")
    if not POSITION_ASKED.search(asked_sentence(question)) or people_named(answer) != [name]:
        return None
    for span in cited:
        if (title := title_for(f"What is {name}'s title?", span.text)) and fold(title) not in fold(answer):
            return f"{title}, {name}", [span]
    return None


def _spelled_as_in(question: str, answer: str) -> str:
    """`question` with each acronym that `answer` spells out written as the answer writes it:
    ("what did the FTA establish", "the Free Trade Agreement") -> "what did the Free Trade Agreement establish"."""
    def spell(m: re.Match) -> str:
        spelled = expansion(m.group(0), [answer])
        found_at = re.search(r"\W+".join(re.escape(w) for w in spelled), fold(answer)) if spelled else None
        return answer[found_at.start():found_at.end()] if found_at and len(fold(answer)) == len(answer) else m.group(0)
    return re.sub(r"\b[A-Z]{2,6}\b", spell, question)


# Stress and "which one" words that a sentence holding the subject's name need not repeat
BEFOREHAND = frozenset(stem(w) for w in "actually really exactly specifically originally earlier previous prior former".split())
SETS_UP = re.compile(r"\b(?:set(?:s|ting)?\s+up|put(?:s|ting)?\s+in\s+place|establish\w*|creat\w*|introduc\w*|institut\w*)\b", re.I)


def _renames_subject(question: str, answer: str, longest: int = 6) -> bool:
    """Whether a short answer is made of the question's words but one: "Canada–Korea Free Trade
    Agreement" for "What did the 2015 free trade deal set up between Canada and Korea?".

    >>> _renames_subject("What did the free trade deal set up?", "Free Trade Agreement"), _renames_subject("What did it set up?", "A tariff framework")
    (True, False)
    """
    said = [w for w in stems(answer) if w not in GENERIC]
    asked = set(stems(asked_sentence(question)))
    return 2 <= len(said) <= longest and sum(not found(w, asked) for w in said) == 1


AGREEMENTS = frozenset(stem(w) for w in ("agreement", "pact", "deal", "accord", "treaty", "memorandum"))  # one kind of thing, by any name


def _agreements_alike(terms: set[str]) -> set[str]:
    """`terms` (stems) with every name for an agreement when they hold one: {"trade", "pact"} gains "agreement"."""
    return terms | AGREEMENTS if terms & AGREEMENTS else terms


NAME_ASKED = re.compile(r"\b(name[sd]?|call(?:s|ed)?|known as|title[sd]?|stands? for|term)\b", re.I)
_AUX = r"(?:do|does|did|will|would|can|could|has|have|had)\b"
# "What did X set up?", "What framework did X put in place?": group 1 is what is asked for ("framework")
ACTS_ON = re.compile(rf"^\s*(?:what|which)((?:\s+(?!{_AUX})[\w'’-]+){{0,3}}?)\s+{_AUX}", re.I)


def _own_names(question: str, answer: str) -> set[str]:
    """Stems of the answer's names that end in a common noun the question uses, other than the kind it asks for.

    "the Canada–Korea Industrial Cooperation Committee" names "the new Canada–Korea committee"
    of "Who will chair the new Canada–Korea committee?"; "Fresno Traction Company" answers
    "Which company …?".

    >>> sorted(_own_names("Who will chair the committee?", "The Industrial Cooperation Committee"))
    ['committee', 'cooperation', 'industrial', 'the']
    >>> _own_names("Which company ran the trams?", "Fresno Traction Company")
    set()

    So does a longer name ending in a name of two or more words that the question
    writes ("the Canada–Korea Industrial Cooperation Committee" and "Who will chair
    the Industrial Cooperation Committee?"):

    >>> sorted(_own_names("Who will chair the Industrial Cooperation Committee?", "The Canada–Korea Industrial Cooperation Committee"))
    ['canada', 'committee', 'cooperation', 'industrial', 'korea', 'the']

    A pact is an agreement: "What did the 2015 trade pact put in place?" is not answered
    by "Canada–Korea Free Trade Agreement", the pact's own name.

    >>> sorted(_own_names("What did the 2015 trade pact put in place?", "Canada–Korea Free Trade Agreement"))
    ['agreement', 'canada', 'free', 'korea', 'trad']

    Unless the question asks for that kind of thing: "Which pact did Canada sign with Korea?"
    >>> _own_names("Which pact did Canada sign with Korea?", "Canada–Korea Free Trade Agreement")
    set()
    """
    asked = asked_sentence(question)
    common, kind = {stem(w) for w in LOWER_WORD.findall(asked)}, stem(named_kind(question))
    common = _agreements_alike(common)  # "the trade pact": its "… Agreement"
    wanted = _agreements_alike(set(stems(m.group(1))) if (m := ACTS_ON.match(asked)) else set())  # "Which pact did …?" asks for one
    written = name_runs(asked)
    return {s for run in name_runs(answer)
            if (found(run[-1], common) and not (kind and similar(run[-1], kind)) and run[-1] not in wanted)
            or any(len(run) > len(w) and run[-len(w):] == w for w in written)
            for s in run}


def restates_kind(question: str, answer: str) -> bool:
    """True when a which-answer begins with the very kind the question asks for and names no member of it.

    >>> restates_kind("Which specific critical minerals does it cover?", "critical minerals used in batteries")
    True
    >>> restates_kind("Which minerals does it cover?", "minerals such as lithium and nickel")
    False
    >>> restates_kind("Which minerals does it cover?", "Lithium and nickel")
    False
    >>> restates_kind("Which minerals, for example lithium, does it name?", "minerals used in batteries")
    True
    >>> restates_kind("which critical minerals specifically - lithium, nickel?", "critical minerals used in batteries")
    True
    """
    m = ASKED_KIND.match(asked_sentence(question))
    if not m or LISTING.search(answer) or _new_names(question, answer):
        return False
    kind = [stem(w) for w in words(re.split(r"[,(;]", m.group(1))[0])]  # "Which minerals, for example lithium, …"
    said = [stem(w) for w in words(answer) if w not in ("the", "a", "an")]
    return bool(kind) and said[:len(kind)] == kind


def restates_question(question: str, answer: str, least: int = 5, most_new: int = 2) -> bool:
    """True when an answer of at least `least` content words adds at most `most_new` to the
    question's and gives no reason ("because", "thus", "to …").

    For "Why …?" questions: "Why is Warsaw's flora very rich in species?" → "The flora of
    the city may be considered very rich in species." says only what was asked about.

    >>> restates_question("Why is Warsaw's flora rich in species?", "The flora of the city may be considered very rich in species.")
    True
    >>> restates_question("Why did they lack experience governing cities?", "They were nomads and thus had no experience governing cities.")
    False

    Measured on SQuAD's 175 answerable why-questions: no gold answer restates its question.
    """
    if CAUSAL.search(answer):
        return False
    content = _own_words(answer)
    asked = stem_set([question])
    return len(content) >= least and sum(not found(stem(w), asked) for w in content) <= most_new


def _own_words(text: str) -> list[str]:
    """The words of `text` that say something: not stop words, not generic ones ("mention")."""
    return [w for w in words(text) if w not in STOPWORDS and w not in GENERIC]


def _generic_in_names(text: str) -> list[str]:
    """Generic words ("state", "document") that `text` capitalises inside a name: "the State Department".

    >>> _generic_in_names("The State Department"), _generic_in_names("Yes, State it.")
    (['state'], [])
    """
    return [fold(w) for w in re.findall(r"\b[A-Z][a-z]+(?=\s+[A-Z])", text) if fold(w) in GENERIC]


def only_repeats(question: str, answer: str, cited: list[str]) -> bool:
    """True when every content word of the answer is already in the question.

    A compass word before a name does not count as new ("South Korea" for "Korean";
    "Western instruments" is new). Questions that offer a choice ("Canada or Korea?")
    are exempt when the cited sentences name the choice; an example the question
    offers ("Which minerals, like lithium or nickel, …?") is no answer when they do not.

    >>> only_repeats("Which Korean carmaker will build a plant?", "South Korea", [])
    True
    >>> only_repeats("What type of instruments did they bring?", "Western instruments", [])
    False
    >>> only_repeats("Who signed for Canada?", "Canadian Industry Minister Mélanie Joly", [])
    False
    >>> only_repeats("Which actions can be reviewed?", "All actions can be reviewed.", [])  # "all" is the answer
    False
    >>> only_repeats("Which minerals, like lithium or nickel?", "lithium", ["Minerals such as lithium matter."])
    False
    >>> only_repeats("Which minerals, like lithium or nickel?", "lithium", ["Mineral resources matter."])
    True
    >>> only_repeats("What did the 2015 free trade agreement set up?", "Canada–Korea Free Trade Agreement", [])
    True
    >>> only_repeats("What framework did the 2015 trade agreement put in place?", "Canada–Korea Free Trade Agreement", [])
    True
    >>> only_repeats("What did they call the agreement?", "Canada–Korea Free Trade Agreement", [])
    False
    >>> only_repeats("What department in the U.S. led it?", "The State Department", [])  # "State" names it here
    False
    """
    if QUANTIFIER.match(answer):
        return False
    content = _own_words(BEFORE_NAME.sub("", answer)) + _generic_in_names(answer)
    offers = CHOICE.search(question) or without_offered(question) != question  # "A or B?", "— a, b, c?"
    if offers and all(found(stem(w), stem_set(cited)) for w in content):
        return False
    asked = stem_set([question])
    if ACTS_ON.match(asked_sentence(question)) and not NAME_ASKED.search(question):
        asked |= _own_names(question, answer)  # "What did the free trade agreement set up?": not its own name
    return bool(content) and all(found(stem(w), asked) for w in content)


SERIES = re.compile(r"(?:[\w’'-]+(?:\s+[\w’'-]+){0,2},\s+){2,}(?:and|or)\s+[\w’'-]+(?:\s+[\w’'-]+)?")  # "a, b c, d and e f"


def _lists_members(question: str, sentence: str) -> bool:
    """Whether `sentence` lists three or more things ("a, b, c and d"), two of them or more new to the
    question and none of them the kind a which-question asks for: a list of members, not of siblings.

    >>> q = "Which links in the chain are talks stretching toward?"
    >>> _lists_members(q, "Talks reach toward ecosystems that connect manufacturing, critical minerals, refining, and technology.")
    True
    >>> _lists_members("Which critical minerals does it name?", "It covers vehicles, batteries, and critical minerals.")
    False
    """
    m = SERIES.search(sentence)
    kind = ASKED_KIND.match(asked_sentence(question))
    if not m or not kind:
        return False
    items = [i for i in LIST_ITEM.split(m.group(0)) if i.strip()]
    of_kind, asked = {stem(w) for w in content_words(kind.group(1))}, stem_set([question])
    if any(stem(w) in of_kind for i in items for w in content_words(i)):
        return False
    return sum(not any(found(stem(w), asked) for w in content_words(i)) for i in items) >= 2


def _new_names(question: str, sentence: str, skip_sentence_starts: bool = True) -> list[str]:
    """Names and numbers of `sentence` that the question does not hold ('korean' holds 'korea';
    compass words and spelled-out counts, "the two countries", are not names of their own).

    >>> _new_names("Which Korean economy is Canada tied to?", "Canada is tied to Mexico and South Korea.")
    ['mexico']
    """
    asked = stem_set([question])
    return [n for n in names_and_numbers(sentence, skip_sentence_starts=skip_sentence_starts)
            if n not in COMPASS and n not in NUMBER_WORDS and not found(n, asked)]


def _copies(answer: str, sentence: str) -> bool:
    """True when `answer` is most of `sentence` word for word (a long sentence, not a phrase)."""
    a, s = words(answer), words(sentence)
    if len(s) < 12 or len(a) < 0.8 * len(s):
        return False
    said = set(a)
    return sum(w in said for w in s) >= 0.85 * len(s)


def _opening_only(question: str, answer: str, cited: list[Span], least: int = 6) -> Span | None:
    """The cited sentence whose opening the answer copies, stopping before the words the question asks about.

    Asked "What do both governments say the deal is designed to deepen?", the
    model copies the start of "Canada and South Korea signed a memorandum …, with
    both governments saying the deal is designed to deepen cooperation on …": an
    answer of at least `least` words that holds none of the question's words,
    from a sentence whose rest holds two or more of them. The caller quotes the
    whole sentence instead.

    >>> s = Span("a.txt", 0, 120, "Canada and Korea signed a memorandum, with both saying it is designed to deepen ties.", 0)
    >>> _opening_only("What is the deal designed to deepen?", "Canada and Korea signed a memorandum", [s]) == s
    True
    >>> _opening_only("Who signed a memorandum?", "Canada and Korea signed a memorandum", [s]) is None  # on the question
    True
    >>> _opening_only("What is the deal designed to deepen?", "Canada and Korea signed a memorandum. It is new.", [s]) == s
    True

    Deliberately not done: a copied clause from the middle of a sentence is kept
    (most such answers are right: "major global automakers and battery manufacturers").
    """
    asked = [w for w in stems(asked_sentence(question)) if w not in GENERIC]
    said = set(stems(answer))
    if len(words(answer)) < least or any(found(w, said) for w in asked):
        return None
    opening = fold(re.split(r"(?<=[.!?])\s+", answer.strip())[0]).strip(" .")  # "… collaboration. It places …": its first sentence
    for span in cited:
        text = fold(span.text)
        body = re.sub(r"^[^:]{0,40}:\s*", "", text)  # after a dateline ("OTTAWA: …")
        if text.startswith(opening) or body.startswith(opening):
            rest = set(stems(text.replace(opening, " ", 1)))
            if sum(found(w, rest) for w in asked) >= 2:
                return span
    return None


def _long_extract(answer: str, sentence: str, least: int = 10) -> bool:
    """True when `answer` is a long run of `sentence`'s own words (a clause copied, not a phrase)."""
    a = words(answer)
    said = set(words(sentence))
    return len(a) >= least and sum(w in said for w in a) >= 0.9 * len(a)


def _yes_no(question: str, answer: str, cited: list[Span], evidence: list[Span] | None = None,
            documents: list[str] | None = None, titled: set[str] = frozenset()) -> Verdict:
    """Check a reply to a yes/no question; `documents` are the texts the evidence comes from (for acronyms),
    `titled` the words their file names give as what they are about (a "Yes" need not cite a sentence naming them)."""
    if polarity(answer) == "no":  # a "yes" is re-cited only when its sentence lacks the question's names (below)
        cited = _about_the_question(question, cited, evidence or [])
        if kept := _kept_as_asked(question, cited):
            return Verdict(False, f"Yes. {_said(kept)}", [kept], reason="the cited sentence says that what the question asks about stays as it is")
        if not any(negates_question(question, s.text) for s in cited):  # cite the sentence that says no, if one does
            cited = [s for s in evidence or [] if negates_question(question, s.text)][:1] or cited
        claim = reported_claim(question)  # "X says Korea pledged $10 billion. Did it lock in a figure like that?"
        denies = any(negates_question(question, s.text) for s in cited)  # "It does not replace that agreement" for "Does the MOU supersede the FTA?"
        if not any(map(_overlap_with(question), cited)) and not denies and not (claim and any(map(_overlap_with(claim), cited))):  # "Can it be renewed?" → "No, it does not announce a plant"
            return Verdict(True, DECLINED, reason="a no needs a sentence about the question's claim, and the cited one holds none of its words")
        if not denies and not _holds_more_than_names(question, cited) and not (claim and _holds_more_than_names(claim, cited)):
            return Verdict(True, DECLINED, reason="a no needs a sentence about the question's claim, and the cited one holds only its names")
        if SILENT_SOURCE.search(answer) and not denies:
            return Verdict(True, DECLINED, reason="the no says only that the documents do not mention it: that is no answer")
    negating = [s for s in cited if negates_question(question, s.text)]
    said = polarity(answer)
    if negating and said != "no":
        return _quoted_no(negating[0], "a cited sentence negates the question")
    if said == "yes" and (denying := _denied_elsewhere(question, cited, evidence or [], documents)):
        return _quoted_no(denying, "the cited sentence is not about the claim, and one more about it negates it")
    # a yes rests on one sentence: "Did Kim sign the 2015 FTA?" is not held by Kim's sentence and the FTA's together
    if said != "no" and (absent := min(([t for t in missing_terms(asked_sentence(question), [s.text], documents=documents)
                                         if t not in titled] for s in cited), key=len, default=[])):
        for span in evidence or []:  # the model cited the wrong sentence: one it saw may settle the claim
            if negates_question(question, span.text) and not missing_terms(asked_sentence(question), [span.text], documents=documents):
                return _quoted_no(span, "the cited sentence is not about the claim, and another sentence negates it")
        about = _about_the_question(question, cited, evidence or [])
        if about == cited:  # none more about the claim by two words: one that holds every name and more than names
            about = _holding_every_name(question, cited, evidence or [], documents) or cited
        if about == cited or missing_terms(asked_sentence(question), [s.text for s in about], documents=documents):
            return Verdict(True, DECLINED, reason=f"a yes needs a sentence about {', '.join(absent)}, and none is cited")
        cited, answer = about, f"Yes. {_said(about[0])}"  # the sentence about the claim, which negates nothing
    if said != "no" and not any(map(_overlap_with(question), cited)) and not reported_claim(question):  # "Can either side withdraw?" → "Yes" of the dateline
        if _about_the_question(question, cited, evidence or []) == cited:  # else the sentence about the claim is quoted below
            return Verdict(True, DECLINED, reason="a yes needs a sentence about the question's claim, and the cited one holds none of its words")
    if said != "no":
        for span in cited:  # "Is Kim Canada's minister?" when the sentence makes Joly Canada's minister
            if holder := tied_elsewhere(asked_sentence(question), span.text) or paired_elsewhere(asked_sentence(question), span.text):
                return _quoted_no(span, f"the cited sentence ties what the question pairs with its person to {holder}")
            if other_role(asked_sentence(question), span.text):
                return _quoted_no(span, "the cited sentence gives the person another title")
    if said is None:
        answer = ("No. " if negating else "Yes. ") + answer
    cited = _closest(question, cited)
    # a bare "Yes." says nothing of its own, nor does "No, it does not supersede the FTA" for "Does it supersede the FTA?"
    echo = said and (len(answer.split()) <= 2 or echoes_question(question, answer))
    # a Yes from a sentence less about the claim than one the model saw; a No in words of a sentence it does not cite
    rare = _rare_words(question, documents or [])  # "hydrogen" says what the claim is about more than "deal" does
    about = _about_the_question(question, cited, evidence or [], rare=rare)
    if said == "yes" and about == cited:  # "Does hydrogen figure in the deal?" → "Yes" of a sentence on the deal
        about = _holding_rare(question, cited, evidence or [], rare) or cited
    better = said == "yes" and about != cited
    if (echo or better or _off_claim(question, answer, cited) or _leaves_out_instead(question, answer, cited)
            or (said and support_ratio(answer, question, [s.text for s in cited]) < MIN_SUPPORT)):
        if said == "yes":  # the quote is the code's: of the sentences the model saw, the one about the claim
            cited = [s for s in about if not negates_question(question, s.text)] or cited
        answer = f"{said.capitalize()}. {_said(cited[0])}"  # quote what the verdict rests on, not words from elsewhere
    return Verdict(False, answer, cited, reason="yes/no answer supported by its citations")


def _off_claim(question: str, answer: str, cited: list[Span]) -> bool:
    """Whether a "No" denies something other than the question's claim, in words that hold none of
    it, while the sentence it cites does: "Is this a contract to buy vehicles?" → "No, it does not
    announce a new plant", of "It is a cooperation framework rather than a vehicle procurement
    contract, and it does not announce a new plant". A "No" that says what is so instead ("No, it
    adds a mechanism") is the model's answer, and kept.

    >>> s = [Span("a.txt", 0, 99, "It is a framework rather than a vehicle contract, and it does not announce a plant.", 0)]
    >>> _off_claim("Is this a contract to buy vehicles?", "No, it does not announce a plant.", s)
    True
    >>> _off_claim("Is there a new plant?", "No, it does not announce a plant.", s)
    False
    >>> _off_claim("Is this a contract to buy vehicles?", "No, it is a framework.", s)
    False
    """
    if polarity(answer) != "no" or not NEGATION.search(re.sub(r"^\W*no\b", "", answer, flags=re.I)):
        return False
    own = set(stems(asked_sentence(question))) - GENERIC
    said, held = stem_set([answer]), stem_set([s.text for s in cited])
    return not any(found(w, said) for w in own) and any(found(w, held) for w in own)


INSTEAD = re.compile(r"\b(?:rather than|instead of)\b", re.I)


def _leaves_out_instead(question: str, answer: str, cited: list[Span]) -> bool:
    """Whether a "No" leaves out what its sentence says is so instead of the question's claim:
    "Is this a contract to buy vehicles?" → "No, it is not a vehicle procurement contract", of "It is
    a cooperation framework rather than a vehicle procurement contract". The quote says both.

    >>> s = [Span("a.txt", 0, 99, "The memorandum is a cooperation framework rather than a vehicle procurement contract.", 0)]
    >>> _leaves_out_instead("Is this a contract to buy vehicles?", "No. The memorandum is not a vehicle procurement contract.", s)
    True
    >>> _leaves_out_instead("Is this a contract to buy vehicles?", "No, it is a cooperation framework.", s)
    False
    >>> _leaves_out_instead("Is this a cooperation framework?", "No, it is not a contract.", s)  # the claim is what is so
    False

    Deliberately not done: only "rather than" and "instead of"; what is so is read as the word
    before them (the head of "a cooperation framework"), and the claim as the words after, up to
    the next comma.
    """
    if polarity(answer) != "no":
        return False
    said, asked = stem_set([answer]), stem_set([asked_sentence(question)])
    for span in cited:
        for m in INSTEAD.finditer(span.text):
            before = [w for w in stems(span.text[:m.start()]) if w not in GENERIC]
            head = before[-1] if before else ""  # "framework"
            after = set(stems(re.split(r"[,;:.]", span.text[m.end():])[0])) - GENERIC
            if head and any(found(w, asked) for w in after) and not found(head, asked) and not found(head, said):
                return True
    return False


def _holding_rare(question: str, cited: list[Span], evidence: list[Span], rare: frozenset[str]) -> list[Span]:
    """For a "Yes" whose cited sentences hold none of the words of the question the documents use only
    once (`_rare_words`): the evidence sentence ranked above them that holds each of them, more of the
    question's words than every cited one, and negates nothing ([] if none does). Both signs must
    agree: "… more Korean car companies operating here?" is not about "company decisions" below.

    >>> q = "Does hydrogen figure anywhere in the deal?"
    >>> a = Span("a.txt", 0, 50, "The deal widens talks beyond tariffs.", 0)
    >>> b = Span("a.txt", 51, 99, "The text also references hydrogen mobility.", 1)
    >>> [s.index for s in _holding_rare(q, [a], [b, a], frozenset({"hydrogen"}))], _holding_rare(q, [b], [b, a], frozenset({"hydrogen"}))
    ([1], [])
    >>> _holding_rare(q, [a], [a, b], frozenset({"hydrogen"}))  # ranked below the cited sentence
    []
    >>> _holding_rare("Is hydrogen excluded?", [a], [Span("a.txt", 51, 99, "It does not cover hydrogen.", 1), a], frozenset({"hydrogen"}))
    []

    Deliberately not done: a rare word no evidence sentence holds is left to the other checks, and so
    is a tie ("Hydrogen in scope?" of a sentence on the talks' scope, a word the documents use once too).
    """
    held = stem_set([s.text for s in cited])
    if not rare or any(found(w, held) for w in rare):  # "… build industrial ties …?" cited to the ties, not to what "builds on" the FTA
        return []
    overlap = _overlap_with(question, rare)
    most = max((overlap(s) for s in cited), default=0)
    first = min((evidence.index(s) for s in cited if s in evidence), default=len(evidence))
    holding = [s for s in evidence[:first] if not negates_question(question, s.text) and overlap(s) > most
               and all(found(w, stem_set([s.text])) for w in rare)]
    return [max(holding, key=overlap)] if holding else []


def _holding_every_name(question: str, cited: list[Span], evidence: list[Span], documents: list[str] | None) -> list[Span]:
    """For a "Yes" whose cited sentence lacks a name of the question: the evidence sentence that holds
    every name and a word of the claim besides, and negates nothing ([] if none does).

    >>> q = "Is there something about minerals for EV parts?"
    >>> a = Span("a.txt", 0, 50, "Trade talks now reach minerals and refining.", 0)
    >>> b = Span("a.txt", 51, 120, "It supports cooperation on critical minerals used in electric vehicle (EV) parts.", 1)
    >>> [s.index for s in _holding_every_name(q, [a], [a, b], None)]
    [1]
    >>> _holding_every_name("Did Hyundai build EV parts?", [a], [a, b], None)
    []
    """
    overlap = _overlap_with(question)
    whole = [s for s in evidence if s not in cited and not negates_question(question, s.text)
             and not missing_terms(asked_sentence(question), [s.text], documents=documents) and _holds_more_than_names(question, [s])]
    return [max(whole, key=overlap)] if whole else []


def _holds_more_than_names(question: str, cited: list[Span]) -> bool:
    """Whether a cited sentence holds a word of the question besides its names, or the question has
    no other words. "Are there subsidies or tax credits for Korean firms in Canada?" is not
    answered "No" by a sentence that names Korea and Canada and says nothing of subsidies.

    >>> s = Span("a.txt", 0, 60, "For South Korea, it provides a platform in the Canadian market.", 0)
    >>> _holds_more_than_names("Are there subsidies for Korean firms in Canada?", [s])
    False
    >>> _holds_more_than_names("Is there a platform for Korean firms?", [s]), _holds_more_than_names("Is it Korea?", [s])
    (True, True)
    >>> _holds_more_than_names("Does the MOU supersede the FTA?", [Span("a.txt", 0, 40, "It leaves trade arrangements intact.", 0)])
    True
    """
    asked = asked_sentence(question)
    if CHANGE_VERB.search(asked) and any(PRESERVED.search(s.text) for s in cited):
        return True  # "Does it supersede the FTA?": "… leaving existing trade arrangements intact" is about change
    own = set(stems(asked)) - GENERIC - set(names_and_numbers(asked))
    held = stem_set([s.text for s in cited])
    return not own or any(found(w, held) for w in own)


def echoes_question(question: str, answer: str) -> bool:
    """Whether a yes/no answer says nothing beyond its "yes" or "no": every word of it that says
    something is the question's own (its negation aside).

    >>> echoes_question("Does it replace the FTA?", "No, it does not replace the FTA.")
    True
    >>> echoes_question("Is there a binding investment?", "No, it does not announce a binding investment commitment.")
    False
    """
    asked = stem_set([question])
    return all(found(stem(w), asked) for w in _own_words(answer) if not NEGATION.fullmatch(w))


def _denied_elsewhere(question: str, cited: list[Span], evidence: list[Span], documents: list[str] | None = None,
                      margin: int = 1) -> Span | None:
    """For a "Yes": an evidence sentence that negates the question and holds at least `margin` more
    of its words than every cited one (None if there is none). The question's names must be in it or
    in the cited sentences: "It does not replace the FTA" says nothing of "the Investment Treaty".
    Its other words that a cited sentence holds must be in it too: "Is hydrogen mentioned in the
    agreement?" cited to the hydrogen sentence is not denied by "It does not replace that agreement".

    >>> q = "Are the Koreans locked into any binding investment?"
    >>> a = Span("a.txt", 0, 50, "For South Korea, it provides a platform.", 0)
    >>> b = Span("a.txt", 51, 99, "It does not announce a binding investment commitment.", 1)
    >>> _denied_elsewhere(q, [a], [a, b]).index, _denied_elsewhere(q, [b], [a, b])
    (1, None)
    >>> h = Span("a.txt", 0, 50, "The text also references hydrogen mobility.", 0)
    >>> r = Span("a.txt", 51, 99, "The new memorandum does not replace that agreement.", 1)
    >>> _denied_elsewhere("Is hydrogen mobility mentioned in the new agreement?", [h], [h, r]) is None
    True
    """
    asked = asked_sentence(question)
    overlap = _overlap_with(question)
    most = max((overlap(s) for s in cited), default=0)
    named, held = set(names_and_numbers(asked)), stem_set([c.text for c in cited])
    kept = [w for w in set(stems(asked)) - GENERIC - named if found(w, held)]  # what the "Yes" rests on
    denying = [s for s in evidence if s not in cited and negates_question(question, s.text) and overlap(s) >= most + margin
               and all(found(w, _agreements_alike(stem_set([s.text]))) for w in set(kept) - _premodifiers(asked, stem_set([s.text])))
               and not missing_terms(asked, [s.text] + [c.text for c in cited], documents=documents)]
    return max(denying, key=overlap, default=None)


DETERMINERS = frozenset("a an the any some no another its their his her our this that these those".split())


def _premodifiers(question: str, heads: set[str]) -> set[str]:
    """Stems of the words that only narrow a noun whose stem `heads` holds: what a sentence denying the bare noun denies too.

    "It does not announce a new plant" denies "a new battery or auto plant", so a
    denial need not repeat "battery" or "auto".

    >>> sorted(_premodifiers("Does it announce a new battery or auto plant in Canada?", {"plant", "announce"}))
    ['auto', 'battery', 'new']
    >>> _premodifiers("Is hydrogen mobility mentioned in the new agreement?", {"agreement"})
    {'new'}

    Deliberately not done: no parsing. Only one to three words between a determiner
    ("a", "any", "the", …) and the noun count, joined by nothing, "or" or "and"; a noun
    with no determiner before it ("Did it create battery plants?") narrows nothing here.
    """
    tokens, out = words(question), set()
    for i, w in enumerate(tokens):
        if stem(w) not in heads:
            continue
        j = i - 1
        while j >= 0 and (tokens[j] in ("or", "and") or tokens[j] not in STOPWORDS):
            j -= 1
        run = [t for t in tokens[j + 1:i] if t not in ("or", "and")]
        if j >= 0 and tokens[j] in DETERMINERS and 0 < len(run) <= 3:
            out |= {stem(t) for t in run}
    return out


RARE = 1  # a word the documents use once names what a claim is about ("sector", used twice, did not: measured)


def _rare_words(question: str, documents: list[str]) -> frozenset[str]:
    """The question's content stems that `documents` use, but at most `RARE` times.

    >>> sorted(_rare_words("Does hydrogen come up in the deal?", ["The deal, the deal, the deal. Hydrogen too."]))
    ['hydrogen']

    Deliberately not done: exact stems only, and no weighting beyond rare or not.
    """
    counts = _stem_counts(tuple(documents))
    return frozenset(w for w in set(stems(asked_sentence(question))) - GENERIC if 0 < counts[w] <= RARE)


@lru_cache(maxsize=4)
def _stem_counts(documents: tuple[str, ...]) -> Counter:
    """How often each content stem occurs in `documents` (computed once per set of documents)."""
    return Counter(s for d in documents for s in stems(d))


def _about_the_question(question: str, cited: list[Span], evidence: list[Span], margin: int = 2,
                        rare: frozenset[str] = frozenset(), before: Callable[[Span], str] | None = None) -> list[Span]:
    """For a "No", or a "Yes" the code quotes: cite the evidence sentence about the question's claim when the model cited another.

    A yes/no answer is a verdict on the question's claim, so its citation
    should be the sentence that states (or negates) that claim. When an evidence
    sentence holds at least `margin` more of the question's content words than
    every cited one, it replaces them. With `before` (the sentence before a span), a span's
    "that agreement" also holds the name the sentence before gives it (`lexical.with_antecedent`).

    >>> q = "Does the memorandum change existing North American trade arrangements?"
    >>> a = Span("a.txt", 0, 40, "Trade talks now reach beyond tariffs.", 0)
    >>> b = Span("a.txt", 41, 90, "It leaves existing North American trade arrangements intact.", 1)
    >>> [s.index for s in _about_the_question(q, [a], [a, b])]
    [1]
    >>> q = "What does the memo add to the existing free trade pact?"
    >>> c = Span("a.txt", 91, 140, "It does not replace that agreement; it adds a mechanism.", 2)
    >>> d = Span("a.txt", 141, 200, "It leaves existing free trade arrangements intact.", 3)
    >>> earlier = lambda s: "It builds on the Free Trade Agreement." if s is c else ""
    >>> [s.index for s in _about_the_question(q, [c], [c, d])], [s.index for s in _about_the_question(q, [c], [c, d], before=earlier)]
    ([3], [2])
    """
    overlap = _overlap_with(question, rare, before)
    best = max(evidence, key=overlap, default=None)
    if best is None or best in cited or not cited:
        return cited
    return [best] if overlap(best) >= max(overlap(s) for s in cited) + margin else cited


BENEFIT = re.compile(r"\b(?:in it for|get|gets|gain|gains|benefit|benefits|offer|offers|stand to)\b", re.I)
FOR_PARTY = re.compile(r"\b(?i:for)\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")  # "for South Korea, it provides …"


def _overlap_with(question: str, rare: frozenset[str] = frozenset(),
                  before: Callable[[Span], str] | None = None) -> Callable[[Span], int]:
    """A function counting the question's content words (stems) that a span holds; those in `rare` count twice
    (and, with `before`, the name its "that <noun>" takes from the sentence before: `_about_the_question`).

    A question about what a party gets ("What's in it for South Korea?", "What does Canada
    gain?") counts the phrase "for <party>" twice more: "…; for South Korea, it provides an
    additional platform …" says what it gets, "South Korea, home to major automakers, …"
    only names it.

    >>> overlap = _overlap_with("What's in it for South Korea?")
    >>> overlap(Span("a.txt", 0, 50, "South Korea, home to automakers, makes batteries.", 0))
    2
    >>> overlap(Span("a.txt", 0, 60, "For Canada, it means jobs; for South Korea, it provides a platform.", 1))
    4
    >>> _overlap_with("what does south korea get out of it?")(Span("a.txt", 0, 60, "For Canada, it means jobs; for South Korea, it provides a platform.", 1))
    4
    >>> _overlap_with("and what does korea get out of it?")(Span("a.txt", 0, 60, "For Canada, it means jobs; for South Korea, it provides a platform.", 1))
    3
    >>> _overlap_with("Is Canada tied to the U.S.?")(Span("a.txt", 0, 40, "Canada seeks non-U.S. partners.", 2))
    1
    >>> _overlap_with("Does it include provisions for renewal?")(Span("a.txt", 0, 40, "It sets out areas, including trade.", 3))
    0
    >>> _overlap_with("Is it tied to the United States?")(Span("a.txt", 0, 40, "It is tied to the United States.", 4))
    3
    """
    asked_text = asked_sentence(question)
    # not the "u" of "U.S.", which "non-U.S." holds too; not "include" or "states" ("the United States" is a name)
    asked = {w for t in re.findall(r"[\w][\w'’-]*", asked_text) if not (t.islower() and fold(t) in GENERIC)
             for w in stems(t) if len(w) > 1} - GENERIC
    benefit, asked_words = BENEFIT.search(asked_text), set(words(asked_text))

    def overlap(span: Span) -> int:
        pool = set(with_antecedent(span.text, before(span))) if before else stem_set([span.text])
        bonus = 2 * bool(benefit) * any(set(words(p)) - COMPASS <= asked_words for p in FOR_PARTY.findall(span.text))
        return sum(found(w, pool) * (1 + (w in rare)) for w in asked) + bonus

    return overlap


def _claim_sentence(question: str, evidence: list[Span]) -> list[Span]:
    """For a bare "Yes"/"No" that cites nothing: the evidence sentence holding most of the question's words.

    Remote backends get no grammar, and a model may reply just "No". The yes/no
    checks then judge this sentence as if the model had cited it (a "No" is
    re-cited to a sentence that negates the claim, a "Yes" needs the claim's terms).

    >>> a = Span("a.txt", 0, 30, "A committee was set up.", 0)
    >>> b = Span("a.txt", 31, 90, "It does not replace the trade agreement.", 1)
    >>> [s.index for s in _claim_sentence("Does it replace the trade agreement?", [a, b])]
    [1]
    >>> _claim_sentence("Is the sky green?", [a, b])
    []
    """
    overlap = _overlap_with(question)
    best = max(evidence, key=overlap, default=None)
    return [best] if best is not None and overlap(best) > 0 else []


def _closest(question: str, cited: list[Span]) -> list[Span]:
    """Of several citations of a yes/no answer, those holding most of the question's words.

    >>> q = "Is the car industry integrated with the United States?"
    >>> a = Span("a.txt", 0, 60, "The car industry is integrated with the United States.", 0)
    >>> b = Span("a.txt", 61, 99, "The agreement sets up a committee.", 1)
    >>> [s.index for s in _closest(q, [b, a])]
    [0]
    """
    overlap = _overlap_with(question)
    most = max((overlap(s) for s in cited), default=0)
    return [s for s in cited if overlap(s) == most]


QUOTED = "The documents say:"  # how answers the code builds from a sentence begin their quote


def _said(span: Span) -> str:
    return f"{QUOTED} “{' '.join(span.text.split())}”"


KEPT = re.compile(r"\b(?:stay|stays|remain|remains|kept|keep|keeps|as (?:they|it) (?:are|is|were|was)|survive|survives|"
                  r"intact|unchanged|unaffected|untouched|in place)\b", re.I)


def _kept_as_asked(question: str, cited: list[Span]) -> Span | None:
    """For a "No" to "Will X stay as it is?": a cited sentence that says X is left intact (None if none does).

    >>> s = Span("a.txt", 0, 90, "It expands ties with other partners, while leaving existing North American trade arrangements intact.", 0)
    >>> _kept_as_asked("Will the existing North American trade arrangements stay as they are?", [s]).index
    0
    >>> _kept_as_asked("Does it change the existing North American trade arrangements?", [s]) is None   # a change question: "No" is right
    True

    Deliberately not done: only the words of `KEPT` in the question and of `PRESERVED` in the sentence,
    which must hold a word of the question besides its names and negate nothing.
    """
    asked = asked_sentence(question)
    if not KEPT.search(asked) or CHANGE_VERB.search(asked):
        return None
    return next((s for s in cited if PRESERVED.search(s.text) and not negates_question(question, s.text)
                 and _holds_more_than_names(question, [s])), None)


def _quoted_no(span: Span, reason: str) -> Verdict:
    return Verdict(False, f"No. {_said(span)}", [span], reason=reason)


def _holding(answer: str, cited: list[Span], share: float = 0.5) -> list[Span]:
    """The cited sentences that hold the answer: those holding at least `share` of its words if
    any does, else those holding one of them, else all of them.

    Whether an answer is about what the question names is judged on these: a
    sentence cited only because it names the question's subject ("the Free Trade
    Agreement …") does not make a date taken from another sentence its date.

    >>> a = Span("a.txt", 0, 40, "The treaty entered into force in 2015.", 0)
    >>> b = Span("a.txt", 41, 90, "The memorandum was signed on January 29.", 1)
    >>> [s.index for s in _holding("January 29", [a, b])], [s.index for s in _holding("In force", [a, b])]
    ([1], [0])

    A sentence that shares a word or two of a long answer does not hold it when another
    holds at least `share` of the answer's words: "Minister of Trade, Industry and Energy,
    Kim Jung-kwan" is not taken from "the Canada–Korea Free Trade Agreement".

    >>> c = Span("a.txt", 0, 90, "It was signed by Trade Minister Kim Jung-kwan of South Korea.", 2)
    >>> d = Span("a.txt", 91, 160, "It builds on the Korea Free Trade Agreement.", 3)
    >>> [s.index for s in _holding("Trade Minister Kim Jung-kwan of South Korea", [d, c])]
    [2]
    """
    said = set(stems(answer)) - GENERIC
    held = [(s, sum(found(w, stem_set([s.text])) for w in said)) for s in cited]
    return [s for s, n in held if n >= share * len(said)] or [s for s, n in held if n] or cited


def _useful(answer: str, question: str, cited: list[Span]) -> list[Span]:
    """The fewest cited spans that hold all of the answer's own words that the citations hold.

    Greedy cover: the span holding most of the answer's own words (not the
    question's) comes first; another is kept only if it adds a word the kept
    ones lack. A second citation that merely shares a word ("Industrial" for
    "Industry") is dropped; a list spread over two sentences keeps both. At
    least one citation is always kept.

    >>> a = Span("a.txt", 0, 40, "Kim is Minister of Trade, Industry and Energy.", 0)
    >>> b = Span("a.txt", 41, 90, "It sets up an Industrial Cooperation Committee.", 1)
    >>> [s.index for s in _useful("Minister of Trade, Industry and Energy", "What is Kim's title?", [b, a])]
    [0]
    """
    asked = stem_set([question])
    own = {s for s in stems(answer) if s not in GENERIC and not found(s, asked)}

    holds = [{w for w in own if found(w, stem_set([span.text]) | counted(question, [span.text]))} for span in cited]
    kept, covered = [], set()
    for _ in cited:  # each round keeps one more span, or stops
        best = max(range(len(cited)), key=lambda i: len(holds[i] - covered))  # ties: the model's own order
        if not holds[best] - covered:
            break
        kept.append(cited[best])
        covered |= holds[best]
    return kept or cited[:1]


def _best_support(answer: str, candidates: list[Candidate]) -> list[Span]:
    """For replies without citation numbers: the candidate sharing most answer words."""
    own = set(stems(answer))
    scored = [(len(own & set(stems(c.span.text))), i) for i, c in enumerate(candidates)]
    best = max(scored, default=(0, 0))
    return [candidates[best[1]].span] if best[0] > 0 else []


