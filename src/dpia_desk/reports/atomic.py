"""Atomic file writes: a failed or cancelled export never leaves a half file behind.

The document is written to a temporary file in the target's own folder (so the final rename stays
on one file system), flushed and fsynced, then moved over the target with ``os.replace``, which is
atomic on POSIX and Windows. On any failure the temporary file is removed and an existing target is
left exactly as it was. Operating-system failures become :class:`ExportError` with a message that
says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from dpia_desk.reports.errors import ExportError


def _explain(error: OSError, target: Path) -> ExportError:
    folder = target.parent
    if isinstance(error, FileNotFoundError) or error.errno == errno.ENOENT:
        return ExportError(
            f"cannot write {target}: the folder {folder} does not exist",
            hint="Choose an existing folder or create it first.",
        )
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return ExportError(
            f"cannot write {target}: permission denied",
            hint="Choose a folder you can write to, or close the file in the program using it.",
        )
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError(
            f"cannot write {target}: the disk is full",
            hint="Free some space or export to another drive.",
        )
    if error.errno == errno.EFBIG:
        return ExportError(
            f"cannot write {target}: the file is too large for this drive or file system",
            hint="Export to another drive.",
        )
    if error.errno == errno.EROFS:
        return ExportError(
            f"cannot write {target}: the drive is read-only",
            hint="Export to a writable folder.",
        )
    if isinstance(error, IsADirectoryError) or error.errno == errno.EISDIR:
        return ExportError(
            f"cannot write {target}: a folder with that name exists",
            hint="Choose a file name.",
        )
    reason = error.strerror or str(error)
    return ExportError(f"cannot write {target}: {reason}")


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_write(target: Path | str) -> Iterator[BinaryIO]:
    """Yields a binary file; when the block ends without error it becomes ``target``.

    Any exception inside the block (including :class:`ExportCancelled`) removes the temporary
    file and propagates; ``OSError`` is turned into :class:`ExportError`.
    """
    target = Path(target)
    if target.is_dir():
        raise _explain(IsADirectoryError(errno.EISDIR, "is a directory"), target)
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path()
        )
    except OSError as error:
        raise _explain(error, target) from error
    temp_path = Path(temp_name)
    try:
        _set_mode(temp_path, target)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temp_path.replace(target)
    except OSError as error:
        _discard(temp_path)
        if error.filename not in (None, temp_name, str(target)):
            raise  # not about the file we write (e.g. a missing resource): a bug, not the disk
        raise _explain(error, target) from error
    except BaseException:
        _discard(temp_path)
        raise
    _fsync_folder(target.parent)


def _umask() -> int:
    # Reading the umask through os.umask() means setting it, which races with other threads.
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _set_mode(temp_path: Path, target: Path) -> None:
    """mkstemp creates 0600 files; give the export the mode a normal new file would have."""
    if os.name != "posix":
        return
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
    temp_path.chmod(mode)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
