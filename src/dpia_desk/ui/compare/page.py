"""The Compare page: pick vendors on the left, see them side by side on the right.

The picker is the vendor registry's own lazy model (SQL filter-as-you-type, so it stays quick
with 100,000 vendors) showing names only; Enter, double-click or "Add" puts the selected vendors
into the comparison. The comparison is a :class:`CompareModel` in a table whose columns are the
vendors; Delete or "Remove" takes the current column out again.

The figures are scored on the work runner (:func:`dpia_desk.services.compare.compare_vendors`,
about a tenth of a second a vendor): the UI thread only submits the job and shows the result.
A newer request makes an older result stale (a generation counter), and the page refreshes when
a vendor, an assessment or an action changes. The chosen vendors are remembered per user.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from dpia_desk.errors import DpiaDeskError
from dpia_desk.services.compare import VendorComparison, compare_vendors
from dpia_desk.store.models import Vendor
from dpia_desk.ui import settings
from dpia_desk.ui.compare.bars import BarDelegate
from dpia_desk.ui.compare.header import MeasureHeader
from dpia_desk.ui.compare.model import CompareModel
from dpia_desk.ui.context import WorkspaceContext, WorkspaceVendorSource
from dpia_desk.ui.crash import error_box
from dpia_desk.ui.icons import icon
from dpia_desk.ui.lists import filter_as_you_type, record_table, search_field, table_or_message
from dpia_desk.ui.models.vendor_table import VENDOR_ID_ROLE, Column, VendorTableModel
from dpia_desk.ui.pages import Page
from dpia_desk.ui.theme import current_theme
from dpia_desk.ui.widgets import heading, hint
from dpia_desk.ui.workers import WorkCancelled, WorkContext, WorkHandle

SETTINGS_KEY = "compare/vendors"
#: Changes elsewhere (answers typed in an assessment window) come in bursts; one refresh each.
REFRESH_DELAY_MS = 1000
VENDOR_COLUMN_MIN = 150
_REFRESH_KINDS = frozenset(
    {"vendor", "ai_system", "assessment", "action", "risk", "review", "demo", "evidence"}
)


def _compare_job(
    work: WorkContext, context: WorkspaceContext, vendor_ids: list[str], today: date
) -> tuple[list[VendorComparison], date]:
    def progress(done: int, total: int) -> None:
        work.progress(done, total, "")
        work.check_cancelled()

    with context.workspace.read_session() as session:
        # Vendors erased since they were chosen simply drop out of the comparison.
        present = set(session.scalars(select(Vendor.id).where(Vendor.id.in_(vendor_ids))))
        chosen = [vendor_id for vendor_id in vendor_ids if vendor_id in present]
        return compare_vendors(session, chosen, today=today, progress=progress), today


class ComparePage(Page):
    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Compare vendors"))
        self.vendor_ids: list[str] = [
            vendor_id for vendor_id in settings.read_str(SETTINGS_KEY).split(",") if vendor_id
        ]
        self._generation = 0
        self._handle: WorkHandle | None = None
        self._stale = True

        title = heading(self.tr("Compare vendors"), "title")
        self.count_label = hint("")
        self.description = hint(
            self.tr("Choose two or more vendors from the list to see their results side by "
                    "side. Enter or double-click adds a vendor; Delete removes the current "
                    "column.")
        )  # fmt: skip

        # --- the picker ------------------------------------------------------------------------
        self.picker_model = VendorTableModel(
            WorkspaceVendorSource(context), self, runner=context.runner
        )
        self.filter_edit = search_field(
            self.tr("Find a vendor…"), self.tr("Find vendors to compare")
        )
        self._debounce = filter_as_you_type(self.filter_edit, self._apply_filter)

        self.picker = record_table(
            self.picker_model,
            self.tr("Vendors to choose from"),
            row_padding=12,
            metrics=self.fontMetrics(),
            multiple=True,
        )
        self.picker.setObjectName("comparePicker")
        for column in Column:
            self.picker.setColumnHidden(column, column != Column.NAME)
        self.picker.horizontalHeader().setStretchLastSection(True)
        self.picker.setSortingEnabled(True)
        self.picker.horizontalHeader().setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.picker.activated.connect(lambda _index: self.add_selected())
        self.picker.selectionModel().selectionChanged.connect(self._update_buttons)
        self.picker.selectionModel().currentChanged.connect(self._update_buttons)
        self.picker_model.modelReset.connect(self._update_buttons)

        self.add_button = QPushButton(
            icon("add", current_theme().color("accent_text")), self.tr("&Add to comparison")
        )
        self.add_button.setProperty("primary", True)
        self.add_button.setAccessibleName(self.tr("Add the selected vendors to the comparison"))
        self.add_button.clicked.connect(self.add_selected)

        picker_box = QWidget()
        picker_box.setObjectName("comparePickerBox")
        picker_layout = QVBoxLayout(picker_box)
        picker_layout.setContentsMargins(0, 0, 8, 0)
        picker_layout.setSpacing(8)
        picker_layout.addWidget(self.filter_edit)
        picker_layout.addWidget(self.picker, 1)
        picker_layout.addWidget(self.add_button)

        # --- the comparison --------------------------------------------------------------------
        self.model = CompareModel(self)
        self.table = QTableView()
        self.table.setObjectName("compareTable")
        self.table.setAccessibleName(self.tr("Vendor comparison"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setCornerButtonEnabled(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.delegate = BarDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setVerticalHeader(MeasureHeader(self.table))
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 14)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns = self.table.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setMinimumSectionSize(VENDOR_COLUMN_MIN)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns.setTextElideMode(Qt.TextElideMode.ElideRight)
        columns.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        columns.customContextMenuRequested.connect(self._header_menu)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)

        self.remove_button = QPushButton(self.tr("&Remove vendor"))
        self.remove_button.setAccessibleName(
            self.tr("Remove the current vendor from the comparison")
        )
        self.remove_button.clicked.connect(self.remove_current)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.setAccessibleName(self.tr("Remove every vendor from the comparison"))
        self.clear_button.clicked.connect(self.clear)
        self.busy_label = hint("")
        self.busy_label.setAccessibleName(self.tr("Comparison state"))

        self.stack, self.empty_label = table_or_message(self.table)

        compare_box = QWidget()
        compare_layout = QVBoxLayout(compare_box)
        compare_layout.setContentsMargins(8, 0, 0, 0)
        compare_layout.setSpacing(8)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.busy_label)
        compare_layout.addLayout(buttons)
        compare_layout.addWidget(self.stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(picker_box)
        self.splitter.addWidget(compare_box)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        picker_width = max(200, self.fontMetrics().horizontalAdvance("M" * 14))
        self.splitter.setSizes([picker_width, 3 * picker_width])

        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(title)
        head.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.description)
        layout.addWidget(self.splitter, 1)

        self.setTabOrder(self.filter_edit, self.picker)
        self.setTabOrder(self.picker, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.clear_button)
        self.setTabOrder(self.clear_button, self.table)

        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_current)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        context.changed.connect(self._on_changed)
        self.model.modelReset.connect(self._after_reset)
        # Last, once every widget the filter looks at exists.
        self.filter_edit.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self._show_state()

    # --- choosing vendors ----------------------------------------------------------------------

    def _apply_filter(self) -> None:
        self._debounce.stop()
        self.picker_model.set_filter(self.filter_edit.text())

    def selected_picker_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.picker.selectionModel().selectedRows()})
        ids = [self.picker_model.index(row, Column.NAME).data(VENDOR_ID_ROLE) for row in rows]
        return [vendor_id for vendor_id in ids if isinstance(vendor_id, str)]

    def add_selected(self) -> None:
        chosen = self.selected_picker_ids()
        if not chosen:
            current = self.picker.currentIndex().data(VENDOR_ID_ROLE)
            chosen = [current] if isinstance(current, str) else []
        self.add_vendors(chosen)

    def add_vendors(self, vendor_ids: Iterable[str]) -> None:
        new = [vendor_id for vendor_id in vendor_ids if vendor_id not in self.vendor_ids]
        if new:
            self.set_vendors([*self.vendor_ids, *new])

    def set_vendors(self, vendor_ids: Sequence[str]) -> None:
        """Compare exactly these vendors (in this order); the figures follow on the runner."""
        self.vendor_ids = list(dict.fromkeys(vendor_ids))
        settings.write_value(SETTINGS_KEY, ",".join(self.vendor_ids))
        self.refresh()

    def remove_vendor(self, vendor_id: str) -> None:
        if vendor_id in self.vendor_ids:
            self.set_vendors([v for v in self.vendor_ids if v != vendor_id])

    def remove_current(self) -> None:
        column = self.table.currentIndex().column()
        if 0 <= column < len(self.model.comparisons):
            self.remove_vendor(self.model.comparisons[column].vendor_id)
            remaining = self.model.columnCount()
            if remaining:
                self.table.setCurrentIndex(
                    self.model.index(
                        max(0, self.table.currentIndex().row()), min(column, remaining - 1)
                    )
                )

    def clear(self) -> None:
        self.set_vendors([])

    # --- computing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Scores the chosen vendors on the work runner; the table follows when they arrive."""
        self._refresh_timer.stop()
        self._stale = False
        self._generation += 1
        generation = self._generation
        if self._handle is not None and not self._handle.is_done:
            self._handle.cancel()
        if not self.vendor_ids:
            self._handle = None
            self.model.set_comparisons([])
            self._show_state()
            return
        self.busy_label.setText(self.tr("Comparing…"))
        self._update_buttons()

        def arrived(result: object) -> None:
            if generation != self._generation:
                return
            assert isinstance(result, tuple)
            comparisons, today = result
            self.model.set_comparisons(comparisons, today)
            present = {comparison.vendor_id for comparison in comparisons}
            if present != set(self.vendor_ids):  # some were erased meanwhile
                self.vendor_ids = [v for v in self.vendor_ids if v in present]
                settings.write_value(SETTINGS_KEY, ",".join(self.vendor_ids))
            self.busy_label.setText("")
            self._show_state()

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            self.busy_label.setText(self.tr("The comparison could not be computed."))
            if isinstance(error, DpiaDeskError):
                error_box(error, self).open()
            elif not isinstance(error, WorkCancelled):
                sys.excepthook(type(error), error, error.__traceback__)

        def progress(done: int, total: int, _text: str) -> None:
            if generation == self._generation and total:
                self.busy_label.setText(
                    self.tr("Comparing… {done} of {total}").format(done=done, total=total)
                )

        self._handle = self.context.runner.submit(
            _compare_job,
            self.context,
            list(self.vendor_ids),
            date.today(),
            description="compare vendors",
            owner=self,
            on_result=arrived,
            on_error=failed,
            on_progress=progress,
        )

    def _on_changed(self, kind: str) -> None:
        if kind not in _REFRESH_KINDS or not self.vendor_ids:
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    # --- showing -------------------------------------------------------------------------------

    def _show_state(self) -> None:
        count = self.model.columnCount()
        self.count_label.setText(self.tr("%n vendor(s) compared", "", count) if count else "")
        if count == 0:
            nothing_to_pick = self.picker_model.rowCount() == 0 and not self.filter_edit.text()
            self.empty_label.setText(
                self.tr("There are no vendors in this workspace yet. Add them on the Vendors "
                        "page, then compare them here.")
                if nothing_to_pick
                else self.tr("No vendors chosen yet. Pick two or more from the list on the "
                             "left and press “Add to comparison”.")
            )  # fmt: skip
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.table)
            if count == 1:
                self.busy_label.setText(self.tr("Add another vendor to compare."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(
            self.picker.selectionModel().hasSelection() or self.picker.currentIndex().isValid()
        )
        has_columns = self.model.columnCount() > 0
        self.remove_button.setEnabled(has_columns)
        self.clear_button.setEnabled(bool(self.vendor_ids))

    def _after_reset(self) -> None:
        self._fit_columns()
        # Keyboard focus starts on the first measure, not on a heading row; nothing selected.
        first = next(
            (row for row in range(self.model.rowCount())
             if not (m := self.model.measure(row)) or not m.is_section),
            -1,
        )  # fmt: skip
        if first >= 0 and self.model.columnCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(first, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _fit_columns(self) -> None:
        """Vendor columns share the width; with many vendors they keep a readable minimum and
        the table scrolls sideways (the measure names stay put in the vertical header)."""
        header = self.table.horizontalHeader()
        count = self.model.columnCount()
        if count == 0:
            return
        available = self.table.viewport().width()
        width = max(VENDOR_COLUMN_MIN, available // count)
        for column in range(count):
            header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.filter_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.picker_model.rowCount() > 0
        ):
            self.picker.setFocus()
            if not self.picker.currentIndex().isValid():
                self.picker.selectRow(0)
            return True
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _header_menu(self, position: QPoint) -> None:
        column = self.table.horizontalHeader().logicalIndexAt(position)
        self._column_menu(column, self.table.horizontalHeader().mapToGlobal(position))

    def _table_menu(self, position: QPoint) -> None:
        index: QModelIndex = self.table.indexAt(position)
        if index.isValid():
            self._column_menu(index.column(), self.table.viewport().mapToGlobal(position))

    def _column_menu(self, column: int, where: QPoint) -> None:
        comparisons = self.model.comparisons
        if not 0 <= column < len(comparisons):
            return
        vendor_id = comparisons[column].vendor_id
        menu = QMenu(self)
        menu.addAction(
            self.tr("&Remove {name} from the comparison").format(name=comparisons[column].name),
            lambda: self.remove_vendor(vendor_id),
        )
        menu.popup(where)

    # --- page protocol -------------------------------------------------------------------------

    def activated(self) -> None:
        # Changes made while hidden, or a new day (overdue counts and review dates move).
        if self._stale or self.model.today != date.today():
            self.refresh()

    def focus_primary(self) -> None:
        self.filter_edit.setFocus()
