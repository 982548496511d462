"""The seed golden set through the real pipeline (real MiniLM, Chroma, local LLM), with a gate.

The golden set was written by hand from the article, independently of the code.
The thresholds sit about two questions below what the default model measured here
(`assistant eval tests/golden/seed_qa.jsonl`, 2026-11-30, session 14: accuracy 0.924 of
79, answered correctly 0.905 of the 63 answerable, declined-when-unanswerable 1.000 of
16, wrongly declined 0.016 of 63, citation precision 0.889, recall 0.873): they catch
regressions without failing on one answer that flips between machines. Session 14 raised
accuracy 0.87 → 0.89, answered correctly 0.85 → 0.87 and declined 0.81 → 0.87 with its gains
(session 13 measured 0.899, 0.889 and 0.938). (Session 12's
score fusion cost two of this set's citations, 0.906 and 0.905 before, for better
retrieval elsewhere; the citation thresholds were kept at 0.87, now less than one
question below the figures, rather than loosened: README, "Measured figures".) They are below
the issue's targets (0.9 correct of the answerable, 0.9 declined, 0.05 wrongly declined,
0.9 precision), which this pipeline does not reach yet on held-out questions.
"""

import pytest

from assistant.evaluation.gate import check_gate, parse_thresholds
from assistant.evaluation.golden import load_golden
from assistant.evaluation.report import format_summary, write_outputs
from assistant.evaluation.runner import run_eval
from conftest import ROOT

pytestmark = pytest.mark.slow

GATE = "accuracy=0.89,correct=0.87,abstain=0.87,wrongly_declined<=0.04,cite_precision=0.87,cite_recall=0.87,verbatim=1.0"


def test_seed_golden_set_meets_the_quality_gate(real_bot, tmp_path):
    golden = load_golden(ROOT / "tests/golden/seed_qa.jsonl", docs=real_bot.docs_dir)
    rows, summary = run_eval(real_bot, golden, progress=False)
    write_outputs(tmp_path, rows, summary)
    failures = check_gate(summary, parse_thresholds(GATE))
    wrong = [f"{r['id']}: {r['question']} -> {r['answer']}" for r in rows if not r["correct"]]
    assert not failures, format_summary(summary) + "\n" + "\n".join(failures + wrong)
