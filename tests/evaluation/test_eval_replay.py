"""`assistant eval --replay`: the stored model replies of a run, re-checked by the current code."""

import argparse
import json

import pytest

from assistant import Assistant, Config
from assistant.errors import ConfigError
from assistant.evaluation.cli import add_arguments, main
from assistant.grounding import DECLINED, Verdict
from assistant.llm import FakeLLM

from .fakes import DATA

GOLDEN, DOCS = str(DATA / "golden.jsonl"), str(DATA / "docs")
REPLIES = {"When did the orchard open?": "[1] In 1990", "Are bananas yellow?": "[1] Yes, they are yellow.",
           "Who owns the orchard?": "NOT ANSWERABLE"}


def parse(*argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="assistant eval")
    add_arguments(parser)
    return parser.parse_args(argv)


@pytest.fixture
def maker(tmp_path, toy_embedder):
    """make_assistant over a real Chroma store: a FakeLLM answering from REPLIES unless an llm is given."""
    class Scripted(FakeLLM):
        def stream(self, system, user, grammar=None, max_tokens=160, odds=None):
            self.prompts.append((system, user))
            yield next((r for q, r in REPLIES.items() if f"Question: {q}" in user), "NOT ANSWERABLE")

    def make(docs, index, llm=None):
        make.llm = llm or Scripted()
        config = Config.load(None, environ={}, docs=docs, index=str(tmp_path / "index"), short_check_threshold=0.0)
        return Assistant(config=config, llm=make.llm, embedder=toy_embedder)

    return make


def test_a_replay_reproduces_the_run_without_asking_the_model(tmp_path, maker, capsys):
    assert main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path / "run")), maker) == 0
    assert len(maker.llm.prompts) == 3
    assert main(parse(GOLDEN, "--docs", DOCS, "--replay", str(tmp_path / "run"), "--out", str(tmp_path / "re")), maker) == 0
    assert "Replayed 3 stored replies" in capsys.readouterr().out and maker.llm.name == "stored replies"
    run, replay = (json.loads((tmp_path / d / "summary.json").read_text()) for d in ("run", "re"))
    for key in ("answer_accuracy", "abstain_accuracy", "citation_precision", "citation_recall", "n_questions"):
        assert run[key] == replay[key]


def test_a_replay_judges_the_stored_replies_with_the_current_checks(tmp_path, maker, monkeypatch):
    main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path / "run")), maker)
    monkeypatch.setattr("assistant.pipeline.verify", lambda *a, **k: Verdict(True, DECLINED, reason="a stricter check"))
    main(parse(GOLDEN, "--docs", DOCS, "--replay", str(tmp_path / "run"), "--out", str(tmp_path / "re")), maker)
    rows = [json.loads(line) for line in (tmp_path / "re" / "results.jsonl").read_text().splitlines()]
    assert all(r["abstained"] for r in rows) and any(r["reason"] == "a stricter check" for r in rows)


def test_a_question_the_run_never_put_to_the_model_is_replayed_as_declined(tmp_path, maker, capsys):
    main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path / "run")), maker)
    results = tmp_path / "run" / "results.jsonl"
    kept = [line for line in results.read_text().splitlines() if json.loads(line)["question"] != "When did the orchard open?"]
    results.write_text("\n".join(kept))
    main(parse(GOLDEN, "--docs", DOCS, "--replay", str(tmp_path / "run"), "--out", str(tmp_path / "re")), maker)
    assert "2 stored replies" in capsys.readouterr().out
    rows = {json.loads(line)["question"]: json.loads(line) for line in (tmp_path / "re" / "results.jsonl").read_text().splitlines()}
    assert rows["When did the orchard open?"]["abstained"] and not rows["Are bananas yellow?"]["abstained"]


def test_replay_errors_name_what_to_give(tmp_path, maker):
    with pytest.raises(ConfigError, match="no results.jsonl"):
        main(parse(GOLDEN, "--docs", DOCS, "--replay", str(tmp_path / "nothing")), maker)
    with pytest.raises(ConfigError, match="instead of --squad"):
        main(parse("--squad", str(DATA / "tiny_squad.json"), "--replay", str(tmp_path)), maker)


def test_an_answer_the_token_limit_cut_is_replayed_cut(tmp_path, maker):
    class Rambling(FakeLLM):
        def stream(self, system, user, grammar=None, max_tokens=160, odds=None):
            self.prompts.append((system, user))
            if "Question: When did the orchard open?" in user:
                yield from ["[1]", " In"] + [" 1990"] * (max_tokens - 2)  # stopped by the limit
            else:
                yield "NOT ANSWERABLE"

    main(parse(GOLDEN, "--docs", DOCS, "--out", str(tmp_path / "run")), lambda d, i, llm=None: maker(d, i, llm or Rambling()))
    main(parse(GOLDEN, "--docs", DOCS, "--replay", str(tmp_path / "run"), "--out", str(tmp_path / "re")), maker)
    run, replay = ([json.loads(line) for line in (tmp_path / d / "results.jsonl").read_text().splitlines()] for d in ("run", "re"))
    assert any(r["answer"].endswith("…") for r in run)
    assert [r["answer"] for r in replay] == [r["answer"] for r in run]


def test_the_second_look_is_replayed_from_its_stored_probability(tmp_path):
    from assistant.checking import GRAMMAR
    from assistant.evaluation.replay import StoredReplies
    from assistant.llm import FirstTokenOdds

    rows = [{"question": "Q?", "model_reply": "[1] a long copied answer", "check_probability": 0.2},
            {"question": "R?", "model_reply": "[1] a short one", "check_probability": None}]
    (tmp_path / "results.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    llm = StoredReplies.load(tmp_path)
    for question, expected in (("Q?", 0.2), ("R?", None)):
        llm.current, odds = question, FirstTokenOdds("Yes", "No")
        list(llm.stream("system", "user", GRAMMAR, 2, odds=odds))
        assert odds.value == expected
    assert llm.used == llm.missing == 0  # the second look is not a stored answer
    assert "".join(llm.stream("system", "user")) == "[1] a short one"


def test_a_question_with_doubled_spaces_finds_its_stored_reply(tmp_path, maker, capsys):
    golden = tmp_path / "golden.jsonl"  # SQuAD has questions like "committee  that voted"
    golden.write_text((DATA / "golden.jsonl").read_text().replace("When did the orchard open?", "When did the  orchard open?"))
    main(parse(str(golden), "--docs", DOCS, "--out", str(tmp_path / "run")), maker)
    main(parse(str(golden), "--docs", DOCS, "--replay", str(tmp_path / "run"), "--out", str(tmp_path / "re")), maker)
    assert "Replayed 3 stored replies" in capsys.readouterr().out
    run, replay = ([json.loads(line) for line in (tmp_path / d / "results.jsonl").read_text().splitlines()] for d in ("run", "re"))
    assert [r["answer"] for r in replay] == [r["answer"] for r in run] and not all(r["abstained"] for r in run)
