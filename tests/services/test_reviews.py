"""The guided review proposes each next step from the results so far, with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dpia_desk.reports.builder import build_report
from dpia_desk.services.assessments import set_answers
from dpia_desk.services.compare import compare_vendors
from dpia_desk.services.errors import InvalidInputError
from dpia_desk.services.review_plan import ReviewFacts, StepProgress, plan_review
from dpia_desk.services.reviews import review_overview, start_review, start_step
from dpia_desk.services.risks import actions_from_findings, add_risk, update_action
from dpia_desk.services.summary import refresh_vendor_summary, vendor_figures
from dpia_desk.store import Workspace, get_vendor, list_vendors
from tests.services.test_assessments import HIGH_RISK_CV_FILTER

ROOT = Path(__file__).resolve().parents[2]


def needs(facts: ReviewFacts) -> dict[str, str]:
    return {step.form_id: step.need for step in plan_review(facts).steps}


def test_a_fresh_review_starts_with_the_intake() -> None:
    plan = plan_review(ReviewFacts())
    assert plan.next_step is not None and plan.next_step.form_id == "vendor_intake"
    assert needs(ReviewFacts())["ai_act_screening"] == "waiting"
    assert all(step.reason and step.refs for step in plan.steps)


def test_no_ai_means_no_ai_act_screening_and_no_fria() -> None:
    result = needs(ReviewFacts(intake_answered=True, ai_features="none", inherent_tier=3))
    assert result["ai_act_screening"] == "not_needed"
    assert result["fria"] == "not_needed"
    assert result["vendor_due_diligence"] == "needed"


@pytest.mark.parametrize(
    ("verdict", "need"),
    [
        ("required", "needed"),
        ("likely_required", "needed"),
        ("consider", "optional"),
        ("not_required", "not_needed"),
        (None, "waiting"),
    ],
)
def test_the_dpia_follows_the_screening(verdict: str | None, need: str) -> None:
    assert needs(ReviewFacts(dpia_verdict=verdict))["dpia"] == need


def test_fria_only_when_the_ai_act_result_owes_one() -> None:
    owed = ReviewFacts(ai_act_tier="high", ai_act_obligations=("art27_fria",))
    not_owed = ReviewFacts(ai_act_tier="high", ai_act_obligations=("art26_deployer_duties",))
    assert needs(owed)["fria"] == "needed"
    assert needs(not_owed)["fria"] == "not_needed"


def test_ll144_for_new_york_city_jobs() -> None:
    assert (
        needs(ReviewFacts(ai_features="evaluates_people", nyc_roles="yes"))["ll144_bias_audit"]
        == "needed"
    )
    assert needs(ReviewFacts(nyc_roles="no"))["ll144_bias_audit"] == "not_needed"


def test_due_diligence_depth_follows_the_tier() -> None:
    plan = plan_review(ReviewFacts(inherent_tier=1))
    assert plan.step("vendor_due_diligence").depth == "full"


def test_blockers_name_what_stops_sign_off() -> None:
    facts = ReviewFacts(
        ai_act_tier="prohibited",
        prior_consultation=True,
        critical_findings=2,
        progress={
            "vendor_intake": StepProgress("a", "draft", False, 3, 9, "Tier 1"),
        },
    )
    blockers = plan_review(facts).blockers
    assert "vendor_intake: required questions unanswered" in blockers
    assert any("Art. 5" in b for b in blockers)
    assert any("Art. 36" in b for b in blockers)
    assert "2 critical finding(s) open" in blockers


def test_a_review_in_the_workspace(workspace: Workspace, vendor_id: str) -> None:
    with workspace.session() as session:
        review, intake = start_review(session, actor="hr", vendor_id=vendor_id)
        set_answers(
            session,
            actor="hr",
            assessment_id=intake.id,
            answers={
                "ai_features_present": "evaluates_people",
                "hr_processes": ["recruitment"],
                "nyc_roles": "no",
            },
        )
    with workspace.read_session() as session:
        overview = review_overview(session, review.id)
    plan = overview.plan
    assert plan.step("ai_act_screening").need == "needed"
    assert plan.step("ll144_bias_audit").need == "not_needed"
    assert plan.step("vendor_intake").state == "in_progress"
    with workspace.session() as session:
        screening = start_step(session, actor="hr", review_id=review.id, form_id="ai_act_screening")
        set_answers(session, actor="hr", assessment_id=screening.id, answers=HIGH_RISK_CV_FILTER)
        with pytest.raises(InvalidInputError, match="already started"):
            start_step(session, actor="hr", review_id=review.id, form_id="ai_act_screening")
        refresh_vendor_summary(session, vendor_id)
    with workspace.read_session() as session:
        overview = review_overview(session, review.id)
        assert get_vendor(session, vendor_id).ai_act_tier == "high"
    step = overview.plan.step("ai_act_screening")
    assert step.progress is not None and step.progress.summary == "High risk"
    assert overview.plan.step("fria").need == "not_needed"


def test_ll144_is_not_needed_when_the_tool_serves_no_hiring_or_promotion(
    workspace: Workspace, vendor_id: str
) -> None:
    with workspace.session() as session:
        review, intake = start_review(session, actor="hr", vendor_id=vendor_id)
        set_answers(
            session,
            actor="hr",
            assessment_id=intake.id,
            answers={"hr_processes": ["payroll_benefits"], "ai_features_present": "none"},
        )
    with workspace.read_session() as session:
        plan = review_overview(session, review.id).plan
    assert plan.step("ll144_bias_audit").need == "not_needed"


def test_a_finding_a_done_action_addressed_no_longer_blocks_sign_off(
    workspace: Workspace, vendor_id: str
) -> None:
    """The review overview, the vendor table and the comparison count open findings alike."""
    golden = ROOT / "tests" / "golden" / "vendor_due_diligence"
    answers = yaml.safe_load(
        (golden / "ai_video_interviews_standard_critical_cap_d.yaml").read_text(encoding="utf-8")
    )["answers"]
    with workspace.session() as session:
        review, _intake = start_review(session, actor="it", vendor_id=vendor_id)
        diligence = start_step(
            session, actor="it", review_id=review.id, form_id="vendor_due_diligence"
        )
        set_answers(session, actor="it", assessment_id=diligence.id, answers=answers)
        actions = actions_from_findings(session, actor="it", assessment_id=diligence.id)
    with workspace.read_session() as session:
        critical = [
            flag.key
            for flag in review_overview(session, review.id)
            .steps["vendor_due_diligence"]
            .state.flags
            if flag.severity == "critical"
        ]
        assert critical
        assert review_overview(session, review.id).facts.critical_findings == len(critical)
        assert vendor_figures(session, vendor_id).critical_findings == len(critical)
    with workspace.session() as session:
        for action in actions:
            if action.finding_ref in critical:
                update_action(session, actor="it", action_id=action.id, status="done")
    with workspace.read_session() as session:
        overview = review_overview(session, review.id)
        assert overview.facts.critical_findings == 0
        assert not any("critical finding" in blocker for blocker in overview.plan.blockers)
        assert vendor_figures(session, vendor_id).critical_findings == 0
        assert compare_vendors(session, [vendor_id])[0].critical_findings == 0


def test_the_dpia_risk_level_counts_the_register_everywhere(
    workspace: Workspace, vendor_id: str
) -> None:
    """The form's feared events stay below high; a register risk that stays high after its
    measures makes the DPIA's level high in the step summary, the blockers (Art. 36) and the
    document's conclusion alike."""
    golden = ROOT / "tests" / "golden" / "dpia" / "cv_ranking_complete.yaml"
    answers = yaml.safe_load(golden.read_text(encoding="utf-8"))["answers"]
    with workspace.session() as session:
        review, _intake = start_review(session, actor="dpo", vendor_id=vendor_id)
        dpia = start_step(session, actor="dpo", review_id=review.id, form_id="dpia")
        set_answers(session, actor="dpo", assessment_id=dpia.id, answers=answers)
    with workspace.read_session() as session:
        before = review_overview(session, review.id)
        form_level = before.steps["dpia"].result.to_json()["highest_residual_level"]
    assert form_level != "high" and not before.facts.prior_consultation
    with workspace.session() as session:
        add_risk(
            session, actor="dpo", assessment_id=dpia.id, title="Covert monitoring of staff",
            severity=4, likelihood=4, residual_severity=3, residual_likelihood=3,
        )  # fmt: skip
    with workspace.read_session() as session:
        after = review_overview(session, review.id)
        report = build_report(session, dpia.id)
    assert after.dpia_risk is not None and after.dpia_risk.highest_residual == "high"
    assert after.steps["dpia"].result.to_json()["highest_residual_level"] == form_level
    assert after.plan.step("dpia").progress.summary == "Highest risk: high"
    assert after.facts.prior_consultation
    assert any("Art. 36" in blocker for blocker in after.plan.blockers)
    assert report.content.prior_consultation_required
    assert "The highest residual risk is high." in report.content.conclusion[0].text


def test_figures_from_unfinished_forms_are_marked_provisional(
    workspace: Workspace, vendor_id: str
) -> None:
    """Half a screening can read "minimal": the vendor table must not present it as final."""
    with workspace.session() as session:
        review, _intake = start_review(session, actor="hr", vendor_id=vendor_id)
        screening = start_step(session, actor="hr", review_id=review.id, form_id="ai_act_screening")
        partial = dict(list(HIGH_RISK_CV_FILTER.items())[:6])
        set_answers(session, actor="hr", assessment_id=screening.id, answers=partial)
        refresh_vendor_summary(session, vendor_id)
    with workspace.read_session() as session:
        (row,) = list_vendors(session, "")
    assert row.ai_act_tier is not None and row.provisional == {"tier"}
    with workspace.session() as session:
        set_answers(session, actor="hr", assessment_id=screening.id, answers=HIGH_RISK_CV_FILTER)
        refresh_vendor_summary(session, vendor_id)
    with workspace.read_session() as session:
        (row,) = list_vendors(session, "")
    assert (row.ai_act_tier, row.provisional) == ("high", frozenset())
