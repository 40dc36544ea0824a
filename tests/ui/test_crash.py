"""One excepthook: bugs show the crash dialog, expected errors a message box with the hint."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dpia_desk.errors import DpiaDeskError
from dpia_desk.ui.crash import CrashDialog, ExceptionHandler


@pytest.fixture
def handler(app: QApplication) -> Iterator[ExceptionHandler]:
    hook = ExceptionHandler()
    hook.install()
    yield hook
    hook.uninstall()
    for dialog in list(hook.open_dialogs):
        dialog.close()


def _raise(error: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_a_bug_shows_the_crash_dialog_with_details(qtbot: QtBot, handler: ExceptionHandler) -> None:
    kind, error, tb = _raise(ZeroDivisionError("division by zero in the scorecard"))
    sys.excepthook(kind, error, tb)  # type: ignore[arg-type]
    dialog = handler.open_dialogs[-1]
    assert isinstance(dialog, CrashDialog)
    assert dialog.isVisible()
    assert "ZeroDivisionError" in dialog.details.toPlainText()
    assert "test_crash.py" in dialog.details.toPlainText()  # the traceback is there
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.report
    dialog.continue_button.click()
    assert handler.open_dialogs == []


def test_an_expected_error_shows_its_message_and_hint(
    qtbot: QtBot, handler: ExceptionHandler
) -> None:
    kind, error, tb = _raise(DpiaDeskError("The file is read-only.", hint="Restore a backup."))
    sys.excepthook(kind, error, tb)  # type: ignore[arg-type]
    box = handler.open_dialogs[-1]
    assert isinstance(box, QMessageBox)
    assert box.text() == "The file is read-only."
    assert box.informativeText() == "Restore a backup."


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_reaches_the_crash_dialog(
    qtbot: QtBot, handler: ExceptionHandler
) -> None:
    def broken_slot() -> None:
        raise RuntimeError("a slot failed")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(handler.open_dialogs), timeout=2000)
    dialog = handler.open_dialogs[-1]
    assert isinstance(dialog, CrashDialog)
    assert "a slot failed" in dialog.report


def test_a_failing_crash_dialog_falls_back_to_the_previous_hook(
    qtbot: QtBot, handler: ExceptionHandler, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[BaseException] = []
    handler.previous = lambda kind, error, tb: seen.append(error)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("cannot build the dialog")

    monkeypatch.setattr(CrashDialog, "__init__", broken)
    kind, error, tb = _raise(ValueError("original"))
    handler(kind, error, tb)  # type: ignore[arg-type]
    assert [str(e) for e in seen] == ["original"]


def test_show_modal_blocks_until_the_dialog_is_closed(
    qtbot: QtBot, handler: ExceptionHandler
) -> None:
    seen: list[str] = []

    def close_it() -> None:
        dialog = handler.open_dialogs[-1]
        assert isinstance(dialog, CrashDialog)
        seen.append(dialog.report.splitlines()[-1])
        dialog.continue_button.click()

    QTimer.singleShot(0, close_it)
    kind, error, tb = _raise(LookupError("during start-up"))
    handler.show_modal(kind, error, tb)  # type: ignore[arg-type]
    assert seen == ["LookupError: during start-up"]
    assert handler.open_dialogs == []
