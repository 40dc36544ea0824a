"""Long work with a progress dialog: the one way the desktop shows a job the user waits for.

:func:`run_with_progress` submits ``fn(work, cancel, *args)`` to the work runner and shows a
window-modal :class:`QProgressDialog` while it runs: busy (no total) until the job reports a
total, then determinate; with a Cancel button when the job can stop. ``cancel`` is a
:class:`CancelFlag` the job polls (directly, or from a writer's progress callback); it is set by
the dialog's Cancel button and by :meth:`WorkHandle.cancel`, so it also works with the
synchronous runner of the tests, where the job runs inside ``submit``.

The dialog appears only after ``MIN_DURATION_MS`` (quick jobs never flash a window) and is
deleted when the job ends, whatever the outcome.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from dpia_desk.ui.workers import Job, Runner, WorkCancelled, WorkContext, WorkHandle

#: lupdate extracts translate("Context", "literal") calls; keep both arguments literal.
translate = QCoreApplication.translate

#: Jobs that end sooner show no dialog at all.
MIN_DURATION_MS = 400


class CancelFlag:
    """Set from the main thread (Cancel), read by the job's thread."""

    def __init__(self, work: WorkContext | None = None) -> None:
        self._event = threading.Event()
        self._work = work

    def set(self) -> None:
        self._event.set()

    @property
    def is_set(self) -> bool:
        return self._event.is_set() or (self._work is not None and self._work.cancelled)

    def check(self) -> None:
        """Raises :class:`WorkCancelled` once the user asked to stop."""
        if self.is_set:
            raise WorkCancelled

    def bind(self, work: WorkContext) -> CancelFlag:
        self._work = work
        return self


@dataclass
class ProgressJob:
    """A running job and its dialog (``dialog`` is None once the job is done)."""

    dialog: QProgressDialog | None
    cancel: CancelFlag
    handle: WorkHandle | None = None


def _run(work: WorkContext, fn: Job, cancel: CancelFlag, args: tuple[Any, ...]) -> Any:
    return fn(work, cancel.bind(work), *args)


def run_with_progress(
    parent: QWidget | None,
    runner: Runner,
    fn: Job,
    *args: Any,
    title: str,
    text: str,
    cancellable: bool,
    description: str = "",
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> ProgressJob:
    """Runs ``fn(work, cancel, *args)`` on ``runner`` behind a progress dialog; see the module."""
    cancel_text = translate("ProgressDialog", "Cancel") if cancellable else ""
    dialog = QProgressDialog(text, cancel_text, 0, 0, parent)
    dialog.setObjectName("progressDialog")
    # The bar alone: a centred percentage is unreadable where the accent chunk meets it.
    bar = QProgressBar()
    bar.setTextVisible(False)
    bar.setAccessibleName(text)
    dialog.setBar(bar)
    dialog.setRange(0, 0)
    dialog.setWindowTitle(title)
    # Without a parent (the main window is closed during a restore) it blocks the whole app.
    dialog.setWindowModality(
        Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.ApplicationModal
    )
    dialog.setMinimumDuration(MIN_DURATION_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    if not cancellable:
        dialog.setCancelButton(None)
    cancel = CancelFlag()
    job = ProgressJob(dialog, cancel)

    def cancelled_by_user() -> None:
        cancel.set()
        dialog.setLabelText(translate("ProgressDialog", "Cancelling…"))
        if job.handle is not None:
            job.handle.cancel()

    def progressed(done: int, total: int, label: str) -> None:
        if job.dialog is None:
            return
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(max(0, min(done, total)))
        if label:
            dialog.setLabelText(label)

    def finished() -> None:
        if job.dialog is not None:
            job.dialog = None
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

    dialog.canceled.connect(cancelled_by_user)
    # The outcome callbacks run after the dialog is gone, so a message they show is not covered.
    handle = runner.submit(
        _run, fn, cancel, args, description=description or title,
        on_progress=progressed,
        on_result=_after(finished, on_result),
        on_error=_after(finished, on_error or _report_unhandled),
        on_cancelled=_after(finished, on_cancelled),
    )  # fmt: skip
    job.handle = handle
    if handle.is_done:  # the synchronous runner: everything has happened already
        finished()
    return job


def _report_unhandled(error: BaseException) -> None:
    sys.excepthook(type(error), error, error.__traceback__)


def _after(first: Callable[[], None], then: Callable[..., None] | None) -> Callable[..., None]:
    def call(*args: Any) -> None:
        first()
        if then is not None:
            then(*args)

    return call
