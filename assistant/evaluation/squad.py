"""Turn a SQuAD file into documents plus a golden set, so real questions can test the assistant.

>>> build_squad_set("dev-v2.0-half.json", "out/squad-docs", "out/squad.jsonl",
...                 articles=2, questions=50, seed=1)                        # doctest: +SKIP
{'documents': ['force.txt', 'warsaw.txt'], 'questions': 50, 'unanswerable': 23}

Each chosen article becomes `<slug-of-title>.txt`: its paragraphs joined by a
blank line ("\\n\\n"), so an answer at `answer_start` in paragraph p sits at
`offset[p] + answer_start` in the file; every gold span is checked against the
written text. Unanswerable questions (SQuAD 2.0 `is_impossible`) become
`answerable: false` rows without answers. SQuAD is CC BY-SA 4.0: ATTRIBUTION.txt
is written next to the golden file (the documents folder holds only documents).

Deliberately not done: `plausible_answers` are dropped, and titles are not added
to the documents (they would shift every offset for little gain).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

from ..errors import AssistantError, GoldenSetError

SEPARATOR = "\n\n"
ATTRIBUTION = """Questions and documents derived from SQuAD ({name}), licensed CC BY-SA 4.0.
Rajpurkar, Zhang, Lopyrev and Liang, "SQuAD: 100,000+ Questions for Machine Comprehension of Text" (2016);
Rajpurkar, Jia and Liang, "Know What You Don't Know: Unanswerable Questions for SQuAD" (2018).
The documents are paragraphs of these Wikipedia articles (CC BY-SA): {titles}.
Changes: paragraphs joined into one file per article; questions sampled with seed {seed}.
"""


def build_squad_set(squad_json_path, out_docs_dir, out_golden_path, articles: int = 3, questions: int = 100,
                    seed: int = 0, unanswerable_share: float | None = None) -> dict:
    """Write the documents, the golden file and ATTRIBUTION.txt; return what was written.

    The same file, counts and seed always give the same articles and questions.
    `unanswerable_share=None` keeps SQuAD's own mix; 0.5 asks for half unanswerable
    (as many as exist). Asking for more articles or questions than exist takes them all.
    """
    data = _load(Path(squad_json_path))
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(len(data)), min(articles, len(data))))
    documents: dict[str, str] = {}  # source -> text
    pool: list[dict] = []  # every question of the chosen articles, in document order
    for i in chosen:
        article = data[i]
        source = _unique(slugify(article["title"]), documents)
        text, offsets = join_paragraphs([p["context"] for p in article["paragraphs"]])
        documents[source] = text
        for paragraph, offset in zip(article["paragraphs"], offsets):
            pool.extend(r for qa in paragraph["qas"] if (r := golden_row(qa, source, text, offset)))
    rows = sample_questions(pool, questions, rng, unanswerable_share)
    _write_documents(Path(out_docs_dir), documents)
    golden = Path(out_golden_path)
    golden.parent.mkdir(parents=True, exist_ok=True)
    golden.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    titles = ", ".join(data[i]["title"].replace("_", " ") for i in chosen)
    (golden.parent / "ATTRIBUTION.txt").write_text(
        ATTRIBUTION.format(name=Path(squad_json_path).name, titles=titles, seed=seed), encoding="utf-8")
    return {"documents": sorted(documents), "questions": len(rows),
            "unanswerable": sum(not r["answerable"] for r in rows)}


def slugify(title: str) -> str:
    """'Super_Bowl_50' -> 'super-bowl-50'; accents dropped, anything else becomes '-'.

    >>> slugify("Computational_complexity_theory"), slugify("Nikola Tesla (inventor)"), slugify("Ürümqi")
    ('computational-complexity-theory', 'nikola-tesla-inventor', 'urumqi')
    """
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "article"


def join_paragraphs(paragraphs: list[str]) -> tuple[str, list[int]]:
    """(the paragraphs joined by a blank line, the offset where each paragraph starts).

    >>> join_paragraphs(["Ab.", "Cde."])
    ('Ab.\\n\\nCde.', [0, 5])
    """
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + len(SEPARATOR)
    return SEPARATOR.join(paragraphs), offsets


def golden_row(qa: dict, source: str, text: str, offset: int) -> dict | None:
    """One SQuAD question as a golden row (a dict), spans moved to file offsets and checked.

    None for a question that is empty or answerable without any answer.
    """
    question = qa["question"].strip()
    impossible = bool(qa.get("is_impossible", False))
    row = {"id": qa["id"], "question": question, "answerable": not impossible, "source": source,
           "category": "squad-unanswerable" if impossible else "squad"}
    if impossible:
        return row if question else None
    answers, spans = [], []
    for answer in qa["answers"]:
        start = offset + answer["answer_start"]
        end = start + len(answer["text"])
        if text[start:end] != answer["text"]:
            raise GoldenSetError(f"SQuAD question {qa['id']}: answer {answer['text']!r} is not at "
                                 f"answer_start {answer['answer_start']} of its paragraph")
        if answer["text"] not in answers:
            answers.append(answer["text"])
        if [start, end] not in spans:
            spans.append([start, end])
    return {**row, "answers": answers, "gold_spans": spans} if question and answers else None


def sample_questions(pool: list[dict], count: int, rng: random.Random, unanswerable_share: float | None) -> list[dict]:
    """`count` rows drawn from `pool` without replacement, returned in pool order."""
    order = {id(row): i for i, row in enumerate(pool)}
    if unanswerable_share is None:
        picked = rng.sample(pool, min(count, len(pool)))
    else:
        impossible = [r for r in pool if not r["answerable"]]
        answerable = [r for r in pool if r["answerable"]]
        n_impossible = min(round(count * unanswerable_share), len(impossible))
        picked = rng.sample(impossible, n_impossible)
        picked += rng.sample(answerable, min(count - n_impossible, len(answerable)))
    return sorted(picked, key=lambda row: order[id(row)])


def _load(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["data"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise GoldenSetError(f"{path} is not a SQuAD JSON file ({{'data': [...]}}): {err}") from None
    if not data:
        raise GoldenSetError(f"{path} holds no articles")
    return data


def _unique(slug: str, taken: dict) -> str:
    name, n = f"{slug}.txt", 1
    while name in taken:
        n += 1
        name = f"{slug}-{n}.txt"
    return name


def _write_documents(folder: Path, documents: dict[str, str]) -> None:
    """Write the documents; refuse a folder that already holds other files (they would be indexed too)."""
    folder.mkdir(parents=True, exist_ok=True)
    others = sorted(p.name for p in folder.iterdir() if p.name not in documents)
    if others:
        raise AssistantError(f"{folder} already holds other files ({', '.join(others[:5])}); "
                             "remove it or choose another output folder")
    for source, text in documents.items():
        (folder / source).write_text(text, encoding="utf-8", newline="")
