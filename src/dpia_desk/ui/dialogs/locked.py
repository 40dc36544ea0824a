"""Shown while the workspace is locked: nothing of it is on screen or in memory until unlocked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dpia_desk.ui.icons import app_icon, icon
from dpia_desk.ui.widgets import FittedDialog, heading, hint, make_primary


class LockedDialog(FittedDialog):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("dpia_desk is locked"))
        self.setWindowIcon(app_icon())
        symbol = QLabel()
        symbol.setPixmap(icon("lock").pixmap(40, 40))
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(heading(self.tr("The workspace is locked"), "title"))
        text.addWidget(
            hint(
                self.tr(
                    "“{name}” was closed and its key removed from memory. Unlock it to carry on "
                    "where you were."
                ).format(name=path.stem)
            )
        )
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(symbol)
        top.addLayout(text, 1)
        self.unlock_button = QPushButton(icon("unlock"), self.tr("&Unlock"))
        make_primary(self.unlock_button)
        self.unlock_button.clicked.connect(self.accept)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.preferred_width = 460
