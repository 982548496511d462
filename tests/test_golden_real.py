"""The seed golden set through the real pipeline (real MiniLM, Chroma, local LLM), with a gate.

The golden set was written by hand from the article, independently of the code.
The thresholds sit a few points below what the default model measured here
(accuracy 0.595, declined-when-unanswerable 0.688, wrongly declined 0.206,
citation precision 0.597, recall 0.619): they catch regressions. They are below
the issue's targets (0.9 / 0.9 / 0.05 / 0.9), which this pipeline does not reach yet.
"""

import pytest

from assistant.evaluation.gate import check_gate, parse_thresholds
from assistant.evaluation.golden import load_golden
from assistant.evaluation.report import format_summary, write_outputs
from assistant.evaluation.runner import run_eval
from conftest import ROOT

pytestmark = pytest.mark.slow

GATE = "accuracy=0.55,abstain=0.6,wrongly_declined<=0.25,cite_precision=0.55,cite_recall=0.55,verbatim=1.0"


def test_seed_golden_set_meets_the_quality_gate(real_bot, tmp_path):
    golden = load_golden(ROOT / "tests/golden/seed_qa.jsonl", docs=real_bot.docs_dir)
    rows, summary = run_eval(real_bot, golden, progress=False)
    write_outputs(tmp_path, rows, summary)
    failures = check_gate(summary, parse_thresholds(GATE))
    wrong = [f"{r['id']}: {r['question']} -> {r['answer']}" for r in rows if not r["correct"]]
    assert not failures, format_summary(summary) + "\n" + "\n".join(failures + wrong)
