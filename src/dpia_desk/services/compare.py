"""Vendors side by side: the figures procurement and the DPO compare before choosing one.

:func:`compare_vendors` reads, for each vendor, the newest assessment of each form (as
:func:`dpia_desk.services.summary.vendor_figures` does, so the AI Act tier, DPIA verdict, grade and
open findings agree with the vendor table) and adds what a comparison needs on top: the intake's
inherent tier and review cadence, the due-diligence score per domain with its evidence-backed
share, open findings by severity, open and overdue actions, and the next review date.

It scores every newest assessment of every vendor asked for (about a tenth of a second a vendor),
so the desktop runs it on its work runner, never on the UI thread. No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from dpia_desk.services.assessments import AssessmentSnapshot, latest_assessments, snapshot
from dpia_desk.services.findings import open_findings
from dpia_desk.services.summary import (
    TIER_RANK,
    VERDICT_RANK,
    highest_figure,
    provisional_figures,
)
from dpia_desk.store import get_vendor
from dpia_desk.store.models import Action, ActionStatus, AISystem, Assessment

#: Finding severities, the most serious first (``dpia_desk.questionnaire.model.Severity``).
SEVERITIES = ("critical", "high", "medium", "low")


@dataclass(frozen=True)
class DomainComparison:
    """One due-diligence domain of one vendor; ``score`` is None while nothing in it is answered."""

    id: str
    title: str
    weight: float
    score: float | None
    answered: int
    evidence_backed: int
    self_attested: int
    evidence_share: float | None  # 0..1 of the answered claims backed by evidence


@dataclass(frozen=True)
class VendorComparison:
    vendor_id: str
    name: str
    country: str | None
    #: Vendor intake: inherent risk tier 1 (high) to 3 (low) and the review cadence it sets.
    inherent_tier: int | None = None
    review_every_months: int | None = None
    #: The highest AI Act tier and DPIA verdict over the vendor's AI systems (as the vendor table).
    ai_act_tier: str | None = None
    dpia_verdict: str | None = None
    #: Due diligence: overall 0-100 score, the grade shown (after any cap), the grade the score
    #: alone earns and the cap a serious finding imposed.
    overall: float | None = None
    grade: str | None = None
    computed_grade: str | None = None
    grade_cap: str | None = None
    evidence_share: float | None = None
    evidence_backed: int = 0
    self_attested: int = 0
    domains: tuple[DomainComparison, ...] = ()
    #: Open findings of the newest assessments (a finding closes with a done action), by severity;
    #: every severity of :data:`SEVERITIES` is present. ``open_findings`` is None when the vendor
    #: has no assessment at all (the vendor table shows "not assessed" then).
    findings: Mapping[str, int] = field(default_factory=dict)
    open_findings: int | None = None
    open_actions: int = 0
    overdue_actions: int = 0
    next_review_date: date | None = None
    #: Which of "tier", "verdict", "grade" come from forms with required answers missing (as the
    #: vendor table marks them).
    provisional: frozenset[str] = frozenset()

    @property
    def critical_findings(self) -> int:
        return self.findings.get("critical", 0)

    def domain(self, domain_id: str) -> DomainComparison | None:
        return next((d for d in self.domains if d.id == domain_id), None)


#: ``progress(done, total)`` after each vendor (the work runner's progress and cancel point).
Progress = Callable[[int, int], None]


def compare_vendors(
    session: Session,
    vendor_ids: Iterable[str],
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> list[VendorComparison]:
    """One :class:`VendorComparison` per vendor, in the order given (repeated ids once).

    Raises :class:`dpia_desk.store.NotFoundError` for an id that is not in the workspace.
    """
    today = today or date.today()
    ids = list(dict.fromkeys(vendor_ids))
    comparisons: list[VendorComparison] = []
    for number, vendor_id in enumerate(ids, start=1):
        comparisons.append(_compare_one(session, vendor_id, today))
        if progress is not None:
            progress(number, len(ids))
    return comparisons


def domain_order(comparisons: Iterable[VendorComparison]) -> list[tuple[str, str]]:
    """``(id, title)`` of every domain any of the vendors has, in form order (first seen first)."""
    seen: dict[str, str] = {}
    for comparison in comparisons:
        for domain in comparison.domains:
            seen.setdefault(domain.id, domain.title)
    return list(seen.items())


def _compare_one(session: Session, vendor_id: str, today: date) -> VendorComparison:
    vendor = get_vendor(session, vendor_id)
    system_ids: list[str | None] = [
        None,
        *session.scalars(select(AISystem.id).where(AISystem.vendor_id == vendor_id)),
    ]
    snapshots: dict[str, AssessmentSnapshot] = {}
    vendor_level: dict[str, AssessmentSnapshot] = {}  # newest of each form, any system
    tiers: list[tuple[str, bool]] = []  # (value, from a complete form)
    verdicts: list[tuple[str, bool]] = []
    # The same walk as summary.vendor_figures: the vendor's forms, then each system's own.
    for system_id in system_ids:
        for form_id, assessment in latest_assessments(session, vendor_id, system_id).items():
            if assessment.id in snapshots:
                continue
            current = snapshots[assessment.id] = snapshot(session, assessment.id)
            if system_id is None:
                vendor_level[form_id] = current
            data = _result(current)
            complete = current.result is not None and current.result.complete
            if form_id == "ai_act_screening" and isinstance(tier := data.get("tier"), str):
                tiers.append((tier, complete))
            elif form_id == "dpia_screening" and isinstance(verdict := data.get("verdict"), str):
                verdicts.append((verdict, complete))

    intake = _result(vendor_level.get("vendor_intake"))
    diligence = _result(vendor_level.get("vendor_due_diligence"))
    evidence = diligence.get("evidence")
    evidence = evidence if isinstance(evidence, dict) else {}
    findings = list(open_findings(session, snapshots.values()).values())
    open_actions, overdue_actions = _action_counts(session, vendor_id, today)
    tier, tier_final = highest_figure(tiers, TIER_RANK)
    verdict, verdict_final = highest_figure(verdicts, VERDICT_RANK)
    diligence_snapshot = vendor_level.get("vendor_due_diligence")
    grade_final = (
        diligence_snapshot is None
        or diligence_snapshot.result is None
        or diligence_snapshot.result.complete
    )
    grade = _str(diligence.get("grade"))
    provisional = provisional_figures(
        (tier, tier_final), (verdict, verdict_final), (grade, grade_final)
    )
    return VendorComparison(
        vendor_id=vendor.id,
        name=vendor.name,
        country=vendor.country,
        inherent_tier=_int(intake.get("tier")),
        review_every_months=_int(intake.get("review_every_months")),
        ai_act_tier=tier,
        dpia_verdict=verdict,
        overall=_float(diligence.get("overall")),
        grade=grade,
        computed_grade=_str(diligence.get("computed_grade")),
        grade_cap=_str(diligence.get("grade_cap")),
        evidence_share=_float(evidence.get("evidence_share")),
        evidence_backed=_int(evidence.get("evidence_backed")) or 0,
        self_attested=_int(evidence.get("self_attested")) or 0,
        domains=tuple(_domain(item) for item in _dicts(diligence.get("domains"))),
        findings={severity: findings.count(severity) for severity in SEVERITIES},
        open_findings=len(findings) if snapshots else None,
        open_actions=open_actions,
        overdue_actions=overdue_actions,
        next_review_date=vendor.next_review_date,
        provisional=provisional,
    )


def _action_counts(session: Session, vendor_id: str, today: date) -> tuple[int, int]:
    """Actions not done on any of the vendor's assessments, and how many are past due."""
    overdue = case((Action.due_date < today, 1), else_=0)
    row = session.execute(
        select(func.count(Action.id), func.coalesce(func.sum(overdue), 0))
        .join(Assessment, Action.assessment_id == Assessment.id)
        .where(Assessment.vendor_id == vendor_id, Action.status != ActionStatus.DONE.value)
    ).one()
    return int(row[0]), int(row[1])


def _domain(item: Mapping[str, Any]) -> DomainComparison:
    return DomainComparison(
        id=str(item.get("id", "")),
        title=str(item.get("title") or item.get("id", "")),
        weight=_float(item.get("weight")) or 0.0,
        score=_float(item.get("score")),
        answered=_int(item.get("answered")) or 0,
        evidence_backed=_int(item.get("evidence_backed")) or 0,
        self_attested=_int(item.get("self_attested")) or 0,
        evidence_share=_float(item.get("evidence_share")),
    )


def _result(current: AssessmentSnapshot | None) -> dict[str, Any]:
    if current is None or current.result is None:
        return {}
    return dict(current.result.to_json())


def _dicts(value: object) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
