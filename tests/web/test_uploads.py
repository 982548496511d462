"""Uploaded files: names made safe, content checked, nothing overwritten."""

import pytest

from assistant.web.uploads import (
    MAX_UPLOAD_BYTES,
    UploadError,
    check_content,
    safe_name,
    store_upload,
)


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("notes.txt", "notes.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\me\\My Report (final).MD", "My_Report_final.md"),
        (".hidden.md", "hidden.md"),
        ("Résumé 2024.txt", "R_sum_2024.txt"),
        ("a..b.txt", "a..b.txt"),
        ("<script>.txt", "script.txt"),
        ("???.txt", "document.txt"),
        ("x" * 200 + ".txt", "x" * 80 + ".txt"),
    ],
)
def test_safe_name_strips_paths_and_unsafe_characters(original, expected):
    assert safe_name(original) == expected


@pytest.mark.parametrize("original", ["report.pdf", "archive.tar.gz", "noextension", "script.txt.exe", "dir/"])
def test_safe_name_refuses_other_extensions(original):
    with pytest.raises(UploadError, match="only .txt and .md files can be added"):
        safe_name(original)


def test_check_content_returns_the_text():
    assert check_content("a.txt", "café\n".encode()) == "café\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe caf\xe9", "a.txt: not UTF-8 text \\(invalid byte at position 0\\)"),
        (b"abc\x00def", "a.txt: looks like a binary file, not text"),
        (b" \n\t", "a.txt: the file is empty"),
        (b"x" * 11, "a.txt: 11 bytes is over the 10-byte limit"),
    ],
)
def test_check_content_refuses_with_a_reason(data, reason):
    with pytest.raises(UploadError, match=f"^{reason}$"):
        check_content("a.txt", data, max_bytes=10)


def test_store_upload_never_overwrites_and_skips_identical_files(tmp_path):
    docs, uploads = tmp_path / "docs", tmp_path / "up"
    docs.mkdir(), uploads.mkdir()
    (docs / "seed.txt").write_text("original seed")
    first = uploads / "seed.txt"
    first.write_text("a different document")

    stored = store_upload(first, docs)
    again = store_upload(first, docs)
    same_as_seed = uploads / "copy.txt"
    same_as_seed.write_text("original seed")

    assert (stored.name, stored.duplicate) == ("seed-2.txt", False)
    assert (again.name, again.duplicate) == ("seed-2.txt", True)
    assert store_upload(same_as_seed, docs).name == "copy.txt"  # another name: stored, seed untouched
    assert (docs / "seed.txt").read_text() == "original seed"
    assert (docs / "seed-2.txt").read_text() == "a different document"
    assert sorted(p.name for p in docs.iterdir()) == ["copy.txt", "seed-2.txt", "seed.txt"]


def test_store_upload_uses_the_original_name_given_by_the_browser(tmp_path):
    upload = tmp_path / "tmpab12"
    upload.write_text("text")
    assert store_upload(upload, tmp_path / "docs", original="../Notes 1.md").name == "Notes_1.md"


def test_store_upload_refuses_a_file_over_the_limit_without_storing_it(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_UPLOAD_BYTES + 1))
    with pytest.raises(UploadError, match="big.txt: 2,097,153 bytes is over the 2,097,152-byte limit"):
        store_upload(big, tmp_path / "docs")
    assert not (tmp_path / "docs").exists()
