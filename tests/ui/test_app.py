"""The application controller: start-up on a workspace, locking and unlocking, passphrase input."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from alembic import command
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from dpia_desk.errors import DpiaDeskError
from dpia_desk.services.assessments import add_evidence, set_answers, start_assessment
from dpia_desk.services.library import current_form
from dpia_desk.services.summary import refresh_vendor_summary
from dpia_desk.store import KeychainKey, Workspace, add_vendor, list_vendors, migrate
from dpia_desk.store.damage import PAGE_SIZE
from dpia_desk.ui.app import AppController, read_passphrase
from dpia_desk.ui.dialogs.locked import LockedDialog
from dpia_desk.ui.dialogs.store_error import Choice, StoreErrorDialog
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.workers import SynchronousWorkRunner
from tests.services.test_assessments import HIGH_RISK_CV_FILTER
from tests.store.helpers import decrypt_pages


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


def test_damage_found_after_the_window_shows_leads_to_the_damage_dialog(
    qtbot: QtBot,
    app: QApplication,
    workspace_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The start-up open checks only the first and last page; the rest is checked on the runner
    once the window shows. A damaged page found then closes the session and opens the workspace
    again with the full check: the damaged-workspace dialog, here answered "read-only"."""
    workspace, recovery = Workspace.create(workspace_path, KeychainKey())
    marker = bytes(range(256)) * 400  # 100 KB that no compression shrinks much, never on screen
    with workspace.session() as session:
        vendor = add_vendor(session, actor="t", name="Hireflow GmbH")
        assessment_id = start_assessment(
            session, actor="t", vendor_id=vendor.id, form=current_form("vendor_due_diligence")
        ).id
        add_evidence(
            session, actor="t", assessment_id=assessment_id, question_id=None,
            filename="soc2.pdf", content=marker,
        )  # fmt: skip
    workspace.close()
    pages = decrypt_pages(workspace_path, recovery.raw)
    holding = [n for n, page in enumerate(pages, 1) if bytes(range(256))[:200] in page]
    damaged = holding[len(holding) // 2]
    data = bytearray(workspace_path.read_bytes())
    data[(damaged - 1) * PAGE_SIZE + 321] ^= 0x40
    workspace_path.write_bytes(bytes(data))

    shown: list[str] = []

    def read_only(dialog: StoreErrorDialog) -> int:
        shown.append(dialog.error.message)
        dialog.choice = Choice.READ_ONLY
        return 1

    monkeypatch.setattr(StoreErrorDialog, "exec", read_only)
    controller = AppController(
        app, workspace_path, preferences=Preferences(auto_lock_minutes=0),
        runner=SynchronousWorkRunner(),
    )  # fmt: skip
    controller.page_check_delay_ms = 0
    try:
        assert controller.start()
        first = controller.workspace
        assert first is not None and not first.read_only and not first.pages_verified
        qtbot.waitUntil(lambda: controller.workspace is not first)
        assert len(shown) == 1 and f"page {damaged} fails" in shown[0]
        assert first.closed
        reopened, window = controller.workspace, controller.window
        assert reopened is not None and reopened.read_only
        assert window is not None and window.isVisible() and window.damage_banner is not None
        assert "(read-only)" in window.windowTitle()
    finally:
        controller.close_session()
        app.removeEventFilter(controller.idle)


def test_a_healthy_workspace_is_checked_after_the_window_shows(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.page_check_delay_ms = 0
    assert controller.start()
    workspace = controller.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.pages_verified)
    assert controller.workspace is workspace and not workspace.read_only


def test_an_upgraded_workspace_gets_its_vendor_figures_again(
    qtbot: QtBot, app: QApplication, workspace_path: Path
) -> None:
    """A workspace from the previous schema has no provisional marks stored: the first start
    after the upgrade computes every vendor's figures again."""
    workspace = Workspace.create(workspace_path, KeychainKey())[0]
    with workspace.session() as session:
        vendor = add_vendor(session, actor="t", name="Halfway Oy")
        screening = start_assessment(
            session, actor="t", vendor_id=vendor.id, form=current_form("ai_act_screening")
        )
        set_answers(
            session, actor="t", assessment_id=screening.id,
            answers=dict(list(HIGH_RISK_CV_FILTER.items())[:6]),
        )  # fmt: skip
        refresh_vendor_summary(session, vendor.id)
    with workspace.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), migrate.KNOWN_REVISIONS[-2])
    workspace.close()

    controller = AppController(
        app, workspace_path, preferences=Preferences(auto_lock_minutes=0),
        runner=SynchronousWorkRunner(),
    )  # fmt: skip
    try:
        assert controller.start()
        opened = controller.workspace
        assert opened is not None
        with opened.read_session() as session:
            (row,) = list_vendors(session, "")
        assert row.provisional == {"tier"}
        assert opened.upgraded_from is None  # done once
    finally:
        controller.close_session()
        app.removeEventFilter(controller.idle)
