"""The recovery key, shown once: the key, "Copy", "Save as PDF", and "I have stored it".

Shared by the first-run dialog (a new workspace) and the change-key dialog (a new key). Copying
goes through :func:`dpia_desk.ui.clipboard.copy_sensitive`, so the clipboard is cleared again
after a short while if it still holds the key.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.store import RecoveryKey
from dpia_desk.ui.clipboard import clear_delay_ms, copy_sensitive
from dpia_desk.ui.icons import icon
from dpia_desk.ui.widgets import hint


def two_lines(key: RecoveryKey) -> str:
    """The key's groups in two lines (readable, and it fits a dialog)."""
    groups = key.text().split("-")
    half = (len(groups) + 1) // 2
    return "-".join(groups[:half]) + "\n" + "-".join(groups[half:])


class RecoveryKeyPanel(QWidget):
    """``set_key(key, workspace_path)`` shows a key; :attr:`stored` says when the user ticked
    "I have stored the recovery key" (the dialogs keep their "Continue" disabled until then)."""

    stored = Signal(bool)

    def __init__(self, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery: RecoveryKey | None = None
        self.workspace_path: Path | None = None
        self.intro = hint(intro)
        self.key_label = QLabel()
        self.key_label.setProperty("role", "secret")
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the recovery key"))
        self.copy_button.clicked.connect(self.copy_key)
        self.pdf_button = QPushButton(icon("save_pdf"), self.tr("Save as &PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Save the recovery key as a PDF"))
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.feedback = hint("")
        self.stored_check = QCheckBox(self.tr("I have &stored the recovery key in a safe place"))
        self.stored_check.toggled.connect(self.stored)

        tools = QHBoxLayout()
        tools.addWidget(self.copy_button)
        tools.addWidget(self.pdf_button)
        tools.addWidget(self.feedback, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addWidget(self.key_label)
        layout.addLayout(tools)
        self.advice = hint(
            self.tr(
                "Keep it apart from the workspace file: in your organisation's password manager, "
                "or printed and locked away. Anyone who has both can read everything in it; "
                "without the key, the passphrase or the keychain entry, nobody can, not even "
                "the makers of dpia_desk."
            )
        )
        layout.addWidget(self.advice)

    def set_key(self, key: RecoveryKey, workspace_path: Path) -> None:
        self.recovery = key
        self.workspace_path = workspace_path
        self.key_label.setText(two_lines(key))
        self.stored_check.setChecked(False)
        self.feedback.setText("")

    def copy_key(self) -> None:
        if self.recovery is None:
            return
        copy_sensitive(self.recovery.text())
        seconds = max(1, round(clear_delay_ms() / 1000))
        self.feedback.setText(
            self.tr(
                "Copied. Paste it into your password manager; the clipboard is cleared after "
                "{seconds} s."
            ).format(seconds=seconds)
        )

    def choose_pdf(self) -> None:
        start = Path.home() / "dpia_desk-recovery-key.pdf"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery key"), str(start), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            target = Path(chosen)
            self.save_pdf(target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf"))

    def save_pdf(self, target: Path) -> None:
        if self.recovery is None or self.workspace_path is None:
            return
        from dpia_desk.ui.recovery_pdf import write_recovery_key_pdf

        try:
            write_recovery_key_pdf(target, self.recovery.text(), self.workspace_path)
        except OSError as error:
            self.feedback.setText(
                self.tr("Could not save: {reason}").format(reason=error.strerror or str(error))
            )
            return
        self.feedback.setText(
            self.tr("Saved to {path}. Print it, then delete the file.").format(path=target.name)
        )

    def remind(self) -> None:
        """The user tried to leave before confirming."""
        self.feedback.setText(self.tr("Store the recovery key first, then tick the box."))
