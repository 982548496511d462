"""Compare two evaluation runs: which metrics moved, which questions flipped.

>>> result = compare("eval-before", "eval-after")     # doctest: +SKIP
>>> print(format_comparison(result))                  # doctest: +SKIP
metric           old    new    change  verdict
---------------  -----  -----  ------  -------
answer_accuracy  0.800  0.850  +0.050  better
...

Each folder is the output of `write_outputs` (summary.json and results.jsonl).
Questions are matched by id. Deliberately not done: no significance testing;
a change of one question in twenty is reported as plainly as any other.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import AssistantError
from .metrics import LOWER_IS_BETTER, NEUTRAL
from .report import format_table, format_value


def compare(old_dir: str | Path, new_dir: str | Path) -> dict:
    """Compare two output folders: `compare_runs` of what `load_run` reads from each."""
    return compare_runs(*load_run(old_dir), *load_run(new_dir))


def compare_runs(old_summary: dict, old_rows: list[dict], new_summary: dict, new_rows: list[dict]) -> dict:
    """{"metrics": [(name, old, new)], "flipped": [(id, old_correct, new_correct, question)],
    "only_old": [ids], "only_new": [ids]} for the top-level metrics of both summaries."""
    names = [n for n in new_summary if n != "by_category"]
    names += [n for n in old_summary if n not in new_summary and n != "by_category"]
    old_by_id = {r["id"]: r for r in old_rows}
    new_by_id = {r["id"]: r for r in new_rows}
    return {
        "metrics": [(n, old_summary.get(n), new_summary.get(n)) for n in names],
        "flipped": [
            (i, old_by_id[i]["correct"], r["correct"], r["question"])
            for i, r in new_by_id.items()
            if i in old_by_id and old_by_id[i]["correct"] != r["correct"]
        ],
        "only_old": [i for i in old_by_id if i not in new_by_id],
        "only_new": [i for i in new_by_id if i not in old_by_id],
    }


def verdict(name: str, old, new) -> str:
    """'better', 'worse', 'same' or '' (counts, time shares, or a side not measured).

    >>> verdict("answer_accuracy", 0.5, 0.75), verdict("latency_p95_ms", 900, 1200), verdict("n_questions", 5, 6)
    ('better', 'worse', '')
    """
    if old is None or new is None or name in NEUTRAL:
        return ""
    if new == old:
        return "same"
    return "better" if (new < old) == (name in LOWER_IS_BETTER) else "worse"


def format_comparison(result: dict) -> str:
    """The metric table, then the flipped questions (or a line saying none flipped)."""
    metric_rows = [
        [n, format_value(n, old), format_value(n, new), _change(n, old, new), verdict(n, old, new)]
        for n, old, new in result["metrics"]
    ]
    text = format_table(["metric", "old", "new", "change", "verdict"], metric_rows)
    flips = [[i, _word(o), _word(n), q[:70]] for i, o, n, q in result["flipped"]]
    text += "\n\n" + (format_table(["id", "old", "new", "question"], flips) if flips else "No question flipped.")
    for side in ("only_old", "only_new"):
        if result[side]:
            text += f"\n{len(result[side])} question(s) only in the {side[5:]} run: {', '.join(result[side][:10])}"
    return text


def _change(name: str, old, new) -> str:
    if old is None or new is None:
        return ""
    return f"{new - old:+.0f}" if name.endswith("_ms") or isinstance(new, int) else f"{new - old:+.3f}"


def _word(correct: bool) -> str:
    return "correct" if correct else "wrong"


def load_run(folder: str | Path) -> tuple[dict, list[dict]]:
    """(summary, result rows) of an output folder; AssistantError if it is not one."""
    folder = Path(folder)
    try:
        summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        with (folder / "results.jsonl").open(encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as err:
        raise AssistantError(f"{folder} is not an evaluation output folder (summary.json, results.jsonl): {err}") from None
    return summary, rows
