"""DPIA risk assessment (form ``dpia``; also the workspace's risk register): CNIL method.

Each risk has a severity and a likelihood on the CNIL 1-4 scales (Negligible, Limited,
Significant, Maximum), before measures (inherent) and after them (residual). Its level comes from
the 4x4 matrix of ``forms/rules/dpia.yaml`` (the zones of the CNIL risk map), and its position on
the heat map is (likelihood, severity). When a residual risk stays at a level listed under
``prior_consultation_levels`` (high), the controller must consult the supervisory authority before
processing (GDPR Art. 36(1)). A risk whose measures are not rated yet keeps its inherent rating as
residual, so an unrated high risk never hides the prior-consultation flag.

Which questions of a form hold the ratings: the form may say so in ``outcomes``::

    outcomes:
      risks:
        - {id: illegitimate_access, title: Illegitimate access to data,
           severity: access_severity, likelihood: access_likelihood,
           residual_severity: access_residual_severity,
           residual_likelihood: access_residual_likelihood}

otherwise questions named ``<risk>_severity``, ``<risk>_likelihood``, ``<risk>_residual_severity``
and ``<risk>_residual_likelihood`` are grouped by ``<risk>``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dpia_desk.errors import DpiaDeskError
from dpia_desk.scoring.answers import Answers, visible_only
from dpia_desk.scoring.model import Json, Reason, reasons_json
from dpia_desk.scoring.rules import DpiaRules, load_rules

ENGINE = "dpia"
_SUFFIXES = ("_residual_severity", "_residual_likelihood", "_severity", "_likelihood")


@dataclass(frozen=True, slots=True)
class RiskInput:
    """One risk as rated by the DPO. Ratings are 1-4; residual ones may be missing."""

    id: str
    title: str
    severity: int | None
    likelihood: int | None
    residual_severity: int | None = None
    residual_likelihood: int | None = None
    answers: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rating:
    severity: int
    likelihood: int
    severity_label: str
    likelihood_label: str
    level: str
    level_label: str
    rank: int

    def to_json(self) -> dict[str, Json]:
        return {
            "severity": self.severity,
            "severity_label": self.severity_label,
            "likelihood": self.likelihood,
            "likelihood_label": self.likelihood_label,
            "level": self.level,
            "level_label": self.level_label,
            # heat map position: x = likelihood, y = severity (1-4 each)
            "position": {"x": self.likelihood, "y": self.severity},
        }


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    id: str
    title: str
    inherent: Rating | None
    residual: Rating | None
    residual_rated: bool  # False: residual copies the inherent rating until measures are rated
    prior_consultation: bool

    def to_json(self) -> dict[str, Json]:
        return {
            "id": self.id,
            "title": self.title,
            "inherent": self.inherent.to_json() if self.inherent else None,
            "residual": self.residual.to_json() if self.residual else None,
            "residual_rated": self.residual_rated,
            "prior_consultation": self.prior_consultation,
        }


@dataclass(frozen=True, slots=True)
class DpiaRiskOutcome:
    risks: tuple[RiskAssessment, ...]
    highest_inherent: str | None
    highest_residual: str | None
    prior_consultation: bool
    heat_map: Mapping[str, tuple[tuple[int, ...], ...]]  # phase -> [severity-1][likelihood-1]
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Json]:
        return {
            "risks": [risk.to_json() for risk in self.risks],
            "highest_inherent_level": self.highest_inherent,
            "highest_residual_level": self.highest_residual,
            "prior_consultation": self.prior_consultation,
            "heat_map": {
                phase: [list(row) for row in grid] for phase, grid in self.heat_map.items()
            },
            "reasons": reasons_json(self.reasons),
        }


def rate(severity: int, likelihood: int, rules: DpiaRules | None = None) -> Rating:
    """The level of one (severity, likelihood) pair, both 1-4."""
    rules = rules or load_rules().dpia
    if severity not in (1, 2, 3, 4) or likelihood not in (1, 2, 3, 4):
        raise ValueError(f"severity and likelihood must be 1 to 4, got {severity}, {likelihood}")
    level = rules.matrix[severity][likelihood - 1]
    level_rule = rules.levels[level]
    return Rating(
        severity=severity,
        likelihood=likelihood,
        severity_label=rules.scales["severity"].levels[severity].label,
        likelihood_label=rules.scales["likelihood"].levels[likelihood].label,
        level=level,
        level_label=level_rule.label,
        rank=level_rule.rank,
    )


def _valid(value: int | None) -> int | None:
    return value if value in (1, 2, 3, 4) else None


def score_dpia_risks(risks: Sequence[RiskInput], rules: DpiaRules | None = None) -> DpiaRiskOutcome:
    rules = rules or load_rules().dpia
    reasons: list[Reason] = []
    grids: dict[str, list[list[int]]] = {
        phase: [[0] * 4 for _ in range(4)] for phase in ("inherent", "residual")
    }
    assessed: list[RiskAssessment] = []
    scale_refs = rules.scales["severity"].refs
    for risk in risks:
        severity, likelihood = _valid(risk.severity), _valid(risk.likelihood)
        inherent = rate(severity, likelihood, rules) if severity and likelihood else None
        r_severity, r_likelihood = _valid(risk.residual_severity), _valid(risk.residual_likelihood)
        residual_rated = r_severity is not None and r_likelihood is not None
        residual = (
            rate(r_severity, r_likelihood, rules)
            if r_severity is not None and r_likelihood is not None
            else inherent
        )
        consult = residual is not None and residual.level in rules.prior_consultation_levels
        assessed.append(
            RiskAssessment(risk.id, risk.title, inherent, residual, residual_rated, consult)
        )
        if inherent is None:
            reasons.append(
                Reason(
                    f"{risk.title}: not rated yet (severity and likelihood 1-4 are needed).",
                    scale_refs,
                    risk.answers,
                )
            )
            continue
        grids["inherent"][inherent.severity - 1][inherent.likelihood - 1] += 1
        assert residual is not None
        grids["residual"][residual.severity - 1][residual.likelihood - 1] += 1
        text = (
            f"{risk.title}: inherent severity {inherent.severity} ({inherent.severity_label}) x "
            f"likelihood {inherent.likelihood} ({inherent.likelihood_label}) = "
            f"{inherent.level_label.lower()}"
        )
        if residual_rated:
            text += (
                f"; after measures severity {residual.severity} ({residual.severity_label}) x "
                f"likelihood {residual.likelihood} ({residual.likelihood_label}) = "
                f"{residual.level_label.lower()}."
            )
            if residual.severity > inherent.severity or residual.likelihood > inherent.likelihood:
                text += " The residual rating is above the inherent one: check the ratings."
        else:
            text += "; measures not rated yet, so the inherent rating stands as residual."
        text += " " + rules.levels[residual.level].text
        reasons.append(Reason(text, (*scale_refs, *rules.matrix_refs), risk.answers))
        if consult:
            reasons.append(
                Reason(
                    f"{risk.title}: the residual risk stays {residual.level_label.lower()}; "
                    "consult the supervisory authority before the processing starts (Art. 36(1)).",
                    rules.prior_consultation_refs,
                    risk.answers,
                )
            )

    rated = [risk for risk in assessed if risk.inherent is not None]
    highest_inherent = _highest([r.inherent for r in rated if r.inherent], rules)
    highest_residual = _highest([r.residual for r in rated if r.residual], rules)
    prior = any(risk.prior_consultation for risk in assessed)
    if not risks:
        reasons.append(
            Reason(
                "No risk is described yet: the DPIA must assess the risks to the rights and "
                "freedoms of the people concerned (Art. 35(7)(c)).",
                ("gdpr:art35.7.c", *rules.matrix_refs),
                {},
            )
        )
    elif not prior:
        reasons.append(
            Reason(
                "No residual risk stays high: prior consultation of the supervisory authority is "
                "not required on these ratings.",
                rules.prior_consultation_refs,
                {},
            )
        )
    return DpiaRiskOutcome(
        risks=tuple(assessed),
        highest_inherent=highest_inherent,
        highest_residual=highest_residual,
        prior_consultation=prior,
        heat_map={phase: tuple(tuple(row) for row in grid) for phase, grid in grids.items()},
        reasons=tuple(reasons),
    )


def _highest(ratings: Sequence[Rating], rules: DpiaRules) -> str | None:
    if not ratings:
        return None
    return max(ratings, key=lambda rating: rating.rank).level


class _RiskMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    title: str | None = None
    section: str | None = None
    refs: tuple[str, ...] = ()
    severity: str
    likelihood: str
    residual_severity: str | None = None
    residual_likelihood: str | None = None


class _DpiaOutcomes(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    risks: tuple[_RiskMap, ...] = ()


@dataclass(frozen=True, slots=True)
class RiskQuestionMap:
    """Which questions hold each risk's ratings (computed once per form)."""

    risks: tuple[_RiskMap, ...]


def risk_map_from_form(
    form_id: str,
    outcomes: Mapping[str, object],
    question_ids: Sequence[str],
    titles: Mapping[str, str],
    rules: DpiaRules | None = None,
) -> RiskQuestionMap:
    """The risk questions of a form: declared in ``outcomes.risks`` or found by their names."""
    rules = rules or load_rules().dpia
    try:
        declared = _DpiaOutcomes.model_validate(outcomes or {})
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise DpiaDeskError(
            f"form '{form_id}': invalid scoring outcomes: outcomes.{where}: {first['msg']}"
        ) from None
    known = set(question_ids)
    if declared.risks:
        for risk in declared.risks:
            for name in ("severity", "likelihood", "residual_severity", "residual_likelihood"):
                question = getattr(risk, name)
                if question is not None and question not in known:
                    raise DpiaDeskError(
                        f"form '{form_id}': outcomes.risks.{risk.id}.{name}: "
                        f"unknown question {question!r}"
                    )
        return RiskQuestionMap(declared.risks)
    groups: dict[str, dict[str, str]] = {}
    for question_id in question_ids:
        for suffix in _SUFFIXES:
            if question_id.endswith(suffix) and len(question_id) > len(suffix):
                prefix = question_id[: -len(suffix)]
                groups.setdefault(prefix, {})[suffix.lstrip("_")] = question_id
                break
    found = []
    for prefix, parts in groups.items():
        if "severity" in parts and "likelihood" in parts:
            title = rules.feared_events.get(prefix) or titles.get(parts["severity"]) or prefix
            found.append(
                _RiskMap(
                    id=prefix,
                    title=title,
                    severity=parts["severity"],
                    likelihood=parts["likelihood"],
                    residual_severity=parts.get("residual_severity"),
                    residual_likelihood=parts.get("residual_likelihood"),
                )
            )
    return RiskQuestionMap(tuple(found))


def _rating(answers: Answers, question: str | None) -> int | None:
    if question is None:
        return None
    value = answers.get(question)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def score_dpia_answers(
    answers: Answers,
    risk_map: RiskQuestionMap,
    *,
    visible: Collection[str] | None = None,
    rules: DpiaRules | None = None,
) -> DpiaRiskOutcome:
    """Score the risks of a ``dpia`` form's answers, as ``risk_map`` locates them."""
    rules = rules or load_rules().dpia
    a = visible_only(answers, visible)
    risks = []
    for risk in risk_map.risks:
        questions = [
            q
            for q in (
                risk.severity,
                risk.likelihood,
                risk.residual_severity,
                risk.residual_likelihood,
            )
            if q is not None
        ]
        risks.append(
            RiskInput(
                id=risk.id,
                title=risk.title or rules.feared_events.get(risk.id, risk.id),
                severity=_rating(a, risk.severity),
                likelihood=_rating(a, risk.likelihood),
                residual_severity=_rating(a, risk.residual_severity),
                residual_likelihood=_rating(a, risk.residual_likelihood),
                answers={q: a[q] for q in questions if q in a},
            )
        )
    return score_dpia_risks(risks, rules)
