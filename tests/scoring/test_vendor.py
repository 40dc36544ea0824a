"""Vendor intake tier and due-diligence scorecard on small forms, arithmetic done by hand."""

from __future__ import annotations

from typing import Any

import pytest

from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire import Form, load_form_text
from dpia_desk.scoring import score_form

INTAKE = """
schema_version: 1
id: tiny_intake
version: 1.0.0
status: draft
title: Tiny intake
scoring: vendor_intake
source: {author: tests, licence: CC0-1.0}
outcomes:
  risk_direction: higher_is_riskier
  tiers:
    - {tier: 1, label: High, min_risk: 60, review_every_months: 12, depth: full}
    - {tier: 2, label: Moderate, min_risk: 30, review_every_months: 24, depth: standard}
    - {tier: 3, label: Low, min_risk: 0, review_every_months: 36, depth: light}
  escalate_to_tier_1_on_flags: [critical, high]
sections:
  - id: s
    title: Intake
    questions:
      - id: notes
        type: long_text
        text: Notes
        required: false
        weight: 0
      - id: data
        type: multi_choice
        text: Data
        weight: 3
        choices:
          - {id: contact, label: Contact, score: 20}
          - {id: health, label: Health, score: 90}
      - id: volume
        type: single_choice
        text: Volume
        choices:
          - {id: small, label: Small, score: 10}
          - {id: big, label: Big, score: 90}
      - id: transfers
        type: single_choice
        text: Transfers
        choices:
          - {id: eu, label: EU only, score: 0}
          - id: unsafe
            label: Unsafe
            score: 50
            flag: {severity: high, text: Data goes to a country without safeguards.}
"""

DUE_DILIGENCE = """
schema_version: 1
id: tiny_dd
version: 1.0.0
status: draft
title: Tiny due diligence
scoring: vendor_due_diligence
source: {author: tests, licence: CC0-1.0}
default_scores:
  yes_no_partial_na: {yes: 100, partial: 50, no: 0}
outcomes:
  domains:
    security: {title: Security, weight: 2}
    privacy: {title: Privacy, weight: 1}
  grades:
    - {grade: A, min: 85}
    - {grade: B, min: 70}
    - {grade: C, min: 55}
    - {grade: D, min: 40}
    - {grade: E, min: 0}
  grade_caps: {critical: D, high: C}
sections:
  - id: depth
    title: Depth
    questions:
      - id: review_depth
        type: single_choice
        text: Depth of this review
        weight: 0
        choices:
          - {id: light, label: Light}
          - {id: standard, label: Standard}
          - {id: full, label: Full}
  - id: sec
    title: Security
    domain: security
    questions:
      - {id: s1, type: yes_no_partial_na, text: MFA for admins, weight: 2}
      - {id: s2, type: yes_no_partial_na, text: Encryption at rest}
      - id: s3
        type: yes_no_partial_na
        text: Yearly penetration test
        choices:
          - {id: "no", flag: {severity: critical, text: No penetration test.}}
      - id: s4
        type: yes_no_partial_na
        text: Red team exercise
        show_if: {question: review_depth, equals: full}
  - id: priv
    title: Privacy
    domain: privacy
    questions:
      - {id: p1, type: yes_no_partial_na, text: DPA signed}
      - {id: p2, type: yes_no_partial_na, text: Retention schedule, required: false}
"""


@pytest.fixture(scope="module")
def intake() -> Form:
    return load_form_text(INTAKE, "tiny_intake.yaml")


@pytest.fixture(scope="module")
def due_diligence() -> Form:
    return load_form_text(DUE_DILIGENCE, "tiny_dd.yaml")


# --- intake ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "risk", "tier"),
    [
        # (3 x 20 + 10 + 0) / 5 = 14
        ({"data": ["contact"], "volume": "small", "transfers": "eu"}, 14.0, 3),
        # a multi choice counts with its riskiest selection: (3 x 90 + 10 + 0) / 5 = 56
        ({"data": ["contact", "health"], "volume": "small", "transfers": "eu"}, 56.0, 2),
        # (3 x 90 + 90 + 0) / 5 = 72
        ({"data": ["health"], "volume": "big", "transfers": "eu"}, 72.0, 1),
        # unanswered questions are not counted as 0: (3 x 90) / 3 = 90
        ({"data": ["health"]}, 90.0, 1),
    ],
)
def test_intake_risk_is_the_weighted_mean_and_sets_the_tier(
    intake: Form, answers: dict[str, Any], risk: float, tier: int
) -> None:
    document = score_form(intake, answers).to_json()
    assert document["risk"] == risk
    assert document["tier"] == tier
    assert document["escalated_by"] == []
    expected = {1: (12, "full"), 2: (24, "standard"), 3: (36, "light")}[tier]
    assert (document["review_every_months"], document["depth"]) == expected
    assert [t["min_risk"] for t in document["thresholds"]] == [60, 30, 0]


def test_a_high_flag_escalates_to_tier_1(intake: Form) -> None:
    # (3 x 20 + 10 + 50) / 5 = 24 would be tier 3
    document = score_form(
        intake, {"data": ["contact"], "volume": "small", "transfers": "unsafe"}
    ).to_json()
    assert document["risk"] == 24.0
    assert document["computed_tier"] == 3
    assert document["tier"] == 1
    assert document["escalated_by"] == ["transfers.unsafe"]
    assert document["findings"][0]["severity"] == "high"


def test_intake_without_scored_answers_has_no_tier(intake: Form) -> None:
    document = score_form(intake, {"notes": "just started"}).to_json()
    assert document["tier"] is None
    assert document["reasons"]


def test_intake_rejects_bad_tiers() -> None:
    form = load_form_text(INTAKE.replace("min_risk: 30", "min_risk: 70"), "bad.yaml")
    with pytest.raises(DpiaDeskError, match="min_risk must fall from tier 1 to tier 3"):
        score_form(form, {})


# --- due diligence ---------------------------------------------------------------------------


def test_domain_scores_overall_grade_and_evidence(due_diligence: Form) -> None:
    answers = {
        "review_depth": "standard",
        "s1": "yes",
        "s2": "partial",
        "s3": "yes",
        "s4": "no",  # hidden (standard depth): ignored, never scored
        "p1": "yes",
        "p2": "na",  # not applicable: excluded
    }
    document = score_form(due_diligence, answers, evidence_counts={"s1": 2, "p1": 0}).to_json()
    security, privacy = document["domains"]
    # security = (2 x 100 + 50 + 100) / 4 = 87.5; privacy = 100
    assert security["score"] == 87.5
    assert security["answered"] == 3
    assert (security["evidence_backed"], security["self_attested"]) == (1, 2)
    assert privacy["score"] == 100.0
    assert privacy["not_applicable"] == ["p2"]
    # overall = (2 x 87.5 + 1 x 100) / 3 = 91.67
    assert document["overall"] == 91.7
    assert document["grade"] == "A"
    assert document["grade_cap"] is None
    assert document["evidence"] == {
        "evidence_backed": 1,
        "self_attested": 3,
        "evidence_share": 0.25,
    }
    assert [t["min"] for t in document["thresholds"]] == [85, 70, 55, 40, 0]
    assert document["review_depth"] == "standard"


def test_unanswered_questions_are_reported_not_counted(due_diligence: Form) -> None:
    document = score_form(
        due_diligence, {"review_depth": "light", "s1": "yes", "s3": "yes", "p1": "no"}, strict=False
    ).to_json()
    security = document["domains"][0]
    assert security["score"] == 100.0  # (2 x 100 + 100) / 3, s2 left out
    assert security["unanswered"] == ["s2"]
    assert document["complete"] is False


def test_a_critical_finding_caps_the_grade(due_diligence: Form) -> None:
    answers = {"review_depth": "standard", "s1": "yes", "s2": "partial", "s3": "no", "p1": "yes"}
    document = score_form(due_diligence, answers).to_json()
    # security = (200 + 50 + 0) / 4 = 62.5; overall = (2 x 62.5 + 100) / 3 = 75 -> B
    assert document["overall"] == 75.0
    assert document["computed_grade"] == "B"
    assert document["grade"] == "D"
    assert document["grade_cap"] == "D"
    assert document["findings"][0]["id"] == "s3.no"
    assert any("capped at D" in reason["text"] for reason in document["reasons"])


def test_a_cap_above_the_computed_grade_changes_nothing(due_diligence: Form) -> None:
    answers = {"review_depth": "standard", "s1": "no", "s2": "no", "s3": "no", "p1": "no"}
    document = score_form(due_diligence, answers).to_json()
    assert document["grade"] == "E"
    assert document["grade_cap"] is None


def test_residual_risk_from_the_intake_tier(due_diligence: Form, intake: Form) -> None:
    tier_1 = score_form(intake, {"data": ["health"], "volume": "big", "transfers": "eu"})
    answers = {"review_depth": "standard", "s1": "yes", "s2": "yes", "s3": "yes", "p1": "yes"}
    document = score_form(due_diligence, answers, related={"tiny_intake": tier_1}).to_json()
    assert document["grade"] == "A"
    assert document["residual_risk"]["band"] == "medium"
    assert document["residual_risk"]["inherent_tier"] == 1
    assert any("calls for full due diligence" in r["text"] for r in document["reasons"])
    alone = score_form(due_diligence, answers).to_json()
    assert alone["residual_risk"] is None


def test_nothing_scored_yet(due_diligence: Form) -> None:
    document = score_form(due_diligence, {"review_depth": "light"}).to_json()
    assert document["overall"] is None and document["grade"] is None
    assert document["reasons"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("    - {grade: E, min: 0}\n", ""), "grades must be A, B, C, D and E"),
        (("    privacy: {title: Privacy, weight: 1}\n", ""), "no entry for the scored domain"),
        (("grade_caps: {critical: D, high: C}", "grade_caps: {critical: F}"), "grade_caps"),
        (("weight: 2}", "weight: -1}"), "outcomes.domains.security.weight"),
    ],
)
def test_invalid_outcomes_are_clear_errors(change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in DUE_DILIGENCE
    form = load_form_text(DUE_DILIGENCE.replace(old, new, 1), "bad.yaml")
    with pytest.raises(DpiaDeskError, match=message) as caught:
        score_form(form, {})
    assert "tiny_dd" in str(caught.value)
