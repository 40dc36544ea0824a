"""Vendor scorecard: inherent-risk tier (form ``vendor_intake``) and control scores, grade,
findings and residual risk (form ``vendor_due_diligence``).

How a question counts (both engines, FORMAT.md): only visible questions with ``weight > 0``
whose answer maps to a score (the choice's ``score``, else the form's ``default_scores``; a scale
point's ``scores``). ``na`` never counts. A multi-choice answer counts with the highest score among
its selected choices (intake: the riskiest selection; due diligence: the strongest control claimed).
Unanswered visible scored questions are reported as unanswered, never counted as 0.

Intake: risk 0-100 (higher is riskier) = weighted mean of the counted answers; the tier is the
first tier whose ``min_risk`` the risk reaches; any raised flag of a severity listed in
``escalate_to_tier_1_on_flags`` puts the vendor in tier 1.

Due diligence: per domain (``section.domain``), the weighted mean 0-100 of control strength;
overall = the domain-weighted mean over domains with at least one counted answer; the grade is the
first whose minimum the overall reaches, capped by the worst open finding (``grade_caps``);
evidence-backed (at least one attached evidence item) against self-attested answers per domain;
residual risk band = ``residual_matrix[inherent tier][grade]`` when the intake tier is known.

Everything that depends on the form alone is computed once per form object (:class:`VendorPlan`).
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire.evaluation import RaisedFlag
from dpia_desk.questionnaire.model import Form
from dpia_desk.scoring.answers import Answers, canonical, pick
from dpia_desk.scoring.model import Json, Reason, reasons_json
from dpia_desk.scoring.outcomes import (
    GRADES,
    SEVERITIES,
    DomainRule,
    GradeRule,
    TierRule,
    parse_due_diligence_outcomes,
    parse_intake_outcomes,
)
from dpia_desk.scoring.related import Related, find_related
from dpia_desk.scoring.rules import VendorRules, load_rules

INTAKE_ENGINE = "vendor_intake"
DUE_DILIGENCE_ENGINE = "vendor_due_diligence"
REVIEW_DEPTH_QUESTION = "review_depth"
_DEPTH_RANK = {"light": 1, "standard": 2, "full": 3}
_SEVERITY_RANK: dict[str, int] = {str(s): rank for rank, s in enumerate(SEVERITIES, start=1)}


@dataclass(frozen=True, slots=True)
class ScoredQuestion:
    id: str
    text: str
    weight: float
    domain: str
    multi: bool
    scores: Mapping[str, float]  # answer (choice id, or scale point as text) -> score
    refs: tuple[str, ...]

    def score_of(self, value: object) -> float | None:
        if self.multi:
            if not isinstance(value, list | tuple):
                return None
            found = [self.scores[str(item)] for item in value if str(item) in self.scores]
            return max(found) if found else None
        if isinstance(value, bool) or value is None:
            return None
        return self.scores.get(str(value))


@dataclass(frozen=True, slots=True)
class VendorPlan:
    """The scored questions of one form, in form order, with the form's outcome rules."""

    form_id: str
    questions: tuple[ScoredQuestion, ...]
    domain_order: tuple[str, ...]
    domains: Mapping[str, DomainRule]
    tiers: tuple[TierRule, ...]
    escalate_on: frozenset[str]
    grades: tuple[GradeRule, ...]
    grade_caps: Mapping[str, str]
    question_domain: Mapping[str, str]
    by_id: Mapping[str, ScoredQuestion]


_PLANS: dict[tuple[int, str], tuple[weakref.ref[Form], VendorPlan]] = {}


def vendor_plan(form: Form, engine: str, rules: VendorRules | None = None) -> VendorPlan:
    """The plan of ``form`` for ``engine``, built once per form object."""
    key = (id(form), engine)
    cached = _PLANS.get(key)
    if cached is not None and cached[0]() is form:
        return cached[1]
    plan = _build_plan(form, engine, rules or load_rules().vendor)

    def forget(_ref: weakref.ref[Form], key: tuple[int, str] = key) -> None:
        _PLANS.pop(key, None)

    _PLANS[key] = (weakref.ref(form, forget), plan)
    return plan


def _build_plan(form: Form, engine: str, rules: VendorRules) -> VendorPlan:
    questions: list[ScoredQuestion] = []
    question_domain: dict[str, str] = {}
    section_titles: dict[str, str] = {}
    for section, question in form.iter_questions():
        domain = section.domain_id
        question_domain[question.id] = domain
        if question.weight <= 0:
            continue
        scores: dict[str, float] = {}
        if question.is_choice:
            for option in question.options:
                value = form.choice_score(question.id, option.id)
                if value is not None:
                    scores[option.id] = float(value)
        elif question.kind == "scale":
            for point, value in getattr(question, "scores", {}).items():
                scores[str(point)] = float(value)
        if not scores:
            continue
        section_titles.setdefault(domain, section.title)
        questions.append(
            ScoredQuestion(
                id=question.id,
                text=question.text,
                weight=float(question.weight),
                domain=domain,
                multi=question.kind == "multi_choice",
                scores=scores,
                refs=tuple(question.refs),
            )
        )
    domain_order = tuple(dict.fromkeys(q.domain for q in questions))
    if engine == INTAKE_ENGINE:
        intake = parse_intake_outcomes(form.id, form.outcomes)
        return VendorPlan(
            form_id=form.id,
            questions=tuple(questions),
            domain_order=domain_order,
            domains={},
            tiers=intake.tiers or rules.default_tiers,
            escalate_on=frozenset(
                intake.escalate_to_tier_1_on_flags
                if intake.escalate_to_tier_1_on_flags is not None
                else rules.default_escalate_to_tier_1_on_flags
            ),
            grades=rules.default_grades,
            grade_caps={str(k): str(v) for k, v in rules.default_grade_caps.items()},
            question_domain=question_domain,
            by_id={q.id: q for q in questions},
        )
    if engine != DUE_DILIGENCE_ENGINE:  # a checklist form: its sections are its domains
        return VendorPlan(
            form_id=form.id,
            questions=tuple(questions),
            domain_order=domain_order,
            domains={d: DomainRule(title=section_titles[d], weight=1) for d in domain_order},
            tiers=rules.default_tiers,
            escalate_on=frozenset(),
            grades=rules.default_grades,
            grade_caps={str(k): str(v) for k, v in rules.default_grade_caps.items()},
            question_domain=question_domain,
            by_id={q.id: q for q in questions},
        )
    outcomes = parse_due_diligence_outcomes(form.id, form.outcomes)
    domains: dict[str, DomainRule] = dict(outcomes.domains)
    if not domains:  # no declared domains: each scored section domain weighs 1
        domains = {d: DomainRule(title=section_titles[d], weight=1) for d in domain_order}
    undeclared = [d for d in domain_order if d not in domains]
    if undeclared:
        raise DpiaDeskError(
            f"form '{form.id}': invalid scoring outcomes: outcomes.domains has no entry for "
            f"the scored domain(s) {', '.join(undeclared)} (from the sections' `domain`)",
            hint="Declare each domain with a title and a weight under outcomes.domains.",
        )
    ordered = tuple(d for d in domains if d in domain_order) + tuple(
        d for d in domains if d not in domain_order
    )
    return VendorPlan(
        form_id=form.id,
        questions=tuple(questions),
        domain_order=ordered,
        domains=domains,
        tiers=rules.default_tiers,
        escalate_on=frozenset(),
        grades=outcomes.grades or rules.default_grades,
        grade_caps={
            str(k): str(v)
            for k, v in (
                outcomes.grade_caps if outcomes.grade_caps is not None else rules.default_grade_caps
            ).items()
        },
        question_domain=question_domain,
        by_id={q.id: q for q in questions},
    )


# ---------------------------------------------------------------------------------------------
# results


@dataclass(frozen=True, slots=True)
class Finding:
    id: str  # question_id.choice_id
    question: str
    choice: str
    severity: str
    text: str
    refs: tuple[str, ...]
    domain: str
    section: str

    def to_json(self) -> dict[str, Json]:
        return {
            "id": self.id,
            "question": self.question,
            "choice": self.choice,
            "severity": self.severity,
            "text": self.text,
            "refs": list(self.refs),
            "domain": self.domain,
            "section": self.section,
            "status": "open",
        }


def findings_from_flags(flags: Sequence[RaisedFlag], plan: VendorPlan) -> tuple[Finding, ...]:
    findings = [
        Finding(
            id=flag.key,
            question=flag.question_id,
            choice=flag.choice_id,
            severity=flag.severity,
            text=" ".join(flag.text.split()),
            refs=flag.refs,
            domain=plan.question_domain.get(flag.question_id, flag.section_id),
            section=flag.section_id,
        )
        for flag in flags
    ]
    # worst first; the form order (the order flags were raised in) breaks ties
    order = {finding.id: place for place, finding in enumerate(findings)}
    return tuple(sorted(findings, key=lambda f: (-_SEVERITY_RANK.get(f.severity, 0), order[f.id])))


@dataclass(frozen=True, slots=True)
class Contribution:
    question: str
    text: str
    answer: object
    score: float
    weight: float


@dataclass(frozen=True, slots=True)
class VendorIntakeOutcome:
    tier: int | None
    tier_label: str | None
    risk: float | None
    computed_tier: int | None
    escalated_by: tuple[str, ...]
    review_every_months: int | None
    depth: str | None
    thresholds: tuple[TierRule, ...]
    scored: int
    unanswered: tuple[str, ...]
    findings: tuple[Finding, ...]
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Json]:
        return {
            "tier": self.tier,
            "tier_label": self.tier_label,
            "risk": self.risk,
            "computed_tier": self.computed_tier,
            "escalated_by": list(self.escalated_by),
            "review_every_months": self.review_every_months,
            "depth": self.depth,
            "thresholds": [
                {
                    "tier": t.tier,
                    "label": t.label,
                    "min_risk": t.min_risk,
                    "review_every_months": t.review_every_months,
                    "depth": t.depth,
                }
                for t in self.thresholds
            ],
            "scored_answers": self.scored,
            "unanswered": list(self.unanswered),
            "findings": [finding.to_json() for finding in self.findings],
            "reasons": reasons_json(self.reasons),
        }


def weighted_answers(
    plan: VendorPlan, answers: Answers, visible: Collection[str] | None, domain: str | None = None
) -> tuple[list[Contribution], list[str], list[str]]:
    """Counted answers, unanswered visible scored questions, and n.a. answers."""
    counted: list[Contribution] = []
    unanswered: list[str] = []
    not_applicable: list[str] = []
    for question in plan.questions:
        if domain is not None and question.domain != domain:
            continue
        if visible is not None and question.id not in visible:
            continue
        value = answers.get(question.id)
        if value is None or value == [] or value == "":
            unanswered.append(question.id)
            continue
        score = question.score_of(value)
        if score is None:
            if value == "na":
                not_applicable.append(question.id)
            continue
        counted.append(
            Contribution(question.id, question.text, canonical(value), score, question.weight)
        )
    return counted, unanswered, not_applicable


def weighted_mean(counted: Sequence[Contribution]) -> float | None:
    total = sum(item.weight for item in counted)
    if total <= 0:
        return None
    return sum(item.weight * item.score for item in counted) / total


def score_vendor_intake(
    plan: VendorPlan,
    answers: Answers,
    *,
    visible: Collection[str] | None = None,
    flags: Sequence[RaisedFlag] = (),
    rules: VendorRules | None = None,
) -> VendorIntakeOutcome:
    rules = rules or load_rules().vendor
    refs = rules.refs["intake"]
    counted, unanswered, _ = weighted_answers(plan, answers, visible)
    risk = weighted_mean(counted)
    reasons: list[Reason] = []
    computed: TierRule | None = None
    if risk is not None:
        computed = next(t for t in plan.tiers if risk >= t.min_risk)
        top = sorted(counted, key=lambda c: (-(c.score * c.weight), c.question))[:3]
        reasons.append(
            Reason(
                f"Inherent risk {risk:.1f}/100, the weighted mean of {len(counted)} scored "
                f"answers: tier {computed.tier} ({computed.label}) starts at "
                f"{computed.min_risk:g}. Largest contributions: "
                + "; ".join(f"{c.text} ({c.score:g} x weight {c.weight:g})" for c in top)
                + ".",
                refs,
                {c.question: c.answer for c in top},
            )
        )
    else:
        reasons.append(
            Reason(
                "No scored answer yet: the inherent risk cannot be computed.",
                refs,
                {},
            )
        )
    findings = findings_from_flags(flags, plan)
    escalating = [f for f in findings if f.severity in plan.escalate_on]
    final = computed
    if escalating:
        final = next(t for t in plan.tiers if t.tier == 1)
        listed = ", ".join(sorted(plan.escalate_on, key=_SEVERITY_RANK.__getitem__))
        reasons.append(
            Reason(
                f"Tier 1 whatever the points: {len(escalating)} finding(s) of a severity that "
                f"escalates ({listed}): "
                + "; ".join(f"{f.text} [{f.severity}]" for f in escalating),
                tuple(dict.fromkeys((*refs, *(r for f in escalating for r in f.refs)))),
                pick(answers, *(f.question for f in escalating)),
            )
        )
    if final is not None:
        reasons.append(
            Reason(
                f"Tier {final.tier} sets {final.depth} due diligence and a review every "
                f"{final.review_every_months} months.",
                refs,
                {},
            )
        )
    return VendorIntakeOutcome(
        tier=final.tier if final else None,
        tier_label=final.label if final else None,
        risk=round(risk, 1) if risk is not None else None,
        computed_tier=computed.tier if computed else None,
        escalated_by=tuple(f.id for f in escalating),
        review_every_months=final.review_every_months if final else None,
        depth=final.depth if final else None,
        thresholds=plan.tiers,
        scored=len(counted),
        unanswered=tuple(unanswered),
        findings=findings,
        reasons=tuple(reasons),
    )


@dataclass(frozen=True, slots=True)
class DomainScore:
    id: str
    title: str
    weight: float
    score: float | None
    answered: int
    unanswered: tuple[str, ...]
    not_applicable: tuple[str, ...]
    evidence_backed: int
    self_attested: int

    @property
    def evidence_share(self) -> float | None:
        total = self.evidence_backed + self.self_attested
        return round(self.evidence_backed / total, 3) if total else None

    def to_json(self) -> dict[str, Json]:
        return {
            "id": self.id,
            "title": self.title,
            "weight": self.weight,
            "score": round(self.score, 1) if self.score is not None else None,
            "answered": self.answered,
            "unanswered": list(self.unanswered),
            "not_applicable": list(self.not_applicable),
            "evidence_backed": self.evidence_backed,
            "self_attested": self.self_attested,
            "evidence_share": self.evidence_share,
        }


@dataclass(frozen=True, slots=True)
class ResidualRisk:
    band: str
    label: str
    text: str
    inherent_tier: int
    grade: str

    def to_json(self) -> dict[str, Json]:
        return {
            "band": self.band,
            "label": self.label,
            "text": self.text,
            "inherent_tier": self.inherent_tier,
            "grade": self.grade,
        }


@dataclass(frozen=True, slots=True)
class VendorScorecardOutcome:
    overall: float | None
    grade: str | None
    computed_grade: str | None
    grade_cap: str | None
    domains: tuple[DomainScore, ...]
    findings: tuple[Finding, ...]
    thresholds: tuple[GradeRule, ...]
    grade_caps: Mapping[str, str]
    review_depth: str | None
    evidence_backed: int
    self_attested: int
    residual_risk: ResidualRisk | None
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Json]:
        total = self.evidence_backed + self.self_attested
        return {
            "overall": round(self.overall, 1) if self.overall is not None else None,
            "grade": self.grade,
            "computed_grade": self.computed_grade,
            "grade_cap": self.grade_cap,
            "thresholds": [{"grade": g.grade, "min": g.min} for g in self.thresholds],
            "grade_caps": dict(self.grade_caps),
            "domains": [domain.to_json() for domain in self.domains],
            "findings": [finding.to_json() for finding in self.findings],
            "review_depth": self.review_depth,
            "evidence": {
                "evidence_backed": self.evidence_backed,
                "self_attested": self.self_attested,
                "evidence_share": round(self.evidence_backed / total, 3) if total else None,
            },
            "residual_risk": self.residual_risk.to_json() if self.residual_risk else None,
            "reasons": reasons_json(self.reasons),
        }


def _grade_for(score: float, grades: Sequence[GradeRule]) -> str:
    return next(g.grade for g in grades if score >= g.min)


def score_vendor_due_diligence(
    plan: VendorPlan,
    answers: Answers,
    *,
    visible: Collection[str] | None = None,
    flags: Sequence[RaisedFlag] = (),
    evidence_counts: Mapping[str, int] | None = None,
    related: Related | None = None,
    rules: VendorRules | None = None,
) -> VendorScorecardOutcome:
    rules = rules or load_rules().vendor
    refs = rules.refs["scorecard"]
    evidence = evidence_counts or {}
    reasons: list[Reason] = []
    domains: list[DomainScore] = []
    for domain_id in plan.domain_order:
        rule = plan.domains[domain_id]
        counted, unanswered, not_applicable = weighted_answers(plan, answers, visible, domain_id)
        backed = sum(1 for c in counted if evidence.get(c.question, 0) >= 1)
        score = weighted_mean(counted)
        domains.append(
            DomainScore(
                id=domain_id,
                title=rule.title,
                weight=rule.weight,
                score=score,
                answered=len(counted),
                unanswered=tuple(unanswered),
                not_applicable=tuple(not_applicable),
                evidence_backed=backed,
                self_attested=len(counted) - backed,
            )
        )
        if score is None:
            if unanswered or not_applicable:
                reasons.append(
                    Reason(
                        f"{rule.title}: no scored answer yet ({len(unanswered)} unanswered, "
                        f"{len(not_applicable)} not applicable); the domain is left out of the "
                        "overall score, not counted as 0.",
                        refs,
                        {},
                    )
                )
            continue
        weakest = sorted(counted, key=lambda c: (c.score, c.question))[:3]
        detail = f"{len(counted)} scored answers"
        if unanswered:
            detail += f", {len(unanswered)} unanswered (not counted)"
        if not_applicable:
            detail += f", {len(not_applicable)} not applicable"
        reasons.append(
            Reason(
                f"{rule.title}: {score:.1f}/100 over {detail}; {backed} of {len(counted)} "
                f"backed by evidence. Weakest: "
                + "; ".join(f"{c.text} ({c.score:g})" for c in weakest)
                + ".",
                tuple(dict.fromkeys((*refs, *(r for c in weakest for r in _refs_of(plan, c))))),
                {c.question: c.answer for c in weakest},
            )
        )

    scored = [d for d in domains if d.score is not None]
    weight_total = sum(d.weight for d in scored)
    overall = (
        sum(d.weight * (d.score or 0.0) for d in scored) / weight_total if weight_total else None
    )
    findings = findings_from_flags(flags, plan)
    thresholds = " / ".join(f"{g.grade} >= {g.min:g}" for g in plan.grades)
    computed_grade: str | None = None
    grade: str | None = None
    cap: str | None = None
    if overall is not None:
        computed_grade = _grade_for(overall, plan.grades)
        grade = computed_grade
        reasons.append(
            Reason(
                f"Overall {overall:.1f}/100 (domain-weighted mean over {len(scored)} scored "
                f"domains): grade {computed_grade} (thresholds {thresholds}).",
                refs,
                {},
            )
        )
        capping = [f for f in findings if f.severity in plan.grade_caps]
        if capping:
            worst = capping[0]  # findings are sorted worst first
            cap = plan.grade_caps[worst.severity]
            if GRADES.index(cap) > GRADES.index(computed_grade):
                grade = cap
                reasons.append(
                    Reason(
                        f"Grade capped at {cap}: an open {worst.severity} finding remains "
                        f"({worst.text}).",
                        tuple(dict.fromkeys((*refs, *worst.refs))),
                        pick(answers, worst.question),
                    )
                )
            else:
                cap = None
    else:
        reasons.append(Reason("No scored answer yet: no overall score or grade.", refs, {}))
    for finding in findings:
        reasons.append(
            Reason(
                f"Finding ({finding.severity}): {finding.text}",
                finding.refs or refs,
                pick(answers, finding.question),
            )
        )

    depth_value = answers.get(REVIEW_DEPTH_QUESTION)
    review_depth = depth_value if isinstance(depth_value, str) else None
    residual = _residual(grade, review_depth, related, rules, reasons)
    return VendorScorecardOutcome(
        overall=overall,
        grade=grade,
        computed_grade=computed_grade,
        grade_cap=cap,
        domains=tuple(domains),
        findings=findings,
        thresholds=plan.grades,
        grade_caps=plan.grade_caps,
        review_depth=review_depth,
        evidence_backed=sum(d.evidence_backed for d in domains),
        self_attested=sum(d.self_attested for d in domains),
        residual_risk=residual,
        reasons=tuple(reasons),
    )


def _refs_of(plan: VendorPlan, contribution: Contribution) -> tuple[str, ...]:
    question = plan.by_id.get(contribution.question)
    return question.refs if question is not None else ()


def _residual(
    grade: str | None,
    review_depth: str | None,
    related: Related | None,
    rules: VendorRules,
    reasons: list[Reason],
) -> ResidualRisk | None:
    refs = rules.refs["residual"]
    view = find_related(related, INTAKE_ENGINE)
    tier = view.number("tier") if view is not None else None
    if tier is not None and review_depth is not None:
        expected = view.text("depth") if view is not None else None
        if expected and _DEPTH_RANK.get(review_depth, 0) < _DEPTH_RANK.get(expected, 0):
            reasons.append(
                Reason(
                    f"The intake puts the vendor in tier {tier}, which calls for {expected} due "
                    f"diligence; this review was {review_depth}.",
                    rules.refs["intake"],
                    {REVIEW_DEPTH_QUESTION: review_depth},
                )
            )
    if tier not in (1, 2, 3) or grade is None:
        if grade is not None:
            reasons.append(
                Reason(
                    "Residual risk not computed: no intake tier is known for this vendor.",
                    refs,
                    {},
                )
            )
        return None
    assert tier is not None
    band_id = rules.residual_matrix[tier][grade]  # type: ignore[index]
    band = rules.residual_bands[band_id]
    reasons.append(
        Reason(
            f"Residual risk {band.label.lower()}: inherent tier {tier} with control grade "
            f"{grade}. {band.text}",
            refs,
            {},
        )
    )
    return ResidualRisk(band_id, band.label, band.text, tier, grade)
