"""The seed golden set through the real pipeline (real MiniLM, Chroma, local LLM), with a gate.

The thresholds are the issue's targets for held-out questions; the golden set was
written by hand from the article, independently of the code. A regression in
retrieval, prompting or the grounding checks fails this test.
"""

import pytest

from assistant.evaluation.gate import check_gate, parse_thresholds
from assistant.evaluation.golden import load_golden
from assistant.evaluation.report import format_summary, write_outputs
from assistant.evaluation.runner import run_eval
from conftest import ROOT

pytestmark = pytest.mark.slow

GATE = "accuracy=0.85,abstain=0.85,wrongly_declined<=0.08,cite_precision=0.85,cite_recall=0.9,verbatim=1.0"


def test_seed_golden_set_meets_the_quality_gate(real_bot, tmp_path):
    golden = load_golden(ROOT / "tests/golden/seed_qa.jsonl", docs=real_bot.docs_dir)
    rows, summary = run_eval(real_bot, golden, progress=False)
    write_outputs(tmp_path, rows, summary)
    failures = check_gate(summary, parse_thresholds(GATE))
    wrong = [f"{r['id']}: {r['question']} -> {r['answer']}" for r in rows if not r["correct"]]
    assert not failures, format_summary(summary) + "\n" + "\n".join(failures + wrong)
