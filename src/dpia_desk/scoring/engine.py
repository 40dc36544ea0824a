"""One entry point: score any form by the engine its ``scoring`` field names.

``score_form`` evaluates the answers with the form engine (normalisation, visibility, flags),
drops the answers to hidden questions, and hands the rest to the engine. What depends on the form
alone (scored questions, risk questions, FRIA elements, outcome rules) is prepared once per form
object and reused, so re-scoring many assessments of one form costs little.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire.errors import AnswerValidationError
from dpia_desk.questionnaire.evaluation import FormState, evaluate
from dpia_desk.questionnaire.model import Form
from dpia_desk.scoring import ai_act, dpia_risk, dpia_screening, fria, ll144, vendor
from dpia_desk.scoring.model import Outcome, ScoreResult
from dpia_desk.scoring.related import Related
from dpia_desk.scoring.rules import load_rules

ENGINES: tuple[str, ...] = (
    "ai_act",
    "dpia_screening",
    "dpia",
    "vendor_intake",
    "vendor_due_diligence",
    "fria",
    "ll144",
)

_T = TypeVar("_T")
_CACHE: dict[tuple[int, str], tuple[weakref.ref[Form], object]] = {}


def _per_form(form: Form, name: str, build: Callable[[], _T]) -> _T:
    """``build()`` once per form object (forms are frozen, so the result never goes stale)."""
    key = (id(form), name)
    cached = _CACHE.get(key)
    if cached is not None and cached[0]() is form:
        value: _T = cached[1]  # type: ignore[assignment]
        return value
    value = build()

    def forget(_ref: weakref.ref[Form], key: tuple[int, str] = key) -> None:
        _CACHE.pop(key, None)

    _CACHE[key] = (weakref.ref(form, forget), value)
    return value


@dataclass(frozen=True, slots=True)
class _Context:
    form: Form
    state: FormState
    evidence_counts: Mapping[str, int] | None
    related: Related | None


def _ai_act(ctx: _Context) -> Outcome:
    return ai_act.score_ai_act(ctx.state.answers)


def _dpia_screening(ctx: _Context) -> Outcome:
    return dpia_screening.score_dpia_screening(ctx.state.answers, related=ctx.related)


def _dpia(ctx: _Context) -> Outcome:
    form = ctx.form

    def build() -> dpia_risk.RiskQuestionMap:
        titles = {question.id: question.text for question in form.questions}
        return dpia_risk.risk_map_from_form(
            form.id, form.outcomes, [q.id for q in form.questions], titles
        )

    risk_map = _per_form(form, "dpia", build)
    return dpia_risk.score_dpia_answers(ctx.state.answers, risk_map)


def _vendor_intake(ctx: _Context) -> Outcome:
    plan = vendor.vendor_plan(ctx.form, vendor.INTAKE_ENGINE)
    return vendor.score_vendor_intake(
        plan, ctx.state.answers, visible=ctx.state.visible_questions, flags=ctx.state.flags
    )


def _vendor_due_diligence(ctx: _Context) -> Outcome:
    plan = vendor.vendor_plan(ctx.form, vendor.DUE_DILIGENCE_ENGINE)
    return vendor.score_vendor_due_diligence(
        plan,
        ctx.state.answers,
        visible=ctx.state.visible_questions,
        flags=ctx.state.flags,
        evidence_counts=ctx.evidence_counts,
        related=ctx.related,
    )


def _fria(ctx: _Context) -> Outcome:
    plan = vendor.vendor_plan(ctx.form, "fria")
    elements = _per_form(ctx.form, "fria_elements", lambda: fria.element_questions(ctx.form))
    return fria.score_fria(
        plan,
        elements,
        ctx.state.answers,
        visible=ctx.state.visible_questions,
        missing=ctx.state.missing,
        flags=ctx.state.flags,
        related=ctx.related,
    )


def _ll144(ctx: _Context) -> Outcome:
    plan = vendor.vendor_plan(ctx.form, "ll144")
    return ll144.score_ll144(
        plan,
        ctx.state.answers,
        visible=ctx.state.visible_questions,
        missing=ctx.state.missing,
        flags=ctx.state.flags,
    )


_DISPATCH: Mapping[str, Callable[[_Context], Outcome]] = {
    "ai_act": _ai_act,
    "dpia_screening": _dpia_screening,
    "dpia": _dpia,
    "vendor_intake": _vendor_intake,
    "vendor_due_diligence": _vendor_due_diligence,
    "fria": _fria,
    "ll144": _ll144,
}


def score_form(
    form: Form,
    answers: Mapping[str, object],
    *,
    evidence_counts: Mapping[str, int] | None = None,
    related: Related | None = None,
    state: FormState | None = None,
    strict: bool = True,
) -> ScoreResult:
    """Score ``answers`` to ``form`` with the engine named in ``form.scoring``.

    ``evidence_counts``: evidence items attached per question id (vendor due diligence).
    ``related``: results of other forms for the same vendor or system, by form id (the AI Act
    screening for DPIA screening suggestions, the vendor intake for the residual risk); a
    :class:`ScoreResult`, an outcome or stored JSON each.
    ``state``: the form engine's evaluation of these answers, when the caller already has it.
    ``strict``: invalid answers raise :class:`AnswerValidationError`; otherwise they count as
    unanswered (the form engine lists them in ``state.problems``).
    """
    engine = form.scoring
    if engine is None:
        raise DpiaDeskError(
            f"form '{form.id}' has no scoring engine",
            hint=f"Set `scoring:` in the form to one of: {', '.join(ENGINES)}.",
        )
    handler = _DISPATCH.get(engine)
    if handler is None:  # the form model only accepts known engines; keep the message anyway
        raise DpiaDeskError(
            f"form '{form.id}' names unknown scoring engine '{engine}'",
            hint=f"Known engines: {', '.join(ENGINES)}.",
        )
    load_rules()  # an invalid rules file stops here with its own message
    state = state if state is not None else evaluate(form, answers)
    if strict and state.problems:
        raise AnswerValidationError(form.id, state.problems)
    outcome = handler(_Context(form, state, evidence_counts, related))
    return ScoreResult(
        form=form.id,
        form_version=form.version,
        engine=engine,
        complete=state.complete,
        missing=state.missing,
        outcome=outcome,
        flags=tuple(flag.key for flag in state.flags),
    )
