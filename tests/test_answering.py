from assistant.answering import format_evidence, parse_reply, reply_grammar, streamed_answer
from assistant.types import Candidate, Span


def test_citation_numbers_are_one_based_bounds_checked_and_deduplicated():
    reply = parse_reply("[2][7][2][1] Joly signed it.", n_evidence=3)
    assert reply.numbers == [2, 1] and reply.text == "Joly signed it." and not reply.declined


def test_markers_and_leaked_source_labels_are_removed_from_the_answer():
    reply = parse_reply("[1] Source 2: Joly signed it [1] .", 3)
    assert reply.text == "Joly signed it."


def test_runs_of_repeated_markers_leave_a_clean_answer():
    assert parse_reply("[3] [3] [3] [3] [3]", 3).declined


def test_decline_phrase_and_empty_reply_are_declines():
    assert parse_reply("NOT ANSWERABLE", 5).declined
    assert parse_reply("   ", 5).declined


def test_rambling_answers_are_cut_to_two_sentences():
    assert parse_reply("[1] One. Two. Three. Four.", 1).text == "One. Two."


def test_grammar_only_allows_existing_evidence_numbers():
    grammar = reply_grammar(3)
    assert '"1" | "2" | "3"' in grammar and '"4"' not in grammar and "NOT ANSWERABLE" in grammar


def test_streamed_text_appears_only_after_the_citations():
    assert streamed_answer("[1") == ""
    assert streamed_answer("[1][2]") == ""
    assert streamed_answer("[1][2] Mélanie") == "Mélanie"
    assert streamed_answer("NOT ANSW") == ""


def test_evidence_is_numbered_and_names_sources_only_when_asked():
    cands = [Candidate(Span("a.txt", 0, 9, "One\n two.", 0), 1.0), Candidate(Span("b.md", 0, 4, "Two.", 0), 0.5)]
    assert format_evidence(cands, with_sources=False) == "[1] One two.\n[2] Two."
    assert format_evidence(cands, with_sources=True).splitlines()[1] == "[2] (from b.md) Two."


def test_first_token_odds_compare_the_mass_of_two_replies():
    import math

    import pytest

    from assistant.llm import FirstTokenOdds

    odds = FirstTokenOdds("NOT ANSWERABLE", "[")
    logits = [0.0, math.log(3.0), 5.0, 0.0]  # ids 1 and 3 begin A, id 0 begins B, id 2 begins neither
    odds.read(logits, ids_a=[1, 3], ids_b=[0])
    assert odds.value == pytest.approx(4.0 / 5.0)
    odds.read([9.0, 0.0, 0.0, 0.0], ids_a=[1, 3], ids_b=[0])  # only the first token counts
    assert odds.value == pytest.approx(0.8)


def test_a_question_for_a_name_is_shown_the_sentence_that_gives_the_name(tmp_path, make_fake_bot):
    # The one sentence that names the committee is long and about more than it; three shorter
    # sentences say "the new committee" and outrank it.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "memo.txt").write_text(
        "The two governments signed a memorandum on trade in the spring. "
        "It establishes a Joint Trade Advisory Committee and sets out workstreams on shipping, ports, customs, "
        "research, technology cooperation and investment promotion across both economies. "
        "The new committee will meet twice a year. Officials said the new committee will report to ministers. "
        "The new committee is expected to start work soon.", encoding="utf-8")
    bot, llm = make_fake_bot(docs, ["[1] NOT ANSWERABLE", "[1] NOT ANSWERABLE"])
    bot.ask("What is the new committee called?")
    assert "Joint Trade Advisory Committee" in llm.prompts[0][1]
    bot.ask("What will the new committee do?")  # not asked for a name: the three best sentences, as ranked
    assert "Joint Trade Advisory Committee" not in llm.prompts[1][1]


def test_a_heading_takes_no_place_among_the_evidence(tmp_path, make_fake_bot):
    # the heading matches the question best, but the model is never shown a heading: it would have seen two sentences
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "memo.txt").write_text(
        "Committee structure\n\nThe committee will meet twice a year. The committee reports to ministers. "
        "The committee has twelve members. The weather was mild.", encoding="utf-8")
    bot, llm = make_fake_bot(docs, ["[1] NOT ANSWERABLE"])
    bot.ask("What is the committee structure?")
    shown = [line for line in llm.prompts[0][1].splitlines() if line[:1] == "[" and line[1:2].isdigit()]
    assert len(shown) == 3 and not any("Committee structure" in line for line in shown)
