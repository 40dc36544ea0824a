"""AI Act classification: one test per rule path of issue 4 (Art. 2, 3, 5, 6, 25, 27, 50...)."""

from __future__ import annotations

import datetime as dt

import pytest

from dpia_desk.questionnaire import load_library
from dpia_desk.scoring import score_ai_act, score_form
from dpia_desk.scoring.ai_act import AiActOutcome
from tests.scoring.helpers import ai_act_answers, texts


def ids(outcome: AiActOutcome) -> list[str]:
    return [obligation.id for obligation in outcome.obligations]


def vendor_ids(outcome: AiActOutcome) -> list[str]:
    return [obligation.id for obligation in outcome.vendor_obligations]


def obligation(outcome: AiActOutcome, obligation_id: str) -> dt.date:
    for item in (*outcome.obligations, *outcome.vendor_obligations):
        if item.id == obligation_id:
            return item.applies_from
    raise AssertionError(f"{obligation_id} not in the result")


# --- scope -----------------------------------------------------------------------------------


def test_not_an_ai_system_is_out_of_scope_and_owes_nothing() -> None:
    outcome = score_ai_act(
        ai_act_answers(is_ai_system="no", employment_uses=["recruitment_filtering_applications"])
    )
    assert outcome.tier == "out_of_scope"
    assert outcome.role is None
    assert outcome.obligations == ()
    assert "ai_act:art3.1" in outcome.reasons[0].refs
    assert outcome.reasons[0].answers == {"is_ai_system": "no"}


@pytest.mark.parametrize(
    ("exclusion", "ref"),
    [
        ("military_defence_national_security", "ai_act:art2.3"),
        ("scientific_research_only", "ai_act:art2.6"),
        ("pre_market_research", "ai_act:art2.8"),
        ("personal_non_professional", "ai_act:art2.10"),
        ("no_eu_nexus", "ai_act:art2.1"),
    ],
)
def test_each_scope_exclusion_takes_the_system_out_of_scope(exclusion: str, ref: str) -> None:
    outcome = score_ai_act(
        ai_act_answers(scope_exclusion=exclusion, prohibited_practices=["social_scoring"])
    )
    assert outcome.tier == "out_of_scope"
    assert outcome.obligations == ()
    assert ref in outcome.reasons[0].refs


def test_gpai_model_duties_remain_even_out_of_scope() -> None:
    outcome = score_ai_act({"is_ai_system": "no", "gpai_model_provider": "yes"})
    assert outcome.tier == "out_of_scope"
    assert ids(outcome) == ["gpai_provider_duties"]
    assert obligation(outcome, "gpai_provider_duties") == dt.date(2025, 8, 2)


def test_minimal_system_owes_only_ai_literacy() -> None:
    outcome = score_ai_act(ai_act_answers())
    assert outcome.tier == "minimal"
    assert ids(outcome) == ["art4_ai_literacy"]
    assert obligation(outcome, "art4_ai_literacy") == dt.date(2025, 2, 2)
    assert "ai_act:art95" in outcome.reasons[-1].refs


# --- Art. 5 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("practice", "point"),
    [
        ("manipulative_or_deceptive", "5(1)(a)"),
        ("exploits_vulnerabilities", "5(1)(b)"),
        ("social_scoring", "5(1)(c)"),
        ("crime_risk_profiling", "5(1)(d)"),
        ("facial_image_scraping", "5(1)(e)"),
        ("realtime_remote_biometric_id_law_enforcement", "5(1)(h)"),
    ],
)
def test_each_listed_art5_practice_is_prohibited(practice: str, point: str) -> None:
    outcome = score_ai_act(
        ai_act_answers(
            prohibited_practices=[practice], employment_uses=["recruitment_filtering_applications"]
        )
    )
    assert outcome.tier == "prohibited"
    assert outcome.prohibited_points == (point,)
    assert ids(outcome) == ["art4_ai_literacy", "art5_cease"]
    assert obligation(outcome, "art5_cease") == dt.date(2025, 2, 2)
    letter = point[-2]
    assert any(f"ai_act:art5.1.{letter}" in reason.refs for reason in outcome.reasons)


def test_intimate_imagery_prohibition_applies_from_its_own_date() -> None:
    outcome = score_ai_act(ai_act_answers(prohibited_practices=["intimate_imagery_or_csam"]))
    assert outcome.tier == "prohibited"
    cease = next(o for o in outcome.obligations if o.id == "art5_cease")
    assert cease.applies_from == dt.date(2026, 12, 2)
    assert cease.date_confidence == "medium"


def test_earliest_cease_date_wins_when_several_practices_apply() -> None:
    outcome = score_ai_act(
        ai_act_answers(prohibited_practices=["intimate_imagery_or_csam", "social_scoring"])
    )
    assert obligation(outcome, "art5_cease") == dt.date(2025, 2, 2)


def test_emotion_recognition_of_workers_without_exception_is_prohibited() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            emotion_recognition="yes",
            emotion_recognition_subjects="workers_or_candidates",
            emotion_recognition_purpose="other",
        )
    )
    assert outcome.tier == "prohibited"
    assert outcome.prohibited_points == ("5(1)(f)",)
    assert "ai_act:art5.1.f" in outcome.reasons[0].refs


def test_emotion_recognition_of_students_with_unanswered_purpose_is_prohibited() -> None:
    outcome = score_ai_act(
        ai_act_answers(emotion_recognition="yes", emotion_recognition_subjects="students")
    )
    assert outcome.tier == "prohibited"
    assert "exception must be established" in texts(outcome.reasons)


def test_medical_or_safety_emotion_recognition_is_high_risk_with_art50_3_notice() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            emotion_recognition="yes",
            emotion_recognition_subjects="workers_or_candidates",
            emotion_recognition_purpose="medical_or_safety",
            profiling="yes",
        )
    )
    assert outcome.tier == "high"
    assert outcome.prohibited_points == ()
    assert outcome.annex_iii_points == ("1(c)",)
    assert "50(3)" in outcome.transparency
    assert "art50_3_emotion_biometric_notice" in ids(outcome)
    assert "art26_deployer_duties" in ids(outcome)
    assert "ai_act:art50.6" in {ref for reason in outcome.reasons for ref in reason.refs}


def test_worker_own_use_emotion_recognition_follows_the_guidelines_and_stays_high_risk() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            emotion_recognition="yes",
            emotion_recognition_subjects="workers_or_candidates",
            emotion_recognition_purpose="worker_own_use_only",
            profiling="yes",
        )
    )
    assert outcome.tier == "high"
    assert outcome.annex_iii_points == ("1(c)",)
    assert "art50_3_emotion_biometric_notice" in ids(outcome)
    guideline = next(r for r in outcome.reasons if "ec_guidelines:c2025_884" in r.refs)
    assert "never reach the employer" in guideline.text


def test_emotion_recognition_of_customers_is_high_risk_not_prohibited() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            emotion_recognition="yes", emotion_recognition_subjects="others", profiling="yes"
        )
    )
    assert outcome.tier == "high"
    assert outcome.annex_iii_points == ("1(c)",)


def test_biometric_categorisation_of_sensitive_traits_is_prohibited() -> None:
    outcome = score_ai_act(ai_act_answers(biometric_categorisation="sensitive_traits"))
    assert outcome.tier == "prohibited"
    assert outcome.prohibited_points == ("5(1)(g)",)


def test_biometric_categorisation_by_other_protected_attributes_is_high_risk() -> None:
    outcome = score_ai_act(
        ai_act_answers(biometric_categorisation="other_protected_attributes", profiling="yes")
    )
    assert outcome.tier == "high"
    assert outcome.annex_iii_points == ("1(b)",)
    assert "art50_3_emotion_biometric_notice" in ids(outcome)


def test_non_sensitive_biometric_categorisation_is_limited_with_the_notice() -> None:
    outcome = score_ai_act(ai_act_answers(biometric_categorisation="non_sensitive_attributes"))
    assert outcome.tier == "limited"
    assert outcome.transparency == ("50(3)",)
    assert ids(outcome) == ["art4_ai_literacy", "art50_3_emotion_biometric_notice"]


def test_remote_biometric_identification_is_high_risk_but_verification_is_not() -> None:
    remote = score_ai_act(
        ai_act_answers(biometric_identification="remote_identification", profiling="yes")
    )
    assert remote.tier == "high"
    assert remote.annex_iii_points == ("1(a)",)
    verification = score_ai_act(ai_act_answers(biometric_identification="verification_only"))
    assert verification.tier == "minimal"
    assert any("ai_act:annex3.1.a" in r.refs for r in verification.reasons)


# --- Annex I / Annex III with Art. 6(3) ------------------------------------------------------


def test_annex_i_safety_component_is_high_risk_from_august_2028() -> None:
    outcome = score_ai_act(ai_act_answers(annex_i_safety_component="yes"))
    assert outcome.tier == "high"
    assert outcome.high_risk_routes == ("annex_i",)
    assert obligation(outcome, "art26_deployer_duties") == dt.date(2028, 8, 2)
    assert obligation(outcome, "provider_high_risk_duties") == dt.date(2028, 8, 2)


@pytest.mark.parametrize(
    ("use", "point"),
    [
        ("recruitment_targeted_job_ads", "4(a)"),
        ("recruitment_filtering_applications", "4(a)"),
        ("recruitment_evaluating_candidates", "4(a)"),
        ("recruitment_other_selection", "4(a)"),
        ("decisions_terms_promotion_termination", "4(b)"),
        ("task_allocation_behaviour_traits", "4(b)"),
        ("monitoring_evaluating_performance_behaviour", "4(b)"),
    ],
)
def test_each_annex_iii_employment_use_is_high_risk(use: str, point: str) -> None:
    outcome = score_ai_act(ai_act_answers(employment_uses=[use], profiling="yes"))
    assert outcome.tier == "high"
    assert outcome.annex_iii_points == (point,)
    assert outcome.high_risk_routes == ("annex_iii",)
    assert obligation(outcome, "art26_deployer_duties") == dt.date(2027, 12, 2)
    assert vendor_ids(outcome) == ["provider_high_risk_duties"]
    assert f"ai_act:annex3.{point[0]}.{point[2]}" in outcome.reasons[0].refs


def test_both_routes_take_the_earlier_annex_iii_date() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            annex_i_safety_component="yes",
            employment_uses=["recruitment_filtering_applications"],
            profiling="yes",
        )
    )
    assert outcome.high_risk_routes == ("annex_i", "annex_iii")
    assert obligation(outcome, "art26_deployer_duties") == dt.date(2027, 12, 2)


@pytest.mark.parametrize(
    "condition",
    [
        "narrow_procedural_task",
        "improves_completed_human_activity",
        "detects_patterns_without_replacing_human",
        "preparatory_task",
    ],
)
def test_art6_3_filter_without_profiling_lifts_the_high_risk_tier(condition: str) -> None:
    outcome = score_ai_act(
        ai_act_answers(
            employment_uses=["recruitment_filtering_applications"],
            profiling="no",
            art6_3_condition=condition,
        )
    )
    assert outcome.tier == "minimal"
    assert outcome.art6_3_exemption
    assert vendor_ids(outcome) == ["art6_4_document_and_register"]
    assert "art26_deployer_duties" not in ids(outcome)
    letter = {"narrow": "a", "improves": "b", "detects": "c", "preparatory": "d"}[
        condition.split("_")[0]
    ]
    assert any(f"ai_act:art6.3.{letter}" in r.refs for r in outcome.reasons)


def test_art6_3_filter_never_applies_to_profiling() -> None:
    # the form hides the condition when profiling is yes; a caller sending it anyway changes nothing
    outcome = score_ai_act(
        ai_act_answers(
            employment_uses=["recruitment_evaluating_candidates"],
            profiling="yes",
            art6_3_condition="preparatory_task",
        )
    )
    assert outcome.tier == "high"
    assert not outcome.art6_3_exemption
    assert "never apply" in texts(outcome.reasons)


def test_art6_3_needs_an_explicit_no_to_profiling() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            employment_uses=["recruitment_evaluating_candidates"],
            art6_3_condition="preparatory_task",
        )
    )
    assert outcome.tier == "high"
    assert "cannot be relied on" in texts(outcome.reasons)


def test_art6_3_none_of_the_conditions_keeps_high_risk() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            employment_uses=["task_allocation_behaviour_traits"],
            profiling="no",
            art6_3_condition="none",
        )
    )
    assert outcome.tier == "high"


def test_provider_relying_on_art6_3_must_document_and_register() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            our_role="provider",
            employment_uses=["recruitment_targeted_job_ads"],
            profiling="no",
            art6_3_condition="narrow_procedural_task",
        )
    )
    assert ids(outcome) == ["art4_ai_literacy", "art6_4_document_and_register"]
    assert outcome.vendor_obligations == ()


# --- roles and Art. 25 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trigger", "point_ref"),
    [
        ("own_name_or_trademark", "ai_act:art25.1.a"),
        ("substantial_modification", "ai_act:art25.1.b"),
        ("changed_intended_purpose", "ai_act:art25.1.c"),
    ],
)
def test_art25_makes_a_deployer_the_provider_of_a_high_risk_system(
    trigger: str, point_ref: str
) -> None:
    outcome = score_ai_act(
        ai_act_answers(
            provider_triggers=[trigger],
            employment_uses=["recruitment_filtering_applications"],
            profiling="yes",
        )
    )
    assert outcome.declared_role == "deployer"
    assert outcome.role == "provider_and_deployer"
    assert "art25_provider_by_operation_of_law" in ids(outcome)
    assert "provider_high_risk_duties" in ids(outcome)
    assert "art26_deployer_duties" in ids(outcome)
    assert outcome.vendor_obligations == ()
    assert any(point_ref in r.refs for r in outcome.reasons)


def test_art25_makes_a_distributor_the_provider() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            our_role="distributor_or_importer",
            provider_triggers=["own_name_or_trademark"],
            employment_uses=["recruitment_filtering_applications"],
            profiling="yes",
        )
    )
    assert outcome.role == "provider"
    assert "art26_deployer_duties" not in ids(outcome)
    assert "provider_high_risk_duties" in ids(outcome)


def test_art25_triggers_do_not_change_the_role_of_a_system_that_is_not_high_risk() -> None:
    outcome = score_ai_act(
        ai_act_answers(provider_triggers=["own_name_or_trademark"], interacts_with_people="yes")
    )
    assert outcome.tier == "limited"
    assert outcome.role == "deployer"
    assert "art25_provider_by_operation_of_law" not in ids(outcome)
    assert "high-risk system only" in texts(outcome.reasons)


def test_distributor_without_triggers_owes_none_of_the_listed_duties() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            our_role="distributor_or_importer",
            employment_uses=["recruitment_filtering_applications"],
            profiling="yes",
        )
    )
    assert outcome.tier == "high"
    assert outcome.obligations == ()
    assert any("ai_act:art24" in r.refs for r in outcome.reasons)


def test_unanswered_role_is_read_as_deployer() -> None:
    answers = ai_act_answers(
        employment_uses=["recruitment_filtering_applications"], profiling="yes"
    )
    del answers["our_role"]
    outcome = score_ai_act(answers)
    assert outcome.role is None
    assert "art26_deployer_duties" in ids(outcome)
    assert "assume we are the deployer" in texts(outcome.reasons)


# --- deployer duties, FRIA -------------------------------------------------------------------


def high_risk(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "employment_uses": ["recruitment_evaluating_candidates"],
        "profiling": "yes",
    }
    base.update(changes)
    return ai_act_answers(**base)


def test_worker_information_and_affected_person_duties() -> None:
    outcome = score_ai_act(
        high_risk(
            used_on_workers="yes", decides_about_people="yes", significant_decision_effect="yes"
        )
    )
    assert ids(outcome) == [
        "art4_ai_literacy",
        "art26_deployer_duties",
        "art26_7_inform_workers_and_reps",
        "art26_11_inform_affected_persons",
        "art86_explanation",
    ]
    art86 = next(o for o in outcome.obligations if o.id == "art86_explanation")
    assert art86.date_confidence == "low"
    assert art86.date_note


def test_no_fria_for_a_private_employer_using_a_high_risk_hr_tool() -> None:
    outcome = score_ai_act(high_risk())
    assert "art27_fria" not in ids(outcome)
    reason = next(r for r in outcome.reasons if "No fundamental rights impact" in r.text)
    assert reason.refs == ("ai_act:art27.1",)


@pytest.mark.parametrize("deployer_type", ["public_body", "private_providing_public_services"])
def test_fria_for_public_bodies_and_public_service_providers(deployer_type: str) -> None:
    outcome = score_ai_act(high_risk(deployer_type=deployer_type))
    assert "art27_fria" in ids(outcome)
    assert obligation(outcome, "art27_fria") == dt.date(2027, 12, 2)
    registered = "art49_3_public_deployer_registration" in ids(outcome)
    assert registered == (deployer_type == "public_body")


@pytest.mark.parametrize("use", ["creditworthiness", "life_health_insurance"])
def test_fria_for_any_deployer_of_credit_or_insurance_systems(use: str) -> None:
    outcome = score_ai_act(
        ai_act_answers(
            other_annex_iii_uses=[use], profiling="yes", deployer_type="private_organisation"
        )
    )
    assert "art27_fria" in ids(outcome)


def test_no_fria_for_an_annex_i_only_system_even_for_a_public_body() -> None:
    outcome = score_ai_act(
        ai_act_answers(annex_i_safety_component="yes", deployer_type="public_body")
    )
    assert outcome.tier == "high"
    assert "art27_fria" not in ids(outcome)
    assert "art49_3_public_deployer_registration" not in ids(outcome)


def test_no_fria_for_critical_infrastructure_only() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            other_annex_iii_uses=["critical_infrastructure"],
            profiling="yes",
            deployer_type="public_body",
        )
    )
    assert outcome.tier == "high"
    assert "art27_fria" not in ids(outcome)
    assert "art49_3_public_deployer_registration" not in ids(outcome)


# --- Art. 50 ---------------------------------------------------------------------------------


def test_art50_1_is_a_provider_duty_demanded_from_the_vendor() -> None:
    deployer = score_ai_act(ai_act_answers(interacts_with_people="yes"))
    assert deployer.tier == "limited"
    assert deployer.transparency == ("50(1)",)
    assert vendor_ids(deployer) == ["art50_1_ai_interaction_disclosure"]
    assert obligation(deployer, "art50_1_ai_interaction_disclosure") == dt.date(2026, 8, 2)
    provider = score_ai_act(ai_act_answers(our_role="provider", interacts_with_people="yes"))
    assert "art50_1_ai_interaction_disclosure" in ids(provider)


def test_art50_2_marking_and_the_assistive_editing_exception() -> None:
    generating = score_ai_act(
        ai_act_answers(our_role="provider", generates_synthetic_content="yes")
    )
    assert generating.tier == "limited"
    assert "art50_2_machine_readable_marking" in ids(generating)
    marking = next(o for o in generating.obligations if o.id == "art50_2_machine_readable_marking")
    assert "2 December 2026" in marking.date_note
    assistive = score_ai_act(
        ai_act_answers(our_role="provider", generates_synthetic_content="assistive_editing_only")
    )
    assert assistive.tier == "minimal"
    assert "art50_2_machine_readable_marking" not in ids(assistive)
    assert any("ai_act:art50.2" in r.refs for r in assistive.reasons)


def test_art50_3_emotion_recognition_notice_binds_the_deployer() -> None:
    outcome = score_ai_act(
        ai_act_answers(
            emotion_recognition="yes", emotion_recognition_subjects="others", profiling="yes"
        )
    )
    assert "art50_3_emotion_biometric_notice" in ids(outcome)
    provider = score_ai_act(
        ai_act_answers(
            our_role="provider",
            emotion_recognition="yes",
            emotion_recognition_subjects="others",
            profiling="yes",
        )
    )
    assert "art50_3_emotion_biometric_notice" not in ids(provider)


def test_art50_4_deep_fake_disclosure() -> None:
    outcome = score_ai_act(
        ai_act_answers(generates_synthetic_content="yes", deep_fake_or_public_interest_text="yes")
    )
    assert outcome.tier == "limited"
    assert outcome.transparency == ("50(2)", "50(4)")
    assert ids(outcome) == ["art4_ai_literacy", "art50_4_deepfake_disclosure"]
    assert vendor_ids(outcome) == ["art50_2_machine_readable_marking"]


def test_high_risk_keeps_transparency_duties() -> None:
    outcome = score_ai_act(high_risk(interacts_with_people="yes"))
    assert outcome.tier == "high"
    assert "art50_1_ai_interaction_disclosure" in vendor_ids(outcome)


def test_gpai_model_provider_duties_listed_with_the_system() -> None:
    outcome = score_ai_act(ai_act_answers(our_role="provider", gpai_model_provider="yes"))
    assert ids(outcome) == ["art4_ai_literacy", "gpai_provider_duties"]


# --- answers hidden by the form --------------------------------------------------------------


def test_hidden_answers_are_ignored_by_visible_set() -> None:
    answers = ai_act_answers(
        employment_uses=["recruitment_filtering_applications"], profiling="yes"
    )
    visible = set(answers) - {"employment_uses"}
    assert score_ai_act(answers, visible=visible).tier == "minimal"


def test_score_form_ignores_answers_hidden_by_the_form() -> None:
    form = load_library().get("ai_act_screening")
    answers = ai_act_answers(
        is_ai_system="no",
        employment_uses=["recruitment_filtering_applications"],
        profiling="yes",
    )
    result = score_form(form, answers)
    assert result.to_json()["tier"] == "out_of_scope"


def test_result_json_has_the_contract_keys() -> None:
    form = load_library().get("ai_act_screening")
    document = score_form(form, high_risk(used_on_workers="yes")).to_json()
    for key in (
        "form",
        "form_version",
        "complete",
        "missing",
        "tier",
        "role",
        "obligations",
        "reasons",
    ):
        assert key in document
    for item in document["obligations"]:
        assert {"id", "refs", "applies_from", "title", "text", "owed_by"} <= set(item)
        dt.date.fromisoformat(item["applies_from"])
    for reason in document["reasons"]:
        assert set(reason) == {"text", "refs", "answers"}
