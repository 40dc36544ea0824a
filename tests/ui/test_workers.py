"""The work runner: results, errors, progress and cancel arrive on the main thread."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from dpia_desk.ui.workers import SynchronousWorkRunner, WorkContext, WorkRunner


def add(_work: WorkContext, a: int, b: int) -> int:
    return a + b


def fail(_work: WorkContext) -> None:
    raise ValueError("boom")


def counting(work: WorkContext, steps: int) -> int:
    for step in range(steps):
        work.check_cancelled()
        work.progress(step + 1, steps, f"step {step + 1}")
    return steps


def test_synchronous_runner_delivers_before_submit_returns() -> None:
    runner = SynchronousWorkRunner()
    results: list[int] = []
    progress: list[tuple[int, int, str]] = []
    handle = runner.submit(
        counting, 3, on_result=results.append, on_progress=lambda *p: progress.append(p)
    )
    assert handle.is_done
    assert results == [3]
    assert progress == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    assert runner.submitted == ["counting"]


def test_synchronous_runner_routes_errors() -> None:
    errors: list[BaseException] = []
    handle = SynchronousWorkRunner().submit(fail, on_error=errors.append)
    assert isinstance(errors[0], ValueError)
    assert handle.error is errors[0]


def test_unhandled_error_goes_to_the_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[BaseException] = []

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        seen.append(error)

    monkeypatch.setattr(sys, "excepthook", hook)
    SynchronousWorkRunner().submit(fail)
    assert [str(error) for error in seen] == ["boom"]


def test_threaded_runner_result_on_main_thread(qtbot: QtBot) -> None:
    runner = WorkRunner()
    delivered_on: list[threading.Thread] = []
    ran_on: list[threading.Thread] = []

    def job(_work: WorkContext) -> str:
        ran_on.append(threading.current_thread())
        return "done"

    def on_result(value: str) -> None:
        delivered_on.append(threading.current_thread())

    handle = runner.submit(job, on_result=on_result)
    with qtbot.waitSignal(handle.done, timeout=5000):
        pass
    assert handle.result == "done"
    assert ran_on[0] is not threading.main_thread()
    assert delivered_on == [threading.main_thread()]
    runner.shutdown()


def test_threaded_runner_reports_errors_and_progress(qtbot: QtBot) -> None:
    runner = WorkRunner()
    errors: list[BaseException] = []
    handle = runner.submit(fail, on_error=errors.append)
    with qtbot.waitSignal(handle.done, timeout=5000):
        pass
    assert isinstance(errors[0], ValueError)

    progress: list[int] = []
    handle = runner.submit(counting, 4, on_progress=lambda done, _t, _x: progress.append(done))
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: len(progress) == 4, timeout=2000)
    assert progress == [1, 2, 3, 4]
    runner.shutdown()


def test_threaded_runner_cancels(qtbot: QtBot) -> None:
    runner = WorkRunner()
    started = threading.Event()
    release = threading.Event()

    def slow(work: WorkContext) -> str:
        started.set()
        release.wait(5)
        work.check_cancelled()
        return "not cancelled"

    cancelled: list[bool] = []
    results: list[str] = []
    handle = runner.submit(
        slow, on_cancelled=lambda: cancelled.append(True), on_result=results.append
    )
    assert started.wait(5)
    handle.cancel()
    release.set()
    with qtbot.waitSignal(handle.done, timeout=5000):
        pass
    assert cancelled == [True]
    assert results == []
    runner.shutdown()


def test_jobs_run_one_at_a_time_in_order(qtbot: QtBot) -> None:
    runner = WorkRunner()
    order: list[int] = []
    active = 0
    overlap = False
    lock = threading.Lock()

    def job(_work: WorkContext, number: int) -> None:
        nonlocal active, overlap
        with lock:
            active += 1
            overlap = overlap or active > 1
        order.append(number)
        with lock:
            active -= 1

    handles = [runner.submit(job, n) for n in range(5)]
    with qtbot.waitSignal(handles[-1].done, timeout=5000):
        pass
    assert order == [0, 1, 2, 3, 4]
    assert not overlap
    runner.shutdown()


def test_runner_lets_go_of_finished_handles(qtbot: QtBot) -> None:
    runner = WorkRunner()
    handles = [runner.submit(add, n, n) for n in range(3)]
    qtbot.waitUntil(lambda: runner.active_count == 0, timeout=5000)
    # The caller's references stay valid after the runner forgot them.
    assert [handle.result for handle in handles] == [0, 2, 4]
    assert all(handle.is_done for handle in handles)
    runner.shutdown()


def test_outcomes_for_a_deleted_owner_are_dropped(qtbot: QtBot) -> None:
    """A page closed while its job runs: the job's progress and result reach nobody (they would
    touch deleted widgets), while other jobs' callbacks still arrive."""
    runner = WorkRunner()
    release = threading.Event()
    owner = QObject()
    seen: list[object] = []

    def waits(work: WorkContext) -> str:
        release.wait(5)
        work.progress(1, 1, "half way")
        return "late"

    try:
        runner.submit(
            waits,
            on_result=seen.append,
            on_progress=lambda done, total, _text: seen.append((done, total)),
            owner=owner,
        )
        shiboken6.delete(owner)
        release.set()
        with qtbot.waitSignal(runner.submit(add, 1, 2, on_result=seen.append).done, timeout=5000):
            pass
        assert runner.wait_for_done(5000)
        qtbot.wait(20)
        assert seen == [3]
    finally:
        runner.shutdown()
