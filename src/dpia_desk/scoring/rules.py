"""The legal data the engines apply, loaded from ``forms/rules/*.yaml`` and validated.

Every date, threshold, reference and explanation the engines emit comes from these files, so a
reviewer can check and update the law without reading code (DESIGN section 6: dates change with
amending law). An invalid file stops scoring with the file name, the place and the reason.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from dpia_desk.errors import DpiaDeskError
from dpia_desk.scoring import contract
from dpia_desk.scoring.outcomes import (
    GRADES,
    SEVERITIES,
    Grade,
    GradeRule,
    Severity,
    TierRule,
    check_grades,
    check_tiers,
)

Confidence = Literal["high", "medium", "low"]
RefList = tuple[str, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _refs_given(value: RefList) -> RefList:
    if not value:
        raise ValueError("at least one reference is needed")
    for ref in value:
        source, _, locator = ref.partition(":")
        if not source or not locator:
            raise ValueError(f"reference {ref!r} must read 'source:locator'")
    return value


# ---------------------------------------------------------------------------------------------
# references.yaml


class RefSource(_Strict):
    short: str = Field(min_length=1)
    title: str = Field(min_length=1)
    locators: Mapping[str, str] = Field(default_factory=dict)


class ReferenceRules(_Strict):
    schema_version: Literal[1]
    sources: Mapping[str, RefSource]


# ---------------------------------------------------------------------------------------------
# ai_act.yaml


class LawInfo(_Strict):
    title: str
    in_force_amendment: dt.date
    note: str


class DateEntry(_Strict):
    date: dt.date
    source: str = Field(min_length=1)
    confidence: Confidence
    note: str = Field(min_length=1)


ObligationOwner = Literal["provider", "deployer", "provider_or_deployer"]


class ObligationRule(_Strict):
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    refs: RefList
    owed_by: ObligationOwner
    applies_from: Mapping[str, str]

    _refs = field_validator("refs")(_refs_given)

    @field_validator("applies_from")
    @classmethod
    def _routes(cls, value: Mapping[str, str]) -> Mapping[str, str]:
        if not value:
            raise ValueError("name at least one date (e.g. {default: transparency})")
        return value


class ChoiceRule(_Strict):
    text: str = Field(min_length=1)
    refs: RefList
    point: str | None = None
    date_route: str | None = None

    _refs = field_validator("refs")(_refs_given)


def _require_keys(name: str, value: Mapping[Any, Any], expected: tuple[str, ...]) -> None:
    missing = [key for key in expected if key not in value]
    unknown = [key for key in value if key not in expected]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown {', '.join(unknown)}")
        raise ValueError(f"{name}: {'; '.join(parts)}")


class FriaElement(_Strict):
    ref: str = Field(min_length=3)
    title: str = Field(min_length=1)


class AiActRules(_Strict):
    schema_version: Literal[1]
    law: LawInfo
    dates: Mapping[str, DateEntry]
    obligations: Mapping[str, ObligationRule]
    scope_exclusions: Mapping[str, ChoiceRule]
    prohibited_practices: Mapping[str, ChoiceRule]
    emotion_recognition: Mapping[str, ChoiceRule]
    biometric_categorisation: Mapping[str, ChoiceRule]
    biometric_identification: Mapping[str, ChoiceRule]
    annex_iii_uses: Mapping[str, ChoiceRule]
    art6_3_conditions: Mapping[str, ChoiceRule]
    fria_points: tuple[str, ...]
    critical_infrastructure_points: tuple[str, ...]
    fria_elements: Mapping[str, FriaElement]

    @model_validator(mode="after")
    def _covers_the_contract(self) -> AiActRules:
        _require_keys("obligations", self.obligations, contract.OBLIGATION_IDS)
        _require_keys("scope_exclusions", self.scope_exclusions, contract.SCOPE_EXCLUSIONS)
        _require_keys(
            "prohibited_practices", self.prohibited_practices, contract.PROHIBITED_PRACTICES
        )
        _require_keys(
            "emotion_recognition",
            self.emotion_recognition,
            ("prohibited", "medical_or_safety", "worker_own_use_only", "other_subjects"),
        )
        _require_keys(
            "biometric_categorisation",
            self.biometric_categorisation,
            contract.BIOMETRIC_CATEGORISATION,
        )
        _require_keys(
            "biometric_identification",
            self.biometric_identification,
            contract.BIOMETRIC_IDENTIFICATION,
        )
        _require_keys(
            "annex_iii_uses",
            self.annex_iii_uses,
            contract.EMPLOYMENT_USES + contract.OTHER_ANNEX_III_USES,
        )
        _require_keys("art6_3_conditions", self.art6_3_conditions, contract.ART6_3_CONDITIONS)
        _require_keys("fria_elements", self.fria_elements, ("a", "b", "c", "d", "e", "f"))
        for obligation_id, obligation in self.obligations.items():
            for route, date_key in obligation.applies_from.items():
                if date_key not in self.dates:
                    raise ValueError(
                        f"obligations.{obligation_id}.applies_from.{route}: "
                        f"unknown date {date_key!r}"
                    )
        cease_routes = self.obligations["art5_cease"].applies_from
        for practice_id, practice in self.prohibited_practices.items():
            if practice.date_route is not None and practice.date_route not in cease_routes:
                raise ValueError(
                    f"prohibited_practices.{practice_id}.date_route: {practice.date_route!r} "
                    "is not a route of obligations.art5_cease.applies_from"
                )
        for use_id, use in self.annex_iii_uses.items():
            if not use.point:
                raise ValueError(f"annex_iii_uses.{use_id}: the Annex III point is missing")
        return self


# ---------------------------------------------------------------------------------------------
# dpia.yaml


class TextRule(_Strict):
    text: str = Field(min_length=1)
    refs: RefList

    _refs = field_validator("refs")(_refs_given)


class CriterionRule(_Strict):
    number: int = Field(ge=1, le=9)
    title: str = Field(min_length=1)
    refs: RefList

    _refs = field_validator("refs")(_refs_given)


class VerdictRule(_Strict):
    text: str = Field(min_length=1)
    refs: RefList
    min_criteria: int | None = Field(default=None, ge=1)

    _refs = field_validator("refs")(_refs_given)


class ImplicationRule(_Strict):
    criteria: tuple[str, ...] = Field(min_length=1)
    text: str = Field(min_length=1)
    refs: RefList

    _refs = field_validator("refs")(_refs_given)


class ScaleLevel(_Strict):
    label: str = Field(min_length=1)
    text: str = Field(min_length=1)


class Scale(_Strict):
    refs: RefList
    levels: Mapping[int, ScaleLevel]

    _refs = field_validator("refs")(_refs_given)

    @field_validator("levels")
    @classmethod
    def _one_to_four(cls, value: Mapping[int, ScaleLevel]) -> Mapping[int, ScaleLevel]:
        if sorted(value) != [1, 2, 3, 4]:
            raise ValueError(f"the CNIL scales have levels 1 to 4, got {sorted(value)}")
        return value


class RiskLevel(_Strict):
    rank: int = Field(ge=1)
    label: str = Field(min_length=1)
    text: str = Field(min_length=1)


class DpiaRules(_Strict):
    schema_version: Literal[1]
    criteria: Mapping[str, CriterionRule]
    art35_3_cases: Mapping[str, TextRule]
    national_list: TextRule
    verdicts: Mapping[str, VerdictRule]
    override: TextRule
    ai_act_implications: Mapping[str, ImplicationRule]
    scales: Mapping[Literal["severity", "likelihood"], Scale]
    levels: Mapping[str, RiskLevel]
    matrix: Mapping[int, tuple[str, str, str, str]]
    matrix_refs: RefList
    prior_consultation_levels: tuple[str, ...] = Field(min_length=1)
    prior_consultation_refs: RefList
    feared_events: Mapping[str, str]

    _refs = field_validator("matrix_refs", "prior_consultation_refs")(_refs_given)

    @model_validator(mode="after")
    def _consistent(self) -> DpiaRules:
        _require_keys("criteria", self.criteria, contract.WP248_CRITERIA)
        _require_keys("art35_3_cases", self.art35_3_cases, contract.ART35_3_CASES)
        _require_keys("verdicts", self.verdicts, contract.VERDICTS)
        _require_keys("scales", self.scales, ("severity", "likelihood"))
        for key in ("likely_required", "consider"):
            if self.verdicts[key].min_criteria is None:
                raise ValueError(f"verdicts.{key}.min_criteria is needed")
        for fact, implication in self.ai_act_implications.items():
            for criterion in implication.criteria:
                if criterion not in self.criteria:
                    raise ValueError(f"ai_act_implications.{fact}: unknown criterion {criterion!r}")
        if sorted(self.matrix) != [1, 2, 3, 4]:
            raise ValueError("matrix needs one row per severity 1 to 4")
        for severity, row in self.matrix.items():
            for level in row:
                if level not in self.levels:
                    raise ValueError(f"matrix.{severity}: unknown level {level!r}")
        for level in self.prior_consultation_levels:
            if level not in self.levels:
                raise ValueError(f"prior_consultation_levels: unknown level {level!r}")
        return self


# ---------------------------------------------------------------------------------------------
# vendor.yaml


class BandRule(_Strict):
    rank: int = Field(ge=1)
    label: str = Field(min_length=1)
    text: str = Field(min_length=1)


class VendorRules(_Strict):
    schema_version: Literal[1]
    default_tiers: tuple[TierRule, ...]
    default_escalate_to_tier_1_on_flags: tuple[Severity, ...]
    default_grades: tuple[GradeRule, ...]
    default_grade_caps: Mapping[Severity, Grade]
    residual_bands: Mapping[str, BandRule]
    residual_matrix: Mapping[int, Mapping[Grade, str]]
    refs: Mapping[Literal["scorecard", "intake", "residual"], RefList]

    @field_validator("default_tiers")
    @classmethod
    def _tiers(cls, value: tuple[TierRule, ...]) -> tuple[TierRule, ...]:
        return check_tiers(value)

    @field_validator("default_grades")
    @classmethod
    def _grades(cls, value: tuple[GradeRule, ...]) -> tuple[GradeRule, ...]:
        return check_grades(value)

    @model_validator(mode="after")
    def _matrix(self) -> VendorRules:
        if sorted(self.residual_matrix) != [1, 2, 3]:
            raise ValueError("residual_matrix needs one row per tier 1 to 3")
        for tier, row in self.residual_matrix.items():
            if sorted(row) != list(GRADES):
                raise ValueError(f"residual_matrix.{tier}: needs grades A to E")
            for band in row.values():
                if band not in self.residual_bands:
                    raise ValueError(f"residual_matrix.{tier}: unknown band {band!r}")
        _require_keys("refs", self.refs, ("scorecard", "intake", "residual"))
        for refs in self.refs.values():
            _refs_given(refs)
        return self


# ---------------------------------------------------------------------------------------------
# ll144.yaml


class CategoryRule(_Strict):
    label: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()


class Ll144Rules(_Strict):
    schema_version: Literal[1]
    categories: Mapping[Literal["sex", "race_ethnicity"], Mapping[str, CategoryRule]]
    unknown_values: tuple[str, ...]
    small_category_share: float = Field(gt=0, lt=1)
    small_category_refs: RefList
    information_ratio: float = Field(gt=0, le=1)
    information_ratio_refs: RefList
    selection_refs: RefList
    scoring_refs: RefList
    unknown_refs: RefList
    max_file_bytes: int = Field(gt=0)
    max_rows: int = Field(gt=0)
    max_count: int = Field(gt=0)

    _refs = field_validator(
        "small_category_refs",
        "information_ratio_refs",
        "selection_refs",
        "scoring_refs",
        "unknown_refs",
    )(_refs_given)

    @model_validator(mode="after")
    def _spellings_unique(self) -> Ll144Rules:
        _require_keys("categories", self.categories, ("sex", "race_ethnicity"))
        unknown = {value.strip().casefold() for value in self.unknown_values}
        for dimension, categories in self.categories.items():
            seen: dict[str, str] = {}
            for category_id, category in categories.items():
                for spelling in (category_id, category.label, *category.aliases):
                    key = spelling.strip().casefold()
                    if key in unknown:
                        raise ValueError(
                            f"categories.{dimension}.{category_id}: {spelling!r} is also an "
                            "unknown value"
                        )
                    if seen.setdefault(key, category_id) != category_id:
                        raise ValueError(
                            f"categories.{dimension}: {spelling!r} names both "
                            f"{seen[key]!r} and {category_id!r}"
                        )
        return self


# ---------------------------------------------------------------------------------------------


class Rules(_Strict):
    """All rules files, loaded together so cross-file checks (references) can run."""

    references: ReferenceRules
    ai_act: AiActRules
    dpia: DpiaRules
    vendor: VendorRules
    ll144: Ll144Rules

    @model_validator(mode="after")
    def _references_resolve(self) -> Rules:
        for where, ref in _walk_refs(self):
            source = ref.partition(":")[0]
            if source not in self.references.sources:
                raise ValueError(f"{where}: reference {ref!r} names unknown source {source!r}")
        return self


def _walk_refs(model: BaseModel, where: str = "") -> Iterator[tuple[str, str]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        yield from _walk_value(value, f"{where}.{name}" if where else name, name)


def _walk_value(value: object, where: str, name: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        yield from _walk_refs(value, where)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if name == "refs" and isinstance(item, tuple):  # vendor.refs: {scorecard: [...]}
                yield from ((f"{where}.{key}", ref) for ref in item)
            else:
                yield from _walk_value(item, f"{where}.{key}", str(key))
    elif isinstance(value, tuple) and (name == "refs" or name.endswith("_refs")):
        yield from ((where, ref) for ref in value if isinstance(ref, str))


_FILES: dict[str, type[BaseModel]] = {
    "references": ReferenceRules,
    "ai_act": AiActRules,
    "dpia": DpiaRules,
    "vendor": VendorRules,
    "ll144": Ll144Rules,
}


def default_rules_dir() -> Path:
    from dpia_desk.paths import forms_dir

    return forms_dir() / "rules"


def _load_file(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DpiaDeskError(
            f"{path}: cannot read the scoring rules ({error.strerror or error})",
            hint="Reinstall dpia_desk or restore forms/rules.",
        ) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        problem = getattr(error, "problem", None) or str(error)
        raise DpiaDeskError(f"{where}: invalid YAML in the scoring rules: {problem}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise DpiaDeskError(_explain(path, error)) from None


def _explain(path: Path, error: ValidationError) -> str:
    problems = []
    for item in error.errors()[:5]:
        where = ".".join(str(part) for part in item["loc"])
        problems.append(f"{where}: {item['msg']}" if where else item["msg"])
    more = len(error.errors()) - len(problems)
    if more > 0:
        problems.append(f"and {more} more")
    return f"{path}: invalid scoring rules: " + "; ".join(problems)


@functools.lru_cache(maxsize=8)
def _load_rules_cached(directory: Path) -> Rules:
    parts = {name: _load_file(directory / f"{name}.yaml", model) for name, model in _FILES.items()}
    try:
        return Rules.model_validate(parts)
    except ValidationError as error:
        raise DpiaDeskError(_explain(directory, error)) from None


def load_rules(directory: Path | None = None) -> Rules:
    """The rules in ``directory`` (default: the shipped ``forms/rules``), loaded once."""
    return _load_rules_cached((directory or default_rules_dir()).resolve())


__all__ = [
    "SEVERITIES",
    "AiActRules",
    "DateEntry",
    "DpiaRules",
    "Ll144Rules",
    "ObligationRule",
    "Rules",
    "VendorRules",
    "load_rules",
]
