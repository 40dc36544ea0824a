"""A page made of a title, a sentence, an optional filter field and one read-only table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.lists import filter_as_you_type, record_table, search_field, table_or_message
from dpia_desk.ui.models.rows import ColumnSpec, RowsTableModel
from dpia_desk.ui.pages import Page
from dpia_desk.ui.widgets import heading, hint

#: The widest a column is made when sized to its contents (pixels).
MAX_COLUMN_WIDTH = 300


class TablePage(Page):
    """Subclasses give :meth:`page_title`, :meth:`page_description` and :meth:`columns` (and
    :meth:`filter_placeholder` for a filter field), implement :meth:`load`, and call
    :meth:`show_rows` with what they read. The methods run after QObject is set up, so they can
    use ``self.tr``."""

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        title = self.page_title()
        description = self.page_description()
        columns = self.columns()
        filter_placeholder = self.filter_placeholder()
        self.setAccessibleName(title)
        self.model = RowsTableModel(columns, self)
        self.title_label = heading(title, "title")
        self.description = hint(description)
        self.count_label = hint("")

        self.filter_edit: QLineEdit | None = None
        if filter_placeholder is not None:
            self.filter_edit = search_field(filter_placeholder, filter_placeholder)
            self._debounce = filter_as_you_type(self.filter_edit, self.load, on_enter=False)

        self.table = record_table(self.model, title, row_padding=16, metrics=self.fontMetrics())
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.stack, self.empty_label = table_or_message(self.table)

        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.title_label)
        head.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignBottom)

        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 16)
        self.body.setSpacing(12)
        self.body.addLayout(head)
        self.body.addWidget(self.description)
        if self.filter_edit is not None:
            row = QHBoxLayout()
            row.addWidget(self.filter_edit, 1)
            row.addStretch(1)
            self.body.addLayout(row)
        self.body.addWidget(self.stack, 1)
        self._loaded = False

    def page_title(self) -> str:
        raise NotImplementedError

    def page_description(self) -> str:
        raise NotImplementedError

    def columns(self) -> Sequence[ColumnSpec]:
        raise NotImplementedError

    def filter_placeholder(self) -> str | None:
        return None

    @property
    def filter_text(self) -> str:
        return self.filter_edit.text() if self.filter_edit is not None else ""

    def load(self) -> None:
        raise NotImplementedError

    def show_rows(self, rows: Sequence[object], count_text: str, empty_text: str) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(count_text)
        self.empty_label.setText(empty_text)
        self.stack.setCurrentWidget(self.table if rows else self.empty_label)
        if rows and not self._loaded:
            self.table.resizeColumnsToContents()
            # One long text must not push the other columns out of sight: it elides, and the
            # column can still be widened by hand.
            header = self.table.horizontalHeader()
            for column in range(header.count() - 1):
                widest = self.max_column_width(column)
                if header.sectionSize(column) > widest:
                    header.resizeSection(column, widest)
            self._loaded = True

    def max_column_width(self, column: int) -> int:
        """The widest ``column`` is made when sized to its contents (pixels)."""
        return MAX_COLUMN_WIDTH

    def activated(self) -> None:
        self.load()

    def focus_primary(self) -> None:
        (self.filter_edit or self.table).setFocus()
