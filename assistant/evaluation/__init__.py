"""Evaluation: ask a golden question set, score the answers without an LLM judge, report.

    golden.py   the JSON Lines golden-set format, validated at load
    metrics.py  per-question checks and the aggregate metrics (pure functions)
    runner.py   run_eval(bot, golden_rows) -> (rows, summary)
    report.py   terminal table, results.jsonl, summary.json, self-contained report.html
    svg.py      the report's hand-written inline SVG charts
    compare.py  what changed between two runs
    gate.py     --fail-under thresholds for CI
    squad.py    documents + golden set built from a SQuAD file
    cli.py      argparse glue for `assistant eval`

>>> rows, summary = run_eval(bot, load_golden("tests/golden/seed_qa.jsonl", docs="seeds"))  # doctest: +SKIP
>>> write_outputs("eval-out", rows, summary)                                                  # doctest: +SKIP

Nothing here imports llama-index, chromadb or torch; the assistant is passed in.
"""

from .compare import compare, format_comparison
from .gate import check_gate, parse_thresholds
from .golden import GoldenRow, load_golden
from .report import format_summary, write_outputs
from .runner import run_eval
from .squad import build_squad_set

__all__ = [
    "GoldenRow", "build_squad_set", "check_gate", "compare", "format_comparison", "format_summary",
    "load_golden", "parse_thresholds", "run_eval", "write_outputs",
]
