"""One running instance per workspace: an OS lock on a sidecar file ``<workspace>.lock``.

The lock is taken with ``flock`` on POSIX and ``msvcrt.locking`` on Windows, so the operating
system releases it when the process ends, even by a crash or SIGKILL: a stale lock never blocks
the user. ``flock`` locks belong to an open file, so a second open of the same workspace inside one
process is refused too. The sidecar file is left in place on release (deleting it would race with
another process that has just opened it); it only holds the process id of the current holder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dpia_desk.store.errors import WorkspaceInUseError


def lock_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".lock")


class WorkspaceLock:
    """An exclusive lock held until :meth:`release` (or the end of the process)."""

    def __init__(self, workspace: Path, descriptor: int) -> None:
        self.workspace = workspace
        self._descriptor: int | None = descriptor

    @classmethod
    def acquire(cls, workspace: Path) -> WorkspaceLock:
        path = lock_path(workspace)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(descriptor)
        except OSError:
            holder = _read_holder(descriptor)
            os.close(descriptor)
            raise WorkspaceInUseError(workspace, holder) from None
        os.ftruncate(descriptor, 0)
        os.lseek(descriptor, 0, os.SEEK_SET)
        os.write(descriptor, str(os.getpid()).encode("ascii"))
        return cls(workspace, descriptor)

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def release(self) -> None:
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            os.ftruncate(descriptor, 0)
            _unlock(descriptor)
        finally:
            os.close(descriptor)


def _read_holder(descriptor: int) -> str | None:
    try:
        os.lseek(descriptor, 0, os.SEEK_SET)
        text = os.read(descriptor, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return text if text.isdigit() else None


if sys.platform == "win32":
    import msvcrt

    def _lock(descriptor: int) -> None:
        # Windows locks a byte range; the first byte stands for the whole file. Windows locks are
        # mandatory, so other processes cannot read the holder's pid there (the message then
        # names no process).
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
