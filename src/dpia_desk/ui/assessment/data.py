"""What an assessment window shows, read in one go as plain values (no ORM objects escape).

:func:`load_assessment_data` runs in any session (the work runner's, for the first open; the UI
thread's, for a reload after a review change). It is Qt-free on purpose: the window's widgets only
ever see these frozen values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dpia_desk.scoring import ScoreResult
from dpia_desk.services.assessments import (
    AssessmentSnapshot,
    get_assessment,
    list_evidence,
    related_results,
    snapshot,
)
from dpia_desk.services.signoff import (
    SignOffStatus,
    latest_section_reviews,
    list_signoffs,
    signoff_status,
)
from dpia_desk.store import get_vendor
from dpia_desk.store.models import AISystem, Assessment


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    id: str
    question_id: str | None
    filename: str
    size: int
    media_type: str
    added_by: str
    added_at: datetime
    expires_on: date | None


@dataclass(frozen=True, slots=True)
class SectionRatingInfo:
    section_id: str
    rating: str  # acceptable / improvable / to_be_corrected
    comment: str
    reviewer: str
    at: datetime


@dataclass(frozen=True, slots=True)
class SignOffRow:
    role: str
    name: str
    decision: str
    statement: str
    signed_at: datetime


@dataclass(frozen=True)
class ReviewData:
    """Ratings and sign-offs: what the review tab and the section list show."""

    ratings: dict[str, SectionRatingInfo]
    status: SignOffStatus
    signoffs: tuple[SignOffRow, ...]


@dataclass(frozen=True)
class AssessmentData:
    snapshot: AssessmentSnapshot
    vendor_name: str
    ai_system_name: str | None
    review_id: str | None
    evidence: tuple[EvidenceItem, ...]
    review: ReviewData
    newer_version_id: str | None  # set once this (locked) version was reopened
    #: The scores of the vendor's other forms that this form's engine reads (kept, so that an
    #: answer re-scores this form alone: services.assessments.rescore).
    related: dict[str, ScoreResult]


def evidence_items(session: Session, assessment_id: str) -> tuple[EvidenceItem, ...]:
    return tuple(
        EvidenceItem(
            e.id,
            e.question_id,
            e.filename,
            e.size,
            e.media_type,
            e.added_by,
            e.added_at,
            e.expires_on,
        )
        for e in list_evidence(session, assessment_id)
    )


def review_data(session: Session, assessment_id: str) -> ReviewData:
    ratings = {
        section_id: SectionRatingInfo(
            section_id, review.rating, review.comment, review.reviewer, review.at
        )
        for section_id, review in latest_section_reviews(session, assessment_id).items()
    }
    signoffs = tuple(
        SignOffRow(s.role, s.name, s.decision, s.statement, s.signed_at)
        for s in list_signoffs(session, assessment_id)
    )
    return ReviewData(ratings, signoff_status(session, assessment_id), signoffs)


def load_assessment_data(session: Session, assessment_id: str) -> AssessmentData:
    assessment = get_assessment(session, assessment_id)
    vendor = get_vendor(session, assessment.vendor_id)
    system_name = None
    if assessment.ai_system_id is not None:
        system = session.get(AISystem, assessment.ai_system_id)
        system_name = system.name if system is not None else None
    newer = session.scalars(
        select(Assessment.id).where(Assessment.previous_version_id == assessment_id)
    ).first()
    return AssessmentData(
        snapshot=snapshot(session, assessment_id),
        vendor_name=vendor.name,
        ai_system_name=system_name,
        review_id=assessment.review_id,
        evidence=evidence_items(session, assessment_id),
        review=review_data(session, assessment_id),
        newer_version_id=newer,
        related=related_results(session, assessment),
    )
