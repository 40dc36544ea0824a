"""The navigation side bar: a list view over a small model of the registered pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from dpia_desk.ui.icons import icon
from dpia_desk.ui.pages import PageSpec

PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class NavigationModel(QAbstractListModel):
    def __init__(self, specs: list[PageSpec], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._specs = list(specs)
        self._icons = [icon(spec.icon) for spec in self._specs]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._specs)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._specs):
            return None
        spec = self._specs[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return spec.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{page} (Ctrl+{number})").format(page=spec.title, number=index.row() + 1)
        if role == PAGE_KEY_ROLE:
            return spec.key
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def row_of(self, key: str) -> int:
        for row, spec in enumerate(self._specs):
            if spec.key == key:
                return row
        return -1

    def spec(self, row: int) -> PageSpec:
        return self._specs[row]


class NavigationBar(QListView):
    """Emits ``page_selected(row)`` when the user moves to another entry (mouse or arrows)."""

    page_selected = Signal(int)

    def __init__(self, model: NavigationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(self.tr("Navigation"))
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIconSize(QSize(20, 20))
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        selection = self.selectionModel()
        selection.currentRowChanged.connect(self._on_current_changed)
        self._fit_width(model)

    def _fit_width(self, model: NavigationModel) -> None:
        metrics = self.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(str(model.index(r).data()))
                for r in range(model.rowCount())
            ),
            default=80,
        )
        # icon + gaps + item padding and margins (app.qss) + a little air
        self.setFixedWidth(max(180, widest + 20 + 8 + 24 + 16 + 24))

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.page_selected.emit(current.row())
