"""Unlock a workspace with its passphrase or its recovery key.

A wrong passphrase or a mistyped recovery key is answered inside the dialog (the field is
selected for another try); any other store error ends the dialog with :attr:`UnlockDialog.error`
set, and the opening flow shows the matching error dialog. Opening runs on the work runner (the
passphrase KDF takes a noticeable moment). After opening with the recovery key, the key can be
kept in this computer's keychain so the next start needs nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.errors import DpiaDeskError
from dpia_desk.store import Passphrase, RecoveryKey, Workspace, WrongKeyError
from dpia_desk.store.errors import InvalidPassphraseError, InvalidRecoveryKeyError
from dpia_desk.ui.icons import app_icon, icon
from dpia_desk.ui.widgets import Banner, FieldError, FittedDialog, heading, hint, make_primary
from dpia_desk.ui.workers import Runner, WorkContext

UnlockMode = Literal["passphrase", "recovery"]

#: ``exec()`` result when a store error other than a wrong key ended the dialog.
ERROR_RESULT = 2


def _open(
    _work: WorkContext, path: Path, source: Passphrase | RecoveryKey, remember: bool
) -> Workspace:
    workspace = Workspace.open(path, source)
    if remember:
        try:
            workspace.store_key_in_keychain()
        except BaseException:
            workspace.close()
            raise
    return workspace


class UnlockDialog(FittedDialog):
    def __init__(
        self,
        path: Path,
        runner: Runner,
        mode: UnlockMode = "passphrase",
        message: str | None = None,
        *,
        keychain_available: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.runner = runner
        self.workspace: Workspace | None = None
        self.error: DpiaDeskError | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Unlock workspace"))
        self.setWindowIcon(app_icon())

        self.banner = Banner(message or "", "info")
        self.banner.setVisible(bool(message))

        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_error = FieldError(self.passphrase_edit)
        self.show_check = QCheckBox(self.tr("S&how"))
        self.show_check.setAccessibleName(self.tr("Show the passphrase"))
        self.show_check.toggled.connect(
            lambda on: self.passphrase_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        passphrase_page = QWidget()
        form = QFormLayout(passphrase_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        row = QHBoxLayout()
        row.addWidget(self.passphrase_edit, 1)
        row.addWidget(self.show_check)
        passphrase_label = QLabel(self.tr("&Passphrase:"))
        passphrase_label.setBuddy(self.passphrase_edit)
        form.addRow(passphrase_label, row)
        form.addRow("", self.passphrase_error)

        self.recovery_edit = QLineEdit()
        self.recovery_edit.setAccessibleName(self.tr("Recovery key"))
        self.recovery_edit.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.recovery_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recovery_error = FieldError(self.recovery_edit)
        self.remember_check = QCheckBox(self.tr("&Remember it in this computer's keychain"))
        self.remember_check.setChecked(keychain_available)
        self.remember_check.setVisible(keychain_available)
        recovery_page = QWidget()
        recovery_form = QFormLayout(recovery_page)
        recovery_form.setContentsMargins(0, 0, 0, 0)
        recovery_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        recovery_form.addRow(self.tr("Recovery &key:"), self.recovery_edit)
        recovery_form.addRow("", self.recovery_error)
        recovery_form.addRow(self.remember_check)

        self.modes = QStackedWidget()
        self.modes.addWidget(passphrase_page)
        self.modes.addWidget(recovery_page)

        self.switch_button = QPushButton()
        self.switch_button.setFlat(True)
        self.switch_button.setIcon(icon("key"))
        self.switch_button.clicked.connect(self._switch)

        self.busy_label = hint("")
        self.unlock_button = QPushButton(icon("unlock"), self.tr("&Unlock"))
        make_primary(self.unlock_button)
        self.unlock_button.clicked.connect(self.unlock)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.clicked.connect(self.reject)

        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_label, 1)
        bottom.addWidget(self.quit_button)
        bottom.addWidget(self.unlock_button)

        title = heading(self.tr("Unlock “{name}”").format(name=path.stem), "title")
        where = hint(str(path))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        switch_row = QHBoxLayout()
        switch_row.addWidget(self.switch_button)
        switch_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addWidget(self.banner)
        layout.addWidget(self.modes)
        layout.addLayout(switch_row)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.preferred_width = 520
        self.set_mode(mode)
        self.passphrase_edit.textChanged.connect(lambda _t: self.passphrase_error.clear_error())
        self.recovery_edit.textChanged.connect(lambda _t: self.recovery_error.clear_error())

    @property
    def mode(self) -> UnlockMode:
        return "recovery" if self.modes.currentIndex() == 1 else "passphrase"

    def set_mode(self, mode: UnlockMode) -> None:
        self.modes.setCurrentIndex(1 if mode == "recovery" else 0)
        if mode == "recovery":
            self.switch_button.setText(self.tr("Use the &passphrase instead"))
            self.recovery_edit.setFocus()
        else:
            self.switch_button.setText(self.tr("Use the recovery &key instead"))
            self.passphrase_edit.setFocus()

    def _switch(self) -> None:
        self.set_mode("passphrase" if self.mode == "recovery" else "recovery")

    def unlock(self) -> None:
        if self._busy:
            return
        source: Passphrase | RecoveryKey
        try:
            if self.mode == "recovery":
                source = RecoveryKey.parse(self.recovery_edit.text())
            else:
                source = Passphrase(self.passphrase_edit.text())
                source.normalized()
        except InvalidRecoveryKeyError as error:
            self._field_problem(self.recovery_error, self.recovery_edit, error)
            return
        except InvalidPassphraseError as error:
            self._field_problem(self.passphrase_error, self.passphrase_edit, error)
            return
        remember = self.mode == "recovery" and self.remember_check.isChecked()
        self._set_busy(True)
        self.runner.submit(
            _open, self.path, source, remember,
            description="unlock workspace", on_result=self._opened, on_error=self._failed,
        )  # fmt: skip

    def _field_problem(
        self, error_label: FieldError, edit: QLineEdit, error: DpiaDeskError
    ) -> None:
        error_label.show_error(error.message + (f" {error.hint}" if error.hint else ""))
        edit.selectAll()
        edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_label.setText(self.tr("Unlocking…") if busy else "")
        for widget in (self.modes, self.switch_button, self.unlock_button, self.quit_button):
            widget.setEnabled(not busy)

    def _opened(self, workspace: Workspace) -> None:
        self._set_busy(False)
        self.workspace = workspace
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, WrongKeyError):
            if self.mode == "recovery":
                message = self.tr(
                    "This recovery key does not open this workspace. Check that it belongs to "
                    "this file."
                )
                self.recovery_error.show_error(message)
                self.recovery_edit.selectAll()
                self.recovery_edit.setFocus()
            else:
                message = self.tr(
                    "This passphrase does not open the workspace. It is case-sensitive; try "
                    "again, or use the recovery key."
                )
                self.passphrase_error.show_error(message)
                self.passphrase_edit.selectAll()
                self.passphrase_edit.setFocus()
            return
        if isinstance(error, DpiaDeskError):
            self.error = error
            self.done(ERROR_RESULT)
            return
        sys.excepthook(type(error), error, error.__traceback__)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
