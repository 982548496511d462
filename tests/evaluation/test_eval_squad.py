"""Building documents and golden sets from SQuAD: a tiny hand-made file and the real dev sets."""

import json
from pathlib import Path

import pytest

from assistant.documents import decode
from assistant.errors import AssistantError, GoldenSetError
from assistant.evaluation.golden import load_golden
from assistant.evaluation.squad import build_squad_set, join_paragraphs, slugify

from .fakes import DATA

TINY = DATA / "tiny_squad.json"
REAL = Path("/work/shared/data/squad")


def build(tmp_path, source=TINY, **options):
    docs, golden = tmp_path / "docs", tmp_path / "set" / "squad.jsonl"
    built = build_squad_set(source, docs, golden, **{"articles": 10, "questions": 100, "seed": 0, **options})
    rows = [json.loads(line) for line in golden.read_text(encoding="utf-8").splitlines()]
    texts = {p.name: decode(p.read_bytes()) for p in docs.iterdir()}
    return built, rows, texts


def test_each_article_becomes_one_document_of_blank_line_joined_paragraphs(tmp_path):
    built, _, texts = build(tmp_path)
    assert built["documents"] == ["cafe-society-2.txt", "cafe-society.txt", "tides.txt"]
    assert texts["cafe-society.txt"] == "Café Society was a nightclub. It opened in 1938 in New York.\n\nBillie Holiday sang there."
    assert texts["tides.txt"] == "Tides are caused by the Moon.\n\nSpring tides are larger.\nNeap tides are smaller."


def test_gold_spans_are_file_offsets_of_the_unique_gold_answers(tmp_path):
    _, rows, texts = build(tmp_path)
    by_id = {r["id"]: r for r in rows}
    assert by_id["c1"]["answers"] == ["a nightclub", "nightclub"]
    assert by_id["c1"]["gold_spans"] == [[17, 28], [19, 28]]
    assert by_id["c3"]["gold_spans"] == [[60 + 2, 60 + 2 + 14]]  # paragraph 2 starts after 60 chars + "\n\n"
    assert by_id["t3"]["gold_spans"] == [[29 + 2 + 25, 29 + 2 + 35]]
    for row in rows:
        for start, end in row.get("gold_spans", []):
            assert texts[row["source"]][start:end] in row["answers"]


def test_unanswerable_questions_become_answerable_false_rows_without_answers(tmp_path):
    _, rows, _ = build(tmp_path)
    c2 = next(r for r in rows if r["id"] == "c2")
    assert c2 == {"id": "c2", "question": "Who closed it?", "answerable": False, "source": "cafe-society.txt",
                  "category": "squad-unanswerable"}
    assert {r["category"] for r in rows if r["answerable"]} == {"squad"}


def test_the_written_set_loads_as_a_valid_golden_set(tmp_path):
    build(tmp_path)
    rows = load_golden(tmp_path / "set" / "squad.jsonl", docs=tmp_path / "docs")
    assert [r.id for r in rows] == ["c1", "c2", "c3", "d1", "t1", "t2", "t3"]  # document order


def test_attribution_sits_next_to_the_golden_file_and_docs_holds_only_documents(tmp_path):
    build(tmp_path)
    attribution = (tmp_path / "set" / "ATTRIBUTION.txt").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in attribution and "Rajpurkar" in attribution and "Tides" in attribution
    assert all(p.suffix == ".txt" and p.name != "ATTRIBUTION.txt" for p in (tmp_path / "docs").iterdir())


def test_the_same_seed_gives_the_same_set_and_counts_are_clipped(tmp_path):
    first = build(tmp_path / "a", articles=2, questions=3, seed=5)
    again = build(tmp_path / "b", articles=2, questions=3, seed=5)
    assert first == again and first[0]["questions"] == 3 and len(first[0]["documents"]) == 2
    assert build(tmp_path / "c", articles=99, questions=999)[0]["questions"] == 7


def test_unanswerable_share_sets_the_mix_as_far_as_the_data_allows(tmp_path):
    built, rows, _ = build(tmp_path / "a", questions=4, unanswerable_share=0.5)
    assert (built["questions"], built["unanswerable"]) == (4, 2)
    assert build(tmp_path / "b", questions=4, unanswerable_share=1.0)[0]["unanswerable"] == 2  # only 2 exist
    assert build(tmp_path / "c", questions=4, unanswerable_share=0.0)[0]["unanswerable"] == 0


def test_an_answer_not_at_its_answer_start_is_an_error(tmp_path):
    data = json.loads(TINY.read_text(encoding="utf-8"))
    data["data"][2]["paragraphs"][0]["qas"][0]["answers"][0]["answer_start"] = 3
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldenSetError, match="SQuAD question t1: answer 'the Moon' is not at answer_start 3"):
        build(tmp_path, source=bad)


def test_a_file_that_is_not_squad_is_an_error(tmp_path):
    (tmp_path / "x.json").write_text('{"version": 1}', encoding="utf-8")
    with pytest.raises(GoldenSetError, match="not a SQuAD JSON file"):
        build(tmp_path, source=tmp_path / "x.json")


def test_refuses_a_documents_folder_holding_other_files_but_rebuilds_its_own(tmp_path):
    build(tmp_path)
    build(tmp_path)  # same set again: fine
    (tmp_path / "docs" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(AssistantError, match="already holds other files"):
        build(tmp_path)


def test_helpers_slugify_and_join_paragraphs():
    assert slugify("Super_Bowl_50") == "super-bowl-50" and slugify("???") == "article"
    assert join_paragraphs(["a", "bc", "d"]) == ("a\n\nbc\n\nd", [0, 3, 7])


@pytest.mark.parametrize("name", ["dev-v2.0-half.json", "dev-v1.1.json"])
def test_real_squad_dev_sets_give_exact_offsets(tmp_path, name):
    if not (REAL / name).exists():
        pytest.skip(f"{REAL / name} not available")
    built, rows, texts = build(tmp_path, source=REAL / name, articles=4, questions=400, seed=7)
    assert built["questions"] == len(rows) == 400 and len(texts) == 4
    spans = 0
    for row in rows:
        for start, end in row.get("gold_spans", []):
            assert texts[row["source"]][start:end] in row["answers"]
            spans += 1
        if row["answerable"]:
            assert {texts[row["source"]][s:e] for s, e in row["gold_spans"]} == set(row["answers"])
    assert spans >= 300
    unanswerable = sum(not r["answerable"] for r in rows)
    if name.startswith("dev-v2"):
        assert 100 < unanswerable < 300  # about half of SQuAD 2.0 is unanswerable
    else:
        assert unanswerable == 0
    assert len(load_golden(tmp_path / "set" / "squad.jsonl", docs=tmp_path / "docs")) == 400
