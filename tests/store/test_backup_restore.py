"""Online backups (also while a writer is busy), restore, and automatic rotating backups."""

from __future__ import annotations

import os
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from dpia_desk import paths
from dpia_desk.store import (
    KeychainKey,
    Passphrase,
    RecoveryKey,
    Workspace,
    WorkspaceExistsError,
    WorkspaceInUseError,
    add_vendor,
)
from dpia_desk.store.backup import BackupError
from dpia_desk.store.models import AuditEvent, Vendor
from dpia_desk.store.restore import automatic_backup, find_backups, restore_backup
from tests.store.helpers import PASSPHRASE, file_digest


def _names(workspace: Workspace) -> set[str]:
    with workspace.read_session() as session:
        return set(session.scalars(select(Vendor.name)))


def test_a_backup_during_a_running_writer_holds_every_earlier_commit(
    keychain_workspace: tuple[Workspace, RecoveryKey], tmp_path: Path
) -> None:
    workspace, recovery = keychain_workspace
    committed: list[str] = []
    stop = threading.Event()
    failures: list[BaseException] = []

    def writer() -> None:
        number = 0
        try:
            while not stop.is_set():
                with workspace.session() as session:
                    add_vendor(session, actor="writer", name=f"V{number}", notes="x" * 300)
                committed.append(f"V{number}")  # only after the commit returned
                number += 1
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while len(committed) < 50 and not failures and time.monotonic() < deadline:
            time.sleep(0.001)
        before_backup = list(committed)
        info = workspace.backup(tmp_path / "while-writing.dpia")
    finally:
        stop.set()
        thread.join()
    assert failures == []
    assert len(committed) > len(before_backup)  # the writer really ran during the backup
    with Workspace.open(info.path, recovery, read_only=True) as copy:
        in_backup = _names(copy)
        assert copy.check().ok
    assert set(before_backup) <= in_backup
    assert in_backup <= set(committed)


def test_a_backup_opens_like_its_workspace(
    passphrase_workspace: tuple[Workspace, RecoveryKey], tmp_path: Path
) -> None:
    workspace, recovery = passphrase_workspace
    with workspace.session() as session:
        add_vendor(session, actor="t", name="Acme")
    info = workspace.backup(tmp_path / "copy.dpia")
    with pytest.raises(BackupError, match="already exists"):
        workspace.backup(tmp_path / "copy.dpia")
    assert info.path.read_bytes()[:16] == workspace.salt
    assert info.tables["vendor"] == 1
    assert not Path(f"{info.path}-wal").exists()
    for source in (Passphrase(PASSPHRASE), recovery):
        with Workspace.open(info.path, source, read_only=True) as copy:
            assert _names(copy) == {"Acme"}
    assert find_backups(workspace.salt, tmp_path) == [info.path]
    assert find_backups(b"\x00" * 16, tmp_path) == []


def test_restore_into_a_new_path_and_over_the_workspace(
    keychain_workspace: tuple[Workspace, RecoveryKey], tmp_path: Path
) -> None:
    workspace, recovery = keychain_workspace
    with workspace.session() as session:
        add_vendor(session, actor="t", name="In the backup")
    info = workspace.backup(tmp_path / "b.dpia")
    with workspace.session() as session:
        add_vendor(session, actor="t", name="After the backup")
    path = workspace.path

    with pytest.raises(WorkspaceInUseError):
        restore_backup(info.path, path, KeychainKey(), replace=True)
    workspace.close()
    with pytest.raises(WorkspaceExistsError):
        restore_backup(info.path, path, KeychainKey())

    result = restore_backup(info.path, path, KeychainKey(), replace=True)
    assert result.previous_copy is not None and result.previous_copy.exists()
    with Workspace.open(path, KeychainKey()) as restored:
        assert _names(restored) == {"In the backup"}
        with restored.read_session() as session:
            last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last is not None and (last.action, last.new_value) == ("restore", "b.dpia")
        assert restored.verify_audit_trail().ok  # going back in time is not tampering
    with Workspace.open(result.previous_copy, recovery, read_only=True) as previous:
        assert _names(previous) == {"In the backup", "After the backup"}

    fresh = tmp_path / "elsewhere" / "new.dpia"
    restore_backup(info.path, fresh, recovery)
    with Workspace.open(fresh, recovery) as copy:
        assert _names(copy) == {"In the backup"}


def test_a_damaged_backup_is_refused_and_the_workspace_untouched(
    keychain_workspace: tuple[Workspace, RecoveryKey], tmp_path: Path
) -> None:
    workspace, _ = keychain_workspace
    with workspace.session() as session:
        for number in range(100):
            add_vendor(session, actor="t", name=f"V{number}", notes="x" * 500)
    info = workspace.backup(tmp_path / "b.dpia")
    workspace.close()
    data = bytearray(info.path.read_bytes())
    data[len(data) // 2] ^= 1
    info.path.write_bytes(bytes(data))
    before = file_digest(workspace.path)
    with pytest.raises(Exception, match="damaged"):
        restore_backup(info.path, workspace.path, KeychainKey(), replace=True)
    assert file_digest(workspace.path) == before
    assert list(paths.default_backup_dir().glob("*before-restore*")) == []


def test_automatic_backups_rotate(
    keychain_workspace: tuple[Workspace, RecoveryKey], tmp_path: Path
) -> None:
    workspace, _ = keychain_workspace
    folder = tmp_path / "auto"
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    made = []
    for day in range(5):
        now = start + timedelta(days=day)
        info = automatic_backup(workspace, keep=3, folder=folder, now=now)
        assert info is not None
        os.utime(info.path, (now.timestamp(), now.timestamp()))
        made.append(info.path)
        # A second call the same day writes nothing.
        assert (
            automatic_backup(workspace, keep=3, folder=folder, now=now + timedelta(hours=2)) is None
        )
    assert find_backups(workspace.salt, folder) == list(reversed(made[-3:]))
