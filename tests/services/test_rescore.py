"""rescore: the desktop's hot path after an answer gives what a fresh snapshot gives."""

from __future__ import annotations

from dpia_desk.services.assessments import (
    get_assessment,
    related_results,
    rescore,
    set_answer,
    snapshot,
)
from dpia_desk.services.reviews import start_review, start_step
from dpia_desk.store import Workspace
from tests.services.test_assessments import HIGH_RISK_CV_FILTER


def test_rescore_equals_a_fresh_snapshot(workspace: Workspace, vendor_id: str) -> None:
    with workspace.session() as session:
        review, intake = start_review(session, actor="t", vendor_id=vendor_id)
        set_answer(
            session,
            actor="t",
            assessment_id=intake.id,
            question_id="ai_features_present",
            value="evaluates_people",
        )
        screening = start_step(session, actor="t", review_id=review.id, form_id="dpia_screening").id
    with workspace.read_session() as session:
        before = snapshot(session, screening)
        related = related_results(session, get_assessment(session, screening))
    answers = {"c1_evaluation_scoring": "yes", "c7_vulnerable_subjects": "yes"}
    with workspace.session() as session:
        for question_id, value in answers.items():
            set_answer(
                session, actor="t", assessment_id=screening, question_id=question_id, value=value
            )
    with workspace.read_session() as session:
        fresh = snapshot(session, screening)
    quick = rescore(before, answers={**before.answers, **answers}, related=related)
    assert quick.answers == fresh.answers
    assert quick.state == fresh.state
    assert quick.result is not None and fresh.result is not None
    assert quick.result.to_json() == fresh.result.to_json()
    assert quick.result.to_json()["verdict"] == "likely_required"
    # comments are replaced, everything else is kept
    noted = rescore(quick, comments={"c1_evaluation_scoring": "see model card"})
    assert noted.comments == {"c1_evaluation_scoring": "see model card"}
    assert noted.answers == quick.answers and noted.status == quick.status


def test_rescore_without_related_results_scores_the_form_alone(
    workspace: Workspace, vendor_id: str
) -> None:
    with workspace.session() as session:
        review, _intake = start_review(session, actor="t", vendor_id=vendor_id)
        ai = start_step(session, actor="t", review_id=review.id, form_id="ai_act_screening").id
    with workspace.read_session() as session:
        current = snapshot(session, ai)
    scored = rescore(current, answers=HIGH_RISK_CV_FILTER)
    assert scored.result is not None and scored.result.to_json()["tier"] == "high"
    assert scored.state.complete
