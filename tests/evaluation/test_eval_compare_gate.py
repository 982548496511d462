"""Comparing two runs, and the --fail-under quality gate."""

import pytest

from assistant.errors import AssistantError, ConfigError
from assistant.evaluation.compare import compare, format_comparison, verdict
from assistant.evaluation.gate import Threshold, check_gate, parse_thresholds
from assistant.evaluation.golden import load_golden
from assistant.evaluation.report import write_outputs
from assistant.evaluation.runner import run_eval
from assistant.types import Answer

from .fakes import DATA, FRUIT, FakeBot, fruit_script


def write_run(folder, script):
    golden = load_golden(DATA / "golden.jsonl", docs=DATA / "docs")
    write_outputs(folder, *run_eval(FakeBot(script, {"fruit.txt": FRUIT}), golden, progress=False))


@pytest.fixture
def two_runs(tmp_path):
    """old: the fruit script; new: f2 fixed (correct now), f1 declined (wrong now)."""
    new = fruit_script()
    new["Are bananas yellow?"] = Answer("Are bananas yellow?", "Yes.", False, timings_ms={"total": 80.0})
    del new["When did the orchard open?"]  # the fake declines unscripted questions
    write_run(tmp_path / "old", fruit_script())
    write_run(tmp_path / "new", new)
    return tmp_path / "old", tmp_path / "new"


def test_compare_lists_each_metric_old_and_new(two_runs):
    metrics = {name: (old, new) for name, old, new in compare(*two_runs)["metrics"]}
    assert metrics["answer_accuracy"] == pytest.approx((2 / 3, 2 / 3))
    assert metrics["wrongly_declined"] == (0.0, 0.5)
    assert metrics["citation_recall"] == (0.5, 0.0)


def test_compare_finds_the_questions_that_flipped(two_runs):
    flipped = compare(*two_runs)["flipped"]
    assert [(i, old, new) for i, old, new, _ in flipped] == [("f1", True, False), ("f2", False, True)]


def test_format_comparison_prints_changes_with_verdicts_and_flips(two_runs):
    text = format_comparison(compare(*two_runs))
    lines = text.splitlines()
    assert lines[0].split() == ["metric", "old", "new", "change", "verdict"]
    assert any(l.split() == ["wrongly_declined", "0.000", "0.500", "+0.500", "worse"] for l in lines)
    assert any(l.split() == ["answer_accuracy", "0.667", "0.667", "+0.000", "same"] for l in lines)
    assert any(l.split()[:3] == ["f2", "wrong", "correct"] for l in lines)


def test_verdict_knows_which_direction_is_better():
    assert verdict("citation_recall", 0.5, 0.6) == "better"
    assert verdict("wrongly_declined", 0.1, 0.05) == "better"
    assert verdict("latency_p50_ms", 100, 120) == "worse"
    assert verdict("retrieve_share", 0.2, 0.4) == ""
    assert verdict("squad_f1", None, 0.5) == ""


def test_compare_refuses_a_folder_that_is_not_a_run(tmp_path):
    with pytest.raises(AssistantError, match="not an evaluation output folder"):
        compare(tmp_path, tmp_path)


def test_parse_thresholds_resolves_aliases_and_the_meaning_of_equals():
    assert parse_thresholds("accuracy=0.9,cite_precision=0.9") == [
        Threshold("answer_accuracy", ">=", 0.9), Threshold("citation_precision", ">=", 0.9)]
    assert parse_thresholds(" wrongly_declined <= 0.05 , declined=0.1, hit@5>=.8, p95=2000 ") == [
        Threshold("wrongly_declined", "<=", 0.05), Threshold("wrongly_declined", "<=", 0.1),
        Threshold("hit@5", ">=", 0.8), Threshold("latency_p95_ms", "<=", 2000.0)]
    assert parse_thresholds("abstain=1,cite_recall>=0.5,mrr=0.5")[0] == Threshold("abstain_accuracy", ">=", 1.0)
    assert parse_thresholds("correct=0.75") == [Threshold("answered_correctly", ">=", 0.75)]


@pytest.mark.parametrize("spec, message", [
    ("accuracy>0.9", "bad threshold 'accuracy>0.9'"),
    ("accuracy=high", "bad threshold"),
    ("acuracy=0.9", "unknown metric 'acuracy'"),
    (" , ", "empty threshold list"),
])
def test_parse_thresholds_rejects_bad_specs_with_the_item(spec, message):
    with pytest.raises(ConfigError, match=message):
        parse_thresholds(spec)


def test_check_gate_reports_each_missed_threshold():
    summary = {"answer_accuracy": 0.85, "wrongly_declined": 0.1, "citation_precision": 0.95, "abstain_accuracy": None}
    failures = check_gate(summary, parse_thresholds("accuracy=0.9,wrongly_declined<=0.05,cite_precision=0.9,abstain=0.5"))
    assert failures == [
        "answer_accuracy = 0.850 is below the required minimum 0.900",
        "wrongly_declined = 0.100 is above the allowed maximum 0.050",
        "abstain_accuracy was not measured in this run (threshold >= 0.5)",
    ]
    assert check_gate(summary, parse_thresholds("accuracy>=0.85,cite_precision=0.95")) == []
