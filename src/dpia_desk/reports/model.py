"""The report model: everything a DPIA document or a scorecard says, as plain frozen data.

One model, several writers (DOCX, PDF, scorecard PDF, portfolio CSV/XLSX), so that Word and PDF say
the same thing. The model holds display-ready values (answers already turned into the text a reader
sees, levels already computed by ``dpia_desk.scoring``); writers only lay them out. It imports
nothing heavy and nothing from the store, so it can be built from a workspace (``build_report``),
from a JSON file, or by hand in tests (``dpia_desk.reports.sample``).

Free-text fields may hold anything a user typed: markup, control characters, 2 MB of text. The
writers make it safe (see ``dpia_desk.reports.text``); the model keeps it exactly as given.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class RiskScaleLevel:
    """One level of the risk matrix, e.g. ``high`` / "High", with what it asks for."""

    level: str
    label: str
    text: str = ""


@dataclass(frozen=True)
class RiskScale:
    """The CNIL scales and the risk matrix a report was scored with.

    Built from the scoring rules (``forms/rules/dpia.yaml``, see :func:`rules_risk_scale`), so the
    documents name and order exactly the levels the app computes and shows.
    """

    levels: tuple[RiskScaleLevel, ...]  # lowest first
    severity_labels: tuple[str, ...]  # the labels of points 1..4
    likelihood_labels: tuple[str, ...]
    matrix: tuple[tuple[str, ...], ...]  # ``matrix[severity - 1][likelihood - 1]``

    def rank(self, level: str) -> int:
        """0 for the lowest level, and so on; -1 for a level the scale does not have."""
        return next((index for index, item in enumerate(self.levels) if item.level == level), -1)

    def label(self, level: str) -> str:
        """The level's label; a level the scale lacks (older data, say) is shown humanised."""
        for item in self.levels:
            if item.level == level:
                return item.label
        if not level:
            return "—"
        text = level.replace("_", " ").strip()
        return text[:1].upper() + text[1:]

    def level_of(self, severity: int, likelihood: int) -> str:
        if 1 <= severity <= len(self.matrix) and 1 <= likelihood <= len(self.matrix[0]):
            return self.matrix[severity - 1][likelihood - 1]
        return ""

    def severity_label(self, value: int) -> str:
        return _point(self.severity_labels, value)

    def likelihood_label(self, value: int) -> str:
        return _point(self.likelihood_labels, value)


def _point(labels: tuple[str, ...], value: int) -> str:
    return labels[value - 1] if 1 <= value <= len(labels) else ""


@functools.cache
def rules_risk_scale() -> RiskScale:
    """The risk scale of the scoring rules (loaded on first use: reports import lightly)."""
    from dpia_desk.scoring import load_rules

    rules = load_rules().dpia
    ordered = sorted(rules.levels.items(), key=lambda item: item[1].rank)
    severity, likelihood = rules.scales["severity"], rules.scales["likelihood"]
    return RiskScale(
        levels=tuple(RiskScaleLevel(level, rule.label, rule.text) for level, rule in ordered),
        severity_labels=tuple(severity.levels[point].label for point in range(1, 5)),
        likelihood_labels=tuple(likelihood.levels[point].label for point in range(1, 5)),
        matrix=tuple(tuple(rules.matrix[point]) for point in range(1, 5)),
    )


@dataclass(frozen=True)
class ReportMeta:
    """Who, what and when: the cover page, the document properties, headers and footers."""

    title: str
    assessment_id: str
    vendor_name: str
    system_name: str
    form_id: str
    form_version: str
    status: str  # draft | in_review | approved | rejected (displayed through labels.status_label)
    version: str  # the document's own version, e.g. "1.2"
    author: str
    created: date
    updated: date
    generated_at: datetime
    classification: str = "Confidential"
    organisation: str = ""
    review_date: date | None = None
    keywords: tuple[str, ...] = ()

    @property
    def subject(self) -> str:
        return f"DPIA: {self.system_name} ({self.vendor_name})"


@dataclass(frozen=True)
class EvidenceRef:
    """A file attached to an answer; the hash lets a reader check the copy they were sent."""

    file_name: str
    sha256: str
    size_bytes: int
    description: str = ""


@dataclass(frozen=True)
class AnswerEntry:
    """One question as answered: ``answer`` is the text a reader sees (labels, not choice ids)."""

    question_id: str
    text: str
    answer: str
    refs: tuple[str, ...] = ()
    comment: str = ""
    evidence: tuple[EvidenceRef, ...] = ()
    answered_by: str = ""
    answered_at: datetime | None = None


@dataclass(frozen=True)
class AnswerSection:
    section_id: str
    title: str
    answers: tuple[AnswerEntry, ...]


@dataclass(frozen=True)
class Reason:
    """Why a result is what it is, and which article or guideline says so."""

    text: str
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Obligation:
    title: str
    refs: tuple[str, ...] = ()
    applies_from: date | None = None
    detail: str = ""


@dataclass(frozen=True)
class AiActClassification:
    tier: str  # prohibited | high | limited | minimal | out_of_scope
    role: str  # provider | deployer | provider_and_deployer | ...
    obligations: tuple[Obligation, ...] = ()
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class ScreeningCriterion:
    criterion_id: str
    title: str
    met: bool | None  # None: not answered
    note: str = ""
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DpiaScreening:
    verdict: str  # required | consider | not_required
    criteria: tuple[ScreeningCriterion, ...] = ()
    reasons: tuple[Reason, ...] = ()
    override: str = ""  # a documented decision that departs from the criteria count

    @property
    def criteria_met(self) -> int:
        return sum(1 for criterion in self.criteria if criterion.met)


@dataclass(frozen=True)
class TextBlock:
    """One labelled piece of a DPIA part, e.g. "Purposes of the processing"."""

    label: str
    text: str
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class DpiaContent:
    """The parts GDPR Art. 35(7) requires, plus the DPO's opinion and the people's views."""

    description: tuple[TextBlock, ...] = ()
    necessity: tuple[TextBlock, ...] = ()
    measures: tuple[TextBlock, ...] = ()
    dpo_opinion: tuple[TextBlock, ...] = ()
    data_subject_views: tuple[TextBlock, ...] = ()
    conclusion: tuple[TextBlock, ...] = ()
    prior_consultation_required: bool = False  # Art. 36: high residual risk remains


@dataclass(frozen=True)
class Risk:
    risk_id: str  # short and stable within the report, e.g. "R1"
    feared_event: str
    severity: int  # 1..4 (CNIL scale)
    likelihood: int  # 1..4
    inherent_level: str  # a level of the report's RiskScale
    residual_severity: int
    residual_likelihood: int
    residual_level: str
    sources: tuple[str, ...] = ()
    impacts: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionItem:
    title: str
    owner: str
    due: date | None
    status: str  # open | in_progress | done | cancelled
    risk_id: str = ""


@dataclass(frozen=True)
class SignOff:
    role: str
    name: str
    decision: str  # approved | approved_with_conditions | rejected | pending
    statement: str = ""
    signed_at: datetime | None = None


@dataclass(frozen=True)
class DomainScore:
    domain_id: str
    title: str
    score: float | None  # 0..100; None when nothing in the domain was scorable
    answered: int = 0
    total: int = 0


@dataclass(frozen=True)
class Finding:
    severity: str  # low | medium | high | critical
    text: str
    domain: str = ""
    question_id: str = ""
    evidence_backed: bool = False
    status: str = "open"


@dataclass(frozen=True)
class GradeThreshold:
    grade: str
    min_score: float


DEFAULT_GRADE_THRESHOLDS: tuple[GradeThreshold, ...] = (
    GradeThreshold("A", 85.0),
    GradeThreshold("B", 70.0),
    GradeThreshold("C", 55.0),
    GradeThreshold("D", 40.0),
    GradeThreshold("E", 0.0),
)


@dataclass(frozen=True)
class VendorScorecard:
    """The one-page procurement view of a vendor and one of its systems."""

    vendor_name: str
    system_name: str
    assessment_id: str
    inherent_tier: str  # e.g. critical | high | medium | low
    review_cadence: str  # e.g. "every 12 months"
    overall_score: float | None
    grade: str
    domain_scores: tuple[DomainScore, ...]
    evidence_backed_share: float  # 0..1 of scored claims backed by evidence
    self_attested_share: float  # 0..1
    findings: tuple[Finding, ...]  # most severe first; the writer shows what fits
    ai_act_tier: str
    dpia_verdict: str
    dpa_status: str  # signed | in_negotiation | missing | not_needed
    contract_status: str
    next_review_date: date | None
    generated_at: datetime
    country: str = ""
    grade_thresholds: tuple[GradeThreshold, ...] = DEFAULT_GRADE_THRESHOLDS
    grade_cap_reason: str = ""  # e.g. "capped at D: a critical finding is open"
    #: Set when the due diligence still has required questions unanswered: the grade may move.
    provisional_reason: str = ""  # e.g. "provisional: 12 of 54 required answers missing"
    classification: str = "Confidential"

    @property
    def open_findings(self) -> int:
        return sum(1 for finding in self.findings if finding.status == "open")

    @property
    def critical_findings(self) -> int:
        return sum(
            1
            for finding in self.findings
            if finding.severity == "critical" and finding.status == "open"
        )


@dataclass(frozen=True)
class AuditSummary:
    event_count: int
    chain_verified: bool
    last_event_at: datetime | None = None
    last_event: str = ""


@dataclass(frozen=True)
class DpiaReport:
    meta: ReportMeta
    answer_sections: tuple[AnswerSection, ...]
    ai_act: AiActClassification
    screening: DpiaScreening
    content: DpiaContent
    risks: tuple[Risk, ...]
    actions: tuple[ActionItem, ...]
    sign_offs: tuple[SignOff, ...]
    audit: AuditSummary
    scorecard: VendorScorecard | None = None
    #: the levels, labels and matrix the risks were rated with (the scoring rules')
    risk_scale: RiskScale = field(default_factory=rules_risk_scale)

    @property
    def answer_count(self) -> int:
        return sum(len(section.answers) for section in self.answer_sections)


@dataclass(frozen=True)
class PortfolioRow:
    """One vendor (with its main AI system) in the portfolio export."""

    vendor_name: str
    country: str
    ai_system: str
    inherent_tier: str
    ai_act_tier: str
    dpia_verdict: str
    grade: str
    overall_score: float | None
    open_findings: int
    critical_findings: int
    dpa_status: str
    contract_status: str
    next_review_date: date | None
    #: Which figures come from forms with required answers still missing ("tier", "verdict",
    #: "grade"), as the vendor table marks them.
    provisional: tuple[str, ...] = ()
