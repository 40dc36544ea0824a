"""Restoring a backup, finding backups, and automatic rotating backups.

Restore checks the backup before touching anything: it must decrypt with the key given (keychain
entry of its salt, passphrase or recovery key), be a workspace this app can open, and pass
``integrity_check`` and ``cipher_integrity_check``. The workspace it replaces is first copied
into the backup folder (as files: with the lock held nobody writes, and a damaged or
foreign-key workspace can still be kept), its WAL is set aside, and the backup's copy is renamed
over it in one atomic step. The restored workspace's audit trail records the restore.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dpia_desk import paths
from dpia_desk.store import hints
from dpia_desk.store.backup import (
    BackupInfo,
    backup_name,
    fsync_directory,
    fsync_file,
    verify_backup,
)
from dpia_desk.store.engine import inspect_file, remove_sidecars
from dpia_desk.store.errors import NotAWorkspaceError, WorkspaceExistsError
from dpia_desk.store.keys import KeySource
from dpia_desk.store.lock import WorkspaceLock
from dpia_desk.store.workspace import Workspace, current_actor, unlock_for_copy

AUTOMATIC = "automatic"


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    source: Path
    previous_copy: Path | None


def restore_backup(
    backup: Path, target: Path, key_source: KeySource, *, replace: bool = False
) -> RestoreResult:
    """Make ``target`` a copy of ``backup`` (replacing an existing workspace only with
    ``replace=True``). Raises the usual open errors for the backup, :class:`BackupError` when it
    fails its checks, :class:`WorkspaceInUseError` when ``target`` is open elsewhere."""
    target = target.absolute()
    if not backup.is_file():
        raise NotAWorkspaceError(backup, "there is no backup file of that name")
    if target.exists() and not replace:
        raise WorkspaceExistsError(target)
    key = unlock_for_copy(backup, key_source)
    verify_backup(backup, key=key)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = WorkspaceLock.acquire(target)
    previous_copy: Path | None = None
    incoming = target.with_name(target.name + ".restoring")
    try:
        if target.exists():
            previous_copy = _keep_files(target)
        with contextlib.suppress(FileNotFoundError):
            incoming.unlink()
        shutil.copyfile(backup, incoming)
        verify_backup(incoming, key=key)
        fsync_file(incoming)
        remove_sidecars(target)  # a WAL of the old file must never meet the restored one
        incoming.replace(target)
        fsync_directory(target.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            incoming.unlink()
        lock.release()
    salt = inspect_file(target)
    hints.write_hints(salt, audit_head=None)  # the trail legitimately goes back in time
    # Imported here: the automatic backup (run at every start) must not load SQLAlchemy.
    from dpia_desk.store.audit import record_event

    with Workspace.open(target, key_source) as restored, restored.session() as session:
        record_event(session, current_actor(), "restore", "workspace", None, "source", None,
                     backup.name)  # fmt: skip
    return RestoreResult(target, backup, previous_copy)


def _keep_files(target: Path) -> Path:
    """Copy the workspace (and its WAL, if a crash left one) into the backup folder as is."""
    folder = paths.default_backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / backup_name(target, "before-restore")
    shutil.copyfile(target, kept)
    wal = Path(f"{target}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        shutil.copyfile(wal, Path(f"{kept}-wal"))
    fsync_file(kept)
    return kept


def find_backups(salt: bytes, folder: Path | None = None) -> list[Path]:
    """Backups of the workspace with this salt in ``folder`` (default: the backup folder),
    newest first (by modification time)."""
    folder = folder or paths.default_backup_dir()
    found: list[tuple[float, Path]] = []
    for candidate in folder.glob("*.dpia"):
        try:
            with candidate.open("rb") as stream:
                if stream.read(len(salt)) == salt:
                    found.append((candidate.stat().st_mtime, candidate))
        except OSError:
            continue
    return [path for _, path in sorted(found, reverse=True)]


def automatic_backup(
    workspace: Workspace,
    *,
    keep: int = 7,
    every: timedelta = timedelta(days=1),
    folder: Path | None = None,
    now: datetime | None = None,
) -> BackupInfo | None:
    """Write an automatic backup when the newest one is older than ``every`` and keep the
    ``keep`` newest automatic backups of this workspace. Returns the new backup, if any."""
    folder = folder or paths.default_backup_dir()
    now = now or datetime.now(UTC)
    existing = [p for p in find_backups(workspace.salt, folder) if p.stem.endswith(AUTOMATIC)]
    if existing and now - datetime.fromtimestamp(existing[0].stat().st_mtime, UTC) < every:
        return None
    info = workspace.backup(folder / backup_name(workspace.path, AUTOMATIC, now))
    for old in existing[max(keep - 1, 0) :]:
        with contextlib.suppress(OSError):
            old.unlink()
    return info
