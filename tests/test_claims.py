"""Questions that quote a claim to check it, and clauses that set another event aside."""

import pytest

from assistant.claims import reported_claim, restated, without_claim


@pytest.mark.parametrize("question, asked", [
    ("A tweet says the memorandum was inked on February 1. What date was it actually signed?", "What date was it actually signed?"),
    ("Posts keep claiming this was signed in January 2024. Which year did the signing happen?", "Which year did the signing happen?"),
    ("A commenter said the pact only took effect in 2019. When did it really come into force?", "When did it really come into force?"),
])
def test_a_reported_claim_is_not_what_the_question_asks(question, asked):
    assert without_claim(question) == asked


@pytest.mark.parametrize("question", [
    "I work at Hyundai. Will the deal bring a plant?",  # context, not a claim
    "Which Belgian footballer claimed that he should not be able to transfer from R.F.C. de Liege to USL Dunkerque?",
    "How much did Dillon, Read & Co. pay to acquire the Swiss Bank Corporation?",  # SQuAD: cut at abbreviations
    "Who signed?",
])
def test_other_questions_are_left_whole(question):
    assert without_claim(question) == question and restated(question) == question and reported_claim(question) == ""


def test_is_that_true_asks_the_claim_itself():
    q = "Someone on X claims South Korea committed to building a brand-new battery plant in Canada. Is that true?"
    assert restated(q) == "Is it true that South Korea committed to building a brand-new battery plant in Canada?"
    assert restated("A post says the deal ignores hydrogen. Does the text mention hydrogen?").endswith("mention hydrogen?")


def test_a_claims_names_neither_decline_the_question_nor_are_dropped_for_the_model(seed_docs, make_fake_bot):
    bot, llm = make_fake_bot(seed_docs, ["[1] January 29."] * 2)
    bot.ask("A tweet says the memorandum was inked on February 1. What date was it actually signed?")
    assert len(llm.prompts) == 1 and "February 1" in llm.prompts[0][1]  # asked, with the claim it doubts
    assert bot.ask("I work at the February 1 plant. What date was it actually signed?").abstained  # not a claim: still a gap
    assert len(llm.prompts) == 1


def test_is_that_true_reaches_the_model_as_the_claim(seed_docs, make_fake_bot):
    bot, llm = make_fake_bot(seed_docs, ["[1] No."])
    bot.ask("Someone claims South Korea committed to building a new battery plant in Canada. Is that true?")
    assert "Question: Is it true that South Korea committed to building a new battery plant in Canada?\n" in llm.prompts[0][1]


def test_a_no_about_the_quoted_claim_may_cite_a_sentence_about_the_claim():
    from assistant.answering import Reply
    from assistant.grounding import verify
    from assistant.types import Candidate, Span
    text = "The memorandum does not announce a new plant, production line, or binding investment commitment."
    no = [Candidate(Span("a.txt", 0, len(text), text, 0), 1.0, 1, 1)]
    q = "I keep reading that Korea pledged a binding $10 billion investment. Did the deal really lock in a figure like that?"
    assert not verify(q, Reply([1], "No, it does not.", False), no).abstained
    q = "I work in Ulsan. Did the deal really lock in a figure like that?"  # nothing the cited sentence is about
    assert verify(q, Reply([1], "No, it does not.", False), no).abstained


def test_a_set_aside_event_does_not_date_the_asked_one():
    from assistant.events import asked_event, other_event
    fta = ["The initiative builds on the Free Trade Agreement, which entered into force in 2015."]
    for q in ["In what year was the FTA originally signed, as opposed to entering into force?",
              "When was the FTA signed, before it entered into force?",
              "And when was that agreement signed (not when it took effect)?"]:
        assert asked_event(q) == "signed" and other_event(q, "2015", fta) == "entered"
    assert asked_event("When did it enter into force, as opposed to being signed?") == ""  # not passive: left alone


def test_a_which_question_with_examples_between_dashes_is_not_yes_no():
    from assistant.grounding import is_yes_no
    assert not is_yes_no("Which specific critical minerals — lithium, nickel, cobalt, graphite — does the MOU name?")
    assert is_yes_no("I build parts in Ulsan — does the deal announce a plant?")


def test_a_country_named_otherwise_in_the_evidence_is_no_missing_name():
    from assistant.names import missing_terms
    us = ["Canada’s automotive industry is closely integrated with the United States through parts networks."]
    assert missing_terms("Is the car industry meshed with American parts networks?", us) == []
    assert missing_terms("Is it building ties with partners other than the United States?", ["Ties with non-U.S. partners."]) == []
    assert missing_terms("Is the car industry meshed with Mexican parts networks?", us) == ["mexican"]
