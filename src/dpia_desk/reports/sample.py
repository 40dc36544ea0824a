"""A realistic sample report: tests, the visual check script and the export benchmark use it.

The case: a private employer plans to deploy "InterviewLens", a video-interview analysis service
from the (fictional) vendor Vidara Talent Analytics, to transcribe recorded first-round interviews
and rank candidates. Everything here is invented; the legal reasoning is written in our own words
from the GDPR, the AI Act and the WP29/EDPB DPIA guidelines.

``sample_report(answer_count=1200)`` pads the questionnaire appendix with generated but plausible
answers for volume tests; the rest of the document stays the same.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from datetime import UTC, date, datetime

from dpia_desk.reports.model import (
    ActionItem,
    AiActClassification,
    AnswerEntry,
    AnswerSection,
    AuditSummary,
    DomainScore,
    DpiaContent,
    DpiaReport,
    DpiaScreening,
    EvidenceRef,
    Finding,
    Obligation,
    PortfolioRow,
    Reason,
    ReportMeta,
    Risk,
    ScreeningCriterion,
    SignOff,
    TextBlock,
    VendorScorecard,
    rules_risk_scale,
)

ASSESSMENT_ID = "3f6c2a9e-8d41-4b7a-9c55-1e2f7a0b6d13"
VENDOR = "Vidara Talent Analytics GmbH"
SYSTEM = "InterviewLens video-interview analysis"
GENERATED_AT = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)

__all__ = [
    "ASSESSMENT_ID",
    "HOSTILE_TEXTS",
    "huge_text",
    "sample_portfolio",
    "sample_report",
    "sample_scorecard",
]


def _evidence(name: str, size: int) -> EvidenceRef:
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
    return EvidenceRef(name, digest, size)


_SOC2 = _evidence("Vidara_SOC2_Type2_2025.pdf", 2_481_233)
_PENTEST = _evidence("InterviewLens_pentest_summary_2025-11.pdf", 611_402)
_DPA = _evidence("Vidara_DPA_draft_v3.docx", 88_140)
_MODEL_CARD = _evidence("InterviewLens_model_card_v4.2.pdf", 1_204_551)
_BIAS = _evidence("Bias_audit_2025_independent_auditor.pdf", 932_007)
_SUBPROC = _evidence("Vidara_subprocessor_list_2026-01.xlsx", 24_310)


def _q(
    question_id: str,
    text: str,
    answer: str,
    refs: tuple[str, ...] = (),
    comment: str = "",
    evidence: tuple[EvidenceRef, ...] = (),
    by: str = "",
) -> AnswerEntry:
    return AnswerEntry(
        question_id=question_id,
        text=text,
        answer=answer,
        refs=refs,
        comment=comment,
        evidence=evidence,
        answered_by=by,
        answered_at=datetime(2026, 2, 20, 14, 5, tzinfo=UTC) if by else None,
    )


def _answer_sections() -> tuple[AnswerSection, ...]:
    hr, it, dpo = "Maria Kowalczyk (HR)", "Jonas Weber (IT security)", "Élodie Martin (DPO)"
    return (
        AnswerSection(
            "context",
            "Context and purposes",
            (
                _q(
                    "processing_purpose",
                    "What is the purpose of the processing?",
                    "Pre-selection of candidates for customer-service roles: recorded answers to "
                    "five structured questions are transcribed and rated against the job profile.",
                    ("gdpr:art5.1.b", "gdpr:art35.7.a"),
                    by=hr,
                ),
                _q(
                    "people_concerned",
                    "Whose personal data does the system process?",
                    "Job candidates (about 18,000 applications a year); recruiters as users.",
                    ("gdpr:art35.7.a",),
                    by=hr,
                ),
                _q(
                    "data_categories",
                    "Which categories of personal data are processed?",
                    "Identification data; CV data; video and audio recordings; transcripts; "
                    "competency ratings; recruiter notes",
                    ("gdpr:art4.1", "gdpr:art9.1"),
                    comment="Video is not used to identify people (no biometric identification); "
                    "the vendor's facial-expression module must stay disabled.",
                    by=dpo,
                ),
                _q(
                    "legal_basis",
                    "On which legal basis does the processing rest?",
                    "Steps prior to entering into a contract (Art. 6(1)(b)); legitimate interest "
                    "for the ranking (Art. 6(1)(f)), balanced in section 3.",
                    ("gdpr:art6.1.b", "gdpr:art6.1.f"),
                    by=dpo,
                ),
                _q(
                    "retention",
                    "How long are recordings and ratings kept?",
                    "Recordings: 90 days after the recruitment decision. Ratings and transcripts: "
                    "6 months (limitation period for discrimination claims).",
                    ("gdpr:art5.1.e",),
                    comment="The vendor's default is 24 months; the contract must fix 90 days.",
                    by=hr,
                ),
            ),
        ),
        AnswerSection(
            "ai_system",
            "The AI system",
            (
                _q(
                    "is_ai_system",
                    "Does the system infer from its input how to generate outputs such as "
                    "predictions or recommendations, with some autonomy?",
                    "Yes",
                    ("ai_act:art3.1",),
                    evidence=(_MODEL_CARD,),
                    by=it,
                ),
                _q(
                    "employment_uses",
                    "For which employment purposes is the system used?",
                    "Recruitment: analysing and filtering applications, evaluating candidates",
                    ("ai_act:annex3.4.a",),
                    by=hr,
                ),
                _q(
                    "emotion_recognition",
                    "Does the system infer emotions of people at the workplace or in recruitment?",
                    "No (the vendor's optional 'engagement signals' module is switched off)",
                    ("ai_act:art5.1.f",),
                    comment="Switching the module off is a contractual condition; see action A2.",
                    by=dpo,
                ),
                _q(
                    "human_review",
                    "Does a person review every ranking before a candidate is rejected?",
                    "Partially",
                    ("gdpr:art22.1", "ai_act:art26.2"),
                    comment="Recruiters see the ranking; a rejection needs one click and no "
                    "reason today.",
                    by=hr,
                ),
                _q(
                    "bias_audit",
                    "Has the vendor had the ranking audited for bias by an independent party?",
                    "Yes, 2025 audit: impact ratios by sex and age group above 0.8; no data on "
                    "disability.",
                    ("nyc_ll144:section.5-301",),
                    evidence=(_BIAS,),
                    by=dpo,
                ),
            ),
        ),
        AnswerSection(
            "security",
            "Security",
            (
                _q(
                    "encryption_at_rest",
                    "Is customer data encrypted at rest?",
                    "Yes, with keys the vendor manages (AES-256, cloud KMS)",
                    ("gdpr:art32.1.a",),
                    evidence=(_SOC2,),
                    by=it,
                ),
                _q(
                    "encryption_in_transit",
                    "Is data encrypted in transit?",
                    "Yes (TLS 1.2 or later)",
                    ("gdpr:art32.1.a",),
                    by=it,
                ),
                _q(
                    "sso_mfa",
                    "Do recruiters sign in through our single sign-on with multi-factor "
                    "authentication?",
                    "Yes (SAML 2.0 with our identity provider)",
                    ("gdpr:art32.1.b",),
                    by=it,
                ),
                _q(
                    "pentest",
                    "When was the last independent penetration test, and are its findings fixed?",
                    "November 2025; two medium findings open, fix planned for Q2 2026",
                    ("gdpr:art32.1.d",),
                    evidence=(_PENTEST,),
                    comment="Ask for the retest letter before go-live.",
                    by=it,
                ),
                _q(
                    "certifications",
                    "Which security attestations does the vendor hold?",
                    "SOC 2 Type II (period ending 30 September 2025); ISO/IEC 27001 certificate "
                    "announced, not yet issued",
                    (),
                    evidence=(_SOC2,),
                    by=it,
                ),
            ),
        ),
        AnswerSection(
            "contract",
            "Contract and sub-processors",
            (
                _q(
                    "dpa_status",
                    "Is a data processing agreement under Art. 28 GDPR in place?",
                    "In negotiation (draft v3)",
                    ("gdpr:art28.3",),
                    evidence=(_DPA,),
                    by=dpo,
                ),
                _q(
                    "subprocessors",
                    "Which sub-processors does the vendor use, and where?",
                    "Cloud hosting (Frankfurt, EU); speech-to-text API (EU region); support "
                    "desk (United States, Data Privacy Framework)",
                    ("gdpr:art28.2", "gdpr:art44"),
                    evidence=(_SUBPROC,),
                    by=dpo,
                ),
                _q(
                    "instructions_for_use",
                    "Has the vendor supplied instructions for use as the AI Act requires of "
                    "providers of high-risk systems?",
                    "Partially: a model card and an admin guide; no statement of accuracy per "
                    "language",
                    ("ai_act:art13.3",),
                    evidence=(_MODEL_CARD,),
                    by=it,
                ),
            ),
        ),
    )


def _content() -> DpiaContent:
    return DpiaContent(
        description=(
            TextBlock(
                "Nature of the processing",
                "Candidates who pass the CV screen are invited to record answers to five "
                "structured questions in the browser. InterviewLens transcribes the recordings, "
                "rates each answer against the competencies of the job profile (customer "
                "orientation, problem solving, written and spoken German or English) and ranks "
                "the candidates of a vacancy. Recruiters see the ranking, the transcript and the "
                "video, and decide whom to invite to an on-site interview.",
                ("gdpr:art35.7.a",),
            ),
            TextBlock(
                "Scope",
                "About 18,000 candidates a year across Germany, Poland and France; recordings of "
                "5 to 10 minutes; transcripts and ratings per answer. The system is not used for "
                "current employees.",
            ),
            TextBlock(
                "Context",
                "Candidates are in a weak position towards a future employer and may fear that "
                "refusing the video interview costs them the job. An alternative (a telephone "
                "interview with a recruiter) is offered in the invitation.",
                ("wp248:criterion.7",),
            ),
            TextBlock(
                "Purposes",
                "To shorten the time to a first interview from about 15 to 5 working days and "
                "to make first-round assessments more consistent between recruiters.",
                ("gdpr:art5.1.b",),
            ),
        ),
        necessity=(
            TextBlock(
                "Lawfulness and legitimate interest",
                "Recording and rating interviews goes beyond what a contract strictly needs, so "
                "the ranking rests on our legitimate interest in a fair and timely first round. "
                "The balance holds only with the safeguards in section 6: a human decides every "
                "rejection, candidates can choose a telephone interview instead, and no "
                "emotions, personality traits or facial expressions are inferred.",
                ("gdpr:art6.1.f", "gdpr:art22"),
            ),
            TextBlock(
                "Data minimisation and storage limitation",
                "Only the recordings of the five questions are kept; the speech-to-text service "
                "deletes audio after transcription. Recordings are deleted 90 days after the "
                "recruitment decision, ratings and transcripts after 6 months.",
                ("gdpr:art5.1.c", "gdpr:art5.1.e"),
            ),
            TextBlock(
                "Information and rights of the candidates",
                "The invitation explains the analysis in plain language (German, Polish, "
                "French, English), how the ranking is used, and how to ask for a human-only "
                "assessment, access, rectification or erasure. Candidates receive the main "
                "reasons for a rejection on request.",
                ("gdpr:art13", "gdpr:art15", "ai_act:art86"),
            ),
        ),
        measures=(
            TextBlock(
                "Organisational measures",
                "Recruiters are trained on the system's limits before they get access (AI "
                "literacy, AI Act Art. 4). Every rejection needs a written reason from the "
                "recruiter. The works council has been informed and consulted on the rollout.",
                ("ai_act:art4", "ai_act:art26.7"),
            ),
            TextBlock(
                "Technical measures",
                "Single sign-on with multi-factor authentication; role-based access per "
                "vacancy; encryption in transit and at rest; logs of every access to a "
                "recording kept for 6 months; the emotion and engagement module switched off "
                "at tenant level and checked monthly.",
                ("gdpr:art32", "ai_act:art26.6"),
            ),
        ),
        dpo_opinion=(
            TextBlock(
                "Opinion",
                "The processing may start once the conditions below are met: the data "
                "processing agreement is signed with a 90-day retention for recordings, the "
                "engagement module is contractually excluded, and recruiters must record a "
                "reason for each rejection. I recommend a review of the bias audit results "
                "after the first 2,000 candidates.",
            ),
        ),
        data_subject_views=(
            TextBlock(
                "Consultation",
                "Twelve recent candidates and the works council tested the process in January "
                "2026. They asked for a clear alternative to the video format and for "
                "feedback after a rejection; both were adopted. Two participants said that "
                "being recorded made them nervous; the invitation now offers a practice "
                "question that is not rated.",
                ("gdpr:art35.9",),
            ),
        ),
        conclusion=(
            TextBlock(
                "Conclusion",
                "With the measures in section 6 the residual risks are acceptable; none remains "
                "high, so prior consultation of the supervisory authority is "
                "not required. The DPIA is reviewed when the vendor changes the model, when the "
                "system is extended to other roles, and at the latest in twelve months.",
            ),
        ),
        prior_consultation_required=False,
    )


def _risk(
    risk_id: str,
    feared_event: str,
    rating: tuple[int, int],
    residual: tuple[int, int],
    sources: tuple[str, ...],
    impacts: tuple[str, ...],
    measures: tuple[str, ...],
) -> Risk:
    return Risk(
        risk_id=risk_id,
        feared_event=feared_event,
        severity=rating[0],
        likelihood=rating[1],
        inherent_level=rules_risk_scale().level_of(*rating),
        residual_severity=residual[0],
        residual_likelihood=residual[1],
        residual_level=rules_risk_scale().level_of(*residual),
        sources=sources,
        impacts=impacts,
        measures=measures,
    )


def _risks() -> tuple[Risk, ...]:
    return (
        _risk(
            "R1",
            "Candidates are ranked lower because of their accent, a disability or their age, "
            "and are rejected without a fair assessment",
            (3, 3),
            (3, 2),
            ("Bias in the training data of the rating model", "Recruiters relying on the rank"),
            ("Loss of a job opportunity", "Discrimination (Art. 21 Charter)"),
            (
                "Human decision with a written reason for every rejection",
                "Review of impact ratios after 2,000 candidates",
            ),
        ),
        _risk(
            "R2",
            "Unauthorised people watch or copy interview recordings",
            (3, 2),
            (3, 1),
            ("Compromised recruiter account", "Vendor staff with support access"),
            ("Embarrassment, loss of confidentiality of an application",),
            ("SSO with MFA", "Access per vacancy", "Access logs reviewed monthly"),
        ),
        _risk(
            "R3",
            "The system infers emotions or personality from the video, beyond the purpose",
            (4, 2),
            (4, 1),
            ("Vendor's engagement module enabled by an update",),
            ("Prohibited practice (AI Act Art. 5(1)(f))", "Decisions on sensitive inferences"),
            ("Contractual exclusion", "Monthly check of the tenant configuration"),
        ),
        _risk(
            "R4",
            "Candidates cannot understand or contest a rejection",
            (3, 3),
            (2, 2),
            ("Opaque ranking", "No reason recorded by the recruiter"),
            ("Loss of the right to contest (GDPR Art. 22(3))",),
            ("Main reasons given on request (AI Act Art. 86)", "Written reasons"),
        ),
        _risk(
            "R5",
            "Recordings are kept longer than the recruitment needs",
            (2, 3),
            (2, 1),
            ("Vendor default retention of 24 months",),
            ("Data exposed to later misuse",),
            ("90-day deletion in the contract and configuration",),
        ),
        _risk(
            "R6",
            "Support staff in the United States access candidate data without safeguards",
            (3, 2),
            (3, 1),
            ("Sub-processor for the support desk",),
            ("Transfer without adequate protection",),
            ("Data Privacy Framework certification checked", "Support access only on ticket"),
        ),
    )


def _ai_act() -> AiActClassification:
    return AiActClassification(
        tier="high",
        role="deployer",
        reasons=(
            Reason(
                "The system evaluates candidates and filters applications in recruitment, a "
                "use listed in Annex III point 4(a).",
                ("ai_act:art6.2", "ai_act:annex3.4.a"),
            ),
            Reason(
                "No derogation under Art. 6(3) applies: the ranking profiles natural persons, "
                "which rules the derogations out.",
                ("ai_act:art6.3",),
            ),
            Reason(
                "Not a prohibited practice as configured: the emotion module is switched off. "
                "Inferring emotions of candidates would fall under Art. 5(1)(f).",
                ("ai_act:art5.1.f",),
            ),
            Reason(
                "We use the system under the vendor's name and do not modify it, so we are a "
                "deployer, not a provider.",
                ("ai_act:art3.4", "ai_act:art25.1"),
            ),
        ),
        obligations=(
            Obligation(
                "Ensure AI literacy of the staff who use the system",
                ("ai_act:art4",),
                date(2025, 2, 2),
            ),
            Obligation(
                "Use the system according to the provider's instructions for use",
                ("ai_act:art26.1",),
                date(2026, 8, 2),
            ),
            Obligation(
                "Assign human oversight to trained people with the authority to act",
                ("ai_act:art26.2",),
                date(2026, 8, 2),
            ),
            Obligation(
                "Keep the logs the system generates for at least six months",
                ("ai_act:art26.6",),
                date(2026, 8, 2),
            ),
            Obligation(
                "Inform workers' representatives and affected workers before putting the "
                "system into service",
                ("ai_act:art26.7",),
                date(2026, 8, 2),
            ),
            Obligation(
                "Tell candidates that they are subject to a high-risk AI system",
                ("ai_act:art26.11",),
                date(2026, 8, 2),
            ),
            Obligation(
                "Give a clear and meaningful explanation of the system's role on request",
                ("ai_act:art86.1",),
                date(2026, 8, 2),
                detail="Applies to decisions with legal or similarly significant effects.",
            ),
            Obligation(
                "Fundamental rights impact assessment: not required for a private employer",
                ("ai_act:art27.1",),
                None,
                detail="Art. 27 names bodies governed by public law, private entities providing "
                "public services, and the deployers of Annex III points 5(b) and (c).",
            ),
        ),
    )


_CRITERIA = (
    ("c1_evaluation_scoring", "Evaluation or scoring", True, "Candidates are rated and ranked."),
    (
        "c2_automated_decision",
        "Automated decision with legal or similar significant effect",
        True,
        "The ranking steers who is invited; a rejection is a significant effect.",
    ),
    ("c3_systematic_monitoring", "Systematic monitoring", False, ""),
    (
        "c4_sensitive_data",
        "Sensitive data or data of a highly personal nature",
        True,
        "Video and voice recordings of the candidates.",
    ),
    ("c5_large_scale", "Data processed on a large scale", True, "About 18,000 people a year."),
    ("c6_matching_datasets", "Matching or combining datasets", False, ""),
    (
        "c7_vulnerable_subjects",
        "Vulnerable data subjects",
        True,
        "Candidates depend on the employer's decision.",
    ),
    (
        "c8_innovative_technology",
        "Innovative use or new technological solutions",
        True,
        "Machine-learning ranking of spoken answers.",
    ),
    ("c9_prevents_rights", "Prevents exercising a right or using a service", False, ""),
)


def _screening() -> DpiaScreening:
    return DpiaScreening(
        verdict="required",
        criteria=tuple(
            ScreeningCriterion(cid, title, met, note, (f"wp248:criterion.{index}",))
            for index, (cid, title, met, note) in enumerate(_CRITERIA, start=1)
        ),
        reasons=(
            Reason(
                "Six criteria are met; the guidelines consider a DPIA required in most cases "
                "from two.",
                ("wp248:section.III.B", "gdpr:art35.1"),
            ),
            Reason(
                "Automated evaluation of job candidates appears on the national lists of "
                "processing that requires a DPIA.",
                ("gdpr:art35.4",),
            ),
        ),
    )


def sample_scorecard() -> VendorScorecard:
    return VendorScorecard(
        vendor_name=VENDOR,
        system_name=SYSTEM,
        assessment_id=ASSESSMENT_ID,
        country="Germany",
        inherent_tier="high",
        review_cadence="every 12 months",
        overall_score=63.0,
        grade="D",
        grade_cap_reason="capped at D while a critical finding is open (score alone: C)",
        domain_scores=(
            DomainScore("security", "Information security", 74.0, 22, 24),
            DomainScore("privacy", "Privacy and data protection", 61.0, 18, 18),
            DomainScore("ai_governance", "AI governance and transparency", 47.0, 14, 16),
            DomainScore("resilience", "Resilience and continuity", 80.0, 9, 10),
            DomainScore("subprocessors", "Sub-processors and transfers", 55.0, 7, 8),
            DomainScore("contract", "Contract and legal", 68.0, 6, 6),
        ),
        evidence_backed_share=0.58,
        self_attested_share=0.42,
        findings=(
            Finding(
                "critical",
                "The emotion and engagement module is switched on by default in new tenants",
                "AI governance",
                "emotion_recognition",
                evidence_backed=True,
            ),
            Finding(
                "high",
                "Default retention of recordings is 24 months; we need 90 days",
                "Privacy",
                "retention",
                evidence_backed=True,
            ),
            Finding(
                "high",
                "No accuracy figures per language in the instructions for use",
                "AI governance",
                "instructions_for_use",
            ),
            Finding(
                "medium",
                "Two medium penetration-test findings are still open",
                "Security",
                "pentest",
                evidence_backed=True,
            ),
            Finding(
                "medium",
                "The bias audit does not cover disability",
                "AI governance",
                "bias_audit",
                evidence_backed=True,
            ),
            Finding(
                "medium", "ISO/IEC 27001 certificate not yet issued", "Security", "certifications"
            ),
            Finding(
                "low",
                "Support desk in the United States (DPF-certified)",
                "Sub-processors",
                "subprocessors",
            ),
        ),
        ai_act_tier="high",
        dpia_verdict="required",
        dpa_status="in_negotiation",
        contract_status="in_negotiation",
        next_review_date=date(2027, 3, 1),
        generated_at=GENERATED_AT,
    )


_PAD_TOPICS = (
    ("Access control", "Are administrator accounts reviewed at least every quarter?"),
    ("Logging", "Are security-relevant events logged and kept for at least six months?"),
    ("Incident response", "Will the vendor notify us of a personal data breach within 24 hours?"),
    ("Backups", "Are backups encrypted and restore tests performed at least yearly?"),
    ("Vulnerability management", "Are critical vulnerabilities patched within 14 days?"),
    ("Secure development", "Is code reviewed and scanned before every release?"),
    ("Model governance", "Is every model version documented with its training data sources?"),
    ("Human oversight", "Can a recruiter override or disregard every output of the system?"),
    ("Transparency", "Does the vendor describe the logic of the ranking in plain language?"),
    ("Data subject rights", "Can the vendor export all data about one candidate within a week?"),
    ("Deletion", "Are deleted recordings removed from backups within 35 days?"),
    ("Sub-processors", "Will the vendor announce new sub-processors 30 days in advance?"),
)
_PAD_ANSWERS = ("Yes", "Partially", "No", "Not applicable", "Yes, with evidence attached")
_PAD_COMMENTS = (
    "",
    "",
    "Confirmed in the SOC 2 report, section 4.",
    "Vendor says yes; no evidence supplied yet.",
    "To be checked at the kick-off meeting.",
    "Contract clause 9.2 covers this; wording agreed with legal.",
)
_PAD_REFS = (("gdpr:art32.1",), ("gdpr:art28.3.f",), ("ai_act:art26.2",), ("gdpr:art5.1.e",), ())


def _padding(count: int) -> tuple[AnswerSection, ...]:
    """``count`` generated answers in sections of 100, the same for every run."""
    rng = random.Random(count)
    sections: list[AnswerSection] = []
    for start in range(0, count, 100):
        entries = []
        for number in range(start, min(count, start + 100)):
            topic, text = _PAD_TOPICS[number % len(_PAD_TOPICS)]
            evidence = (
                (_evidence(f"evidence_{number:04d}.pdf", 10_000 + number * 37),)
                if rng.random() < 0.2
                else ()
            )
            entries.append(
                _q(
                    f"dd_{number:04d}",
                    f"{topic}: {text}",
                    rng.choice(_PAD_ANSWERS),
                    rng.choice(_PAD_REFS),
                    comment=rng.choice(_PAD_COMMENTS),
                    evidence=evidence,
                    by="Jonas Weber (IT security)",
                )
            )
        sections.append(
            AnswerSection(
                f"due_diligence_{start // 100 + 1}",
                f"Due diligence questionnaire, part {start // 100 + 1}",
                tuple(entries),
            )
        )
    return tuple(sections)


def sample_report(answer_count: int | None = None) -> DpiaReport:
    """The sample DPIA; with ``answer_count`` the appendix holds exactly that many answers."""
    sections = _answer_sections()
    if answer_count is not None:
        base = sum(len(section.answers) for section in sections)
        if answer_count < base:
            kept: list[AnswerSection] = []
            left = answer_count
            for section in sections:
                if left <= 0:
                    break
                kept.append(replace(section, answers=section.answers[:left]))
                left -= len(section.answers)
            sections = tuple(kept)
        else:
            sections = sections + _padding(answer_count - base)
    meta = ReportMeta(
        title=f"DPIA: {SYSTEM}",
        assessment_id=ASSESSMENT_ID,
        vendor_name=VENDOR,
        system_name=SYSTEM,
        form_id="full_dpia",
        form_version="1.0.0",
        status="in_review",
        version="0.9",
        author="Élodie Martin (DPO)",
        created=date(2026, 1, 12),
        updated=date(2026, 3, 14),
        generated_at=GENERATED_AT,
        organisation="Nordlicht Retail SE",
        review_date=date(2027, 3, 1),
        keywords=("DPIA", "GDPR Art. 35", "AI Act", "recruitment", VENDOR),
    )
    return DpiaReport(
        meta=meta,
        answer_sections=sections,
        ai_act=_ai_act(),
        screening=_screening(),
        content=_content(),
        risks=_risks(),
        actions=(
            ActionItem(
                "Sign the DPA with 90-day retention of recordings",
                "Legal",
                date(2026, 4, 15),
                "in_progress",
                "R5",
            ),
            ActionItem(
                "Exclude the engagement module in the contract",
                "Procurement",
                date(2026, 4, 15),
                "open",
                "R3",
            ),
            ActionItem(
                "Require a written reason for every rejection", "HR", date(2026, 5, 1), "open", "R4"
            ),
            ActionItem(
                "Train recruiters (AI literacy module)", "HR", date(2026, 5, 15), "open", "R1"
            ),
            ActionItem(
                "Monthly check of the tenant configuration",
                "IT security",
                date(2026, 6, 1),
                "open",
                "R3",
            ),
            ActionItem(
                "Obtain the penetration retest letter",
                "IT security",
                date(2026, 6, 30),
                "open",
                "R2",
            ),
            ActionItem("Inform the works council", "HR", date(2026, 2, 1), "done", ""),
        ),
        sign_offs=(
            SignOff(
                "HR",
                "Maria Kowalczyk",
                "approved",
                "Purpose and candidate process are as described.",
                datetime(2026, 3, 2, 10, 12, tzinfo=UTC),
            ),
            SignOff(
                "IT security",
                "Jonas Weber",
                "approved_with_conditions",
                "Go-live after the pentest retest letter.",
                datetime(2026, 3, 4, 16, 40, tzinfo=UTC),
            ),
            SignOff(
                "DPO",
                "Élodie Martin",
                "approved_with_conditions",
                "See the DPO opinion in section 7.",
                datetime(2026, 3, 12, 9, 0, tzinfo=UTC),
            ),
            SignOff("Legal", "Tomasz Zieliński", "pending", "", None),
        ),
        audit=AuditSummary(
            event_count=1874,
            chain_verified=True,
            last_event_at=datetime(2026, 3, 12, 9, 0, tzinfo=UTC),
            last_event="sign-off recorded (DPO)",
        ),
        scorecard=sample_scorecard(),
    )


def sample_portfolio(count: int = 8) -> list[PortfolioRow]:
    """Portfolio rows: the sample vendor first, then generated ones."""
    card = sample_scorecard()
    rows = [
        PortfolioRow(
            vendor_name=card.vendor_name,
            country=card.country,
            ai_system=card.system_name,
            inherent_tier=card.inherent_tier,
            ai_act_tier=card.ai_act_tier,
            dpia_verdict=card.dpia_verdict,
            grade=card.grade,
            overall_score=card.overall_score,
            open_findings=card.open_findings,
            critical_findings=card.critical_findings,
            dpa_status=card.dpa_status,
            contract_status=card.contract_status,
            next_review_date=card.next_review_date,
        )
    ]
    rng = random.Random(count)
    names = ("Talentia", "Shiftwise", "Payroll Nord", "Skillgraph", "Onboardly", "Hirebeam")
    countries = ("Germany", "Poland", "France", "Netherlands", "Ireland", "United States")
    for index in range(1, count):
        score = round(rng.uniform(35, 95), 1)
        critical = 1 if rng.random() < 0.15 else 0
        grade = next(t.grade for t in card.grade_thresholds if score >= t.min_score)
        rows.append(
            PortfolioRow(
                vendor_name=f"{names[index % len(names)]} {index}",
                country=countries[index % len(countries)],
                ai_system=f"{names[index % len(names)]} platform",
                inherent_tier=rng.choice(("low", "medium", "high", "critical")),
                ai_act_tier=rng.choice(("minimal", "limited", "high", "out_of_scope")),
                dpia_verdict=rng.choice(("required", "consider", "not_required")),
                grade="D" if critical and grade in "ABC" else grade,
                overall_score=score,
                open_findings=rng.randint(0, 12),
                critical_findings=critical,
                dpa_status=rng.choice(("signed", "in_negotiation", "missing")),
                contract_status=rng.choice(("signed", "in_negotiation", "draft")),
                next_review_date=date(2026 + index % 2, 1 + index % 12, 1),
            )
        )
    return rows


#: Hostile inputs for every free-text field: markup, formulas, control characters, bidi, emoji,
#: combining accents, CJK, an overlong word. (The 2 MB text is built by ``huge_text()``.)
HOSTILE_TEXTS: dict[str, str] = {
    "markup": '<b>bold?</b> <font color="red" size="40">big</font> <a href="https://evil.example">'
    'click</a> <img src="/etc/passwd"/> <para> & &amp; &lt; </unclosed <br> <',
    "formula": '=HYPERLINK("https://evil.example","click") +1 -2 @SUM(A1) \t=1+1',
    "control": "before\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f after \ud800 lone \ufffe\uffff end",
    "bidi": "invoice \u202egnp.exe\u202c and \u2067isolate\u2069 \u200f rtl mark",
    "emoji": "ok 👍 family 👩‍👩‍👧 flag 🇩🇪 grin 😀",
    "accents": "Zażółć gęślą jaźń; Straße; Ελληνικά; Кириллица; „quotes“ «guillemets» – €12 "
    "— e\u0301",
    "cjk": "日本語のテキスト 中文文本 한국어 텍스트",
    "long_word": "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz" * 160,
    "newlines": "line one\nline two\r\nline three\rline four\n\n\nafter blank lines",
}


def huge_text(size: int = 2_000_000) -> str:
    """About ``size`` characters of prose-like text with some line breaks (the 2 MB answer)."""
    rng = random.Random(size)
    words = (
        "candidate",
        "recording",
        "transcript",
        "ranking",
        "retention",
        "vendor",
        "processing",
        "Datenschutz",
        "należy",
        "προσωπικά",
        "данные",
        "évaluation",
        "ß",
        "€",
    )
    pieces: list[str] = []
    length = 0
    while length < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 18))) + "."
        pieces.append(sentence)
        length += len(sentence) + 1
        if rng.random() < 0.05:
            pieces.append("\n")
    return " ".join(pieces)[:size]
