"""The vendor registry as a lazy table model.

Nothing here holds all vendors. The model knows the number of rows matching the current filter
(one ``count`` query) and keeps a small cache of row blocks (``BLOCK_ROWS`` rows each, the
``MAX_BLOCKS`` most recently used), fetching a block with one ``LIMIT/OFFSET`` query the first
time the view paints or asks for a row in it. Scrolling through 100,000 vendors therefore touches
only the few blocks on screen, and the scroll bar has its true length from the start.

Filtering and sorting happen in SQL through the :class:`VendorSource` (never a
QSortFilterProxyModel over the whole table): :meth:`VendorTableModel.set_filter` and
:meth:`VendorTableModel.sort` reset the model with a fresh count and an empty cache.

The source is called on the thread the model lives in (the UI thread); each call is one short
indexed query (a block of rows, or a count), well under the 50 ms the UI thread may be busy.
"""

from __future__ import annotations

from collections import OrderedDict
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from dpia_desk.store import VendorRow
from dpia_desk.ui.labels import (
    format_date,
    grade_explanation,
    grade_label,
    tier_explanation,
    tier_label,
    verdict_label,
)

BLOCK_ROWS = 200
MAX_BLOCKS = 32

#: ``index.data(VENDOR_ID_ROLE)``: the vendor's id.
VENDOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: ``index.data(BADGE_ROLE)``: ``"tier:<code>"``, ``"grade:<code>"`` or ``"verdict:<code>"``
#: (code empty when not assessed) for the columns the BadgeDelegate paints.
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
#: ``index.data(SORT_KEY_ROLE)``: the source's sort key of the column.
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


class VendorSource(Protocol):
    """Where the rows come from: :class:`dpia_desk.ui.context.WorkspaceVendorSource` reads the
    workspace through ``dpia_desk.store.count_vendors`` and ``list_vendors``."""

    def count(self, filter_text: str) -> int: ...

    def fetch(
        self, filter_text: str, order_by: str, descending: bool, offset: int, limit: int
    ) -> list[VendorRow]: ...


class Column(IntEnum):
    NAME = 0
    COUNTRY = 1
    TIER = 2
    VERDICT = 3
    GRADE = 4
    FINDINGS = 5
    NEXT_REVIEW = 6


#: The source's ``order_by`` key for each column.
SORT_KEYS = {
    Column.NAME: "name",
    Column.COUNTRY: "country",
    Column.TIER: "ai_act_tier",
    Column.VERDICT: "dpia_verdict",
    Column.GRADE: "grade",
    Column.FINDINGS: "open_findings",
    Column.NEXT_REVIEW: "next_review_date",
}


class VendorTableModel(QAbstractTableModel):
    """Lazy, SQL-sorted and SQL-filtered vendor table; see the module docstring."""

    #: Emitted after every reset with the number of matching vendors.
    count_changed = Signal(int)

    def __init__(self, source: VendorSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._filter = ""
        self._sort_column = Column.NAME
        self._descending = False
        self._count = 0
        self._blocks: OrderedDict[int, list[VendorRow]] = OrderedDict()
        self.queries = 0  # blocks fetched since creation (tests and the benchmark read it)
        self._count = self._source.count(self._filter)

    # --- what the view asks ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.FINDINGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _header_text(self, column: Column) -> str:
        return {
            Column.NAME: self.tr("Vendor"),
            Column.COUNTRY: self.tr("Country"),
            Column.TIER: self.tr("AI Act tier"),
            Column.VERDICT: self.tr("DPIA"),
            Column.GRADE: self.tr("Grade"),
            Column.FINDINGS: self.tr("Findings"),
            Column.NEXT_REVIEW: self.tr("Next review"),
        }[column]

    def _header_tip(self, column: Column) -> str:
        return {
            Column.NAME: self.tr("The vendor's name"),
            Column.COUNTRY: self.tr("Country of establishment (ISO code)"),
            Column.TIER: self.tr("EU AI Act risk tier of the vendor's AI systems (highest)"),
            Column.VERDICT: self.tr("Whether a GDPR data protection impact assessment is needed"),
            Column.GRADE: self.tr("Due-diligence grade, A (best) to E"),
            Column.FINDINGS: self.tr("Open findings: problems found and not yet resolved"),
            Column.NEXT_REVIEW: self.tr("When the vendor is due for its next review"),
        }[column]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(Column):
            return None
        row = self.vendor_at(index.row())
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == VENDOR_ID_ROLE:
            return row.id
        if role == BADGE_ROLE:
            if column == Column.TIER:
                return f"tier:{row.ai_act_tier or ''}"
            if column == Column.GRADE:
                return f"grade:{row.grade or ''}"
            if column == Column.VERDICT:
                return f"verdict:{row.dpia_verdict or ''}"
            return None
        if role == SORT_KEY_ROLE:
            return SORT_KEYS[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.TIER:
                return tier_explanation(row.ai_act_tier)
            if column == Column.GRADE:
                return grade_explanation(row.grade)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.FINDINGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: VendorRow, column: Column) -> str:
        if column == Column.NAME:
            return row.name
        if column == Column.COUNTRY:
            return row.country or ""
        if column == Column.TIER:
            return tier_label(row.ai_act_tier)
        if column == Column.VERDICT:
            return verdict_label(row.dpia_verdict)
        if column == Column.GRADE:
            return grade_label(row.grade)
        if column == Column.FINDINGS:
            return "" if row.open_findings is None else str(row.open_findings)
        if row.next_review_date is None:
            return ""
        return format_date(row.next_review_date)

    # --- sorting and filtering, in SQL --------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if Column(column) == self._sort_column and descending == self._descending:
            return
        self._sort_column = Column(column)
        self._descending = descending
        self.refresh()

    def set_filter(self, text: str) -> None:
        text = " ".join(text.split())
        if text == self._filter:
            return
        self._filter = text
        self.refresh()

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def refresh(self) -> None:
        """Re-reads the count and drops the cache (after a filter, sort or data change)."""
        self.beginResetModel()
        self._blocks.clear()
        self._count = self._source.count(self._filter)
        self.endResetModel()
        self.count_changed.emit(self._count)

    def reload(self) -> None:
        """After the data changed: keeps the view's scroll position and selection when the
        number of rows is the same (an edit), resets otherwise (an addition or removal)."""
        count = self._source.count(self._filter)
        if count != self._count or count == 0:
            self.refresh()
            return
        self._blocks.clear()
        self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(Column) - 1), [])

    # --- the cache ----------------------------------------------------------------------------

    def vendor_at(self, row: int) -> VendorRow | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, BLOCK_ROWS)
        block = self._blocks.get(number)
        if block is None:
            block = self._source.fetch(
                self._filter,
                SORT_KEYS[self._sort_column],
                self._descending,
                number * BLOCK_ROWS,
                BLOCK_ROWS,
            )
            self.queries += 1
            self._blocks[number] = block
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        # The table changed under us (another window, a background job): show a blank row until
        # the next refresh rather than an index error.
        return block[offset] if offset < len(block) else None

    @property
    def cached_rows(self) -> int:
        return sum(len(block) for block in self._blocks.values())
