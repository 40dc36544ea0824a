"""The DPIA risk register and the action plan of an assessment.

Risks are rated on the CNIL 1-4 scales before measures (severity, likelihood) and after them
(residual); :func:`register_outcome` rates them with the scoring engine's matrix, so the register,
the heat map and the Art. 36 flag agree with the DPIA form's own risks. Actions come from risks and
from the findings the forms raise; an action past its due date and not done is overdue.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from dpia_desk.scoring import DpiaRiskOutcome, RiskInput, score_dpia_risks
from dpia_desk.services.assessments import (
    AssessmentSnapshot,
    get_assessment,
    is_locked,
    snapshot,
)
from dpia_desk.services.errors import AssessmentLockedError, InvalidInputError
from dpia_desk.store import NotFoundError, record_event
from dpia_desk.store.audit import to_jsonable
from dpia_desk.store.models import Action, ActionStatus, Assessment, Risk, utc_now

RISK_FIELDS = (
    "title",
    "feared_event",
    "sources",
    "impacts",
    "severity",
    "likelihood",
    "residual_severity",
    "residual_likelihood",
    "measures",
)
ACTION_FIELDS = ("title", "owner", "due_date", "status", "risk_id", "finding_ref")


def _writable(session: Session, assessment_id: str) -> Assessment:
    assessment = get_assessment(session, assessment_id)
    if is_locked(assessment):
        raise AssessmentLockedError(assessment.id, assessment.status)
    return assessment


def _rating(field: str, value: Any, *, optional: bool) -> int | None:
    if value is None or value == "":
        if optional:
            return None
        raise InvalidInputError(field, "a rating from 1 to 4 is required")
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
        raise InvalidInputError(field, "must be a whole number from 1 to 4")
    return value


def _text(field: str, value: Any, *, required: bool = False, limit: int = 20_000) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInputError(field, "must be text")
    text: str = value.strip()
    if required and not text:
        raise InvalidInputError(field, "is required")
    if len(text) > limit:
        raise InvalidInputError(field, f"is longer than {limit:,} characters")
    return text


def _texts(field: str, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [line for line in value.splitlines()]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InvalidInputError(field, "must be a list of texts")
    return [v.strip() for v in value if v.strip()]


def _risk_value(field: str, value: Any) -> Any:
    if field == "title":
        return _text(field, value, required=True, limit=300)
    if field in ("feared_event", "measures"):
        return _text(field, value)
    if field in ("sources", "impacts"):
        return _texts(field, value)
    return _rating(field, value, optional=field.startswith("residual_"))


def add_risk(session: Session, *, actor: str, assessment_id: str, **fields: Any) -> Risk:
    _writable(session, assessment_id)
    unknown = sorted(set(fields) - set(RISK_FIELDS))
    if unknown:
        raise InvalidInputError(unknown[0], "not a risk field")
    values = {field: _risk_value(field, fields.get(field)) for field in RISK_FIELDS}
    risk = Risk(assessment_id=assessment_id, **values)
    session.add(risk)
    session.flush()
    record_event(
        session,
        actor,
        "create",
        "risk",
        risk.id,
        None,
        None,
        {"assessment_id": assessment_id, **to_jsonable(values)},
    )
    return risk


def update_risk(session: Session, *, actor: str, risk_id: str, **changes: Any) -> Risk:
    risk = session.get(Risk, risk_id)
    if risk is None:
        raise NotFoundError("risk", risk_id)
    _writable(session, risk.assessment_id)
    for field, value in changes.items():
        if field not in RISK_FIELDS:
            raise InvalidInputError(field, "not a risk field")
        new = _risk_value(field, value)
        old = getattr(risk, field)
        if old == new:
            continue
        setattr(risk, field, new)
        record_event(session, actor, "update", "risk", risk.id, field, old, new)
    risk.updated_at = utc_now()
    session.flush()
    return risk


def delete_risk(session: Session, *, actor: str, risk_id: str) -> None:
    risk = session.get(Risk, risk_id)
    if risk is None:
        raise NotFoundError("risk", risk_id)
    _writable(session, risk.assessment_id)
    record_event(session, actor, "delete", "risk", risk.id, None, {"title": risk.title}, None)
    session.delete(risk)
    session.flush()


def list_risks(session: Session, assessment_id: str) -> list[Risk]:
    return list(
        session.scalars(
            select(Risk).where(Risk.assessment_id == assessment_id).order_by(Risk.created_at)
        )
    )


class RatedRisk(Protocol):
    """What rating a risk needs: a stored :class:`Risk` or a row of the risks tab."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def severity(self) -> int | None: ...
    @property
    def likelihood(self) -> int | None: ...
    @property
    def residual_severity(self) -> int | None: ...
    @property
    def residual_likelihood(self) -> int | None: ...


def risk_inputs(risks: Iterable[RatedRisk]) -> list[RiskInput]:
    """The scoring engine's inputs for register risks."""
    return [
        RiskInput(
            id=risk.id,
            title=risk.title,
            severity=risk.severity,
            likelihood=risk.likelihood,
            residual_severity=risk.residual_severity,
            residual_likelihood=risk.residual_likelihood,
        )
        for risk in risks
    ]


def register_outcome(risks: Iterable[Risk]) -> DpiaRiskOutcome:
    """The register rated with the CNIL matrix: levels, heat map, Art. 36 flag, reasons."""
    return score_dpia_risks(risk_inputs(risks))


def form_risk_inputs(current: AssessmentSnapshot) -> list[RiskInput]:
    """The risks a ``dpia`` form rates itself (the feared events), as register inputs with ids
    ``form:<risk id>``; none for other forms."""
    outcome = current.result.outcome if current.result is not None else None
    if current.form.scoring != "dpia" or not isinstance(outcome, DpiaRiskOutcome):
        return []
    inputs = []
    for risk in outcome.risks:
        inherent, residual = risk.inherent, risk.residual
        rated = residual is not None and risk.residual_rated
        inputs.append(
            RiskInput(
                id=f"form:{risk.id}",
                title=risk.title,
                severity=inherent.severity if inherent else None,
                likelihood=inherent.likelihood if inherent else None,
                residual_severity=residual.severity if rated and residual else None,
                residual_likelihood=residual.likelihood if rated and residual else None,
            )
        )
    return inputs


def dpia_risk_outcome(session: Session, current: AssessmentSnapshot) -> DpiaRiskOutcome | None:
    """A DPIA's risks as one picture: the feared events its form rates and the risks of its
    register, rated together (highest levels, heat map, Art. 36 flag). Every place that states a
    DPIA's risk level uses this, so the headline, the review's blockers and the document agree.
    None for other forms."""
    if current.form.scoring != "dpia":
        return None
    register = risk_inputs(list_risks(session, current.assessment_id))
    return score_dpia_risks([*form_risk_inputs(current), *register])


# --- actions ------------------------------------------------------------------------------------


def _action_value(field: str, value: Any) -> Any:
    if field == "title":
        return _text(field, value, required=True, limit=300)
    if field == "owner":
        return _text(field, value, limit=200)
    if field == "due_date":
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise InvalidInputError(field, "must be a date YYYY-MM-DD") from None
        if not isinstance(value, date):
            raise InvalidInputError(field, "must be a date")
        return value
    if field == "status":
        allowed = [s.value for s in ActionStatus]
        if value is None:
            return ActionStatus.OPEN.value
        if value not in allowed:
            raise InvalidInputError(field, f"must be one of {', '.join(allowed)}")
        return value
    if field in ("risk_id", "finding_ref"):
        return None if value in (None, "") else _text(field, value, limit=200)
    raise InvalidInputError(field, "not an action field")


def add_action(session: Session, *, actor: str, assessment_id: str, **fields: Any) -> Action:
    _writable(session, assessment_id)
    values = {field: _action_value(field, fields.get(field)) for field in ACTION_FIELDS}
    extra = sorted(set(fields) - set(ACTION_FIELDS))
    if extra:
        raise InvalidInputError(extra[0], "not an action field")
    if values["risk_id"] is not None:
        risk = session.get(Risk, values["risk_id"])
        if risk is None or risk.assessment_id != assessment_id:
            raise InvalidInputError("risk_id", "no such risk in this assessment")
    action = Action(assessment_id=assessment_id, **values)
    session.add(action)
    session.flush()
    record_event(
        session,
        actor,
        "create",
        "action",
        action.id,
        None,
        None,
        {"assessment_id": assessment_id, **to_jsonable(values)},
    )
    return action


def update_action(session: Session, *, actor: str, action_id: str, **changes: Any) -> Action:
    action = session.get(Action, action_id)
    if action is None:
        raise NotFoundError("action", action_id)
    # Actions stay workable after approval: the plan is followed up once the DPIA is signed.
    for field, value in changes.items():
        if field not in ACTION_FIELDS:
            raise InvalidInputError(field, "not an action field")
        new = _action_value(field, value)
        old = getattr(action, field)
        if old == new:
            continue
        setattr(action, field, new)
        record_event(session, actor, "update", "action", action.id, field, old, new)
    action.updated_at = utc_now()
    session.flush()
    return action


def list_actions(session: Session, assessment_id: str | None = None) -> list[Action]:
    query = select(Action).order_by(Action.due_date.is_(None), Action.due_date, Action.created_at)
    if assessment_id is not None:
        query = query.where(Action.assessment_id == assessment_id)
    return list(session.scalars(query))


def is_overdue(action: Action, today: date | None = None) -> bool:
    today = today or date.today()
    return (
        action.status != ActionStatus.DONE.value
        and action.due_date is not None
        and action.due_date < today
    )


def actions_from_findings(session: Session, *, actor: str, assessment_id: str) -> list[Action]:
    """One open action per raised finding that has none yet (finding_ref = question.choice)."""
    _writable(session, assessment_id)
    current = snapshot(session, assessment_id, with_related=False)
    existing = {
        action.finding_ref for action in list_actions(session, assessment_id) if action.finding_ref
    }
    created: list[Action] = []
    for flag in current.state.flags:
        if flag.key in existing:
            continue
        title = " ".join(flag.text.split())
        if len(title) > 300:
            title = title[:297] + "..."
        created.append(
            add_action(
                session,
                actor=actor,
                assessment_id=assessment_id,
                title=title,
                finding_ref=flag.key,
            )
        )
    return created
