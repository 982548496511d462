"""A second look by the model at long answers copied from the evidence.

Asked something the documents do not say about a subject they do mention, the
local model tends to copy a whole sentence about that subject: "Who is the
president of South Korea?" -> "South Korea, home to major global automakers and
battery manufacturers, has built …". The lexical checks cannot tell such copies
from right ones (paraphrases leave out the question's words just as often), but
the model itself, shown only the cited text, the question and the answer and
asked "Does the text state this answer to this question?", puts low odds on
"Yes" for most of them:

>>> from .grounding import Verdict
>>> from .types import Span
>>> v = Verdict(False, "South Korea, home to major global automakers, has built extensive battery capacity.",
...             [Span("a.txt", 0, 80, "South Korea, home to major global automakers, has built extensive battery capacity.", 0)])
>>> needs_check("Who is the president of South Korea?", v), needs_check("Who signed?", Verdict(False, "Joly and Kim", []))
(True, False)

Measured (session 10; README, "Measured figures"): on the stored long answers of
eleven runs, below 0.6 on "Yes" were all 6 unanswerable seed-article questions
answered this way and no right answer there; run live, it raised declining on 210
blind seed questions from 0.73 to 0.85 with no right answer lost, and on three
SQuAD 2.0 samples declined 6 more unanswerable questions and lost 2 right answers.

Short answers (under `Config.check_min_words`, 10 words) are checked against
their own, lower threshold (`Config.short_check_threshold`, 0.5): the model
doubts right short answers more often. Session 12 checked them at 0.6 and lost
2 of 150 right SQuAD answers and, live, a right seed answer it doubted at 0.58
("Who inked the deal for Ottawa?" → "Canada's Industry Minister Mélanie Joly").
Session 20, on the stored short answers of four blind seed sets and six SQuAD
samples: at 0.5 the look declined 23 of 122 answered unanswerable SQuAD questions,
1 of 10 on the seed article and 2 of 44 wrong answers, and none of 253 right ones
(at 0.6: 31 of 122, and 7 right ones lost). It costs about a second an answer.
A count the cited sentences show only by listing the things ("3" for "workstreams …, including
manufacturing, technology cooperation and investment promotion") is not checked either: asked
whether the text states "3", the model says no (p=0.36 on a blind seed question, session 23).
Deliberately not done: yes/no answers and the code's own quotes
("The documents say: …") are not checked (the check judged quoted sentences
poorly), except a quote that replaced the model's copy of a sentence's opening:
there the model's own words are judged (`Verdict.claim`); backends that cannot
report first-token odds (remote servers, `reports_odds = False`) skip the check;
the answer is never rewritten, only kept or declined.
"""

from __future__ import annotations

from .grounding import DECLINED, QUOTED, Verdict, is_yes_no, shown_by_counting
from .llm import FirstTokenOdds

GRAMMAR = 'root ::= "Yes" | "No"'


def needs_check(question: str, verdict: Verdict) -> bool:
    """Whether an accepted answer is the kind the second look is for (see module docstring): cited,
    to a question that is not yes/no, and in the model's words (not a quote the code made)."""
    said = verdict.claim or verdict.answer  # a quote the code made of the model's answer judges the model's words
    return (not verdict.abstained and bool(verdict.cited) and not is_yes_no(question)
            and not _code_quote(said) and not shown_by_counting(question, said, [s.text for s in verdict.cited]))


def _code_quote(answer: str) -> bool:
    """Whether the code made this answer by quoting a sentence, with or without a word before it.

    >>> _code_quote("The documents say: “…”"), _code_quote("No. The documents say: “…”"), _code_quote("Three. The documents say: “…”")
    (True, True, True)
    >>> _code_quote("South Korea. The documents say nothing else.")
    False
    """
    return answer.startswith(QUOTED) or answer.split(" ", 1)[-1].startswith(QUOTED)


def check_threshold_for(question: str, verdict: Verdict, config) -> tuple[str, float]:
    """The setting, and its probability of "Yes", below which the second look declines this
    verdict; ("", 0.0) for no look.

    >>> from .config import Config
    >>> from .types import Span
    >>> config, cited = Config.load(path=None, environ={}), [Span("a.txt", 0, 11, "South Korea", 0)]
    >>> long = Verdict(False, "South Korea, home to major global automakers, has built extensive battery capacity.", cited)
    >>> check_threshold_for("Who is the president of South Korea?", long, config)
    ('check_threshold', 0.6)
    >>> check_threshold_for("Who signed?", Verdict(False, "Joly and Kim", cited), config)
    ('short_check_threshold', 0.5)
    """
    if config.check_threshold <= 0 or not needs_check(question, verdict):
        return "", 0.0
    said = verdict.claim or verdict.answer
    name = "check_threshold" if len(said.split()) >= config.check_min_words else "short_check_threshold"
    return name, getattr(config, name)


def second_look(llm, template, question: str, verdict: Verdict, threshold: float,
                name: str = "check_threshold") -> tuple[Verdict, float | None]:
    """Ask the model whether the cited text states the answer; decline below `threshold`.

    Returns the verdict (unchanged, or a decline giving the probability) and the
    probability the model put on "Yes" (None when the backend cannot tell, in
    which case the verdict is kept).
    """
    system, user = template.render(text=" ".join(" ".join(s.text.split()) for s in verdict.cited),
                                   question=question, answer=verdict.claim or verdict.answer)
    odds = FirstTokenOdds("Yes", "No")
    for _ in llm.stream(system, user, GRAMMAR, 1, odds=odds):  # only the first token is read
        pass
    if odds.value is None or odds.value >= threshold:
        return verdict, odds.value
    why = (f"asked whether the cited text states this answer, the model put p={odds.value:.2f} on yes "
           f"(< {name} {threshold})")
    return Verdict(True, DECLINED, reason=why), odds.value
