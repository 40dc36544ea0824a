"""Answering an AI Act screening through the real widgets: saving, live conditions, the tier
badge, undo/redo, section navigation and help by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dpia_desk.services.assessments import snapshot
from dpia_desk.store import Workspace
from dpia_desk.store.models import AuditEvent
from dpia_desk.ui.assessment.editors import SegmentedEditor
from dpia_desk.ui.context import WorkspaceContext
from tests.services.test_assessments import HIGH_RISK_CV_FILTER
from tests.ui.assessment.conftest import open_window, start
from tests.ui.assessment.helpers import answer, answer_all, card


def stored(workspace: Workspace, assessment_id: str) -> dict[str, object]:
    with workspace.read_session() as session:
        return snapshot(session, assessment_id).answers


def test_answers_save_at_once_and_the_tier_badge_follows(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    results = window.questions.results
    assert results.headline_title.text() == "AI Act tier"
    before = results.badge.text()
    assert before != "High risk"

    with qtbot.waitSignal(context.saved):
        answer(qtbot, window, "is_ai_system", "yes")
    assert stored(workspace, ai)["is_ai_system"] == "yes"
    assert window.saved_label.text() == "Saved ✓"

    answer_all(qtbot, window, HIGH_RISK_CV_FILTER)
    assert stored(workspace, ai)["employment_uses"] == ["recruitment_filtering_applications"]
    assert results.badge.text() == "High risk"
    assert "High risk" in results.badge.accessibleName()
    # the section list shows the progress of each section
    rows = {row.id: row for row in window.questions.section_model.rows()}
    assert rows["annex_iii"].required_answered == rows["annex_iii"].required == 2


def test_a_condition_shows_and_hides_questions_live(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    scope = card(window, "scope_exclusion")
    assert not scope.isVisible()  # shown only for AI systems
    answer(qtbot, window, "is_ai_system", "yes")
    assert scope.isVisible()
    answer(qtbot, window, "scope_exclusion", "none")

    subjects = card(window, "emotion_recognition_subjects")
    answer(qtbot, window, "emotion_recognition", "no")
    assert not subjects.isVisible()
    answer(qtbot, window, "emotion_recognition", "yes")
    assert subjects.isVisible()
    # hidden sections are listed but not enabled
    answer(qtbot, window, "is_ai_system", "no")
    model = window.questions.section_model
    row = model.row_of("biometrics")
    assert not model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsEnabled
    assert "not applicable" in model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_undo_and_redo_with_the_keyboard(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    answer(qtbot, window, "is_ai_system", "yes")
    answer(qtbot, window, "scope_exclusion", "none")
    answer(qtbot, window, "emotion_recognition", "yes")
    assert card(window, "emotion_recognition_subjects").isVisible()
    editor = card(window, "emotion_recognition").editor
    assert isinstance(editor, SegmentedEditor)
    editor.group.button(0).setFocus()

    qtbot.keyClick(editor.group.button(0), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "emotion_recognition" not in stored(workspace, ai)
    assert editor.value() is None
    assert not card(window, "emotion_recognition_subjects").isVisible()

    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.group.button(0), Qt.Key.Key_Z, redo)
    assert stored(workspace, ai)["emotion_recognition"] == "yes"
    assert editor.value() == "yes"
    assert window.undo_action.text().startswith("&Undo answer to “Does the system infer")

    # undoing an answer made in another section brings that section back into view
    window.questions.show_section("gpai")
    window.undo()
    qtbot.waitUntil(lambda: window.questions.current_section_id() == "biometrics", timeout=1000)
    with workspace.read_session() as session:
        actions = [e.action for e in session.query(AuditEvent).filter_by(entity_id=ai)]
    assert actions.count("answer") >= 5  # every step, undo included, is audited


def test_text_saves_after_typing_not_per_keystroke(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    purpose = card(window, "intended_purpose")
    editor = purpose.editor
    assert editor is not None
    saves: list[bool] = []
    context.saved.connect(lambda: saves.append(True))
    editor.focus_widget().setFocus()
    qtbot.keyClicks(editor.focus_widget(), "Ranks applicants")
    assert saves == []  # nothing saved while typing
    qtbot.waitUntil(lambda: len(saves) == 1, timeout=3000)  # after the pause
    assert stored(workspace, ai)["intended_purpose"] == "Ranks applicants"
    qtbot.keyClicks(editor.focus_widget(), " for recruiters")
    # leaving the field saves at once
    card(window, "is_ai_system").editor.focus_widget().setFocus()  # type: ignore[union-attr]
    assert stored(workspace, ai)["intended_purpose"] == "Ranks applicants for recruiters"
    # the two saves of one text merge into one undo step
    window.undo()
    assert "intended_purpose" not in stored(workspace, ai)


def test_sections_by_keyboard_and_help_on_f1(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    answer(qtbot, window, "is_ai_system", "yes")
    answer(qtbot, window, "scope_exclusion", "none")
    window.questions.show_section("system_and_scope")
    window.questions.sections.setFocus()
    qtbot.keyClick(
        window.questions.sections, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert window.questions.current_section_id() == "role"
    qtbot.keyClick(
        window.questions.sections, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    assert window.questions.current_section_id() == "system_and_scope"

    target = card(window, "is_ai_system")
    target.focus_answer()
    assert target.help_label is None  # built on demand
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    assert target.help_label is not None and target.help_label.isVisible()
    assert "AI Act, Art. 3(1)" in target.help_label.text()
    # references are chips that explain themselves
    chip = target.chips[0]
    assert chip.text() == "AI Act, Art. 3(1)"
    assert "Artificial Intelligence Act" in chip.toolTip()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    assert not target.help_label.isVisible()
    # accessible names on the answer controls
    assert "required" in target.accessibleName()
    assert target.editor is not None
    assert [b.accessibleName() for b in target.editor.buttons] == ["Yes", "No"]  # type: ignore[attr-defined]


def test_comments_are_saved_and_undoable(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    target = card(window, "is_ai_system")
    qtbot.mouseClick(target.comment_button, Qt.MouseButton.LeftButton)
    assert target.comment_editor is not None and target.comment_editor.edit.hasFocus()
    qtbot.keyClicks(target.comment_editor.edit, "Vendor says it is rule based; check.")
    target.comment_editor.flush()
    with workspace.read_session() as session:
        assert (
            snapshot(session, ai).comments["is_ai_system"] == "Vendor says it is rule based; check."
        )
    window.undo()
    with workspace.read_session() as session:
        assert "is_ai_system" not in snapshot(session, ai).comments
    assert target.comment_editor.edit.toPlainText() == ""
