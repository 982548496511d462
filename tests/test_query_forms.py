"""Ways people phrase questions: search-box queries, courtesy titles, abbreviations, learners' word order."""

import pytest

from assistant.answering import Reply
from assistant.grounding import answer_type_gap, asks_year, is_yes_no, only_repeats, verify
from assistant.types import Candidate, Span

DENIAL = "The memorandum does not announce a new plant, production line, or binding investment commitment."
PLATFORM = "For South Korea, it provides an additional platform for engagement in the Canadian market."


def cands(*texts):
    out, start = [], 0
    for i, text in enumerate(texts):
        out.append(Candidate(Span("a.txt", start, start + len(text), text, i), 1.0, 1, 1))
        start += len(text) + 1
    return out


@pytest.mark.parametrize("query", ["binding commitment?", "hydrogen vehicles mentioned in agreement?",
                                   "any new plant announced", "both signers cabinet ministers?"])
def test_a_search_box_query_without_a_verb_asks_yes_or_no(query):
    assert is_yes_no(query)


@pytest.mark.parametrize("query", ["signing date?", "Korean minister name", "Exact title of Kim's ministry?",
                                   "wat does canada bring, minerals?", "The symbol for mercuric oxide is?",
                                   "The new body, a one-time meeting or a permanent thing?", "Seoul's payoff?",
                                   "Canadian auto sector's closest integration partner?", "Committee meeting frequency?"])
def test_a_query_that_names_what_it_wants_is_not_yes_no(query):
    assert not is_yes_no(query)


def test_a_search_box_query_for_a_year_needs_a_year():
    assert asks_year("signing year") and asks_year("Canada Korea FTA entry into force year")
    evidence = cands("The memorandum was signed on January 29.")
    assert verify("signing year", Reply([1], "January 29", False), evidence).abstained


def test_a_courtesy_title_is_no_name_to_look_for(seed_docs, make_fake_bot):
    bot, llm = make_fake_bot(seed_docs, ["[1] Minister of Industry."])
    ans = bot.ask("Quel is the position of Mme Joly in the government?")
    assert "mme" not in ans.reason and llm.prompts  # the model was asked; "Mme" declined nothing


def test_an_abbreviation_does_not_end_the_asked_sentence():
    # "What department in the U.S. …": the question word stays in what is asked, and a name's "State" is a name
    assert not only_repeats("What department in the U.S. led the efforts?", "The State Department", [])
    assert answer_type_gap("Who led the U.S. Information Agency?", "The agency", []) != ""


def test_a_city_question_answered_with_a_country_is_declined():
    assert "only a country" in answer_type_gap("In which city will the new plant be built?", "South Korea", ["x"])
    assert answer_type_gap("In which city will the new plant be built?", "Seoul, South Korea", ["x"]) == ""


def test_only_inside_the_offered_alternative_is_no_question_about_the_only_one():
    assert is_yes_no("Est-ce que the hydrogen is also part of the accord, or it is only about batteries?")
    assert "only one" not in answer_type_gap("Which fuels does it cover, or is it only batteries?", "hydrogen", ["It covers hydrogen."])


def test_a_yes_is_turned_into_no_when_a_sentence_more_about_the_claim_negates_it():
    evidence = cands(PLATFORM, DENIAL)
    verdict = verify("Are the Koreans locked into any binding investment?", Reply([1], "Yes, it provides a platform.", False), evidence)
    assert verdict.answer.startswith("No") and [c.index for c in verdict.cited] == [1]
    kept = verify("Does it give South Korea a platform?", Reply([1], "Yes, it provides a platform.", False), evidence)
    assert kept.answer.startswith("Yes")  # the denial holds fewer of this question's words


def test_mess_with_is_a_verb_of_change():
    intact = cands("It leaves existing North American trade arrangements intact.")
    verdict = verify("Does this deal mess with our North American trade setup?", Reply([1], "Yes.", False), intact)
    assert verdict.answer.startswith("No")


def test_disturb_and_throw_out_are_verbs_of_change_even_when_the_reply_copies_the_prompt_example():
    intact = cands("It leaves existing North American trade arrangements intact.")
    for question in ("Would our existing North American trade arrangements be disturbed by this deal?",
                     "Does this deal throw out our North American trade arrangements?"):
        verdict = verify(question, Reply([1], "No, it does not open on Sundays.", False), intact)
        assert verdict.answer.startswith("No. The documents say:"), question


def test_a_learners_word_order_still_names_the_asked_event():
    from assistant.events import asked_event, other_event
    q = "In which year the Canada–Korea free trade agreement was signed by the two governments, before it entered in force?"
    assert asked_event(q) == "signed"
    assert other_event(q, "2015", ["The Free Trade Agreement, which entered into force in 2015, cut tariffs."]) == "entered"
    assert asked_event("When did the team that was formed in 1990 get renamed?") == ""  # not passive: left alone


def test_a_pact_answered_with_its_own_name_only_repeats_the_question():
    assert only_repeats("What did the 2015 trade pact put in place for goods?", "Canada–Korea Free Trade Agreement", [])
    assert not only_repeats("What did the 2015 trade pact put in place for goods?", "a tariff-reduction framework", [])


def test_a_yes_about_hydrogen_is_not_denied_by_a_sentence_that_lacks_hydrogen():
    evidence = cands("The text also references hydrogen mobility and other future mobility technologies.",
                     "The new memorandum does not replace that agreement; instead, it adds a structured mechanism for "
                     "regular coordination focused on industrial policy and supply chains linked to next-generation vehicles.")
    verdict = verify("hydrogen vehicles mentioned in agreement?", Reply([1], "Yes, it references hydrogen mobility.", False), evidence)
    assert verdict.answer.startswith("Yes") and [c.index for c in verdict.cited] == [0]


def test_a_peoples_name_in_the_plural_or_possessive_is_held_by_the_countrys_other_name():
    from assistant.names import missing_terms
    us = ["Canada’s automotive industry is closely integrated with the United States."]
    assert missing_terms("How is our car industry hooked into the Americans' according to this piece?", us) == []
    assert missing_terms("Is it tied to the Americas?", us) == ["america"]


def test_a_statement_then_so_does_asks_yes_or_no():
    q = "Ottawa's calling this a win, so does the deal actually announce a new plant for our members to work in?"
    assert is_yes_no(q)
    assert not is_yes_no("If it is binding, what does it require?")


def test_a_tag_that_seeks_agreement_is_not_part_of_what_is_asked(seed_docs, make_fake_bot):
    # ", or not?": its "not" made the question look negated, and the No the text gives was left to a model that said "Yes"
    reply = "[1] Yes, it does not announce a new plant, production line, or binding investment commitment."
    bot, llm = make_fake_bot(seed_docs, [reply])
    ans = bot.ask("Is there any binding investment commitment anywhere in this deal, or not?")
    assert "Question: Is there any binding investment commitment anywhere in this deal?\n" in llm.prompts[0][1]
    assert ans.answer.startswith("No. ") and "binding investment commitment" in ans.citations[0].quote


@pytest.mark.parametrize("question, asked", [
    ("Will companies like mine get a seat at the table, or is it just government?",
     "Will companies like mine get a seat at the table?"),  # the alternative would make a model say "No"
    ("Surely this changes our existing North American trade arrangements, doesn't it?",
     "Is it true that this changes our existing North American trade arrangements?"),
    ("What's the committee actually for, in plain English?", "What's the committee actually for?"),  # "English" is no name to find
])
def test_what_is_asked_reaches_the_model_without_the_aside(seed_docs, make_fake_bot, question, asked):
    bot, llm = make_fake_bot(seed_docs, ["[1] NOT ANSWERABLE"])
    bot.ask(question)
    assert f"Question: {asked}\n" in llm.prompts[0][1] + "\n"


@pytest.mark.parametrize("question", ["Committee meeting frequency?", "How frequently is the committee required to meet?"])
def test_a_question_of_how_often_needs_a_rate_or_a_time(question):
    forum = cands("Officials said the committee will provide a standing forum to identify projects.")
    assert verify(question, Reply([1], forum[0].span.text, False), forum).abstained  # "a standing forum" is no rate
    yearly = cands("The committee meets twice a year.")
    assert verify(question, Reply([1], "twice a year", False), yearly).answer == "twice a year"
    # a noun in the middle of a question is not what it asks: "high-frequency", "the duration of growth"
    assert not verify("What is tied to the duration of growth?", Reply([1], "inequality", False), cands("Inequality shortens growth.")).abstained


@pytest.mark.parametrize("question, asked", [
    ("And who put pen to paper on the Korean side?", "who signed on the Korean side?"),  # and the idiom in plain words
    ("And who put his name to it on the Korean side?", "who signed it on the Korean side?"),
    ("Which country is Canada's car sector tied at the hip with?", "Which country is Canada's car sector closely tied with?"),
    ("so um is there like a deadline uh for the first meeting", "is there like a deadline for the first meeting"),
    ("Okay, so tell me who signed.", "tell me who signed."),
    ("so basically what's the committee for", "what's the committee for"),
    ("So could you please list the areas the committee covers?", "list the areas the committee covers?"),  # not yes/no
    ("is it like a contract to buy vehicles or something", "is it like a contract to buy vehicles"),  # "or something" offered no choice
    ("are companies going to be involved or is it just governments", "are companies going to be involved"),  # no comma
    ("is canada less dependent on the US, what does the article say", "is canada less dependent on the US"),
])
def test_a_spoken_opener_and_fillers_are_not_part_of_what_is_asked(seed_docs, make_fake_bot, question, asked):
    # with "And" first, the question's "who" was not read as its opening (who signed *for* Korea)
    bot, llm = make_fake_bot(seed_docs, ["[1] NOT ANSWERABLE"])
    bot.ask(question)
    assert f"Question: {asked}\n" in llm.prompts[0][1] + "\n"


def test_an_answer_cut_by_the_token_limit_says_so_but_a_quote_the_code_built_is_whole(seed_docs, make_fake_bot):
    reply = "[1] Yes, it does not announce a new plant, production line, or binding investment commitment."
    bot, _ = make_fake_bot(seed_docs, [reply], max_answer_tokens=5)
    quoted = bot.ask("Is there any binding investment commitment anywhere in this deal, or not?")
    assert quoted.answer.startswith("No. The documents say: “") and quoted.answer.endswith("”")
    bot, _ = make_fake_bot(seed_docs, ["[1] Mélanie Joly and Kim Jung-kwan signed it on January 29."], max_answer_tokens=5)
    assert bot.ask("Who signed the memorandum?").answer.endswith("…")  # the model's own words, cut: said so
