"""Process hardening while a workspace is open, and storage failures told as such.

Core dumps: a crash dump of a process holding a workspace would write keys and decrypted pages
to disk in plain text. The first open switches them off for the rest of the process (POSIX
``RLIMIT_CORE`` = 0; Windows does not write user-mode dumps unless configured to).

Storage failures: a full disk or a failing write makes SQLite roll the transaction back (the
workspace stays as it was before the change); :func:`storage_error` turns that into one clear
message instead of an internal error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dpia_desk.store.errors import WorkspaceDamagedError, WorkspaceError

_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_NOTADB = 26
_core_dumps_disabled = False


class WorkspaceWriteError(WorkspaceError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The change could not be saved to {path}: {reason}. The workspace is as it was "
            "before the change.",
            hint="Free some disk space (or check the drive), then try again.",
        )
        self.path = path


def disable_core_dumps() -> bool:
    """Forbid core dumps for this process; True when they are (now) off."""
    global _core_dumps_disabled
    if _core_dumps_disabled:
        return True
    if sys.platform == "win32":
        return False
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        return False
    _core_dumps_disabled = True
    return True


def storage_error(path: Path, error: BaseException) -> WorkspaceError | None:
    """The user-facing error for a full disk, an I/O failure or a damaged page met while
    working (:class:`WorkspaceWriteError`, :class:`WorkspaceDamagedError`), else ``None``."""
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        return WorkspaceWriteError(path, "the disk is full")
    if primary == _SQLITE_IOERR:
        return WorkspaceWriteError(path, "the drive reported a write error")
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return WorkspaceDamagedError(path, [f"SQLite reports: {original}"])
    return None
