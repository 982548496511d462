"""run_eval with a scripted fake assistant; every expected number is worked out in the comments.

The script (fakes.fruit_script) for data/golden.jsonl:
  f1 answerable  "It opened in 1990."    correct; cites the gold sentence;      gold at candidate rank 3
  f2 answerable  "No, they are green."   wrong polarity; cites an off-gold sentence and a
                                         misquoted one (not verbatim);           gold at candidate rank 1
  f3 unanswerable, declined              correct; no citations, no candidates
  totals 40, 80, 20 ms; retrieve 10 + 20 + 5 = 35 of 140; generate 30 + 60 + 15 = 105 of 140
"""

import pytest

from assistant.evaluation.golden import GoldenRow, load_golden
from assistant.evaluation.runner import gold_spans, merge_spans, run_eval, score_question, sentence_context
from assistant.types import Answer

from .fakes import DATA, FRUIT, FakeBot, cite


@pytest.fixture
def golden():
    return load_golden(DATA / "golden.jsonl", docs=DATA / "docs")


def test_run_eval_asks_every_question_in_order(fruit_bot, golden):
    rows, _ = run_eval(fruit_bot, golden, progress=False)
    assert fruit_bot.asked == [g.question for g in golden]
    assert [r["id"] for r in rows] == ["f1", "f2", "f3"]


def test_run_eval_summary_matches_the_hand_computed_values(fruit_bot, golden):
    _, summary = run_eval(fruit_bot, golden, progress=False)
    expected = {
        "n_questions": 3, "n_answerable": 2, "n_unanswerable": 1,
        "answer_accuracy": 2 / 3,  # f1 and f3
        "answered_correctly": 0.5,  # f1 of the answerable f1 and f2
        "abstain_accuracy": 1.0,  # f3 declined
        "wrongly_declined": 0.0,
        "citation_precision": 1 / 3,  # 1 of f1's 1 + f2's 2 citations
        "citation_recall": 0.5,  # f1 yes, f2 no
        "quotes_verbatim": 2 / 3,  # f2's misquote is the odd one out
        "squad_f1": None,  # no SQuAD answers in this set
        "hit@1": 0.5, "hit@3": 1.0,  # ranks 3 and 1; at most 3 candidates, so no hit@5
        "mrr": (1 / 3 + 1) / 2,
        "latency_p50_ms": 40.0, "latency_p95_ms": 76.0,  # sorted 20, 40, 80: 40 + 0.9 * 40
        "retrieve_share": 0.25, "generate_share": 0.75,
    }
    assert {k: v for k, v in summary.items() if k != "by_category"} == pytest.approx(expected)
    assert summary["by_category"]["yesno"]["answer_accuracy"] == 0.0
    assert summary["by_category"]["unanswerable"]["abstain_accuracy"] == 1.0


def test_result_rows_hold_the_answer_the_per_question_metrics_and_the_gold(fruit_bot, golden):
    rows, _ = run_eval(fruit_bot, golden, progress=False)
    first = rows[0]
    assert first["answer"] == "It opened in 1990." and first["citations"][0]["quote"] == "The orchard opened in 1990."
    assert (first["correct"], first["gold_rank"], first["n_citations_on_gold"], first["category"]) == (True, 3, 1, "when")
    start = FRUIT.index("The orchard")
    assert first["gold"]["spans"] == [[start, start + 27]] and first["gold"]["span_texts"] == ["The orchard opened in 1990."]
    assert first["gold"]["contexts"] == [{"before": "Apples grow on trees. ", "text": "The orchard opened in 1990.",
                                          "after": " Bananas are yellow.\nPears ripen in autumn.\n"}]
    assert first["cited"][0] == {"on_gold": True, "verbatim": True, "before": "Apples grow on trees. ",
                                 "after": " Bananas are yellow.\nPears ripen in autumn.\n"}
    assert [c["verbatim"] for c in rows[1]["cited"]] == [True, False]
    assert rows[2]["has_gold"] is False and rows[2]["abstained"] is True


def test_progress_bar_is_drawn_on_stderr_only_when_asked(fruit_bot, golden, capsys):
    run_eval(fruit_bot, golden, progress=False)
    assert capsys.readouterr().err == ""
    run_eval(fruit_bot, golden, progress=True)
    assert "3/3" in capsys.readouterr().err


def test_a_citation_of_an_unreadable_document_is_not_verbatim():
    bot = FakeBot({}, {"fruit.txt": FRUIT})
    golden = GoldenRow("x", "q", facts=[["1990"]], evidence=["The orchard opened in 1990."], source="fruit.txt")
    answer = Answer("q", "1990", False, citations=[cite("1990", text="In 1990", source="gone.txt")])
    row = score_question(golden, answer, lambda s: None if s == "gone.txt" else bot.document_text(s))
    assert row["n_citations"] == 1 and row["n_quotes_verbatim"] == 0 and row["n_citations_on_gold"] == 0


def test_gold_spans_join_located_quotes_and_given_offsets_and_report_unlocated_quotes():
    golden = GoldenRow("x", "q", evidence=["are yellow", "not there"], gold_spans=[(0, 6)], source="fruit.txt")
    start = FRUIT.index("are yellow")
    assert gold_spans(golden, FRUIT) == ([(0, 6), (start, start + 10)], ["not there"])
    assert gold_spans(golden, None) == ([], ["are yellow", "not there"])


def test_sentence_context_keeps_whole_sentences_and_marks_cut_ones():
    text = "First one. Second one here. Third one. Fourth."
    start = text.index("Second")
    assert sentence_context(text, start, start + 6, width=100) == ("First one. ", " one here. Third one. Fourth.")
    assert sentence_context(text, start, start + 6, width=5) == ("", " one…")  # starts a sentence already
    here = text.index("here")
    assert sentence_context(text, here, here + 4, width=8) == ("…one ", ".")  # "ond" dropped: maybe a cut word
    assert sentence_context(text, start, start + 6, width=20) == ("First one. ", " one here.")


def test_merge_spans_joins_overlapping_and_touching_ranges():
    assert merge_spans([(5, 9), (0, 3), (3, 4), (8, 12)]) == [(0, 4), (5, 12)]
    assert merge_spans([(0, 10), (2, 3)]) == [(0, 10)]
    assert merge_spans([]) == []
