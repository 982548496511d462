"""Whom a sentence ties a party to (assistant.roles), on invented sentences."""

from assistant.answering import Reply
from assistant.grounding import verify
from assistant.roles import tied_elsewhere
from assistant.types import Candidate, Span

TREATY = ("The treaty was signed in Lyon by Italian Foreign Minister Anna Rossi and Japan's Minister of Economy, "
          "Trade and Industry, Kenji Sato.")
VISIT = "Barack Obama, the 44th president of the United States, met Angela Merkel in Berlin."


def test_a_party_named_before_a_title_belongs_to_the_person_the_title_leads_to():
    assert tied_elsewhere("Is Kenji Sato Italy's foreign minister?", TREATY) == "Anna Rossi"
    assert tied_elsewhere("Is Anna Rossi Japan's trade minister?", TREATY) == "Kenji Sato"
    assert tied_elsewhere("Is Anna Rossi Italy's foreign minister?", TREATY) is None
    assert tied_elsewhere("Is Kenji Sato Japan's minister of trade?", TREATY) is None


def test_signing_for_a_party_is_checked_the_same_way():
    assert tied_elsewhere("Did Kenji Sato sign for Italy?", TREATY) == "Anna Rossi"
    assert tied_elsewhere("Did Rossi sign on behalf of Japan?", TREATY) == "Kenji Sato"
    assert tied_elsewhere("Did Rossi sign for Italy?", TREATY) is None


def test_a_title_after_a_name_and_a_comma_describes_that_name():
    assert tied_elsewhere("Is Barack Obama the president of the United States?", VISIT) is None
    assert tied_elsewhere("Is Angela Merkel the president of the United States?", VISIT) == "Barack Obama"


def test_no_verdict_without_the_person_a_title_or_a_handled_question():
    assert tied_elsewhere("Is Yuki Tanaka Italy's foreign minister?", TREATY) is None  # not in the sentence
    assert tied_elsewhere("Did Anna Rossi meet Japanese officials?", TREATY) is None  # not a role or for-whom question
    assert tied_elsewhere("Was the treaty signed in Lyon?", TREATY) is None
    assert tied_elsewhere("Is Angela Merkel German?", "Angela Merkel met Barack Obama, who spoke to German reporters.") is None


def _on_treaty(question: str, reply: str):
    """verify() of a reply citing the TREATY sentence."""
    return verify(question, Reply([1], reply, False), [Candidate(Span("doc.txt", 0, len(TREATY), TREATY, 0), 1.0, 1, 1)])


def test_a_yes_that_pairs_the_person_with_another_persons_party_becomes_a_quoted_no():
    verdict = _on_treaty("Is Kenji Sato Italy's foreign minister?", "Yes, Kenji Sato is.")
    assert not verdict.abstained and verdict.answer == f"No. The documents say: “{TREATY}”"
    assert "Anna Rossi" in verdict.reason
    assert _on_treaty("Is Anna Rossi Italy's foreign minister?", "Yes.").answer.startswith("Yes")


def test_a_yes_to_a_title_the_sentence_does_not_give_the_person_becomes_a_quoted_no():
    verdict = _on_treaty("Is Kenji Sato Japan's foreign minister?", "Yes, he is Japan's minister.")
    assert not verdict.abstained and verdict.answer == f"No. The documents say: “{TREATY}”"
    assert "another title" in verdict.reason
    for kept in ("Is Kenji Sato Japan's trade minister?", "Is Anna Rossi Italy's foreign minister?",
                 "Is Kenji Sato a leading official?"):  # his title; her title; no title word to compare
        assert _on_treaty(kept, "Yes.").answer.startswith("Yes"), kept


def test_an_answer_whose_person_holds_another_office_is_declined():
    v = _on_treaty("What did Japan's president say at the signing?", "Kenji Sato")
    assert v.abstained and "another title" in v.reason
    assert not _on_treaty("Which minister signed for Japan?", "Kenji Sato").abstained
