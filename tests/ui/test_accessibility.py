"""Keyboard and screen-reader basics: every input has a name, Tab walks a sensible order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
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

from dpia_desk.store import (
    KeyNotAvailableError,
    NotAWorkspaceError,
    Workspace,
    WorkspaceDamagedError,
    WorkspaceInUseError,
    WorkspaceTooNewError,
    WrongKeyError,
    add_vendor,
)
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.dialogs.about_dialog import AboutDialog
from dpia_desk.ui.dialogs.ai_system_dialog import AISystemDialog
from dpia_desk.ui.dialogs.erase_dialog import EraseDialog
from dpia_desk.ui.dialogs.first_run import FirstRunDialog
from dpia_desk.ui.dialogs.locked import LockedDialog
from dpia_desk.ui.dialogs.rekey_dialog import RekeyDialog
from dpia_desk.ui.dialogs.restore_dialog import RestoreDialog
from dpia_desk.ui.dialogs.settings_dialog import SettingsDialog
from dpia_desk.ui.dialogs.store_error import StoreErrorDialog
from dpia_desk.ui.dialogs.unlock import UnlockDialog
from dpia_desk.ui.dialogs.vendor_dialog import VendorDialog
from dpia_desk.ui.dialogs.vendor_picker import VendorPickerDialog
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.pages.vendors import VendorsPage
from dpia_desk.ui.review.start_dialog import StartReviewDialog
from dpia_desk.ui.risks.dialogs import ActionDialog, RiskDialog
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


def mnemonic(text: str) -> str | None:
    """The Alt+letter of a label text ("C&ontinue": "o"; "&&" is a literal ampersand)."""
    index = 0
    while (index := text.find("&", index)) != -1 and index + 1 < len(text):
        if text[index + 1] != "&":
            return text[index + 1].lower()
        index += 2
    return None


def mnemonic_owners(root: QWidget) -> dict[str, list[str]]:
    """The texts of the visible buttons and labelled inputs under ``root``, by Alt+letter."""
    owners: dict[str, list[str]] = {}
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            letter = mnemonic(widget.text())
            if letter is not None:
                owners.setdefault(letter, []).append(widget.text())
    return owners


def clashes(owners: dict[str, list[str]]) -> dict[str, list[str]]:
    """Letters more than one control answers to: Qt then only moves the focus between them on
    Alt+letter, and never presses the button."""
    return {letter: texts for letter, texts in owners.items() if len(texts) > 1}


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    return clashes(mnemonic_owners(root))


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


def test_first_run_pages_have_distinct_mnemonics(
    qtbot: QtBot, app: QApplication, workspace_path: Path
) -> None:
    dialog = FirstRunDialog(workspace_path, SynchronousWorkRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    for page in range(dialog.pages.count()):
        dialog.pages.setCurrentIndex(page)
        assert mnemonic_clashes(dialog) == {}, f"page {page}"


STORE_ERRORS = [
    WorkspaceInUseError(Path("w.dpia"), "123"),
    WorkspaceTooNewError(Path("w.dpia"), "0099"),
    WorkspaceDamagedError(Path("w.dpia"), ["page 3 is bad"]),
    NotAWorkspaceError(Path("w.dpia"), "random bytes"),
    KeyNotAvailableError(Path("w.dpia")),
    WrongKeyError(Path("w.dpia"), mode="passphrase"),
]


def test_dialogs_have_distinct_mnemonics(
    qtbot: QtBot, app: QApplication, workspace_path: Path, context: WorkspaceContext
) -> None:
    runner = SynchronousWorkRunner()
    with context.workspace.session() as session:
        vendor_id = add_vendor(session, actor="t", name="Hireflow GmbH").id
    dialogs: list[QWidget] = [
        UnlockDialog(workspace_path, runner, "passphrase"),
        UnlockDialog(workspace_path, runner, "recovery"),
        VendorDialog(context),
        SettingsDialog(Preferences()),
        RekeyDialog(context.workspace, runner),
        AISystemDialog(context, vendor_id),
        EraseDialog("vendor", "Hireflow GmbH", "The vendor and its 2 assessments."),
        RestoreDialog(workspace_path, []),
        LockedDialog(workspace_path),
        AboutDialog(workspace_path),
        VendorPickerDialog(context, "pia.json"),
        RiskDialog(),
        ActionDialog(risks={"r1": "Covert monitoring"}),
        StartReviewDialog(context, vendor_id),
        *(StoreErrorDialog(error) for error in STORE_ERRORS),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        pages = getattr(dialog, "pages", None)
        for page in range(pages.count() if pages is not None else 1):
            if pages is not None:
                pages.setCurrentIndex(page)
            assert mnemonic_clashes(dialog) == {}, f"{type(dialog).__name__} page {page}"


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


def test_main_window_pages_and_menus_have_distinct_mnemonics(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    """The menu bar's Alt+letters count too: they share the window with the page's buttons."""
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    menus = [action.text() for action in window.menuBar().actions()]
    found = {}
    for row in range(window.navigation_model.rowCount()):
        window.show_page(row)
        page = window.current_page()
        assert page is not None
        if isinstance(page, VendorsPage):
            page.open_vendor(page.model.index(0, 0))  # the detail panel and its buttons
            assert page.panel.isVisible()
        owners = mnemonic_owners(page)
        for text in menus:
            if (letter := mnemonic(text)) is not None:
                owners.setdefault(letter, []).append(text)
        if clashing := clashes(owners):
            found[page.objectName()] = clashing
    assert found == {}
