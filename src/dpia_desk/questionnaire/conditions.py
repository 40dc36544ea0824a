"""The visibility language of ``show_if``: structured data, never ``eval``.

A leaf tests one earlier question with exactly one operator; ``and``, ``or`` and ``not`` combine
leaves. A leaf on a question that is unanswered (or hidden, which counts as unanswered) is false,
except ``answered: false``; so ``not`` of such a leaf is true.

Conditions are compiled once per form into closures over frozensets, so evaluating a form on every
keystroke costs a few dictionary look-ups per question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from dpia_desk.questionnaire.fields import ChoiceRef, ConditionValue, Number, SnakeId

OPERATORS: tuple[str, ...] = (
    "equals",
    "any_of",
    "all_of",
    "none_of",
    "at_least",
    "at_most",
    "answered",
)

#: Which operators a leaf may use on a question of each type.
OPERATORS_BY_TYPE: dict[str, frozenset[str]] = {
    "yes_no": frozenset({"equals", "any_of", "none_of", "answered"}),
    "yes_no_partial_na": frozenset({"equals", "any_of", "none_of", "answered"}),
    "single_choice": frozenset({"equals", "any_of", "none_of", "answered"}),
    "multi_choice": frozenset({"any_of", "all_of", "none_of", "answered"}),
    "number": frozenset({"equals", "at_least", "at_most", "answered"}),
    "scale": frozenset({"equals", "at_least", "at_most", "answered"}),
    "text": frozenset({"answered"}),
    "long_text": frozenset({"answered"}),
    "date": frozenset({"answered"}),
    "evidence": frozenset({"answered"}),
}

#: The answers a condition reads: visible, valid answers only, already normalised.
Answers = Mapping[str, Any]
Predicate = Callable[[Answers], bool]


class _ConditionModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, serialize_by_alias=True)


class LeafCondition(_ConditionModel):
    """Tests one earlier question with exactly one operator."""

    question: SnakeId = Field(description="The id of an earlier question of the same form.")
    equals: ConditionValue | None = Field(
        default=None,
        description="The answer is this choice id (or, for number and scale, this number).",
    )
    any_of: list[ChoiceRef] | None = Field(
        default=None,
        min_length=1,
        description="Single choice: the answer is one of these. Multi choice: at least one of "
        "these is selected.",
    )
    all_of: list[ChoiceRef] | None = Field(
        default=None, min_length=1, description="Multi choice: every one of these is selected."
    )
    none_of: list[ChoiceRef] | None = Field(
        default=None,
        min_length=1,
        description="The question is answered and none of these is chosen.",
    )
    at_least: Number | None = Field(
        default=None, description="Number or scale: the answer is >= this."
    )
    at_most: Number | None = Field(
        default=None, description="Number or scale: the answer is <= this."
    )
    answered: bool | None = Field(
        default=None, description="true: the question has an answer; false: it has none."
    )

    @model_validator(mode="after")
    def _one_operator(self) -> LeafCondition:
        given = [name for name in OPERATORS if getattr(self, name) is not None]
        if len(given) != 1:
            found = f"found {', '.join(given)}" if given else "found none"
            raise ValueError(
                f"a condition on question '{self.question}' needs exactly one operator of "
                f"{', '.join(OPERATORS)}; {found}"
            )
        return self

    @property
    def operator(self) -> str:
        return next(name for name in OPERATORS if getattr(self, name) is not None)

    @property
    def operand(self) -> Any:
        return getattr(self, self.operator)


class AndCondition(_ConditionModel):
    """True when every condition in the list is true."""

    and_: list[Condition] = Field(alias="and", min_length=1)


class OrCondition(_ConditionModel):
    """True when at least one condition in the list is true."""

    or_: list[Condition] = Field(alias="or", min_length=1)


class NotCondition(_ConditionModel):
    """True when the condition is false."""

    not_: Condition = Field(alias="not")


ConditionKind = Literal["leaf_condition", "and_condition", "or_condition", "not_condition"]
CONDITION_TAGS: frozenset[str] = frozenset(
    {"leaf_condition", "and_condition", "or_condition", "not_condition"}
)


def _condition_kind(value: Any) -> ConditionKind | None:
    """Pick the model from the keys, so an error speaks of one kind of condition, not four."""
    if isinstance(value, LeafCondition):
        return "leaf_condition"
    if isinstance(value, AndCondition):
        return "and_condition"
    if isinstance(value, OrCondition):
        return "or_condition"
    if isinstance(value, NotCondition):
        return "not_condition"
    if not isinstance(value, dict):
        return None
    for key, kind in (("and", "and_condition"), ("or", "or_condition"), ("not", "not_condition")):
        if key in value:
            return kind  # type: ignore[return-value]
    return "leaf_condition"


Condition = Annotated[
    Annotated[LeafCondition, Tag("leaf_condition")]
    | Annotated[AndCondition, Tag("and_condition")]
    | Annotated[OrCondition, Tag("or_condition")]
    | Annotated[NotCondition, Tag("not_condition")],
    Discriminator(
        _condition_kind,
        custom_error_type="invalid_condition",
        custom_error_message="a condition is a mapping such as {question: some_id, equals: yes}, "
        "or and: [...], or: [...], not: {...}",
    ),
]

AndCondition.model_rebuild()
OrCondition.model_rebuild()
NotCondition.model_rebuild()


def iter_leaves(
    condition: Condition, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], LeafCondition]]:
    """Every leaf with its path below the condition (``("and", 1, "not")``...)."""
    if isinstance(condition, LeafCondition):
        yield path, condition
    elif isinstance(condition, AndCondition):
        for index, child in enumerate(condition.and_):
            yield from iter_leaves(child, (*path, "and", index))
    elif isinstance(condition, OrCondition):
        for index, child in enumerate(condition.or_):
            yield from iter_leaves(child, (*path, "or", index))
    else:
        yield from iter_leaves(condition.not_, (*path, "not"))


def referenced_questions(condition: Condition | None) -> frozenset[str]:
    if condition is None:
        return frozenset()
    return frozenset(leaf.question for _, leaf in iter_leaves(condition))


def compile_condition(condition: Condition, question_types: Mapping[str, str]) -> Predicate:
    """A fast predicate over normalised visible answers. The form must have passed its checks."""
    if isinstance(condition, AndCondition):
        parts = tuple(compile_condition(child, question_types) for child in condition.and_)
        return lambda answers: all(part(answers) for part in parts)
    if isinstance(condition, OrCondition):
        parts = tuple(compile_condition(child, question_types) for child in condition.or_)
        return lambda answers: any(part(answers) for part in parts)
    if isinstance(condition, NotCondition):
        inner = compile_condition(condition.not_, question_types)
        return lambda answers: not inner(answers)
    return _compile_leaf(condition, question_types.get(condition.question, ""))


def _compile_leaf(leaf: LeafCondition, question_type: str) -> Predicate:
    qid = leaf.question
    operator = leaf.operator
    if operator == "answered":
        wanted = bool(leaf.answered)
        return lambda answers: (qid in answers) is wanted
    if operator == "equals":
        value = leaf.equals
        return lambda answers: qid in answers and answers[qid] == value
    if operator in ("at_least", "at_most"):
        bound = leaf.operand
        if operator == "at_least":
            return lambda answers: qid in answers and answers[qid] >= bound
        return lambda answers: qid in answers and answers[qid] <= bound
    ids = frozenset(leaf.operand)
    multi = question_type == "multi_choice"
    if operator == "any_of":
        if multi:
            return lambda answers: qid in answers and not ids.isdisjoint(answers[qid])
        return lambda answers: answers.get(qid) in ids
    if operator == "all_of":
        return lambda answers: qid in answers and ids.issubset(answers[qid])
    # none_of
    if multi:
        return lambda answers: qid in answers and ids.isdisjoint(answers[qid])
    return lambda answers: qid in answers and answers[qid] not in ids
