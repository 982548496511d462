"""Golden question sets: JSON Lines files that say what a right answer looks like.

One question a line, for example:

    {"id": "q1", "question": "Who signed for Canada?", "facts": [["Joly"], ["Minister", "minister"]],
     "evidence": ["The memorandum was signed on January 29 by ..."], "source": "mou.txt", "category": "who"}

Fields (anything else is an error):
  id          string (or integer), unique in the file            required
  question    non-empty string                                   required
  answerable  bool, default true
  facts       groups of acceptable phrasings: every group must appear in the answer,
              any phrasing of a group will do (a bare string is a one-phrasing group)
  polarity    "yes" or "no": the answer must start with Yes / No
  evidence    verbatim quotes of `source` that support the answer
  source      document path relative to the documents folder ("/" separators)
  category    free label used to break reports down
  answers     gold answer texts (SQuAD sets): one must appear after SQuAD normalisation
  gold_spans  [[start, end], ...] character offsets into `source` (SQuAD sets)

>>> rows = load_golden("tests/golden/seed_qa.jsonl", docs="seeds")   # doctest: +SKIP
>>> rows[0].id, rows[0].facts                                          # doctest: +SKIP
('seed-001', [['Joly']])

Every problem is a GoldenSetError naming the file and line, e.g.
`gold.jsonl:3: unknown field 'answer'`. Quotes and spans are checked against the
documents only when `docs` is given. Deliberately not done: no fuzzy matching
(a quote must be verbatim, character for character), no comments in the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..documents import decode
from ..errors import GoldenSetError

FIELDS = ("id", "question", "answerable", "facts", "polarity", "evidence", "source", "category", "answers", "gold_spans")


@dataclass(frozen=True)
class GoldenRow:
    id: str
    question: str
    answerable: bool = True
    facts: list[list[str]] = field(default_factory=list)  # [[phrasing, ...], ...] every group must match
    polarity: str | None = None  # "yes" | "no" | None
    evidence: list[str] = field(default_factory=list)  # verbatim quotes of `source`
    source: str | None = None
    category: str = ""
    answers: list[str] = field(default_factory=list)  # SQuAD gold answer texts
    gold_spans: list[tuple[int, int]] = field(default_factory=list)  # (start, end) into `source`
    line: int = 0  # line number in the golden file, for messages


class _Bad(Exception):
    """A problem with one line; `load_golden` adds the file and line number."""


def load_golden(path: str | Path, docs: str | Path | None = None) -> list[GoldenRow]:
    """Read and validate a golden file; with `docs`, also check quotes and spans against the documents."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise GoldenSetError(f"golden file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise GoldenSetError(f"golden file {path} cannot be read: {err}") from None
    rows: list[GoldenRow] = []
    first_line: dict[str, int] = {}  # id -> line where it first appeared
    texts: dict[str, str] = {}  # source -> document text, read once
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = parse_row(line, number)
            if row.id in first_line:
                raise _Bad(f"duplicate id {row.id!r} (first used on line {first_line[row.id]})")
            if docs is not None:
                check_against_documents(row, Path(docs), texts)
        except _Bad as err:
            raise GoldenSetError(f"{path}:{number}: {err}") from None
        first_line[row.id] = number
        rows.append(row)
    if not rows:
        raise GoldenSetError(f"{path}: no questions in the golden file")
    return rows


def parse_row(line: str, number: int = 0) -> GoldenRow:
    """One JSON line -> GoldenRow, or _Bad with the reason (see the module docstring for fields)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise _Bad(f"not valid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(obj, dict):
        raise _Bad("expected a JSON object {...}")
    unknown = sorted(set(obj) - set(FIELDS))
    if unknown:
        raise _Bad(f"unknown field(s) {', '.join(map(repr, unknown))}; known: {', '.join(FIELDS)}")
    question, id_ = obj.get("question"), obj.get("id")
    if not isinstance(question, str) or not question.strip():
        raise _Bad("missing question (a non-empty string)")
    if isinstance(id_, bool) or not isinstance(id_, (str, int)) or not str(id_).strip():
        raise _Bad("missing id (a non-empty string)")
    row = GoldenRow(
        id=str(id_), question=question, answerable=_bool(obj.get("answerable", True)),
        facts=_facts(obj.get("facts")), polarity=_polarity(obj.get("polarity")),
        evidence=_strings(obj.get("evidence"), "evidence"), source=_optional_str(obj.get("source"), "source"),
        category=_optional_str(obj.get("category"), "category") or "",
        answers=_strings(obj.get("answers"), "answers"), gold_spans=_spans(obj.get("gold_spans")), line=number,
    )
    if (row.evidence or row.gold_spans) and not row.source:
        raise _Bad("evidence and gold_spans need a source document")
    if not row.answerable and (row.facts or row.polarity or row.answers):
        raise _Bad("an unanswerable question cannot have facts, polarity or answers")
    return row


def check_against_documents(row: GoldenRow, docs: Path, texts: dict[str, str]) -> None:
    """Raise _Bad unless `row.source` exists and every quote/span is really in it."""
    if not row.source:
        return
    if row.source not in texts:
        path = docs / row.source
        if not path.is_file():
            raise _Bad(f"source {row.source!r} not found in the documents folder {docs}")
        try:
            texts[row.source] = decode(path.read_bytes(), row.source)
        except (OSError, ValueError) as err:
            raise _Bad(f"source {row.source!r} cannot be read: {err}") from None
    text = texts[row.source]
    for quote in row.evidence:
        if quote not in text:
            raise _Bad(f"evidence quote is not verbatim in {row.source}: {quote[:80]!r}")
    for start, end in row.gold_spans:
        if end > len(text):
            raise _Bad(f"gold span [{start}, {end}] runs past the end of {row.source} ({len(text)} characters)")


def _bool(value) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"answerable must be true or false, got {value!r}")
    return value


def _optional_str(value, name: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise _Bad(f"{name} must be a string, got {value!r}")
    return value


def _strings(value, name: str) -> list[str]:
    """None -> [], "x" -> ["x"], a list of non-empty strings -> itself."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(s, str) and s.strip() for s in items):
        raise _Bad(f"{name} must be a list of non-empty strings, got {value!r}")
    return list(items)


def _facts(value) -> list[list[str]]:
    """[["Joly"], ["Kim", "Kim Jung-kwan"]] stays as is; a bare string group "Joly" becomes ["Joly"]."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Bad(f"facts must be a list of groups of phrasings, got {value!r}")
    groups = []
    for group in value:
        phrasings = _strings(group, "each facts group")
        if not phrasings:
            raise _Bad("a facts group is empty")
        groups.append(phrasings)
    return groups


def _polarity(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value.lower() not in ("yes", "no"):
        raise _Bad(f'polarity must be "yes" or "no", got {value!r}')
    return value.lower()


def _spans(value) -> list[tuple[int, int]]:
    if value is None:
        return []
    ok = isinstance(value, list) and all(
        isinstance(s, list) and len(s) == 2 and all(type(x) is int for x in s) and 0 <= s[0] < s[1] for s in value
    )
    if not ok:
        raise _Bad(f"gold_spans must be a list of [start, end] with 0 <= start < end, got {value!r}")
    return [(s[0], s[1]) for s in value]
