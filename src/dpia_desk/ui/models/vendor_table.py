"""The vendor registry as a lazy table model.

Nothing here holds all vendors. The model keeps a small cache of row blocks (``BLOCK_ROWS`` rows
each, the ``MAX_BLOCKS`` most recently used), fetching a block with one ``LIMIT/OFFSET`` query
the first time the view paints or asks for a row in it. Scrolling through 100,000 vendors touches
only the few blocks on screen.

Filtering and sorting happen in SQL through the :class:`VendorSource` (never a
QSortFilterProxyModel over the whole table); only when typing narrows a filter whose matches all
fit in the first block are they narrowed in memory, with the store's own folding. A new filter
or sort order costs the UI thread one query, the first block; when that block is full, the exact
number of matches is counted on the work runner (off the UI thread, with its own session) and
the rows beyond the first block are inserted when the count arrives, which gives the scroll bar
its true length. Without a runner the count runs inline.

Speed matters in :meth:`VendorTableModel.data`: a repaint asks it about a thousand times. Roles
it does not answer return at once; display texts are computed once per block, not per call.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from dpia_desk.store import VendorRow
from dpia_desk.store.folding import fold_for_search
from dpia_desk.ui.labels import (
    format_date,
    grade_explanation,
    grade_label,
    tier_explanation,
    tier_label,
    verdict_label,
)
from dpia_desk.ui.theme import current_theme
from dpia_desk.ui.workers import Runner, WorkContext, WorkHandle

BLOCK_ROWS = 200
MAX_BLOCKS = 32

#: ``index.data(VENDOR_ID_ROLE)``: the vendor's id.
VENDOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: ``index.data(BADGE_ROLE)``: ``"tier:<code>"``, ``"grade:<code>"`` or ``"verdict:<code>"``
#: (code empty when not assessed) for the columns the BadgeDelegate paints.
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2
#: ``index.data(SORT_KEY_ROLE)``: the source's sort key of the column.
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 3
#: True on a tier, verdict or grade cell whose figure comes from a form with required answers
#: still missing (the badge is drawn with a dashed outline; the tooltip says why).
PROVISIONAL_ROLE = Qt.ItemDataRole.UserRole + 4

AnyIndex = QModelIndex | QPersistentModelIndex


class VendorSource(Protocol):
    """Where the rows come from: :class:`dpia_desk.ui.context.WorkspaceVendorSource` reads the
    workspace through ``dpia_desk.store.count_vendors`` and ``list_vendors``. ``count`` must be
    safe to call from the work runner's thread (it opens its own session)."""

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


COLUMN_COUNT = 7

#: The source's ``order_by`` key for each column.
SORT_KEYS = (
    "name",
    "country",
    "ai_act_tier",
    "dpia_verdict",
    "grade",
    "open_findings",
    "next_review_date",
)

# Plain ints: comparing them is several times cheaper than comparing Qt enum members.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_VENDOR_ID = int(VENDOR_ID_ROLE)
_BADGE = int(BADGE_ROLE)
_SORT_KEY = int(SORT_KEY_ROLE)
_PROVISIONAL = int(PROVISIONAL_ROLE)
_HANDLED = frozenset(
    (_DISPLAY, _TOOLTIP, _ALIGN, _ACCESSIBLE, _FOREGROUND, _VENDOR_ID, _BADGE, _SORT_KEY)
) | {_PROVISIONAL}
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_BADGE_PREFIX = {
    int(Column.TIER): "tier:",
    int(Column.VERDICT): "verdict:",
    int(Column.GRADE): "grade:",
}
_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class _Entry:
    """One cached row: the store's row and its display texts, computed once."""

    __slots__ = ("badges", "overdue", "provisional", "row", "texts")

    def __init__(self, row: VendorRow, texts: tuple[str, ...], today: date) -> None:
        self.row = row
        self.texts = texts
        self.badges = (row.ai_act_tier or "", row.dpia_verdict or "", row.grade or "")
        marked = row.provisional
        self.provisional = ("tier" in marked, "verdict" in marked, "grade" in marked)
        self.overdue = row.next_review_date is not None and row.next_review_date < today


def review_date_text(when: date | None, today: date) -> str:
    """The next review date as the table shows it; a passed one says so in words as well as in
    colour (it must read in black and white too)."""
    if when is None:
        return ""
    if when < today:
        return QCoreApplication.translate("VendorTableModel", "{date} · overdue").format(
            date=format_date(when)
        )
    return format_date(when)


def _count_job(_work: WorkContext, source: VendorSource, filter_text: str) -> int:
    return source.count(filter_text)


class VendorTableModel(QAbstractTableModel):
    """Lazy, SQL-sorted and SQL-filtered vendor table; see the module docstring."""

    #: Emitted with the exact number of matching vendors once it is known.
    count_changed = Signal(int)

    def __init__(
        self,
        source: VendorSource,
        parent: QObject | None = None,
        *,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._filter = ""
        self._sort_column = 0
        self._descending = False
        self._count = 0
        self._count_exact = False
        self._generation = 0
        self._pending: WorkHandle | None = None
        self._blocks: OrderedDict[int, list[_Entry]] = OrderedDict()
        self.queries = 0  # blocks fetched since creation (tests and the benchmark read it)
        self._labels: dict[str, dict[str | None, str]] = {}
        self._requery()

    # --- what the view asks ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == _DISPLAY:
            return self._header_text(section)
        if role == _TOOLTIP:
            return self._header_tip(section)
        if role == _ALIGN and section == Column.FINDINGS:
            return _RIGHT
        return None

    def _header_text(self, column: int) -> str:
        return (
            self.tr("Vendor"),
            self.tr("Country"),
            self.tr("AI Act tier"),
            self.tr("DPIA"),
            self.tr("Grade"),
            self.tr("Findings"),
            self.tr("Next review"),
        )[column]

    def _header_tip(self, column: int) -> str:
        return (
            self.tr("The vendor's name"),
            self.tr("Country of establishment (ISO code)"),
            self.tr("EU AI Act risk tier of the vendor's AI systems (highest)"),
            self.tr("Whether a GDPR data protection impact assessment is needed"),
            self.tr("Due-diligence grade, A (best) to E"),
            self.tr("Open findings: problems found and not yet resolved"),
            self.tr("When the vendor is due for its next review"),
        )[column]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ITEM_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _HANDLED or not index.isValid():
            return None
        column = index.column()
        entry = self._entry(index.row())
        if entry is None or not 0 <= column < COLUMN_COUNT:
            return None
        if role == _DISPLAY:
            return entry.texts[column]
        provisional = (
            _BADGE_PREFIX.get(column) is not None and (entry.provisional[column - Column.TIER])
        )
        if role == _ACCESSIBLE:
            if provisional:
                return self.tr("{value}, provisional").format(value=entry.texts[column])
            return entry.texts[column]
        if role == _PROVISIONAL:
            return provisional
        if role == _BADGE:
            prefix = _BADGE_PREFIX.get(column)
            if prefix is None:
                return None
            return prefix + entry.badges[column - Column.TIER]
        if role == _ALIGN:
            return _RIGHT if column == Column.FINDINGS else None
        if role == _VENDOR_ID:
            return entry.row.id
        if role == _SORT_KEY:
            return SORT_KEYS[column]
        if column == Column.NEXT_REVIEW:
            if role == _FOREGROUND:
                return current_theme().color("error") if entry.overdue else None
            return self._review_tip(entry.row.next_review_date)
        if role == _FOREGROUND:
            return None
        tip = None
        if column == Column.TIER:
            tip = tier_explanation(entry.row.ai_act_tier)
        elif column == Column.GRADE:
            tip = grade_explanation(entry.row.grade)
        if provisional:
            note = self.tr(
                "Provisional: the form it comes from still has required questions unanswered."
            )
            tip = f"{tip}\n{note}" if tip else note
        return tip

    def _review_tip(self, when: date | None) -> str | None:
        if when is None:
            return self.tr("No review planned")
        days = (when - date.today()).days
        if days < 0:
            return self.tr("Review overdue by %n day(s)", "", -days)
        if days == 0:
            return self.tr("Review due today")
        return self.tr("Review due in %n day(s)", "", days)

    def _texts(self, row: VendorRow, today: date) -> tuple[str, ...]:
        labels = self._labels
        tier = labels["tier"].get(row.ai_act_tier)
        if tier is None:
            tier = labels["tier"][row.ai_act_tier] = tier_label(row.ai_act_tier)
        verdict = labels["verdict"].get(row.dpia_verdict)
        if verdict is None:
            verdict = labels["verdict"][row.dpia_verdict] = verdict_label(row.dpia_verdict)
        return (
            row.name,
            row.country or "",
            tier,
            verdict,
            grade_label(row.grade),
            "" if row.open_findings is None else str(row.open_findings),
            review_date_text(row.next_review_date, today),
        )

    # --- sorting and filtering, in SQL --------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMN_COUNT:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if column == self._sort_column and descending == self._descending:
            return
        self._sort_column = column
        self._descending = descending
        self._requery()

    def set_filter(self, text: str) -> None:
        text = " ".join(text.split())
        if text == self._filter:
            return
        previous, self._filter = self._filter, text
        if self._can_narrow(previous, text):
            self._narrow(text)
        else:
            self._requery()

    def _can_narrow(self, previous: str, text: str) -> bool:
        """Typing on narrows a filter: when every match of the old filter is in memory, the
        new matches are among them and no query is needed (same folding as the store)."""
        if not previous or not self._count_exact or self._count > BLOCK_ROWS:
            return False
        block = self._blocks.get(0)
        if block is None or len(block) != self._count:
            return False
        return fold_for_search(previous) in fold_for_search(text)

    def _narrow(self, text: str) -> None:
        self._generation += 1
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        needle = fold_for_search(text)
        self.beginResetModel()
        kept = [entry for entry in self._blocks[0] if needle in fold_for_search(entry.row.name)]
        self._blocks.clear()
        self._blocks[0] = kept
        self._count = len(kept)
        self._count_exact = True
        self.endResetModel()
        self.count_changed.emit(self._count)

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def sort_column(self) -> Column:
        return Column(self._sort_column)

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def count_is_exact(self) -> bool:
        return self._count_exact

    def refresh(self) -> None:
        """Runs the query again (after a data change that adds or removes rows)."""
        self._requery()

    def reload(self) -> None:
        """After the data changed: keeps the view's scroll position and selection when the
        number of rows is the same (an edit), queries afresh otherwise."""
        count = self._source.count(self._filter)
        if count != self._count or count == 0 or not self._count_exact:
            self._requery()
            return
        self._blocks.clear()
        self.dataChanged.emit(self.index(0, 0), self.index(count - 1, COLUMN_COUNT - 1), [])

    def _requery(self) -> None:
        self._generation += 1
        generation = self._generation
        if self._pending is not None:
            self._pending.cancel()  # a count for an older filter is no longer wanted
            self._pending = None
        self.beginResetModel()
        self._blocks.clear()
        self._labels = {"tier": {}, "verdict": {}}
        first = self._fetch_block(0)
        self._count = len(first)
        self._count_exact = len(first) < BLOCK_ROWS
        self.endResetModel()
        if self._count_exact:
            self.count_changed.emit(self._count)
        elif self._runner is None:
            self._count_arrived(generation, self._source.count(self._filter))
        else:
            self._pending = self._runner.submit(
                _count_job,
                self._source,
                self._filter,
                description="count vendors",
                owner=self,
                on_result=lambda total: self._count_arrived(generation, total),
            )

    def _count_arrived(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return  # the filter changed since
        self._pending = None
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:  # rows vanished between the two queries
            self.beginRemoveRows(QModelIndex(), total, self._count - 1)
            self._count = total
            self.endRemoveRows()
        self._count_exact = True
        self.count_changed.emit(total)

    # --- the cache ----------------------------------------------------------------------------

    def _fetch_block(self, number: int) -> list[_Entry]:
        rows = self._source.fetch(
            self._filter,
            SORT_KEYS[self._sort_column],
            self._descending,
            number * BLOCK_ROWS,
            BLOCK_ROWS,
        )
        self.queries += 1
        today = date.today()
        block = [_Entry(row, self._texts(row, today), today) for row in rows]
        self._blocks[number] = block
        while len(self._blocks) > MAX_BLOCKS:
            self._blocks.popitem(last=False)
        return block

    def _entry(self, row: int) -> _Entry | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, BLOCK_ROWS)
        block = self._blocks.get(number)
        if block is None:
            block = self._fetch_block(number)
        else:
            self._blocks.move_to_end(number)
        # The table changed under us (another window, a background job): show a blank row until
        # the next refresh rather than an index error.
        return block[offset] if offset < len(block) else None

    def vendor_at(self, row: int) -> VendorRow | None:
        entry = self._entry(row)
        return None if entry is None else entry.row

    @property
    def cached_rows(self) -> int:
        return sum(len(block) for block in self._blocks.values())
