"""Loading golden sets: the happy path, and one test per kind of mistake in a file."""

import json
from pathlib import Path

import pytest

from assistant.errors import GoldenSetError
from assistant.evaluation.golden import GoldenRow, load_golden

from .fakes import DATA

DOCS = DATA / "docs"
GOOD = {"id": "g1", "question": "When did the orchard open?", "facts": [["1990"]],
        "evidence": ["The orchard opened in 1990."], "source": "fruit.txt"}
PROJECT = Path(__file__).resolve().parents[2]


def write_lines(tmp_path, *lines) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(l if isinstance(l, str) else json.dumps(l) for l in lines) + "\n", encoding="utf-8")
    return path


def test_load_golden_reads_every_field_and_skips_blank_lines():
    rows = load_golden(DATA / "golden.jsonl", docs=DOCS)
    assert [r.id for r in rows] == ["f1", "f2", "f3"]
    assert rows[0] == GoldenRow("f1", "When did the orchard open?", True, [["1990"]], None,
                                ["The orchard opened in 1990."], "fruit.txt", "when", [], [], line=1)
    assert rows[1].polarity == "yes"
    assert rows[2].answerable is False and rows[2].line == 4


def test_load_golden_accepts_squad_fields_and_bare_strings(tmp_path):
    path = write_lines(tmp_path, {"id": 7, "question": "q", "answers": "1990", "gold_spans": [[22, 49]], "source": "fruit.txt",
                                 "facts": ["1990", ["orchard", "Orchard"]], "evidence": "Bananas are yellow."})
    (row,) = load_golden(path, docs=DOCS)
    assert (row.id, row.answers, row.gold_spans) == ("7", ["1990"], [(22, 49)])
    assert row.facts == [["1990"], ["orchard", "Orchard"]] and row.evidence == ["Bananas are yellow."]


def test_quotes_are_not_checked_without_a_docs_folder(tmp_path):
    path = write_lines(tmp_path, {**GOOD, "evidence": ["Not in the document."]})
    assert load_golden(path)[0].evidence == ["Not in the document."]


@pytest.mark.parametrize(
    "bad_line, message",
    [
        ('{"id": "x", "question": ', "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ({**GOOD, "answer": "1990"}, "unknown field(s) 'answer'"),
        ({"id": "x"}, "missing question"),
        ({"id": "x", "question": "   "}, "missing question"),
        ({"question": "q"}, "missing id"),
        ({**GOOD, "answerable": "yes"}, "answerable must be true or false"),
        ({**GOOD, "polarity": "maybe"}, 'polarity must be "yes" or "no"'),
        ({**GOOD, "facts": "1990"}, "facts must be a list"),
        ({**GOOD, "facts": [[]]}, "a facts group is empty"),
        ({**GOOD, "evidence": [""]}, "evidence must be a list of non-empty strings"),
        ({**GOOD, "gold_spans": [[5, 2]]}, "gold_spans must be a list of [start, end]"),
        ({"id": "x", "question": "q", "evidence": ["Bananas are yellow."]}, "need a source document"),
        ({"id": "x", "question": "q", "answerable": False, "facts": [["x"]]}, "unanswerable question cannot have facts"),
        ({**GOOD, "evidence": ["The orchard opened in 1991."]}, "evidence quote is not verbatim in fruit.txt"),
        ({**GOOD, "evidence": ["the orchard opened in 1990."]}, "not verbatim"),  # case matters
        ({**GOOD, "source": "missing.txt"}, "source 'missing.txt' not found"),
        ({**GOOD, "gold_spans": [[0, 10_000]]}, "runs past the end of fruit.txt"),
    ],
)
def test_each_mistake_is_a_golden_set_error_naming_file_and_line(tmp_path, bad_line, message):
    path = write_lines(tmp_path, GOOD | {"id": "first"}, "", bad_line)
    with pytest.raises(GoldenSetError) as caught:
        load_golden(path, docs=DOCS)
    assert f"{path}:3: " in str(caught.value)
    assert message in str(caught.value)


def test_a_duplicate_id_names_both_lines(tmp_path):
    path = write_lines(tmp_path, GOOD, {**GOOD, "id": "g2"}, GOOD)
    with pytest.raises(GoldenSetError, match=r"gold\.jsonl:3: duplicate id 'g1' \(first used on line 1\)"):
        load_golden(path)


def test_a_missing_or_empty_file_is_a_golden_set_error(tmp_path):
    with pytest.raises(GoldenSetError, match="golden file not found"):
        load_golden(tmp_path / "nope.jsonl")
    with pytest.raises(GoldenSetError, match="no questions"):
        load_golden(write_lines(tmp_path, "", "  "))


@pytest.mark.parametrize("name", ["seed_qa.jsonl", "seed_blind.jsonl"])
def test_the_projects_seed_golden_sets_are_valid_against_the_seed_documents(name):
    golden, seeds = PROJECT / "tests" / "golden" / name, PROJECT / "seeds"
    if not golden.exists() or not seeds.is_dir():
        pytest.skip("no seed golden set in this checkout")
    rows = load_golden(golden, docs=seeds)
    assert rows and len({r.id for r in rows}) == len(rows)
    assert sum(not r.answerable for r in rows) >= len(rows) // 5  # a fair share the article does not answer
