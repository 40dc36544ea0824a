"""Answering questions through the real widgets, as a user would (mouse, keyboard)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from dpia_desk.ui.assessment.editors import (
    ComboEditor,
    DateEditor,
    LineTextEditor,
    MultiChoiceEditor,
    NumberEditor,
    PlainTextEditor,
    RadioListEditor,
    SegmentedEditor,
)
from dpia_desk.ui.assessment.question_widget import QuestionWidget
from dpia_desk.ui.assessment.window import AssessmentWindow

LEFT = Qt.MouseButton.LeftButton


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Clicks where the user would: on the indicator or the start of the label."""
    rect = button.rect()
    qtbot.mouseClick(button, LEFT, pos=QPoint(min(8, rect.width() // 2), rect.height() // 2))


def card(window: AssessmentWindow, question_id: str) -> QuestionWidget:
    found = window.questions.card(question_id)
    assert found is not None, question_id
    return found


def answer(qtbot: QtBot, window: AssessmentWindow, question_id: str, value: Any) -> None:
    """Goes to the question and answers it with its editor."""
    window.tabs.setCurrentWidget(window.questions)
    target = window.questions.jump_to_question(question_id)
    assert target is not None and target.isVisible(), f"{question_id} is not shown"
    editor = target.editor
    if isinstance(editor, SegmentedEditor):
        if value is True or value is False:
            value = "yes" if value else "no"
        position = editor._values.index(value)
        click(qtbot, editor.group.button(position))
    elif isinstance(editor, RadioListEditor):
        position = editor._ids.index(value)
        click(qtbot, editor.group.button(position))
    elif isinstance(editor, MultiChoiceEditor):
        wanted = set(value)
        # exclusive choices first: ticking one clears the others
        order = sorted(editor.boxes, key=lambda cid: cid not in editor._exclusive)
        for choice_id in order:
            box = editor.boxes[choice_id]
            if (choice_id in wanted) != box.isChecked():
                click(qtbot, box)
    elif isinstance(editor, ComboEditor):
        row = editor.combo.findData(value)
        editor.combo.setFocus()
        editor.combo.setCurrentIndex(row)
        editor.combo.activated.emit(row)
    elif isinstance(editor, LineTextEditor):
        editor.edit.setFocus()
        editor.edit.selectAll()
        qtbot.keyClicks(editor.edit, " ".join(str(value).split()))
        qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    elif isinstance(editor, PlainTextEditor):
        editor.edit.setFocus()
        editor.edit.selectAll()
        qtbot.keyClicks(editor.edit, " ".join(str(value).split()))  # typed on one line
        editor.flush()
    elif isinstance(editor, NumberEditor):
        editor.box.setFocus()
        editor.box.selectAll()
        qtbot.keyClicks(editor.box, str(value))
        qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    elif isinstance(editor, DateEditor):
        day = date.fromisoformat(str(value))
        editor.edit.setDate(QDate(day.year, day.month, day.day))
        editor.flush()
    else:  # pragma: no cover - a new editor type needs a line here
        raise AssertionError(f"no way to answer {question_id} with {type(editor).__name__}")
    QApplication.processEvents()


def answer_all(qtbot: QtBot, window: AssessmentWindow, answers: Mapping[str, Any]) -> None:
    """Answers in form order; skips questions the earlier answers hid."""
    form = window.controller.form
    for question in form.questions:
        if question.id in answers and question.id in window.controller.state.visible_questions:
            answer(qtbot, window, question.id, answers[question.id])
