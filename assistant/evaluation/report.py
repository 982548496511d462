"""What a run leaves behind: a terminal table, results.jsonl, summary.json and report.html.

>>> paths = write_outputs("eval-out", rows, summary)      # doctest: +SKIP
>>> print(format_summary(summary))                         # doctest: +SKIP
metric              value
------------------  -----
answer_accuracy     0.850
...

report.html is one self-contained file: inline CSS and SVG, no scripts, no
external links or fonts; every piece of text from questions, answers and
documents goes through html.escape. Deliberately not done: sorting, filtering
or any JavaScript; open results.jsonl for anything the page does not show.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from . import svg

CATEGORY_COLUMNS = {  # summary name -> short header for the per-category table
    "answer_accuracy": "accuracy", "abstain_accuracy": "abstain", "wrongly_declined": "declined",
    "citation_recall": "cite_rec", "citation_precision": "cite_prec", "squad_f1": "f1", "mrr": "mrr",
}


def format_table(headers: list[str], rows: list[list]) -> str:
    """A plain-text table with left-aligned columns.

    >>> print(format_table(["a", "bb"], [["x", 1]]))
    a  bb
    -  --
    x  1
    """
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_value(name: str, value) -> str:
    """'n/a' for None, whole milliseconds for *_ms, three decimals for other floats."""
    if value is None:
        return "n/a"
    if name.endswith("_ms"):
        return f"{value:.0f}"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def format_summary(summary: dict) -> str:
    """The overall metrics table, then one line per category."""
    overall = [[name, format_value(name, v)] for name, v in summary.items() if name != "by_category"]
    columns = [c for c in CATEGORY_COLUMNS if any(c in m for m in summary["by_category"].values())]
    per_category = [
        [category, m["n"], *(format_value(c, m.get(c)) for c in columns)]
        for category, m in summary["by_category"].items()
    ]
    headers = ["category", "n", *(CATEGORY_COLUMNS[c] for c in columns)]
    return format_table(["metric", "value"], overall) + "\n\n" + format_table(headers, per_category)


def write_outputs(out_dir: str | Path, rows: list[dict], summary: dict) -> dict[str, Path]:
    """Write results.jsonl, summary.json and report.html into `out_dir` (created if needed)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in ("results.jsonl", "summary.json", "report.html")}
    with paths["results.jsonl"].open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    paths["summary.json"].write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    paths["report.html"].write_text(render_html(rows, summary), encoding="utf-8")
    return paths


def render_html(rows: list[dict], summary: dict) -> str:
    """The whole report page as one string."""
    categories = list(summary["by_category"])
    series = {
        name: [summary["by_category"][c].get(name) for c in categories]
        for name in ("answer_accuracy", "citation_recall", "abstain_accuracy")
    }
    totals = [r["timings_ms"]["total"] for r in rows if "total" in r["timings_ms"]]
    overall = "".join(
        f"<tr><td>{escape(n)}</td><td>{format_value(n, v)}</td></tr>" for n, v in summary.items() if n != "by_category"
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evaluation report</title><style>{_CSS}</style></head>
<body><h1>Evaluation report</h1>
<p>{summary['n_questions']} questions ({summary['n_answerable']} answerable, {summary['n_unanswerable']} unanswerable).</p>
<div class="top"><table class="summary"><tr><th>metric</th><th>value</th></tr>{overall}</table>
<div>{svg.bar_chart(categories, series, "Metrics by category")}
{svg.histogram(totals, "Total latency per question")}</div></div>
<h2>Questions</h2>
<table class="questions"><tr><th>id</th><th>question</th><th>answer</th><th>gold</th><th>citations</th><th>scores</th></tr>
{"".join(_question_row(r) for r in rows)}
</table></body></html>
"""


def _question_row(row: dict) -> str:
    verdict = '<span class="ok">correct</span>' if row["correct"] else '<span class="bad">wrong</span>'
    declined = ' <span class="tag">declined</span>' if row["abstained"] else ""
    scores = [f"f1 {format_value('f1', row['squad_f1'])}" if row["squad_f1"] is not None else "",
              f"gold rank {row['gold_rank'] or '–'}" if row["has_gold"] else "",
              f"{format_value('total_ms', row['timings_ms'].get('total'))} ms"]
    return (
        f"<tr><td>{escape(row['id'])}<br><small>{escape(row['category'])}</small></td>"
        f"<td>{escape(row['question'])}</td>"
        f"<td>{verdict}{declined}<div class='text'>{escape(row['answer'])}</div></td>"
        f"<td>{_gold(row)}</td><td>{_citations(row)}</td>"
        f"<td>{'<br>'.join(escape(s) for s in scores if s)}</td></tr>\n"
    )


def _gold(row: dict) -> str:
    gold = row["gold"]
    if not row["answerable"]:
        return "<em>unanswerable: should decline</em>"
    parts = []
    if gold["facts"]:
        parts.append("facts: " + "; ".join(" | ".join(map(escape, group)) for group in gold["facts"]))
    if gold["polarity"]:
        parts.append(f"starts with: {escape(gold['polarity'])}")
    if gold["answers"]:
        parts.append("answers: " + " | ".join(map(escape, gold["answers"])))
    parts += [f"<blockquote>{escape(c['before'])}<mark class='gold'>{escape(c['text'])}</mark>{escape(c['after'])}</blockquote>"
              for c in gold["contexts"]]
    parts += [f"<span class='bad'>not found in {escape(gold['source'])}:</span> {escape(q)}" for q in gold["unlocated"]]
    return "".join(f"<div>{part}</div>" for part in parts)


def _citations(row: dict) -> str:
    items = []
    for citation, judged in zip(row["citations"], row["cited"]):
        kind = "gold" if judged["on_gold"] else "off"
        note = "" if judged["verbatim"] else " <span class='bad'>not verbatim</span>"
        where = f"{citation['source']}:{citation['start']}-{citation['end']}"
        items.append(
            f"<div class='cite'><small>{escape(where)}{note}</small><br>{escape(judged['before'])}"
            f"<mark class='{kind}'>{escape(citation['quote'])}</mark>{escape(judged['after'])}</div>"
        )
    return "".join(items) or "<em>none</em>"


_CSS = """
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align: left; }
.top { display: flex; gap: 2em; flex-wrap: wrap; align-items: flex-start; }
.questions td { max-width: 28em; font-size: 0.9em; }
.text { white-space: pre-wrap; margin-top: 4px; }
.ok { color: #1a7f37; font-weight: bold; } .bad { color: #c62828; font-weight: bold; }
.tag { background: #eee; border-radius: 3px; padding: 0 4px; }
mark.gold { background: #b7ebc6; } mark.off { background: #ffe08a; }
.cite { margin-bottom: 6px; } blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #b7ebc6; }
"""
