"""What an export can fail with, and the progress callback contract."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dpia_desk.errors import DpiaDeskError

if TYPE_CHECKING:
    from dpia_desk.atomic_write import WriteFailure

#: ``progress(done, total)``: called as a writer advances. The GUI updates a progress bar from it
#: and cancels an export by raising :class:`ExportCancelled` inside the callback.
ProgressCallback = Callable[[int, int], None]


class ExportError(DpiaDeskError):
    """An export could not be written (folder missing, permission denied, disk full, ...)."""


class ExportCancelled(ExportError):
    """The user cancelled an export; nothing was written and an existing file is untouched."""

    def __init__(self, message: str = "export cancelled", *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)


def export_error(failure: WriteFailure) -> ExportError:
    """The :class:`ExportError` of a failed atomic write (see dpia_desk.atomic_write)."""
    return ExportError(
        f"cannot write {failure.target}: {failure.reason}", hint=failure.hint or None
    )


def report_progress(progress: ProgressCallback | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
