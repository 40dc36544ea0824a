"""The main window: a navigation side bar, a stack of pages, menus and a status bar.

It composes; it does not hold features. Pages live in ``ui/pages/`` (registered in
``ui/pages/__init__.py``), dialogs in ``ui/dialogs/``. Locking and quitting are decided by the
application controller (``ui/app.py``), which listens to :attr:`MainWindow.lock_requested`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui import settings
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.export_actions import ExportController, add_export_menu
from dpia_desk.ui.icons import app_icon, icon
from dpia_desk.ui.labels import format_time
from dpia_desk.ui.navigation import NavigationBar, NavigationModel
from dpia_desk.ui.pages import Page, PageSpec, page_specs
from dpia_desk.ui.trust_actions import TrustController
from dpia_desk.ui.widgets import Banner, disposing
from dpia_desk.ui.workers import WorkHandle


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

        self.exports = ExportController(context, self)
        self.exports.status_message.connect(self.show_status)
        self.exports.current_vendor = self.current_vendor_id
        self.trust = TrustController(context, self)
        self.trust.status_message.connect(self.show_status)
        self.damage_banner = self._build_damage_banner()

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if self.damage_banner is not None:
            column.addWidget(self.damage_banner)
        column.addWidget(body, 1)
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

    def _build_damage_banner(self) -> QWidget | None:
        """A damaged workspace opens read-only: say what is wrong and offer the way out."""
        problems = self.context.workspace.problems
        if not problems:
            return None
        first = problems[0]
        more = len(problems) - 1
        text = self.tr(
            "This workspace is damaged ({problem}), so it is open read-only: nothing can be "
            "changed and nothing is written to the file. Restore the latest good backup to carry "
            "on; the damaged file is kept."
        ).format(
            problem=first
            if not more
            else self.tr("{first}, and %n more", "", more).format(first=first)
        )
        banner = Banner(text, "warning")
        banner.setObjectName("damageBanner")
        banner.setAccessibleName(self.tr("The workspace is damaged"))
        self.restore_latest_button = QPushButton(self.tr("Restore latest &good backup…"))
        self.restore_latest_button.clicked.connect(self.trust.restore_latest)
        row = banner.layout()
        assert isinstance(row, QHBoxLayout)
        row.addWidget(self.restore_latest_button, 0, Qt.AlignmentFlag.AlignVCenter)
        holder = QWidget()
        holder.setObjectName("damageBannerHolder")
        margins = QVBoxLayout(holder)
        margins.setContentsMargins(12, 10, 12, 4)
        margins.addWidget(banner)
        self.damage_label = banner.label
        return holder

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
            self.tr("&Back up now…"), self.backup, "Ctrl+Shift+B", "backup"
        )
        self.restore_action = self._action(self.tr("&Restore from backup…"), self.trust.restore)
        self.rekey_action = self._action(
            self.tr("Change &key…"), self.trust.change_key, None, "key"
        )
        self.check_action = self._action(self.tr("Check &integrity…"), self.trust.check_integrity)
        self.verify_audit_action = self._action(
            self.tr("&Verify audit trail"), self.verify_audit_trail, None, "audit"
        )
        self.delete_vendor_action = self._action(
            self.tr("Delete &vendor…"),
            lambda: self.trust.delete_vendor(self.current_vendor_id()),
        )
        self.delete_assessment_action = self._action(
            self.tr("Delete &assessment…"),
            lambda: self.trust.delete_assessment(self.current_assessment_id()),
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
        #: Actions that change the workspace: disabled when it is open read-only (damaged).
        self.edit_actions = [
            self.new_vendor_action,
            self.rekey_action,
            self.delete_vendor_action,
            self.delete_assessment_action,
        ]
        if self.context.read_only:
            for action in self.edit_actions:
                action.setEnabled(False)
            # A backup of a damaged file would fail its own checks; restoring is the way out.
            self.backup_action.setEnabled(False)

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.new_vendor_action)
        file_menu.addSeparator()
        self.export_actions = add_export_menu(file_menu, self.exports, self.current_assessment_id)
        if self.context.read_only and self.export_actions.import_ is not None:
            self.edit_actions.append(self.export_actions.import_)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.rekey_action)
        file_menu.addAction(self.check_action)
        file_menu.addAction(self.verify_audit_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        edit_menu.addAction(self.delete_vendor_action)
        edit_menu.addAction(self.delete_assessment_action)
        edit_menu.aboutToShow.connect(self._sync_selection_actions)
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

    def current_assessment_id(self) -> str | None:
        """The assessment selected on the current page (Assessments list, vendor panel)."""
        page = self.current_page()
        current = getattr(page, "current_assessment_id", None)
        value = current() if callable(current) else None
        return value if isinstance(value, str) else None

    def current_vendor_id(self) -> str | None:
        page = self.current_page()
        current = getattr(page, "current_vendor_id", None)
        value = current() if callable(current) else None
        return value if isinstance(value, str) else None

    def _sync_selection_actions(self) -> None:
        writable = not self.context.read_only
        self.delete_vendor_action.setEnabled(writable and self.current_vendor_id() is not None)
        self.delete_assessment_action.setEnabled(
            writable and self.current_assessment_id() is not None
        )

    # --- commands ------------------------------------------------------------------------------

    def new_vendor(self) -> None:
        self.show_page(self.navigation_model.row_of("vendors"))
        vendors = self.page("vendors")
        vendors.add_vendor()  # type: ignore[attr-defined]

    def backup(self) -> None:
        self.trust.backup()

    def run_backup(self, target: Path) -> WorkHandle:
        job = self.trust.run_backup(target)
        assert job.handle is not None
        return job.handle

    def verify_audit_trail(self) -> None:
        self.show_page(self.navigation_model.row_of("audit"))
        audit = self.page("audit")
        verify = getattr(audit, "verify", None)
        if callable(verify):
            verify()

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
