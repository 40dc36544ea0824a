"""What the list pages and panels share: a filter field that queries as you type, a read-only
table of records, and the message shown instead of a table with no rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QWidget,
)

from dpia_desk.ui.icons import icon

#: Filter-as-you-type waits this long after the last keystroke before querying.
FILTER_DEBOUNCE_MS = 150


def search_field(placeholder: str, accessible_name: str) -> QLineEdit:
    """A filter field: a search icon in front, a button that clears it."""
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(accessible_name)
    field.setClearButtonEnabled(True)
    field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    return field


def filter_as_you_type(
    field: QLineEdit,
    apply: Callable[[], object],
    *,
    delay_ms: int = FILTER_DEBOUNCE_MS,
    on_enter: bool = True,
) -> QTimer:
    """Calls ``apply`` once typing in ``field`` pauses for ``delay_ms`` (each call is a query),
    and at once on Enter when ``on_enter``. Returns the waiting timer: an ``apply`` that may
    also be called directly stops it, so the pending call does not query again."""
    timer = QTimer(field)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(apply)
    field.textChanged.connect(lambda _text: timer.start())
    if on_enter:
        field.returnPressed.connect(apply)
    return timer


def record_table(
    model: QAbstractItemModel,
    name: str,
    *,
    row_padding: int,
    metrics: QFontMetrics | None = None,
    multiple: bool = False,
) -> QTableView:
    """A read-only table of records: whole rows are selected (several, with Ctrl or Shift, when
    ``multiple``), no grid, no wrapping, alternating colours, rows not numbered and one line of
    text high (``metrics``, else the table's own font) plus ``row_padding``. Tab leaves the
    table; the arrows move inside it."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multiple
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize((metrics or table.fontMetrics()).height() + row_padding)
    return table


def table_or_message(table: QWidget) -> tuple[QStackedWidget, QLabel]:
    """A stack that shows ``table``, or in its place a centred hint when there is nothing to
    list (the label: the caller sets its text and switches the stack to it)."""
    message = QLabel()
    message.setAlignment(Qt.AlignmentFlag.AlignCenter)
    message.setWordWrap(True)
    message.setProperty("role", "hint")
    stack = QStackedWidget()
    stack.addWidget(table)
    stack.addWidget(message)
    return stack, message
