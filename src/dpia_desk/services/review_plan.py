"""The guided review: which step comes next, and why (pure: facts in, plan out).

A review of a vendor (and optionally one of its AI systems) is one path, not a pile of forms. It
starts with the intake; each later step is proposed from the results so far, with the reason and
the article or guideline behind it:

- AI Act screening, for any AI feature the intake reports (Art. 3(1));
- DPIA screening, for every HR tool processing staff or candidate data (GDPR Art. 35(1), WP248);
- the full DPIA when the screening says required or likely required (Art. 35(1), 35(3));
- vendor due diligence at the depth the intake tier sets (GDPR Art. 28(1): sufficient guarantees);
- a FRIA when the AI Act result owes one (Art. 27);
- the NYC Local Law 144 check when the tool screens candidates or employees for New York City jobs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

StepNeed = Literal["needed", "optional", "not_needed", "waiting"]

STEP_ORDER = (
    "vendor_intake",
    "ai_act_screening",
    "dpia_screening",
    "dpia",
    "vendor_due_diligence",
    "fria",
    "ll144_bias_audit",
)

_AI_FEATURES = frozenset({"general_helpers", "evaluates_people", "emotion_or_biometric", "unknown"})
_DEPTH_BY_TIER = {1: "full", 2: "standard", 3: "light"}


@dataclass(frozen=True)
class StepProgress:
    """Where one step's assessment stands (absent: not started)."""

    assessment_id: str
    status: str  # draft / in_review / approved / rejected
    complete: bool
    required_answered: int
    required: int
    summary: str  # the result in a few words, e.g. "High risk" or "Grade B"


@dataclass(frozen=True)
class ReviewFacts:
    """What the finished or partial steps have established so far."""

    has_ai_system: bool = False
    intake_answered: bool = False
    ai_features: str | None = None  # vendor_intake.ai_features_present
    nyc_roles: str | None = None  # vendor_intake.nyc_roles: yes / no
    inherent_tier: int | None = None
    ai_act_tier: str | None = None
    ai_act_obligations: tuple[str, ...] = ()
    employment_uses: tuple[str, ...] = ()
    dpia_verdict: str | None = None
    prior_consultation: bool = False
    critical_findings: int = 0
    progress: Mapping[str, StepProgress] = field(default_factory=dict)


@dataclass(frozen=True)
class PlannedStep:
    form_id: str
    need: StepNeed
    reason: str
    refs: tuple[str, ...]
    progress: StepProgress | None
    depth: str | None = None  # due diligence only

    @property
    def state(self) -> str:
        """not_started / in_progress / complete / in_review / approved / rejected."""
        if self.progress is None:
            return "not_started"
        if self.progress.status in ("approved", "rejected", "in_review"):
            return self.progress.status
        return "complete" if self.progress.complete else "in_progress"

    @property
    def done(self) -> bool:
        return self.state in ("approved", "complete", "in_review")


@dataclass(frozen=True)
class ReviewPlan:
    steps: tuple[PlannedStep, ...]
    blockers: tuple[str, ...]

    @property
    def next_step(self) -> PlannedStep | None:
        """The first needed step that is not done yet."""
        for step in self.steps:
            if step.need == "needed" and not step.done:
                return step
        return None

    def step(self, form_id: str) -> PlannedStep:
        return next(step for step in self.steps if step.form_id == form_id)


def _intake(facts: ReviewFacts) -> tuple[StepNeed, str, tuple[str, ...]]:
    return (
        "needed",
        "Every review starts with the intake: it sets the vendor's inherent risk tier, the depth "
        "of due diligence and the review cadence.",
        ("gdpr:art28.1",),
    )


def _ai_act(facts: ReviewFacts) -> tuple[StepNeed, str, tuple[str, ...]]:
    refs = ("ai_act:art3.1", "ai_act:art6")
    if facts.has_ai_system:
        return ("needed", "The review covers an AI system: classify it under the AI Act.", refs)
    if facts.ai_features in _AI_FEATURES:
        return (
            "needed",
            "The intake reports AI features; the AI Act screening gives the tier and the duties.",
            refs,
        )
    if facts.ai_features == "none":
        return ("not_needed", "The intake reports no AI or machine-learning feature.", refs)
    return ("waiting", "Answer the intake's AI question first.", refs)


def _dpia_screening(facts: ReviewFacts) -> tuple[StepNeed, str, tuple[str, ...]]:
    return (
        "needed",
        "HR tools process staff or candidate data: screen against the nine WP248 criteria to "
        "decide whether a DPIA is required.",
        ("gdpr:art35.1", "wp248:criteria"),
    )


def _dpia(facts: ReviewFacts) -> tuple[StepNeed, str, tuple[str, ...]]:
    refs = ("gdpr:art35.1", "gdpr:art35.7")
    verdict = facts.dpia_verdict
    if verdict == "required":
        return (
            "needed",
            "The screening found a DPIA required (Art. 35(3) or a national list).",
            refs,
        )
    if verdict == "likely_required":
        return (
            "needed",
            "Two or more WP248 criteria are met: a DPIA is required in most cases.",
            (*refs, "wp248:criteria"),
        )
    if verdict == "consider":
        return (
            "optional",
            "One WP248 criterion is met: decide, and document why if you do not carry out a DPIA.",
            (*refs, "wp248:criteria"),
        )
    if verdict == "not_required":
        return ("not_needed", "The screening found no DPIA required.", refs)
    return ("waiting", "Complete the DPIA screening first.", refs)


def _due_diligence(facts: ReviewFacts) -> tuple[StepNeed, str, tuple[str, ...]]:
    refs = ("gdpr:art28.1",)
    if facts.inherent_tier is None:
        return ("waiting", "The intake tier sets the depth of the due diligence.", refs)
    depth = _DEPTH_BY_TIER.get(facts.inherent_tier, "full")
    return (
        "needed",
        f"Inherent risk tier {facts.inherent_tier}: due diligence at {depth} depth. A processor "
        "must give sufficient guarantees before it is engaged.",
        refs,
    )


def _fria(facts: ReviewFacts) -> tuple[StepNeed, str, tuple[str, ...]]:
    refs = ("ai_act:art27.1",)
    if "art27_fria" in facts.ai_act_obligations:
        return (
            "needed",
            "The AI Act result owes a fundamental rights impact assessment before first use.",
            refs,
        )
    if facts.ai_act_tier is None:
        if facts.ai_features == "none":
            return ("not_needed", "No AI feature: the AI Act does not apply.", refs)
        return ("waiting", "The AI Act screening decides whether a FRIA is owed.", refs)
    return (
        "not_needed",
        "A FRIA is owed only by public bodies, private entities providing public services and "
        "deployers of credit-scoring or insurance-pricing systems; none applies here.",
        refs,
    )


def _ll144(facts: ReviewFacts) -> tuple[StepNeed, str, tuple[str, ...]]:
    refs = ("nyc_ll144:20-871.a",)
    if facts.nyc_roles == "yes":
        if facts.ai_features == "none":
            return (
                "optional",
                "The tool is used for New York City jobs but reports no AI: check whether it "
                "still counts as an automated employment decision tool.",
                refs,
            )
        return (
            "needed",
            "The tool screens candidates or employees for New York City jobs: Local Law 144 "
            "requires a yearly independent bias audit and notices.",
            refs,
        )
    if facts.nyc_roles == "no":
        return ("not_needed", "The tool is not used for jobs in New York City.", refs)
    return ("waiting", "Answer the intake's New York City question first.", refs)


_RULES = {
    "vendor_intake": _intake,
    "ai_act_screening": _ai_act,
    "dpia_screening": _dpia_screening,
    "dpia": _dpia,
    "vendor_due_diligence": _due_diligence,
    "fria": _fria,
    "ll144_bias_audit": _ll144,
}


def plan_review(facts: ReviewFacts) -> ReviewPlan:
    steps: list[PlannedStep] = []
    for form_id in STEP_ORDER:
        need, reason, refs = _RULES[form_id](facts)
        progress = facts.progress.get(form_id)
        if need in ("waiting", "not_needed") and progress is not None:
            # started anyway: keep it in the plan as optional so the work is not hidden
            need = "optional"
        depth = (
            _DEPTH_BY_TIER.get(facts.inherent_tier)
            if form_id == "vendor_due_diligence" and facts.inherent_tier is not None
            else None
        )
        steps.append(PlannedStep(form_id, need, reason, refs, progress, depth))
    blockers: list[str] = []
    for step in steps:
        if step.need == "needed" and step.state == "not_started":
            blockers.append(f"{step.form_id}: not started")
        elif step.need == "needed" and step.state == "in_progress":
            blockers.append(f"{step.form_id}: required questions unanswered")
        elif step.state == "rejected":
            blockers.append(f"{step.form_id}: rejected at sign-off")
    if facts.ai_act_tier == "prohibited":
        blockers.append("AI Act: a prohibited practice (Art. 5) — the system must not be used")
    if facts.prior_consultation:
        blockers.append(
            "DPIA: a high residual risk remains — consult the supervisory authority (GDPR Art. 36)"
        )
    if facts.critical_findings:
        blockers.append(f"{facts.critical_findings} critical finding(s) open")
    return ReviewPlan(tuple(steps), tuple(blockers))
