"""Files added from the browser: checked, safely named, stored in the documents folder.

Rules (the app's only way to write into the documents folder):

- only `.txt` and `.md`, at most `MAX_UPLOAD_BYTES`, valid UTF-8 text (no NUL bytes), not empty;
- the name loses any directory part and every character outside `[A-Za-z0-9._-]`
  (runs become one "_"), and never starts with a dot: `../../etc/x.txt` -> `x.txt`;
- nothing is overwritten: a name already taken gets a number (`report.txt` ->
  `report-2.txt`), and a file identical to one already there is not stored again.
  Seed documents are therefore never replaced from the browser.

>>> safe_name("C:\\\\Users\\\\me\\\\My Report (final).MD")
'My_Report_final.md'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ALLOWED_SUFFIXES = (".txt", ".md")
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_STEM_CHARS = 80


class UploadError(ValueError):
    """An uploaded file was refused; the message says why, naming the file."""


@dataclass(frozen=True)
class Stored:
    original: str  # the name the browser sent
    name: str  # the name in the documents folder
    duplicate: bool = False  # identical to `name`, which was already there: nothing written


def safe_name(original: str) -> str:
    """A file name safe to create in the documents folder (raises UploadError).

    >>> safe_name("../../etc/passwd.txt"), safe_name(".hidden notes.md")
    ('passwd.txt', 'hidden_notes.md')
    """
    name = re.split(r"[\\/]", original)[-1].strip()
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in ALLOWED_SUFFIXES:
        raise UploadError(f"{name or original!r}: only .txt and .md files can be added")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")[:MAX_STEM_CHARS].strip("._-")
    return f"{stem or 'document'}.{suffix.lower()}"


def check_content(name: str, data: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> str:
    """The text of an upload, or UploadError if it is too big, binary, not UTF-8 or empty."""
    if len(data) > max_bytes:
        raise UploadError(f"{name}: {len(data):,} bytes is over the {max_bytes:,}-byte limit")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UploadError(f"{name}: not UTF-8 text (invalid byte at position {err.start})") from None
    if "\x00" in text:
        raise UploadError(f"{name}: looks like a binary file, not text")
    if not text.strip():
        raise UploadError(f"{name}: the file is empty")
    return text


def store_upload(path: Path, folder: Path, original: str | None = None) -> Stored:
    """Check the uploaded file at `path` and copy it into `folder` without overwriting."""
    original = original or path.name
    name = safe_name(original)
    size = path.stat().st_size
    if size > MAX_UPLOAD_BYTES:  # do not read a huge file just to refuse it
        raise UploadError(f"{name}: {size:,} bytes is over the {MAX_UPLOAD_BYTES:,}-byte limit")
    data = path.read_bytes()
    check_content(name, data)
    return _write_new(folder, name, original, data)


def _write_new(folder: Path, name: str, original: str, data: bytes) -> Stored:
    folder.mkdir(parents=True, exist_ok=True)
    stem, _, suffix = name.rpartition(".")
    number = 1
    while True:
        candidate = name if number == 1 else f"{stem}-{number}.{suffix}"
        target = folder / candidate
        if target.exists() and target.read_bytes() == data:
            return Stored(original, candidate, duplicate=True)
        try:
            with open(target, "xb") as handle:  # "x": fails instead of overwriting
                handle.write(data)
            return Stored(original, candidate)
        except FileExistsError:
            number += 1
