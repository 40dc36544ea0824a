"""Look-up tables and compiled conditions, built once per form instance.

``evaluate`` runs on every change in the UI; everything that depends on the form alone (question
order, compiled conditions, per-question normalisers, flags by choice) is computed here once and
cached on the form (``Form.index``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dpia_desk.questionnaire.answers import Normaliser, make_normaliser
from dpia_desk.questionnaire.conditions import Predicate, compile_condition
from dpia_desk.questionnaire.fields import OwnerRole

if TYPE_CHECKING:
    from dpia_desk.questionnaire.model import Flag, Form, Question, Section


@dataclass(frozen=True, slots=True)
class QuestionSlot:
    """A question with what evaluating it needs."""

    question: Question
    section_index: int
    position: int
    owner_role: OwnerRole | None
    predicate: Predicate | None
    normalise: Normaliser
    flags: dict[str, Flag]  # choice id -> flag


class FormIndex:
    """Tables over one form. The form must have passed its load checks (unique ids...)."""

    def __init__(self, form: Form) -> None:
        questions: list[Question] = []
        question_by_id: dict[str, Question] = {}
        section_of: dict[str, Section] = {}
        owner_role: dict[str, OwnerRole | None] = {}
        for section in form.sections:
            for question in section.questions:
                questions.append(question)
                question_by_id.setdefault(question.id, question)
                section_of.setdefault(question.id, section)
                owner_role.setdefault(question.id, question.owner_role or section.owner_role)
        question_types = {question.id: question.kind for question in questions}

        self.questions: tuple[Question, ...] = tuple(questions)
        self.question_by_id = question_by_id
        self.section_by_id: dict[str, Section] = {}
        for section in form.sections:
            self.section_by_id.setdefault(section.id, section)
        self.section_of = section_of
        self.owner_role = owner_role
        self.position = {question.id: place for place, question in enumerate(questions)}

        self.section_predicates: tuple[Predicate | None, ...] = tuple(
            compile_condition(section.show_if, question_types) if section.show_if else None
            for section in form.sections
        )
        slots: list[tuple[QuestionSlot, ...]] = []
        place = 0
        for section_index, section in enumerate(form.sections):
            row: list[QuestionSlot] = []
            for question in section.questions:
                flags = {
                    choice.id: choice.flag for choice in question.options if choice.flag is not None
                }
                row.append(
                    QuestionSlot(
                        question=question,
                        section_index=section_index,
                        position=place,
                        owner_role=owner_role[question.id],
                        predicate=(
                            compile_condition(question.show_if, question_types)
                            if question.show_if
                            else None
                        ),
                        normalise=make_normaliser(question),
                        flags=flags,
                    )
                )
                place += 1
            slots.append(tuple(row))
        self.slots: tuple[tuple[QuestionSlot, ...], ...] = tuple(slots)
