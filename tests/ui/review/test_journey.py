"""The whole journey on one real workspace, through the real widgets: add a vendor, start a
review, answer the intake, start the AI Act screening and answer it until the tier badge says
High risk, see a condition reveal a question, attach evidence (dropped and chosen), undo an
answer, screen for a DPIA, rate a DPIA risk and watch the heat map, sign the intake off as each
role, find it locked, and reopen it as version 2."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from dpia_desk.services.assessments import snapshot
from dpia_desk.store import Workspace, list_vendors
from dpia_desk.ui.assessment.window import AssessmentWindow
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.dialogs.vendor_dialog import VendorDialog
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.pages.vendors import VendorsPage
from dpia_desk.ui.review import windows
from dpia_desk.ui.review.overview import ReviewWindow
from dpia_desk.ui.risks.dialogs import RiskDialog
from tests.services.test_assessments import HIGH_RISK_CV_FILTER
from tests.ui.assessment.conftest import activate
from tests.ui.assessment.helpers import answer, answer_all, card
from tests.ui.assessment.test_evidence import drop
from tests.ui.assessment.test_signoff import sign

LEFT = Qt.MouseButton.LeftButton
GOLDEN = Path(__file__).parents[2] / "golden"


def golden(form_id: str, name: str) -> dict[str, object]:
    data = yaml.safe_load((GOLDEN / form_id / f"{name}.yaml").read_text(encoding="utf-8"))
    return {
        key: " ".join(value.split()) if isinstance(value, str) else value
        for key, value in data["answers"].items()
    }


def assessment_window(form_id: str) -> AssessmentWindow:
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, AssessmentWindow) and not w.isHidden() and w.controller.form.id == form_id
    ]
    assert len(found) == 1, form_id
    return found[0]


def test_from_a_new_vendor_to_a_signed_and_reopened_assessment(
    qtbot: QtBot,
    context: WorkspaceContext,
    workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)

    # 1. a new vendor, through the vendor dialog (Ctrl+N)
    def fill_vendor() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, VendorDialog)
        qtbot.keyClicks(dialog.name_edit, "Hireflow GmbH")
        qtbot.keyClicks(dialog.country_edit, "de")
        qtbot.mouseClick(dialog.save_button, LEFT)

    QTimer.singleShot(0, fill_vendor)
    main.new_vendor()
    with workspace.read_session() as session:
        (vendor,) = list_vendors(session, "", "name", False, 0, 10)
    page = main.page("vendors")
    assert isinstance(page, VendorsPage) and page.panel.vendor_id == vendor.id

    # 2. start the review from the vendor panel: the overview and the intake open
    qtbot.mouseClick(page.panel.review_button, LEFT)
    assert windows.last_dialog is not None
    qtbot.mouseClick(windows.last_dialog.box.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    (review_window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow)]
    overview = review_window.overview
    intake = assessment_window("vendor_intake")
    activate(qtbot, intake)

    # 3. answer the intake
    answer_all(qtbot, intake, golden("vendor_intake", "ai_cv_ranking_ats_tier1"))
    assert intake.controller.state.complete
    assert intake.questions.results.badge.text() == "Tier 1: High inherent risk"
    qtbot.waitUntil(
        lambda: overview.cards["ai_act_screening"].need.text() == "Needed", timeout=3000
    )

    # 4. the overview proposes the AI Act screening: start it
    assert overview.cards["ai_act_screening"].property("next") is True
    qtbot.mouseClick(overview.cards["ai_act_screening"].button, LEFT)
    screening = assessment_window("ai_act_screening")
    activate(qtbot, screening)
    badge = screening.questions.results.badge
    assert badge.text() != "High risk"

    # 5. a condition reveals a question while answering
    answer(qtbot, screening, "is_ai_system", "yes")
    answer(qtbot, screening, "scope_exclusion", "none")
    subjects = card(screening, "emotion_recognition_subjects")
    assert not subjects.isVisible()
    answer(qtbot, screening, "emotion_recognition", "yes")
    assert subjects.isVisible()
    answer(qtbot, screening, "emotion_recognition", "no")
    assert not subjects.isVisible()

    # 6. answers that make it a high-risk system: the tier badge changes
    answer_all(qtbot, screening, HIGH_RISK_CV_FILTER)
    assert badge.text() == "High risk"

    # 7. evidence: a dropped file and one from the file dialog
    report = tmp_path / "Model card.pdf"
    report.write_bytes(b"%PDF model card")
    notes = tmp_path / "interview notes.txt"
    notes.write_text("vendor demo 12 May", encoding="utf-8")
    target = card(screening, "is_ai_system")
    screening.questions.jump_to_question("is_ai_system")
    assert drop(target, [report])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(notes)], ""))
    qtbot.mouseClick(target.attach_button, LEFT)
    assert [c.open_button.text() for c in target.attachment_chips()] == [
        "Model card.pdf",
        "interview notes.txt",
    ]

    # 8. undo the last answer with Ctrl+Z, then redo it
    last = screening.controller.undo_stack.command(screening.controller.undo_stack.index() - 1)
    assert last is not None
    question_id = last.question_id  # type: ignore[attr-defined]
    before = screening.controller.answers[question_id]
    focus = card(screening, "is_ai_system").editor.focus_widget()  # type: ignore[union-attr]
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screening.controller.answers.get(question_id) != before
    qtbot.keyClick(
        focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert screening.controller.answers[question_id] == before
    assert badge.text() == "High risk"

    # 9. DPIA screening says a DPIA is required; the overview proposes the DPIA
    qtbot.waitUntil(lambda: overview.cards["dpia_screening"].button.isEnabled(), timeout=3000)
    qtbot.mouseClick(overview.cards["dpia_screening"].button, LEFT)
    dpia_screening = assessment_window("dpia_screening")
    activate(qtbot, dpia_screening)
    answer_all(qtbot, dpia_screening, golden("dpia_screening", "ai_video_interviews_required"))
    assert dpia_screening.questions.results.badge.text() == "DPIA required"
    qtbot.waitUntil(lambda: overview.cards["dpia"].need.text() == "Needed", timeout=3000)
    qtbot.mouseClick(overview.cards["dpia"].button, LEFT)
    dpia = assessment_window("dpia")
    activate(qtbot, dpia)

    # 10. rate a DPIA risk: the heat map counts it in its cell
    dpia.tabs.setCurrentWidget(dpia.risks)
    heat = dpia.risks.inherent_map
    assert heat.count(2, 4) == 0
    qtbot.mouseClick(dpia.risks.add_risk_button, LEFT)
    dialog = dpia.risks.dialog
    assert isinstance(dialog, RiskDialog)
    qtbot.keyClicks(dialog.title, "Interview scores reveal health data")
    dialog.severity.setCurrentIndex(dialog.severity.findData(2))
    dialog.likelihood.setCurrentIndex(dialog.likelihood.findData(4))
    qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Save), LEFT)
    assert heat.count(2, 4) == 1

    # 11. the intake is signed off by each role, then locked
    activate(qtbot, intake)
    for role, name in (("hr", "Hanna Berg"), ("it", "Ivo Tan"), ("procurement", "Pia Roth")):
        sign(qtbot, intake, role, name)
    sign(qtbot, intake, "legal", "Lea Klein")
    assert intake.controller.locked and intake.controller.snapshot.status == "approved"
    assert intake.banner.isVisible()
    locked_editor = card(intake, "business_criticality").editor
    assert locked_editor is not None
    assert not any(b.isEnabled() for b in locked_editor.buttons)  # type: ignore[attr-defined]

    # 12. reopened as version 2; version 1 stays approved
    old_id = intake.controller.assessment_id
    qtbot.mouseClick(intake.reopen_button, LEFT)
    reopened = assessment_window("vendor_intake")
    assert reopened.controller.snapshot.version == 2 and reopened.controller.editable
    with workspace.read_session() as session:
        assert snapshot(session, old_id).status == "approved"
    # the vendor table shows the current figures once the debounced refresh ran
    reopened.controller.refresh_summary_now()
    screening.controller.refresh_summary_now()
    page.model.reload()
    row = page.model.index(0, 2)
    assert row.data() == "High risk"
