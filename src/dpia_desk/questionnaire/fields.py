"""The small value types a form is made of: ids, scores, numbers, references.

Each validator raises a message written for a form author (the loader turns it into
``file:line:column: path: reason``), and each type carries its JSON Schema so that an editor
checks the same rule while the author types.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, PlainValidator, WithJsonSchema

SNAKE_ID_PATTERN = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
SNAKE_ID_MAX = 80
_SNAKE_ID_RE = re.compile(SNAKE_ID_PATTERN)

#: A legal or guideline reference: ``ai_act:art5.1.f``, ``gdpr:art35.7.a``, ``wp248:criterion.7``.
REF_PATTERN = r"^[a-z][a-z0-9_]*:[^\s:][^\s]*$"
_REF_RE = re.compile(REF_PATTERN)

#: Semantic versioning 2.0.0 (major.minor.patch, optional pre-release and build).
SEMVER_PATTERN = (
    r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"
    r"(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$"
)
_SEMVER_RE = re.compile(SEMVER_PATTERN)

Severity = Literal["low", "medium", "high", "critical"]
OwnerRole = Literal["hr", "it", "dpo", "legal", "procurement"]
FormStatus = Literal["draft", "released", "retired"]
AppliesTo = Literal["vendor", "ai_system", "processing"]
ScoringEngine = Literal[
    "ai_act", "dpia_screening", "dpia", "vendor_intake", "vendor_due_diligence", "fria", "ll144"
]

SEVERITIES: tuple[Severity, ...] = ("low", "medium", "high", "critical")
OWNER_ROLES: tuple[OwnerRole, ...] = ("hr", "it", "dpo", "legal", "procurement")


def describe_value(value: object) -> str:
    """A short rendering of a bad value for an error message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def format_number(value: float) -> str:
    """``12`` for whole numbers (never ``1.2e+07``), the shortest exact text otherwise."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _snake_id(value: str) -> str:
    if len(value) > SNAKE_ID_MAX or not _SNAKE_ID_RE.match(value):
        raise ValueError(
            f"'{value}' is not a snake_case id (lower-case letters and digits in words joined "
            f"by single underscores, starting with a letter, at most {SNAKE_ID_MAX} characters)"
        )
    return value


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _ref(value: str) -> str:
    if not _REF_RE.match(value):
        raise ValueError(
            f"'{value}' is not a reference id such as 'gdpr:art35.7.a' or 'wp248:criterion.7' "
            "(a snake_case source, a colon, then the place in it, without spaces)"
        )
    return value


def _semver(value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f"{value} is read as a number; write the version as text with three parts, "
            "e.g. version: 1.2.0 (or quote it: '1.2')"
        )
    if isinstance(value, str) and not _SEMVER_RE.match(value):
        raise ValueError(f"'{value}' is not a semantic version MAJOR.MINOR.PATCH such as 1.2.0")
    return value


def _number_validator(
    what: str,
    minimum: float | None = None,
    maximum: float | None = None,
    integer: bool = False,
) -> PlainValidator:
    def check(value: object) -> int | float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(
                f"{what} must be {'a whole number' if integer else 'a number'}, "
                f"got {describe_value(value)}"
            )
        if not math.isfinite(value):
            raise ValueError(f"{what} must be a finite number, got {value}")
        if integer and not float(value).is_integer():
            raise ValueError(f"{what} must be a whole number, got {value}")
        if minimum is not None and value < minimum:
            raise ValueError(
                f"{what} must be at least {format_number(minimum)}, got {format_number(value)}"
            )
        if maximum is not None and value > maximum:
            raise ValueError(
                f"{what} must be at most {format_number(maximum)}, got {format_number(value)}"
            )
        return int(value) if integer else value

    return PlainValidator(check)


def _number_schema(
    minimum: float | None = None, maximum: float | None = None, integer: bool = False
) -> WithJsonSchema:
    schema: dict[str, object] = {"type": "integer" if integer else "number"}
    if minimum is not None:
        schema["minimum"] = minimum
    if maximum is not None:
        schema["maximum"] = maximum
    return WithJsonSchema(schema)


SnakeId = Annotated[
    str,
    AfterValidator(_snake_id),
    WithJsonSchema({"type": "string", "pattern": SNAKE_ID_PATTERN, "maxLength": SNAKE_ID_MAX}),
]
Text = Annotated[str, AfterValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
RefId = Annotated[
    str, AfterValidator(_ref), WithJsonSchema({"type": "string", "pattern": REF_PATTERN})
]
SemVer = Annotated[
    str,
    BeforeValidator(_semver),
    WithJsonSchema({"type": "string", "pattern": SEMVER_PATTERN}),
]
Score = Annotated[int | float, _number_validator("a score", 0, 100), _number_schema(0, 100)]
Weight = Annotated[int | float, _number_validator("a weight", 0, 100), _number_schema(0, 100)]
Number = Annotated[int | float, _number_validator("the value"), _number_schema()]
WholeNumber = Annotated[
    int, _number_validator("the value", integer=True), _number_schema(integer=True)
]
PositiveWholeNumber = Annotated[
    int, _number_validator("the value", 1, integer=True), _number_schema(1, integer=True)
]


def yes_no_alias(value: object) -> object:
    """YAML ``true``/``false`` written where a choice id is expected mean ``yes``/``no``."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


#: A choice id named in a condition (``true``/``false`` read as ``yes``/``no``).
ChoiceRef = Annotated[SnakeId, BeforeValidator(yes_no_alias)]


def _condition_value(value: object) -> str | int | float:
    value = yes_no_alias(value)
    if isinstance(value, str):
        return _snake_id(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return value
    raise ValueError(f"must be a choice id or a number, got {describe_value(value)}")


#: The value of ``equals``: a choice id, or a number for number and scale questions.
ConditionValue = Annotated[
    str | int | float,
    PlainValidator(_condition_value),
    WithJsonSchema({"type": ["string", "number", "boolean"]}),
]
