"""Guided reviews in a workspace: start one, start its steps, and see where it stands."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dpia_desk.questionnaire import Form
from dpia_desk.scoring import DpiaRiskOutcome, ScoreResult
from dpia_desk.services.assessments import (
    AssessmentSnapshot,
    set_answer,
    snapshot,
    start_assessment,
)
from dpia_desk.services.errors import InvalidInputError
from dpia_desk.services.findings import open_findings
from dpia_desk.services.library import current_form
from dpia_desk.services.review_plan import (
    STEP_ORDER,
    ReviewFacts,
    ReviewPlan,
    StepProgress,
    plan_review,
)
from dpia_desk.services.risks import dpia_risk_outcome
from dpia_desk.store import NotFoundError, get_vendor, record_event
from dpia_desk.store.models import AISystem, Assessment, Review, ReviewStatus

_DEPTH_BY_TIER = {1: "full", 2: "standard", 3: "light"}


def get_review(session: Session, review_id: str) -> Review:
    review = session.get(Review, review_id)
    if review is None:
        raise NotFoundError("review", review_id)
    return review


def list_reviews(session: Session, vendor_id: str | None = None) -> list[Review]:
    query = select(Review).order_by(Review.started_at.desc())
    if vendor_id is not None:
        query = query.where(Review.vendor_id == vendor_id)
    return list(session.scalars(query))


def start_review(
    session: Session,
    *,
    actor: str,
    vendor_id: str,
    ai_system_id: str | None = None,
    title: str | None = None,
) -> tuple[Review, Assessment]:
    """A new review, with its first step (the intake) started."""
    vendor = get_vendor(session, vendor_id)
    system: AISystem | None = None
    if ai_system_id is not None:
        system = session.get(AISystem, ai_system_id)
        if system is None or system.vendor_id != vendor_id:
            raise NotFoundError("AI system of this vendor", ai_system_id)
    name = " ".join((title or "").split()) or (
        f"{vendor.name} — {system.name}" if system is not None else vendor.name
    )
    review = Review(vendor_id=vendor_id, ai_system_id=ai_system_id, title=name[:300])
    session.add(review)
    session.flush()
    record_event(
        session,
        actor,
        "create",
        "review",
        review.id,
        None,
        None,
        {"vendor_id": vendor_id, "ai_system_id": ai_system_id, "title": review.title},
    )
    intake = start_step(session, actor=actor, review_id=review.id, form_id="vendor_intake")
    return review, intake


def review_assessments(session: Session, review_id: str) -> dict[str, Assessment]:
    """The newest version of each step's assessment."""
    latest: dict[str, Assessment] = {}
    for assessment in session.scalars(
        select(Assessment)
        .where(Assessment.review_id == review_id)
        .order_by(Assessment.created_at, Assessment.version)
    ):
        latest[assessment.form_id] = assessment
    return latest


def start_step(
    session: Session,
    *,
    actor: str,
    review_id: str,
    form_id: str,
    form: Form | None = None,
) -> Assessment:
    """Start one step of a review; the due diligence depth is pre-filled from the intake tier."""
    review = get_review(session, review_id)
    if form_id not in STEP_ORDER and form is None:
        raise InvalidInputError("step", f"'{form_id}' is not a step of a guided review")
    existing = review_assessments(session, review_id).get(form_id)
    if existing is not None:
        raise InvalidInputError("step", f"'{form_id}' is already started ({existing.id})")
    chosen = form or current_form(form_id)
    vendor_level = chosen.applies_to == "vendor"
    assessment = start_assessment(
        session,
        actor=actor,
        vendor_id=review.vendor_id,
        ai_system_id=None if vendor_level else review.ai_system_id,
        review_id=review.id,
        form=chosen,
    )
    if form_id == "vendor_due_diligence":
        overview = review_overview(session, review_id)
        tier = overview.facts.inherent_tier
        if tier is not None and chosen.find_question("review_depth") is not None:
            set_answer(
                session,
                actor=actor,
                assessment_id=assessment.id,
                question_id="review_depth",
                value=_DEPTH_BY_TIER.get(tier, "full"),
            )
    return assessment


def _summary(
    form_id: str, result: ScoreResult | None, dpia_risk: DpiaRiskOutcome | None = None
) -> str:
    if result is None:
        return ""
    data = result.to_json()
    if form_id == "vendor_intake" and data.get("tier") is not None:
        return f"Tier {data['tier']}"
    if form_id == "ai_act_screening" and data.get("tier"):
        return str(data["tier"]).replace("_", " ").capitalize() + " risk"
    if form_id == "dpia_screening" and data.get("verdict"):
        return "DPIA " + str(data["verdict"]).replace("_", " ")
    if form_id == "vendor_due_diligence" and data.get("grade"):
        return f"Grade {data['grade']}"
    if form_id == "dpia":
        level = (
            (dpia_risk.highest_residual or dpia_risk.highest_inherent)
            if dpia_risk is not None
            else data.get("highest_residual_level") or data.get("highest_inherent_level")
        )
        return f"Highest risk: {level}" if level else ""
    if data.get("status"):
        return str(data["status"]).replace("_", " ")
    return ""


@dataclass(frozen=True)
class ReviewOverview:
    review: Review
    facts: ReviewFacts
    plan: ReviewPlan
    steps: dict[str, AssessmentSnapshot]
    #: The DPIA's risks, its form's and its register's rated together (None without a DPIA).
    dpia_risk: DpiaRiskOutcome | None = None


def review_overview(session: Session, review_id: str) -> ReviewOverview:
    review = get_review(session, review_id)
    snapshots = {
        form_id: snapshot(session, assessment.id)
        for form_id, assessment in review_assessments(session, review_id).items()
    }
    dpia_risk = dpia_risk_outcome(session, snapshots["dpia"]) if "dpia" in snapshots else None
    progress = {
        form_id: StepProgress(
            assessment_id=snap.assessment_id,
            status=snap.status,
            complete=snap.state.complete,
            required_answered=snap.state.overall.required_answered,
            required=snap.state.overall.required,
            summary=_summary(form_id, snap.result, dpia_risk),
        )
        for form_id, snap in snapshots.items()
    }

    def result(form_id: str) -> dict[str, object]:
        snap = snapshots.get(form_id)
        if snap is None or snap.result is None:
            return {}
        return dict(snap.result.to_json())

    intake = snapshots.get("vendor_intake")
    intake_answers = intake.state.answers if intake is not None else {}
    ai_act = result("ai_act_screening")
    ai_answers = (
        snapshots["ai_act_screening"].state.answers if "ai_act_screening" in snapshots else {}
    )
    tier = result("vendor_intake").get("tier")
    prior = dpia_risk is not None and dpia_risk.prior_consultation
    # as everywhere else: a finding a done action addressed no longer blocks
    critical = sum(
        1 for severity in open_findings(session, snapshots.values()).values()
        if severity == "critical"
    )  # fmt: skip
    obligations = ai_act.get("obligations")
    facts = ReviewFacts(
        has_ai_system=review.ai_system_id is not None,
        intake_answered=bool(intake_answers),
        ai_features=_str(intake_answers.get("ai_features_present")),
        nyc_roles=_nyc_roles(intake),
        inherent_tier=tier if isinstance(tier, int) else None,
        ai_act_tier=_str(ai_act.get("tier")),
        ai_act_obligations=tuple(
            str(item["id"])
            for item in (obligations if isinstance(obligations, list) else [])
            if isinstance(item, dict) and "id" in item
        ),
        employment_uses=tuple(
            str(v)
            for v in ai_answers.get("employment_uses", []) or []  # type: ignore[union-attr]
        ),
        dpia_verdict=_str(result("dpia_screening").get("verdict")),
        prior_consultation=prior,
        critical_findings=critical,
        progress=progress,
    )
    return ReviewOverview(review, facts, plan_review(facts), snapshots, dpia_risk)


def _nyc_roles(intake: AssessmentSnapshot | None) -> str | None:
    """The intake's New York City answer; "no" when the intake hides the question because the
    tool supports no recruitment or promotion process (Local Law 144 covers only those)."""
    if intake is None:
        return None
    answer = intake.state.answers.get("nyc_roles")
    if isinstance(answer, str):
        return answer
    hidden = "nyc_roles" in intake.state.hidden_questions
    if hidden and intake.state.answers.get("hr_processes"):
        return "no"
    return None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def close_review(session: Session, *, actor: str, review_id: str, status: str) -> None:
    review = get_review(session, review_id)
    allowed = [s.value for s in ReviewStatus]
    if status not in allowed:
        raise InvalidInputError("status", f"must be one of {', '.join(allowed)}")
    if review.status == status:
        return
    old = review.status
    review.status = status
    record_event(session, actor, "status", "review", review.id, "status", old, status)
