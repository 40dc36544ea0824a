"""Read-only table models over a short list of frozen rows (lists of a few hundred entries).

:class:`FrozenRowsModel` holds the rows and answers everything but the cells;
:class:`RowsTableModel` answers the cells from a :class:`ColumnSpec` per column. For long lists
use a lazy model like :class:`~dpia_desk.ui.models.vendor_table.VendorTableModel` instead; these
hold every row they are given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

AnyIndex = QModelIndex | QPersistentModelIndex

#: ``index.data(ROW_ROLE)``: the row object itself.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ColumnSpec:
    title: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str | None] | None = None
    align_right: bool = False
    #: A colour role for rows that need attention (e.g. overdue actions); None for normal text.
    foreground: Callable[[Any], QBrush | None] | None = None


class FrozenRowsModel(QAbstractTableModel):
    """The rows, held in memory, one column per title in :attr:`headers`, read-only and
    selectable; subclasses answer :meth:`data`."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class RowsTableModel(FrozenRowsModel):
    def __init__(self, columns: Sequence[ColumnSpec], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self.headers = tuple(column.title for column in self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        if role == ROW_ROLE:
            return row
        return None
