"""The files a run writes, the terminal table, and the self-contained HTML page."""

import json
import re

import pytest

from assistant.evaluation.golden import GoldenRow, load_golden
from assistant.evaluation.report import format_summary, format_table, render_html, write_outputs
from assistant.evaluation.runner import run_eval
from assistant.evaluation.svg import bar_chart, histogram
from assistant.types import Answer

from .fakes import DATA, FakeBot, cite


@pytest.fixture
def run(fruit_bot):
    return run_eval(fruit_bot, load_golden(DATA / "golden.jsonl", docs=DATA / "docs"), progress=False)


def test_write_outputs_writes_results_summary_and_report(tmp_path, run):
    rows, summary = run
    paths = write_outputs(tmp_path / "out", rows, summary)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.html", "results.jsonl", "summary.json"]
    assert json.loads(paths["summary.json"].read_text(encoding="utf-8")) == summary
    written = [json.loads(line) for line in paths["results.jsonl"].read_text(encoding="utf-8").splitlines()]
    assert len(written) == 3
    for key in ("question", "answer", "abstained", "citations", "timings_ms",  # Answer.to_dict()
                "id", "category", "correct", "squad_f1", "gold_rank", "n_citations_on_gold", "gold"):
        assert key in written[0]


def test_report_html_is_self_contained_with_two_svg_charts(run):
    page = render_html(*run)
    assert page.count("<svg") >= 2
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page.lower() and "<link" not in page.lower()


def test_report_highlights_cited_spans_inside_their_sentences(run):
    page = render_html(*run)
    assert "Apples grow on trees. <mark class='gold'>The orchard opened in 1990.</mark> Bananas are yellow." in page
    assert "<mark class='off'>Pears ripen in spring.</mark>" in page and "not verbatim" in page
    # the gold evidence, beside the answer, also in its sentence context
    assert "<blockquote>Apples grow on trees. <mark class='gold'>The orchard opened in 1990.</mark> Bananas" in page


def test_report_escapes_every_piece_of_text():
    nasty = "<script>alert('x')</script>"
    text = f"Intro. {nasty} Outro."
    bot = FakeBot({nasty: Answer(nasty, nasty, False, citations=[cite(nasty, text=text, source="x.txt")])}, {"x.txt": text})
    golden = [GoldenRow("<b>id</b>", nasty, facts=[[nasty]], evidence=[nasty], source="x.txt", category="<i>c</i>")]
    page = render_html(*run_eval(bot, golden, progress=False))
    assert "<script" not in page and "<b>id" not in page and "<i>c" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_format_summary_lists_every_metric_and_one_line_per_category(run):
    text = format_summary(run[1])
    assert re.search(r"^answer_accuracy\s+0\.667$", text, re.MULTILINE)
    assert re.search(r"^latency_p95_ms\s+76$", text, re.MULTILINE)
    assert re.search(r"^squad_f1\s+n/a$", text, re.MULTILINE)
    assert re.search(r"^yesno\s+1\s+0\.000", text, re.MULTILINE)


def test_format_table_pads_columns_to_the_widest_cell():
    assert format_table(["name", "v"], [["a", 1], ["long", 22]]) == "name  v\n----  --\na     1\nlong  22"


def test_charts_are_inline_svg_and_survive_missing_values():
    bars = bar_chart(["a", "b"], {"accuracy": [0.5, None], "recall": [1.0, 0.25]}, "By <category>")
    assert bars.startswith("<svg") and bars.endswith("</svg>") and "By &lt;category&gt;" in bars
    assert bars.count("<rect") == 3 + 2  # three bars (one None skipped) and two legend boxes
    assert histogram([], "Latency").endswith("</svg>")
    assert histogram([5.0, 5.0], "Latency").count("<title>") == 1 + 12  # all values equal: still 12 bins
