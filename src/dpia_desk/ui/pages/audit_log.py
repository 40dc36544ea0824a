"""Audit log: who changed what and when, newest first, filterable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.labels import format_datetime
from dpia_desk.ui.models.rows import ColumnSpec
from dpia_desk.ui.pages.table_page import TablePage
from dpia_desk.ui.store_queries import AuditRow, count_audit_events, list_audit_events

#: The page shows this many of the newest matching events; the filter reaches further back.
LIMIT = 1000


def _when(row: AuditRow) -> str:
    return format_datetime(row.at)


class AuditLogPage(TablePage):
    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        context.saved.connect(self._on_saved)

    def page_title(self) -> str:
        return self.tr("Audit log")

    def page_description(self) -> str:
        return self.tr(
            "Every change to this workspace is recorded here and chained, so a removed or "
            "altered entry can be detected."
        )

    def filter_placeholder(self) -> str | None:
        return self.tr("Filter by person, action, record or field…")

    def columns(self) -> Sequence[ColumnSpec]:
        return [
            ColumnSpec("#", lambda r: str(r.seq), align_right=True),
            ColumnSpec(self.tr("When"), _when),
            ColumnSpec(self.tr("Who"), lambda r: r.actor),
            ColumnSpec(self.tr("Action"), lambda r: r.action),
            ColumnSpec(self.tr("Record"), lambda r: r.entity),
            ColumnSpec(self.tr("Field"), lambda r: r.field or ""),
            ColumnSpec(self.tr("Record id"), lambda r: r.entity_id or ""),
        ]

    def _on_saved(self) -> None:
        if self.isVisible():
            self.load()

    def load(self) -> None:
        with self.context.read() as session:
            total = count_audit_events(session, self.filter_text)
            rows = list_audit_events(session, self.filter_text, 0, LIMIT)
        if total > len(rows):
            count = self.tr("the newest {shown} of {total} events").format(
                shown=QLocale().toString(len(rows)), total=QLocale().toString(total)
            )
        else:
            count = self.tr("%n event(s)", "", total)
        self.show_rows(rows, count, self.tr("No event matches this filter."))
