"""Reads the review views need, as frozen rows (no ORM object leaves the session).

Qt-free: the review overview is read on the work runner, the assessment list on the UI thread in
blocks (one indexed ``LIMIT/OFFSET`` query each).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dpia_desk.questionnaire import Form
from dpia_desk.services.library import form_library
from dpia_desk.services.review_plan import ReviewFacts, ReviewPlan
from dpia_desk.services.reviews import list_reviews, review_overview
from dpia_desk.store import get_vendor
from dpia_desk.store.models import Action, AISystem, Assessment, Vendor

# --- the assessment list ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AssessmentListRow:
    id: str
    vendor_name: str
    ai_system_name: str | None
    form_id: str
    status: str
    version: int
    updated_at: datetime
    review_id: str | None


def _filter(query: Any, text: str) -> Any:
    words = " ".join(text.split()).lower()
    if not words:
        return query
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return query.where(
        func.lower(Vendor.name).like(pattern, escape="\\")
        | Assessment.form_id.like(pattern, escape="\\")
        | func.lower(func.coalesce(AISystem.name, "")).like(pattern, escape="\\")
    )


def count_assessments(session: Session, filter_text: str = "") -> int:
    query = (
        select(func.count())
        .select_from(Assessment)
        .join(Vendor, Assessment.vendor_id == Vendor.id)
        .outerjoin(AISystem, Assessment.ai_system_id == AISystem.id)
    )
    return int(session.execute(_filter(query, filter_text)).scalar_one())


def list_assessment_rows(
    session: Session, filter_text: str = "", offset: int = 0, limit: int = 200
) -> list[AssessmentListRow]:
    """The most recently changed first."""
    query = (
        select(
            Assessment.id,
            Vendor.name,
            AISystem.name,
            Assessment.form_id,
            Assessment.status,
            Assessment.version,
            Assessment.updated_at,
            Assessment.review_id,
        )
        .join(Vendor, Assessment.vendor_id == Vendor.id)
        .outerjoin(AISystem, Assessment.ai_system_id == AISystem.id)
        .order_by(Assessment.updated_at.desc(), Assessment.id)
        .offset(offset)
        .limit(limit)
    )
    return [AssessmentListRow(*row) for row in session.execute(_filter(query, filter_text))]


def assessment_of_action(session: Session, action_id: str) -> str | None:
    return session.scalars(select(Action.assessment_id).where(Action.id == action_id)).first()


def form_titles() -> dict[str, str]:
    """Titles of the library's forms by id (loads the library: call it on the work runner)."""
    return {form.id: form.title for form in form_library()}


# --- the review overview ---------------------------------------------------------------------


@dataclass(frozen=True)
class StepInfo:
    form_id: str
    title: str
    owner_roles: tuple[str, ...]
    result: Any  # ScoreResult | None
    form: Form
    #: For the DPIA step: its form's and register's risks rated together.
    dpia_risk: Any = None  # DpiaRiskOutcome | None


@dataclass(frozen=True)
class OverviewData:
    review_id: str
    title: str
    vendor_id: str
    vendor_name: str
    ai_system_name: str | None
    status: str
    started_at: datetime
    facts: ReviewFacts
    plan: ReviewPlan
    steps: dict[str, StepInfo]


def _roles(form: Form) -> tuple[str, ...]:
    seen: list[str] = []
    for section in form.sections:
        if section.owner_role and section.owner_role not in seen:
            seen.append(section.owner_role)
    return tuple(seen)


def load_overview(session: Session, review_id: str) -> OverviewData:
    overview = review_overview(session, review_id)
    review = overview.review
    vendor = get_vendor(session, review.vendor_id)
    system_name = None
    if review.ai_system_id is not None:
        system = session.get(AISystem, review.ai_system_id)
        system_name = system.name if system is not None else None
    library = form_library()
    steps: dict[str, StepInfo] = {}
    for planned in overview.plan.steps:
        snap = overview.steps.get(planned.form_id)
        form = snap.form if snap is not None else library.get(planned.form_id)
        steps[planned.form_id] = StepInfo(
            planned.form_id,
            form.title,
            _roles(form),
            snap.result if snap is not None else None,
            form,
            overview.dpia_risk if planned.form_id == "dpia" else None,
        )
    return OverviewData(
        review_id=review.id,
        title=review.title,
        vendor_id=review.vendor_id,
        vendor_name=vendor.name,
        ai_system_name=system_name,
        status=review.status,
        started_at=review.started_at,
        facts=overview.facts,
        plan=overview.plan,
        steps=steps,
    )


@dataclass(frozen=True, slots=True)
class ReviewRow:
    id: str
    title: str
    ai_system_id: str | None
    status: str
    started_at: datetime


def vendor_reviews(session: Session, vendor_id: str) -> list[ReviewRow]:
    return [
        ReviewRow(r.id, r.title, r.ai_system_id, r.status, r.started_at)
        for r in list_reviews(session, vendor_id)
    ]


@dataclass(frozen=True, slots=True)
class SystemChoice:
    id: str
    name: str


def vendor_systems(session: Session, vendor_id: str) -> tuple[str, list[SystemChoice]]:
    vendor = get_vendor(session, vendor_id)
    return vendor.name, [SystemChoice(s.id, s.name) for s in vendor.ai_systems]


def exists_vendor(session: Session, vendor_id: str) -> bool:
    return session.get(Vendor, vendor_id) is not None
