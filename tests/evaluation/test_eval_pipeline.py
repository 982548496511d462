"""run_eval against the real Assistant (toy embedder, fake LLM, real Chroma store): the duck typing holds."""

from pathlib import Path

import pytest

from assistant.evaluation import format_summary, load_golden, run_eval, write_outputs

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def seed_bot(request):
    try:
        make_fake_bot, seed_docs = request.getfixturevalue("make_fake_bot"), request.getfixturevalue("seed_docs")
    except pytest.FixtureLookupError:
        pytest.skip("the project's make_fake_bot / seed_docs fixtures are not available")
    bot, _ = make_fake_bot(seed_docs, ["[1] Mélanie Joly signed it for Canada."])
    return bot, seed_docs


def test_run_eval_scores_the_real_pipeline_on_the_seed_golden_set(seed_bot, tmp_path):
    bot, docs = seed_bot
    golden = load_golden(PROJECT / "tests" / "golden" / "seed_qa.jsonl", docs=docs)[:6]
    rows, summary = run_eval(bot, golden, progress=False)
    assert summary["n_questions"] == 6 and all(r["n_candidates"] > 0 for r in rows)
    assert "hit@1" in summary and 0.0 <= summary["mrr"] <= 1.0
    assert summary["quotes_verbatim"] in (None, 1.0)  # the pipeline's offsets contract
    assert summary["latency_p50_ms"] is not None
    assert format_summary(summary).startswith("metric")
    paths = write_outputs(tmp_path / "out", rows, summary)
    assert "<svg" in paths["report.html"].read_text(encoding="utf-8")
