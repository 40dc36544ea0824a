"""Tampering and damage: detected on open, named, read-only mode, the file left as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from dpia_desk.store import (
    Passphrase,
    RecoveryKey,
    Workspace,
    WorkspaceDamagedError,
    WrongKeyError,
    add_vendor,
)
from dpia_desk.store import workspace as workspace_module
from dpia_desk.store.damage import PAGE_SIZE, scan_wal
from dpia_desk.store.models import Vendor
from tests.store.helpers import PASSPHRASE, decrypt_pages, file_digest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def filled(passphrase_workspace: tuple[Workspace, RecoveryKey]) -> tuple[Path, RecoveryKey]:
    workspace, recovery = passphrase_workspace
    with workspace.session() as session:
        for number in range(150):
            add_vendor(session, actor="t", name=f"Vendor {number}", notes="n" * 600)
    workspace.close()
    return workspace.path, recovery


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x20
    path.write_bytes(bytes(data))


def _page_holding(path: Path, key: bytes, needle: bytes) -> int:
    """The number (from 1) of a page in the middle of those holding ``needle``."""
    holding = [n for n, page in enumerate(decrypt_pages(path, key), 1) if needle in page]
    assert holding, "nothing holds the needle"
    return holding[len(holding) // 2]


def _pages(path: Path) -> int:
    return path.stat().st_size // PAGE_SIZE


@pytest.mark.parametrize("where", ["middle", "last"])
def test_a_flipped_byte_in_a_page_is_named_and_opens_read_only(
    filled: tuple[Path, RecoveryKey], where: str
) -> None:
    path, _ = filled
    pages = _pages(path)
    page = pages // 2 if where == "middle" else pages
    _flip(path, (page - 1) * PAGE_SIZE + 1234)
    before = file_digest(path)
    with pytest.raises(WorkspaceDamagedError, match=f"page {page} fails") as caught:
        Workspace.open(path, Passphrase(PASSPHRASE))
    assert "restore" in str(caught.value)
    assert file_digest(path) == before
    with Workspace.open(path, Passphrase(PASSPHRASE), read_only=True) as viewer:
        assert viewer.read_only
        assert viewer.problems == [f"page {page} fails its authentication check"]
        assert f"page {page} fails its authentication check" in viewer.check().problems
    assert file_digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["team.dpia", "team.dpia.lock"]


def test_a_flipped_byte_in_the_first_page_is_damage_not_a_wrong_key(
    filled: tuple[Path, RecoveryKey],
) -> None:
    path, recovery = filled
    _flip(path, 2000)  # after the plaintext salt, inside page 1's ciphertext
    before = file_digest(path)
    for source in (Passphrase(PASSPHRASE), recovery):
        with pytest.raises(WorkspaceDamagedError, match="page 1 fails"):
            Workspace.open(path, source)
        # Without page 1 SQLite can read nothing: read-only mode cannot help either.
        with pytest.raises(WorkspaceDamagedError, match="page 1 fails"):
            Workspace.open(path, source, read_only=True)
    with pytest.raises(WrongKeyError):
        Workspace.open(path, Passphrase("not it"))  # a wrong key is still called one
    assert file_digest(path) == before


WAL_WRITER = """
import os, sys
from dpia_desk.store import Passphrase, Workspace, add_vendor
workspace = Workspace.open(sys.argv[1], Passphrase(sys.argv[2]))
for number in range(6):
    with workspace.session() as session:
        add_vendor(session, actor="t", name=f"In the WAL {number}")
os._exit(0)  # no close, no checkpoint: the six commits stay in the WAL
"""


def _leave_commits_in_the_wal(path: Path) -> Path:
    subprocess.run([sys.executable, "-c", WAL_WRITER, str(path), PASSPHRASE], check=True, cwd=ROOT)
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    return wal


def test_a_flipped_byte_in_a_wal_frame_is_named_and_opens_read_only(
    filled: tuple[Path, RecoveryKey],
) -> None:
    path, recovery = filled
    wal = _leave_commits_in_the_wal(path)
    assert scan_wal(path, recovery.raw, path.read_bytes()[:16]).damaged_frames == []
    _flip(wal, 32 + 24 + 100)  # inside the page of frame 1; later frames commit more
    digests = (file_digest(path), file_digest(wal))
    with pytest.raises(WorkspaceDamagedError, match="WAL frame 1 is damaged"):
        Workspace.open(path, Passphrase(PASSPHRASE))
    assert (file_digest(path), file_digest(wal)) == digests
    with Workspace.open(path, Passphrase(PASSPHRASE), read_only=True) as viewer:
        assert any("WAL frame 1" in problem for problem in viewer.problems)
        with viewer.read_session() as session:
            assert session.query(Vendor).count() >= 150  # what precedes the damage is readable
    assert (file_digest(path), file_digest(wal)) == digests


def test_a_torn_last_frame_is_a_normal_crash_not_damage(filled: tuple[Path, RecoveryKey]) -> None:
    path, _ = filled
    wal = _leave_commits_in_the_wal(path)
    data = wal.read_bytes()
    frame = 24 + PAGE_SIZE
    frames = (len(data) - 32) // frame
    # Half of the last frame reached the disk before the crash (its transaction never returned).
    wal.write_bytes(data[: 32 + (frames - 1) * frame + frame // 2])
    with Workspace.open(path, Passphrase(PASSPHRASE)) as workspace:
        assert workspace.problems == []
        with workspace.read_session() as session:
            names = set(session.scalars(select(Vendor.name)))
        assert "In the WAL 4" in names


def test_an_unclean_shutdown_triggers_the_full_checks(
    filled: tuple[Path, RecoveryKey], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = filled
    checks: list[object] = []
    original = Workspace.check

    def spy(self: Workspace) -> object:
        checks.append(self)
        return original(self)

    monkeypatch.setattr(Workspace, "check", spy)
    Workspace.open(path, Passphrase(PASSPHRASE)).close()
    assert checks == []  # a clean shutdown: no full check on open
    _leave_commits_in_the_wal(path)
    with Workspace.open(path, Passphrase(PASSPHRASE)) as workspace:
        assert checks == [workspace]
        assert workspace.problems == []
        with workspace.read_session() as session:
            assert session.query(Vendor).filter(Vendor.name.like("In the WAL%")).count() == 6
    assert not Path(f"{path}-wal").exists()  # a clean close folds the WAL back


def test_large_files_check_first_and_last_page_on_open_and_everything_in_check(
    filled: tuple[Path, RecoveryKey], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dpia_desk.store import damage, workspace

    path, recovery = filled
    page = _pages(path) // 2
    _flip(path, (page - 1) * PAGE_SIZE + 99)
    salt = path.read_bytes()[:16]
    sampled = damage.scan_pages(path, recovery.raw, salt, limit=PAGE_SIZE)
    assert (sampled.pages, sampled.bad_pages) == (2, [])
    assert damage.scan_pages(path, recovery.raw, salt).bad_pages == [page]
    monkeypatch.setattr(workspace, "FULL_SCAN_ON_OPEN_BYTES", PAGE_SIZE)
    with Workspace.open(path, recovery) as opened:
        assert opened.problems == []  # not seen on open...
        assert f"page {page} fails its authentication check" in opened.check().problems


def test_damage_met_while_working_is_a_damage_error(
    filled: tuple[Path, RecoveryKey], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dpia_desk.store import workspace

    path, recovery = filled
    monkeypatch.setattr(workspace, "FULL_SCAN_ON_OPEN_BYTES", PAGE_SIZE)
    page = _page_holding(path, recovery.raw, b"n" * 600)  # one of the vendors' notes
    _flip(path, (page - 1) * PAGE_SIZE + 99)
    with (
        Workspace.open(path, recovery) as opened,
        pytest.raises(WorkspaceDamagedError, match="damaged"),
        opened.read_session() as session,
    ):
        session.scalars(select(Vendor.notes)).all()


def test_a_deferred_open_checks_the_ends_and_verify_pages_finds_the_rest(
    filled: tuple[Path, RecoveryKey],
) -> None:
    path, _ = filled
    page = _pages(path) // 2
    _flip(path, (page - 1) * PAGE_SIZE + 1234)
    with Workspace.open(path, Passphrase(PASSPHRASE), defer_page_scan=True) as workspace:
        assert not workspace.read_only and not workspace.pages_verified
        assert workspace.verify_pages() == [f"page {page} fails its authentication check"]
        assert workspace.pages_verified
    # The full check of a normal open still refuses it.
    with pytest.raises(WorkspaceDamagedError, match=f"page {page} fails"):
        Workspace.open(path, Passphrase(PASSPHRASE))


def test_a_deferred_open_still_refuses_a_damaged_last_page_and_a_wrong_key(
    filled: tuple[Path, RecoveryKey],
) -> None:
    path, _ = filled
    with pytest.raises(WrongKeyError):
        Workspace.open(path, Passphrase("not the passphrase"), defer_page_scan=True)
    pages = _pages(path)
    _flip(path, (pages - 1) * PAGE_SIZE + 99)
    with pytest.raises(WorkspaceDamagedError, match=f"page {pages} fails"):
        Workspace.open(path, Passphrase(PASSPHRASE), defer_page_scan=True)


def test_verify_pages_of_a_healthy_workspace(filled: tuple[Path, RecoveryKey]) -> None:
    path, _ = filled
    with Workspace.open(path, Passphrase(PASSPHRASE), defer_page_scan=True) as workspace:
        assert workspace.verify_pages() == []
        assert workspace.pages_verified
    with Workspace.open(path, Passphrase(PASSPHRASE)) as workspace:
        assert workspace.pages_verified  # a normal open checked every page already


def test_a_page_rewritten_while_it_was_read_is_not_reported(
    filled: tuple[Path, RecoveryKey], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkpoint may copy a page into the file while the scan reads it: the scan sees a
    half-written page once. The page is read again before anything is reported."""
    path, _ = filled
    page = _pages(path) // 2
    real_scan = workspace_module.scan_pages

    def scan_during_a_write(*args: object, **kwargs: object) -> object:
        _flip(path, (page - 1) * PAGE_SIZE + 7)  # torn for the duration of this scan
        try:
            return real_scan(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            _flip(path, (page - 1) * PAGE_SIZE + 7)

    with Workspace.open(path, Passphrase(PASSPHRASE), defer_page_scan=True) as workspace:
        monkeypatch.setattr(workspace_module, "scan_pages", scan_during_a_write)
        assert workspace.verify_pages() == []
