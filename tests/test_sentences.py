from assistant.sentences import split_sentences


def texts(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_and_acronyms_do_not_end_a_sentence():
    text = "Officials met the U.S. delegation on Jan. 5 with Dr. Lee. They agreed."
    assert texts(text) == ["Officials met the U.S. delegation on Jan. 5 with Dr. Lee.", "They agreed."]


def test_initials_do_not_end_a_sentence():
    assert texts("It was written by J. R. Smith in Ottawa. Then it ended.") == [
        "It was written by J. R. Smith in Ottawa.", "Then it ended."]


def test_line_breaks_make_headings_their_own_span():
    text = "Committee structure and next steps\nThe committee will meet. It has a plan."
    assert texts(text) == ["Committee structure and next steps", "The committee will meet.", "It has a plan."]


def test_question_and_exclamation_marks_and_closing_quotes_end_sentences():
    assert texts("Is it signed? “Yes!” he said. Done.") == ["Is it signed?", "“Yes!” he said.", "Done."]


def test_lower_case_after_period_does_not_split():
    assert texts("Ties with non-U.S. partners grew. Trade too.") == ["Ties with non-U.S. partners grew.", "Trade too."]


def test_decimals_do_not_split():
    assert texts("Growth was 2.5 percent. It rose.") == ["Growth was 2.5 percent.", "It rose."]


def test_offsets_are_exact_and_trimmed_with_crlf_and_blank_lines():
    text = "  First one.  Second one.\r\n\r\n# Heading\r\n- item one\r\n"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one.", "# Heading", "- item one"]
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def test_empty_and_whitespace_text_give_no_spans():
    assert split_sentences("") == [] and split_sentences(" \n\n\t") == []


def test_seed_article_spans_round_trip():
    from conftest import SEEDS

    text = (SEEDS / "canada-korea-mou.txt").read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert len(spans) == 22
    signed = [text[s:e] for s, e in spans if "signed on January 29" in text[s:e]]
    assert signed == ["The memorandum was signed on January 29 by Canadian Industry Minister Mélanie Joly "
                      "and South Korea’s Minister of Trade, Industry and Energy, Kim Jung-kwan."]
