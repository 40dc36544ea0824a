"""The assessment window with the keyboard alone: Tab order, answering with arrows and Space,
mnemonics for the tabs and the sign-off, and an accessible name on every control."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from dpia_desk.store import Workspace
from dpia_desk.ui.assessment.dialogs import SignOffDialog
from dpia_desk.ui.assessment.question_widget import QuestionWidget
from dpia_desk.ui.context import WorkspaceContext
from tests.ui.assessment.conftest import activate, open_window, start

ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def card_of(widget: QWidget | None) -> QuestionWidget | None:
    while widget is not None and not isinstance(widget, QuestionWidget):
        widget = widget.parentWidget()
    return widget


def inside(widget: QWidget, kind: type) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kind):
            return True
        parent = parent.parentWidget()
    return False


def test_tab_reaches_the_answers_and_space_answers(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    window.questions.sections.setFocus()
    seen: list[str] = []
    for _ in range(12):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        card = card_of(focused())
        editor = card.editor if card is not None else None
        in_answer = editor is not None and editor.isAncestorOf(focused())
        if card is not None and card.question_id == "is_ai_system" and in_answer:
            break
        if card is not None:
            seen.append(card.question_id)
    else:
        raise AssertionError(f"Tab never reached the yes/no of is_ai_system (went through {seen})")
    assert seen[0] == "intended_purpose"  # form order
    yes = focused()
    assert isinstance(yes, QAbstractButton) and yes.accessibleName() == "Yes"
    qtbot.keyClick(yes, Qt.Key.Key_Space)
    assert window.controller.answers["is_ai_system"] == "yes"
    # the arrow keys move inside the group and choose
    qtbot.keyClick(yes, Qt.Key.Key_Right)
    assert window.controller.answers["is_ai_system"] == "no"


def test_mnemonics_open_the_tabs_and_the_sign_off(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    window = open_window(qtbot, context, review_ids[1])
    qtbot.keyClick(window, Qt.Key.Key_A, ALT)
    assert window.tabs.currentWidget() is window.risks
    qtbot.keyClick(window, Qt.Key.Key_S, ALT)
    assert window.tabs.currentWidget() is window.review
    qtbot.keyClick(window, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(lambda: window.dialog is not None, timeout=1000)  # mnemonics animate the click
    dialog = window.dialog
    assert isinstance(dialog, SignOffDialog) and dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    activate(qtbot, window)  # offscreen hands activation back only when asked
    qtbot.keyClick(window, Qt.Key.Key_Q, ALT)
    assert window.tabs.currentWidget() is window.questions


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    dpia = start(workspace, review_ids[0], "dpia")
    window = open_window(qtbot, context, dpia)
    for section in window.controller.form.sections:
        window.questions.page(section.id).build_all()
    controls = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox)
    nameless = [
        f"{type(widget).__name__} in {card_of(widget).question_id if card_of(widget) else '?'}"
        for widget in window.findChildren(QWidget)
        if isinstance(widget, controls)
        and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text().strip("&"))
        and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
        and not inside(widget, QCalendarWidget)  # Qt's own calendar popup
    ]
    assert nameless == []
