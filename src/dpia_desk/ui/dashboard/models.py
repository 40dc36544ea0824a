"""Table models of the dashboard: short lists of frozen rows described by their fields.

:class:`RecordTableModel` (a :class:`~dpia_desk.ui.models.rows.FrozenRowsModel`) holds a few
hundred rows at most (the dashboard service limits every list) and answers each role from a
:class:`Field` per column: text, badge (``BADGE_ROLE``, for the tier and grade badges), bar
(``BAR_ROLE``, for the counts), tooltip, and whether the value needs attention (error colour
and bold: an overdue review or action, a prohibited practice).
``ROW_ROLE`` gives the row itself, so a view's activation knows what was chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from dpia_desk.ui.compare.bars import BAR_ROLE
from dpia_desk.ui.models.rows import FrozenRowsModel
from dpia_desk.ui.models.vendor_table import BADGE_ROLE, PROVISIONAL_ROLE
from dpia_desk.ui.theme import current_theme

AnyIndex = QModelIndex | QPersistentModelIndex

#: ``index.data(ROW_ROLE)``: the row object itself.
ROW_ROLE = Qt.ItemDataRole.UserRole + 30

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Field:
    title: str
    text: Callable[[Any], str]
    badge: Callable[[Any], str | None] | None = None
    bar: Callable[[Any], float | None] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    attention: Callable[[Any], bool] | None = None
    align_right: bool = False
    #: A badge from an unfinished form (drawn with a dashed outline, as in the vendor table).
    provisional: Callable[[Any], bool] | None = None


class RecordTableModel(FrozenRowsModel):
    def __init__(self, fields: Sequence[Field], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self.headers = tuple(field.title for field in self._fields)

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._fields):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._fields[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole and self._fields[section].align_right:
            return _RIGHT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < len(self._fields):
            return None
        field = self._fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return field.text(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{field.title}: {field.text(row)}"
        if role == BADGE_ROLE:
            return field.badge(row) if field.badge is not None else None
        if role == PROVISIONAL_ROLE:
            return field.provisional(row) if field.provisional is not None else False
        if role == BAR_ROLE:
            return field.bar(row) if field.bar is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return field.tooltip(row) if field.tooltip is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and field.align_right:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self._attention(field, row):
            return QBrush(current_theme().color("error"))
        if role == Qt.ItemDataRole.FontRole and self._attention(field, row):
            font = QFont()
            font.setBold(True)
            return font
        if role == ROW_ROLE:
            return row
        return None

    @staticmethod
    def _attention(field: Field, row: Any) -> bool:
        return field.attention is not None and bool(field.attention(row))
