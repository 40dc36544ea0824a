"""Fundamental rights impact assessment (form ``fria``, AI Act Art. 27).

The result says whether the assessment covers the six elements of Art. 27(1) (each element's
questions are found by their ``ai_act:art27.1.<x>`` reference), rates the most serious risk of
harm on the CNIL 1-4 scales (the same matrix as the DPIA), scores the measures in place (0-100,
weighted mean of the scored answers), lists the findings, and checks the notification of the
market surveillance authority (Art. 27(3)) and the link with the DPIA (Art. 27(4)).
Status: ``incomplete`` (required answers missing), ``gaps`` (open findings), else ``ready``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from dpia_desk.questionnaire.evaluation import RaisedFlag
from dpia_desk.questionnaire.model import Form
from dpia_desk.scoring.answers import Answers, choice, pick
from dpia_desk.scoring.dpia_risk import Rating, rate
from dpia_desk.scoring.model import Json, Reason, reasons_json
from dpia_desk.scoring.related import Related, find_related
from dpia_desk.scoring.rules import Rules, load_rules
from dpia_desk.scoring.vendor import (
    Finding,
    VendorPlan,
    findings_from_flags,
    weighted_answers,
    weighted_mean,
)

ENGINE = "fria"
_BASIS_QUESTION = "fria_obligation_basis"
_LEGAL_BASES = {
    "public_body": "we are a public body",
    "private_providing_public_services": "we are a private organisation providing public services",
    "annex_iii_5b_credit": "the system is used for credit scoring (Annex III 5(b))",
    "annex_iii_5c_insurance": "the system prices life or health insurance (Annex III 5(c))",
}


@dataclass(frozen=True, slots=True)
class FriaElementStatus:
    id: str  # "a" ... "f"
    title: str
    ref: str
    questions: tuple[str, ...]  # visible questions citing the element
    missing: tuple[str, ...]

    @property
    def status(self) -> str:
        if not self.questions:
            return "not_covered"
        return "incomplete" if self.missing else "complete"

    def to_json(self) -> dict[str, Json]:
        return {
            "id": f"27(1)({self.id})",
            "title": self.title,
            "ref": self.ref,
            "status": self.status,
            "questions": list(self.questions),
            "missing": list(self.missing),
        }


@dataclass(frozen=True, slots=True)
class FriaOutcome:
    status: str
    required_by_law: bool | None
    basis: str | None
    elements: tuple[FriaElementStatus, ...]
    risk: Rating | None
    measures_score: float | None
    notification: str | None
    findings: tuple[Finding, ...]
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Json]:
        return {
            "status": self.status,
            "required_by_law": self.required_by_law,
            "basis": self.basis,
            "elements": [element.to_json() for element in self.elements],
            "risk": self.risk.to_json() if self.risk else None,
            "measures_score": round(self.measures_score, 1)
            if self.measures_score is not None
            else None,
            "notification": self.notification,
            "findings": [finding.to_json() for finding in self.findings],
            "reasons": reasons_json(self.reasons),
        }


def element_questions(form: Form, rules: Rules | None = None) -> Mapping[str, tuple[str, ...]]:
    """The questions of ``form`` citing each Art. 27(1) element, in form order."""
    rules = rules or load_rules()
    found: dict[str, list[str]] = {key: [] for key in rules.ai_act.fria_elements}
    by_ref = {element.ref: key for key, element in rules.ai_act.fria_elements.items()}
    for question in form.questions:
        for ref in question.refs:
            key = by_ref.get(ref)
            if key is not None and question.id not in found[key]:
                found[key].append(question.id)
    return {key: tuple(ids) for key, ids in found.items()}


def score_fria(
    plan: VendorPlan,
    elements: Mapping[str, tuple[str, ...]],
    answers: Answers,
    *,
    visible: Collection[str],
    missing: Sequence[str],
    flags: Sequence[RaisedFlag] = (),
    related: Related | None = None,
    rules: Rules | None = None,
) -> FriaOutcome:
    rules = rules or load_rules()
    reasons: list[Reason] = []
    basis = choice(answers, _BASIS_QUESTION)
    required: bool | None = None
    if basis is not None:
        required = basis in _LEGAL_BASES
        if required:
            reasons.append(
                Reason(
                    f"The assessment is required before first use because {_LEGAL_BASES[basis]}.",
                    ("ai_act:art27.1",),
                    pick(answers, _BASIS_QUESTION),
                )
            )
        else:
            reasons.append(
                Reason(
                    "A voluntary assessment: Art. 27 does not oblige us, and no notification "
                    "is owed.",
                    ("ai_act:art27.1",),
                    pick(answers, _BASIS_QUESTION),
                )
            )
    ai_act = find_related(related, "ai_act", "ai_act_screening")
    if ai_act is not None and required is not None:
        listed = ai_act.data.get("obligations")
        owed = isinstance(listed, list | tuple) and any(
            isinstance(item, Mapping) and item.get("id") == "art27_fria" for item in listed
        )
        if owed and not required:
            reasons.append(
                Reason(
                    "The AI Act screening of this system finds the FRIA owed (Art. 27(1)), but "
                    "this assessment is marked voluntary: review the basis.",
                    ("ai_act:art27.1",),
                    pick(answers, _BASIS_QUESTION),
                )
            )

    missing_set = set(missing)
    statuses = []
    for key, element in rules.ai_act.fria_elements.items():
        shown = tuple(q for q in elements.get(key, ()) if q in visible)
        statuses.append(
            FriaElementStatus(
                id=key,
                title=element.title,
                ref=element.ref,
                questions=shown,
                missing=tuple(q for q in shown if q in missing_set),
            )
        )
    for element_status in statuses:
        if element_status.status != "complete":
            label = f"Art. 27(1)({element_status.id}) ({element_status.title})"
            text = (
                f"{label} is not covered by any question."
                if element_status.status == "not_covered"
                else f"{label} is incomplete: {', '.join(element_status.missing)} unanswered."
            )
            reasons.append(Reason(text, (element_status.ref,), {}))

    risk: Rating | None = None
    severity, likelihood = answers.get("risk_severity"), answers.get("risk_likelihood")
    if severity in (1, 2, 3, 4) and likelihood in (1, 2, 3, 4):
        assert isinstance(severity, int) and isinstance(likelihood, int)
        risk = rate(severity, likelihood, rules.dpia)
        reasons.append(
            Reason(
                f"Most serious risk of harm: severity {severity} ({risk.severity_label}) x "
                f"likelihood {likelihood} ({risk.likelihood_label}) = "
                f"{risk.level_label.lower()}. {rules.dpia.levels[risk.level].text}",
                ("ai_act:art27.1.d", *rules.dpia.matrix_refs),
                pick(answers, "risk_severity", "risk_likelihood"),
            )
        )

    counted, _, _ = weighted_answers(plan, answers, visible)
    measures = weighted_mean(counted)
    if measures is not None:
        weakest = sorted(counted, key=lambda c: (c.score, c.question))[:3]
        reasons.append(
            Reason(
                f"Measures in place: {measures:.0f}/100 over {len(counted)} scored answers. "
                "Weakest: " + "; ".join(f"{c.text} ({c.score:g})" for c in weakest) + ".",
                ("ai_act:art27.1.e", "ai_act:art27.1.f"),
                {c.question: c.answer for c in weakest},
            )
        )
    findings = findings_from_flags(flags, plan)
    for finding in findings:
        reasons.append(
            Reason(
                f"Finding ({finding.severity}): {finding.text}",
                finding.refs or ("ai_act:art27.1",),
                pick(answers, finding.question),
            )
        )
    notification = choice(answers, "msa_notification")
    if notification == "notified":
        reasons.append(
            Reason(
                "The market surveillance authority has been notified of the results.",
                ("ai_act:art27.3",),
                pick(answers, "msa_notification", "msa_notification_date"),
            )
        )

    status = "incomplete" if missing else ("gaps" if findings else "ready")
    summary = {
        "incomplete": f"Status: incomplete, {len(missing)} required answers missing.",
        "gaps": f"Status: gaps, {len(findings)} open findings to resolve before first use.",
        "ready": "Status: ready: the six elements are covered and no finding is open.",
    }[status]
    reasons.append(Reason(summary, ("ai_act:art27.1", "ai_act:art27.2"), {}))
    return FriaOutcome(
        status=status,
        required_by_law=required,
        basis=basis,
        elements=tuple(statuses),
        risk=risk,
        measures_score=measures,
        notification=notification,
        findings=findings,
        reasons=tuple(reasons),
    )
