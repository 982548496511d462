from assistant.casing import Casing

ARTICLE = ("MENA Newswire, OTTAWA: Canada and South Korea signed a memorandum of understanding. "
           "It was signed by Canadian Industry Minister Mélanie Joly and South Korea’s Minister of Trade, Kim Jung-kwan. "
           "The initiative builds on the Canada–Korea Free Trade Agreement. Many Korean cars and components sell in Canada. "
           "The minister said trade and industry matter.")


def test_a_question_in_lower_case_gets_the_documents_capitals_for_names_runs_and_acronyms():
    casing = Casing.of([ARTICLE])
    assert casing.recase("who signed for canada") == "who signed for Canada"
    assert casing.recase("what does south korea get, and what's joly's job") == "what does South Korea get, and what's Joly's job"
    assert casing.recase("is kim jung-kwan the trade minister") == "is Kim Jung-kwan the trade minister"  # "trade" is also lower case
    assert casing.recase("when was the fta signed") == "when was the FTA signed"


def test_recasing_leaves_words_the_documents_write_in_lower_case_titles_and_questions_with_capitals_alone():
    casing = Casing.of([ARTICLE])
    assert casing.recase("are korean cars popular") == "are Korean cars popular"  # "cars" spells no name's initials
    assert casing.recase("is it a free trade deal") == "is it a free trade deal"  # the start of a name is no name
    assert casing.recase("who is the minister") == "who is the minister"
    assert casing.recase("Who signed for canada?") == "Who signed for canada?"


def test_a_two_letter_acronym_is_searched_for_as_the_pair_of_words_the_documents_use_for_it():
    text = ("It builds electric vehicles. Its electric vehicle plants lead. Few electric vehicles sell here. "
            "The automotive industry grew, and automotive industries shrank.")
    casing = Casing.of([text])
    assert casing.spelled_out("Why Korea for EVs?") == "Why Korea for electric vehicles?"
    assert casing.spelled_out("Is AI covered?") == "Is AI covered?"  # "automotive industry", used twice, is no acronym
    assert Casing.of([text + " An EV tax."]).spelled_out("Why EVs?") == "Why EVs?"  # the documents write it
