"""Each metric on hand-made inputs, with values worked out by hand in the comments."""

import pytest

from assistant.evaluation import metrics as m
from assistant.evaluation.golden import GoldenRow

from .fakes import candidates


def row(**changes) -> dict:
    """A result row with neutral defaults: answerable, answered, correct, nothing cited."""
    base = {
        "answerable": True, "abstained": False, "correct": True, "squad_f1": None, "has_gold": True,
        "n_citations": 0, "n_citations_on_gold": 0, "n_quotes_verbatim": 0, "gold_rank": None,
        "n_candidates": 0, "timings_ms": {}, "category": "c",
    }
    return {**base, **changes}


# ---- answers -------------------------------------------------------------------------------


def test_normalize_answer_lowers_strips_punctuation_articles_and_extra_spaces():
    assert m.normalize_answer("  The Cat's  hat, AN apple!") == "cats hat apple"
    assert m.normalize_answer("theatre a-team") == "theatre ateam"  # "the" only as a whole word


def test_token_f1_counts_shared_tokens_with_multiplicity():
    # pred: [new, york, new], gold: [new, york] -> common 2; P = 2/3, R = 1 -> F1 = 0.8
    assert m.token_f1("New York, new", "new York") == pytest.approx(0.8)
    assert m.token_f1("Paris", "London") == 0.0
    assert m.token_f1("The", "a") == 0.0  # both normalise to nothing


def test_squad_f1_is_the_best_over_gold_answers_and_zero_without_gold():
    # vs "Denver Broncos": 2 common of 3 pred / 2 gold -> P 2/3 R 1 -> 0.8; vs "Broncos": P 1/3 R 1 -> 0.5
    assert m.squad_f1("the Denver Broncos won", ["Broncos", "Denver Broncos"]) == pytest.approx(0.8)
    assert m.squad_f1("anything", []) == 0.0


def test_contains_answer_matches_whole_normalised_tokens_only():
    assert m.contains_answer("They won in the year 1066!", ["1066"])
    assert m.contains_answer("It is the Denver Broncos.", ["Broncos", "the Denver  Broncos"])
    assert not m.contains_answer("In 10667.", ["1066"])
    assert not m.contains_answer("the", ["The"])  # a gold text that normalises to nothing never matches
    assert m.contains_answer("The documents say: “Immunity is generated through vaccination.”", ["vaccination"])


def test_facts_match_needs_every_group_and_any_phrasing_case_insensitively():
    facts = [["Joly"], ["Kim Jung-kwan", "Kim"]]
    assert m.facts_match("JOLY and kim signed.", facts)
    assert not m.facts_match("Joly signed alone.", facts)
    assert m.facts_match("anything", [])
    assert m.facts_match("South   Korea\nsigned", [["south korea"]])  # spaces collapsed


def test_polarity_match_reads_the_first_word_only():
    assert m.polarity_match("Yes, it does.", "yes")
    assert m.polarity_match('"No" - it does not.', "no")
    assert not m.polarity_match("Not really; no.", "no")
    assert not m.polarity_match("It does. Yes.", "yes")
    assert m.polarity_match("whatever", None)


@pytest.mark.parametrize(
    "golden, answer, abstained, expected",
    [
        (GoldenRow("1", "q", answerable=False), "Sorry", True, True),
        (GoldenRow("1", "q", answerable=False), "It is 5.", False, False),
        (GoldenRow("1", "q", facts=[["5"]]), "It is 5.", True, False),  # declined an answerable question
        (GoldenRow("1", "q", facts=[["5"]]), "It is 5.", False, True),
        (GoldenRow("1", "q", facts=[["5"]], polarity="no"), "It is 5.", False, False),
        (GoldenRow("1", "q", polarity="no"), "No. It is 5.", False, True),
        (GoldenRow("1", "q", answers=["five", "5"]), "It is 5.", False, True),
        (GoldenRow("1", "q", answers=["six"]), "It is 5.", False, False),
        (GoldenRow("1", "q"), "Anything", False, True),  # nothing to check: answered is enough
    ],
)
def test_is_correct_follows_the_documented_definition(golden, answer, abstained, expected):
    assert m.is_correct(golden, answer, abstained) is expected


def test_question_f1_scores_only_answerable_rows_with_answers():
    with_answers = GoldenRow("1", "q", answers=["Denver Broncos"])
    assert m.question_f1(with_answers, "Denver", False) == pytest.approx(2 / 3)  # P 1, R 1/2
    assert m.question_f1(with_answers, "Denver Broncos", True) == 0.0
    assert m.question_f1(GoldenRow("1", "q", facts=[["x"]]), "x", False) is None
    assert m.question_f1(GoldenRow("1", "q", answerable=False), "", True) is None


# ---- evidence, citations, retrieval --------------------------------------------------------


def test_overlaps_needs_one_shared_character():
    assert m.overlaps((0, 10), (9, 12))
    assert m.overlaps((3, 4), (0, 10))
    assert not m.overlaps((0, 10), (10, 12))
    assert not m.overlaps((5, 6), (0, 5))


def test_locate_quotes_finds_every_occurrence_including_overlapping_ones():
    assert m.locate_quotes("aaa", ["aa"]) == [(0, 2), (1, 3)]
    assert m.locate_quotes("x y x", ["x", "y", "z", ""]) == [(0, 1), (2, 3), (4, 5)]


def test_on_gold_needs_the_same_source_and_an_overlap():
    assert m.on_gold("a.txt", 5, 9, "a.txt", [(0, 6)])
    assert not m.on_gold("b.txt", 5, 9, "a.txt", [(0, 6)])
    assert not m.on_gold("a.txt", 6, 9, "a.txt", [(0, 6)])


def test_gold_rank_is_the_1_based_rank_of_the_first_candidate_on_gold():
    found = candidates("Apples grow on trees.", "Bananas are yellow.", "The orchard opened in 1990.")
    orchard = found[2].span
    assert m.gold_rank(found, "fruit.txt", [(orchard.start + 4, orchard.start + 5)]) == 3
    assert m.gold_rank(found, "other.txt", [(orchard.start, orchard.end)]) is None
    assert m.gold_rank([], "fruit.txt", [(0, 5)]) is None


# ---- aggregates ------------------------------------------------------------------------------


def test_answer_accuracy_counts_every_question():
    rows = [row(correct=True), row(correct=False), row(answerable=False, correct=True), row(correct=False)]
    assert m.answer_accuracy(rows) == 0.5
    assert m.answer_accuracy([]) is None


def test_answered_correctly_counts_only_answerable_questions_and_declines_as_wrong():
    rows = [row(correct=True), row(abstained=True, correct=False), row(answerable=False, correct=True), row(correct=True)]
    assert m.answered_correctly(rows) == pytest.approx(2 / 3)
    assert m.answered_correctly([row(answerable=False, correct=True)]) is None


def test_abstain_accuracy_and_wrongly_declined_split_by_answerability():
    rows = [
        row(answerable=False, abstained=True), row(answerable=False, abstained=False),
        row(answerable=False, abstained=True), row(abstained=True), row(), row(), row(),
    ]
    assert m.abstain_accuracy(rows) == pytest.approx(2 / 3)
    assert m.wrongly_declined(rows) == 0.25
    assert m.abstain_accuracy([row()]) is None


def test_citation_recall_and_precision_judge_only_answerable_questions_with_gold():
    rows = [
        row(n_citations=2, n_citations_on_gold=1),
        row(n_citations=1, n_citations_on_gold=0),
        row(abstained=True),  # judged: a miss for recall, nothing for precision
        row(has_gold=False, n_citations=5, n_citations_on_gold=0),  # not judged
        row(answerable=False, n_citations=3, n_citations_on_gold=3),  # not judged
    ]
    assert m.citation_recall(rows) == pytest.approx(1 / 3)
    assert m.citation_precision(rows) == pytest.approx(1 / 3)  # 1 of 2 + 1 citations
    assert m.citation_precision([row()]) is None


def test_quotes_verbatim_pools_all_citations_of_all_questions():
    rows = [row(n_citations=3, n_quotes_verbatim=3), row(answerable=False, n_citations=1), row()]
    assert m.quotes_verbatim(rows) == 0.75
    assert m.quotes_verbatim([row()]) is None


def test_hit_at_k_and_mrr_over_judged_questions():
    rows = [row(gold_rank=1), row(gold_rank=3), row(gold_rank=None), row(gold_rank=10), row(has_gold=False, gold_rank=1)]
    assert [m.hit_at_k(rows, k) for k in (1, 3, 5, 10)] == [0.25, 0.5, 0.5, 0.75]
    assert m.mrr(rows) == pytest.approx((1 + 1 / 3 + 0 + 1 / 10) / 4)


def test_mean_squad_f1_skips_rows_without_a_score():
    assert m.mean_squad_f1([row(squad_f1=1.0), row(squad_f1=0.5), row()]) == 0.75
    assert m.mean_squad_f1([row()]) is None


def test_percentile_interpolates_linearly_between_sorted_values():
    assert m.percentile([40, 10, 30, 20], 50) == 25.0
    assert m.percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)  # 30 + 0.85 * 10
    assert m.percentile([7], 95) == 7
    assert m.percentile([], 50) is None


def test_latency_shares_are_of_summed_total_time():
    rows = [
        row(timings_ms={"retrieve": 10, "generate": 30, "total": 50}),
        row(timings_ms={"retrieve": 20, "generate": 70, "total": 100}),
        row(timings_ms={}),  # no timing: ignored
    ]
    assert m.latency(rows) == {
        "latency_p50_ms": 75.0, "latency_p95_ms": 97.5, "retrieve_share": 0.2, "generate_share": pytest.approx(2 / 3),
    }
    assert m.latency([row()])["latency_p50_ms"] is None


def test_summarize_reports_hit_at_k_only_up_to_the_most_candidates():
    rows = [row(gold_rank=1, n_candidates=4, category="a"), row(gold_rank=None, n_candidates=2, category="b")]
    summary = m.summarize(rows)
    assert [k for k in summary if k.startswith("hit@")] == ["hit@1", "hit@3"]
    assert summary["by_category"]["a"]["n"] == 1 and summary["by_category"]["a"]["hit@1"] == 1.0
    assert "mrr" not in m.summarize([row()]) and "hit@1" not in m.summarize([row()])
