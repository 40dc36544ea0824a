"""The application controller: start-up on a workspace, locking and unlocking, passphrase input."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from dpia_desk.errors import DpiaDeskError
from dpia_desk.store import KeychainKey, Workspace
from dpia_desk.ui.app import AppController, read_passphrase
from dpia_desk.ui.dialogs.locked import LockedDialog
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.workers import SynchronousWorkRunner


@pytest.fixture
def controller(app: QApplication, workspace_path: Path) -> AppController:
    Workspace.create(workspace_path, KeychainKey())[0].close()
    made = AppController(
        app,
        workspace_path,
        preferences=Preferences(auto_lock_minutes=0),
        runner=SynchronousWorkRunner(),
    )
    yield made
    made.close_session()
    app.removeEventFilter(made.idle)


def test_start_opens_the_main_window(qtbot: QtBot, controller: AppController) -> None:
    assert controller.start()
    window = controller.window
    assert window is not None and window.isVisible()
    assert "dpia_desk" in window.windowTitle()
    assert controller.workspace is not None and not controller.workspace.closed


def test_lock_closes_everything_and_unlock_restores(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller.start()
    first = controller.workspace
    assert first is not None
    seen_locked: list[bool] = []

    def unlock(dialog: LockedDialog) -> int:
        # While the dialog shows, the workspace is closed and no window holds its data.
        seen_locked.append(first.closed and controller.window is None)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LockedDialog, "exec", unlock)
    controller.lock()
    assert seen_locked == [True]
    assert controller.workspace is not None and controller.workspace is not first
    assert controller.window is not None and controller.window.isVisible()


def test_idle_timer_follows_the_preference(controller: AppController) -> None:
    controller.start()
    assert not controller.idle.timer.isActive()
    controller.apply_preferences(Preferences(auto_lock_minutes=7))
    assert controller.idle.timer.isActive()
    assert controller.idle.timer.interval() == 7 * 60_000


def test_read_passphrase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("first line with spaces \nsecond\n", encoding="utf-8")
    assert read_passphrase(argparse.Namespace(passphrase_file=secret)) == "first line with spaces "
    assert read_passphrase(argparse.Namespace(passphrase_file=None)) is None
    monkeypatch.setenv("DPIA_DESK_PASSPHRASE", "from env")
    assert read_passphrase(argparse.Namespace(passphrase_file=None)) == "from env"
    with pytest.raises(DpiaDeskError):
        read_passphrase(argparse.Namespace(passphrase_file=tmp_path / "missing"))


def test_lock_requested_from_an_open_dialog_closes_it_first(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer

    from dpia_desk.ui.pages.vendors import VendorsPage

    controller.start()
    window = controller.window
    assert window is not None
    page = window.page("vendors")
    assert isinstance(page, VendorsPage)
    locked: list[bool] = []
    monkeypatch.setattr(
        LockedDialog, "exec", lambda _dialog: locked.append(True) or QDialog.DialogCode.Rejected
    )
    monkeypatch.setattr(controller.app, "quit", lambda: None)
    # The idle timer fires while the vendor dialog waits in its own event loop.
    QTimer.singleShot(0, controller.request_lock)
    page.add_vendor()  # returns once the dialog was cancelled
    qtbot.waitUntil(lambda: locked == [True], timeout=2000)
    assert controller.workspace is None and controller.window is None
