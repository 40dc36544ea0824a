"""Table models of the risk register and the action plan (a few dozen rows: held in memory).

Level cells carry ``BADGE_ROLE`` so the shared :class:`~dpia_desk.ui.delegates.BadgeDelegate`
paints them as badges with the level in words; overdue actions say "overdue" in the text and
are painted in the error colour and bold, so they stand out without relying on colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from dpia_desk.scoring import DpiaRiskOutcome
from dpia_desk.ui.labels import format_date
from dpia_desk.ui.models.rows import FrozenRowsModel
from dpia_desk.ui.models.vendor_table import BADGE_ROLE
from dpia_desk.ui.risks.data import ActionRow, RiskRow
from dpia_desk.ui.risks.scales import LEVEL_BADGE, level_label
from dpia_desk.ui.theme import current_theme

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 10
ROW_ROLE = Qt.ItemDataRole.UserRole + 11


class RiskColumn(IntEnum):
    TITLE = 0
    INHERENT = 1
    RESIDUAL = 2
    MEASURES = 3


class ActionColumn(IntEnum):
    TITLE = 0
    SOURCE = 1
    OWNER = 2
    DUE = 3
    STATUS = 4


def action_status_label(code: str) -> str:
    return {
        "open": QCoreApplication.translate("Risks", "Open"),
        "in_progress": QCoreApplication.translate("Risks", "In progress"),
        "done": QCoreApplication.translate("Risks", "Done"),
    }.get(code, code.replace("_", " ").capitalize())


class _Table(FrozenRowsModel):
    def row_of(self, row_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == row_id), -1)


class RiskTableModel(_Table):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            QCoreApplication.translate("Risks", "Risk"),
            QCoreApplication.translate("Risks", "Before measures"),
            QCoreApplication.translate("Risks", "After measures"),
            QCoreApplication.translate("Risks", "Measures"),
        )
        self._levels: dict[str, tuple[str | None, str | None, bool]] = {}

    def set_register(self, rows: Sequence[RiskRow], outcome: DpiaRiskOutcome) -> None:
        self._levels = {
            risk.id: (
                risk.inherent.level if risk.inherent else None,
                risk.residual.level if risk.residual else None,
                risk.residual_rated,
            )
            for risk in outcome.risks
        }
        self.set_rows(rows)

    def _rating(self, row: RiskRow, residual: bool) -> tuple[str, str | None]:
        inherent_level, residual_level, rated = self._levels.get(row.id, (None, None, False))
        if residual:
            severity, likelihood = row.residual_severity, row.residual_likelihood
            if not rated or severity is None or likelihood is None:
                return QCoreApplication.translate("Risks", "Not rated"), None
            level = residual_level
        else:
            severity, likelihood = row.severity, row.likelihood
            if severity is None or likelihood is None:
                return QCoreApplication.translate("Risks", "Not rated"), None
            level = inherent_level
        if level is None:
            return QCoreApplication.translate("Risks", "Not rated"), None
        return f"{level_label(level)} ({severity}×{likelihood})", level

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if not isinstance(row, RiskRow):
            return None
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, BADGE_ROLE, Qt.ItemDataRole.ToolTipRole):
            if column == RiskColumn.TITLE:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return row.feared_event or None
                if role == BADGE_ROLE:
                    return None
                suffix = (
                    QCoreApplication.translate("Risks", " (DPIA form)") if row.from_form else ""
                )
                return row.title + suffix
            if column in (RiskColumn.INHERENT, RiskColumn.RESIDUAL):
                text, level = self._rating(row, column == RiskColumn.RESIDUAL)
                if role == BADGE_ROLE:
                    return LEVEL_BADGE.get(level or "", "tier:")
                if role == Qt.ItemDataRole.ToolTipRole:
                    return QCoreApplication.translate(
                        "Risks", "Severity × likelihood on the CNIL 1-4 scales"
                    )
                return text
            if column == RiskColumn.MEASURES:
                if role == BADGE_ROLE:
                    return None
                if role == Qt.ItemDataRole.ToolTipRole:
                    return row.measures or None
                return " ".join(row.measures.split())
        return None


class ActionTableModel(_Table):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (
            QCoreApplication.translate("Risks", "Action"),
            QCoreApplication.translate("Risks", "From"),
            QCoreApplication.translate("Risks", "Owner"),
            QCoreApplication.translate("Risks", "Due"),
            QCoreApplication.translate("Risks", "Status"),
        )
        self._risk_titles: dict[str, str] = {}
        self._findings: dict[str, str] = {}

    def set_actions(
        self, rows: Sequence[ActionRow], risk_titles: dict[str, str], findings: dict[str, str]
    ) -> None:
        self._risk_titles = risk_titles
        self._findings = findings
        self.set_rows(rows)

    def source_text(self, row: ActionRow) -> str:
        if row.risk_id:
            return QCoreApplication.translate("Risks", "Risk: {title}").format(
                title=self._risk_titles.get(row.risk_id, row.risk_id)
            )
        if row.finding_ref:
            return QCoreApplication.translate("Risks", "Finding: {ref}").format(ref=row.finding_ref)
        return QCoreApplication.translate("Risks", "Added by hand")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if not isinstance(row, ActionRow):
            return None
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ActionColumn.TITLE:
                return row.title
            if column == ActionColumn.SOURCE:
                return self.source_text(row)
            if column == ActionColumn.OWNER:
                return row.owner or QCoreApplication.translate("Risks", "Nobody yet")
            if column == ActionColumn.DUE:
                if row.due_date is None:
                    return QCoreApplication.translate("Risks", "No date")
                text = format_date(row.due_date)
                return (
                    QCoreApplication.translate("Risks", "{date} (overdue)").format(date=text)
                    if row.overdue
                    else text
                )
            if column == ActionColumn.STATUS:
                return action_status_label(row.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ActionColumn.SOURCE and row.finding_ref:
                return self._findings.get(row.finding_ref)
            if row.overdue:
                return QCoreApplication.translate(
                    "Risks", "Overdue: the due date has passed and the action is not done."
                )
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(current_theme().color("error"))
        if role == Qt.ItemDataRole.FontRole and row.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if (
            role == Qt.ItemDataRole.AccessibleTextRole
            and column == ActionColumn.DUE
            and row.overdue
        ):
            return QCoreApplication.translate("Risks", "{date}, overdue").format(
                date=format_date(row.due_date or date.today())
            )
        return None
