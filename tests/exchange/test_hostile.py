"""A corpus of broken and hostile exchange files: each refused with one message naming the place,
and the workspace's content exactly as before (checked by a hash of every row)."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dpia_desk import paths
from dpia_desk.exchange import ImportRefusedError, build_document, import_assessment, import_file
from dpia_desk.exchange.limits import MAX_ATTACHMENT_BYTES, MAX_FILE_BYTES
from dpia_desk.store import Passphrase, Workspace, add_vendor
from tests.exchange.conftest import build_full_assessment, content_hash, seal

Document = dict[str, Any]


@pytest.fixture(scope="module")
def valid_document(tmp_path_factory: pytest.TempPathFactory) -> Document:
    """One complete export, made once (a passphrase workspace needs no keychain)."""
    folder = tmp_path_factory.mktemp("source")
    workspace, _recovery = Workspace.create(folder / "source.dpia", Passphrase("a long passphrase"))
    with workspace:
        full = build_full_assessment(workspace)
        with workspace.read_session() as session:
            return build_document(session, full.assessment_id, exported_by="exporter")


@pytest.fixture
def target(make_workspace: Callable[[str], Workspace]) -> Workspace:
    workspace = make_workspace("target")
    with workspace.session() as session:
        add_vendor(session, actor="t", name="Already here GmbH", country="FR")
    return workspace


def _question_index(document: Document, question_id: str) -> int:
    for index, answer in enumerate(document["answers"]):
        if answer["question_id"] == question_id:
            return index
    raise AssertionError(question_id)


# --- the corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    write: Callable[[Document, Path], None]
    message: str  # a regular expression the refusal must match


def edited(
    change: Callable[[Document], None], *, sealed: bool = True
) -> Callable[[Document, Path], None]:
    def write(document: Document, path: Path) -> None:
        changed = copy.deepcopy(document)
        change(changed)
        if sealed:
            seal(changed)
        path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")

    return write


def raw(make: Callable[[Document], bytes]) -> Callable[[Document, Path], None]:
    def write(document: Document, path: Path) -> None:
        path.write_bytes(make(document))

    return write


def _text(document: Document) -> str:
    return json.dumps(document, ensure_ascii=False)


def _sparse_300_mb(_document: Document, path: Path) -> None:
    with path.open("wb") as stream:
        stream.truncate(300 * 1024 * 1024)  # sparse: no disk used, never read


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        node: Any = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _filename(name: str) -> Callable[[Document], None]:
    return _set(("evidence", 0, "filename"), name)


def _oversized_attachment(document: Document) -> None:
    content = b"A" * (MAX_ATTACHMENT_BYTES + 1024)
    evidence = document["evidence"][0]
    evidence["content_base64"] = base64.b64encode(content).decode("ascii")
    evidence["size"] = len(content)
    evidence["sha256"] = hashlib.sha256(content).hexdigest()


def _understated_attachment(document: Document) -> None:
    _oversized_attachment(document)
    document["evidence"][0]["size"] = 10


def _same_size_other_bytes(document: Document) -> None:
    evidence = document["evidence"][0]
    content = base64.b64decode(evidence["content_base64"])
    evidence["content_base64"] = base64.b64encode(b"X" + content[1:]).decode("ascii")


def _answer(question_id: str, value: Any) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        document["answers"][_question_index(document, question_id)]["value"] = value

    return change


def _duplicate_id(document: Document) -> None:
    document["risks"][0]["id"] = document["answers"][0]["id"]


def _broken_form(document: Document) -> None:
    document["assessment"]["form_snapshot"]["sections"][0]["questions"][0]["type"] = "telepathy"


def _form_without_schema_version(document: Document) -> None:
    del document["assessment"]["form_snapshot"]["schema_version"]


def _missing_status(document: Document) -> None:
    del document["assessment"]["status"]


def _nested(levels: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(levels):
        value = [value]
    return value


def _depth_bomb_inside(document: Document) -> bytes:
    text = _text(document)
    return text.replace('"notes": ', '"notes": ' + "[" * 5000 + "]" * 5000 + ', "x": ', 1).encode()


def _duplicate_key(document: Document) -> bytes:
    return ('{"format": "dpia_desk.assessment", ' + _text(document)[1:]).encode()


def _nan(document: Document) -> bytes:
    return _text(document).replace('"version": 1,', '"version": NaN,', 1).encode()


def _huge_integer(document: Document) -> bytes:
    return _text(document).replace('"version": 1,', '"version": ' + "9" * 20_000 + ",", 1).encode()


CASES = [
    Case("empty file", raw(lambda d: b""), r"the file is empty"),
    Case("truncated JSON", raw(lambda d: _text(d).encode()[:5000]), r"not valid JSON \("),
    Case("not UTF-8", raw(lambda d: b"\xff\xfe{\x00}"), r"not UTF-8 text"),
    Case("a JSON list", raw(lambda d: b"[1, 2, 3]"), r"neither a dpia_desk assessment"),
    Case("foreign JSON", raw(lambda d: b'{"hello": "world"}'), r"neither a dpia_desk assessment"),
    Case(
        "wrong format marker",
        edited(_set(("format",), "dpia_desk.vendor"), sealed=False),
        r"format: is 'dpia_desk.vendor', not 'dpia_desk.assessment'",
    ),
    Case(
        "newer format version",
        edited(_set(("format_version",), 2)),
        r"format_version: the file uses format version 2, written by a newer dpia_desk",
    ),
    Case(
        "format version as text",
        edited(_set(("format_version",), "1")),
        r"format_version: must be the number 1",
    ),
    Case(
        "depth bomb",
        raw(lambda d: b"[" * 200_000 + b"]" * 200_000),
        r"nested more than 64 levels deep",
    ),
    Case("depth bomb inside a document", raw(_depth_bomb_inside), r"nested more than 64 levels"),
    Case(
        "65 levels deep",
        edited(_set(("vendor", "contacts"), [_nested(62)])),
        r"vendor\.contacts\[0\]\[0\]\[0\]\[0\]\.\.\.: arrays and objects are nested more than 64",
    ),
    Case(
        "unterminated string of escaped quotes",
        raw(lambda d: b'{"format": "' + b'\\"' * 300_000),
        r"not valid JSON \(Unterminated string",
    ),
    Case("300 MB file", _sparse_300_mb, r"the file is 300\.0 MB, above the limit of 200 MB"),
    Case("duplicate key", raw(_duplicate_key), r"the key 'format' appears twice"),
    Case("NaN", raw(_nan), r"NaN is not a finite JSON number"),
    Case(
        "1e400",
        raw(lambda d: _text(d).replace('"version": 1,', '"version": 1e400,', 1).encode()),
        r"1e400 is not a finite JSON number",
    ),
    Case(
        "lone surrogate",
        raw(lambda d: _text(d).replace('"notes": "', '"notes": "\\ud800', 1).encode()),
        r"vendor\.notes: holds a lone surrogate \(not Unicode\)",
    ),
    Case(
        "huge number answer",
        edited(_answer("data_subject_count", 10**4000)),
        r"answers\[\d+\]\.value: is not a number between",
    ),
    Case("a 20,000-digit number", raw(_huge_integer), r"a value cannot be read"),
    Case(
        "edited without a new checksum",
        edited(_set(("answers", 0, "comment"), "changed after export"), sealed=False),
        r"sha256: the document's checksum does not match its content",
    ),
    Case("no checksum", edited(lambda d: d.pop("sha256"), sealed=False), r"sha256: is missing"),
    Case(
        "unknown field",
        edited(_set(("vendor", "colour"), "red")),
        r"vendor\.colour: unknown field \(not part of format version 1\)",
    ),
    Case(
        "unknown top-level field",
        edited(_set(("macro",), "=cmd|' /C calc'!A0")),
        r"macro: unknown field",
    ),
    Case("missing field", edited(_missing_status), r"assessment\.status: is missing"),
    Case(
        "number as text",
        edited(_set(("assessment", "version"), "1")),
        r"assessment\.version: must be a whole number",
    ),
    Case(
        "boolean as number",
        edited(_set(("risks", 0, "severity"), True)),
        r"risks\[0\]\.severity: must be a whole number",
    ),
    Case(
        "object instead of list",
        edited(_set(("answers",), {"a": 1})),
        r"answers: must be a list",
    ),
    Case(
        "rating out of range",
        edited(_set(("risks", 0, "likelihood"), 5)),
        r"risks\[0\]\.likelihood: must be at most 4",
    ),
    Case(
        "unknown status",
        edited(_set(("assessment", "status"), "published")),
        r"assessment\.status: must be 'draft', 'in_review', 'approved' or 'rejected'",
    ),
    Case(
        "timestamp without offset",
        edited(_set(("answers", 0, "answered_at"), "2025-01-01T09:00:00")),
        r"answers\[0\]\.answered_at: has no UTC offset",
    ),
    Case(
        "impossible date",
        edited(_set(("assessment", "review_date"), "2025-02-30")),
        r"assessment\.review_date: is not a valid calendar date",
    ),
    Case(
        "invalid base64",
        edited(_set(("evidence", 0, "content_base64"), "!!!not base64!!!")),
        r"evidence\[0\]\.content_base64: is not valid base64",
    ),
    Case(
        "attachment altered",
        edited(_same_size_other_bytes),
        r"evidence\[0\]\.sha256: does not match the attachment's content",
    ),
    Case(
        "attachment size wrong",
        edited(_set(("evidence", 0, "size"), 3)),
        r"evidence\[0\]\.size: says 3 bytes but the attachment holds",
    ),
    Case(
        "oversized attachment",
        edited(_oversized_attachment),
        r"evidence\[0\]\.size: must be at most 26214400 \(and 1 more problem\)",
    ),
    Case(
        "oversized attachment with an understated size",
        edited(_understated_attachment),
        r"evidence\[0\]\.content_base64: the attachment is about 25\.0 MB, above the limit of "
        r"25 MB",
    ),
    Case(
        "path in attachment name",
        edited(_filename("../../etc/passwd")),
        r"evidence\[0\]\.filename: '\.\./\.\./etc/passwd' is not a plain file name .* would be "
        r"'passwd'\), so the attachment is refused",
    ),
    Case(
        "absolute attachment name",
        edited(_filename("/etc/shadow")),
        r"evidence\[0\]\.filename: '/etc/shadow' is not a plain file name",
    ),
    Case(
        "Windows path in attachment name",
        edited(_filename("C:\\Windows\\x")),
        r"evidence\[0\]\.filename: 'C:\\\\Windows\\\\x' is not a plain file name .* would be 'x'",
    ),
    Case(
        "NUL in attachment name",
        edited(_filename("a\x00b")),
        r"evidence\[0\]\.filename: contains a NUL character",
    ),
    Case(
        "right-to-left override in attachment name",
        edited(_filename("invoice\u202egpj.exe")),
        r"evidence\[0\]\.filename: 'invoice\\u202egpj\.exe' is not a plain file name",
    ),
    Case(
        "answer not a choice",
        edited(_answer("uses_ai_system", "maybe")),
        r"answers\[\d+\]\.value: 'maybe' is not a choice of this question",
    ),
    Case(
        "answer of the wrong shape",
        edited(_answer("data_subject_count", ["many"])),
        r"answers\[\d+\]\.value: ",
    ),
    Case(
        "answer to no question",
        edited(_set(("answers", 0, "question_id"), "favourite_colour")),
        r"answers\[0\]\.question_id: the frozen form 'dpia' has no question 'favourite_colour'",
    ),
    Case(
        "frozen form invalid",
        edited(_broken_form),
        r"assessment\.form_snapshot\.sections\[0\]\.questions\[0\].*: the frozen form is not valid",
    ),
    Case(
        "frozen form without its version",
        edited(_form_without_schema_version),
        r"assessment\.form_snapshot: the frozen form is not valid: missing required key "
        r"'schema_version'",
    ),
    Case(
        "form id not the frozen form's",
        edited(_set(("assessment", "form_id"), "fria")),
        r"assessment\.form_id: is 'fria' but the frozen form is 'dpia'",
    ),
    Case(
        "duplicate ids",
        edited(_duplicate_id),
        r"risks\[0\]\.id: the id [0-9a-f-]{36} is used twice \(also at answers\[0\]\.id\)",
    ),
    Case(
        "id not a UUID",
        edited(_set(("assessment", "id"), "../../etc")),
        r"assessment\.id: is not a UUID",
    ),
    Case(
        "upper-case UUID",
        edited(_set(("answers", 0, "id"), "0F2C4A9E-1B7D-4C3E-9A55-6D1E2F3A4B5C")),
        r"answers\[0\]\.id: is not a UUID",
    ),
    Case(
        "huge vendor name",
        edited(_set(("vendor", "name"), "x" * 5_000_000)),
        r"vendor\.name: is longer than 200 characters",
    ),
    Case(
        "huge comment",
        edited(_set(("answers", 0, "comment"), "y" * 20_001)),
        r"answers\[0\]\.comment: is longer than 20,000 characters",
    ),
    Case(
        "NUL in a text",
        edited(_set(("vendor", "notes"), "before\x00after")),
        r"vendor\.notes: contains a NUL character",
    ),
    Case(
        "blank name",
        edited(_set(("sign_offs", 0, "name"), "   ")),
        r"sign_offs\[0\]\.name: must not be empty",
    ),
    Case(
        "unknown country",
        edited(_set(("vendor", "country"), "XX")),
        r"vendor\.country: 'XX' is not an ISO 3166-1 alpha-2 country code",
    ),
    Case(
        "script website",
        edited(_set(("vendor", "website"), "javascript://evil.example/%0aalert(1)")),
        r"vendor\.website: only http and https addresses are accepted",
    ),
    Case(
        "action tied to no risk",
        edited(_set(("actions", 0, "risk_id"), "00000000-0000-4000-8000-000000000000")),
        r"actions\[0\]\.risk_id: no risk with id",
    ),
    Case(
        "review of no section",
        edited(_set(("section_reviews", 0, "section_id"), "nowhere")),
        r"section_reviews\[0\]\.section_id: the frozen form 'dpia' has no section 'nowhere'",
    ),
    Case(
        "evidence on no question",
        edited(_set(("evidence", 0, "question_id"), "nowhere")),
        r"evidence\[0\]\.question_id: the frozen form 'dpia' has no question 'nowhere'",
    ),
    Case(
        "assessment of another vendor",
        edited(_set(("assessment", "vendor_id"), "00000000-0000-4000-8000-000000000000")),
        r"assessment\.vendor_id: does not match vendor\.id",
    ),
    Case(
        "answered twice",
        edited(
            lambda d: d["answers"].append(
                {**d["answers"][0], "id": "1" * 8 + "-1111-4111-8111-" + "1" * 12}
            )
        ),
        r"answers\[\d+\]\.question_id: a second answer to '[a-z_]+' \(the first is answers\[0\]\)",
    ),
    Case(
        "a CNIL structure instead of a PIA",
        raw(lambda d: b'{"structure": {"name": "x", "data": {}}}'),
        r"CNIL PIA structure \(a questionnaire template\), not a PIA",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_file_is_refused_and_nothing_changes(
    case: Case, valid_document: Document, target: Workspace, tmp_path: Path
) -> None:
    file = tmp_path / "hostile.json"
    case.write(valid_document, file)
    before = content_hash(target)
    with pytest.raises(ImportRefusedError) as refused:
        import_file(target, file, actor="mallory")
    message = str(refused.value)
    assert message.startswith(f"Cannot import {file}: ")
    assert "\n" not in message
    assert len(message) < 1_000  # the offending value is never echoed whole
    assert refused.match(case.message), message
    assert content_hash(target) == before
    backups = paths.default_backup_dir()
    assert not backups.exists() or not list(backups.iterdir())


def test_the_valid_document_itself_imports(
    valid_document: Document, target: Workspace, tmp_path: Path
) -> None:
    """The corpus is made from a file that imports: each case fails for its own reason."""
    file = tmp_path / "valid.json"
    file.write_text(json.dumps(valid_document), encoding="utf-8")
    report = import_assessment(target, file, actor="t")
    assert report.assessment_id == valid_document["assessment"]["id"]


def test_a_record_id_already_used_elsewhere_is_refused(
    valid_document: Document, target: Workspace, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    first.write_text(json.dumps(valid_document), encoding="utf-8")
    import_assessment(target, first, actor="t")
    again = copy.deepcopy(valid_document)
    again["assessment"]["id"] = "22222222-2222-4222-8222-222222222222"
    second = tmp_path / "second.json"
    second.write_text(json.dumps(seal(again)), encoding="utf-8")
    before = content_hash(target)
    with pytest.raises(
        ImportRefusedError, match=r"answers\[0\]\.id: a record with this id is already"
    ):
        import_assessment(target, second, actor="t")
    assert content_hash(target) == before


def test_the_limits_are_what_the_brief_says() -> None:
    assert MAX_FILE_BYTES == 200 * 1024 * 1024
    assert MAX_ATTACHMENT_BYTES == 25 * 1024 * 1024


@pytest.fixture(autouse=True)
def _no_stray_files(tmp_path: Path) -> Iterator[None]:
    yield
    assert not list(tmp_path.glob("**/*.partial"))
