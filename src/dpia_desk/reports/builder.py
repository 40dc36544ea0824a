"""Building the report model from a workspace: ``build_report(session, assessment_id)``.

The DPIA document is about one assessment (normally on the ``dpia`` form) and gathers what the
same vendor and AI system's other assessments say: the AI Act screening, the DPIA screening, the
vendor intake and due diligence (the scorecard). Every figure comes from the scoring engines
through :func:`dpia_desk.services.assessments.snapshot`, read through their public JSON shape
(``ScoreResult.to_json()``), so the documents say exactly what the app shows.

Which form section feeds which part of GDPR Art. 35(7) is decided by section id (``PARTS``);
sections of other forms go to the description. Text answers become labelled blocks; the other
answers of a part are listed together. Every answer, comment and evidence file is in the appendix
whatever its part.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from dpia_desk.questionnaire import Form
from dpia_desk.reports.model import (
    DEFAULT_GRADE_THRESHOLDS,
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
    GradeThreshold,
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
from dpia_desk.scoring import DpiaRiskOutcome
from dpia_desk.services.assessments import (
    AssessmentSnapshot,
    get_assessment,
    latest_assessments,
    list_evidence,
    snapshot,
)
from dpia_desk.services.findings import closed_findings
from dpia_desk.services.risks import (
    dpia_risk_outcome,
    list_actions,
    list_risks,
    register_outcome,
)
from dpia_desk.services.signoff import list_signoffs
from dpia_desk.store import get_vendor, verify_chain
from dpia_desk.store.models import (
    AISystem,
    Assessment,
    AuditEvent,
    Vendor,
)

#: Form section id -> the DPIA part it documents.
PARTS: Mapping[str, str] = {
    "description": "description",
    "assets_and_flows": "description",
    "necessity": "necessity",
    "technical_measures": "measures",
    "organisational_measures": "measures",
}
#: In the consultation section, questions go by their id's start.
CONSULTATION_PREFIXES: tuple[tuple[str, str], ...] = (
    ("dpo_", "dpo_opinion"),
    ("data_subject_", "data_subject_views"),
    ("works_council", "data_subject_views"),
    ("prior_consultation", "conclusion"),
    ("next_review", "conclusion"),
)
_TEXT_KINDS = frozenset({"text", "long_text"})
_SIGN_OFF_DECISIONS = {"approve": "approved", "reject": "rejected"}
_STORE_CONTRACT = {"none": "missing", "negotiating": "in_negotiation"}
_STORE_DPA = {"not_started": "missing", "requested": "requested", "in_review": "in_review"}
_SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
_ROLE_LABELS = {
    "hr": "HR",
    "it": "IT",
    "dpo": "DPO",
    "legal": "Legal",
    "procurement": "Procurement",
}


def build_report(session: Session, assessment_id: str, *, author: str = "") -> DpiaReport:
    """The report model of one assessment, with its vendor's related results."""
    assessment = get_assessment(session, assessment_id)
    vendor = get_vendor(session, assessment.vendor_id)
    system = session.get(AISystem, assessment.ai_system_id) if assessment.ai_system_id else None
    current = snapshot(session, assessment_id)
    form = current.form
    result = _json(current)
    related = {
        form_id: snapshot(session, other.id)
        for form_id, other in latest_assessments(
            session, assessment.vendor_id, assessment.ai_system_id
        ).items()
        if other.id != assessment.id
    }
    related[form.id] = current
    evidence = _evidence_by_question(session, assessment_id)
    system_name = system.name if system is not None else "—"
    generated = datetime.now(UTC)
    meta = ReportMeta(
        title=f"DPIA: {system.name if system is not None else vendor.name}",
        assessment_id=assessment.id,
        vendor_name=vendor.name,
        system_name=system_name,
        form_id=form.id,
        form_version=form.version,
        status=assessment.status,
        version=str(assessment.version),
        author=author,
        created=assessment.created_at.date(),
        updated=assessment.updated_at.date(),
        generated_at=generated,
        review_date=assessment.review_date,
        keywords=("DPIA", "GDPR Art. 35", "AI Act", vendor.name, system_name),
    )
    risks = _risks(session, form, current, result)
    risk_numbers = {store_id: risk.risk_id for store_id, risk in risks}
    return DpiaReport(
        meta=meta,
        answer_sections=_answer_sections(form, current, evidence),
        ai_act=_ai_act(related.get("ai_act_screening")),
        screening=_screening(related.get("dpia_screening")),
        content=_content(form, current, result, dpia_risk_outcome(session, current)),
        risks=tuple(risk for _, risk in risks),
        actions=tuple(
            ActionItem(
                title=action.title,
                owner=action.owner,
                due=action.due_date,
                status=action.status,
                risk_id=risk_numbers.get(action.risk_id or "", ""),
            )
            for action in list_actions(session, assessment_id)
        ),
        sign_offs=tuple(
            SignOff(
                role=_ROLE_LABELS.get(row.role, row.role),
                name=row.name,
                decision=_SIGN_OFF_DECISIONS.get(row.decision, row.decision),
                statement=row.statement,
                signed_at=row.signed_at,
            )
            for row in list_signoffs(session, assessment_id)
        ),
        audit=_audit(session, assessment),
        scorecard=_scorecard(
            vendor,
            system,
            assessment,
            related,
            generated,
            _findings(session, _vendor_snapshots(session, vendor, related.values())),
        ),
    )


def build_scorecard(session: Session, assessment_id: str) -> VendorScorecard:
    """The scorecard of the vendor (and system) an assessment is about."""
    assessment = get_assessment(session, assessment_id)
    vendor = get_vendor(session, assessment.vendor_id)
    system = session.get(AISystem, assessment.ai_system_id) if assessment.ai_system_id else None
    related = {
        form_id: snapshot(session, other.id)
        for form_id, other in latest_assessments(
            session, assessment.vendor_id, assessment.ai_system_id
        ).items()
    }
    findings = _findings(session, _vendor_snapshots(session, vendor, related.values()))
    card = _scorecard(vendor, system, assessment, related, datetime.now(UTC), findings)
    if card is None:
        return _empty_scorecard(vendor, system, assessment, related, findings)
    return card


def build_portfolio(session: Session) -> list[PortfolioRow]:
    """One row per vendor, with the figures of its newest assessments."""
    rows: list[PortfolioRow] = []
    vendors = session.scalars(select(Vendor).order_by(Vendor.sort_name, Vendor.id))
    for vendor in vendors:
        systems = list(
            session.scalars(
                select(AISystem).where(AISystem.vendor_id == vendor.id).order_by(AISystem.name)
            )
        )
        results: dict[str, dict[str, Any]] = {}
        raised: dict[tuple[str, str], str] = {}  # (assessment id, finding key) -> severity
        for system_id in [None, *(system.id for system in systems)]:
            for form_id, assessment in latest_assessments(session, vendor.id, system_id).items():
                current = snapshot(session, assessment.id)
                results.setdefault(form_id, _json(current))
                for flag in current.state.flags:
                    raised[(assessment.id, flag.key)] = flag.severity
        # findings a done action addressed are not open (as the app counts them)
        closed = closed_findings(session, {assessment_id for assessment_id, _ in raised})
        open_findings = {key: severity for key, severity in raised.items() if key not in closed}
        intake = results.get("vendor_intake", {})
        diligence = results.get("vendor_due_diligence", {})
        rows.append(
            PortfolioRow(
                vendor_name=vendor.name,
                country=vendor.country or "",
                ai_system=", ".join(system.name for system in systems),
                inherent_tier=str(intake.get("tier_label") or ""),
                ai_act_tier=vendor.ai_act_tier
                or str(results.get("ai_act_screening", {}).get("tier") or ""),
                dpia_verdict=vendor.dpia_verdict
                or str(results.get("dpia_screening", {}).get("verdict") or ""),
                grade=vendor.grade or str(diligence.get("grade") or ""),
                overall_score=_float(diligence.get("overall")),
                open_findings=vendor.open_findings
                if vendor.open_findings is not None
                else len(open_findings),
                critical_findings=sum(1 for sev in open_findings.values() if sev == "critical"),
                dpa_status=_STORE_DPA.get(vendor.dpa_status, vendor.dpa_status),
                contract_status=_STORE_CONTRACT.get(vendor.contract_status, vendor.contract_status),
                next_review_date=vendor.next_review_date,
                provisional=tuple(key for key in vendor.provisional.split(",") if key),
            )
        )
    return rows


# -- pieces ----------------------------------------------------------------------------------------


def _json(current: AssessmentSnapshot | None) -> dict[str, Any]:
    if current is None or current.result is None:
        return {}
    document = current.result.to_json()
    return dict(document) if isinstance(document, dict) else {}


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _reasons(items: object) -> tuple[Reason, ...]:
    reasons: list[Reason] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("text"):
            refs = item.get("refs") or []
            reasons.append(Reason(str(item["text"]), tuple(str(ref) for ref in refs)))
    return tuple(reasons)


def answer_display(form: Form, question_id: str, value: object) -> str:
    """An answer as a reader sees it: choice labels, scale labels, dates and units in words."""
    question = form.find_question(question_id)
    if value is None or value == "" or value == []:
        return ""
    if question is None:
        return _plain(value)
    if question.is_choice:
        ids = value if isinstance(value, list | tuple) else [value]
        labels = []
        for choice_id in ids:
            choice = question.option(str(choice_id))
            labels.append(
                choice.label
                if choice is not None and choice.label
                else _choice_name(str(choice_id))
            )
        return "; ".join(labels)
    labels_map = getattr(question, "labels", None)
    if isinstance(labels_map, dict) and isinstance(value, int) and value in labels_map:
        return f"{value} ({labels_map[value]})"
    unit = getattr(question, "unit", None)
    if unit and isinstance(value, int | float):
        return f"{_plain(value)} {unit}"
    return _plain(value)


def _choice_name(choice_id: str) -> str:
    return {"yes": "Yes", "no": "No", "partial": "Partially", "na": "Not applicable"}.get(
        choice_id, choice_id.replace("_", " ").capitalize()
    )


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return "; ".join(_plain(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _evidence_by_question(session: Session, assessment_id: str) -> dict[str, list[EvidenceRef]]:
    found: dict[str, list[EvidenceRef]] = {}
    for row in list_evidence(session, assessment_id):
        found.setdefault(row.question_id or "", []).append(
            EvidenceRef(row.filename, row.sha256, row.size)
        )
    return found


def _answer_sections(
    form: Form, current: AssessmentSnapshot, evidence: Mapping[str, list[EvidenceRef]]
) -> tuple[AnswerSection, ...]:
    sections: list[AnswerSection] = []
    visible = current.state.visible_questions
    for section in form.sections:
        entries = []
        for question in section.questions:
            value = current.answers.get(question.id)
            comment = current.comments.get(question.id, "")
            files = tuple(evidence.get(question.id, ()))
            if question.id not in visible and value is None and not comment and not files:
                continue
            entries.append(
                AnswerEntry(
                    question_id=question.id,
                    text=question.text,
                    answer=answer_display(form, question.id, value),
                    refs=tuple(question.refs),
                    comment=comment,
                    evidence=files,
                )
            )
        if entries:
            sections.append(AnswerSection(section.id, section.title, tuple(entries)))
    unattached = evidence.get("", [])
    if unattached:
        sections.append(
            AnswerSection(
                "evidence",
                "Evidence attached to the whole assessment",
                (
                    AnswerEntry(
                        question_id="evidence",
                        text="Files attached to the assessment rather than to one question",
                        answer=f"{len(unattached)} file(s)",
                        evidence=tuple(unattached),
                    ),
                ),
            )
        )
    return tuple(sections)


def _part_of(section_id: str, question_id: str) -> str | None:
    if section_id == "consultation":
        for prefix, part in CONSULTATION_PREFIXES:
            if question_id.startswith(prefix):
                return part
        return "dpo_opinion"
    return PARTS.get(section_id)


def _content(
    form: Form,
    current: AssessmentSnapshot,
    result: Mapping[str, Any],
    dpia_risk: DpiaRiskOutcome | None = None,
) -> DpiaContent:
    """The DPIA's text parts; the conclusion states the highest residual risk of the form's
    feared events and the register together (as the risk table of the same document does)."""
    parts: dict[str, list[TextBlock]] = {}
    listed: dict[tuple[str, str], list[str]] = {}  # (part, section title) -> "question: answer"
    risk_sections = _risk_sections(form)
    for section in form.sections:
        if section.id in risk_sections or section.id == "completeness_checklist":
            continue
        for question in section.questions:
            part = _part_of(section.id, question.id) or "description"
            value = current.answers.get(question.id)
            shown = answer_display(form, question.id, value)
            if not shown:
                continue
            if question.kind in _TEXT_KINDS:
                parts.setdefault(part, []).append(
                    TextBlock(question.text, shown, tuple(question.refs))
                )
            else:
                listed.setdefault((part, section.title), []).append(f"{question.text} {shown}")
    for (part, title), lines in listed.items():
        parts.setdefault(part, []).append(TextBlock(f"{title}: answers", "\n".join(lines)))
    conclusion = list(parts.get("conclusion", []))
    if dpia_risk is not None:
        result = {**result, **dpia_risk.to_json()}
    highest = result.get("highest_residual_level")
    if highest:
        conclusion.insert(
            0,
            TextBlock(
                "Residual risk",
                f"The highest residual risk is {rules_risk_scale().label(str(highest)).lower()}. "
                + " ".join(reason.text for reason in _reasons(result.get("reasons"))[:6]),
                ("gdpr:art35.7.c", "gdpr:art36.1"),
            ),
        )
    return DpiaContent(
        description=tuple(parts.get("description", [])),
        necessity=tuple(parts.get("necessity", [])),
        measures=tuple(parts.get("measures", [])),
        dpo_opinion=tuple(parts.get("dpo_opinion", [])),
        data_subject_views=tuple(parts.get("data_subject_views", [])),
        conclusion=tuple(conclusion),
        prior_consultation_required=bool(result.get("prior_consultation")),
    )


def _risk_sections(form: Form) -> dict[str, str]:
    """Section id -> risk id, for the sections that rate one of the form's risks."""
    outcomes = form.outcomes if isinstance(form.outcomes, dict) else {}
    sections: dict[str, str] = {}
    for risk in outcomes.get("risks", []) or []:
        if not isinstance(risk, dict):
            continue
        for section in form.sections:
            if any(question.id == risk.get("severity") for question in section.questions):
                sections[section.id] = str(risk.get("id"))
    return sections


def _risks(
    session: Session, form: Form, current: AssessmentSnapshot, result: Mapping[str, Any]
) -> list[tuple[str, Risk]]:
    """The form's rated risks, then the risk register's, numbered R1, R2, ..."""
    out: list[tuple[str, Risk]] = []
    by_risk = {risk_id: section_id for section_id, risk_id in _risk_sections(form).items()}
    for item in result.get("risks", []) or []:
        if not isinstance(item, dict):
            continue
        inherent = item.get("inherent") or {}
        residual = item.get("residual") or inherent
        if not inherent:
            continue  # not rated yet
        section = next((s for s in form.sections if s.id == by_risk.get(str(item.get("id")))), None)
        sources: list[str] = []
        impacts: list[str] = []
        measures: list[str] = []
        for question in section.questions if section is not None else []:
            shown = answer_display(form, question.id, current.answers.get(question.id))
            if not shown:
                continue
            if question.id.endswith(("_risk_sources", "_threats")):
                sources.append(shown)
            elif question.id.endswith("_impacts"):
                impacts.append(shown)
            elif question.id.endswith("_measures"):
                measures.append(shown)
        out.append(
            (
                f"form:{item.get('id')}",
                Risk(
                    risk_id=f"R{len(out) + 1}",
                    feared_event=str(item.get("title") or item.get("id")),
                    severity=int(inherent.get("severity", 1)),
                    likelihood=int(inherent.get("likelihood", 1)),
                    inherent_level=str(inherent.get("level", "")),
                    residual_severity=int(residual.get("severity", 1)),
                    residual_likelihood=int(residual.get("likelihood", 1)),
                    residual_level=str(residual.get("level", "")),
                    sources=tuple(sources),
                    impacts=tuple(impacts),
                    measures=tuple(measures),
                ),
            )
        )
    register = list_risks(session, current.assessment_id)
    if register:
        rated = {rating.id: rating for rating in register_outcome(register).risks}
        for row in register:
            rating = rated.get(row.id)
            if rating is None or rating.inherent is None:
                continue
            inherent_rating = rating.inherent
            residual_rating = rating.residual or rating.inherent
            out.append(
                (
                    row.id,
                    Risk(
                        risk_id=f"R{len(out) + 1}",
                        feared_event=row.feared_event or row.title,
                        severity=inherent_rating.severity,
                        likelihood=inherent_rating.likelihood,
                        inherent_level=inherent_rating.level,
                        residual_severity=residual_rating.severity,
                        residual_likelihood=residual_rating.likelihood,
                        residual_level=residual_rating.level,
                        sources=tuple(str(source) for source in row.sources),
                        impacts=tuple(str(impact) for impact in row.impacts),
                        measures=tuple(line for line in row.measures.splitlines() if line.strip()),
                    ),
                )
            )
    return out


def _ai_act(current: AssessmentSnapshot | None) -> AiActClassification:
    result = _json(current)
    if not result:
        return AiActClassification(
            tier="not_assessed",
            role="",
            reasons=(Reason("No AI Act screening has been recorded for this system yet."),),
        )
    obligations = []
    for item in result.get("obligations", []) or []:
        if not isinstance(item, dict):
            continue
        applies = item.get("applies_from")
        obligations.append(
            Obligation(
                title=str(item.get("title") or item.get("id")),
                refs=tuple(str(ref) for ref in item.get("refs") or []),
                applies_from=date.fromisoformat(applies) if isinstance(applies, str) else None,
                detail=str(item.get("because") or ""),
            )
        )
    return AiActClassification(
        tier=str(result.get("tier") or ""),
        role=str(result.get("role") or ""),
        obligations=tuple(obligations),
        reasons=_reasons(result.get("reasons")),
    )


def _screening(current: AssessmentSnapshot | None) -> DpiaScreening:
    result = _json(current)
    if current is None or not result:
        return DpiaScreening(
            verdict="not_assessed",
            reasons=(Reason("No DPIA screening has been recorded for this system yet."),),
        )
    met = set(result.get("criteria_met") or [])
    criteria = []
    for section in current.form.sections:
        for question in section.questions:
            if not (question.id[:1] == "c" and question.id[1:2].isdigit()):
                continue
            value = current.answers.get(question.id)
            criteria.append(
                ScreeningCriterion(
                    criterion_id=question.id,
                    title=question.text,
                    met=True if question.id in met else (None if value is None else False),
                    note=current.comments.get(question.id, ""),
                    refs=tuple(question.refs),
                )
            )
    override = result.get("override")
    return DpiaScreening(
        verdict=str(result.get("verdict") or ""),
        criteria=tuple(criteria),
        reasons=_reasons(result.get("reasons")),
        override=str(override) if override else "",
    )


def _vendor_snapshots(
    session: Session, vendor: Vendor, known: Iterable[AssessmentSnapshot]
) -> list[AssessmentSnapshot]:
    """The newest assessment of each form of the vendor and of each of its systems (the set the
    app's vendor figures count findings over), reusing the snapshots already taken."""
    taken = {current.assessment_id: current for current in known}
    system_ids: list[str | None] = [
        None,
        *session.scalars(select(AISystem.id).where(AISystem.vendor_id == vendor.id)),
    ]
    found: dict[str, AssessmentSnapshot] = {}
    for system_id in system_ids:
        for assessment in latest_assessments(session, vendor.id, system_id).values():
            if assessment.id not in found:
                found[assessment.id] = taken.get(assessment.id) or snapshot(session, assessment.id)
    return list(found.values())


def _findings(session: Session, snapshots: list[AssessmentSnapshot]) -> tuple[Finding, ...]:
    """Every finding raised on the vendor's newest assessments, as the app counts them: a finding
    a done action addresses is "addressed", the others are "open"; open ones first, worst first.
    """
    closed = closed_findings(session, (current.assessment_id for current in snapshots))
    findings: list[Finding] = []
    for current in snapshots:
        result = _json(current)
        domains = {
            str(domain.get("id")): str(domain.get("title"))
            for domain in result.get("domains", []) or []
            if isinstance(domain, dict)
        }
        scored = {
            str(item.get("id")): str(item.get("domain") or "")
            for item in result.get("findings", []) or []
            if isinstance(item, dict)
        }
        sections = {section.id: section.title for section in current.form.sections}
        for flag in current.state.flags:
            domain = scored.get(flag.key, "")
            findings.append(
                Finding(
                    severity=str(flag.severity),
                    text=" ".join(flag.text.split()),
                    domain=domains.get(domain, _domain_name(domain))
                    if domain
                    else sections.get(flag.section_id, _domain_name(flag.section_id)),
                    question_id=flag.question_id,
                    evidence_backed=current.evidence_counts.get(flag.question_id, 0) > 0,
                    status="addressed" if (current.assessment_id, flag.key) in closed else "open",
                )
            )
    findings.sort(
        key=lambda finding: (finding.status != "open", _SEVERITY_ORDER.get(finding.severity, 9))
    )
    return tuple(findings)


_ACRONYMS = {"ai": "AI", "dpa": "DPA", "hr": "HR", "it": "IT", "gdpr": "GDPR", "eu": "EU"}


def _domain_name(domain_id: str) -> str:
    """``ai_features`` -> ``AI features``: a domain the result gives no title for."""
    words = domain_id.replace("_", " ").split()
    named = [_ACRONYMS.get(word.lower(), word) for word in words]
    if named and named[0] == words[0]:
        named[0] = named[0].capitalize()
    return " ".join(named)


def _system_name(vendor: Vendor, system: AISystem | None) -> str:
    """The system a scorecard is about; a vendor-wide assessment names the vendor's systems."""
    if system is not None:
        return system.name
    session = object_session(vendor)
    names = (
        list(
            session.scalars(
                select(AISystem.name).where(AISystem.vendor_id == vendor.id).order_by(AISystem.name)
            )
        )
        if session is not None
        else []
    )
    if not names:
        return "All systems of the vendor"
    return "All systems of the vendor: " + ", ".join(names)


def _scorecard(
    vendor: Vendor,
    system: AISystem | None,
    assessment: Assessment,
    related: Mapping[str, AssessmentSnapshot],
    generated: datetime,
    findings: tuple[Finding, ...],
) -> VendorScorecard | None:
    diligence_snapshot = related.get("vendor_due_diligence")
    diligence = _json(diligence_snapshot)
    if diligence_snapshot is None or not diligence:
        return None
    intake_snapshot = related.get("vendor_intake")
    intake = _json(intake_snapshot)
    evidence = diligence.get("evidence") or {}
    backed = int(evidence.get("evidence_backed") or 0)
    attested = int(evidence.get("self_attested") or 0)
    total = backed + attested
    grade = str(diligence.get("grade") or "—")
    cap_reason = _cap_reason(diligence, grade)
    progress = diligence_snapshot.state.overall
    provisional = (
        f"provisional: {progress.required - progress.required_answered} of "
        f"{progress.required} required answers missing"
        if diligence_snapshot.result is not None and not diligence_snapshot.result.complete
        else ""
    )
    months = intake.get("review_every_months")
    return VendorScorecard(
        vendor_name=vendor.name,
        system_name=_system_name(vendor, system),
        assessment_id=assessment.id,
        country=vendor.country or "",
        inherent_tier=str(intake.get("tier_label") or "not assessed"),
        review_cadence=f"every {months} months" if months else "not set",
        overall_score=_float(diligence.get("overall")),
        grade=grade,
        grade_thresholds=tuple(
            GradeThreshold(str(item.get("grade")), float(item.get("min") or 0))
            for item in diligence.get("thresholds", []) or []
            if isinstance(item, dict)
        )
        or DEFAULT_GRADE_THRESHOLDS,
        grade_cap_reason=cap_reason,
        provisional_reason=provisional,
        domain_scores=tuple(
            DomainScore(
                domain_id=str(item.get("id")),
                title=str(item.get("title") or item.get("id")),
                score=_float(item.get("score")),
                answered=int(item.get("answered") or 0),
                total=int(item.get("answered") or 0) + len(item.get("unanswered") or []),
            )
            for item in diligence.get("domains", []) or []
            if isinstance(item, dict)
        ),
        evidence_backed_share=backed / total if total else 0.0,
        self_attested_share=attested / total if total else 0.0,
        findings=findings,
        ai_act_tier=str(_json(related.get("ai_act_screening")).get("tier") or "not_assessed"),
        dpia_verdict=str(_json(related.get("dpia_screening")).get("verdict") or "not_assessed"),
        dpa_status=_STORE_DPA.get(vendor.dpa_status, vendor.dpa_status),
        contract_status=_STORE_CONTRACT.get(vendor.contract_status, vendor.contract_status),
        next_review_date=vendor.next_review_date,
        generated_at=generated,
    )


def _cap_reason(diligence: Mapping[str, Any], grade: str) -> str:
    """Why the grade is not (or could not be) higher than it is: the worst open finding that
    caps it (the scoring rules' ``grade_caps``), said also when the score alone gives the same
    grade, since the grade cannot rise until that finding is closed."""
    computed = diligence.get("computed_grade")
    caps = diligence.get("grade_caps")
    caps = caps if isinstance(caps, dict) else {}
    capping = [
        str(item.get("severity"))
        for item in diligence.get("findings", []) or []
        if isinstance(item, dict)
        and str(item.get("status") or "open") == "open"
        and str(item.get("severity")) in caps
    ]
    if not capping:
        if computed and computed != grade:
            return f"capped at {grade} (score alone: {computed})"
        return ""
    worst = min(capping, key=lambda severity: _SEVERITY_ORDER.get(severity, 9))
    count = capping.count(worst)
    article = "an" if worst[:1] in "aeiou" else "a"
    findings = (
        f"{article} {worst} finding is open" if count == 1 else f"{count} {worst} findings are open"
    )
    if computed and computed != grade:
        return f"capped at {grade}: {findings} (score alone: {computed})"
    if str(caps.get(worst)) == grade:
        return f"at most {grade} while {findings}"
    return ""


def _empty_scorecard(
    vendor: Vendor,
    system: AISystem | None,
    assessment: Assessment,
    related: Mapping[str, AssessmentSnapshot],
    findings: tuple[Finding, ...],
) -> VendorScorecard:
    intake = _json(related.get("vendor_intake"))
    months = intake.get("review_every_months")
    return VendorScorecard(
        vendor_name=vendor.name,
        system_name=_system_name(vendor, system),
        assessment_id=assessment.id,
        country=vendor.country or "",
        inherent_tier=str(intake.get("tier_label") or "not assessed"),
        review_cadence=f"every {months} months" if months else "not set",
        overall_score=None,
        grade="—",
        grade_cap_reason="no due diligence questionnaire answered yet",
        domain_scores=(),
        evidence_backed_share=0.0,
        self_attested_share=0.0,
        findings=findings,
        ai_act_tier=str(_json(related.get("ai_act_screening")).get("tier") or "not_assessed"),
        dpia_verdict=str(_json(related.get("dpia_screening")).get("verdict") or "not_assessed"),
        dpa_status=_STORE_DPA.get(vendor.dpa_status, vendor.dpa_status),
        contract_status=_STORE_CONTRACT.get(vendor.contract_status, vendor.contract_status),
        next_review_date=vendor.next_review_date,
        generated_at=datetime.now(UTC),
    )


def _audit(session: Session, assessment: Assessment) -> AuditSummary:
    count = session.scalar(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.entity_id == assessment.id)
    )
    last = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity_id == assessment.id)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()
    chain = verify_chain(session)
    last_text = ""
    if last is not None:
        last_text = f"{last.action} {last.entity}" + (f" ({last.field})" if last.field else "")
        last_text += f" by {last.actor}"
    return AuditSummary(
        event_count=int(count or 0),
        chain_verified=chain.ok,
        last_event_at=last.at if last is not None else None,
        last_event=last_text,
    )
