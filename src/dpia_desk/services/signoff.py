"""Review and sign-off: section ratings, the status workflow, locking and new versions.

A reviewer (DPO or legal) rates each section acceptable, improvable or to be corrected, with a
comment the author sees. Then every role that owns a visible section signs off: HR, IT,
procurement, and DPO or legal (one of the two suffices: they share the legal review). An approval
is refused while required questions are unanswered. When every role has approved, the assessment
is approved and locked; any rejection rejects and locks it. Reopening a locked assessment creates
version n+1 (answers, comments, evidence, risks and actions copied) and leaves version n as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dpia_desk.questionnaire import Form, FormState, evaluate
from dpia_desk.services.assessments import (
    form_of,
    get_assessment,
    is_locked,
    stored_answers,
)
from dpia_desk.services.errors import (
    AssessmentLockedError,
    InvalidInputError,
    SignOffBlockedError,
)
from dpia_desk.store import record_event
from dpia_desk.store.models import (
    Action,
    Answer,
    Assessment,
    AssessmentStatus,
    Evidence,
    Risk,
    SectionRating,
    SectionReview,
    SignOff,
    SignOffDecision,
    utc_now,
)

ROLES = ("hr", "it", "dpo", "legal", "procurement")
#: Sign-off groups: DPO and legal review the same things, either may sign for both.
ROLE_GROUP = {
    "hr": "hr",
    "it": "it",
    "dpo": "dpo_legal",
    "legal": "dpo_legal",
    "procurement": "procurement",
}
GROUP_LABEL = {"hr": "HR", "it": "IT", "dpo_legal": "DPO or legal", "procurement": "Procurement"}
MAX_STATEMENT_LENGTH = 10_000


def required_signoff_groups(form: Form, state: FormState) -> tuple[str, ...]:
    """The sign-off groups owning at least one visible section (DPO/legal always signs)."""
    groups = {"dpo_legal"}
    for section in state.sections:
        if section.visible and section.owner_role:
            groups.add(ROLE_GROUP.get(section.owner_role, section.owner_role))
    order = ("hr", "it", "procurement", "dpo_legal")
    return tuple(group for group in order if group in groups)


@dataclass(frozen=True)
class SignOffStatus:
    required: tuple[str, ...]  # groups
    approved: tuple[str, ...]  # groups with an approval
    rejected: tuple[str, ...]
    missing_questions: tuple[str, ...]

    @property
    def pending(self) -> tuple[str, ...]:
        return tuple(g for g in self.required if g not in self.approved and g not in self.rejected)

    @property
    def blockers(self) -> list[str]:
        """What still stands between the assessment and its approval, in words."""
        items: list[str] = []
        if self.missing_questions:
            items.append(f"{len(self.missing_questions)} required question(s) unanswered")
        items.extend(f"sign-off by {GROUP_LABEL.get(g, g)} pending" for g in self.pending)
        return items


def signoff_status(session: Session, assessment_id: str) -> SignOffStatus:
    assessment = get_assessment(session, assessment_id)
    form = form_of(assessment)
    state = evaluate(form, stored_answers(session, assessment_id))
    approved: set[str] = set()
    rejected: set[str] = set()
    for signoff in list_signoffs(session, assessment_id):
        group = ROLE_GROUP.get(signoff.role, signoff.role)
        (approved if signoff.decision == SignOffDecision.APPROVE.value else rejected).add(group)
    return SignOffStatus(
        required=required_signoff_groups(form, state),
        approved=tuple(sorted(approved)),
        rejected=tuple(sorted(rejected)),
        missing_questions=state.missing,
    )


def list_signoffs(session: Session, assessment_id: str) -> list[SignOff]:
    return list(
        session.scalars(
            select(SignOff)
            .where(SignOff.assessment_id == assessment_id)
            .order_by(SignOff.signed_at, SignOff.id)
        )
    )


def latest_section_reviews(session: Session, assessment_id: str) -> dict[str, SectionReview]:
    latest: dict[str, SectionReview] = {}
    for review in session.scalars(
        select(SectionReview)
        .where(SectionReview.assessment_id == assessment_id)
        .order_by(SectionReview.at, SectionReview.id)
    ):
        latest[review.section_id] = review
    return latest


def rate_section(
    session: Session,
    *,
    actor: str,
    assessment_id: str,
    section_id: str,
    rating: str,
    comment: str = "",
    reviewer: str | None = None,
) -> SectionReview:
    assessment = _writable(session, assessment_id)
    form = form_of(assessment)
    if section_id not in {section.id for section in form.sections}:
        raise InvalidInputError("section", f"form '{form.id}' has no section '{section_id}'")
    allowed = [r.value for r in SectionRating]
    if rating not in allowed:
        raise InvalidInputError("rating", f"must be one of {', '.join(allowed)}")
    review = SectionReview(
        assessment_id=assessment_id,
        section_id=section_id,
        rating=rating,
        comment=comment.strip()[:MAX_STATEMENT_LENGTH],
        reviewer=(reviewer or actor).strip() or actor,
    )
    session.add(review)
    session.flush()
    record_event(
        session,
        actor,
        "section_review",
        "assessment",
        assessment_id,
        section_id,
        None,
        {"rating": rating, "comment": review.comment},
    )
    return review


def _writable(session: Session, assessment_id: str) -> Assessment:
    assessment = get_assessment(session, assessment_id)
    if is_locked(assessment):
        raise AssessmentLockedError(assessment.id, assessment.status)
    return assessment


def set_status(session: Session, *, actor: str, assessment_id: str, status: str) -> None:
    """Move between draft and in review (approval and rejection come from sign-offs only)."""
    assessment = _writable(session, assessment_id)
    if status not in (AssessmentStatus.DRAFT.value, AssessmentStatus.IN_REVIEW.value):
        raise InvalidInputError(
            "status", "only draft and in_review can be set; approval comes from the sign-offs"
        )
    if assessment.status == status:
        return
    old = assessment.status
    assessment.status = status
    assessment.updated_at = utc_now()
    record_event(session, actor, "status", "assessment", assessment_id, "status", old, status)


def sign_off(
    session: Session,
    *,
    actor: str,
    assessment_id: str,
    role: str,
    name: str,
    decision: str,
    statement: str = "",
) -> SignOff:
    """Record one role's decision; approves and locks the assessment when all have approved."""
    assessment = _writable(session, assessment_id)
    if role not in ROLES:
        raise InvalidInputError("role", f"must be one of {', '.join(ROLES)}")
    if decision not in (SignOffDecision.APPROVE.value, SignOffDecision.REJECT.value):
        raise InvalidInputError("decision", "must be approve or reject")
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("name", "the person signing must be named")
    if len(statement) > MAX_STATEMENT_LENGTH:
        raise InvalidInputError("statement", f"longer than {MAX_STATEMENT_LENGTH:,} characters")
    form = form_of(assessment)
    state = evaluate(form, stored_answers(session, assessment_id))
    if decision == SignOffDecision.APPROVE.value and state.missing:
        titles = [f"{qid} ({form.question(qid).text})" for qid in state.missing]
        raise SignOffBlockedError(state.missing, titles)
    signoff = SignOff(
        assessment_id=assessment_id,
        role=role,
        name=name,
        decision=decision,
        statement=statement.strip(),
    )
    session.add(signoff)
    session.flush()
    record_event(
        session,
        actor,
        "sign_off",
        "assessment",
        assessment_id,
        role,
        None,
        {"name": name, "decision": decision, "statement": signoff.statement},
    )
    if assessment.status == AssessmentStatus.DRAFT.value:
        assessment.status = AssessmentStatus.IN_REVIEW.value
    status = signoff_status(session, assessment_id)
    new_status: str | None = None
    if status.rejected:
        new_status = AssessmentStatus.REJECTED.value
    elif not status.pending and not status.missing_questions:
        new_status = AssessmentStatus.APPROVED.value
    if new_status is not None:
        old = assessment.status
        assessment.status = new_status
        record_event(
            session, actor, "status", "assessment", assessment_id, "status", old, new_status
        )
    assessment.updated_at = utc_now()
    session.flush()
    return signoff


def reopen(session: Session, *, actor: str, assessment_id: str) -> Assessment:
    """Version n+1 of a locked assessment, with its content copied; version n stays locked."""
    old = get_assessment(session, assessment_id)
    if not is_locked(old):
        raise InvalidInputError("status", "only an approved or rejected assessment is reopened")
    newer = session.scalars(
        select(Assessment.id).where(Assessment.previous_version_id == old.id)
    ).first()
    if newer is not None:
        raise InvalidInputError("version", f"this version was already reopened as {newer}")
    new = Assessment(
        review_id=old.review_id,
        vendor_id=old.vendor_id,
        ai_system_id=old.ai_system_id,
        form_id=old.form_id,
        form_version=old.form_version,
        form_snapshot=old.form_snapshot,
        status=AssessmentStatus.DRAFT.value,
        version=old.version + 1,
        previous_version_id=old.id,
        review_date=old.review_date,
    )
    session.add(new)
    session.flush()
    for answer in session.scalars(select(Answer).where(Answer.assessment_id == old.id)):
        session.add(
            Answer(
                assessment_id=new.id,
                question_id=answer.question_id,
                value=answer.value,
                comment=answer.comment,
                answered_by=answer.answered_by,
                answered_at=answer.answered_at,
            )
        )
    for evidence in session.scalars(select(Evidence).where(Evidence.assessment_id == old.id)):
        session.add(
            Evidence(
                assessment_id=new.id,
                question_id=evidence.question_id,
                filename=evidence.filename,
                media_type=evidence.media_type,
                size=evidence.size,
                sha256=evidence.sha256,
                content=evidence.content,
                expires_on=evidence.expires_on,
                added_by=evidence.added_by,
                added_at=evidence.added_at,
            )
        )
    risk_ids: dict[str, str] = {}
    for risk in session.scalars(select(Risk).where(Risk.assessment_id == old.id)):
        copy = Risk(
            assessment_id=new.id,
            title=risk.title,
            feared_event=risk.feared_event,
            sources=list(risk.sources),
            impacts=list(risk.impacts),
            severity=risk.severity,
            likelihood=risk.likelihood,
            residual_severity=risk.residual_severity,
            residual_likelihood=risk.residual_likelihood,
            measures=risk.measures,
        )
        session.add(copy)
        session.flush()
        risk_ids[risk.id] = copy.id
    for action in session.scalars(select(Action).where(Action.assessment_id == old.id)):
        session.add(
            Action(
                assessment_id=new.id,
                risk_id=risk_ids.get(action.risk_id) if action.risk_id else None,
                finding_ref=action.finding_ref,
                title=action.title,
                owner=action.owner,
                due_date=action.due_date,
                status=action.status,
            )
        )
    session.flush()
    record_event(
        session, actor, "reopen", "assessment", new.id, "version", old.version, new.version
    )
    return new
