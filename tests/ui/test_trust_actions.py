"""Trust from the desktop, through the real widgets: backup and restore, change key, the audit
trail's status, a damaged workspace, erasure, automatic backups, the clipboard and auto-lock.

The application controller runs with the synchronous work runner, so each job has finished when
the call that started it returns; the platform's file dialogs are replaced.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dpia_desk.paths import default_backup_dir
from dpia_desk.services.assessments import start_assessment
from dpia_desk.services.library import current_form
from dpia_desk.store import (
    KeychainKey,
    PassphraseRequiredError,
    RecoveryKey,
    Workspace,
    add_vendor,
    find_backups,
)
from dpia_desk.store.engine import raw_key_literal
from dpia_desk.store.models import Vendor
from dpia_desk.ui import clipboard, settings
from dpia_desk.ui.app import AppController
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.dialogs.erase_dialog import EraseDialog
from dpia_desk.ui.dialogs.locked import LockedDialog
from dpia_desk.ui.dialogs.rekey_dialog import RekeyDialog
from dpia_desk.ui.dialogs.restore_dialog import RestoreDialog
from dpia_desk.ui.dialogs.settings_dialog import SettingsDialog
from dpia_desk.ui.dialogs.store_error import Choice, StoreErrorDialog
from dpia_desk.ui.dialogs.unlock import UnlockDialog
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.pages.audit_log import AuditLogPage, change_text
from dpia_desk.ui.pages.vendors import VendorsPage
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.trust_actions import TrustController
from dpia_desk.ui.workers import SynchronousWorkRunner
from tests.store.helpers import raw_open

LEFT = Qt.MouseButton.LeftButton
NEW_PASSPHRASE = "a new passphrase for the test"


def _vendor_names(workspace: Workspace) -> set[str]:
    with workspace.read_session() as session:
        return set(session.scalars(select(Vendor.name)))


def _add_vendor(workspace: Workspace, name: str) -> str:
    with workspace.session() as session:
        return add_vendor(session, actor="test", name=name, country="DE").id


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def controller(
    app: QApplication, workspace_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppController]:
    """A keychain workspace with one vendor, ready to start (no automatic backups)."""
    created, _recovery = Workspace.create(workspace_path, KeychainKey())
    _add_vendor(created, "Before GmbH")
    created.close()
    made = AppController(
        app,
        workspace_path,
        preferences=Preferences(auto_lock_minutes=0, backup_every_days=0),
        runner=SynchronousWorkRunner(),
    )
    monkeypatch.setattr(app, "quit", lambda: None)  # a test never ends the test session's app
    yield made
    made.close_session()
    app.removeEventFilter(made.idle)
    _flush_deletes()


def _started(controller: AppController) -> tuple[Workspace, MainWindow]:
    assert controller.start()
    assert controller.workspace is not None and controller.window is not None
    return controller.workspace, controller.window


# --- backup and restore ----------------------------------------------------------------------


def test_backup_then_restore_over_the_workspace(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, window = _started(controller)
    folder = default_backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "manual backup.dpia"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    window.backup_action.trigger()
    assert target.is_file()
    assert str(target) in window.statusBar().currentMessage()
    box = window.trust.message_box
    assert isinstance(box, QMessageBox) and str(target) in box.informativeText()
    box.close()

    _add_vendor(workspace, "After AG")
    assert _vendor_names(workspace) == {"Before GmbH", "After AG"}

    seen: list[list[str]] = []

    def choose_the_backup(dialog: RestoreDialog) -> int:
        seen.append(
            [dialog.table.topLevelItem(i).text(3) for i in range(dialog.table.topLevelItemCount())]
        )
        assert dialog.replace_radio.isChecked()
        assert "replaced by the backup" in dialog.consequence.text()
        qtbot.mouseClick(dialog.restore_button, LEFT)
        return int(dialog.result())

    monkeypatch.setattr(RestoreDialog, "exec", choose_the_backup)
    first_window = window
    window.restore_action.trigger()
    _flush_deletes()

    assert seen and "manual backup.dpia" in seen[0]
    assert controller.window is not None and controller.window is not first_window
    restored = controller.workspace
    assert restored is not None and restored is not workspace and workspace.closed
    assert _vendor_names(restored) == {"Before GmbH"}
    assert not restored.read_only
    assert restored.opened_with == "keychain"
    # What the workspace held before the restore was kept in the backup folder first.
    kept = [p for p in find_backups(restored.salt) if p.stem.endswith("before-restore")]
    assert len(kept) == 1
    with Workspace.open(kept[0], KeychainKey(), read_only=True) as previous:
        assert _vendor_names(previous) == {"Before GmbH", "After AG"}


def test_restore_into_a_new_file_then_switch_to_it(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    workspace, window = _started(controller)
    backup = default_backup_dir() / "copy.dpia"
    backup.parent.mkdir(parents=True, exist_ok=True)
    window.trust.run_backup(backup)
    _add_vendor(workspace, "After AG")
    new_file = tmp_path / "restored"

    def into_new(dialog: RestoreDialog) -> int:
        dialog.new_radio.setChecked(True)
        assert "stays as it is" in dialog.consequence.text()
        dialog.restore_button.click()
        return int(dialog.result())

    monkeypatch.setattr(RestoreDialog, "exec", into_new)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(new_file), ""))
    monkeypatch.setattr(AppController, "confirm_switch", lambda _self, _target: True)
    window.trust.restore()
    _flush_deletes()

    target = tmp_path / "restored.dpia"
    assert target.is_file()
    assert controller.path == target
    assert controller.workspace is not None and controller.workspace.path == target
    assert _vendor_names(controller.workspace) == {"Before GmbH"}
    with Workspace.open(workspace.path, KeychainKey(), read_only=True) as original:
        assert _vendor_names(original) == {"Before GmbH", "After AG"}  # untouched


# --- change key ------------------------------------------------------------------------------


def test_change_key_to_a_passphrase_then_unlock_with_it(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.write_value(clipboard.CLEAR_AFTER_KEY, 60_000)
    workspace, window = _started(controller)
    shown: list[str] = []

    def change_to_passphrase(dialog: RekeyDialog) -> int:
        with qtbot.waitExposed(dialog):
            dialog.show()
        assert dialog.keychain_radio.isChecked()  # the current mode first
        radio = dialog.passphrase_radio  # a click on its indicator, not the empty space right of it
        qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))
        assert radio.isChecked() and dialog.passphrase_form.isEnabled()
        qtbot.keyClicks(dialog.passphrase_edit, NEW_PASSPHRASE)
        qtbot.keyClicks(dialog.confirm_edit, NEW_PASSPHRASE + " typo")
        qtbot.mouseClick(dialog.change_button, LEFT)
        assert dialog.confirm_error.has_error and not dialog.changed
        dialog.confirm_edit.setText(NEW_PASSPHRASE)
        qtbot.mouseClick(dialog.change_button, LEFT)
        assert dialog.changed and dialog.on_key_page
        panel = dialog.recovery_panel
        key = dialog.recovery
        assert key is not None
        assert RecoveryKey.parse(panel.key_label.text()) == key
        shown.append(key.text())
        # The new key cannot be dismissed before it is stored.
        assert not dialog.done_button.isEnabled()
        dialog.reject()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert "Store the recovery key first" in panel.feedback.text()
        qtbot.mouseClick(panel.copy_button, LEFT)
        assert QGuiApplication.clipboard().text() == key.text()
        panel.stored_check.setChecked(True)
        qtbot.mouseClick(dialog.done_button, LEFT)
        return int(dialog.result())

    monkeypatch.setattr(RekeyDialog, "exec", change_to_passphrase)
    controller.passphrase = "stale"
    assert window.trust.change_key()
    assert controller.passphrase is None  # the old one is forgotten
    assert workspace.opened_with == "passphrase"
    assert shown
    backups = [p for p in find_backups(workspace.salt) if p.stem.endswith("before-rekey")]
    assert len(backups) == 1

    # Lock: the recovery key leaves the clipboard; unlocking now asks for the new passphrase.
    asked: list[str] = []

    def unlock_with_passphrase(dialog: UnlockDialog) -> int:
        with qtbot.waitExposed(dialog):
            dialog.show()
        asked.append(dialog.mode)
        qtbot.keyClicks(dialog.passphrase_edit, NEW_PASSPHRASE)
        qtbot.mouseClick(dialog.unlock_button, LEFT)
        return int(dialog.result())

    monkeypatch.setattr(LockedDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(UnlockDialog, "exec", unlock_with_passphrase)
    controller.lock()
    assert QGuiApplication.clipboard().text() != shown[0]
    assert asked == ["passphrase"]
    assert controller.workspace is not None and controller.workspace.opened_with == "passphrase"
    assert _vendor_names(controller.workspace) == {"Before GmbH"}
    controller.close_session()
    with pytest.raises(PassphraseRequiredError):
        Workspace.open(controller.path, KeychainKey())
    Workspace.open(controller.path, RecoveryKey.parse(shown[0])).close()


# --- audit trail -----------------------------------------------------------------------------


def test_the_audit_log_shows_the_chain_verified_then_broken_after_a_raw_edit(
    qtbot: QtBot, app: QApplication, workspace_path: Path
) -> None:
    workspace, recovery = Workspace.create(workspace_path, KeychainKey())
    for name in ("Alpha", "Beta", "Gamma"):
        _add_vendor(workspace, name)
    context = WorkspaceContext(workspace, SynchronousWorkRunner(), Preferences())
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.verify_audit_action.trigger()
    page = window.current_page()
    assert isinstance(page, AuditLogPage)
    assert page.chain_report is not None and page.chain_report.ok
    assert page.chain_status.label.text().startswith("Audit trail verified: 4 events")
    assert page.chain_status.kind == "info"
    window.close()
    _flush_deletes()
    workspace.close()

    # Someone with the key edits an event directly (dropping the guard triggers first).
    connection = raw_open(workspace_path, raw_key_literal(recovery.raw))
    connection.execute("DROP TRIGGER audit_event_only_erasure")
    connection.execute("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2")
    connection.commit()
    connection.close()

    reopened = Workspace.open(workspace_path, KeychainKey())
    try:
        context = WorkspaceContext(reopened, SynchronousWorkRunner(), Preferences())
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        window.show_page(window.navigation_model.row_of("audit"))
        page = window.current_page()
        assert isinstance(page, AuditLogPage)
        assert page.chain_report is not None and page.chain_report.first_broken == 2
        assert page.chain_status.label.text().startswith("Broken at event #2:")
        assert page.chain_status.kind == "warning"
        # Re-run on demand: the same answer, the button usable again.
        qtbot.mouseClick(page.verify_button, LEFT)
        assert page.verify_button.isEnabled()
        assert page.chain_status.label.text().startswith("Broken at event #2:")
        window.close()
        _flush_deletes()
    finally:
        reopened.close()


# --- integrity and damage --------------------------------------------------------------------


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x20
    path.write_bytes(bytes(data))


def test_check_integrity_reports_a_healthy_workspace(
    qtbot: QtBot, controller: AppController
) -> None:
    _workspace, window = _started(controller)
    window.check_action.trigger()
    box = window.trust.message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "No problems found."
    assert window.trust.last_report is not None and window.trust.last_report.ok
    box.close()


def test_a_damaged_workspace_opens_read_only_with_a_banner_and_restores(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = controller.path
    with Workspace.open(path, KeychainKey()) as filling:
        for number in range(120):
            _add_vendor(filling, f"Vendor {number:03}")
        folder = default_backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        filling.backup(folder / "good.dpia")
    pages = path.stat().st_size // 4096
    _flip(path, (pages - 1) * 4096 + 1000)  # the last page: always checked on open
    damaged = path.read_bytes()

    def open_read_only(dialog: StoreErrorDialog) -> int:
        assert "damaged" in dialog.error.message or "fails" in dialog.error.message
        dialog.choice = Choice.READ_ONLY
        return 0

    monkeypatch.setattr(StoreErrorDialog, "exec", open_read_only)
    workspace, window = _started(controller)
    assert workspace.read_only and workspace.problems
    banner = window.damage_banner
    assert banner is not None and banner.isVisible()
    assert workspace.problems[0] in window.damage_label.text()
    assert "read-only" in window.damage_label.text()
    assert "(read-only)" in window.windowTitle()
    for action in [*window.edit_actions, window.backup_action]:
        assert not action.isEnabled(), action.text()
    assert window.export_actions.import_ is not None
    assert not window.export_actions.import_.isEnabled()
    vendors = window.page("vendors")
    assert isinstance(vendors, VendorsPage) and not vendors.new_button.isEnabled()
    window._sync_selection_actions()
    assert not window.delete_vendor_action.isEnabled()
    assert path.read_bytes() == damaged  # nothing was written over the damage

    monkeypatch.setattr(TrustController, "confirm_restore_latest", lambda _self, _backup: True)
    qtbot.mouseClick(window.restore_latest_button, LEFT)
    _flush_deletes()
    restored = controller.workspace
    assert restored is not None and restored is not workspace
    assert not restored.read_only and not restored.problems
    assert controller.window is not None and controller.window.damage_banner is None
    assert len(_vendor_names(restored)) == 121
    kept = [p for p in find_backups(restored.salt) if p.stem.endswith("before-restore")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # the damaged file, kept as is


# --- erasure ---------------------------------------------------------------------------------


def test_delete_vendor_needs_its_name_typed_and_says_what_goes(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, window = _started(controller)
    keep_id = _add_vendor(workspace, "Stays Ltd")
    with workspace.read_session() as session:
        gone_id = session.scalars(select(Vendor.id).where(Vendor.name == "Before GmbH")).one()
    vendors = window.page("vendors")
    assert isinstance(vendors, VendorsPage)
    monkeypatch.setattr(VendorsPage, "current_vendor_id", lambda _self: gone_id)
    texts: list[str] = []

    def type_wrong_then_cancel(dialog: EraseDialog) -> int:
        texts.append(dialog.plan_label.text())
        assert dialog.cancel_button.isDefault() and not dialog.delete_button.isEnabled()
        qtbot.keyClicks(dialog.name_edit, "Before")
        assert not dialog.delete_button.isEnabled()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(TrustController, "confirm_erasure", lambda _s, d: type_wrong_then_cancel(d))
    window.delete_vendor_action.trigger()
    assert "Erase this vendor" in texts[0] and "cannot be restored" in texts[0]
    assert _vendor_names(workspace) == {"Before GmbH", "Stays Ltd"}

    def type_the_name(dialog: EraseDialog) -> int:
        qtbot.keyClicks(dialog.name_edit, "  before gmbh ")
        assert dialog.delete_button.isEnabled()
        qtbot.mouseClick(dialog.delete_button, LEFT)
        return int(dialog.result())

    monkeypatch.setattr(TrustController, "confirm_erasure", lambda _s, d: type_the_name(d))
    changes: list[str] = []
    window.context.changed.connect(changes.append)
    window.delete_vendor_action.trigger()
    assert _vendor_names(workspace) == {"Stays Ltd"}
    assert "vendor" in changes
    assert "deleted" in window.statusBar().currentMessage()
    assert keep_id


# --- automatic backups, settings -------------------------------------------------------------


def test_automatic_backups_follow_the_settings(
    qtbot: QtBot, app: QApplication, workspace_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Workspace.create(workspace_path, KeychainKey())[0].close()
    made = AppController(
        app,
        workspace_path,
        preferences=Preferences(auto_lock_minutes=0, backup_every_days=1, backup_keep=2),
        runner=SynchronousWorkRunner(),
    )
    monkeypatch.setattr(app, "quit", lambda: None)
    made.automatic_backup_delay_ms = 10
    try:
        assert made.start()
        workspace = made.workspace
        assert workspace is not None

        def automatic() -> list[Path]:
            return [p for p in find_backups(workspace.salt) if p.stem.endswith("automatic")]

        assert automatic() == []  # the first screen first
        qtbot.waitUntil(lambda: len(automatic()) == 1, timeout=3000)
        assert "Automatic backup written" in made.window.statusBar().currentMessage()
        made.automatic_backup()  # within the day: nothing new
        assert len(automatic()) == 1
    finally:
        made.close_session()
        app.removeEventFilter(made.idle)
        _flush_deletes()


def test_the_settings_dialog_edits_the_backup_rotation(qtbot: QtBot, app: QApplication) -> None:
    dialog = SettingsDialog(Preferences(backup_every_days=1, backup_keep=7))
    qtbot.addWidget(dialog)
    dialog.backup_every_combo.setCurrentIndex(dialog.backup_every_combo.findData(7))
    dialog.backup_keep_spin.setValue(3)
    chosen = dialog.preferences()
    assert (chosen.backup_every_days, chosen.backup_keep) == (7, 3)
    dialog.backup_every_combo.setCurrentIndex(dialog.backup_every_combo.findData(0))
    assert not dialog.backup_keep_spin.isEnabled()
    chosen.save()
    assert Preferences.load().backup_every_days == 7 and Preferences.load().backup_keep == 3


# --- clipboard -------------------------------------------------------------------------------


def test_a_copied_secret_leaves_the_clipboard_after_the_delay_if_still_ours(
    qtbot: QtBot, app: QApplication
) -> None:
    settings.write_value(clipboard.CLEAR_AFTER_KEY, 50)
    board = QGuiApplication.clipboard()
    clipboard.copy_sensitive("ABCD-EFGH-secret")
    assert board.text() == "ABCD-EFGH-secret"
    assert board.mimeData().data("x-kde-passwordManagerHint").data() == b"secret"
    qtbot.waitUntil(lambda: board.text() == "", timeout=3000)
    assert not clipboard.pending()

    clipboard.copy_sensitive("ABCD-EFGH-secret")
    board.setText("something the user copied since")
    qtbot.waitUntil(lambda: not clipboard.pending(), timeout=3000)
    assert board.text() == "something the user copied since"  # not ours: left alone
    board.clear()


# --- auto-lock -------------------------------------------------------------------------------


def _open_files_of(path: Path) -> list[str]:
    """The files under ``path``'s folder this process holds open (Linux: /proc/self/fd)."""
    found = []
    for entry in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{entry}")
        except OSError:
            continue
        if target.startswith(str(path)):
            found.append(target)
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")
def test_idle_timeout_closes_the_database_and_clears_the_views(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller.preferences = Preferences(auto_lock_minutes=5, backup_every_days=0)
    workspace, window = _started(controller)
    vendors = window.page("vendors")
    assert isinstance(vendors, VendorsPage)
    with workspace.read_session() as session:
        vendor_id = session.scalars(select(Vendor.id)).one()
    vendors.show_vendor(vendor_id)
    assert vendors.panel.title.text() == "Before GmbH"
    assert _open_files_of(workspace.path)  # the database is open while unlocked
    settings.write_value(clipboard.CLEAR_AFTER_KEY, 60_000)
    clipboard.copy_sensitive(workspace.recovery_key().text())
    engine = workspace.engine

    seen: dict[str, object] = {}

    def while_locked(_dialog: LockedDialog) -> int:
        _flush_deletes()
        seen["closed"] = workspace.closed
        seen["checked_out"] = engine.pool.checkedout()
        seen["open_files"] = _open_files_of(workspace.path)
        seen["windows"] = [
            type(w).__name__ for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
        ]
        seen["texts"] = [
            w.text()
            for w in QApplication.allWidgets()
            if isinstance(w, QLabel) and "Before" in w.text()
        ]
        seen["clipboard"] = QGuiApplication.clipboard().text()
        return QDialog.DialogCode.Rejected  # stay locked (the app would quit)

    monkeypatch.setattr(LockedDialog, "exec", while_locked)
    controller.idle.timer.start(30)  # as if the user had been idle for the whole setting
    qtbot.waitUntil(lambda: "closed" in seen, timeout=3000)

    assert seen["closed"] is True
    assert seen["checked_out"] == 0
    assert seen["open_files"] == []  # no connection, no lock: the file is not held open
    assert seen["windows"] == []
    assert seen["texts"] == []  # no view shows the workspace's data any more
    assert seen["clipboard"] == ""
    assert controller.workspace is None and controller.window is None and controller.context is None


def test_the_audit_log_names_what_each_event_is_about(
    qtbot: QtBot, app: object, workspace_path: Path
) -> None:
    """A DPO reads "TalentSift GmbH · DPIA screening v1", not a record id; an event about a
    record erased since says so."""
    workspace = Workspace.create(workspace_path, KeychainKey())[0]
    try:
        kept = _add_vendor(workspace, "TalentSift GmbH")
        gone = _add_vendor(workspace, "Gone Ltd")
        with workspace.session() as session:
            assessment = start_assessment(
                session, actor="t", vendor_id=kept, form=current_form("dpia_screening")
            )
        workspace.erase_vendor(gone)
        context = WorkspaceContext(workspace, SynchronousWorkRunner(), Preferences())
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        window.show_page(window.navigation_model.row_of("audit"))
        page = window.current_page()
        assert isinstance(page, AuditLogPage)
        subject = page.model.headers.index("Subject")
        by_record = {
            page.model.index(row, page.model.headers.index("Record id")).data(): page.model.index(
                row, subject
            ).data()
            for row in range(page.model.rowCount())
        }
        assert by_record[kept] == "TalentSift GmbH"
        assert by_record[assessment.id] == "TalentSift GmbH · DPIA screening v1"
        assert by_record[gone] == "(deleted)"
        # The filter finds everything about a vendor by its name (accents and case aside).
        assert page.filter_edit is not None
        page.filter_edit.setText("TALENTSIFT")
        page.load()
        subjects = {page.model.index(row, subject).data() for row in range(page.model.rowCount())}
        assert subjects == {"TalentSift GmbH", "TalentSift GmbH · DPIA screening v1"}
        window.close()
        _flush_deletes()
    finally:
        workspace.close()


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        (None, None, ""),
        (None, "yes", "yes"),
        ("", "Checked with the vendor", "Checked with the vendor"),
        ("no", "yes", "no → yes"),
        (["a", "b"], ["a"], "a, b → a"),
        (
            None,
            {"name": "Dora Pohl", "decision": "approve", "note": ""},
            "name: Dora Pohl; decision: approve",
        ),
        ("2027-01-11", "2027-11-27", "2027-01-11 → 2027-11-27"),
    ],
)
def test_the_audit_log_shows_each_change_in_a_line(old: object, new: object, shown: str) -> None:
    assert change_text(old, new, 200) == shown


def test_a_long_change_is_cut() -> None:
    text = change_text(None, "x" * 500, 60)
    assert len(text) == 60 and text.endswith("…")
