"""Audit log: who changed what and when, newest first, filterable; and whether the chain holds.

The status line above the table says whether the audit trail's hash chain is intact ("Audit
trail verified: N events") or where it breaks ("Broken at event #k: reason"). The check
(``Workspace.verify_audit_trail``) runs on the work runner the first time the page is shown,
again when it is shown after changes, and on demand ("Verify again", or File > Verify audit
trail).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.labels import format_datetime
from dpia_desk.ui.models.rows import ColumnSpec
from dpia_desk.ui.pages.table_page import TablePage
from dpia_desk.ui.store_queries import (
    AuditRow,
    audit_subjects,
    count_audit_events,
    list_audit_events,
)
from dpia_desk.ui.widgets import Banner
from dpia_desk.ui.workers import WorkContext, WorkHandle

#: The page shows this many of the newest matching events; the filter reaches further back.
LIMIT = 1000


def _when(row: AuditRow) -> str:
    return format_datetime(row.at)


def _verify_job(_work: WorkContext, context: WorkspaceContext) -> Any:
    return context.workspace.verify_audit_trail()


#: How much of a changed value the table shows, and its tooltip.
CHANGE_SHOWN = 60
CHANGE_TIP = 2000


def value_text(value: object, limit: int) -> str:
    """A recorded value in a line: text as is, lists joined, flat records as "key: value", the
    rest as compact JSON; cut at ``limit`` characters."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        text = value
    elif isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        text = ", ".join(str(item) for item in value) or "—"
    elif isinstance(value, dict) and all(
        isinstance(item, str | int | float | bool) or item is None for item in value.values()
    ):
        text = "; ".join(f"{key}: {item}" for key, item in value.items() if item not in (None, ""))
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def change_text(old: object, new: object, limit: int) -> str:
    """ "old → new" for an update, the new value alone for a creation; "" when the event
    carries no values (or they were erased with the record)."""
    if old in (None, "") and new in (None, ""):
        return ""
    if old in (None, ""):
        return value_text(new, limit)
    return f"{value_text(old, limit // 2)} → {value_text(new, limit // 2)}"


class AuditLogPage(TablePage):
    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        #: The shown events' records in words, by (entity, id) (filled by ``load``).
        self._subjects: dict[tuple[str, str], str] = {}
        super().__init__(context, parent)
        context.saved.connect(self._on_saved)
        #: The last ChainReport, and whether changes were saved since it was made.
        self.chain_report: Any = None
        self._chain_stale = True
        self._verifying: WorkHandle | None = None
        self.chain_status = Banner("", "info")
        self.chain_status.setObjectName("auditChainStatus")
        self.chain_status.setAccessibleName(self.tr("Audit trail check"))
        self.verify_button = QPushButton(self.tr("Verify &again"))
        self.verify_button.setAccessibleName(self.tr("Verify the audit trail again"))
        self.verify_button.clicked.connect(self.verify)
        row = self.chain_status.layout()
        assert isinstance(row, QHBoxLayout)
        row.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignVCenter)
        # Under the page's title and sentence, above the filter and the table.
        self.body.insertWidget(2, self.chain_status)

    def page_title(self) -> str:
        return self.tr("Audit log")

    def page_description(self) -> str:
        return self.tr(
            "Every change to this workspace is recorded here and chained, so a removed or "
            "altered entry can be detected."
        )

    def filter_placeholder(self) -> str | None:
        return self.tr("Filter by vendor, person, action, record or field…")

    def columns(self) -> Sequence[ColumnSpec]:
        return [
            ColumnSpec("#", lambda r: str(r.seq), align_right=True),
            ColumnSpec(self.tr("When"), _when),
            ColumnSpec(self.tr("Who"), lambda r: r.actor),
            ColumnSpec(self.tr("Action"), lambda r: r.action),
            ColumnSpec(self.tr("Subject"), self._subject, tooltip=self._subject),
            ColumnSpec(self.tr("Field"), lambda r: r.field or ""),
            ColumnSpec(
                self.tr("Change"),
                lambda r: change_text(r.old_value, r.new_value, CHANGE_SHOWN),
                tooltip=lambda r: change_text(r.old_value, r.new_value, CHANGE_TIP) or None,
            ),
            ColumnSpec(self.tr("Record"), lambda r: r.entity),
            ColumnSpec(self.tr("Record id"), lambda r: r.entity_id or ""),
        ]

    def max_column_width(self, column: int) -> int:
        # Room for the change itself on a laptop screen: the subject and the field id elide
        # (their tooltips and a drag of the column edge show them whole).
        title = self.model.headers[column]
        if title == self.tr("Subject"):
            return 260
        if title == self.tr("Field"):
            return 180
        return super().max_column_width(column)

    def _subject(self, row: AuditRow) -> str:
        if not row.entity_id:
            return ""
        subject = self._subjects.get((row.entity, row.entity_id))
        # The event outlives what it recorded: a vendor or assessment erased since.
        return subject if subject is not None else self.tr("(deleted)")

    def _on_saved(self) -> None:
        self._chain_stale = True
        if self.isVisible():
            self.load()

    def activated(self) -> None:
        super().activated()
        if self._chain_stale:
            self.verify()

    def verify(self) -> WorkHandle | None:
        """Checks the hash chain on the work runner; the status line shows the outcome."""
        if self._verifying is not None and not self._verifying.is_done:
            return self._verifying
        self._chain_stale = False
        self.chain_status.set_kind("info")
        self.chain_status.set_text(self.tr("Verifying the audit trail…"))
        self.verify_button.setEnabled(False)
        self._verifying = self.context.runner.submit(
            _verify_job, self.context, description="verify audit trail", owner=self,
            on_result=self._show_chain, on_error=self._chain_failed,
        )  # fmt: skip
        return self._verifying

    def _show_chain(self, report: Any) -> None:
        self.chain_report = report
        self.verify_button.setEnabled(True)
        if report.ok:
            # Two sentences rather than "event(s)": English has no plural catalogue here.
            if report.events == 1:
                text = self.tr("Audit trail verified: 1 event.")
            else:
                text = self.tr(
                    "Audit trail verified: {count} events, each linked to the one before."
                ).format(count=QLocale().toString(report.events))
            if report.erased:
                text += " " + self.tr("Values erased after a deletion: {count}.").format(
                    count=QLocale().toString(report.erased)
                )
            self.chain_status.set_kind("info")
        else:
            text = self.tr(
                "Broken at event #{seq}: {reason}. The trail was changed outside dpia_desk or "
                "the file is damaged; restore a backup (File > Restore from backup…) and keep "
                "this file for analysis."
            ).format(seq=report.first_broken, reason=report.reason or "")
            self.chain_status.set_kind("warning")
        self.chain_status.set_text(text)

    def _chain_failed(self, error: BaseException) -> None:
        from dpia_desk.errors import DpiaDeskError

        self.verify_button.setEnabled(True)
        self._chain_stale = True
        if not isinstance(error, DpiaDeskError):
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self.chain_status.set_kind("warning")
        self.chain_status.set_text(
            self.tr("The audit trail could not be checked: {reason}").format(reason=error.message)
        )

    def load(self) -> None:
        with self.context.read() as session:
            total = count_audit_events(session, self.filter_text)
            rows = list_audit_events(session, self.filter_text, 0, LIMIT)
            self._subjects = audit_subjects(session, rows)
        if total > len(rows):
            count = self.tr("the newest {shown} of {total} events").format(
                shown=QLocale().toString(len(rows)), total=QLocale().toString(total)
            )
        else:
            count = self.tr("%n event(s)", "", total)
        self.show_rows(rows, count, self.tr("No event matches this filter."))
