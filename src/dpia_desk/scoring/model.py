"""What every scoring engine returns: a typed outcome with its reasons.

A :class:`Reason` is the "why" of a result: a sentence, the legal references behind it and the
answers that led to it. Engines return an outcome object (one class per engine) and
:func:`dpia_desk.scoring.score_form` wraps it in a :class:`ScoreResult` with the form's identity
and completeness. ``to_json()`` gives the public JSON shape of the ``score`` command (issue 4,
section 5): plain dicts, lists, strings and numbers, stable key order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

#: A JSON value as we emit it.
Json = None | bool | int | float | str | list["Json"] | dict[str, "Json"]


def json_value(value: object) -> Json:
    """Answers as JSON: dates as ISO strings, tuples as lists, anything else as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [json_value(item) for item in items]
    return str(value)


@dataclass(frozen=True, slots=True)
class Reason:
    """One step of the reasoning: what follows, from which answers, under which rule."""

    text: str
    refs: tuple[str, ...]
    answers: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.refs:
            raise ValueError(f"a reason must cite at least one reference: {self.text!r}")

    def to_json(self) -> dict[str, Json]:
        return {
            "text": self.text,
            "refs": list(self.refs),
            "answers": {key: json_value(value) for key, value in self.answers.items()},
        }


class Outcome(Protocol):
    """The engine-specific part of a result."""

    @property
    def reasons(self) -> Sequence[Reason]: ...

    def to_json(self) -> dict[str, Json]: ...


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """A form's answers scored: identity and completeness of the form, then the engine's outcome.

    ``outcome`` is one of the engine outcome classes (``AiActOutcome``, ``DpiaScreeningOutcome``,
    ...); ``engine`` names it. A result is computed from the answers given even when the form is
    incomplete; ``complete`` and ``missing`` say how far to trust it.
    """

    form: str
    form_version: str
    engine: str
    complete: bool
    missing: tuple[str, ...]
    outcome: Outcome
    flags: tuple[str, ...] = ()

    @property
    def reasons(self) -> Sequence[Reason]:
        return self.outcome.reasons

    def to_json(self) -> dict[str, Json]:
        document: dict[str, Json] = {
            "form": self.form,
            "form_version": self.form_version,
            "engine": self.engine,
            "complete": self.complete,
            "missing": list(self.missing),
            "flags": list(self.flags),
        }
        document.update(self.outcome.to_json())
        return document


def reasons_json(reasons: Sequence[Reason]) -> list[Json]:
    return [reason.to_json() for reason in reasons]
