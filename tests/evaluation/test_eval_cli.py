"""The argparse glue: arguments, outputs, gate exit codes, --compare and --squad."""

import argparse
import json
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.evaluation.cli import add_arguments, main

from .fakes import DATA, FRUIT, FakeBot, fruit_script

GOLDEN, DOCS = str(DATA / "golden.jsonl"), str(DATA / "docs")


def parse(*argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="assistant eval")
    add_arguments(parser)
    return parser.parse_args(argv)


class Maker:
    """make_assistant(docs, index) that records its arguments and returns a FakeBot."""

    def __init__(self, script=None, documents=None):
        self.calls = []
        self.script, self.documents = script, documents

    def __call__(self, docs, index):
        self.calls.append((docs, index))
        if self.documents is None:  # read whatever documents folder we were given
            documents = {p.name: p.read_text(encoding="utf-8") for p in Path(docs).iterdir()}
            return FakeBot(self.script or {}, documents)
        return FakeBot(self.script, self.documents)


def fruit_maker():
    return Maker(fruit_script(), {"fruit.txt": FRUIT})


def test_add_arguments_defines_the_documented_options():
    args = parse("g.jsonl", "--docs", "d", "--index", "i", "--out", "o", "--compare", "old", "--fail-under", "accuracy=1",
                 "--limit", "2")
    assert (args.golden, args.docs, args.index, args.out, args.compare, args.fail_under, args.limit) == (
        "g.jsonl", "d", "i", "o", "old", "accuracy=1", 2)
    squad = parse("--squad", "s.json", "--articles", "2", "--questions", "9", "--seed", "4")
    assert (squad.golden, squad.squad, squad.articles, squad.questions, squad.seed, squad.out) == (None, "s.json", 2, 9, 4, "eval-out")
    with pytest.raises(SystemExit):
        parse("--limit", "0")


def test_main_evaluates_writes_outputs_and_prints_the_summary(tmp_path, capsys):
    maker = fruit_maker()
    code = main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path / "out")), maker)
    assert code == 0 and maker.calls == [(DOCS, None)]
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"results.jsonl", "summary.json", "report.html"}
    assert "answer_accuracy" in capsys.readouterr().out


def test_main_returns_1_and_names_the_failed_metrics_when_the_gate_fails(tmp_path, capsys):
    code = main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path), "--fail-under", "accuracy=0.9,abstain=1"), fruit_maker())
    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED: answer_accuracy = 0.667 is below the required minimum 0.900" in out
    assert "Quality gate failed (1/2 thresholds met)." in out
    assert main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path), "--fail-under", "accuracy=0.6"), fruit_maker()) == 0


def test_a_bad_gate_spec_fails_before_any_question_is_asked(tmp_path):
    maker = fruit_maker()
    with pytest.raises(ConfigError):
        main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path), "--fail-under", "acc=0.9"), maker)
    assert maker.calls == []


def test_limit_asks_only_the_first_questions(tmp_path):
    main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path), "--limit", "2"), fruit_maker())
    assert len((tmp_path / "results.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_compare_may_name_the_output_folder_itself(tmp_path, capsys):
    args = parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path))
    main(args, fruit_maker())
    main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path), "--compare", str(tmp_path)), Maker({}, {"fruit.txt": FRUIT}))
    out = capsys.readouterr().out
    assert f"Compared with {tmp_path}:" in out
    flips = [line.split()[:3] for line in out.splitlines() if line.split()[1:3] in (["correct", "wrong"], ["wrong", "correct"])]
    assert flips == [["f1", "correct", "wrong"]]  # the second bot declines everything


def test_docs_default_to_the_configured_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ASSISTANT_CONFIG", raising=False)
    monkeypatch.setenv("ASSISTANT_DOCS", DOCS)
    maker = fruit_maker()
    main(parse(GOLDEN, "--out", str(tmp_path / "out")), maker)
    assert maker.calls == [(DOCS, None)]


def test_squad_builds_documents_golden_set_and_index_under_out(tmp_path, capsys):
    out = tmp_path / "run"
    maker = Maker()
    code = main(parse("--squad", str(DATA / "tiny_squad.json"), "--articles", "3", "--questions", "5", "--out", str(out)), maker)
    assert code == 0
    assert maker.calls == [(str(out / "squad-docs"), str(out / "squad-index"))]
    assert len((out / "squad.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    assert (out / "ATTRIBUTION.txt").exists()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["n_questions"] == 5 and summary["squad_f1"] == 0.0  # the fake declines everything
    assert "SQuAD: 5 questions" in capsys.readouterr().out


def test_squad_uses_the_given_index(tmp_path):
    maker = Maker()
    main(parse("--squad", str(DATA / "tiny_squad.json"), "--out", str(tmp_path), "--index", "my-index"), maker)
    assert maker.calls[0][1] == "my-index"


@pytest.mark.parametrize("argv, message", [
    ((), "give a golden file"),
    ((GOLDEN, "--squad", "s.json"), "drop GOLDEN and --docs"),
    (("--squad", "s.json", "--docs", DOCS), "drop GOLDEN and --docs"),
])
def test_main_rejects_contradictory_or_missing_inputs(tmp_path, argv, message):
    with pytest.raises(ConfigError, match=message):
        main(parse(*argv, "--out", str(tmp_path)), fruit_maker())
