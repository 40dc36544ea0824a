"""Review and sign-off through the dialogs: section ratings the author sees, an approval refused
while required questions are unanswered (listed, and one activation away), each role signing,
the approved version locked, and reopening it as version 2."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dpia_desk.services.assessments import snapshot
from dpia_desk.store import Workspace
from dpia_desk.store.models import Assessment
from dpia_desk.ui.assessment.dialogs import RateSectionDialog, SignOffDialog
from dpia_desk.ui.assessment.section_model import RATING_ROLE
from dpia_desk.ui.assessment.window import AssessmentWindow
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.review.windows import find_assessment_window
from tests.ui.assessment.conftest import activate, open_window
from tests.ui.assessment.helpers import answer_all, card, click

GOLDEN = Path(__file__).parents[2] / "golden" / "vendor_intake" / "ai_cv_ranking_ats_tier1.yaml"
INTAKE = {
    key: " ".join(value.split()) if isinstance(value, str) else value
    for key, value in yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["answers"].items()
}
LEFT = Qt.MouseButton.LeftButton


def sign(
    qtbot: QtBot, window: AssessmentWindow, role: str, name: str, decision: str = "approve"
) -> SignOffDialog:
    window.tabs.setCurrentWidget(window.review)
    qtbot.mouseClick(window.review.sign_button, LEFT)
    dialog = window.dialog
    assert isinstance(dialog, SignOffDialog) and dialog.isVisible()
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.name.setText("")
    qtbot.keyClicks(dialog.name, name)
    click(qtbot, dialog.approve if decision == "approve" else dialog.reject_button)
    qtbot.keyClicks(dialog.statement, f"My sections are complete ({role}).")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    return dialog


def test_a_reviewer_rates_a_section_and_the_author_sees_it(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    window = open_window(qtbot, context, review_ids[1])
    page = window.questions.show_section("personal_data")
    qtbot.mouseClick(page.rate_button, LEFT)
    dialog = window.dialog
    assert isinstance(dialog, RateSectionDialog)
    click(qtbot, dialog.buttons["to_be_corrected"])
    assert dialog.rating() == "to_be_corrected"
    qtbot.keyClicks(dialog.comment, "Name the Art. 9(2) condition for the diversity data.")
    qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert not dialog.isVisible()
    assert page.rating_label.isVisible()
    assert "To be corrected" in page.rating_label.text()
    assert "Art. 9(2) condition" in page.rating_label.text()
    model = window.questions.section_model
    assert model.index(model.row_of("personal_data"), 0).data(RATING_ROLE) == "to_be_corrected"
    assert "rated To be corrected" in model.index(model.row_of("personal_data"), 0).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    # the review tab lists it too
    rows = [
        window.review.ratings_model.row_at(r) for r in range(window.review.ratings_model.rowCount())
    ]
    rated = [row for row in rows if row.section_id == "personal_data"]
    assert rated and rated[0].comment.startswith("Name the Art. 9(2)")


def test_sign_off_refuses_while_questions_are_missing_and_jumps_to_them(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    window = open_window(qtbot, context, review_ids[1])
    dialog = sign(qtbot, window, "hr", "Hanna Berg")
    assert dialog.isVisible()  # refused: stays open with the reason
    assert dialog.blocked.isVisible() and "Approval refused" in dialog.blocked.text()
    missing = window.controller.state.missing
    listed = [dialog.missing.item(r).text() for r in range(dialog.missing.count())]
    form = window.controller.form
    assert listed == [f"{form.section_of(qid).title}: {form.question(qid).text}" for qid in missing]
    first = missing[0]
    dialog.missing.setCurrentRow(0)
    qtbot.keyClick(dialog.missing, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.tabs.currentWidget() is window.questions
    target = card(window, first)

    def focus_in_card() -> bool:
        focused = window.focusWidget()  # the window's focus (offscreen does not re-activate it)
        return focused is not None and target.isAncestorOf(focused)

    qtbot.waitUntil(focus_in_card, timeout=1000)
    with workspace.read_session() as session:
        assert snapshot(session, review_ids[1]).status == "draft"  # nothing was signed


def test_each_role_signs_then_the_version_is_locked_and_reopened(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    window = open_window(qtbot, context, review_ids[1])
    answer_all(qtbot, window, INTAKE)
    assert window.controller.state.missing == ()
    review = window.review
    assert "required question" not in review.blockers.text()
    for role, name in (("hr", "Hanna Berg"), ("it", "Ivo Tan"), ("procurement", "Pia Roth")):
        dialog = sign(qtbot, window, role, name)
        assert not dialog.isVisible()
        assert not window.controller.locked
    assert window.controller.snapshot.status == "in_review"
    assert "DPO or legal" in review.blockers.text()
    sign(qtbot, window, "dpo", "Dora Pohl")

    assert window.controller.locked and window.controller.snapshot.status == "approved"
    assert window.banner.isVisible() and "approved and locked" in window.banner.label.text()
    assert window.reopen_button.isVisible()
    editor = card(window, "service_description").editor
    assert editor is not None and editor.focus_widget().isReadOnly()  # type: ignore[attr-defined]
    segmented = card(window, "hr_processes").editor
    assert segmented is not None
    assert all(not box.isEnabled() for box in segmented.boxes.values())  # type: ignore[attr-defined]
    assert not card(window, "hr_processes").acceptDrops()
    assert not card(window, "hr_processes").attach_button.isVisible()
    assert not window.undo_action.isEnabled()
    assert not review.sign_button.isEnabled()
    assert [row.name for row in window.controller.review_data.signoffs] == [
        "Hanna Berg", "Ivo Tan", "Pia Roth", "Dora Pohl"
    ]  # fmt: skip

    old_id = window.controller.assessment_id
    qtbot.mouseClick(window.reopen_button, LEFT)
    with workspace.read_session() as session:
        new_id = session.scalars(
            select(Assessment.id).where(Assessment.previous_version_id == old_id)
        ).one()
    newer = find_assessment_window(context, new_id)
    assert newer is not None
    qtbot.waitUntil(lambda: find_assessment_window(context, old_id) is None, timeout=1000)
    activate(qtbot, newer)
    assert newer.controller.snapshot.version == 2
    assert newer.controller.editable and not newer.banner.isVisible()
    with workspace.read_session() as session:
        old = snapshot(session, old_id)
        assert old.locked and old.status == "approved" and old.version == 1
        new = snapshot(session, new_id)
        assert new.answers == old.answers and new.status == "draft"
