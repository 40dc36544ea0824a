"""The main window: a navigation side bar, a stack of pages, menus and a status bar.

It composes; it does not hold features. Pages live in ``ui/pages/`` (registered in
``ui/pages/__init__.py``), dialogs in ``ui/dialogs/``. Locking and quitting are decided by the
application controller (``ui/app.py``), which listens to :attr:`MainWindow.lock_requested`.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QStackedWidget,
    QWidget,
)

from dpia_desk.errors import DpiaDeskError
from dpia_desk.paths import default_backup_dir
from dpia_desk.ui import settings
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.crash import error_box
from dpia_desk.ui.icons import app_icon, icon
from dpia_desk.ui.labels import format_time
from dpia_desk.ui.navigation import NavigationBar, NavigationModel
from dpia_desk.ui.pages import Page, PageSpec, page_specs
from dpia_desk.ui.widgets import disposing
from dpia_desk.ui.workers import WorkContext, WorkHandle


def _backup_job(work: WorkContext, context: WorkspaceContext, target: Path) -> object:
    work.progress(0, 0, "")
    return context.workspace.backup(target)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    preferences_changed = Signal(object)  # Preferences

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self._update_title()

        self._specs: list[PageSpec] = page_specs()
        self._pages: dict[str, Page] = {}
        self.navigation_model = NavigationModel(self._specs, self)
        self.navigation = NavigationBar(self.navigation_model)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self._placeholders: list[QWidget] = []
        for _spec in self._specs:
            placeholder = QWidget()
            self._placeholders.append(placeholder)
            self.stack.addWidget(placeholder)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_actions()
        self._build_menus()

        self.navigation.page_selected.connect(self._show_row)
        context.saved.connect(self._show_saved)

        geometry = settings.read_bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 740)
        state = settings.read_bytes("window/state")
        if state is not None:
            self.restoreState(state)
        start = self.navigation_model.row_of(settings.read_str("window/page", "vendors"))
        self.navigation.select_row(max(0, start))

    # --- title, status bar ---------------------------------------------------------------------

    def _update_title(self) -> None:
        workspace = self.context.workspace
        name = workspace.path.stem
        suffix = self.tr(" (read-only)") if workspace.read_only else ""
        self.setWindowTitle(f"{name}{suffix} — dpia_desk")

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self.saved_label = QLabel("")
        self.saved_label.setAccessibleName(self.tr("Save state"))
        self.path_label = QLabel()
        self.path_label.setAccessibleName(self.tr("Workspace file"))
        path = str(self.context.workspace.path)
        self.path_label.setText(
            self.path_label.fontMetrics().elidedText(path, Qt.TextElideMode.ElideMiddle, 420)
        )
        self.path_label.setToolTip(path)
        bar.addPermanentWidget(self.saved_label)
        bar.addPermanentWidget(self.path_label)
        self._saved_fade = QTimer(self)
        self._saved_fade.setSingleShot(True)
        self._saved_fade.setInterval(4000)
        self._saved_fade.timeout.connect(self._quiet_saved)
        if self.context.read_only:
            self.saved_label.setText(self.tr("Read-only: changes are not possible"))

    def _show_saved(self) -> None:
        when = self.context.last_saved or datetime.now().astimezone()
        time_text = format_time(when)
        self.saved_label.setText(self.tr("Saved ✓"))
        self.saved_label.setToolTip(
            self.tr("Every change is saved at once; last at {time}.").format(time=time_text)
        )
        self._saved_fade.start()

    def _quiet_saved(self) -> None:
        self.saved_label.setText(self.tr("All changes saved"))

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    # --- actions and menus ---------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_vendor_action = self._action(
            self.tr("&New vendor…"), self.new_vendor, QKeySequence.StandardKey.New, "add"
        )
        self.backup_action = self._action(
            self.tr("&Backup…"), self.backup, "Ctrl+Shift+B", "backup"
        )
        self.lock_action = self._action(
            self.tr("&Lock"), self.lock_requested.emit, "Ctrl+L", "lock"
        )
        self.settings_action = self._action(
            self.tr("&Settings…"), self.edit_settings, QKeySequence.StandardKey.Preferences,
            "settings",
        )  # fmt: skip
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut("Ctrl+,")
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit"
        )
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut("Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh_page, QKeySequence.StandardKey.Refresh
        )
        if self.refresh_action.shortcut().isEmpty():
            self.refresh_action.setShortcut("F5")
        self.filter_action = self._action(
            self.tr("&Find"), self.focus_page, QKeySequence.StandardKey.Find, "search"
        )
        self.page_actions: list[QAction] = []
        for row, spec in enumerate(self._specs):
            action = self._action(
                spec.title, lambda _checked=False, r=row: self.show_page(r), f"Ctrl+{row + 1}",
                spec.icon,
            )  # fmt: skip
            self.page_actions.append(action)
        self.about_action = self._action(self.tr("&About dpia_desk"), self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._action(self.tr("About &Qt"), QApplication.aboutQt)
        if self.context.read_only:
            self.new_vendor_action.setEnabled(False)

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_vendor_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = menus.addMenu(self.tr("&View"))
        for action in self.page_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.filter_action)
        view_menu.addAction(self.refresh_action)
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        help_menu.addAction(self.about_qt_action)

    # --- pages ---------------------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page with this key, built now if it was not shown before."""
        row = self.navigation_model.row_of(key)
        if row < 0:
            raise KeyError(key)
        return self._ensure_page(row)

    def _ensure_page(self, row: int) -> Page:
        spec = self._specs[row]
        page = self._pages.get(spec.key)
        if page is None:
            page = spec.factory(self.context, None)
            page.setObjectName(f"page_{spec.key}")
            page.status_message.connect(self.show_status)
            placeholder = self._placeholders[row]
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._placeholders[row] = page
            self._pages[spec.key] = page
        return page

    def show_page(self, row: int) -> None:
        self.navigation.select_row(row)  # emits page_selected -> _show_row

    def _show_row(self, row: int) -> None:
        page = self._ensure_page(row)
        self.stack.setCurrentWidget(page)
        page.activated()

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def refresh_page(self) -> None:
        page = self.current_page()
        if page is not None:
            page.activated()

    def focus_page(self) -> None:
        page = self.current_page()
        if page is not None:
            page.focus_primary()

    # --- commands ------------------------------------------------------------------------------

    def new_vendor(self) -> None:
        self.show_page(self.navigation_model.row_of("vendors"))
        vendors = self.page("vendors")
        vendors.add_vendor()  # type: ignore[attr-defined]

    def backup(self) -> None:
        folder = default_backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        suggestion = folder / f"{self.context.workspace.path.stem}-{stamp}.dpia"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up the workspace"),
            str(suggestion),
            self.tr("dpia_desk workspaces (*.dpia)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix != ".dpia":
            target = target.with_name(target.name + ".dpia")
        self.run_backup(target)

    def run_backup(self, target: Path) -> WorkHandle:
        progress = QProgressDialog(self.tr("Writing and verifying the backup…"), "", 0, 0, self)
        progress.setWindowTitle(self.tr("Backup"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def done_ok(_info: object) -> None:
            self.show_status(self.tr("Backup written to {path}").format(path=str(target)))

        def failed(error: BaseException) -> None:
            if isinstance(error, DpiaDeskError):
                error_box(error, self).open()
            else:
                sys.excepthook(type(error), error, error.__traceback__)

        handle = self.context.runner.submit(
            _backup_job, self.context, target, description="backup",
            on_result=done_ok, on_error=failed,
        )  # fmt: skip
        if handle.is_done:
            progress.deleteLater()
        else:
            handle.done.connect(progress.reset)
            handle.done.connect(progress.deleteLater)
        return handle

    def edit_settings(self) -> None:
        from dpia_desk.ui.dialogs.settings_dialog import SettingsDialog

        with disposing(SettingsDialog(self.context.preferences, self)) as dialog:
            preferences = dialog.preferences() if dialog.exec() else None
        if preferences is not None:
            preferences.save()
            self.context.preferences = preferences
            self.preferences_changed.emit(preferences)

    def about(self) -> None:
        from dpia_desk.ui.dialogs.about_dialog import AboutDialog

        with disposing(AboutDialog(self.context.workspace.path, self)) as dialog:
            dialog.exec()

    # --- state ---------------------------------------------------------------------------------

    def save_state(self) -> None:
        settings.write_value("window/geometry", self.saveGeometry())
        settings.write_value("window/state", self.saveState())
        current = self.navigation.currentIndex()
        if current.isValid():
            settings.write_value("window/page", self._specs[current.row()].key)
        for page in self._pages.values():
            save = getattr(page, "save_state", None)
            if callable(save):
                save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
