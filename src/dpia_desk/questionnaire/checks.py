"""The rules a single pydantic model cannot see: they span the whole form.

Each problem is reported at the path of the offending value (``sections[1].questions[3].show_if
.question``) so the loader can give it a line and column. ``locate`` turns a path into words such
as "line 12" for messages that point back to a first occurrence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dpia_desk.questionnaire.conditions import OPERATORS_BY_TYPE, Condition, iter_leaves
from dpia_desk.questionnaire.errors import DocPath, format_doc_path
from dpia_desk.questionnaire.fields import format_number
from dpia_desk.questionnaire.model import (
    IMPLICIT_CHOICES,
    DateQuestion,
    Form,
    MultiChoiceQuestion,
    NumberQuestion,
    Question,
    ScaleQuestion,
    SingleChoiceQuestion,
)

MAX_SCALE_POINTS = 101

Locate = Callable[[DocPath], str]


@dataclass(frozen=True, slots=True)
class CheckProblem:
    path: DocPath
    reason: str


def _default_locate(path: DocPath) -> str:
    return format_doc_path(path)


def check_form(form: Form, locate: Locate = _default_locate) -> list[CheckProblem]:
    """Every cross-field problem of a structurally valid form (empty list: the form is sound)."""
    return list(_check(form, locate))


def _check(form: Form, locate: Locate) -> Iterator[CheckProblem]:
    section_ids: dict[str, DocPath] = {}
    everywhere: dict[str, DocPath] = {}
    for s_index, section in enumerate(form.sections):
        for q_index, question in enumerate(section.questions):
            everywhere.setdefault(question.id, ("sections", s_index, "questions", q_index))
    later = _Later(everywhere, locate)
    question_at: dict[str, tuple[int, DocPath, Question]] = {}  # id -> (position, path, question)
    position = 0
    for s_index, section in enumerate(form.sections):
        s_path: DocPath = ("sections", s_index)
        if section.id in section_ids:
            yield CheckProblem(
                (*s_path, "id"),
                f"duplicate section id '{section.id}' (first used at "
                f"{locate((*section_ids[section.id], 'id'))})",
            )
        else:
            section_ids[section.id] = s_path
        if section.show_if is not None:
            # a section's condition may look at questions of earlier sections only
            yield from _check_condition(
                section.show_if, (*s_path, "show_if"), question_at, later, "this section", None
            )
        for q_index, question in enumerate(section.questions):
            q_path: DocPath = (*s_path, "questions", q_index)
            if question.id in question_at:
                first = question_at[question.id][1]
                yield CheckProblem(
                    (*q_path, "id"),
                    f"duplicate question id '{question.id}' (first used at "
                    f"{locate((*first, 'id'))}); question ids are unique in the whole form",
                )
            yield from _check_question(form, question, q_path)
            if question.show_if is not None:
                yield from _check_condition(
                    question.show_if,
                    (*q_path, "show_if"),
                    question_at,
                    later,
                    "this question",
                    question.id,
                )
            if question.id not in question_at:
                question_at[question.id] = (position, q_path, question)
            position += 1


def _check_question(form: Form, question: Question, path: DocPath) -> Iterator[CheckProblem]:
    kind = question.kind
    if question.is_choice:
        choices = getattr(question, "choices", [])
        seen: set[str] = set()
        for c_index, choice in enumerate(choices):
            c_path: DocPath = (*path, "choices", c_index)
            if choice.id in seen:
                yield CheckProblem(
                    (*c_path, "id"),
                    f"duplicate choice id '{choice.id}' in question '{question.id}'",
                )
            seen.add(choice.id)
            if kind in IMPLICIT_CHOICES:
                implicit = IMPLICIT_CHOICES[kind]
                if choice.id not in implicit:
                    yield CheckProblem(
                        (*c_path, "id"),
                        f"a {kind} question has the choices {', '.join(implicit)} only; "
                        f"'{choice.id}' is not one of them",
                    )
                if choice.id == "na" and choice.score is not None:
                    yield CheckProblem(
                        (*c_path, "score"), "'na' is never scored, so it cannot have a score"
                    )
            elif choice.label is None:
                yield CheckProblem(
                    (*c_path, "label"),
                    f"missing required key 'label' (choices of a {kind} question need a label)",
                )
            if choice.exclusive and kind != "multi_choice":
                yield CheckProblem(
                    (*c_path, "exclusive"),
                    "only choices of a multi_choice question can be exclusive",
                )
        if isinstance(question, SingleChoiceQuestion | MultiChoiceQuestion) and len(choices) < 2:
            yield CheckProblem((*path, "choices"), f"a {kind} question needs at least two choices")
        if (
            isinstance(question, MultiChoiceQuestion)
            and choices
            and all(choice.exclusive for choice in choices)
        ):
            yield CheckProblem(
                (*path, "choices"), "every choice is exclusive; make it a single_choice question"
            )
    elif isinstance(question, NumberQuestion):
        if question.min is not None and question.max is not None and question.min > question.max:
            yield CheckProblem(
                (*path, "min"),
                f"min ({format_number(question.min)}) is greater than max "
                f"({format_number(question.max)})",
            )
    elif isinstance(question, DateQuestion):
        if question.min is not None and question.max is not None and question.min > question.max:
            yield CheckProblem(
                (*path, "min"), f"min ({question.min}) is later than max ({question.max})"
            )
    elif isinstance(question, ScaleQuestion):
        if question.min >= question.max:
            yield CheckProblem(
                (*path, "min"), f"a scale needs min < max, got {question.min} to {question.max}"
            )
        elif question.max - question.min + 1 > MAX_SCALE_POINTS:
            yield CheckProblem((*path, "max"), f"a scale has at most {MAX_SCALE_POINTS} points")
        for key in ("labels", "scores"):
            for point in getattr(question, key):
                if not question.min <= point <= question.max:
                    yield CheckProblem(
                        (*path, key, point),
                        f"{point} is outside the scale {question.min} to {question.max}",
                    )


@dataclass(frozen=True, slots=True)
class _Later:
    """Where every question is, to tell a forward reference from an unknown one."""

    everywhere: dict[str, DocPath]
    locate: Locate


def _check_condition(
    condition: Condition,
    path: DocPath,
    question_at: dict[str, tuple[int, DocPath, Question]],
    later: _Later,
    owner: str,
    own_id: str | None,
) -> Iterator[CheckProblem]:
    for leaf_path, leaf in iter_leaves(condition):
        at: DocPath = (*path, *leaf_path)
        target = question_at.get(leaf.question)  # earlier questions only
        if target is None:
            if leaf.question == own_id:
                reason = (
                    f"the condition of question '{own_id}' refers to the question itself; "
                    "conditions may only refer to earlier questions"
                )
            elif leaf.question in later.everywhere:
                where = later.locate((*later.everywhere[leaf.question], "id"))
                reason = (
                    f"question '{leaf.question}' comes after {owner} (at {where}); "
                    "conditions may only refer to earlier questions, so there are no cycles"
                )
            else:
                reason = f"unknown question '{leaf.question}'"
            yield CheckProblem((*at, "question"), reason)
            continue
        _, _, question = target
        operator = leaf.operator
        allowed = OPERATORS_BY_TYPE[question.kind]
        if operator not in allowed:
            yield CheckProblem(
                (*at, operator),
                f"'{operator}' does not apply to question '{question.id}' of type "
                f"{question.kind} (use {', '.join(sorted(allowed))})",
            )
            continue
        yield from _check_operand(leaf.operand, operator, question, (*at, operator))


def _check_operand(
    operand: object, operator: str, question: Question, path: DocPath
) -> Iterator[CheckProblem]:
    if question.is_choice and operator in ("equals", "any_of", "all_of", "none_of"):
        known = [choice.id for choice in question.options]
        values = operand if isinstance(operand, list) else [operand]
        for v_index, value in enumerate(values):
            where = (*path, v_index) if isinstance(operand, list) else path
            if not isinstance(value, str) or value not in known:
                shown = f"'{value}'" if isinstance(value, str) else str(value)
                yield CheckProblem(
                    where,
                    f"{shown} is not a choice of question '{question.id}' "
                    f"(choices: {', '.join(known)})",
                )
    elif operator in ("equals", "at_least", "at_most"):
        if isinstance(operand, str):
            yield CheckProblem(
                path,
                f"question '{question.id}' is a {question.kind}; "
                f"{operator} needs a number, got '{operand}'",
            )
        elif (
            isinstance(question, ScaleQuestion)
            and isinstance(operand, int | float)
            and not (question.min <= operand <= question.max)
        ):
            yield CheckProblem(
                path,
                f"{format_number(operand)} is outside the scale of question "
                f"'{question.id}' ({question.min} to {question.max})",
            )
