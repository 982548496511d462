"""The seed golden set through the real pipeline (real MiniLM, Chroma, local LLM), with a gate.

The golden set was written by hand from the article, independently of the code.
The thresholds sit about two questions below what the default model measured here
(`assistant eval tests/golden/seed_qa.jsonl`, 2026-11-29: accuracy 0.810 of 79,
declined-when-unanswerable 0.875 of 16, wrongly declined 0.048 of 63, citation
precision 0.839, recall 0.825): they catch regressions without failing on one
answer that flips between machines. Accuracy and declining were 0.873 and 1.000
before the sentence+window retrieval units (2026-11-28); that change was kept
because it raised every figure on a SQuAD sample of other articles (see the README). They are below the issue's targets
(0.9 / 0.9 / 0.05 / 0.9), which this pipeline does not reach yet.
"""

import pytest

from assistant.evaluation.gate import check_gate, parse_thresholds
from assistant.evaluation.golden import load_golden
from assistant.evaluation.report import format_summary, write_outputs
from assistant.evaluation.runner import run_eval
from conftest import ROOT

pytestmark = pytest.mark.slow

GATE = "accuracy=0.78,abstain=0.81,wrongly_declined<=0.08,cite_precision=0.84,cite_recall=0.79,verbatim=1.0"


def test_seed_golden_set_meets_the_quality_gate(real_bot, tmp_path):
    golden = load_golden(ROOT / "tests/golden/seed_qa.jsonl", docs=real_bot.docs_dir)
    rows, summary = run_eval(real_bot, golden, progress=False)
    write_outputs(tmp_path, rows, summary)
    failures = check_gate(summary, parse_thresholds(GATE))
    wrong = [f"{r['id']}: {r['question']} -> {r['answer']}" for r in rows if not r["correct"]]
    assert not failures, format_summary(summary) + "\n" + "\n".join(failures + wrong)
