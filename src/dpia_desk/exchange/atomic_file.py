"""Writing an export so that a failure leaves no half file and keeps an existing one.

The bytes go to a temporary file in the target's own folder (created ``0600``: the export holds
the assessment in clear), are flushed and ``fsync``-ed, then ``os.replace`` moves the file over
the target in one step and the folder is ``fsync``-ed so the rename survives a power cut. Any
failure removes the temporary file and becomes one :class:`ExportFailedError` that says why
(disk full, folder missing, no permission...).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from dpia_desk.exchange.errors import ExportFailedError

_HINTS = {
    errno.ENOSPC: ("the disk is full", "Free some space or choose another drive."),
    errno.EDQUOT: ("the disk quota is exceeded", "Free some space or choose another drive."),
    errno.EROFS: ("the drive is read-only", "Choose a folder you can write to."),
    errno.EACCES: ("permission denied", "Choose a folder you can write to."),
    errno.EPERM: ("permission denied", "Choose a folder you can write to."),
    errno.ENOENT: ("the folder does not exist", "Choose an existing folder."),
    errno.EISDIR: ("a folder of that name exists", "Choose a file name."),
}


def _failure(target: Path, error: OSError) -> ExportFailedError:
    known = _HINTS.get(error.errno or 0)
    if known is None:
        return ExportFailedError(target, error.strerror or str(error))
    reason, hint = known
    return ExportFailedError(
        target,
        reason,
        hint=f"{hint} Nothing was written; an existing file of that name was left unchanged.",
    )


def write_atomically(target: Path | str, chunks: Iterable[bytes]) -> int:
    """Write ``chunks`` to ``target`` atomically; return the number of bytes written."""
    target = Path(target).absolute()
    if target.is_dir():
        raise _failure(target, IsADirectoryError(errno.EISDIR, "is a directory"))
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".partial", dir=target.parent
        )
    except OSError as error:
        raise _failure(target, error) from None
    written = 0
    try:
        with os.fdopen(descriptor, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
                written += len(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        if isinstance(error, OSError):
            raise _failure(target, error) from None
        raise
    _fsync_folder(target.parent)
    return written


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync; NTFS journals renames
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
