"""Actions: the open mitigation actions of every assessment, soonest due first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QWidget

from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.labels import format_date
from dpia_desk.ui.models.rows import ROW_ROLE, ColumnSpec
from dpia_desk.ui.pages.table_page import TablePage
from dpia_desk.ui.store_queries import ActionRow, list_open_actions
from dpia_desk.ui.theme import current_theme

LIMIT = 500


def _overdue(row: ActionRow) -> bool:
    return row.due_date is not None and row.due_date < date.today()


class ActionsPage(TablePage):
    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        context.changed.connect(self._on_changed)
        # Enter / double-click opens the action in its assessment (ui/review/windows.py).
        self.table.activated.connect(self._open_action)

    def page_title(self) -> str:
        return self.tr("Actions")

    def page_description(self) -> str:
        return self.tr("Open actions from risks and findings, the soonest due first.")

    def columns(self) -> Sequence[ColumnSpec]:
        status = {
            "open": self.tr("Open"),
            "in_progress": self.tr("In progress"),
            "done": self.tr("Done"),
        }
        return [
            ColumnSpec(self.tr("Action"), lambda r: r.title),
            ColumnSpec(self.tr("Vendor"), lambda r: r.vendor_name),
            ColumnSpec(self.tr("Owner"), lambda r: r.owner),
            ColumnSpec(self.tr("Due"), self._due, foreground=_warn),
            ColumnSpec(self.tr("Status"), lambda r: status.get(r.status, r.status)),
        ]

    def _due(self, row: ActionRow) -> str:
        if row.due_date is None:
            return ""
        text = format_date(row.due_date)
        return self.tr("{date} (overdue)").format(date=text) if _overdue(row) else text

    def _on_changed(self, kind: str) -> None:
        if kind in ("action", "assessment", "demo") and self.isVisible():
            self.load()

    def _open_action(self, index: QModelIndex) -> None:
        from dpia_desk.ui.review.windows import open_action

        row = index.data(ROW_ROLE)
        if isinstance(row, ActionRow):
            open_action(self.context, row.id, self)

    def load(self) -> None:
        with self.context.read() as session:
            rows = list_open_actions(session, LIMIT)
        overdue = sum(1 for row in rows if _overdue(row))
        count = self.tr("%n open action(s)", "", len(rows))
        if overdue:
            count += " · " + self.tr("%n overdue", "", overdue)
        self.show_rows(rows, count, self.tr("No open actions."))


def _warn(row: ActionRow) -> QBrush | None:
    return QBrush(current_theme().color("error")) if _overdue(row) else None
