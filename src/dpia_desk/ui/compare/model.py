"""The comparison as a table model: one column per vendor, one row per measure.

Rows are grouped under section rows (risk, due diligence, domain scores, open findings,
follow-up); the domain rows are the union of the vendors' due-diligence domains in form order, so
vendors answered on different form versions still line up. The vertical header names each
measure, the horizontal header each vendor. Every cell is computed once when the comparisons
arrive (:meth:`CompareModel.set_comparisons`), so painting asks for nothing but stored values.

Roles: ``DisplayRole`` is the value as text (what a screen reader and a copy read),
``BADGE_ROLE`` marks tier, verdict and grade cells for the badge painter, ``BAR_ROLE`` gives a bar
length 0..1 (scores, evidence share), ``ForegroundRole`` and ``FontRole`` single out what needs
attention (critical findings, overdue actions, a passed review date) in colour *and* weight,
``VENDOR_ID_ROLE`` gives the column's vendor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from dpia_desk.services.compare import SEVERITIES, VendorComparison, domain_order
from dpia_desk.ui.compare.bars import BAR_ROLE, NO_VALUE
from dpia_desk.ui.labels import (
    country_name,
    format_date,
    grade_explanation,
    grade_label,
    tier_explanation,
    tier_label,
    verdict_label,
)
from dpia_desk.ui.models.vendor_table import BADGE_ROLE, VENDOR_ID_ROLE
from dpia_desk.ui.theme import current_theme

AnyIndex = QModelIndex | QPersistentModelIndex

#: ``headerData(row, Vertical, MEASURE_ROLE)``: the measure's key (``"grade"``,
#: ``"domain:<id>"``, ``"findings:critical"``, ``"section:risk"``...).
MEASURE_ROLE = Qt.ItemDataRole.UserRole + 21

#: A review date this close is marked "soon" in the comparison.
SOON_DAYS = 30

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_SECTION_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    tooltip: str = ""

    @property
    def is_section(self) -> bool:
        return self.key.startswith("section:")


@dataclass(frozen=True, slots=True)
class Cell:
    text: str = ""
    badge: str | None = None
    bar: float | None = None
    attention: bool = False  # error colour and bold
    muted: bool = False  # "not assessed" and the like
    tooltip: str | None = None


_EMPTY = Cell()


class CompareModel(QAbstractTableModel):
    """Read-only; :meth:`set_comparisons` replaces everything (a model reset)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparisons: list[VendorComparison] = []
        self._measures: list[Measure] = []
        self._cells: list[list[Cell]] = []  # [row][column]
        self.today = date.today()

    # --- content -------------------------------------------------------------------------------

    def set_comparisons(
        self, comparisons: Sequence[VendorComparison], today: date | None = None
    ) -> None:
        self.beginResetModel()
        self.today = today or date.today()
        self._comparisons = list(comparisons)
        self._measures = self._build_measures()
        self._cells = [
            [self._cell(measure, comparison) for comparison in self._comparisons]
            for measure in self._measures
        ]
        self.endResetModel()

    @property
    def comparisons(self) -> list[VendorComparison]:
        return list(self._comparisons)

    def vendor_ids(self) -> list[str]:
        return [comparison.vendor_id for comparison in self._comparisons]

    def measure(self, row: int) -> Measure | None:
        return self._measures[row] if 0 <= row < len(self._measures) else None

    def row_of(self, key: str) -> int:
        return next((row for row, m in enumerate(self._measures) if m.key == key), -1)

    def column_of(self, vendor_id: str) -> int:
        return next(
            (col for col, c in enumerate(self._comparisons) if c.vendor_id == vendor_id), -1
        )

    def cell(self, row: int, column: int) -> Cell:
        if 0 <= row < len(self._cells) and 0 <= column < len(self._comparisons):
            return self._cells[row][column]
        return _EMPTY

    # --- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._measures)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._comparisons)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        measure = self.measure(index.row())
        return _SECTION_FLAGS if measure is None or measure.is_section else _FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._comparisons):
                return None
            comparison = self._comparisons[section]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return comparison.name
            if role == Qt.ItemDataRole.ToolTipRole:
                country = country_name(comparison.country)
                return f"{comparison.name} ({country})" if country else comparison.name
            if role == VENDOR_ID_ROLE:
                return comparison.vendor_id
            return None
        measure = self.measure(section)
        if measure is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return measure.label
        if role == Qt.ItemDataRole.ToolTipRole:
            # The name first: the header may have elided it.
            return f"{measure.label}\n{measure.tooltip}" if measure.tooltip else measure.label
        if role == MEASURE_ROLE:
            return measure.key
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._cells) and 0 <= column < len(self._comparisons)):
            return None
        cell = self._cells[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == BADGE_ROLE:
            return cell.badge
        if role == BAR_ROLE:
            return cell.bar
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            measure = self._measures[row]
            if measure.is_section or not cell.text:
                return measure.label
            return f"{measure.label}: {cell.text}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if cell.attention:
                return QBrush(current_theme().color("error"))
            if cell.muted:
                return QBrush(current_theme().color("muted"))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and self._measures[row].is_section:
            return QBrush(current_theme().color("window"))
        if role == Qt.ItemDataRole.FontRole and cell.attention:
            font = QFont()
            font.setBold(True)
            return font
        if role == VENDOR_ID_ROLE:
            return self._comparisons[column].vendor_id
        if role == MEASURE_ROLE:
            return self._measures[row].key
        return None

    # --- building ------------------------------------------------------------------------------

    def _build_measures(self) -> list[Measure]:
        measures = [
            Measure("section:risk", self.tr("Risk")),
            Measure(
                "inherent_tier",
                self.tr("Inherent risk tier"),
                self.tr(
                    "From the vendor intake: data sensitivity, volume, decision impact, access "
                    "and criticality set tier 1 (high) to 3 (low)."
                ),
            ),
            Measure(
                "review_cadence",
                self.tr("Review cadence"),
                self.tr("How often the inherent tier says the vendor is reviewed again."),
            ),
            Measure(
                "ai_act_tier",
                self.tr("AI Act tier"),
                self.tr("The highest tier of the vendor's AI systems."),
            ),
            Measure(
                "dpia_verdict",
                self.tr("DPIA"),
                self.tr("Whether a DPIA is required (GDPR Art. 35)."),
            ),
            Measure("section:diligence", self.tr("Due diligence")),
            Measure(
                "grade",
                self.tr("Grade"),
                self.tr("A (best) to E; a serious open finding caps the grade the score earns."),
            ),
            Measure(
                "overall",
                self.tr("Overall score"),
                self.tr("Weighted mean of the domain scores, 0 to 100."),
            ),
            Measure(
                "evidence_share",
                self.tr("Evidence-backed"),
                self.tr(
                    "Share of the answered claims backed by attached evidence; the rest is "
                    "self-attested by the vendor."
                ),
            ),
        ]
        domains = domain_order(self._comparisons)
        if domains:
            measures.append(Measure("section:domains", self.tr("Domain scores (0–100)")))
            measures += [
                Measure(
                    f"domain:{domain_id}", title, self.tr("Due-diligence domain score, 0 to 100.")
                )
                for domain_id, title in domains
            ]
        measures.append(Measure("section:findings", self.tr("Open findings")))
        severity_words = {
            "critical": self.tr("Critical"),
            "high": self.tr("High"),
            "medium": self.tr("Medium"),
            "low": self.tr("Low"),
        }
        measures += [
            Measure(
                f"findings:{severity}",
                severity_words.get(severity, severity.capitalize()),
                self.tr("Raised by the newest assessments and not closed by a done action."),
            )
            for severity in SEVERITIES
        ]
        measures += [
            Measure("section:follow_up", self.tr("Follow-up")),
            Measure("open_actions", self.tr("Open actions"), self.tr("Actions not done yet.")),
            Measure(
                "overdue_actions",
                self.tr("Overdue actions"),
                self.tr("Open actions past their due date."),
            ),
            Measure(
                "next_review", self.tr("Next review"), self.tr("The vendor's next review date.")
            ),
        ]
        return measures

    def _cell(self, measure: Measure, c: VendorComparison) -> Cell:
        key = measure.key
        if measure.is_section:
            return _EMPTY
        if key == "inherent_tier":
            words = {
                1: self.tr("Tier 1 · high"),
                2: self.tr("Tier 2 · moderate"),
                3: self.tr("Tier 3 · low"),
            }
            if c.inherent_tier is None:
                return Cell(self.tr("No intake yet"), muted=True)
            return Cell(words.get(c.inherent_tier, self.tr("Tier {n}").format(n=c.inherent_tier)))
        if key == "review_cadence":
            if c.review_every_months is None:
                return Cell(self.tr("Not set"), muted=True)
            return Cell(self.tr("Every %n month(s)", "", c.review_every_months))
        if key == "ai_act_tier":
            return self._provisional(
                c,
                "tier",
                Cell(
                    tier_label(c.ai_act_tier),
                    badge=f"tier:{c.ai_act_tier or ''}",
                    tooltip=tier_explanation(c.ai_act_tier),
                ),
            )
        if key == "dpia_verdict":
            return self._provisional(
                c,
                "verdict",
                Cell(verdict_label(c.dpia_verdict), badge=f"verdict:{c.dpia_verdict or ''}"),
            )
        if key == "grade":
            tooltip = grade_explanation(c.grade)
            if c.grade_cap and c.computed_grade and c.computed_grade != c.grade:
                tooltip += " " + self.tr(
                    "The score alone earns {earned}; an open finding caps it at {cap}."
                ).format(earned=c.computed_grade, cap=c.grade_cap)
            text = grade_label(c.grade)
            if c.grade and c.computed_grade and c.computed_grade != c.grade:
                text = self.tr("{grade} (capped)").format(grade=c.grade)
            return self._provisional(
                c, "grade", Cell(text, badge=f"grade:{c.grade or ''}", tooltip=tooltip)
            )
        if key == "overall":
            return self._score(c.overall, self.tr("Not scored yet"))
        if key == "evidence_share":
            if c.evidence_share is None:
                return Cell(self.tr("No answers yet"), bar=NO_VALUE, muted=True)
            total = c.evidence_backed + c.self_attested
            return Cell(
                _percent(c.evidence_share),
                bar=c.evidence_share,
                tooltip=self.tr("{backed} of {total} answered claims backed by evidence").format(
                    backed=c.evidence_backed, total=total
                ),
            )
        if key.startswith("domain:"):
            domain = c.domain(key.partition(":")[2])
            if domain is None:
                return Cell(self.tr("Not in this form"), bar=NO_VALUE, muted=True)
            cell = self._score(domain.score, self.tr("Not answered"))
            if domain.score is None:
                return cell
            share = _percent(domain.evidence_share or 0.0)
            return Cell(
                cell.text,
                bar=cell.bar,
                tooltip=self.tr(
                    "%n answered question(s), {share} backed by evidence", "", domain.answered
                ).format(share=share),
            )
        if key.startswith("findings:"):
            if c.open_findings is None:
                return Cell(self.tr("Not assessed"), muted=True)
            count = c.findings.get(key.partition(":")[2], 0)
            critical = key == "findings:critical" and count > 0
            return Cell(_number(count), attention=critical, muted=count == 0)
        if key == "open_actions":
            return Cell(_number(c.open_actions), muted=c.open_actions == 0)
        if key == "overdue_actions":
            if c.overdue_actions == 0:
                return Cell(_number(0), muted=True)
            return Cell(
                self.tr("%n overdue", "", c.overdue_actions),
                attention=True,
                tooltip=self.tr("Past their due date and not done."),
            )
        if key == "next_review":
            when = c.next_review_date
            if when is None:
                return Cell(self.tr("Not planned"), muted=True)
            days = (when - self.today).days
            if days < 0:
                relative = self.tr("%n day(s) overdue", "", -days)
            elif days == 0:
                relative = self.tr("today")
            else:
                relative = self.tr("in %n day(s)", "", days)
            full = self.tr("{date} ({relative})").format(date=format_date(when), relative=relative)
            # The cell stays short enough for a narrow column; the tooltip has the day count.
            if days < 0:
                text = self.tr("{date} · overdue").format(date=format_date(when))
            elif days <= SOON_DAYS:
                text = self.tr("{date} · soon").format(date=format_date(when))
            else:
                text = format_date(when)
            return Cell(text, attention=days < 0, tooltip=full)
        return _EMPTY

    def _provisional(self, c: VendorComparison, figure: str, cell: Cell) -> Cell:
        """A figure from a form with required answers still missing says so in its text (it
        must read in black and white too) and its tooltip, as the vendor table marks it."""
        if figure not in c.provisional:
            return cell
        note = self.tr("Provisional: the form it comes from still has required questions open.")
        return replace(
            cell,
            text=self.tr("{value} · provisional").format(value=cell.text),
            tooltip=f"{cell.tooltip}\n{note}" if cell.tooltip else note,
        )

    def _score(self, score: float | None, missing: str) -> Cell:
        if score is None:
            return Cell(missing, bar=NO_VALUE, muted=True)
        return Cell(QLocale().toString(score, "f", 1), bar=max(0.0, min(1.0, score / 100)))


def _percent(share: float) -> str:
    value = QLocale().toString(round(share * 100))
    return QCoreApplication.translate("CompareModel", "{value}%").format(value=value)


def _number(value: int) -> str:
    return QLocale().toString(value)
