import pytest

from assistant.documents import decode, load_documents
from assistant.errors import DocumentsError


def test_reads_txt_and_md_recursively_and_ignores_other_and_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Alpha.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("# Beta", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    result = load_documents(tmp_path)
    assert [d.source for d in result.documents] == ["a.txt", "sub/b.md"]
    assert result.warnings == []


def test_bad_files_are_skipped_with_a_warning_naming_them_and_others_still_load(tmp_path):
    (tmp_path / "good.txt").write_text("Fine text.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("café".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("x" * 200, encoding="utf-8")
    result = load_documents(tmp_path, max_bytes=100)
    assert [d.source for d in result.documents] == ["good.txt"]
    assert sorted(result.skipped) == ["binary.txt", "empty.md", "huge.txt", "latin1.txt"]
    joined = "\n".join(result.warnings)
    assert "latin1.txt: is not UTF-8" in joined and "binary.txt: looks binary" in joined
    assert "empty.md: is empty" in joined and "huge.txt: is 200 bytes" in joined


def test_text_is_kept_exactly_except_a_leading_bom():
    assert decode("\ufeffLine one\r\nLine two  ".encode("utf-8")) == "Line one\r\nLine two  "


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DocumentsError, match="documents folder not found"):
        load_documents(tmp_path / "nope")


def test_identity_hash_changes_with_content(tmp_path):
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    first = load_documents(tmp_path).documents[0].sha256
    (tmp_path / "a.txt").write_text("Two.", encoding="utf-8")
    assert load_documents(tmp_path).documents[0].sha256 != first
