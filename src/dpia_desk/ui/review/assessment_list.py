"""Every assessment of the workspace as a lazy table, and the Assessments page around it.

Like the vendor registry, the model knows only the number of matching rows and keeps a few
blocks of rows (one ``LIMIT/OFFSET`` query each) fetched when the view paints them; filtering
happens in SQL. Activating a row opens the assessment in its own window.
"""

from __future__ import annotations

from collections import OrderedDict
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.delegates import BadgeDelegate
from dpia_desk.ui.labels import assessment_status_label, format_datetime
from dpia_desk.ui.lists import filter_as_you_type, record_table, search_field, table_or_message
from dpia_desk.ui.models.vendor_table import BADGE_ROLE
from dpia_desk.ui.pages import Page
from dpia_desk.ui.review.queries import (
    AssessmentListRow,
    count_assessments,
    form_titles,
    list_assessment_rows,
)
from dpia_desk.ui.widgets import heading, hint
from dpia_desk.ui.workers import WorkContext

AnyIndex = QModelIndex | QPersistentModelIndex
BLOCK_ROWS = 200
MAX_BLOCKS = 16
ASSESSMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
REVIEW_ID_ROLE = Qt.ItemDataRole.UserRole + 4
RELOAD_DELAY_MS = 400

_STATUS_BADGE = {
    "draft": "tier:",
    "in_review": "tier:limited",
    "approved": "tier:minimal",
    "rejected": "tier:high",
}


class Column(IntEnum):
    VENDOR = 0
    SYSTEM = 1
    FORM = 2
    VERSION = 3
    STATUS = 4
    CHANGED = 5


class AssessmentListModel(QAbstractTableModel):
    count_changed = Signal(int)

    def __init__(self, context: WorkspaceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._filter = ""
        self._blocks: OrderedDict[int, list[AssessmentListRow]] = OrderedDict()
        self.titles: dict[str, str] = {}
        self.queries = 0
        self._count = self._read_count()
        self._headers = (
            QCoreApplication.translate("AssessmentList", "Vendor"),
            QCoreApplication.translate("AssessmentList", "AI system"),
            QCoreApplication.translate("AssessmentList", "Form"),
            QCoreApplication.translate("AssessmentList", "Version"),
            QCoreApplication.translate("AssessmentList", "Status"),
            QCoreApplication.translate("AssessmentList", "Last change"),
        )

    def _read_count(self) -> int:
        with self._context.read() as session:
            return count_assessments(session, self._filter)

    @property
    def filter_text(self) -> str:
        return self._filter

    def set_filter(self, text: str) -> None:
        text = " ".join(text.split())
        if text == self._filter:
            return
        self._filter = text
        self.reload(force=True)

    def reload(self, *, force: bool = False) -> None:
        count = self._read_count()
        if force or count != self._count:
            self.beginResetModel()
            self._count = count
            self._blocks.clear()
            self.endResetModel()
        else:
            self._blocks.clear()
            if count:
                self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(Column) - 1))
        self.count_changed.emit(self._count)

    def set_titles(self, titles: dict[str, str]) -> None:
        self.titles = titles
        if self._count:
            self.dataChanged.emit(
                self.index(0, Column.FORM), self.index(self._count - 1, Column.FORM)
            )

    def row_at(self, row: int) -> AssessmentListRow | None:
        if not 0 <= row < self._count:
            return None
        block_number = row // BLOCK_ROWS
        block = self._blocks.get(block_number)
        if block is None:
            with self._context.read() as session:
                block = list_assessment_rows(
                    session, self._filter, block_number * BLOCK_ROWS, BLOCK_ROWS
                )
            self.queries += 1
            self._blocks[block_number] = block
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_number)
        offset = row - block_number * BLOCK_ROWS
        return block[offset] if offset < len(block) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == ASSESSMENT_ID_ROLE:
            return row.id
        if role == REVIEW_ID_ROLE:
            return row.review_id
        if role == BADGE_ROLE and column == Column.STATUS:
            return _STATUS_BADGE.get(row.status, "tier:")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.VERSION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == Column.VENDOR:
            return row.vendor_name
        if column == Column.SYSTEM:
            return row.ai_system_name or ""
        if column == Column.FORM:
            return self.titles.get(row.form_id, row.form_id.replace("_", " ").capitalize())
        if column == Column.VERSION:
            return str(row.version)
        if column == Column.STATUS:
            return assessment_status_label(row.status)
        if column == Column.CHANGED:
            return format_datetime(row.updated_at)
        return None


def _titles_job(_work: WorkContext) -> dict[str, str]:
    return form_titles()


class AssessmentListPage(Page):
    """The Assessments page: a filter field and the lazy table; Enter opens an assessment."""

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Assessments"))
        self.model = AssessmentListModel(context, self)
        title = heading(self.tr("Assessments"), "title")
        self.count_label = hint("")
        self.description = hint(
            self.tr("Every assessment in this workspace, the most recently changed first. "
                    "Press Enter or double-click to open one.")
        )  # fmt: skip
        self.filter_edit = search_field(
            self.tr("Filter by vendor, AI system or form…"), self.tr("Filter assessments")
        )
        self.filter_edit.setMinimumWidth(280)
        self._debounce = filter_as_you_type(self.filter_edit, self.apply_filter)

        self.table = record_table(
            self.model, self.tr("Assessments"), row_padding=16, metrics=self.fontMetrics()
        )
        self.table.setObjectName("assessmentTable")
        self.table.setItemDelegateForColumn(Column.STATUS, BadgeDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column, sample in (
            (Column.VENDOR, "M" * 16),
            (Column.SYSTEM, "M" * 12),
            (Column.FORM, "M" * 16),
            (Column.VERSION, "99999"),
            (Column.STATUS, "M" * 9),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        self.table.activated.connect(self.open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.stack, self.empty_label = table_or_message(self.table)

        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(title)
        head.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignBottom)
        tools = QHBoxLayout()
        tools.addWidget(self.filter_edit, 1)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(self.description)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.filter_edit, self.table)

        self.model.count_changed.connect(self._show_count)
        context.changed.connect(self._on_changed)
        self._stale = False
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.model.reload)
        self._show_count(self.model.rowCount())
        context.runner.submit(
            _titles_job, description="form titles", on_result=self.model.set_titles, owner=self
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.filter_edit.text())

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("%n assessment(s)", "", count))
        if count == 0:
            self.empty_label.setText(
                self.tr("No assessment matches “{text}”.").format(text=self.model.filter_text)
                if self.model.filter_text
                else self.tr("No assessments yet. Select a vendor and choose “Start review”.")
            )
            self.stack.setCurrentWidget(self.empty_label)
        else:
            self.stack.setCurrentWidget(self.table)

    def _on_changed(self, kind: str) -> None:
        if kind not in ("answer", "assessment", "vendor", "ai_system", "demo"):
            return
        if self.isVisible():
            self._reload_timer.start()  # a burst of answers elsewhere costs one reload
        else:
            self._stale = True

    def activated(self) -> None:
        if self._stale:
            self._stale = False
            self.model.reload()

    def focus_primary(self) -> None:
        self.filter_edit.setFocus()

    def current_assessment_id(self) -> str | None:
        value = self.table.currentIndex().data(ASSESSMENT_ID_ROLE)
        return value if isinstance(value, str) else None

    def open_index(self, index: QModelIndex) -> None:
        assessment_id = index.data(ASSESSMENT_ID_ROLE)
        if isinstance(assessment_id, str):
            from dpia_desk.ui.review.windows import open_assessment

            open_assessment(self.context, assessment_id, self)

    def _context_menu(self, position: Any) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        from dpia_desk.ui.review.windows import open_assessment, open_review

        menu = QMenu(self)
        assessment_id = index.data(ASSESSMENT_ID_ROLE)
        review_id = index.data(REVIEW_ID_ROLE)
        menu.addAction(self.tr("&Open"), lambda: open_assessment(self.context, assessment_id, self))
        review = menu.addAction(
            self.tr("Open the &review overview"), lambda: open_review(self.context, review_id, self)
        )
        review.setEnabled(isinstance(review_id, str))
        menu.popup(self.table.viewport().mapToGlobal(position))
