"""Atomic file writes: a failed or cancelled write never leaves a half file behind.

Used by every export (``dpia_desk.reports`` and ``dpia_desk.exchange``). The bytes go to a
temporary file in the target's own folder (so the final rename stays on one file system), are
flushed and fsynced, then ``os.replace`` moves the file over the target in one step (atomic on
POSIX and Windows) and the folder is fsynced so the rename survives a power cut. On any failure
the temporary file is removed and an existing target is left exactly as it was.

Operating-system failures are classified once here (:class:`WriteFailure`: folder missing,
permission denied, disk full, ...) and handed to the caller's ``failure`` function, which turns
them into the error type its package documents (reports: ``ExportError``, exchange:
``ExportFailedError``). Without one, :class:`AtomicWriteError` is raised.

No Qt, no store, no reports or exchange imports: this module sits below both packages.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dpia_desk.errors import DpiaDeskError

#: The mode of a private file: only this user may read it (mkstemp's own mode).
PRIVATE_MODE = 0o600


@dataclass(frozen=True)
class WriteFailure:
    """Why writing ``target`` failed, in words a user can act on.

    ``kind`` is one of: missing_folder, permission, disk_full, quota, too_large, read_only,
    is_folder, other. ``reason`` and ``hint`` are the default wording; packages may word a kind
    their own way.
    """

    target: Path
    kind: str
    reason: str
    hint: str
    error: OSError


class AtomicWriteError(DpiaDeskError):
    """A file could not be written (raised when the caller maps no error type of its own)."""

    def __init__(self, failure: WriteFailure) -> None:
        super().__init__(f"cannot write {failure.target}: {failure.reason}", hint=failure.hint)
        self.failure = failure


FailureMapper = Callable[[WriteFailure], BaseException]


def classify(error: OSError, target: Path) -> WriteFailure:
    """The :class:`WriteFailure` an ``OSError`` met while writing ``target`` stands for."""
    code = error.errno

    def failure(kind: str, reason: str, hint: str) -> WriteFailure:
        return WriteFailure(target, kind, reason, hint, error)

    if isinstance(error, FileNotFoundError) or code == errno.ENOENT:
        return failure(
            "missing_folder",
            f"the folder {target.parent} does not exist",
            "Choose an existing folder or create it first.",
        )
    if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return failure(
            "permission",
            "permission denied",
            "Choose a folder you can write to, or close the file in the program using it.",
        )
    if code == errno.ENOSPC:
        return failure("disk_full", "the disk is full", "Free some space or use another drive.")
    if code == errno.EDQUOT:
        return failure(
            "quota", "the disk quota is exceeded", "Free some space or use another drive."
        )
    if code == errno.EFBIG:
        return failure(
            "too_large",
            "the file is too large for this drive or file system",
            "Use another drive.",
        )
    if code == errno.EROFS:
        return failure("read_only", "the drive is read-only", "Choose a writable folder.")
    if isinstance(error, IsADirectoryError) or code == errno.EISDIR:
        return failure("is_folder", "a folder with that name exists", "Choose a file name.")
    return failure("other", error.strerror or str(error), "")


def _raise_default(failure: WriteFailure) -> BaseException:
    return AtomicWriteError(failure)


@contextlib.contextmanager
def atomic_write(
    target: Path | str,
    *,
    private: bool = False,
    failure: FailureMapper = _raise_default,
) -> Iterator[BinaryIO]:
    """Yields a binary file; when the block ends without error it becomes ``target``.

    ``private``: the file is created ``0600`` (only this user may read it); otherwise it gets the
    mode of the file it replaces, or that of a normal new file (umask). Any exception inside the
    block removes the temporary file and propagates; an ``OSError`` about the file being written
    becomes ``failure(WriteFailure)``. An ``OSError`` naming another file (a missing resource of
    the writer, say) is a bug, not the disk, and propagates unchanged.
    """
    target = Path(target)
    if target.is_dir():
        error = IsADirectoryError(errno.EISDIR, "is a directory")
        raise failure(classify(error, target))
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path()
        )
    except OSError as error:
        raise failure(classify(error, target)) from error
    temp_path = Path(temp_name)
    try:
        if not private:
            _set_mode(temp_path, target)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        temp_path.replace(target)
    except OSError as error:
        _discard(temp_path)
        if error.filename not in (None, temp_name, str(target)):
            raise
        raise failure(classify(error, target)) from error
    except BaseException:
        _discard(temp_path)
        raise
    _fsync_folder(target.parent)


def write_chunks(
    target: Path | str,
    chunks: Iterable[bytes],
    *,
    private: bool = False,
    failure: FailureMapper = _raise_default,
) -> int:
    """Writes ``chunks`` to ``target`` atomically; returns the number of bytes written."""
    written = 0
    with atomic_write(target, private=private, failure=failure) as handle:
        for chunk in chunks:
            handle.write(chunk)
            written += len(chunk)
    return written


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; Windows cannot open a folder (NTFS journals renames).
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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
    """mkstemp creates 0600 files; give the file the mode a normal new file would have."""
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
