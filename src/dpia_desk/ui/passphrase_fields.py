"""A new passphrase, typed twice: the first run and Change key ask for it the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from dpia_desk.ui.widgets import FieldError

#: The shortest passphrase accepted for a new workspace key.
MIN_PASSPHRASE = 8


class PassphraseFields(QWidget):
    """ "Passphrase" and "Again" with an inline error under each, indented under the radio
    button that chooses a passphrase.

    :meth:`checked_passphrase` shows what is wrong (too short, the two differ) under the field at
    fault and puts the focus there; typing in either field clears both errors.
    """

    def __init__(
        self, passphrase_name: str, confirm_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(passphrase_name)
        self.passphrase_error = FieldError(self.passphrase_edit)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(confirm_name)
        self.confirm_error = FieldError(self.confirm_edit)
        form = QFormLayout(self)
        form.setContentsMargins(26, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Pa&ssphrase:"), self.passphrase_edit)
        form.addRow("", self.passphrase_error)
        form.addRow(self.tr("&Again:"), self.confirm_edit)
        form.addRow("", self.confirm_error)
        for edit in (self.passphrase_edit, self.confirm_edit):
            edit.textChanged.connect(self.clear_errors)

    def clear_errors(self) -> None:
        self.passphrase_error.clear_error()
        self.confirm_error.clear_error()

    def clear(self) -> None:
        """Forgets what was typed (once it has been used)."""
        self.passphrase_edit.clear()
        self.confirm_edit.clear()

    def checked_passphrase(self) -> str | None:
        """The passphrase when it is long enough and typed the same twice, else None (with the
        reason shown under the field at fault, which gets the focus)."""
        first = self.passphrase_edit.text()
        if len(first) < MIN_PASSPHRASE:
            self.passphrase_error.show_error(
                self.tr(
                    "Use at least {count} characters; a few words make a good passphrase."
                ).format(count=MIN_PASSPHRASE)
            )
            self.passphrase_edit.setFocus()
            return None
        if self.confirm_edit.text() != first:
            self.confirm_error.show_error(self.tr("The two passphrases differ; type it again."))
            self.confirm_edit.selectAll()
            self.confirm_edit.setFocus()
            return None
        return first
