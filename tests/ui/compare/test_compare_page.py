"""The Compare page through the real widgets, on a copy of the demo workspace."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dpia_desk.demo import demo_id
from dpia_desk.services.compare import VendorComparison, compare_vendors
from dpia_desk.services.risks import list_actions, update_action
from dpia_desk.services.summary import vendor_figures
from dpia_desk.store import Workspace
from dpia_desk.ui.compare import show_comparison
from dpia_desk.ui.compare.bars import BAR_ROLE, NO_VALUE, BarDelegate
from dpia_desk.ui.compare.model import MEASURE_ROLE, CompareModel
from dpia_desk.ui.compare.page import ComparePage
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.labels import grade_label, tier_label, verdict_label
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.models.vendor_table import BADGE_ROLE, VENDOR_ID_ROLE
from dpia_desk.ui.pages.vendors import VendorsPage
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.theme import apply_theme, current_theme
from dpia_desk.ui.workers import SynchronousWorkRunner, WorkRunner

TALENT = demo_id("vendor", "TalentSift GmbH")
FOCUS = demo_id("vendor", "FocusMeter Inc.")
LENS = demo_id("vendor", "InterviewLens Ltd")


def _window(qtbot: QtBot, context: WorkspaceContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _compare_page(qtbot: QtBot, window: MainWindow) -> ComparePage:
    row = window.navigation_model.row_of("compare")
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, ComparePage)
    return page


def _pick(qtbot: QtBot, page: ComparePage, text: str) -> None:
    """Type in the picker's filter, go down into the list, press Enter: as a keyboard user."""
    page.filter_edit.setFocus()
    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, text)
    model = page.picker_model

    def narrowed() -> bool:
        name = model.index(0, 0).data() if model.rowCount() == 1 else None
        return isinstance(name, str) and text in name.lower()

    qtbot.waitUntil(narrowed, timeout=3000)
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Down)
    assert page.picker.hasFocus()
    qtbot.keyClick(page.picker, Qt.Key.Key_Return)


def _cell(
    model: CompareModel, key: str, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    row = model.row_of(key)
    assert row >= 0, key
    return model.index(row, column).data(role)


def _expected(workspace: Workspace, ids: list[str]) -> list[VendorComparison]:
    with workspace.read_session() as session:
        return compare_vendors(session, ids, today=date.today())


def test_pick_two_vendors_and_compare(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = _compare_page(qtbot, window)
    assert page.stack.currentWidget() is page.empty_label
    _pick(qtbot, page, "talent")
    _pick(qtbot, page, "focus")

    model = page.model
    assert model.columnCount() == 2
    assert page.stack.currentWidget() is page.table
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == [
        "TalentSift GmbH",
        "FocusMeter Inc.",
    ]
    assert page.vendor_ids == [TALENT, FOCUS]
    assert "compare vendors" in context.runner.submitted  # type: ignore[attr-defined]

    expected = _expected(demo_workspace, [TALENT, FOCUS])
    with demo_workspace.read_session() as session:
        figures = [vendor_figures(session, vendor_id) for vendor_id in (TALENT, FOCUS)]
    for column, (want, cached) in enumerate(zip(expected, figures, strict=True)):
        assert _cell(model, "ai_act_tier", column) == tier_label(cached.ai_act_tier)
        assert _cell(model, "ai_act_tier", column, BADGE_ROLE) == f"tier:{cached.ai_act_tier}"
        assert _cell(model, "dpia_verdict", column) == verdict_label(cached.dpia_verdict)
        assert _cell(model, "grade", column, BADGE_ROLE) == f"grade:{cached.grade}"
        assert str(_cell(model, "grade", column)).startswith(grade_label(cached.grade))
        assert want.overall is not None
        assert _cell(model, "overall", column) == f"{want.overall:.1f}"
        assert _cell(model, "overall", column, BAR_ROLE) == want.overall / 100
        assert _cell(model, "inherent_tier", column) == f"Tier {want.inherent_tier} · high"
        for domain in want.domains:
            bar = _cell(model, f"domain:{domain.id}", column, BAR_ROLE)
            if domain.score is None:
                assert bar == NO_VALUE
            else:
                assert bar == domain.score / 100
                assert _cell(model, f"domain:{domain.id}", column) == f"{domain.score:.1f}"
        for severity, count in want.findings.items():
            assert _cell(model, f"findings:{severity}", column) == str(count)
        assert sum(want.findings.values()) == cached.open_findings
        assert _cell(model, "open_actions", column) == str(want.open_actions)
    # FocusMeter holds the demo's one overdue action and a critical finding: both stand out.
    assert _cell(model, "overdue_actions", 1) == "1 overdue"
    assert _cell(model, "overdue_actions", 1, Qt.ItemDataRole.ForegroundRole) is not None
    assert _cell(model, "overdue_actions", 1, Qt.ItemDataRole.FontRole).bold()  # type: ignore[union-attr]
    assert _cell(model, "findings:critical", 1, Qt.ItemDataRole.FontRole).bold()  # type: ignore[union-attr]
    assert _cell(model, "overdue_actions", 0, Qt.ItemDataRole.FontRole) is None
    assert model.index(0, 0).data(VENDOR_ID_ROLE) == TALENT

    # The chosen vendors are remembered for the next time the page is built.
    again = ComparePage(context)
    qtbot.addWidget(again)
    assert again.vendor_ids == [TALENT, FOCUS]


def test_remove_and_clear_by_keyboard(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    assert show_comparison(window, [TALENT, FOCUS, LENS])
    page = window.current_page()
    assert isinstance(page, ComparePage)
    assert page.model.columnCount() == 3
    assert page.table.hasFocus()
    # The current cell starts on the first measure, not a section heading.
    current = page.table.currentIndex()
    assert current.isValid() and current.column() == 0
    assert page.model.measure(current.row()) is not None
    assert not page.model.measure(current.row()).is_section  # type: ignore[union-attr]

    page.table.setCurrentIndex(page.model.index(current.row(), 1))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.vendor_ids == [TALENT, LENS]
    assert page.model.vendor_ids() == [TALENT, LENS]
    page.add_vendors([TALENT, FOCUS])  # one already there: added once
    assert page.model.vendor_ids() == [TALENT, LENS, FOCUS]

    page.clear_button.setFocus()
    qtbot.keyClick(page.clear_button, Qt.Key.Key_Space)
    assert page.model.columnCount() == 0
    assert page.stack.currentWidget() is page.empty_label
    assert not page.clear_button.isEnabled() and not page.remove_button.isEnabled()


def test_comparison_follows_changes(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    assert show_comparison(window, [TALENT, FOCUS])
    page = window.current_page()
    assert isinstance(page, ComparePage)
    assert _cell(page.model, "overdue_actions", 1) == "1 overdue"
    with context.write("action") as session:
        overdue = [
            a for a in list_actions(session) if a.status != "done" and a.due_date is not None
            and a.due_date < date.today()
        ]  # fmt: skip
        assert len(overdue) == 1
        update_action(session, actor=context.actor, action_id=overdue[0].id, status="done")
    qtbot.waitUntil(lambda: _cell(page.model, "overdue_actions", 1) == "0", timeout=3000)


def test_erased_vendors_drop_out(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    page = ComparePage(context)
    qtbot.addWidget(page)
    page.set_vendors([TALENT, "00000000-0000-0000-0000-000000000000", FOCUS])
    assert page.model.vendor_ids() == [TALENT, FOCUS]
    assert page.vendor_ids == [TALENT, FOCUS]


def test_tab_order_and_accessible_names(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    assert show_comparison(window, [TALENT, FOCUS])
    page = window.current_page()
    assert isinstance(page, ComparePage)
    chain = [
        page.filter_edit,
        page.picker,
        page.add_button,
        page.remove_button,
        page.clear_button,
        page.table,
    ]
    page.filter_edit.setFocus()
    for widget, following in itertools.pairwise(chain):
        assert QApplication.focusWidget() is widget
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is following, following.accessibleName()
    for widget in chain:
        assert widget.accessibleName()
    focusable = [
        w
        for w in page.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()
    ]
    for widget in focusable:
        assert widget.accessibleName() or widget.objectName().startswith("qt_"), widget


def test_compare_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_workspace: Workspace
) -> None:
    model = CompareModel()
    qtmodeltester.check(model, force_py=True)
    model.set_comparisons(_expected(demo_workspace, [TALENT, FOCUS, LENS]))
    assert model.columnCount() == 3
    section = model.row_of("section:risk")
    assert model.headerData(section, Qt.Orientation.Vertical, MEASURE_ROLE) == "section:risk"
    assert not model.flags(model.index(section, 0)) & Qt.ItemFlag.ItemIsSelectable
    accessible = model.index(model.row_of("grade"), 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith("Grade: ")
    model.set_comparisons([])
    assert model.columnCount() == 0


def _paint(delegate: BarDelegate, model: CompareModel, index: QModelIndex) -> QImage:
    image = QImage(320, 28, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 320, 28)
    option.font = QApplication.font()
    option.palette = QApplication.palette()
    delegate.paint(painter, option, index)
    painter.end()
    return image


def _accent_columns(image: QImage) -> int:
    accent = current_theme().color("accent")
    row = image.height() // 2
    return sum(
        1
        for x in range(image.width())
        if abs(image.pixelColor(x, row).red() - accent.red()) < 8
        and abs(image.pixelColor(x, row).blue() - accent.blue()) < 8
    )


def test_bars_are_drawn_to_scale_in_both_themes(
    app: QApplication, demo_workspace: Workspace
) -> None:
    model = CompareModel()
    comparisons = _expected(demo_workspace, [demo_id("vendor", "HireBot Oy"), FOCUS])
    model.set_comparisons(comparisons)
    delegate = BarDelegate()
    hirebot, focus = comparisons
    row = model.row_of("domain:information_security")
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        full = _accent_columns(_paint(delegate, model, model.index(row, 0)))
        partial = _accent_columns(_paint(delegate, model, model.index(row, 1)))
        assert hirebot.domain("information_security").score == 100.0  # type: ignore[union-attr]
        share = focus.domain("information_security").score / 100  # type: ignore[union-attr, operator]
        assert full > 100
        assert abs(partial / full - share) < 0.06, (theme, partial, full)
        # A domain nobody answered shows no bar at all (never a bar of nought).
        missing = model.row_of("domain:transparency_explainability")
        assert _accent_columns(_paint(delegate, model, model.index(missing, 1))) == 0
    apply_theme(app, "light")


def test_the_page_is_painted_without_warnings_in_both_themes(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    assert show_comparison(window, [TALENT, FOCUS, LENS])
    for theme in ("dark", "light"):
        apply_theme(app, theme)
        assert not window.grab().isNull()


def test_runner_is_used_for_the_figures(app: QApplication, demo_workspace: Workspace) -> None:
    runner = SynchronousWorkRunner()
    context = WorkspaceContext(demo_workspace, runner)
    page = ComparePage(context)
    page.set_vendors([TALENT, FOCUS])
    assert runner.submitted == ["compare vendors"]
    page.deleteLater()


def test_compare_selected_from_the_vendor_registry(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    vendors = window.page("vendors")
    assert isinstance(vendors, VendorsPage)
    assert not vendors.compare_button.isEnabled()
    # Keyboard: first row, then Shift+Down selects the second one too.
    vendors.table.setFocus()
    vendors.table.setCurrentIndex(vendors.model.index(0, 0))
    qtbot.keyClick(vendors.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = vendors.selected_vendor_ids()
    assert len(chosen) == 2
    assert vendors.compare_button.isEnabled()
    vendors.compare_button.setFocus()
    qtbot.keyClick(vendors.compare_button, Qt.Key.Key_Space)
    page = window.current_page()
    assert isinstance(page, ComparePage)
    assert page.model.vendor_ids() == chosen
    names = [vendors.model.index(row, 0).data() for row in (0, 1)]
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1)] == names
    # Filtering the registry clears its selection, and with it the button.
    window.show_page(window.navigation_model.row_of("vendors"))
    vendors.filter_edit.setText("hire")
    vendors.apply_filter()
    assert not vendors.compare_button.isEnabled()


def test_compares_on_the_real_background_runner(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    runner = WorkRunner()
    context = WorkspaceContext(demo_workspace, runner, Preferences(reviewer_name="Tester"))
    try:
        page = ComparePage(context)
        qtbot.addWidget(page)
        page.show()
        page.set_vendors([TALENT, FOCUS])
        assert page.busy_label.text().startswith("Comparing")  # the UI thread only asked
        page.set_vendors([TALENT, FOCUS, LENS])  # supersedes the first request
        qtbot.waitUntil(lambda: page.model.columnCount() == 3, timeout=20000)
        assert page.model.vendor_ids() == [TALENT, FOCUS, LENS]
        assert page.busy_label.text() == ""
    finally:
        runner.shutdown()


def test_empty_workspace_says_where_vendors_come_from(
    qtbot: QtBot, context: WorkspaceContext
) -> None:
    page = ComparePage(context)
    qtbot.addWidget(page)
    page.show()
    page.activated()
    assert page.stack.currentWidget() is page.empty_label
    assert "no vendors in this workspace" in page.empty_label.text()
    assert not page.add_button.isEnabled()
    assert not page.remove_button.isEnabled() and not page.clear_button.isEnabled()
