"""One answer checked against its question and brought to one canonical form.

Canonical values: ``str`` for yes/no, single choice, text and date (``YYYY-MM-DD``); ``list[str]``
for multi choice (in the question's choice order, so order never matters) and evidence; ``int`` or
``float`` for number (``int`` when the question wants whole numbers) and ``int`` for scale.
``None`` means "no answer": null, blank text and empty lists are no answer, not an error.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime

from dpia_desk.questionnaire.fields import describe_value
from dpia_desk.questionnaire.fields import format_number as _n
from dpia_desk.questionnaire.model import (
    DateQuestion,
    EvidenceQuestion,
    LongTextQuestion,
    MultiChoiceQuestion,
    NumberQuestion,
    Question,
    QuestionBase,
    ScaleQuestion,
    TextQuestion,
)

AnswerValue = str | int | float | list[str]
Normaliser = Callable[[object], AnswerValue | None]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MAX_EVIDENCE_REF = 1_000


class InvalidAnswer(ValueError):
    """The value does not fit its question; the message says why (without the question id)."""


def normalise_value(question: Question | QuestionBase, value: object) -> AnswerValue | None:
    """The canonical value of one answer, ``None`` for no answer; raises :class:`InvalidAnswer`."""
    return make_normaliser(question)(value)


def make_normaliser(question: Question | QuestionBase) -> Normaliser:
    """A normaliser with the question's look-up tables built once (the index keeps them)."""
    if question.is_choice:
        if isinstance(question, MultiChoiceQuestion):
            return _multi_choice(question)
        return _single_choice(question)
    if isinstance(question, TextQuestion | LongTextQuestion):
        return _text(question.max_length)
    if isinstance(question, NumberQuestion):
        return _number(question)
    if isinstance(question, DateQuestion):
        return _date(question)
    if isinstance(question, ScaleQuestion):
        return _scale(question)
    if isinstance(question, EvidenceQuestion):
        return _evidence(question)
    raise AssertionError(f"no normaliser for question type {question.kind}")  # pragma: no cover


def _choice_id(value: object, ids: frozenset[str], listing: str) -> str:
    if isinstance(value, bool):
        # YAML 1.1 readers turn yes/no into booleans; take them back when the choice exists
        candidate = "yes" if value else "no"
        if candidate in ids:
            return candidate
        raise InvalidAnswer(
            f"{describe_value(value)} is not a choice of this question (choices: {listing})"
        )
    if isinstance(value, str):
        stripped = value.strip()
        if stripped in ids:
            return stripped
        if stripped.lower() in ids:
            return stripped.lower()
        raise InvalidAnswer(f"'{value}' is not a choice of this question (choices: {listing})")
    raise InvalidAnswer(f"expected a choice id ({listing}), got {describe_value(value)}")


def _single_choice(question: QuestionBase) -> Normaliser:
    ordered = tuple(choice.id for choice in question.options)
    ids = frozenset(ordered)
    listing = ", ".join(ordered)

    def normalise(value: object) -> AnswerValue | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return _choice_id(value, ids, listing)

    return normalise


def _multi_choice(question: MultiChoiceQuestion) -> Normaliser:
    order = {choice.id: position for position, choice in enumerate(question.choices)}
    ids = frozenset(order)
    exclusive = frozenset(choice.id for choice in question.choices if choice.exclusive)
    listing = ", ".join(order)

    def normalise(value: object) -> AnswerValue | None:
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise InvalidAnswer(
                f"expected a list of choice ids ({listing}), got {describe_value(value)}"
            )
        chosen: list[str] = []
        for item in value:
            choice_id = _choice_id(item, ids, listing)
            if choice_id in chosen:
                raise InvalidAnswer(f"'{choice_id}' is listed twice")
            chosen.append(choice_id)
        if not chosen:
            return None
        alone = [choice_id for choice_id in chosen if choice_id in exclusive]
        if alone and len(chosen) > 1:
            raise InvalidAnswer(f"'{alone[0]}' cannot be combined with other choices")
        chosen.sort(key=order.__getitem__)
        return chosen

    return normalise


def _text(max_length: int) -> Normaliser:
    def normalise(value: object) -> AnswerValue | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidAnswer(f"expected text, got {describe_value(value)}")
        if not value.strip():
            return None
        if len(value) > max_length:
            raise InvalidAnswer(
                f"the text has {len(value):,} characters; at most {max_length:,} are allowed"
            )
        return value

    return normalise


#: Beyond this, a number is a typo or an attack, and it would lose precision as a float.
_MAX_MAGNITUDE = 10**15


def _plausible(value: int | float) -> bool:
    """Finite and of a size a questionnaire can mean (huge ints cannot become floats)."""
    if isinstance(value, int):
        return -_MAX_MAGNITUDE <= value <= _MAX_MAGNITUDE
    return math.isfinite(value) and abs(value) <= _MAX_MAGNITUDE


def _check_magnitude(value: int | float) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidAnswer(f"expected a finite number, got {value}")
    if not _plausible(value):
        raise InvalidAnswer("the number is too large (at most 10^15 either way)")


def _number(question: NumberQuestion) -> Normaliser:
    low, high, whole = question.min, question.max, question.integer
    unit = f" {question.unit}" if question.unit else ""

    def normalise(value: object) -> AnswerValue | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidAnswer(f"expected a number, got {describe_value(value)}")
        _check_magnitude(value)
        number: int | float = value
        if whole:
            if not float(value).is_integer():
                raise InvalidAnswer(f"expected a whole number, got {value}")
            number = int(value)
        if low is not None and number < low:
            raise InvalidAnswer(f"{_n(number)}{unit} is below the minimum of {_n(low)}{unit}")
        if high is not None and number > high:
            raise InvalidAnswer(f"{_n(number)}{unit} is above the maximum of {_n(high)}{unit}")
        return number

    return normalise


def _date(question: DateQuestion) -> Normaliser:
    low, high = question.min, question.max

    def normalise(value: object) -> AnswerValue | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        day: date
        if isinstance(value, datetime):
            raise InvalidAnswer(f"expected a date YYYY-MM-DD, got a date and time ({value})")
        if isinstance(value, date):
            day = value
        elif isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
            try:
                day = date.fromisoformat(value.strip())
            except ValueError:
                raise InvalidAnswer(f"'{value}' is not a valid date") from None
        else:
            raise InvalidAnswer(f"expected a date YYYY-MM-DD, got {describe_value(value)}")
        if low is not None and day < low:
            raise InvalidAnswer(f"{day.isoformat()} is before the earliest date {low.isoformat()}")
        if high is not None and day > high:
            raise InvalidAnswer(f"{day.isoformat()} is after the latest date {high.isoformat()}")
        return day.isoformat()

    return normalise


def _scale(question: ScaleQuestion) -> Normaliser:
    low, high = question.min, question.max

    def normalise(value: object) -> AnswerValue | None:
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not _plausible(value)
            or not float(value).is_integer()
        ):
            raise InvalidAnswer(
                f"expected a whole number from {low} to {high}, got {describe_value(value)}"
            )
        point = int(value)
        if not low <= point <= high:
            raise InvalidAnswer(f"{point} is outside the scale {low} to {high}")
        return point

    return normalise


def _evidence(question: EvidenceQuestion) -> Normaliser:
    min_files = question.min_files

    def normalise(value: object) -> AnswerValue | None:
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise InvalidAnswer(
                f"expected a list of evidence references (file names or "
                f"evidence ids), got {describe_value(value)}"
            )
        refs: list[str] = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise InvalidAnswer(
                    f"an evidence reference must be a non-empty text, got {describe_value(item)}"
                )
            if len(item) > _MAX_EVIDENCE_REF:
                raise InvalidAnswer(
                    f"an evidence reference is longer than {_MAX_EVIDENCE_REF:,} characters"
                )
            if item in refs:
                raise InvalidAnswer(f"'{item}' is listed twice")
            refs.append(item)
        if not refs:
            return None
        if len(refs) < min_files:
            raise InvalidAnswer(f"at least {min_files} files are needed, got {len(refs)}")
        return refs

    return normalise
