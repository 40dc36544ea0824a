"""One excepthook for the whole app.

"The environment failed" (a :class:`~dpia_desk.errors.DpiaDeskError`: wrong key, bad file, invalid
value) becomes a message box with the error's message and its way forward. "We have a bug"
(anything else) becomes :class:`CrashDialog`: what happened in one sentence, the details to copy
into a report, and the choice to keep working (every change was already saved, since the app
commits each change at once) or to quit.

Dialogs are shown non-blocking (``open()``), so a hook called from inside a slot, a worker
callback or a test never nests an event loop; an error raised while the crash dialog itself is
being built falls back to stderr instead of looping.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk import __version__
from dpia_desk.errors import DpiaDeskError
from dpia_desk.ui.icons import icon
from dpia_desk.ui.widgets import FittedDialog, make_primary

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    import platform
    import traceback

    lines = [
        f"dpia_desk {__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        "",
        *traceback.format_exception(kind, error, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(FittedDialog):
    """An unexpected error: a short explanation, the details to copy, continue or quit."""

    def __init__(self, report: str, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("dpia_desk: unexpected error"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.report = report

        heading = QLabel(self.tr("Something went wrong inside dpia_desk."))
        heading.setProperty("role", "heading")
        explanation = QLabel(
            self.tr(
                "Your work is safe: every change was saved when you made it. You can keep "
                "working, or quit and start again. Please send the details below with a short "
                "note of what you were doing to the people who maintain dpia_desk."
            )
        )
        explanation.setWordWrap(True)
        summary_label = QLabel(summary)
        summary_label.setWordWrap(True)
        summary_label.setProperty("role", "error")
        summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setMinimumHeight(180)

        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy the error details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.copied_label = QLabel("")
        self.copied_label.setProperty("role", "hint")

        buttons = QDialogButtonBox()
        self.continue_button = buttons.addButton(
            self.tr("&Keep working"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = buttons.addButton(
            self.tr("&Quit dpia_desk"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        make_primary(self.continue_button)
        buttons.accepted.connect(self.accept)
        self.quit_button.clicked.connect(self._quit)

        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_label, 1)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(summary_label)
        layout.addWidget(self.details, 1)
        layout.addLayout(copy_row)
        layout.addWidget(buttons)
        self.preferred_width = 640
        self.resize(640, 440)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copied_label.setText(self.tr("Copied to the clipboard."))

    def _quit(self) -> None:
        self.done(QDialog.DialogCode.Rejected)
        QCoreApplication.exit(70)  # EX_SOFTWARE


def error_box(error: DpiaDeskError, parent: QWidget | None = None) -> QMessageBox:
    """The message box for an expected error: its message, and its hint as the way forward.
    It deletes itself once closed (shown with ``open()`` it would otherwise pile up)."""
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorBox", "dpia_desk"))
    box.setText(error.message)
    if error.hint:
        box.setInformativeText(error.hint)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def report_error(error: BaseException, parent: QWidget | None = None) -> None:
    """How an action the user started (an export, a backup...) reports its failure: an expected
    error in :func:`error_box`; an ``OSError`` too (a file the action could not read or write,
    with what to check); anything else is a bug and goes to the excepthook."""
    if isinstance(error, DpiaDeskError):
        error_box(error, parent).open()
    elif isinstance(error, OSError):
        error_box(
            DpiaDeskError(
                QCoreApplication.translate(
                    "ErrorBox", "The file could not be read or written: {reason}."
                ).format(reason=error.strerror or str(error)),
                hint=QCoreApplication.translate(
                    "ErrorBox", "Check the folder, its permissions and the free space."
                ),
            ),
            parent,
        ).open()
    else:
        sys.excepthook(type(error), error, error.__traceback__)


class ExceptionHandler:
    """Installed as ``sys.excepthook``; keeps the dialogs it shows alive until closed."""

    def __init__(self) -> None:
        self.previous: ExceptHook = sys.excepthook
        self.open_dialogs: list[QDialog] = []
        self._handling = False

    def install(self) -> None:
        self.previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.exit(130)
            return
        if self._handling or not isinstance(QApplication.instance(), QApplication):
            self.previous(kind, error, tb)
            return
        self._handling = True
        try:
            parent = QApplication.activeWindow()
            dialog: QDialog
            if isinstance(error, DpiaDeskError):
                log.info("expected error shown to the user: %s", error.message)
                dialog = error_box(error, parent)
            else:
                log.error("unexpected error", exc_info=(kind, error, tb))
                summary = f"{kind.__name__}: {error}"
                dialog = CrashDialog(crash_report(kind, error, tb), summary, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.open_dialogs.append(dialog)
            dialog.finished.connect(lambda _code, d=dialog: self._forget(d))
            dialog.open()
        except Exception:  # the crash dialog must never crash the app in turn
            self.previous(kind, error, tb)
        finally:
            self._handling = False

    def show_modal(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """For errors before the event loop runs (start-up): the dialog blocks until closed,
        so the process does not end before the user saw it."""
        self(kind, error, tb)
        for dialog in list(self.open_dialogs):
            if dialog.isVisible():
                dialog.exec()

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.open_dialogs:
            self.open_dialogs.remove(dialog)
