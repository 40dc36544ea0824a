"""Confirm erasing a vendor or an assessment: what goes (the store's erasure plan, in words) and,
for a vendor, the vendor's name typed out, so a slip of the mouse erases nothing."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.widgets import FittedDialog, beside_symbol, heading, hint


def _same_name(typed: str, name: str) -> bool:
    """Typed as shown, give or take spaces and letter case (and Unicode composition)."""

    def fold(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).casefold().split())

    return bool(typed.strip()) and fold(typed) == fold(name)


class EraseDialog(FittedDialog):
    """``EraseDialog("vendor", name, plan_text)`` asks for the name; ``"assessment"`` does not."""

    def __init__(self, kind: str, name: str, plan_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.name = name
        if kind == "vendor":
            self.setWindowTitle(self.tr("Delete vendor"))
            title = self.tr("Delete the vendor “{name}” and everything it holds?").format(name=name)
        else:
            self.setWindowTitle(self.tr("Delete assessment"))
            title = self.tr("Delete the assessment “{name}”?").format(name=name)
        self.title_label = heading(title)
        self.plan_label = hint(plan_text)
        self.plan_label.setAccessibleName(self.tr("What is deleted"))
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("The vendor's name, to confirm"))
        self.name_edit.setPlaceholderText(name)
        self.name_prompt = QLabel(
            self.tr("To confirm, type the vendor's name (“{name}”):").format(name=name)
        )
        self.name_prompt.setWordWrap(True)
        self.name_prompt.setBuddy(self.name_edit)
        needs_name = kind == "vendor"
        self.name_prompt.setVisible(needs_name)
        self.name_edit.setVisible(needs_name)

        self.delete_button = QPushButton(self.tr("&Delete for good"))
        self.delete_button.setAccessibleName(self.tr("Delete for good"))
        self.delete_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setDefault(True)  # Enter keeps the data
        self.cancel_button.clicked.connect(self.reject)
        self.name_edit.textChanged.connect(self._sync)

        top = beside_symbol("warning", self.title_label, self.plan_label, spacing=8)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.name_prompt)
        layout.addWidget(self.name_edit)
        layout.addLayout(buttons)
        self.preferred_width = 540
        self.shrink_to_fit = True
        self._sync()
        if needs_name:
            self.name_edit.setFocus()
        else:
            self.cancel_button.setFocus()

    @property
    def confirmed(self) -> bool:
        return self.kind != "vendor" or _same_name(self.name_edit.text(), self.name)

    def _sync(self) -> None:
        self.delete_button.setEnabled(self.confirmed)

    def accept(self) -> None:
        if self.confirmed:
            super().accept()
