"""After an export: where the file went, and buttons to open it or show it in its folder."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from dpia_desk.ui.widgets import FittedDialog, beside_symbol, heading, hint, make_primary


def open_file(path: Path) -> bool:
    """Opens the file in the application the system uses for its type."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def show_in_folder(path: Path) -> bool:
    """Shows the file selected in the system's file manager where it can (Windows, macOS);
    elsewhere opens its folder."""
    if sys.platform == "win32":
        return bool(QProcess.startDetached("explorer.exe", [f"/select,{path}"]))
    if sys.platform == "darwin":
        return bool(QProcess.startDetached("open", ["-R", str(path)]))
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))


class ExportDoneDialog(FittedDialog):
    def __init__(self, path: Path, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Export finished"))

        self.name_label = heading(path.name)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setAccessibleName(self.tr("File name"))
        folder = str(path.parent)
        self.folder_label = hint(
            self.tr("Saved in {folder} ({size}).").format(
                folder=folder, size=QLocale().formattedDataSize(size)
            )
        )
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(self.tr("Where the file was saved"))
        self.feedback = hint("")
        self.feedback.hide()

        self.open_button = QPushButton(self.tr("&Open file"))
        self.open_button.setAccessibleName(self.tr("Open the exported file"))
        make_primary(self.open_button)
        self.open_button.clicked.connect(self._open)
        self.folder_button = QPushButton(self.tr("Show in &folder"))
        self.folder_button.setAccessibleName(self.tr("Show the file in its folder"))
        self.folder_button.clicked.connect(self._show_folder)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)

        top = beside_symbol("export", self.name_label, self.folder_label, self.feedback, spacing=6)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(18)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.preferred_width = 520
        self.shrink_to_fit = True

    def _open(self) -> None:
        if open_file(self.path):
            self.accept()
        else:
            self._cannot(self.tr("No application opens this kind of file here."))

    def _show_folder(self) -> None:
        if show_in_folder(self.path):
            self.accept()
        else:
            self._cannot(self.tr("The folder could not be shown."))

    def _cannot(self, text: str) -> None:
        self.feedback.setText(text)
        self.feedback.show()
