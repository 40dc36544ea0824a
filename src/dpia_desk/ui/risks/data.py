"""The risk register and action plan of one assessment, read as plain values.

A DPIA's risks are of two kinds: the CNIL feared events the DPIA form itself rates (its scale
questions) and the risks added to the register. Both are rated with the same CNIL matrix
(:func:`dpia_desk.scoring.score_dpia_risks`), so the heat map counts all of them; the form's risks
are shown read-only (they change by answering their questions).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from dpia_desk.scoring import DpiaRiskOutcome, score_dpia_risks
from dpia_desk.services.assessments import get_assessment, is_locked, snapshot
from dpia_desk.services.risks import (
    dpia_risk_outcome,
    is_overdue,
    list_actions,
    list_risks,
    risk_inputs,
)


@dataclass(frozen=True, slots=True)
class RiskRow:
    id: str
    title: str
    feared_event: str
    sources: tuple[str, ...]
    impacts: tuple[str, ...]
    severity: int | None
    likelihood: int | None
    residual_severity: int | None
    residual_likelihood: int | None
    measures: str
    from_form: bool  # a risk the DPIA form rates (read-only here)


@dataclass(frozen=True, slots=True)
class ActionRow:
    id: str
    title: str
    owner: str
    due_date: date | None
    status: str
    risk_id: str | None
    finding_ref: str | None
    overdue: bool


@dataclass(frozen=True)
class RegisterData:
    assessment_id: str
    is_dpia: bool
    locked: bool
    risks: tuple[RiskRow, ...]
    outcome: DpiaRiskOutcome
    actions: tuple[ActionRow, ...]
    risk_titles: dict[str, str]
    finding_texts: dict[str, str]  # "question.choice" -> the finding, for actions from findings


def load_register(session: Session, assessment_id: str, today: date | None = None) -> RegisterData:
    assessment = get_assessment(session, assessment_id)
    current = snapshot(session, assessment_id, with_related=False)
    is_dpia = current.form.scoring == "dpia"
    rows: list[RiskRow] = []
    if (
        is_dpia
        and current.result is not None
        and isinstance(current.result.outcome, DpiaRiskOutcome)
    ):
        for risk in current.result.outcome.risks:
            inherent, residual = risk.inherent, risk.residual
            rows.append(
                RiskRow(
                    id=f"form:{risk.id}",
                    title=risk.title,
                    feared_event=risk.title,
                    sources=(),
                    impacts=(),
                    severity=inherent.severity if inherent else None,
                    likelihood=inherent.likelihood if inherent else None,
                    residual_severity=residual.severity
                    if residual and risk.residual_rated
                    else None,
                    residual_likelihood=(
                        residual.likelihood if residual and risk.residual_rated else None
                    ),
                    measures="",
                    from_form=True,
                )
            )
    for stored in list_risks(session, assessment_id):
        rows.append(
            RiskRow(
                id=stored.id,
                title=stored.title,
                feared_event=stored.feared_event,
                sources=tuple(stored.sources),
                impacts=tuple(stored.impacts),
                severity=stored.severity,
                likelihood=stored.likelihood,
                residual_severity=stored.residual_severity,
                residual_likelihood=stored.residual_likelihood,
                measures=stored.measures,
                from_form=False,
            )
        )
    # The same rating the headline, the review and the document use (one definition).
    outcome = dpia_risk_outcome(session, current) if is_dpia else None
    if outcome is None:
        outcome = score_dpia_risks(risk_inputs(rows))
    actions = tuple(
        ActionRow(
            action.id,
            action.title,
            action.owner,
            action.due_date,
            action.status,
            action.risk_id,
            action.finding_ref,
            is_overdue(action, today),
        )
        for action in list_actions(session, assessment_id)
    )
    findings = {flag.key: " ".join(flag.text.split()) for flag in current.state.flags}
    return RegisterData(
        assessment_id=assessment_id,
        is_dpia=is_dpia,
        locked=is_locked(assessment),
        risks=tuple(rows),
        outcome=outcome,
        actions=actions,
        risk_titles={row.id: row.title for row in rows},
        finding_texts=findings,
    )
