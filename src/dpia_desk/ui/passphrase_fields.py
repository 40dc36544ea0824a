"""How a new key is kept (the keychain or a passphrase typed twice): the first run and Change
key ask for it the same way."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.store import KeychainKey, NoSecureKeychainError, Passphrase
from dpia_desk.store.keys import secure_keyring
from dpia_desk.ui.widgets import FieldError, hint, indented

#: The shortest passphrase accepted for a new workspace key.
MIN_PASSPHRASE = 8


def keychain_problem() -> str | None:
    """Why the keychain cannot be used here, or None when a secure one is available."""
    try:
        secure_keyring()
    except NoSecureKeychainError as error:
        return error.detail
    return None


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


@dataclass(frozen=True)
class KeyModeTexts:
    """What a dialog calls the two choices (already translated)."""

    keychain: str  # the radio button, with its Alt+letter
    keychain_name: str  # its accessible name
    keychain_note: str  # the sentence under it while a secure keychain exists
    passphrase: str
    passphrase_name: str
    passphrase_note: str
    passphrase_field: str  # accessible names of the two fields
    confirm_field: str


class KeyModeChoice(QWidget):
    """The keychain or a passphrase, each with its sentence, and the passphrase fields under
    them (enabled with their radio button). Without a secure keychain its radio button is
    disabled, says why, and the passphrase is chosen."""

    def __init__(
        self, texts: KeyModeTexts, *, prefer_passphrase: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        problem = keychain_problem()
        self.keychain_radio = QRadioButton(texts.keychain)
        self.keychain_radio.setAccessibleName(texts.keychain_name)
        self.keychain_note = hint(
            texts.keychain_note
            if problem is None
            else self.tr(
                "Not available: no secure keychain was found on this computer ({reason})."
            ).format(reason=problem)
        )
        self.passphrase_radio = QRadioButton(texts.passphrase)
        self.passphrase_radio.setAccessibleName(texts.passphrase_name)
        self.passphrase_note = hint(texts.passphrase_note)
        self.group = QButtonGroup(self)
        self.group.addButton(self.keychain_radio)
        self.group.addButton(self.passphrase_radio)
        self.passphrase_form = PassphraseFields(texts.passphrase_field, texts.confirm_field)
        if problem is not None:
            self.keychain_radio.setEnabled(False)
            self.passphrase_radio.setChecked(True)
        elif prefer_passphrase:
            self.passphrase_radio.setChecked(True)
        else:
            self.keychain_radio.setChecked(True)
        self.passphrase_radio.toggled.connect(self.sync)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.keychain_radio)
        layout.addWidget(indented(self.keychain_note))
        layout.addWidget(self.passphrase_radio)
        layout.addWidget(indented(self.passphrase_note))
        layout.addWidget(self.passphrase_form)
        self.sync()

    def sync(self) -> None:
        """The passphrase fields follow their radio button (and get the focus with it)."""
        self.passphrase_form.setEnabled(self.passphrase_radio.isChecked() and self.isEnabled())
        if self.passphrase_radio.isChecked():
            self.passphrase_form.passphrase_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        """Everything off while the key is used; afterwards the keychain choice again only if a
        secure keychain is (still) there."""
        self.setEnabled(not busy)
        if not busy:
            self.keychain_radio.setEnabled(keychain_problem() is None)
            self.sync()

    def key_source(self) -> KeychainKey | Passphrase | None:
        """The chosen key, or None while the passphrase is refused (the reason shows under it)."""
        if self.keychain_radio.isChecked():
            return KeychainKey()
        passphrase = self.passphrase_form.checked_passphrase()
        return None if passphrase is None else Passphrase(passphrase)
