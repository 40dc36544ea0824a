"""NYC Local Law 144 check (form ``ll144_bias_audit``).

First the applicability chain of Admin. Code § 20-870 and 6 RCNY § 5-300: a simplified output
(score, tag, classification, recommendation, ranking), derived from machine learning, statistics,
data analytics or AI, that substantially assists or replaces the decision (relied on alone,
weighted most, or overruling other factors), used to screen candidates or employees for hiring
or promotion, with a link to New York City. Any "no" ends the check (``applies: false``); an
unanswered step leaves it open (``applies: null``). Where the law applies, the result scores the
audit, publication and notice answers (0-100), lists the findings, and gives the date until which
the last bias audit covers use (one year, § 20-871(a)(1), 6 RCNY § 5-301(a)). The data table's
figures come from :mod:`dpia_desk.scoring.bias_audit` (``dpia-desk bias-audit``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from dpia_desk.questionnaire.evaluation import RaisedFlag
from dpia_desk.scoring.answers import Answers, answered, choice, choices, pick
from dpia_desk.scoring.model import Json, Reason, reasons_json
from dpia_desk.scoring.vendor import (
    Finding,
    VendorPlan,
    findings_from_flags,
    weighted_answers,
    weighted_mean,
)

ENGINE = "ll144"
_AEDT_REFS = ("nyc_ll144:20-870", "nyc_dcwp:5-300")
_SUBSTANTIAL = ("sole_basis", "weighted_most", "overrules")
_DECISIONS = ("screening_candidates", "screening_promotion")
_NEXUS = ("job_in_nyc", "remote_linked_nyc", "agency_in_nyc")


@dataclass(frozen=True, slots=True)
class Ll144Outcome:
    applies: bool | None
    status: str
    audit_date: dt.date | None
    audit_valid_until: dt.date | None
    score: float | None
    findings: tuple[Finding, ...]
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Json]:
        return {
            "applies": self.applies,
            "status": self.status,
            "audit_date": self.audit_date.isoformat() if self.audit_date else None,
            "audit_valid_until": self.audit_valid_until.isoformat()
            if self.audit_valid_until
            else None,
            "overall": round(self.score, 1) if self.score is not None else None,
            "findings": [finding.to_json() for finding in self.findings],
            "reasons": reasons_json(self.reasons),
        }


def _one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _applicability(a: Answers, reasons: list[Reason]) -> bool | None:
    steps = (
        ("tool_output_type",),
        ("computational_basis",),
        ("decision_role",),
        ("employment_decision_type",),
        ("nyc_nexus",),
    )
    if choice(a, "tool_output_type") == "no_simplified_output":
        why = "it issues no simplified output (score, tag, classification, recommendation, ranking)"
        asked = steps[0]
    elif choice(a, "computational_basis") == "no":
        why = "its output is not derived from machine learning, statistics, analytics or AI"
        asked = steps[1]
    elif choice(a, "decision_role") == "minor_input":
        why = "its output does not substantially assist or replace the decision"
        asked = steps[2]
    elif answered(a, "employment_decision_type") and not set(
        choices(a, "employment_decision_type")
    ) & set(_DECISIONS):
        why = "it is not used to screen candidates or employees for hiring or promotion"
        asked = steps[3]
    elif answered(a, "nyc_nexus") and not set(choices(a, "nyc_nexus")) & set(_NEXUS):
        reasons.append(
            Reason(
                "Local Law 144 does not apply: the decisions have no link with New York City.",
                ("nyc_ll144:20-871", "nyc_ll144:20-870"),
                pick(a, "nyc_nexus"),
            )
        )
        return False
    else:
        if all(answered(a, step[0]) for step in steps):
            reasons.append(
                Reason(
                    "The tool is an automated employment decision tool used for decisions in New "
                    "York City: Local Law 144 applies (bias audit within a year, published "
                    "summary, notices).",
                    (*_AEDT_REFS, "nyc_ll144:20-871"),
                    pick(a, *(step[0] for step in steps)),
                )
            )
            return True
        reasons.append(
            Reason(
                "Whether the tool is an AEDT used for decisions in New York City is not settled "
                "yet: answer the applicability questions.",
                _AEDT_REFS,
                {},
            )
        )
        return None
    reasons.append(Reason(f"Not an AEDT under Local Law 144: {why}.", _AEDT_REFS, pick(a, *asked)))
    return False


def score_ll144(
    plan: VendorPlan,
    answers: Answers,
    *,
    visible: Collection[str],
    missing: Sequence[str],
    flags: Sequence[RaisedFlag] = (),
) -> Ll144Outcome:
    reasons: list[Reason] = []
    applies = _applicability(answers, reasons)
    audit_date = _as_date(answers.get("last_audit_date"))
    valid_until = _one_year_after(audit_date) if audit_date else None
    findings = findings_from_flags(flags, plan)
    score: float | None = None
    if applies:
        if valid_until is not None:
            reasons.append(
                Reason(
                    f"The last bias audit ({audit_date:%d %B %Y}) covers use of the tool until "
                    f"{valid_until:%d %B %Y}; plan the next one before then.",
                    ("nyc_ll144:20-871.a.1", "nyc_dcwp:5-301.a"),
                    pick(answers, "last_audit_date"),
                )
            )
        counted, _, _ = weighted_answers(plan, answers, visible)
        score = weighted_mean(counted)
        if score is not None:
            weakest = sorted(counted, key=lambda c: (c.score, c.question))[:3]
            reasons.append(
                Reason(
                    f"Compliance checks: {score:.0f}/100 over {len(counted)} scored answers. "
                    "Weakest: " + "; ".join(f"{c.text} ({c.score:g})" for c in weakest) + ".",
                    ("nyc_ll144:20-871", "nyc_dcwp:5-301", "nyc_dcwp:5-303", "nyc_dcwp:5-304"),
                    {c.question: c.answer for c in weakest},
                )
            )
        for finding in findings:
            reasons.append(
                Reason(
                    f"Finding ({finding.severity}): {finding.text}",
                    finding.refs or ("nyc_ll144:20-871",),
                    pick(answers, finding.question),
                )
            )
    if applies is False:
        status = "not_applicable"
    elif missing:
        status = "incomplete"
    elif applies and findings:
        status = "gaps"
    else:
        status = "compliant"
    if status == "compliant":
        reasons.append(
            Reason(
                "No finding is open: the audit, the published summary and the notices meet the "
                "checks on these answers.",
                ("nyc_ll144:20-871", "nyc_dcwp:5-303", "nyc_dcwp:5-304"),
                {},
            )
        )
    return Ll144Outcome(
        applies=applies,
        status=status,
        audit_date=audit_date,
        audit_valid_until=valid_until,
        score=score,
        findings=findings if applies else (),
        reasons=tuple(reasons),
    )
