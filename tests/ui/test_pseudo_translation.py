"""A pseudo-translation run (every string 40% longer, accented) clips no text in the main dialogs.

Clipping is measured, not eyeballed: a one-line label or a button narrower than its size hint
cuts its text, a word-wrapped label lower than its height-for-width loses lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from dpia_desk.store import KeychainKey, Workspace, WorkspaceDamagedError
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.crash import CrashDialog
from dpia_desk.ui.dialogs.ai_system_dialog import AISystemDialog
from dpia_desk.ui.dialogs.first_run import FirstRunDialog
from dpia_desk.ui.dialogs.locked import LockedDialog
from dpia_desk.ui.dialogs.settings_dialog import SettingsDialog
from dpia_desk.ui.dialogs.store_error import StoreErrorDialog
from dpia_desk.ui.dialogs.unlock import UnlockDialog
from dpia_desk.ui.dialogs.vendor_dialog import VendorDialog
from dpia_desk.ui.i18n import PSEUDO_ENV, install_translators, pseudo_translate
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.workers import SynchronousWorkRunner


def test_pseudo_translate_stretches_and_keeps_placeholders() -> None:
    text = "Delete {name} and %n other(s)? <b>&Yes</b>"
    result = pseudo_translate(text)
    assert "{name}" in result and "%n" in result and "<b>" in result and "</b>" in result
    assert len(result) >= 1.4 * len(text) - 10
    assert result != text
    plain = "Vendors"
    assert len(pseudo_translate(plain)) >= 1.4 * len(plain)
    assert pseudo_translate("") == ""


@pytest.fixture
def pseudo(app: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(PSEUDO_ENV, "1")
    install_translators(app)
    yield
    monkeypatch.delenv(PSEUDO_ENV)
    install_translators(app, "en")


def clipped(root: QWidget) -> list[str]:
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if widget.height() + 1 < needed:
                    problems.append(
                        f"wrapped label {widget.text()!r}: {widget.height()} < {needed}"
                    )
            elif widget.width() + 1 < widget.sizeHint().width():
                problems.append(
                    f"label {widget.text()!r}: {widget.width()} < {widget.sizeHint().width()}"
                )
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.width() + 1 < widget.sizeHint().width()
        ):
            problems.append(
                f"{type(widget).__name__} {widget.text()!r}: "
                f"{widget.width()} < {widget.sizeHint().width()}"
            )
    return problems


def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_first_run_dialog_pages(
    qtbot: QtBot, pseudo: None, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    dialog = _shown(qtbot, FirstRunDialog(workspace_path, runner))
    assert isinstance(dialog, FirstRunDialog)
    assert dialog.windowTitle().startswith("[")
    assert clipped(dialog) == []
    dialog.passphrase_radio.setChecked(True)
    dialog.passphrase_edit.setText("x")
    dialog.create_workspace()  # too short: the inline error appears
    assert dialog.passphrase_error.isVisible()
    assert clipped(dialog) == []
    dialog.keychain_radio.setChecked(True)
    dialog.create_workspace()
    assert clipped(dialog) == []
    dialog.stored_check.setChecked(True)
    dialog.continue_button.click()
    assert clipped(dialog) == []
    assert dialog.workspace is not None
    dialog.workspace.close()


def test_unlock_error_and_locked_dialogs(
    qtbot: QtBot, pseudo: None, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    unlock = _shown(qtbot, UnlockDialog(workspace_path, runner, "passphrase", "A reason."))
    assert isinstance(unlock, UnlockDialog)
    assert clipped(unlock) == []
    unlock.set_mode("recovery")
    assert clipped(unlock) == []
    error = WorkspaceDamagedError(workspace_path, ["database disk image is malformed"])
    assert clipped(_shown(qtbot, StoreErrorDialog(error))) == []
    assert clipped(_shown(qtbot, LockedDialog(workspace_path))) == []
    assert clipped(_shown(qtbot, CrashDialog("Traceback ...", "ValueError: x"))) == []
    assert clipped(_shown(qtbot, SettingsDialog(Preferences()))) == []


def test_vendor_dialogs_and_main_window(
    qtbot: QtBot, pseudo: None, demo_workspace: Workspace, runner: SynchronousWorkRunner
) -> None:
    context = WorkspaceContext(demo_workspace, runner)
    vendor = _shown(qtbot, VendorDialog(context))
    assert isinstance(vendor, VendorDialog)
    vendor.name_edit.setText("Acme")
    vendor.country_edit.setText("XX")
    vendor.save()
    assert vendor.country_error.isVisible()
    assert clipped(vendor) == []
    page_vendor = context.workspace
    with page_vendor.read_session() as session:
        from dpia_desk.store import list_vendors

        vendor_id = list_vendors(session, limit=1)[0].id
    assert clipped(_shown(qtbot, AISystemDialog(context, vendor_id))) == []

    window = MainWindow(context)
    window.resize(1280, 800)
    _shown(qtbot, window)
    assert clipped(window) == []
    vendors = window.page("vendors")
    vendors.show_vendor(vendor_id)  # type: ignore[attr-defined]
    assert clipped(window) == []
    header = vendors.table.horizontalHeader()  # type: ignore[attr-defined]
    for column in range(1, header.count()):
        needed = header.sectionSizeFromContents(column).width()
        assert header.sectionSize(column) + 1 >= needed, column
    for row in range(1, 5):
        window.show_page(row)
        assert clipped(window) == [], row


def test_keychain_workspace_dialog_unaffected(app: QApplication, workspace_path: Path) -> None:
    # Without the variable, strings are the source strings.
    install_translators(app, "en")
    dialog = LockedDialog(workspace_path)
    assert dialog.windowTitle() == "dpia_desk is locked"
    Workspace.create(workspace_path, KeychainKey())[0].close()


def test_export_and_trust_dialogs(
    qtbot: QtBot,
    pseudo: None,
    workspace_path: Path,
    tmp_path: Path,
    runner: SynchronousWorkRunner,
) -> None:
    from dpia_desk.exchange import ImportReport
    from dpia_desk.ui.dialogs.erase_dialog import EraseDialog
    from dpia_desk.ui.dialogs.export_done import ExportDoneDialog
    from dpia_desk.ui.dialogs.import_report import ImportReportDialog
    from dpia_desk.ui.dialogs.rekey_dialog import RekeyDialog
    from dpia_desk.ui.dialogs.restore_dialog import RestoreDialog
    from dpia_desk.ui.export_actions import AssessmentLabel

    exported = tmp_path / "Hireflow GmbH - Data protection impact assessment - 2026-11-27.docx"
    exported.write_bytes(b"x" * 2048)
    assert clipped(_shown(qtbot, ExportDoneDialog(exported, 2048))) == []
    plan = (
        "Erase this vendor, with 1 AI system, 2 reviews, 5 assessments, 138 answers. The data is "
        "overwritten in the workspace and cannot be restored from it."
    )
    assert clipped(_shown(qtbot, EraseDialog("vendor", "Hireflow GmbH", plan))) == []
    assert clipped(_shown(qtbot, EraseDialog("assessment", "DPIA · Hireflow GmbH", plan))) == []
    report = ImportReport(
        "cnil_pia", "a1", "v1", "pia.json", "0" * 64, tmp_path / "backup.dpia",
        ["PIA name -> processing_name"], ["answer 999 has no place: kept as a comment"],
    )  # fmt: skip
    label = AssessmentLabel("a1", "Hireflow GmbH", None, "Data protection impact assessment", 2)
    assert clipped(_shown(qtbot, ImportReportDialog(report, label))) == []

    workspace, _recovery = Workspace.create(workspace_path, KeychainKey())
    try:
        backup = workspace.backup(tmp_path / "workspace-20261127T101500000000Z-automatic.dpia")
        restore = _shown(qtbot, RestoreDialog(workspace_path, [backup.path]))
        assert clipped(restore) == []
        rekey = _shown(qtbot, RekeyDialog(workspace, runner))
        assert isinstance(rekey, RekeyDialog)
        assert clipped(rekey) == []
        rekey.change_key()  # to a new keychain key
        assert rekey.on_key_page
        assert clipped(rekey) == []
    finally:
        workspace.close()
