"""The desktop application: start-up, the workspace session, locking and shutting down.

``run_gui(args)`` (called by ``dpia-desk`` without a command) creates the QApplication, installs
the excepthook (``ui/crash.py``), the translators (``ui/i18n.py``) and the theme
(``ui/theme.py``), opens the workspace (``ui/workspace_flow.py``) and shows the main window.
:class:`AppController` owns what lives as long as the workspace is unlocked: the work runner, the
:class:`~dpia_desk.ui.context.WorkspaceContext` and the main window; locking (menu, Ctrl+L, or the
idle timer) closes all three and the workspace, and unlocking builds them again.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dpia_desk import APP_NAME, __version__
from dpia_desk.errors import DpiaDeskError
from dpia_desk.paths import default_workspace_path
from dpia_desk.store import KeySource, Workspace
from dpia_desk.ui import clipboard
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.crash import ExceptionHandler, error_box
from dpia_desk.ui.i18n import install_translators
from dpia_desk.ui.icons import app_icon
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.progress import CancelFlag, run_with_progress
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.theme import apply_theme
from dpia_desk.ui.trust_actions import RestoreRequest
from dpia_desk.ui.widgets import disposing
from dpia_desk.ui.workers import Runner, WorkContext, WorkRunner
from dpia_desk.ui.workspace_flow import WorkspaceOpener

log = logging.getLogger(__name__)

ORGANIZATION = "dpia_desk"
#: The base name of the .desktop file (Wayland uses it to find the window's icon and name).
DESKTOP_FILE = "org.dpiadesk.DpiaDesk"  # packaging/linux/org.dpiadesk.DpiaDesk.desktop
PASSPHRASE_ENV = "DPIA_DESK_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
#: Smoke tests of a built bundle (packaging/smoke_test.py): once the main window is shown and the
#: event loop has run for this many milliseconds, report it on stderr and close the window.
SMOKE_EXIT_ENV = "DPIA_DESK_SMOKE_EXIT_AFTER_MS"

AUTOMATIC_BACKUP_DELAY_MS = 3000
PAGE_CHECK_DELAY_MS = 1000  # before the automatic backup, which would stop at a damaged page

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits ``timer.timeout`` after ``minutes`` without keyboard or mouse input."""

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.minutes > 0 and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names and icon (or the existing one, in tests)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("dpia_desk")
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon())
    return app


def read_passphrase(args: argparse.Namespace) -> str | None:
    """``--passphrase-file`` (its first line) or ``DPIA_DESK_PASSPHRASE``; None for keychain."""
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise DpiaDeskError(
                f"The passphrase file {path} cannot be read ({error.strerror or error}).",
                hint="Check the path given to --passphrase-file.",
            ) from None
        lines = text.splitlines()
        return lines[0] if lines else ""
    return os.environ.get(PASSPHRASE_ENV) or None


class AppController(QObject):
    """Owns the unlocked session: runner, context, main window; handles lock and quit."""

    def __init__(
        self,
        app: QApplication,
        path: Path,
        *,
        passphrase: str | None = None,
        preferences: Preferences | None = None,
        runner: Runner | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.path = path
        self.passphrase = passphrase
        self.preferences = preferences or Preferences.load()
        self.runner: Runner = runner if runner is not None else WorkRunner(self)
        self.workspace: Workspace | None = None
        self.context: WorkspaceContext | None = None
        self.window: MainWindow | None = None
        #: The automatic backup on open waits this long after the main window is shown.
        self.automatic_backup_delay_ms = AUTOMATIC_BACKUP_DELAY_MS
        #: The page check an open with ``defer_page_scan`` left out waits this long.
        self.page_check_delay_ms = PAGE_CHECK_DELAY_MS
        self.idle = IdleWatcher(self.preferences.auto_lock_minutes, self)
        self.idle.timer.timeout.connect(self.request_lock)
        self._idle_filter_installed = False
        app.aboutToQuit.connect(self.shutdown)

    def start(self) -> bool:
        """Opens the workspace (dialogs as needed) and shows the main window; False to quit."""
        opener = WorkspaceOpener(self.runner, passphrase=self.passphrase, defer_page_scan=True)
        workspace = opener.open(self.path)
        if workspace is None:
            return False
        self.path = opener.path or self.path
        self.show_main(workspace)
        return True

    def show_main(self, workspace: Workspace) -> MainWindow:
        self.workspace = workspace
        self.context = WorkspaceContext(workspace, self.runner, self.preferences, self)
        self.window = MainWindow(self.context)
        self.window.lock_requested.connect(self.request_lock)
        self.window.preferences_changed.connect(self.apply_preferences)
        self.window.trust.restore_requested.connect(self.restore)
        self.window.trust.key_changed.connect(self._key_changed)
        self.window.show()
        self.idle.set_minutes(self.preferences.auto_lock_minutes)
        if not self._idle_filter_installed:
            # After the first screen: the filter sees every event, and building the window
            # sends thousands that cannot be user input anyway.
            self._idle_filter_installed = True
            QTimer.singleShot(0, self, lambda: self.app.installEventFilter(self.idle))
        window = self.window
        if workspace.upgraded_from is not None and not workspace.read_only:
            self._refresh_figures(workspace)
        if not workspace.pages_verified:
            # After the first screen has settled: the check competes with painting for the CPU.
            QTimer.singleShot(
                self.page_check_delay_ms,
                self,
                lambda: self._verify_pages(workspace, window) if self.window is window else None,
            )
        # Not at once: the first screen comes first (the backup loads modules the start-up
        # itself does not need).
        QTimer.singleShot(
            self.automatic_backup_delay_ms,
            self,
            lambda: self.automatic_backup() if self.window is window else None,
        )
        return self.window

    def _refresh_figures(self, workspace: Workspace) -> None:
        """After a schema upgrade, every vendor's cached figures are computed again (a newer
        schema may hold more of them, e.g. which are provisional), on the runner."""
        workspace.upgraded_from = None  # once per upgrade, not at every unlock
        context = self.context

        def refreshed(_count: object) -> None:
            if context is not None and self.context is context:
                context.notify_changed("vendor")

        def failed(error: BaseException) -> None:
            log.info("vendor figures not refreshed: %s", error)  # they refresh as forms change

        self.runner.submit(
            _refresh_figures_job, workspace, description="refresh vendor figures",
            on_result=refreshed, on_error=failed,
        )  # fmt: skip

    def _verify_pages(self, workspace: Workspace, window: MainWindow) -> None:
        """The page check the open left out, on the runner. Damage found closes the session
        and opens the workspace again with the full check, which leads to the damaged-workspace
        dialog (read-only, restore a backup, ...)."""

        def checked(problems: list[str]) -> None:
            if not problems or self.workspace is not workspace or self.window is not window:
                return
            log.warning("damage found after opening: %s", "; ".join(problems))
            # As for locking: open dialogs close first, the session once their loops returned.
            self._reject_open_dialogs()
            QTimer.singleShot(0, self._reopen_after_damage)

        def failed(error: BaseException) -> None:
            # Closed (locked, quit) while it ran, or unreadable: the next open checks again.
            log.info("page check not finished: %s", error)

        self.runner.submit(
            _verify_pages_job, workspace, description="page check",
            on_result=checked, on_error=failed,
        )  # fmt: skip

    def _reopen_after_damage(self) -> None:
        if self.workspace is None:
            return
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        try:
            self.close_session()
            workspace = WorkspaceOpener(self.runner, passphrase=self.passphrase).open(self.path)
            if workspace is None:
                self.app.quit()
                return
            self.show_main(workspace)
        finally:
            self.app.setQuitOnLastWindowClosed(quit_on_close)

    def automatic_backup(self) -> None:
        """The rotating backup on open (settings: how often, how many), on the runner."""
        workspace, window = self.workspace, self.window
        every = self.preferences.backup_every_days
        if workspace is None or window is None or workspace.read_only or every <= 0:
            return

        def written(info: Any) -> None:
            if info is not None and self.window is window:
                window.show_status(
                    window.tr("Automatic backup written: {path}").format(path=str(info.path))
                )

        def failed(error: BaseException) -> None:
            log.info("automatic backup failed: %s", error)
            if self.window is window:
                window.show_status(
                    window.tr("The automatic backup failed: {reason}").format(
                        reason=getattr(error, "message", str(error))
                    )
                )

        self.runner.submit(
            _automatic_backup_job, workspace, self.preferences.backup_keep, every,
            description="automatic backup", on_result=written, on_error=failed,
        )  # fmt: skip

    def _key_changed(self) -> None:
        # A passphrase given at start-up belongs to the old key.
        self.passphrase = None

    def apply_preferences(self, preferences: Preferences) -> None:
        self.preferences = preferences
        apply_theme(self.app, preferences.theme)
        self.idle.set_minutes(preferences.auto_lock_minutes)

    def close_session(self) -> None:
        """Closes the windows and the workspace (key wiped), waiting for running jobs; a
        recovery key still on the clipboard goes too."""
        self.idle.timer.stop()
        self.runner.wait_for_done()
        clipboard.clear_sensitive()
        for widget in QApplication.topLevelWidgets():
            # Assessment and review windows (they save what is pending as they close).
            if widget is not self.window and widget.isVisible() and not isinstance(widget, QDialog):
                widget.close()
        if self.window is not None:
            self.window.save_state()
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        self.context = None
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None

    def request_lock(self) -> None:
        """Locks once every open dialog has been closed (as cancelled) and its event loop has
        returned: locking from inside a dialog's ``exec()`` would delete the window under it."""
        if self.workspace is None:
            return
        self._reject_open_dialogs()
        QTimer.singleShot(0, self.lock)

    @staticmethod
    def _reject_open_dialogs() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    def lock(self) -> None:
        if self.workspace is None:
            return
        log.info("locking the workspace")
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        try:
            self.close_session()
            # A command-line passphrase is not reused: unlocking means proving it again.
            self.passphrase = None
            from dpia_desk.ui.dialogs.locked import LockedDialog

            while True:
                with disposing(LockedDialog(self.path)) as dialog:
                    unlock = dialog.exec() == QDialog.DialogCode.Accepted
                if not unlock:
                    self.app.quit()
                    return
                workspace = WorkspaceOpener(self.runner).open(self.path)
                if workspace is not None:
                    self.show_main(workspace)
                    return
        finally:
            self.app.setQuitOnLastWindowClosed(quit_on_close)

    def shutdown(self) -> None:
        self.runner.shutdown()
        self.close_session()

    # --- restoring a backup (the main window asks; only the controller may close it) ---------

    def restore(self, request: RestoreRequest) -> None:
        """Restores a checked backup: over the open workspace (closed first, reopened after),
        or into a new file (then offers to switch to it)."""
        if not request.replaces:
            self._restore_copy(request)
            return
        path = self.path
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        self.close_session()

        def restored(_result: object) -> None:
            self.app.setQuitOnLastWindowClosed(quit_on_close)
            self._open_restored(path, request.key)

        def failed(error: BaseException) -> None:
            self.app.setQuitOnLastWindowClosed(quit_on_close)
            self._show_error(error)
            workspace = WorkspaceOpener(self.runner, passphrase=self.passphrase).open(path)
            if workspace is None:
                self.app.quit()
                return
            self.show_main(workspace)

        self.restore_job = run_with_progress(
            None, self.runner, _restore_job, request.backup, path, request.key, True,
            title=self.tr("Restore"), text=self.tr("Restoring the backup…"), cancellable=False,
            description="restore", on_result=restored, on_error=failed,
        )  # fmt: skip

    def _restore_copy(self, request: RestoreRequest) -> None:
        target = request.target
        assert target is not None
        window = self.window

        def restored(_result: object) -> None:
            if window is not None and self.window is window and self.confirm_switch(target):
                self.switch_to(target, request.key)

        self.restore_job = run_with_progress(
            window, self.runner, _restore_job, request.backup, target, request.key, False,
            title=self.tr("Restore"), text=self.tr("Restoring the backup…"), cancellable=False,
            description="restore", on_result=restored, on_error=self._show_error,
        )  # fmt: skip

    def confirm_switch(self, target: Path) -> bool:
        """After restoring into a new file: open it now? (Tests replace this.)"""
        window = self.window
        box = QMessageBox(window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Restore"))
        box.setText(self.tr("The backup was restored into {path}.").format(path=str(target)))
        box.setInformativeText(self.tr("Open it now? This workspace is closed first."))
        switch = box.addButton(self.tr("&Open it"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        with disposing(box):
            box.exec()
            return box.clickedButton() is switch

    def switch_to(self, path: Path, key: KeySource) -> None:
        """Closes this workspace and opens the one at ``path`` with ``key``."""
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)
        try:
            self.close_session()
            self.passphrase = None
            self._open_restored(path, key)
        finally:
            self.app.setQuitOnLastWindowClosed(quit_on_close)

    def _open_restored(self, path: Path, key: KeySource) -> None:
        """Opens a restored workspace with the key that opened its backup. A keychain
        workspace gets that key back in the keychain (it may be an older one) and is then
        opened from the keychain as usual."""
        from dpia_desk.store import KeychainKey, RecoveryKey
        from dpia_desk.store.engine import inspect_file
        from dpia_desk.store.keys import recorded_mode

        self.path = path
        try:
            salt = inspect_file(path)
            if isinstance(key, RecoveryKey) and recorded_mode(salt) == "keychain":
                with Workspace.open(path, key) as restored:
                    restored.store_key_in_keychain()
                key = KeychainKey()
            workspace = Workspace.open(path, key)
        except DpiaDeskError as error:
            log.info("restored workspace not opened directly: %s", error.message)
            opened = WorkspaceOpener(self.runner).open(path)
            if opened is None:
                self.app.quit()
                return
            workspace = opened
        self.show_main(workspace)
        if self.window is not None:
            self.window.show_status(self.tr("The backup was restored."))

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, DpiaDeskError):
            with disposing(error_box(error, self.window)) as box:
                box.exec()
        else:
            sys.excepthook(type(error), error, error.__traceback__)


def _refresh_figures_job(work: WorkContext, workspace: Workspace) -> int:
    from dpia_desk.services.summary import refresh_all_vendor_summaries

    with workspace.session() as session:
        return refresh_all_vendor_summaries(
            session, lambda done, total: work.progress(done, total, "")
        )


def _verify_pages_job(_work: WorkContext, workspace: Workspace) -> list[str]:
    return workspace.verify_pages()


def _automatic_backup_job(
    _work: WorkContext, workspace: Workspace, keep: int, every_days: int
) -> Any:
    from dpia_desk.store import automatic_backup

    return automatic_backup(workspace, keep=keep, every=timedelta(days=every_days))


def _restore_job(
    _work: WorkContext, _cancel: CancelFlag, backup: Path, target: Path, key: KeySource,
    replace: bool,
) -> Any:  # fmt: skip
    from dpia_desk.store import restore_backup

    return restore_backup(backup, target, key, replace=replace)


def run_gui(args: argparse.Namespace) -> int:
    """The desktop app; returns the process exit code."""
    app = create_application()
    handler = ExceptionHandler()
    handler.install()
    preferences = Preferences.load()
    install_translators(app, preferences.language)
    apply_theme(app, preferences.theme)

    path = Path(args.workspace) if getattr(args, "workspace", None) else default_workspace_path()
    try:
        passphrase = read_passphrase(args)
    except DpiaDeskError as error:
        with disposing(error_box(error)) as box:
            box.exec()
        passphrase = None
    controller = AppController(app, path, passphrase=passphrase, preferences=preferences)
    try:
        try:
            started = controller.start()
        except Exception:  # a bug while opening: show it before the process ends
            handler.show_modal(*sys.exc_info())
            controller.shutdown()
            return 70  # EX_SOFTWARE
        if not started:
            controller.shutdown()
            return 0
        smoke_ms = os.environ.get(SMOKE_EXIT_ENV, "")
        if smoke_ms.isdigit() and controller.window is not None:
            window = controller.window

            def smoke_close() -> None:
                title = window.windowTitle()
                print(f"dpia-desk: smoke: main window idle: {title}", file=sys.stderr)
                window.close()

            QTimer.singleShot(int(smoke_ms), smoke_close)
        code = app.exec()
    finally:
        handler.uninstall()
        dispose_pending()
    return int(code)


def dispose_pending() -> None:
    """Deletes now what ``deleteLater`` queued (the main window after quit, dialogs of a start
    that ended before the event loop ran): left to interpreter exit, PySide would destroy those
    widgets after the QApplication, which can crash the process as it ends."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
