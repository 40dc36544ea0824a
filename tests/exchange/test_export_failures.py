"""A failing write during export leaves no partial file and keeps an existing one."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dpia_desk.exchange import ExportFailedError, export_assessment
from dpia_desk.exchange import export as export_module
from dpia_desk.store import NotFoundError, Workspace
from tests.exchange.conftest import FullAssessment, build_full_assessment

OLD_CONTENT = b'{"an": "older export that must survive"}\n'


@pytest.fixture
def full(make_workspace: Callable[[str], Workspace]) -> FullAssessment:
    return build_full_assessment(make_workspace("source"), approve=False)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The export folder, apart from the workspace's own files."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _export(full: FullAssessment, target: Path) -> None:
    with full.workspace.read_session() as session:
        export_assessment(session, full.assessment_id, target)


def _leftovers(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if path.name != "assessment.json"]


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failing_step_keeps_the_old_file(
    failing: str, full: FullAssessment, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = out / "assessment.json"
    target.write_bytes(OLD_CONTENT)
    monkeypatch.setattr(os, failing, _disk_full)
    with pytest.raises(ExportFailedError, match="the disk is full") as failed:
        _export(full, target)
    monkeypatch.undo()
    assert "Nothing was written" in str(failed.value)
    assert target.read_bytes() == OLD_CONTENT
    assert _leftovers(out) == []


def test_a_write_failing_half_way_leaves_nothing(
    full: FullAssessment, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def half_then_fail(document: dict[str, object]) -> Iterator[bytes]:
        yield b'{"format": "dpia_desk.assessment", '
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module, "_encoded", half_then_fail)
    target = out / "assessment.json"
    with pytest.raises(ExportFailedError, match="the disk is full"):
        _export(full, target)
    assert not target.exists()
    assert list(out.iterdir()) == []


def test_a_missing_folder_or_a_folder_as_target(full: FullAssessment, out: Path) -> None:
    with pytest.raises(ExportFailedError, match="the folder does not exist"):
        _export(full, out / "nowhere" / "assessment.json")
    (out / "folder.json").mkdir()
    with pytest.raises(ExportFailedError, match="a folder of that name exists"):
        _export(full, out / "folder.json")


def test_an_unknown_assessment_writes_nothing(full: FullAssessment, out: Path) -> None:
    target = out / "assessment.json"
    with full.workspace.read_session() as session, pytest.raises(NotFoundError):
        export_assessment(session, "00000000-0000-4000-8000-000000000000", target)
    assert list(out.iterdir()) == []


def test_success_replaces_the_old_file_whole(full: FullAssessment, out: Path) -> None:
    target = out / "assessment.json"
    target.write_bytes(OLD_CONTENT)
    _export(full, target)
    assert json.loads(target.read_bytes())["assessment"]["id"] == full.assessment_id
    assert _leftovers(out) == []


@pytest.fixture
def tiny_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, where the system lets us mount one (root with CAP_SYS_ADMIN)."""
    mount = shutil.which("mount")
    if os.name != "posix" or mount is None or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux; the monkeypatched tests cover it")
    folder = tmp_path / "small"
    folder.mkdir()
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False, capture_output=True)


def test_a_really_full_disk(full: FullAssessment, tiny_filesystem: Path) -> None:
    target = tiny_filesystem / "assessment.json"
    target.write_bytes(OLD_CONTENT)
    with pytest.raises(ExportFailedError, match="the disk is full"):
        _export(full, target)
    assert target.read_bytes() == OLD_CONTENT
    assert [path.name for path in tiny_filesystem.iterdir()] == ["assessment.json"]
