"""The guided review: started from the vendor panel or the vendor table's menu, its overview
proposes the next step with the reason, starts steps and lists what blocks sign-off; the lazy
Assessments page lists and opens assessments."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dpia_desk.store import Workspace
from dpia_desk.ui.assessment.window import AssessmentWindow
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.pages.vendors import VendorsPage
from dpia_desk.ui.review import windows
from dpia_desk.ui.review.assessment_list import AssessmentListModel, AssessmentListPage, Column
from dpia_desk.ui.review.overview import ReviewWindow
from dpia_desk.ui.review.windows import find_review_window, open_review
from tests.ui.assessment.conftest import activate, start
from tests.ui.assessment.helpers import answer_all

LEFT = Qt.MouseButton.LeftButton
INTAKE_FILE = (
    Path(__file__).parents[2] / "golden" / "vendor_intake" / "ai_cv_ranking_ats_tier1.yaml"
)
INTAKE = {
    key: " ".join(value.split()) if isinstance(value, str) else value
    for key, value in yaml.safe_load(INTAKE_FILE.read_text(encoding="utf-8"))["answers"].items()
}


def main_window(qtbot: QtBot, context: WorkspaceContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def windows_of(kind: type) -> list[object]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and not w.isHidden()]


def test_a_review_starts_from_the_vendor_panel_and_proposes_each_next_step(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, vendor_id: str
) -> None:
    main = main_window(qtbot, context)
    page = main.page("vendors")
    assert isinstance(page, VendorsPage)
    page.show_vendor(vendor_id)
    qtbot.mouseClick(page.panel.review_button, LEFT)
    dialog = windows.last_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.existing.isVisible()  # nothing started yet
    qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    (review_window,) = windows_of(ReviewWindow)
    assert isinstance(review_window, ReviewWindow)
    (intake_window,) = windows_of(AssessmentWindow)
    assert isinstance(intake_window, AssessmentWindow)
    assert intake_window.controller.form.id == "vendor_intake"
    overview = review_window.overview
    assert list(overview.cards) == [
        "vendor_intake", "ai_act_screening", "dpia_screening", "dpia",
        "vendor_due_diligence", "fria", "ll144_bias_audit",
    ]  # fmt: skip
    intake_card = overview.cards["vendor_intake"]
    assert intake_card.property("next") is True and intake_card.next_label.isVisible()
    assert intake_card.button.text() == "Open"
    ai_card = overview.cards["ai_act_screening"]
    assert ai_card.need.text() == "Waiting" and not ai_card.button.isEnabled()
    assert "intake" in ai_card.reason.text().lower()
    chips = [c.text() for c in ai_card.findChildren(QLabel) if c.property("role") == "chip"]
    assert chips == ["AI Act, Art. 3(1)", "AI Act, Art. 6"]
    assert overview.blockers_box.isVisible()
    assert "Vendor intake (inherent risk): not started" not in overview.blockers_box.label.text()
    assert "Vendor intake (inherent risk): required questions unanswered" in (
        overview.blockers_box.label.text()
    )

    # answering the intake moves the plan on: the AI Act screening is proposed, with the reason
    activate(qtbot, intake_window)
    answer_all(qtbot, intake_window, INTAKE)
    qtbot.waitUntil(lambda: overview.cards["vendor_intake"].step.state == "complete", timeout=3000)
    ai_card = overview.cards["ai_act_screening"]
    assert ai_card.need.text() == "Needed"
    assert ai_card.property("next") is True
    assert "AI features" in ai_card.reason.text()
    assert "Inherent risk: Tier 1" in overview.cards["vendor_intake"].facts.text()
    assert "Answered by:" in ai_card.facts.text()
    due = overview.cards["vendor_due_diligence"]
    assert due.need.text() == "Needed" and "Depth: full" in due.facts.text()
    nyc = overview.cards["ll144_bias_audit"]
    assert nyc.need.text() == "Waiting" and "New York City" in nyc.reason.text()

    qtbot.mouseClick(ai_card.button, LEFT)
    opened = [w for w in windows_of(AssessmentWindow) if w.controller.form.id == "ai_act_screening"]  # type: ignore[attr-defined]
    assert len(opened) == 1
    qtbot.waitUntil(
        lambda: overview.cards["ai_act_screening"].button.text() == "Open", timeout=3000
    )

    # "Start review" again offers the review under way
    qtbot.mouseClick(page.panel.review_button, LEFT)
    again = windows.last_dialog
    assert again is not None and again.existing.count() == 1
    qtbot.mouseClick(again.open_button, LEFT)
    assert find_review_window(context, overview.review_id) is review_window


def test_the_vendor_table_menu_starts_a_review(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, vendor_id: str
) -> None:
    main = main_window(qtbot, context)
    page = main.page("vendors")
    assert isinstance(page, VendorsPage)
    rect = page.table.visualRect(page.model.index(0, 0))
    windows.last_dialog = None
    page.table.customContextMenuRequested.emit(rect.center())
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    action = next(a for a in menu.actions() if a.text() == "Start &review…")
    menu.close()
    action.trigger()
    assert windows.last_dialog is not None and windows.last_dialog.vendor_id == vendor_id
    windows.last_dialog.reject()


def test_the_assessments_page_lists_lazily_and_opens(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    context: WorkspaceContext,
    workspace: Workspace,
    review_ids: tuple[str, str],
) -> None:
    start(workspace, review_ids[0], "ai_act_screening")
    main = main_window(qtbot, context)
    main.show_page(main.navigation_model.row_of("assessments"))
    page = main.page("assessments")
    assert isinstance(page, AssessmentListPage)
    assert page.model.rowCount() == 2
    forms = {page.model.index(r, Column.FORM).data() for r in range(2)}
    assert forms == {"Vendor intake (inherent risk)", "EU AI Act screening"}
    qtbot.keyClicks(page.filter_edit, "ai_act")
    page.apply_filter()
    assert page.model.rowCount() == 1
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    (opened,) = windows_of(AssessmentWindow)
    assert opened.controller.form.id == "ai_act_screening"  # type: ignore[attr-defined]

    model = AssessmentListModel(context)
    qtmodeltester.check(model, force_py=True)
    model.set_filter("hireflow")
    assert model.rowCount() == 2


def test_the_overview_names_what_blocks_sign_off(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    window = open_review(context, review_ids[0])
    activate(qtbot, window)
    overview = window.overview
    text = overview.blockers_box.label.text()
    assert text.startswith("What still blocks sign-off:")
    assert "• Vendor intake (inherent risk): required questions unanswered" in text
    assert overview.next_hint.text().startswith("Proposed next step:")
    # keyboard: the proposed step's button has the focus, Tab walks the steps
    assert window.focusWidget() is overview.cards["vendor_intake"].button
