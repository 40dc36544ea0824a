"""FRIA (AI Act Art. 27) and NYC Local Law 144 check engines, on the shipped forms' goldens."""

from __future__ import annotations

from typing import Any

import pytest

from dpia_desk.questionnaire import load_library
from dpia_desk.scoring import score_ai_act, score_form
from tests.scoring.helpers import GOLDEN, ai_act_answers, read_golden


def golden_answers(form: str, name: str) -> dict[str, Any]:
    answers = read_golden(GOLDEN / form / f"{name}.yaml")["answers"]
    assert isinstance(answers, dict)
    return answers


def score(form_id: str, answers: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    return score_form(load_library().get(form_id), answers, **kwargs).to_json()


# --- FRIA ------------------------------------------------------------------------------------


def test_complete_fria_covers_the_six_elements() -> None:
    document = score("fria", golden_answers("fria", "public_employment_matching_complete"))
    assert document["status"] == "ready"
    assert document["required_by_law"] is True
    assert [e["id"] for e in document["elements"]] == [f"27(1)({x})" for x in "abcdef"]
    assert {e["status"] for e in document["elements"]} == {"complete"}
    assert document["risk"]["level"] == "moderate"
    assert document["findings"] == []


def test_fria_with_findings_has_gaps() -> None:
    document = score("fria", golden_answers("fria", "staff_loan_credit_scoring_findings"))
    assert document["status"] == "gaps"
    assert {f["id"] for f in document["findings"]} == {
        "provider_information_received.no",
        "complaint_mechanism.no",
        "msa_notification.to_be_notified",
        "dpia_link.no_dpia_yet",
    }
    assert document["measures_score"] is not None


def test_draft_fria_names_the_incomplete_elements() -> None:
    document = score(
        "fria", golden_answers("fria", "voluntary_recruiting_draft_missing"), strict=False
    )
    assert document["status"] == "incomplete"
    assert document["required_by_law"] is False
    incomplete = {e["id"] for e in document["elements"] if e["status"] == "incomplete"}
    assert {"27(1)(c)", "27(1)(d)", "27(1)(e)", "27(1)(f)"} <= incomplete


def test_fria_marked_voluntary_when_the_ai_act_screening_owes_it() -> None:
    ai_act = score_ai_act(
        ai_act_answers(
            employment_uses=["recruitment_evaluating_candidates"],
            profiling="yes",
            deployer_type="public_body",
        )
    )
    document = score(
        "fria",
        golden_answers("fria", "voluntary_recruiting_draft_missing"),
        strict=False,
        related={"ai_act_screening": ai_act},
    )
    assert any("review the basis" in reason["text"] for reason in document["reasons"])


# --- LL144 -----------------------------------------------------------------------------------


def test_compliant_aedt() -> None:
    document = score(
        "ll144_bias_audit", golden_answers("ll144_bias_audit", "compliant_cv_screening_selection")
    )
    assert document["applies"] is True
    assert document["status"] == "compliant"
    assert document["audit_date"] == "2026-03-02"
    assert document["audit_valid_until"] == "2027-03-02"
    assert document["overall"] == 100.0


def test_expired_audit_is_a_critical_gap() -> None:
    document = score(
        "ll144_bias_audit",
        golden_answers("ll144_bias_audit", "expired_audit_test_data_late_notice"),
        strict=False,
    )
    assert document["applies"] is True
    assert document["status"] == "incomplete"  # the data table is still missing
    assert document["findings"][0]["id"] == "audit_within_year.expired"
    assert document["findings"][0]["severity"] == "critical"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("no_nyc_link", "no link with New York City"),
        ("not_aedt_minor_input", "does not substantially assist"),
        ("transcription_tool_out_of_scope", "no simplified output"),
    ],
)
def test_tools_outside_the_law(name: str, why: str) -> None:
    document = score("ll144_bias_audit", golden_answers("ll144_bias_audit", name))
    assert document["applies"] is False
    assert document["status"] == "not_applicable"
    assert why in document["reasons"][0]["text"]
    assert document["findings"] == []


def test_unsettled_applicability() -> None:
    document = score("ll144_bias_audit", {"tool_output_type": "simplified_output"}, strict=False)
    assert document["applies"] is None
    assert document["status"] == "incomplete"


def test_leap_day_audit_runs_to_the_28th() -> None:
    answers = golden_answers("ll144_bias_audit", "compliant_cv_screening_selection")
    answers["last_audit_date"] = "2028-02-29"
    assert score("ll144_bias_audit", answers)["audit_valid_until"] == "2029-02-28"
