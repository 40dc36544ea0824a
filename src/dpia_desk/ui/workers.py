"""The one way to run work off the UI thread.

``WorkRunner.submit(fn, *args, on_result=..., on_error=..., on_progress=...)`` runs
``fn(context, *args)`` on a private :class:`QThreadPool` with **one** thread, so background jobs run
one after another, in submission order. Why a single thread: every job that touches the workspace
opens its own SQLAlchemy session inside the job (SQLite connections belong to the thread that
made them) and SQLite has one writer at a time; serialising the jobs means two background jobs
never fight over the write lock, and the UI thread's short autosave writes only ever wait for one
job's transaction (WAL and the store's busy timeout cover that).

The job reports progress with ``context.progress(done, total, text)`` and stops early when
``context.check_cancelled()`` raises :class:`WorkCancelled` (after :meth:`WorkHandle.cancel`).
Results, errors, progress and cancellation arrive on the main thread through the signals of the
returned :class:`WorkHandle` (the handle lives in the main thread, so queued connections carry
them across). An error nobody handles goes to ``sys.excepthook`` (the crash dialog, or the
friendly message box for a :class:`~dpia_desk.errors.DpiaDeskError`).

Tests use :class:`SynchronousWorkRunner`: same API, the job runs inside ``submit`` and every
signal is delivered before ``submit`` returns (in the spirit of Picard's ``FakeThreadPool``).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

log = logging.getLogger(__name__)


class WorkCancelled(Exception):
    """Raised inside a job by :meth:`WorkContext.check_cancelled` after a cancel request."""


class WorkContext:
    """What a running job sees: progress reporting and the cancel flag."""

    def __init__(self, handle: WorkHandle) -> None:
        self._handle = handle
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """Call between steps; raises :class:`WorkCancelled` once the user asked to stop."""
        if self._cancel.is_set():
            raise WorkCancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Thread-safe: the report is queued to the main thread."""
        self._handle._relay_progress.emit(done, total, text)

    def request_cancel(self) -> None:
        self._cancel.set()


class WorkHandle(QObject):
    """The main thread's view of one job. Exactly one of finished/failed/cancelled fires.

    The public signals are always emitted in the thread the handle lives in (the main thread):
    the job only emits the private relay signals, whose queued delivery to the handle's slots
    crosses the thread boundary. Connecting a plain function or lambda to a public signal is
    therefore safe.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)  # the exception instance
    cancelled = Signal()
    done = Signal()  # after any of the three above, for clean-up (closing a progress dialog)

    _relay_progress = Signal(int, int, str)
    _relay_outcome = Signal(str, object)

    def __init__(self, description: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.description = description
        self.context = WorkContext(self)
        self.is_done = False
        self.result: object = None
        self.error: BaseException | None = None
        self._relay_progress.connect(self._on_progress)
        self._relay_outcome.connect(self._on_outcome)

    def cancel(self) -> None:
        self.context.request_cancel()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.is_done:
            self.progress.emit(done, total, text)

    @Slot(str, object)
    def _on_outcome(self, kind: str, payload: object) -> None:
        self.is_done = True
        if kind == "result":
            self.result = payload
            self.finished.emit(payload)
        elif kind == "error":
            assert isinstance(payload, BaseException)
            self.error = payload
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.done.emit()


#: ``fn(context, *args)``; returns the result delivered to ``on_result``.
Job = Callable[..., Any]


class Runner(Protocol):
    """What pages and dialogs depend on; both runners below implement it."""

    def submit(
        self,
        fn: Job,
        *args: Any,
        description: str = ...,
        on_result: Callable[[Any], None] | None = ...,
        on_error: Callable[[BaseException], None] | None = ...,
        on_progress: Callable[[int, int, str], None] | None = ...,
        on_cancelled: Callable[[], None] | None = ...,
        owner: QObject | None = ...,
    ) -> WorkHandle: ...

    def wait_for_done(self, timeout_ms: int = ...) -> bool: ...

    def shutdown(self) -> None: ...


def _report_unhandled(error: BaseException) -> None:
    sys.excepthook(type(error), error, error.__traceback__)


def _while_alive(owner: QObject | None, callback: Callable[..., None]) -> Callable[..., None]:
    """``callback``, skipped once ``owner`` (a page, a model) has been deleted: a job outlives
    the window that started it, and its outcome must not touch widgets that are gone."""
    if owner is None:
        return callback

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call


def _wire(
    handle: WorkHandle,
    on_result: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
    on_progress: Callable[[int, int, str], None] | None,
    on_cancelled: Callable[[], None] | None,
    owner: QObject | None = None,
) -> None:
    if on_progress is not None:
        handle.progress.connect(_while_alive(owner, on_progress))
    if on_result is not None:
        handle.finished.connect(_while_alive(owner, on_result))
    handle.failed.connect(
        _while_alive(owner, on_error) if on_error is not None else _report_unhandled
    )
    if on_cancelled is not None:
        handle.cancelled.connect(_while_alive(owner, on_cancelled))


def _execute(handle: WorkHandle, fn: Job, args: tuple[Any, ...]) -> None:
    """Runs the job and emits the outcome; never lets an exception escape into Qt."""
    try:
        handle.context.check_cancelled()
        result = fn(handle.context, *args)
    except WorkCancelled:
        handle._relay_outcome.emit("cancelled", None)
    except BaseException as error:  # a job's failure is data for the main thread
        handle._relay_outcome.emit("error", error)
    else:
        handle._relay_outcome.emit("result", result)


class _Task(QRunnable):
    """Runs one job. It lets go of the handle *before* telling the runner it is finished, so the
    handle (a QObject of the main thread) is always destroyed in the main thread."""

    def __init__(
        self,
        handle: WorkHandle,
        fn: Job,
        args: tuple[Any, ...],
        released: SignalInstance,
        key: int,
    ) -> None:
        super().__init__()
        self._job: tuple[WorkHandle, Job, tuple[Any, ...]] | None = (handle, fn, args)
        self._released = released
        self._key = key
        self.setAutoDelete(True)

    def run(self) -> None:
        job, self._job = self._job, None
        try:
            if job is not None:
                _execute(*job)
        finally:
            del job
            self._released.emit(self._key)


class WorkRunner(QObject):
    """Runs jobs one at a time on a background thread; see the module docstring."""

    _released = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(30_000)
        # Handles of submitted jobs, kept alive until the job's thread has let go of them.
        self._handles: dict[int, WorkHandle] = {}
        self._next_key = 0
        self._released.connect(self._forget)

    def submit(
        self,
        fn: Job,
        *args: Any,
        description: str = "",
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        owner: QObject | None = None,
    ) -> WorkHandle:
        # Parentless: Python owns the handle, so it lives as long as the caller or this runner
        # holds it (a Qt parent could delete it under a caller still connected to it).
        handle = WorkHandle(description or getattr(fn, "__name__", "job"))
        _wire(handle, on_result, on_error, on_progress, on_cancelled, owner)
        self._next_key += 1
        self._handles[self._next_key] = handle
        self._pool.start(_Task(handle, fn, args, self._released, self._next_key))
        return handle

    @Slot(int)
    def _forget(self, key: int) -> None:
        self._handles.pop(key, None)

    @property
    def active_count(self) -> int:
        return len(self._handles)

    def wait_for_done(self, timeout_ms: int = -1) -> bool:
        """Blocks until the queue is empty (shutdown and tests only, never from a slot)."""
        return bool(self._pool.waitForDone(timeout_ms))

    def shutdown(self) -> None:
        """Asks every job to stop and waits for the running one (at quit or lock)."""
        for handle in list(self._handles.values()):
            handle.cancel()
        self._pool.clear()
        self._pool.waitForDone()
        # No job thread holds a handle any more; jobs cleared from the queue never ran and would
        # never be released. Outcomes still queued for the main thread are dropped with them.
        self._handles.clear()


class SynchronousWorkRunner(QObject):
    """The test double: the job runs inside ``submit``; all signals fire before it returns."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.submitted: list[str] = []

    def submit(
        self,
        fn: Job,
        *args: Any,
        description: str = "",
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        owner: QObject | None = None,
    ) -> WorkHandle:
        handle = WorkHandle(description or getattr(fn, "__name__", "job"))
        _wire(handle, on_result, on_error, on_progress, on_cancelled, owner)
        self.submitted.append(handle.description)
        _execute(handle, fn, args)
        return handle

    def wait_for_done(self, timeout_ms: int = -1) -> bool:
        return True

    def shutdown(self) -> None:
        """Nothing can be running."""
