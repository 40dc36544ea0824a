"""Keyboard and screen-reader basics: every input has a name, Tab walks a sensible order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dpia_desk.store import Workspace
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.dialogs.first_run import FirstRunDialog
from dpia_desk.ui.dialogs.settings_dialog import SettingsDialog
from dpia_desk.ui.dialogs.unlock import UnlockDialog
from dpia_desk.ui.dialogs.vendor_dialog import VendorDialog
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.workers import SynchronousWorkRunner

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)


def unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs a screen reader could not name: no accessible name and no label pointing at them."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox) or isinstance(
            widget, QHeaderView
        ):
            continue  # parts of another control: a spin box's line edit, a table's header
        if not widget.accessibleName() and id(widget) not in buddies:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def tab_chain(start: QWidget, steps: int) -> list[QWidget]:
    chain = [start]
    widget = start
    for _ in range(steps):
        widget = widget.nextInFocusChain()
        while not (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget = widget.nextInFocusChain()
        chain.append(widget)
    return chain


def test_dialog_inputs_have_names(
    qtbot: QtBot, app: QApplication, workspace_path: Path, context: WorkspaceContext
) -> None:
    runner = SynchronousWorkRunner()
    dialogs: list[QWidget] = [
        FirstRunDialog(workspace_path, runner),
        UnlockDialog(workspace_path, runner, "passphrase"),
        UnlockDialog(workspace_path, runner, "recovery"),
        VendorDialog(context),
        SettingsDialog(Preferences()),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_inputs(dialog) == [], type(dialog).__name__


def test_main_window_inputs_have_names(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    for row in range(window.navigation_model.rowCount()):
        window.show_page(row)
        page = window.current_page()
        assert page is not None
        assert unnamed_inputs(page) == [], page.objectName()
    assert window.navigation.accessibleName()


def test_vendor_dialog_tab_order_follows_the_form(qtbot: QtBot, context: WorkspaceContext) -> None:
    dialog = VendorDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    order = tab_chain(dialog.name_edit, 4)
    assert order == [
        dialog.name_edit,
        dialog.country_edit,
        dialog.website_edit,
        dialog.contract_combo,
        dialog.dpa_combo,
    ]


def test_vendors_page_tab_order(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.page("vendors")
    order = tab_chain(page.filter_edit, 2)  # type: ignore[attr-defined]
    assert order == [page.filter_edit, page.new_button, page.table]  # type: ignore[attr-defined]
