"""DPIA screening (WP248 verdicts, override, AI Act suggestions) and DPIA risk (CNIL matrix)."""

from __future__ import annotations

from typing import Any

import pytest

from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire import load_form_text, load_library
from dpia_desk.scoring import (
    RiskInput,
    rate,
    score_ai_act,
    score_dpia_risks,
    score_dpia_screening,
    score_form,
)
from dpia_desk.scoring.contract import WP248_CRITERIA
from dpia_desk.scoring.dpia_risk import risk_map_from_form
from tests.scoring.helpers import ai_act_answers, texts


def screening(*criteria: str, **extra: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {c: ("yes" if c in criteria else "no") for c in WP248_CRITERIA}
    answers.update({"art35_3_case": ["none"], "national_list_match": "no"})
    answers.update(extra)
    return answers


# --- verdicts --------------------------------------------------------------------------------


def test_no_criterion_is_not_required() -> None:
    outcome = score_dpia_screening(screening())
    assert outcome.verdict == "not_required"
    assert outcome.criteria_met == ()


def test_one_criterion_is_consider() -> None:
    outcome = score_dpia_screening(screening("c7_vulnerable_subjects"))
    assert outcome.verdict == "consider"
    assert outcome.criteria_met == ("c7_vulnerable_subjects",)
    assert any("wp248:criterion.7" in r.refs for r in outcome.reasons)


@pytest.mark.parametrize("count", [2, 3, 9])
def test_two_or_more_criteria_is_likely_required(count: int) -> None:
    outcome = score_dpia_screening(screening(*WP248_CRITERIA[:count]))
    assert outcome.verdict == "likely_required"
    assert len(outcome.criteria_met) == count


@pytest.mark.parametrize(
    "case",
    [
        "extensive_automated_evaluation",
        "large_scale_special_categories",
        "large_scale_public_monitoring",
    ],
)
def test_each_art35_3_case_makes_the_dpia_required(case: str) -> None:
    outcome = score_dpia_screening(screening(art35_3_case=[case]))
    assert outcome.verdict == "required"
    assert outcome.art35_3_cases == (case,)
    letter = {"extensive": "a", "large_scale_special": "b", "large_scale_public": "c"}
    expected = next(v for k, v in letter.items() if case.startswith(k))
    assert any(f"gdpr:art35.3.{expected}" in r.refs for r in outcome.reasons)


def test_a_national_list_match_makes_the_dpia_required() -> None:
    outcome = score_dpia_screening(screening(national_list_match="yes"))
    assert outcome.verdict == "required"
    assert outcome.national_list_match
    assert any("gdpr:art35.4" in r.refs for r in outcome.reasons)


# --- override --------------------------------------------------------------------------------


def test_override_with_justification_changes_the_verdict_and_keeps_the_computed_one() -> None:
    outcome = score_dpia_screening(
        screening(
            "c7_vulnerable_subjects",
            override_verdict="required",
            override_justification="Free-text answers often mention health.",
        )
    )
    assert outcome.verdict == "required"
    assert outcome.computed_verdict == "consider"
    assert outcome.override is not None and outcome.override.applied
    document = outcome.to_json()
    assert document["overridden"] is True
    assert document["computed_verdict"] == "consider"
    assert "Free-text answers often mention health." in texts(outcome.reasons)


def test_override_without_justification_is_not_applied() -> None:
    outcome = score_dpia_screening(
        screening("c5_large_scale", "c7_vulnerable_subjects", override_verdict="not_required")
    )
    assert outcome.verdict == "likely_required"
    assert outcome.override is not None and not outcome.override.applied
    assert "needs a written justification" in texts(outcome.reasons)


def test_override_to_not_required_cannot_set_aside_a_mandatory_case() -> None:
    outcome = score_dpia_screening(
        screening(
            national_list_match="yes",
            override_verdict="not_required",
            override_justification="We think the risk is low.",
        )
    )
    assert outcome.verdict == "required"
    assert outcome.override is not None and not outcome.override.applied
    assert "cannot set it aside" in texts(outcome.reasons)


def test_override_to_not_required_with_justification_applies_to_criteria_only() -> None:
    outcome = score_dpia_screening(
        screening(
            "c5_large_scale",
            "c7_vulnerable_subjects",
            override_verdict="not_required",
            override_justification="Core HR records only, long-established processing.",
        )
    )
    assert outcome.verdict == "not_required"
    assert outcome.computed_verdict == "likely_required"


def test_no_override_choice_keeps_the_computed_verdict() -> None:
    outcome = score_dpia_screening(
        screening("c7_vulnerable_subjects", override_verdict="no_override")
    )
    assert outcome.verdict == "consider"
    assert outcome.override is None


def test_hidden_justification_is_ignored_by_score_form() -> None:
    form = load_library().get("dpia_screening")
    answers = screening(
        "c7_vulnerable_subjects",
        override_verdict="no_override",
        override_justification="ignored: hidden",
    )
    document = score_form(form, answers).to_json()
    assert document["verdict"] == "consider"
    assert document["override"] is None


# --- suggestions from an AI Act screening ----------------------------------------------------


def test_ai_act_screening_suggests_criteria_it_implies() -> None:
    ai_act = score_ai_act(
        ai_act_answers(
            employment_uses=["monitoring_evaluating_performance_behaviour"],
            profiling="yes",
            used_on_workers="yes",
        )
    )
    outcome = score_dpia_screening(
        screening("c1_evaluation_scoring"), related={"ai_act_screening": ai_act}
    )
    suggested = [item.criterion for item in outcome.suggested_criteria]
    assert "c7_vulnerable_subjects" in suggested
    assert "c3_systematic_monitoring" in suggested
    assert "c8_innovative_technology" in suggested
    assert "c1_evaluation_scoring" not in suggested  # already ticked
    assert outcome.verdict == "consider"  # suggestions never change the verdict
    assert any("wp248:criterion.7" in r.refs for r in outcome.reasons)


def test_suggestions_read_stored_json_results_too() -> None:
    form = load_library().get("ai_act_screening")
    stored = score_form(
        form,
        ai_act_answers(employment_uses=["recruitment_filtering_applications"], profiling="yes"),
    ).to_json()
    outcome = score_dpia_screening(screening(), related={"ai_act_screening": stored})
    assert [item.criterion for item in outcome.suggested_criteria][:2] == [
        "c1_evaluation_scoring",
        "c2_automated_decision_legal_effect",
    ]


# --- risk matrix -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("severity", "likelihood", "level"),
    [(1, 1, "low"), (2, 2, "low"), (1, 3, "moderate"), (3, 1, "moderate"), (4, 2, "moderate"),
     (3, 3, "high"), (4, 4, "high"), (2, 4, "moderate")],
)  # fmt: skip
def test_cnil_matrix_levels(severity: int, likelihood: int, level: str) -> None:
    rating = rate(severity, likelihood)
    assert rating.level == level
    assert rating.to_json()["position"] == {"x": likelihood, "y": severity}


def test_cnil_scale_labels() -> None:
    assert [rate(s, 1).severity_label for s in (1, 2, 3, 4)] == [
        "Negligible",
        "Limited",
        "Significant",
        "Maximum",
    ]


def test_rate_rejects_out_of_scale_values() -> None:
    with pytest.raises(ValueError, match="1 to 4"):
        rate(5, 1)


def test_high_residual_risk_flags_prior_consultation() -> None:
    outcome = score_dpia_risks(
        [
            RiskInput("access", "Illegitimate access", 4, 4, 3, 3),
            RiskInput("loss", "Disappearance", 3, 2, 1, 1),
        ]
    )
    assert outcome.prior_consultation
    assert outcome.highest_inherent == "high"
    assert outcome.highest_residual == "high"
    assert outcome.risks[0].prior_consultation and not outcome.risks[1].prior_consultation
    assert outcome.heat_map["inherent"][3][3] == 1
    assert outcome.heat_map["residual"][2][2] == 1
    assert any("gdpr:art36.1" in r.refs for r in outcome.reasons)


def test_measures_that_bring_the_risk_down_clear_the_flag() -> None:
    outcome = score_dpia_risks([RiskInput("access", "Illegitimate access", 4, 4, 2, 2)])
    assert not outcome.prior_consultation
    assert outcome.highest_residual == "low"


def test_unrated_measures_keep_the_inherent_rating_as_residual() -> None:
    outcome = score_dpia_risks([RiskInput("access", "Illegitimate access", 3, 4)])
    assert outcome.prior_consultation
    assert not outcome.risks[0].residual_rated
    assert "measures not rated yet" in texts(outcome.reasons)


def test_unrated_risk_and_empty_register_still_explain_themselves() -> None:
    unrated = score_dpia_risks([RiskInput("access", "Illegitimate access", None, None)])
    assert unrated.risks[0].inherent is None and unrated.reasons
    empty = score_dpia_risks([])
    assert empty.reasons and "gdpr:art35.7.c" in empty.reasons[0].refs


def test_dpia_form_declares_its_risk_questions() -> None:
    form = load_library().get("dpia")
    risk_map = risk_map_from_form(form.id, form.outcomes, [q.id for q in form.questions], {})
    assert [risk.id for risk in risk_map.risks] == [
        "illegitimate_access",
        "unwanted_modification",
        "disappearance",
    ]


_RISK_FORM = """
schema_version: 1
id: tiny_dpia
version: 1.0.0
status: draft
title: Tiny DPIA
scoring: dpia
source: {author: tests, licence: CC0-1.0}
sections:
  - id: risks
    title: Risks
    questions:
      - {id: access_severity, type: scale, min: 1, max: 4, text: Severity}
      - {id: access_likelihood, type: scale, min: 1, max: 4, text: Likelihood}
      - {id: access_residual_severity, type: scale, min: 1, max: 4, text: Residual severity}
      - {id: access_residual_likelihood, type: scale, min: 1, max: 4, text: Residual likelihood}
"""


def test_risk_questions_found_by_name_when_not_declared() -> None:
    form = load_form_text(_RISK_FORM, "tiny.yaml")
    answers = {
        "access_severity": 4,
        "access_likelihood": 3,
        "access_residual_severity": 3,
        "access_residual_likelihood": 3,
    }
    document = score_form(form, answers).to_json()
    assert document["prior_consultation"] is True
    assert document["risks"][0]["id"] == "access"


def test_bad_risk_outcomes_name_the_form_and_the_question() -> None:
    form = load_form_text(
        _RISK_FORM.replace(
            "sections:",
            "outcomes:\n  risks:\n"
            "    - {id: x, severity: nope, likelihood: access_likelihood}\nsections:",
        ),
        "tiny.yaml",
    )
    with pytest.raises(DpiaDeskError, match=r"tiny_dpia.*outcomes\.risks\.x\.severity.*'nope'"):
        score_form(form, {})
