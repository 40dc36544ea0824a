"""The vendor table's figures (AI Act tier, DPIA verdict, grade, open findings), kept current.

The figures are derived from the newest assessment of each form, so they are cached on the vendor
row (the table sorts and filters 100,000 vendors in SQL) and refreshed after every change that can
move them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dpia_desk.scoring import ScoreResult
from dpia_desk.services.assessments import AssessmentSnapshot, latest_assessments, snapshot
from dpia_desk.services.findings import open_findings
from dpia_desk.store import set_vendor_summary
from dpia_desk.store.models import AISystem, Vendor

TIER_RANK = {"prohibited": 5, "high": 4, "limited": 3, "minimal": 2, "out_of_scope": 1}
VERDICT_RANK = {"required": 4, "likely_required": 3, "consider": 2, "not_required": 1}
#: A vendor figure and whether a complete form gives it.
Figure = tuple[str | None, bool]


@dataclass(frozen=True)
class VendorFigures:
    ai_act_tier: str | None
    dpia_verdict: str | None
    grade: str | None
    open_findings: int | None
    critical_findings: int
    #: Which of "tier", "verdict", "grade" come from forms with required answers missing.
    provisional: frozenset[str] = frozenset()


def _text(result: ScoreResult | None, key: str) -> str | None:
    if result is None:
        return None
    value = result.to_json().get(key)
    return value if isinstance(value, str) else None


def vendor_figures(session: Session, vendor_id: str) -> VendorFigures:
    system_ids = [
        None,
        *session.scalars(select(AISystem.id).where(AISystem.vendor_id == vendor_id)),
    ]
    tiers: list[tuple[str, bool]] = []  # (tier, from a complete screening)
    verdicts: list[tuple[str, bool]] = []
    grade: str | None = None
    grade_final = True
    snapshots: list[AssessmentSnapshot] = []
    seen: set[str] = set()
    for system_id in system_ids:
        for form_id, assessment in latest_assessments(session, vendor_id, system_id).items():
            if assessment.id in seen:
                continue
            seen.add(assessment.id)
            current = snapshot(session, assessment.id)
            result = current.result
            complete = result is not None and result.complete
            if form_id == "ai_act_screening" and (tier := _text(result, "tier")):
                tiers.append((tier, complete))
            elif form_id == "dpia_screening" and (verdict := _text(result, "verdict")):
                verdicts.append((verdict, complete))
            elif form_id == "vendor_due_diligence":
                grade = _text(result, "grade")
                grade_final = complete
            snapshots.append(current)
    still_open = open_findings(session, snapshots)
    tier, tier_final = highest_figure(tiers, TIER_RANK)
    verdict, verdict_final = highest_figure(verdicts, VERDICT_RANK)
    provisional = provisional_figures(
        (tier, tier_final), (verdict, verdict_final), (grade, grade_final)
    )
    return VendorFigures(
        ai_act_tier=tier,
        dpia_verdict=verdict,
        grade=grade,
        open_findings=len(still_open) if seen else None,
        critical_findings=sum(1 for sev in still_open.values() if sev == "critical"),
        provisional=provisional,
    )


def provisional_figures(tier: Figure, verdict: Figure, grade: Figure) -> frozenset[str]:
    """Which of "tier", "verdict" and "grade" have a value from a form still missing required
    answers."""
    return frozenset(
        key
        for key, (value, final) in (("tier", tier), ("verdict", verdict), ("grade", grade))
        if value is not None and not final
    )


def highest_figure(found: list[tuple[str, bool]], rank: dict[str, int]) -> tuple[str | None, bool]:
    """The most severe value, and whether a complete form gives it (several systems' forms may
    give the same value; one finished one is enough)."""
    if not found:
        return None, True
    top = max(found, key=lambda item: rank.get(item[0], 0))[0]
    return top, any(final for value, final in found if value == top)


def refresh_vendor_summary(session: Session, vendor_id: str) -> VendorFigures:
    figures = vendor_figures(session, vendor_id)
    set_vendor_summary(
        session,
        vendor_id,
        ai_act_tier=figures.ai_act_tier,
        dpia_verdict=figures.dpia_verdict,
        grade=figures.grade,
        open_findings=figures.open_findings,
        provisional=figures.provisional,
    )
    return figures


def refresh_all_vendor_summaries(
    session: Session, progress: Callable[[int, int], None] | None = None
) -> int:
    """Recompute every vendor's cached figures (after a schema upgrade added one, or a rules
    change moved them); returns how many vendors. ``progress(done, total)`` after each."""
    vendor_ids = list(session.scalars(select(Vendor.id).order_by(Vendor.sort_name)))
    for done, vendor_id in enumerate(vendor_ids, 1):
        refresh_vendor_summary(session, vendor_id)
        if progress is not None:
            progress(done, len(vendor_ids))
    return len(vendor_ids)
