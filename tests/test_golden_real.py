"""The seed golden set through the real pipeline (real MiniLM, Chroma, local LLM), with a gate.

The golden set was written by hand from the article, independently of the code.
The thresholds sit about two questions below what the default model measured here
(`assistant eval tests/golden/seed_qa.jsonl` in a fresh clone, 2026-11-30, session 15:
accuracy 0.937 of 79, answered correctly 0.921 of the 63 answerable,
declined-when-unanswerable 1.000 of 16, wrongly declined 0.016 of 63, citation precision
0.905, recall 0.889): they catch regressions without failing on one answer that flips
between machines. Session 15 raised accuracy 0.89 → 0.91 and answered correctly 0.87 → 0.88
with its gains (session 14 measured 0.924 and 0.905; sessions 13 and 14 had raised them from
0.87 and 0.85). The citation thresholds stay at 0.87, about two citations below the
figures. (Session 12's score fusion had cost two of this set's citations for better retrieval
elsewhere; the thresholds were kept rather than loosened: README, "Measured figures".) They
are below the issue's targets (0.9 correct of the answerable, 0.9 declined, 0.05 wrongly
declined, 0.9 precision), which this pipeline does not reach yet on held-out questions.
"""

import pytest

from assistant.evaluation.gate import check_gate, parse_thresholds
from assistant.evaluation.golden import load_golden
from assistant.evaluation.report import format_summary, write_outputs
from assistant.evaluation.runner import run_eval
from conftest import ROOT

pytestmark = pytest.mark.slow

GATE = "accuracy=0.91,correct=0.88,abstain=0.87,wrongly_declined<=0.04,cite_precision=0.87,cite_recall=0.87,verbatim=1.0"


def test_seed_golden_set_meets_the_quality_gate(real_bot, tmp_path):
    golden = load_golden(ROOT / "tests/golden/seed_qa.jsonl", docs=real_bot.docs_dir)
    rows, summary = run_eval(real_bot, golden, progress=False)
    write_outputs(tmp_path, rows, summary)
    failures = check_gate(summary, parse_thresholds(GATE))
    wrong = [f"{r['id']}: {r['question']} -> {r['answer']}" for r in rows if not r["correct"]]
    assert not failures, format_summary(summary) + "\n" + "\n".join(failures + wrong)
