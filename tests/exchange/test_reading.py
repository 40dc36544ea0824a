"""The guarded JSON reader on its own: what it accepts and how it refuses."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dpia_desk.exchange import ImportRefusedError, read_json_file


def test_a_plain_document_with_a_byte_order_mark(tmp_path: Path) -> None:
    file = tmp_path / "doc.json"
    raw = '\ufeff{"a": [1, {"b": "é"}]}'.encode()
    file.write_bytes(raw)
    loaded = read_json_file(file)
    assert loaded.data == {"a": [1, {"b": "é"}]}
    assert loaded.sha256 == hashlib.sha256(raw).hexdigest()
    assert loaded.size == len(raw)


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path: Path) -> None:
    file = tmp_path / "doc.json"
    file.write_text('{"text": "' + "[{" * 10_000 + '"}', encoding="utf-8")
    assert read_json_file(file).data["text"].startswith("[{[{")


def test_exactly_the_limit_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "doc.json"
    file.write_text("[" * 64 + "]" * 64, encoding="utf-8")
    read_json_file(file)
    file.write_text("[" * 65 + "]" * 65, encoding="utf-8")
    with pytest.raises(ImportRefusedError, match=r"\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\.\.\.: arrays"):
        read_json_file(file)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: folder / "missing.json", r"there is no such file"),
        (lambda folder: folder, r"it is not a regular file"),
    ],
)
def test_not_a_file(tmp_path: Path, make: object, message: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(ImportRefusedError, match=message):
        read_json_file(path)


def test_the_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "doc.json"
    file.write_text('{"a": "' + "x" * 2000 + '"}', encoding="utf-8")
    with pytest.raises(ImportRefusedError, match=r"is 0\.0 MB, above the limit of 1,000 bytes"):
        read_json_file(file, max_bytes=1000)
