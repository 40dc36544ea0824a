"""Help > About dpia_desk: version, where the data lives, and the licences of what we ship.

The content comes from :mod:`dpia_desk.about` (Qt-free, shared with ``dpia-desk about``); this
module only lays it out. "Copy details" puts the same plain-text report on the clipboard, which is
what support asks for first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.about import AboutInfo, about_info, about_text
from dpia_desk.ui.icons import app_icon, icon
from dpia_desk.ui.widgets import FittedDialog, heading, hint


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(FittedDialog):
    preferred_width = 640

    def __init__(
        self,
        workspace: Path | None = None,
        parent: QWidget | None = None,
        info: AboutInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.info = info if info is not None else about_info(qVersion, workspace)
        self.setWindowTitle(self.tr("About dpia_desk"))
        self.setWindowIcon(app_icon())

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QVBoxLayout()
        title.addWidget(heading(f"dpia_desk {self.info.version}", "title"))
        title.addWidget(
            hint(
                self.tr(
                    "Due diligence of HR-tech vendors and their AI systems: EU AI Act tier, GDPR "
                    "data protection impact assessment and vendor scorecard, offline, in one "
                    "encrypted file. A working tool, not legal advice."
                )
            )
        )
        title.addWidget(hint(self.tr("Licence: {licence}").format(licence=self.info.licence)))
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(logo)
        top.addLayout(title, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("&General"))
        self.tabs.addTab(self._licences_tab(), self.tr("&Licences"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy details"))
        self.copy_button.setToolTip(self.tr("Copy versions, folders and licences as text"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(self.preferred_width, 520)

    def _general_tab(self) -> QWidget:
        info = self.info
        page = QWidget()
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Version:"), _selectable(info.version))
        form.addRow(self.tr("Python:"), _selectable(info.python))
        form.addRow(
            self.tr("Qt:"),
            _selectable(f"{info.qt or '-'} (PySide6 {info.pyside or '-'})"),
        )
        build = self.tr("packaged app") if info.frozen else self.tr("Python installation")
        form.addRow(self.tr("Platform:"), _selectable(f"{info.platform}, {build}"))
        where = info.locations
        for label, value, folder in (
            (self.tr("Workspace:"), where.workspace, Path(where.workspace).parent),
            (self.tr("Settings:"), where.settings, Path(where.settings).parent),
            (self.tr("Backups:"), where.backups, Path(where.backups)),
            (self.tr("Your own forms:"), where.user_forms, Path(where.user_forms)),
        ):
            form.addRow(label, self._path_row(value, folder))
        form.addRow(
            "",
            hint(
                self.tr(
                    "The workspace key is kept in this computer's keychain (or protected by your "
                    "passphrase); uninstalling the app leaves the workspace and its backups in "
                    "place."
                )
            ),
        )
        return page

    def _path_row(self, text: str, folder: Path) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_selectable(text), 1)
        button = QPushButton(self.tr("Open folder"))
        button.setAccessibleName(self.tr("Open the folder of {path}").format(path=text))
        button.setEnabled(folder.is_dir())
        button.clicked.connect(
            lambda _checked=False, f=folder: QDesktopServices.openUrl(QUrl.fromLocalFile(str(f)))
        )
        layout.addWidget(button)
        return row

    def _licences_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            hint(
                self.tr(
                    "dpia_desk is free software under the {licence}. It ships these fonts and "
                    "packages under their own licences:"
                ).format(licence=self.info.licence)
            )
        )
        self.licence_tree = QTreeWidget()
        self.licence_tree.setHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("Licence")]
        )
        self.licence_tree.setRootIsDecorated(True)
        self.licence_tree.setUniformRowHeights(True)
        fonts = QTreeWidgetItem([self.tr("Fonts (embedded in PDF exports)"), "", ""])
        for font in self.info.fonts:
            item = QTreeWidgetItem([font.family, "", font.licence])
            item.setToolTip(0, ", ".join(font.files))
            item.setToolTip(2, font.licence_file)
            fonts.addChild(item)
        packages = QTreeWidgetItem([self.tr("Python packages"), "", ""])
        for package in self.info.packages:
            item = QTreeWidgetItem([package.name, package.version, package.licence])
            if package.note:
                item.setToolTip(0, package.note)
                item.setToolTip(2, package.note)
            packages.addChild(item)
        self.licence_tree.addTopLevelItems([fonts, packages])
        fonts.setExpanded(True)
        packages.setExpanded(True)
        header = self.licence_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.licence_tree, 1)
        return page

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(about_text(self.info))
