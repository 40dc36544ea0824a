"""The ``outcomes`` block of the vendor scorecard forms, validated before any score is computed.

``vendor_intake``::

    outcomes:
      risk_direction: higher_is_riskier
      tiers: [{tier: 1, label: ..., min_risk: 60, review_every_months: 12, depth: full}, ...]
      escalate_to_tier_1_on_flags: [critical, high]

``vendor_due_diligence``::

    outcomes:
      domains: {information_security: {title: ..., weight: 2}, ...}
      grades: [{grade: A, min: 85}, ..., {grade: E, min: 0}]
      grade_caps: {critical: D, high: C}

A form that leaves out ``tiers``, ``grades`` or the caps gets the defaults of
``forms/rules/vendor.yaml``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dpia_desk.errors import DpiaDeskError

Severity = Literal["low", "medium", "high", "critical"]
SEVERITIES: tuple[Severity, ...] = ("low", "medium", "high", "critical")
Grade = Literal["A", "B", "C", "D", "E"]
GRADES: tuple[Grade, ...] = ("A", "B", "C", "D", "E")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TierRule(_Strict):
    tier: Literal[1, 2, 3]
    label: str = Field(min_length=1)
    min_risk: float = Field(ge=0, le=100)
    review_every_months: int = Field(gt=0, le=120)
    depth: Literal["light", "standard", "full"]


class GradeRule(_Strict):
    grade: Grade
    min: float = Field(ge=0, le=100)


def _check_tiers(tiers: tuple[TierRule, ...]) -> tuple[TierRule, ...]:
    numbers = [tier.tier for tier in tiers]
    if sorted(numbers) != [1, 2, 3]:
        raise ValueError(f"tiers must be 1, 2 and 3, each once (got {numbers})")
    ordered = tuple(sorted(tiers, key=lambda tier: tier.tier))
    thresholds = [tier.min_risk for tier in ordered]
    if not thresholds[0] > thresholds[1] > thresholds[2]:
        raise ValueError(
            f"min_risk must fall from tier 1 to tier 3 (tier 1 is the riskiest), got {thresholds}"
        )
    if thresholds[2] != 0:
        raise ValueError("tier 3 must start at min_risk 0 so that every vendor gets a tier")
    return ordered


def _check_grades(grades: tuple[GradeRule, ...]) -> tuple[GradeRule, ...]:
    letters = [grade.grade for grade in grades]
    if sorted(letters) != list(GRADES):
        raise ValueError(f"grades must be A, B, C, D and E, each once (got {letters})")
    ordered = tuple(sorted(grades, key=lambda grade: grade.grade))
    thresholds = [grade.min for grade in ordered]
    if any(high <= low for high, low in itertools.pairwise(thresholds)):
        raise ValueError(f"grade minimums must fall strictly from A to E, got {thresholds}")
    if thresholds[-1] != 0:
        raise ValueError("grade E must start at 0 so that every score gets a grade")
    return ordered


class VendorIntakeOutcomes(_Strict):
    risk_direction: Literal["higher_is_riskier"] = "higher_is_riskier"
    tiers: tuple[TierRule, ...] | None = None
    escalate_to_tier_1_on_flags: tuple[Severity, ...] | None = None

    @field_validator("tiers")
    @classmethod
    def _tiers(cls, value: tuple[TierRule, ...] | None) -> tuple[TierRule, ...] | None:
        return None if value is None else _check_tiers(value)


class DomainRule(_Strict):
    title: str = Field(min_length=1)
    weight: float = Field(gt=0, le=100)


class VendorDueDiligenceOutcomes(_Strict):
    domains: Mapping[str, DomainRule] = Field(default_factory=dict)
    grades: tuple[GradeRule, ...] | None = None
    grade_caps: Mapping[Severity, Grade] | None = None

    @field_validator("grades")
    @classmethod
    def _grades(cls, value: tuple[GradeRule, ...] | None) -> tuple[GradeRule, ...] | None:
        return None if value is None else _check_grades(value)

    @model_validator(mode="after")
    def _domain_ids(self) -> VendorDueDiligenceOutcomes:
        for domain_id in self.domains:
            if not domain_id.isidentifier() or domain_id != domain_id.lower():
                raise ValueError(f"domain id {domain_id!r} must be snake_case")
        return self


def _explain(form_id: str, error: ValidationError) -> str:
    problems = []
    for item in error.errors()[:5]:
        where = ".".join(str(part) for part in item["loc"])
        problems.append(f"outcomes.{where}: {item['msg']}" if where else f"outcomes: {item['msg']}")
    more = len(error.errors()) - len(problems)
    if more > 0:
        problems.append(f"and {more} more")
    return f"form '{form_id}': invalid scoring outcomes: " + "; ".join(problems)


def parse_intake_outcomes(form_id: str, raw: object) -> VendorIntakeOutcomes:
    try:
        return VendorIntakeOutcomes.model_validate(raw or {})
    except ValidationError as error:
        raise DpiaDeskError(
            _explain(form_id, error), hint="See forms/FORMAT.md and dpia_desk.scoring.outcomes."
        ) from None


def parse_due_diligence_outcomes(form_id: str, raw: object) -> VendorDueDiligenceOutcomes:
    try:
        return VendorDueDiligenceOutcomes.model_validate(raw or {})
    except ValidationError as error:
        raise DpiaDeskError(
            _explain(form_id, error), hint="See forms/FORMAT.md and dpia_desk.scoring.outcomes."
        ) from None


def check_tiers(tiers: tuple[TierRule, ...]) -> tuple[TierRule, ...]:
    """Validate tier thresholds given outside a form (the rules defaults)."""
    return _check_tiers(tiers)


def check_grades(grades: tuple[GradeRule, ...]) -> tuple[GradeRule, ...]:
    return _check_grades(grades)
