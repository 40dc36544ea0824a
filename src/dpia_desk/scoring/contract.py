"""The public ids of issue 4: question ids, choice ids and result vocabularies.

Forms, golden answer sets and other tools answer by these ids; the rules files must cover every
choice listed here (checked at load), so the engines never meet a choice they cannot explain.
"""

from __future__ import annotations

from typing import Final, Literal

Tier = Literal["prohibited", "high", "limited", "minimal", "out_of_scope"]
TIERS: Final[tuple[Tier, ...]] = ("prohibited", "high", "limited", "minimal", "out_of_scope")
#: Severity order of the in-scope tiers (out_of_scope sits apart).
TIER_RANK: Final[dict[str, int]] = {
    "out_of_scope": 0,
    "minimal": 1,
    "limited": 2,
    "high": 3,
    "prohibited": 4,
}

Role = Literal["deployer", "provider", "provider_and_deployer", "distributor_or_importer"]
ROLES: Final[tuple[Role, ...]] = (
    "deployer",
    "provider",
    "provider_and_deployer",
    "distributor_or_importer",
)

OBLIGATION_IDS: Final[tuple[str, ...]] = (
    "art4_ai_literacy",
    "art5_cease",
    "provider_high_risk_duties",
    "art6_4_document_and_register",
    "art25_provider_by_operation_of_law",
    "art26_deployer_duties",
    "art26_7_inform_workers_and_reps",
    "art26_11_inform_affected_persons",
    "art27_fria",
    "art49_3_public_deployer_registration",
    "art86_explanation",
    "art50_1_ai_interaction_disclosure",
    "art50_2_machine_readable_marking",
    "art50_3_emotion_biometric_notice",
    "art50_4_deepfake_disclosure",
    "gpai_provider_duties",
)

SCOPE_EXCLUSIONS: Final[tuple[str, ...]] = (
    "military_defence_national_security",
    "scientific_research_only",
    "pre_market_research",
    "personal_non_professional",
    "no_eu_nexus",
)
PROVIDER_TRIGGERS: Final[tuple[str, ...]] = (
    "own_name_or_trademark",
    "substantial_modification",
    "changed_intended_purpose",
)
PROHIBITED_PRACTICES: Final[tuple[str, ...]] = (
    "manipulative_or_deceptive",
    "exploits_vulnerabilities",
    "social_scoring",
    "crime_risk_profiling",
    "facial_image_scraping",
    "realtime_remote_biometric_id_law_enforcement",
    "intimate_imagery_or_csam",
)
EMOTION_SUBJECTS: Final[tuple[str, ...]] = ("workers_or_candidates", "students", "others")
EMOTION_PURPOSES: Final[tuple[str, ...]] = ("medical_or_safety", "worker_own_use_only", "other")
BIOMETRIC_CATEGORISATION: Final[tuple[str, ...]] = (
    "sensitive_traits",
    "other_protected_attributes",
    "non_sensitive_attributes",
)
BIOMETRIC_IDENTIFICATION: Final[tuple[str, ...]] = ("remote_identification", "verification_only")
EMPLOYMENT_USES: Final[tuple[str, ...]] = (
    "recruitment_targeted_job_ads",
    "recruitment_filtering_applications",
    "recruitment_evaluating_candidates",
    "recruitment_other_selection",
    "decisions_terms_promotion_termination",
    "task_allocation_behaviour_traits",
    "monitoring_evaluating_performance_behaviour",
)
OTHER_ANNEX_III_USES: Final[tuple[str, ...]] = (
    "critical_infrastructure",
    "education_training",
    "public_benefits",
    "creditworthiness",
    "life_health_insurance",
    "emergency_triage",
    "law_enforcement",
    "migration_border",
    "justice_democracy",
)
ART6_3_CONDITIONS: Final[tuple[str, ...]] = (
    "narrow_procedural_task",
    "improves_completed_human_activity",
    "detects_patterns_without_replacing_human",
    "preparatory_task",
)
DEPLOYER_TYPES: Final[tuple[str, ...]] = (
    "private_organisation",
    "public_body",
    "private_providing_public_services",
)
SYNTHETIC_CONTENT: Final[tuple[str, ...]] = ("no", "yes", "assistive_editing_only")

#: The questions of form ai_act_screening, with their answer kind, in the order of the law.
AI_ACT_QUESTIONS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "is_ai_system": ("yes_no", ()),
    "scope_exclusion": ("single_choice", ("none", *SCOPE_EXCLUSIONS)),
    "our_role": ("single_choice", ROLES),
    "provider_triggers": ("multi_choice", (*PROVIDER_TRIGGERS, "none")),
    "prohibited_practices": ("multi_choice", (*PROHIBITED_PRACTICES, "none")),
    "emotion_recognition": ("yes_no", ()),
    "emotion_recognition_subjects": ("single_choice", EMOTION_SUBJECTS),
    "emotion_recognition_purpose": ("single_choice", EMOTION_PURPOSES),
    "biometric_categorisation": ("single_choice", ("none", *BIOMETRIC_CATEGORISATION)),
    "biometric_identification": ("single_choice", ("none", *BIOMETRIC_IDENTIFICATION)),
    "employment_uses": ("multi_choice", (*EMPLOYMENT_USES, "none")),
    "other_annex_iii_uses": ("multi_choice", (*OTHER_ANNEX_III_USES, "none")),
    "annex_i_safety_component": ("yes_no", ()),
    "profiling": ("yes_no", ()),
    "art6_3_condition": ("single_choice", ("none", *ART6_3_CONDITIONS)),
    "interacts_with_people": ("yes_no", ()),
    "generates_synthetic_content": ("single_choice", SYNTHETIC_CONTENT),
    "deep_fake_or_public_interest_text": ("yes_no", ()),
    "deployer_type": ("single_choice", DEPLOYER_TYPES),
    "used_on_workers": ("yes_no", ()),
    "decides_about_people": ("yes_no", ()),
    "significant_decision_effect": ("yes_no", ()),
    "gpai_model_provider": ("yes_no", ()),
}

WP248_CRITERIA: Final[tuple[str, ...]] = (
    "c1_evaluation_scoring",
    "c2_automated_decision_legal_effect",
    "c3_systematic_monitoring",
    "c4_sensitive_or_highly_personal",
    "c5_large_scale",
    "c6_matching_combining",
    "c7_vulnerable_subjects",
    "c8_innovative_technology",
    "c9_prevents_rights_or_service",
)
ART35_3_CASES: Final[tuple[str, ...]] = (
    "extensive_automated_evaluation",
    "large_scale_special_categories",
    "large_scale_public_monitoring",
)
Verdict = Literal["required", "likely_required", "consider", "not_required"]
VERDICTS: Final[tuple[Verdict, ...]] = ("required", "likely_required", "consider", "not_required")
