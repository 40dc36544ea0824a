"""Change key: re-encrypt the workspace with a new keychain key or a new passphrase, then show
the new recovery key once (the same panel as the first run) until the user confirms storing it.

The rotation itself (``Workspace.rekey``: a verified backup with the old key first, then the
crash-safe switch) runs on the work runner; the dialog stays responsive and cannot be closed
while it runs. A refusal (the same passphrase, no secure keychain, a full disk) is shown in the
dialog, and the workspace keeps its old key.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.errors import DpiaDeskError
from dpia_desk.store import KeychainKey, Passphrase
from dpia_desk.ui.dialogs.recovery_key import RecoveryKeyPanel
from dpia_desk.ui.icons import app_icon
from dpia_desk.ui.passphrase_fields import KeyModeChoice, KeyModeTexts
from dpia_desk.ui.widgets import (
    Banner,
    FittedDialog,
    fit_height,
    heading,
    hint,
    make_primary,
)
from dpia_desk.ui.workers import Runner, WorkContext

if TYPE_CHECKING:
    from dpia_desk.store import RecoveryKey, Workspace
    from dpia_desk.store.backup import BackupInfo


def _rekey(
    _work: WorkContext, workspace: Workspace, source: KeychainKey | Passphrase
) -> tuple[RecoveryKey, BackupInfo]:
    return workspace.rekey(source)


class RekeyDialog(FittedDialog):
    def __init__(self, workspace: Workspace, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.recovery: RecoveryKey | None = None
        self.backup_path: Path | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Change the workspace key"))
        self.setWindowIcon(app_icon())
        self.pages = QStackedWidget()
        self.choose_page = self._choose_page()
        self.pages.addWidget(self.choose_page)
        self.key_page = self._recovery_page()
        self.pages.addWidget(self.key_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.pages)
        self.preferred_width = 580

    @property
    def changed(self) -> bool:
        return self.recovery is not None

    @property
    def on_key_page(self) -> bool:
        """The new key is shown (the choice page is gone for good)."""
        return self.pages.currentWidget() is self.key_page

    # --- page 1: the new key ---------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        if self.workspace.opened_with == "passphrase":
            now = self.tr("It opens with a passphrase now.")
        elif self.workspace.opened_with == "keychain":
            now = self.tr("Its key is kept in this computer's keychain now.")
        else:
            now = self.tr("It was opened with its recovery key.")
        self.now_label = hint(now)

        self.key_choice = KeyModeChoice(
            KeyModeTexts(
                keychain=self.tr("A new key in this computer's &keychain"),
                keychain_name=self.tr("New keychain key"),
                keychain_note=self.tr(
                    "A new random key, kept in your account's keychain: the workspace opens "
                    "without a password while you are signed in."
                ),
                passphrase=self.tr("A new &passphrase"),
                passphrase_name=self.tr("New passphrase"),
                passphrase_note=self.tr(
                    "You type it each time you open the workspace; only the new recovery key can "
                    "replace it."
                ),
                passphrase_field=self.tr("New passphrase"),
                confirm_field=self.tr("New passphrase again"),
            ),
            prefer_passphrase=self.workspace.opened_with == "passphrase",
        )
        # Its parts, under the names the rest of the dialog (and its tests) use.
        self.keychain_radio = self.key_choice.keychain_radio
        self.keychain_note = self.key_choice.keychain_note
        self.passphrase_radio = self.key_choice.passphrase_radio
        self.passphrase_form = self.key_choice.passphrase_form
        self.passphrase_edit = self.passphrase_form.passphrase_edit
        self.passphrase_error = self.passphrase_form.passphrase_error
        self.confirm_edit = self.passphrase_form.confirm_edit
        self.confirm_error = self.passphrase_form.confirm_error

        self.what_happens = hint(
            self.tr(
                "A verified backup with the current key is written first. Then the workspace is "
                "re-encrypted; if anything stops it half-way, the workspace still opens with "
                "exactly one of the two keys. Afterwards the current recovery key no longer "
                "opens it (only older backups), and you get a new one."
            )
        )
        self.error_banner = Banner("", "warning")
        self.error_banner.hide()
        self.busy_label = hint("")
        self.change_button = QPushButton(self.tr("C&hange key"))
        make_primary(self.change_button)
        self.change_button.clicked.connect(self.change_key)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.change_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading(self.tr("Change the workspace key"), "title"))
        layout.addWidget(self.now_label)
        layout.addSpacing(6)
        layout.addWidget(heading(self.tr("The new key")))
        layout.addWidget(self.key_choice)
        layout.addSpacing(6)
        layout.addWidget(self.what_happens)
        layout.addWidget(self.error_banner)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def change_key(self) -> None:
        if self._busy:
            return
        source = self.key_choice.key_source()
        if source is None:
            return
        self.error_banner.hide()
        self._set_busy(True)
        self.runner.submit(
            _rekey, self.workspace, source, description="change key",
            on_result=self._changed, on_error=self._failed,
        )  # fmt: skip

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_label.setText(
            self.tr("Writing a backup and re-encrypting the workspace…") if busy else ""
        )
        for widget in (self.change_button, self.cancel_button):
            widget.setEnabled(not busy)
        self.key_choice.set_busy(busy)

    def _changed(self, result: tuple[RecoveryKey, BackupInfo]) -> None:
        self._set_busy(False)
        self.recovery, backup = result
        self.backup_path = backup.path
        self.passphrase_form.clear()
        self.recovery_panel.set_key(self.recovery, self.workspace.path)
        self.backup_label.setText(
            self.tr("The backup with the old key: {path}").format(path=str(backup.path))
        )
        self.pages.setCurrentWidget(self.key_page)
        # There is no way back to the choice: without it the stack (and the dialog) takes the
        # key page's height instead of the taller choice page's.
        self.pages.removeWidget(self.choose_page)
        self.choose_page.hide()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = self.layout()
        if layout is not None:
            layout.activate()
            self.resize(self.width(), layout.totalHeightForWidth(self.width()))
        fit_height(self)
        self.recovery_panel.copy_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, DpiaDeskError):
            text = error.message + (f" {error.hint}" if error.hint else "")
            self.error_banner.set_text(text)
            self.error_banner.show()
            fit_height(self)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # --- page 2: the new recovery key ------------------------------------------------------

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        self.recovery_panel = RecoveryKeyPanel(
            self.tr(
                "The workspace now has a new key. This is its new recovery key: it is shown "
                "only now. Copy it or save it as a PDF and keep it somewhere safe; the old one "
                "opens only backups from before this change."
            )
        )
        self.backup_label = hint("")
        self.backup_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_button = QPushButton(self.tr("&Done"))
        make_primary(self.done_button)
        self.done_button.setEnabled(False)
        self.recovery_panel.stored.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.recovery_panel.stored_check, 1)
        bottom.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Your new recovery key"), "title"))
        layout.addWidget(self.recovery_panel)
        layout.addWidget(self.backup_label)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return page

    # --- closing ---------------------------------------------------------------------------

    def accept(self) -> None:
        if self.on_key_page and not (self.recovery_panel.stored_check.isChecked()):
            self.recovery_panel.remind()
            return
        super().accept()

    def reject(self) -> None:
        if self._busy:
            return
        if self.on_key_page:
            # The key changed already; the new recovery key is shown only once.
            self.accept()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy or (self.on_key_page and not self.recovery_panel.stored_check.isChecked()):
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
