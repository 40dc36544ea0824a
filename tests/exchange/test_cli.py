"""``dpia-desk import FILE [--vendor ID] [--as-new-version] [--json]``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dpia_desk.cli import main
from dpia_desk.exchange import export_assessment
from dpia_desk.store import KeychainKey, Workspace, add_vendor
from tests.exchange.conftest import CNIL_FIXTURES, build_full_assessment, content_hash


@pytest.fixture
def exchange_file(make_workspace: Callable[[str], Workspace], tmp_path: Path) -> tuple[str, Path]:
    full = build_full_assessment(make_workspace("source"))
    file = tmp_path / "export.json"
    with full.workspace.read_session() as session:
        export_assessment(session, full.assessment_id, file)
    full.workspace.close()
    return full.assessment_id, file


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "target.dpia"
    workspace, _recovery = Workspace.create(path, KeychainKey())
    workspace.close()
    return path


def test_import_prints_the_new_id(
    exchange_file: tuple[str, Path], target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assessment_id, file = exchange_file
    assert main(["import", str(file), "--workspace", str(target)]) == 0
    assert capsys.readouterr().out.strip() == assessment_id


def test_import_json(
    exchange_file: tuple[str, Path], target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assessment_id, file = exchange_file
    assert main(["--workspace", str(target), "import", str(file), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["assessment_id"] == assessment_id
    assert document["format"] == "dpia_desk.assessment"
    assert {"vendor_id", "mapped", "unmapped", "file_sha256", "backup"} <= set(document)
    assert any("answers" in line for line in document["mapped"])


def test_a_refusal_is_one_line_and_changes_nothing(
    exchange_file: tuple[str, Path],
    target: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _assessment_id, file = exchange_file
    broken = tmp_path / "broken.json"
    broken.write_bytes(file.read_bytes()[:-200])
    with Workspace.open(target, KeychainKey()) as workspace:
        before = content_hash(workspace)
    assert main(["import", str(broken), "--workspace", str(target), "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dpia-desk: error: Cannot import ")
    assert "not valid JSON" in lines[0]
    with Workspace.open(target, KeychainKey()) as workspace:
        assert content_hash(workspace) == before


def test_twice_and_as_a_new_version(
    exchange_file: tuple[str, Path], target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assessment_id, file = exchange_file
    assert main(["import", str(file), "--workspace", str(target)]) == 0
    capsys.readouterr()
    assert main(["import", str(file), "--workspace", str(target)]) == 1
    assert "already in this workspace" in capsys.readouterr().err
    assert main(["import", str(file), "--workspace", str(target), "--as-new-version"]) == 0
    new_id = capsys.readouterr().out.strip()
    assert new_id and new_id != assessment_id


def test_missing_file_argument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["import"])
    assert exited.value.code == 2


@pytest.mark.skipif(
    not CNIL_FIXTURES.is_dir(),
    reason=f"the CNIL PIA test files are not at {CNIL_FIXTURES} (GPL test data, kept outside)",
)
def test_a_cnil_export_needs_a_vendor(target: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pia = CNIL_FIXTURES / "2018-02-21-pia-example.json"
    assert main(["import", str(pia), "--workspace", str(target)]) == 1
    assert "--vendor ID" in capsys.readouterr().err
    with Workspace.open(target, KeychainKey()) as workspace, workspace.session() as session:
        vendor_id = add_vendor(session, actor="t", name="Dreamland").id
    assert (
        main(["import", str(pia), "--workspace", str(target), "--vendor", vendor_id, "--json"]) == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "cnil_pia" and document["vendor_id"] == vendor_id
    assert document["mapped"] and document["unmapped"]
