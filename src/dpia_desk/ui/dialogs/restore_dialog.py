"""Restore from a backup: the backups of this workspace with their dates and sizes, where to
restore (over this workspace, after closing it, or into a new file), and what that means."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.icons import app_icon
from dpia_desk.ui.labels import format_datetime
from dpia_desk.ui.widgets import FittedDialog, heading, hint, make_primary

#: lupdate extracts translate("Context", "literal") calls; keep both arguments literal.
translate = QCoreApplication.translate

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    modified: datetime
    size: int
    kind: str


def backup_kind(path: Path) -> str:
    """Why a backup was written, from its name (see ``dpia_desk.store.backup.backup_name``)."""
    name = path.stem
    if name.endswith("-automatic"):
        return translate("RestoreDialog", "Automatic")
    if name.endswith("-before-rekey"):
        return translate("RestoreDialog", "Before a key change")
    if name.endswith("-before-restore"):
        return translate("RestoreDialog", "Before a restore")
    if name.endswith("-before-import"):
        return translate("RestoreDialog", "Before an import")
    if re.search(r"-before-schema-[^-]+$", name):
        return translate("RestoreDialog", "Before an upgrade")
    return translate("RestoreDialog", "Backup")


def describe_backups(paths: list[Path]) -> list[BackupEntry]:
    entries = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        modified = datetime.fromtimestamp(stat.st_mtime, UTC)
        entries.append(BackupEntry(path, modified, stat.st_size, backup_kind(path)))
    return entries


class RestoreDialog(FittedDialog):
    """After ``exec()``: :attr:`chosen` (the backup) and :attr:`into_new_file`."""

    def __init__(self, workspace: Path, backups: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setWindowIcon(app_icon())

        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Backups of this workspace"))
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [self.tr("Written"), self.tr("Kind"), self.tr("Size"), self.tr("File")]
        )
        header = self.table.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for entry in describe_backups(backups):
            self._add(entry)
        self.empty_note = hint(
            self.tr(
                "No backup of this workspace was found in the backup folder. Choose a backup "
                "file with “Other file…”."
            )
        )
        self.empty_note.setVisible(not backups)
        self.other_button = QPushButton(self.tr("&Other file…"))
        self.other_button.clicked.connect(self.choose_other)

        self.replace_radio = QRadioButton(self.tr("&Replace this workspace with the backup"))
        self.new_radio = QRadioButton(self.tr("Restore into a &new workspace file"))
        group = QButtonGroup(self)
        group.addButton(self.replace_radio)
        group.addButton(self.new_radio)
        self.replace_radio.setChecked(True)
        self.consequence = hint("")
        self.consequence.setProperty("role", "hint")

        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("Re&store…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        make_primary(self.restore_button)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        self.table.currentItemChanged.connect(lambda *_args: self._explain())
        self.replace_radio.toggled.connect(lambda _on: self._explain())

        tools = QHBoxLayout()
        tools.addWidget(self.other_button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Restore from a backup"), "title"))
        layout.addWidget(
            hint(
                self.tr(
                    "Backups are encrypted copies of this workspace, newest first. A backup is "
                    "checked before anything is replaced."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)
        layout.addLayout(tools)
        layout.addWidget(self.replace_radio)
        layout.addWidget(self.new_radio)
        layout.addWidget(self.consequence)
        layout.addWidget(self.buttons)
        self.preferred_width = 680
        self.resize(680, 520)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)
        self._explain()

    def _add(self, entry: BackupEntry, *, first: bool = False) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                format_datetime(entry.modified),
                entry.kind,
                QLocale().formattedDataSize(entry.size),
                entry.path.name,
            ]
        )
        item.setData(0, PATH_ROLE, str(entry.path))
        # The row height of the app's other tables (a line of text and some air).
        metrics = self.fontMetrics()
        for column in range(4):
            width = metrics.horizontalAdvance(item.text(column)) + 16
            item.setSizeHint(column, QSize(width, metrics.height() + 12))
        item.setToolTip(3, str(entry.path))
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if first:
            self.table.insertTopLevelItem(0, item)
        else:
            self.table.addTopLevelItem(item)
        return item

    @property
    def into_new_file(self) -> bool:
        return self.new_radio.isChecked()

    def selected(self) -> Path | None:
        item = self.table.currentItem()
        value = item.data(0, PATH_ROLE) if item is not None else None
        return Path(value) if isinstance(value, str) else None

    def select_file(self, path: Path) -> None:
        """Adds a backup chosen elsewhere and selects it."""
        entries = describe_backups([path])
        if not entries:
            return
        item = self._add(entries[0], first=True)
        self.table.setCurrentItem(item)
        self.empty_note.hide()

    def choose_other(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(self.workspace.parent),
            self.tr("dpia_desk workspaces (*.dpia);;All files (*)"),
        )
        if chosen:
            self.select_file(Path(chosen))

    def _explain(self) -> None:
        backup = self.selected()
        self.restore_button.setEnabled(backup is not None)
        if backup is None:
            self.consequence.setText("")
            return
        item = self.table.currentItem()
        when = item.text(0) if item is not None else ""
        if self.into_new_file:
            text = self.tr(
                "You choose a new file; the backup of {when} is checked and copied there, and "
                "you can open it afterwards. This workspace stays as it is."
            ).format(when=when)
        else:
            text = self.tr(
                "“{name}” is closed and replaced by the backup of {when}. Changes made after "
                "that are not in the backup. What the workspace holds now is first copied to the "
                "backup folder, so this step can be undone."
            ).format(name=self.workspace.stem, when=when)
        self.consequence.setText(text)

    def _accept(self) -> None:
        self.chosen = self.selected()
        if self.chosen is not None:
            self.accept()
