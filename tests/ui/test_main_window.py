"""The main window on a real demo workspace: vendors shown, navigation, filter, sort, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot

from dpia_desk.demo import DEMO_VENDORS
from dpia_desk.store import Workspace
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.models.vendor_table import Column
from dpia_desk.ui.pages.vendors import NAME_MIN_WIDTH, VendorsPage


def _window(qtbot: QtBot, context: WorkspaceContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _names(page: VendorsPage) -> list[str]:
    model = page.model
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


def test_main_window_shows_the_demo_vendors(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    assert "dpia_desk" in window.windowTitle()
    assert demo_workspace.path.stem in window.windowTitle()
    page = window.page("vendors")
    assert window.current_page() is page
    assert isinstance(page, VendorsPage)
    assert sorted(_names(page)) == sorted(demo.name for demo in DEMO_VENDORS)
    assert page.table.isVisible()
    assert str(demo_workspace.path) == window.path_label.toolTip()


def test_navigation_switches_pages_by_keyboard(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    for row, key in enumerate(("vendors", "assessments", "actions", "forms", "audit")):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + row), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is window.page(key)
    audit = window.page("audit")
    assert audit.model.rowCount() > len(DEMO_VENDORS)  # create events of the demo
    forms = window.page("forms")
    assert forms.model.rowCount() >= 1  # the built-in library, loaded on the runner

    window.navigation.setFocus()
    window.show_page(0)
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.current_page() is window.page("assessments")


def test_filter_as_you_type_narrows_the_table(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = window.page("vendors")
    assert isinstance(page, VendorsPage)
    qtbot.keyClicks(page.filter_edit, "hire")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert _names(page) == ["HireBot Oy"]
    assert "1" in page.count_label.text()

    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "no such vendor")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    assert page.table_stack.currentWidget() is page.empty_label
    assert "no such vendor" in page.empty_label.text()

    page.filter_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(DEMO_VENDORS), timeout=2000)


def test_header_click_sorts(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = window.page("vendors")
    assert isinstance(page, VendorsPage)
    names = _names(page)
    assert names == sorted(names, key=str.casefold)
    header = page.table.horizontalHeader()
    name_centre = QPoint(header.sectionViewportPosition(Column.NAME) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=name_centre)
    assert page.model.descending
    assert _names(page) == sorted(names, key=str.casefold, reverse=True)
    page.table.sortByColumn(Column.COUNTRY, Qt.SortOrder.AscendingOrder)
    countries = [page.model.index(r, Column.COUNTRY).data() for r in range(page.model.rowCount())]
    assert countries == sorted(countries)


def test_double_click_opens_the_vendor_panel(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = window.page("vendors")
    assert isinstance(page, VendorsPage)
    index = page.model.index(0, Column.NAME)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.panel.isVisible()
    assert page.panel.title.text() == index.data()
    demo = next(d for d in DEMO_VENDORS if d.name == index.data())
    assert page.panel.systems.count() == len(demo.systems)
    page.panel.edit_button.setFocus()
    qtbot.keyClick(page.panel.edit_button, Qt.Key.Key_Escape)
    assert not page.panel.isVisible()


def test_geometry_and_page_are_saved_per_user(
    qtbot: QtBot, isolated_home: Path, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    window.resize(700, 500)
    window.show_page(3)
    window.close()
    ini = isolated_home / "config" / "settings.ini"
    assert ini.is_file()
    stored = QSettings(str(ini), QSettings.Format.IniFormat)
    assert stored.value("window/page") == "forms"
    again = _window(qtbot, context)
    assert again.current_page() is again.page("forms")
    assert again.size().width() == 700


def test_saved_indicator_follows_changes(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    assert window.saved_label.text() == ""
    context.notify_changed("vendor")
    assert "Saved" in window.saved_label.text()


def test_backup_runs_on_the_runner(
    qtbot: QtBot, isolated_home: Path, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    target = isolated_home / "backup copy.dpia"
    handle = window.run_backup(target)
    assert handle.is_done and handle.error is None
    assert target.is_file()
    assert str(target) in window.statusBar().currentMessage()
    opened = Workspace.open(target, demo_workspace.recovery_key())
    opened.close()


def test_the_name_column_takes_the_room_the_others_leave(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    window = _window(qtbot, context)
    page = window.current_page()
    assert isinstance(page, VendorsPage)
    header = page.table.horizontalHeader()

    def others() -> int:
        return sum(header.sectionSize(column) for column in Column if column != Column.NAME)

    assert header.sectionSize(Column.NAME) == max(NAME_MIN_WIDTH, header.width() - others())
    window.resize(window.width() + 200, window.height())
    qtbot.waitUntil(
        lambda: header.sectionSize(Column.NAME) == max(NAME_MIN_WIDTH, header.width() - others())
    )
    assert header.width() == page.table.viewport().width()  # the header spans the viewport
    header.resizeSection(Column.COUNTRY, header.sectionSize(Column.COUNTRY) + 40)
    assert header.sectionSize(Column.NAME) == max(NAME_MIN_WIDTH, header.width() - others())
