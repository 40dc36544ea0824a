"""Atomic writes: a failed or cancelled export leaves no half file and never harms the old one."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dpia_desk.atomic_write import AtomicWriteError, atomic_write, write_chunks
from dpia_desk.reports import (
    ExportCancelled,
    ExportError,
    write_dpia_docx,
    write_dpia_pdf,
    write_portfolio_csv,
)
from dpia_desk.reports.model import DpiaReport
from dpia_desk.reports.sample import sample_portfolio, sample_report

OLD = b"the previous export, which must survive"


def _leftovers(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


@pytest.mark.parametrize("writer", [write_dpia_pdf, write_dpia_docx])
def test_cancelling_halfway_keeps_the_old_file(
    tmp_path: Path, report: DpiaReport, writer: object
) -> None:
    target = tmp_path / "dpia.out"
    target.write_bytes(OLD)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done >= total // 2:
            raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        writer(sample_report(answer_count=300), target, progress)  # type: ignore[operator]
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path, "dpia.out") == []
    assert calls and calls[-1][0] < calls[-1][1]


def test_a_failing_rename_keeps_the_old_file(
    tmp_path: Path, report: DpiaReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "dpia.pdf"
    target.write_bytes(OLD)

    def full_disk(self: Path, other: Path) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    with pytest.raises(ExportError, match="disk is full"):
        write_dpia_pdf(report, target)
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path, "dpia.pdf") == []


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_running_out_of_space_midway_through_writing(tmp_path: Path) -> None:
    """A real write failure, in a child process whose file size limit is 64 KB."""
    target = tmp_path / "dpia.pdf"
    target.write_bytes(OLD)
    script = textwrap.dedent(
        f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        from dpia_desk.reports import ExportError, write_dpia_pdf
        from dpia_desk.reports.sample import sample_report
        report = sample_report(answer_count=400)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
        try:
            write_dpia_pdf(report, {str(target)!r})
        except ExportError as error:
            print(error)
            sys.exit(3)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 3, result.stderr
    assert "too large" in result.stdout
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path, "dpia.pdf") == []


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist") as caught:
        write_portfolio_csv(sample_portfolio(2), tmp_path / "no" / "such" / "folder" / "p.csv")
    assert caught.value.hint


def test_a_folder_as_target_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="folder with that name"):
        write_portfolio_csv(sample_portfolio(2), tmp_path)


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root"
)
def test_a_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_portfolio_csv(sample_portfolio(2), folder / "p.csv")
    finally:
        folder.chmod(0o700)


def test_success_replaces_the_old_file_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "p.csv"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_portfolio_csv(sample_portfolio(2), target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbfVendor,")
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "new.csv"
    write_portfolio_csv(sample_portfolio(2), fresh)
    assert fresh.stat().st_mode & 0o777 != 0o600  # not mkstemp's private mode
    assert _leftovers(tmp_path, "p.csv") == ["new.csv"]


def test_an_error_inside_the_block_discards_the_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), atomic_write(tmp_path / "x.bin") as handle:
        handle.write(b"half")
        raise RuntimeError("writer bug")
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_the_total(tmp_path: Path, report: DpiaReport) -> None:
    for writer in (write_dpia_docx, write_dpia_pdf):
        calls: list[tuple[int, int]] = []
        writer(
            sample_report(answer_count=200),
            tmp_path / "p.out",
            lambda done, total, calls=calls: calls.append((done, total)),
        )
        assert calls[-1][0] == calls[-1][1]
        assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_the_shared_helper_without_a_mapping_raises_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(AtomicWriteError, match="does not exist") as caught:
        write_chunks(tmp_path / "missing" / "x.bin", [b"data"])
    assert caught.value.failure.kind == "missing_folder"
    assert caught.value.hint


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_private_files_stay_private_even_over_a_shared_one(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_bytes(OLD)
    target.chmod(0o644)
    assert write_chunks(target, [b"ab", b"cd"], private=True) == 4
    assert target.read_bytes() == b"abcd"
    assert target.stat().st_mode & 0o777 == 0o600


def test_an_os_error_about_another_file_is_a_bug_not_the_disk(tmp_path: Path) -> None:
    """A writer failing to read one of its own resources must not look like a full disk."""
    with pytest.raises(FileNotFoundError), atomic_write(tmp_path / "x.bin"):
        raise FileNotFoundError(errno.ENOENT, "No such file", str(tmp_path / "font.ttf"))
    assert list(tmp_path.iterdir()) == []
