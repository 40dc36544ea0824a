"""The Dashboard page through the real widgets, on a copy of the demo workspace.

The demo template is played on the day the test session starts, so its dates relative to the
demo day (a review ten days past, one in seven days, one in fourteen; one action five days
overdue) hold for the dashboard's "today".
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dpia_desk.demo import demo_id
from dpia_desk.services.dashboard import BlockedReview, DueReview, OverdueAction
from dpia_desk.services.risks import update_action
from dpia_desk.store import Workspace
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.dashboard.models import ROW_ROLE
from dpia_desk.ui.dashboard.page import DashboardPage
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.models.vendor_table import BADGE_ROLE, PROVISIONAL_ROLE
from dpia_desk.ui.pages.vendors import VendorsPage
from dpia_desk.ui.review.windows import find_assessment_window, find_review_window
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.theme import apply_theme
from dpia_desk.ui.workers import WorkRunner
from tests.ui.conftest import OFFSCREEN_NOISE


def _window(qtbot: QtBot, context: WorkspaceContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 900)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _dashboard(qtbot: QtBot, window: MainWindow) -> DashboardPage:
    row = window.navigation_model.row_of("dashboard")
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, DashboardPage)
    return page


def test_dashboard_lists_due_reviews_overdue_action_and_blockers(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = _dashboard(qtbot, window)
    assert {"dashboard", "dashboard blockers"} <= set(context.runner.submitted)  # type: ignore[attr-defined]

    due = [page.due_model.index(r, 0).data(ROW_ROLE) for r in range(page.due_model.rowCount())]
    assert all(isinstance(row, DueReview) for row in due)
    assert [(row.vendor_name, row.days_left) for row in due] == [
        ("Attrition Analytics B.V.", -10),
        ("FocusMeter Inc.", 7),
        ("InterviewLens Ltd", 14),
    ]
    assert page.due_model.index(0, 2).data() == "10 day(s) overdue"
    assert page.due_model.index(0, 2).data(Qt.ItemDataRole.FontRole).bold()
    assert page.due_model.index(1, 2).data(Qt.ItemDataRole.FontRole) is None
    assert page.due_model.index(2, 3).data(BADGE_ROLE) == "tier:prohibited"
    # Attrition's grade comes from an unfinished due diligence: marked as in the vendor table.
    grade = page.due_model.index(0, 4)
    assert grade.data(PROVISIONAL_ROLE) is True
    assert "Provisional" in grade.data(Qt.ItemDataRole.ToolTipRole)
    assert page.due_model.index(2, 3).data(PROVISIONAL_ROLE) is False
    assert page.overdue_tile.value.text() == "1"
    assert page.due_tile.value.text() == "2"
    assert page.overdue_tile.accessibleName() == "Reviews overdue: 1"

    assert page.actions_model.rowCount() == 1
    action = page.actions_model.index(0, 0).data(ROW_ROLE)
    assert isinstance(action, OverdueAction)
    assert action.vendor_id == demo_id("vendor", "FocusMeter Inc.")
    assert "works council" in page.actions_model.index(0, 0).data()
    assert page.actions_model.index(0, 3).data() == "5 day(s)"
    assert page.actions_model.index(0, 5).data().startswith("EU AI Act screening")
    assert page.actions_tile.value.text() == "1"

    assert page.blocked_model.rowCount() == 4
    first = page.blocked_model.index(0, 0).data(ROW_ROLE)
    assert isinstance(first, BlockedReview)
    assert first.vendor_name == "InterviewLens Ltd"
    assert page.blocked_model.index(0, 1).data().startswith("Prohibited practice (AI Act Art. 5)")
    assert page.blocked_model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert "critical finding" in page.blocked_model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert page.blocked_tile.value.text() == "4"
    assert page.blocked_count.text() == "4 of 4 open review(s)"

    tiers = {
        page.tier_model.index(r, 0).data(BADGE_ROLE): page.tier_model.index(r, 0).data(ROW_ROLE)
        for r in range(page.tier_model.rowCount())
    }
    assert tiers["tier:high"].count == 3 and tiers["tier:prohibited"].count == 1
    assert tiers["tier:"].count == 1  # PayFlow has no AI system
    assert page.tier_model.index(1, 1).data() == "3 (50%)"
    grades = [page.grade_model.index(r, 0).data(ROW_ROLE).count for r in range(6)]
    assert grades == [2, 1, 1, 1, 0, 1]  # A B C D E, none


def test_due_window_choice(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = _dashboard(qtbot, window)
    page.window_combo.setFocus()
    qtbot.keyClick(page.window_combo, Qt.Key.Key_Down)
    assert page.window_combo.currentData() == 60
    assert page.due_model.rowCount() == 3
    assert page.due_count.text() == "3 vendor(s) · 1 overdue"


# Opening windows: the offscreen platform cannot raise them (a warning about the platform).
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, r"This plugin does not support raise\(\)")
def test_opening_rows(qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext) -> None:
    window = _window(qtbot, context)
    page = _dashboard(qtbot, window)

    # The overdue action opens in its assessment, on the action plan, as the Actions page does.
    action = page.actions_model.index(0, 0).data(ROW_ROLE)
    page.actions_table.setFocus()
    page.actions_table.setCurrentIndex(page.actions_model.index(0, 0))
    qtbot.keyClick(page.actions_table, Qt.Key.Key_Return)
    opened = find_assessment_window(context, action.assessment_id)
    assert opened is not None
    assert opened.tabs.currentWidget() is opened.risks
    opened.close()

    # A blocked review opens its overview.
    review = page.blocked_model.index(0, 0).data(ROW_ROLE)
    page.blocked_table.setFocus()
    page.blocked_table.setCurrentIndex(page.blocked_model.index(0, 0))
    qtbot.keyClick(page.blocked_table, Qt.Key.Key_Return)
    overview = find_review_window(context, review.review_id)
    assert overview is not None
    overview.close()

    # A due review shows the vendor in the registry.
    due = page.due_model.index(1, 0).data(ROW_ROLE)
    page.due_table.setFocus()
    page.due_table.setCurrentIndex(page.due_model.index(1, 0))
    qtbot.keyClick(page.due_table, Qt.Key.Key_Return)
    vendors = window.current_page()
    assert isinstance(vendors, VendorsPage)
    assert vendors.panel.isVisible() and vendors.panel.vendor_id == due.vendor_id


def test_dashboard_follows_changes(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = _dashboard(qtbot, window)
    action = page.actions_model.index(0, 0).data(ROW_ROLE)
    with context.write("action") as session:
        update_action(session, actor=context.actor, action_id=action.action_id, status="done")
    qtbot.waitUntil(lambda: page.actions_model.rowCount() == 0, timeout=3000)
    assert page.actions_table.isHidden()
    assert page.actions_empty.isVisible()
    assert page.actions_tile.value.text() == "0"


def test_hidden_dashboard_refreshes_when_shown_again(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = _dashboard(qtbot, window)
    window.show_page(window.navigation_model.row_of("vendors"))
    action = page.actions_model.index(0, 0).data(ROW_ROLE)
    with context.write("action") as session:
        update_action(
            session, actor=context.actor, action_id=action.action_id, due_date=date.today()
        )
    assert page.actions_model.rowCount() == 1  # not visible: nothing read yet
    _dashboard(qtbot, window)
    assert page.actions_model.rowCount() == 0


def test_tab_order_and_accessible_names(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = _dashboard(qtbot, window)
    chain = [
        page.refresh_button,
        page.window_combo,
        page.due_table,
        page.actions_table,
        page.blocked_table,
        page.tier_table,
        page.grade_table,
    ]
    page.refresh_button.setFocus()
    for widget, following in itertools.pairwise(chain):
        assert QApplication.focusWidget() is widget
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is following, following.accessibleName()
    assert all(widget.accessibleName() for widget in chain)
    page.focus_primary()
    assert QApplication.focusWidget() is page.due_table


def test_dashboard_models_pass_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = _dashboard(qtbot, window)
    for model in (
        page.due_model,
        page.actions_model,
        page.blocked_model,
        page.tier_model,
        page.grade_model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    page.refresh()  # resets under the tester
    page.actions_model.set_rows([])


def test_painted_in_both_themes_without_warnings(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    _dashboard(qtbot, window)
    for theme in ("dark", "light"):
        apply_theme(app, theme)
        assert not window.grab().isNull()


def test_loads_on_the_real_background_runner(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    runner = WorkRunner()
    context = WorkspaceContext(demo_workspace, runner, Preferences(reviewer_name="Tester"))
    try:
        page = DashboardPage(context)
        qtbot.addWidget(page)
        page.show()
        page.activated()
        assert page.as_of_label.text() == "Loading…"  # the UI thread only asked
        qtbot.waitUntil(lambda: page.blocked_model.rowCount() == 4, timeout=20000)
        assert page.actions_model.rowCount() == 1
        assert page.due_model.rowCount() == 3
        # A refresh while the blockers are being checked cancels that job; the next one wins.
        page.refresh()
        page.refresh()
        qtbot.waitUntil(
            lambda: page.blocked is not None and page.blocked_count.text().startswith("4 of"),
            timeout=20000,
        )
    finally:
        runner.shutdown()
