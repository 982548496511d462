"""Read the documents folder: every `.txt` and `.md` file, text kept exactly as read.

Decoding rule (the one rule that makes offsets stable): the file's bytes are
decoded as strict UTF-8; a leading byte-order mark is dropped; nothing else is
changed (line endings, spaces and Unicode are kept as they are). Offsets
everywhere are Python string indices into that text.

>>> load_documents(Path("seeds")).documents[0].source    # doctest: +SKIP
'canada-korea-mou.txt'

A file that is not UTF-8, contains NUL bytes (binary), is empty, too large or
unreadable is skipped with a warning naming it; the others are still read.
Hidden files and folders (".git", ".DS_Store") are ignored. Deliberately not
done: no PDF/HTML/Word parsing, no encoding guessing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DocumentsError

EXTENSIONS = (".txt", ".md")


@dataclass(frozen=True)
class Document:
    source: str  # path relative to the documents folder, "/"-separated
    text: str
    sha256: str  # of the decoded text: the document's identity in the store


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # one line per skipped file
    skipped: list[str] = field(default_factory=list)


def decode(data: bytes, name: str = "document") -> str:
    """Decode with the project's one rule; raise ValueError with a reason otherwise.

    >>> decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9\\r\\n")
    'café\\r\\n'
    """
    if b"\x00" in data:
        raise ValueError("looks binary (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(f"is not UTF-8 (byte {err.start}); save it as UTF-8") from None
    if not text.strip():
        raise ValueError("is empty")
    return text


def load_documents(folder: Path, max_bytes: int = 5_000_000) -> LoadResult:
    """Read every document under `folder`; raise DocumentsError if the folder is missing."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DocumentsError(f"documents folder not found: {folder} (create it, or pass --docs DIR / set ASSISTANT_DOCS)")
    result = LoadResult()
    for path in sorted(_document_paths(folder)):
        source = path.relative_to(folder).as_posix()
        try:
            text = _read(path, max_bytes)
        except ValueError as err:
            result.warnings.append(f"skipped {source}: {err}")
            result.skipped.append(source)
            continue
        result.documents.append(Document(source, text, hashlib.sha256(text.encode("utf-8")).hexdigest()))
    return result


def _document_paths(folder: Path):
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        if any(p.startswith(".") for p in parts):
            continue
        if path.suffix.lower() in EXTENSIONS and path.is_file():
            yield path


def _read(path: Path, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ValueError(f"is {size:,} bytes, over the {max_bytes:,}-byte limit (max_document_bytes)")
        return decode(path.read_bytes())
    except OSError as err:
        raise ValueError(f"cannot be read ({err.strerror})") from None
