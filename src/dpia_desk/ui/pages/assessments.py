"""Assessments: every assessment in the workspace, most recently changed first.

The assessment workspace (opening one to answer it) is built on top of this list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.labels import assessment_status_label, format_datetime
from dpia_desk.ui.models.rows import ColumnSpec
from dpia_desk.ui.pages.table_page import TablePage
from dpia_desk.ui.store_queries import AssessmentListRow, list_assessments

LIMIT = 500


def _when(row: AssessmentListRow) -> str:
    return format_datetime(row.updated_at)


class AssessmentsPage(TablePage):
    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        context.changed.connect(self._on_changed)

    def page_title(self) -> str:
        return self.tr("Assessments")

    def page_description(self) -> str:
        return self.tr("Every assessment in this workspace, the most recently changed first.")

    def columns(self) -> Sequence[ColumnSpec]:
        return [
            ColumnSpec(self.tr("Vendor"), lambda r: r.vendor_name),
            ColumnSpec(self.tr("AI system"), lambda r: r.ai_system_name or ""),
            ColumnSpec(self.tr("Form"), lambda r: r.form_id),
            ColumnSpec(self.tr("Version"), lambda r: str(r.version), align_right=True),
            ColumnSpec(self.tr("Status"), lambda r: assessment_status_label(r.status)),
            ColumnSpec(self.tr("Last change"), _when),
        ]

    def _on_changed(self, kind: str) -> None:
        if kind in ("assessment", "vendor", "demo") and self.isVisible():
            self.load()

    def load(self) -> None:
        with self.context.read() as session:
            rows = list_assessments(session, LIMIT)
        self.show_rows(
            rows,
            self.tr("%n assessment(s)", "", len(rows)),
            self.tr("No assessments yet. Open a vendor and start one from there."),
        )
