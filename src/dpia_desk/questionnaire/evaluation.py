"""What an answer set means for a form: visibility, completeness, progress, raised flags.

One pass in form order does everything. Conditions only look at earlier questions, so when a
question is reached, every answer its condition reads is already settled; a hidden question leaves
no answer behind, so hiding cascades. Answers to hidden questions are ignored (reported, never
rejected: a caller may send a complete answer set), invalid answers are reported and count as
unanswered, and answers naming no question of the form are reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dpia_desk.questionnaire.answers import AnswerValue, InvalidAnswer
from dpia_desk.questionnaire.errors import AnswerProblem, AnswerValidationError
from dpia_desk.questionnaire.fields import Severity
from dpia_desk.questionnaire.model import Form


@dataclass(frozen=True, slots=True)
class Progress:
    """Counts over visible questions."""

    answered: int = 0  # visible questions with a valid answer
    total: int = 0  # visible questions
    required: int = 0  # visible required questions
    required_answered: int = 0

    @property
    def missing(self) -> int:
        return self.required - self.required_answered

    @property
    def complete(self) -> bool:
        return self.required_answered == self.required

    @property
    def fraction(self) -> float:
        """Share of the required questions answered (1.0 when nothing is required)."""
        return self.required_answered / self.required if self.required else 1.0

    def to_json(self) -> dict[str, int]:
        return {
            "answered": self.answered,
            "total": self.total,
            "required": self.required,
            "required_answered": self.required_answered,
        }


@dataclass(frozen=True, slots=True)
class SectionState:
    id: str
    title: str
    visible: bool
    owner_role: str | None
    questions: tuple[str, ...]  # visible question ids, in form order (empty when hidden)
    missing: tuple[str, ...]  # visible, required, unanswered
    progress: Progress

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "visible": self.visible,
            "owner_role": self.owner_role,
            "questions": list(self.questions),
            "missing": list(self.missing),
            "progress": self.progress.to_json(),
        }


@dataclass(frozen=True, slots=True)
class RaisedFlag:
    """A finding raised by a selected choice."""

    question_id: str
    choice_id: str
    severity: Severity
    text: str
    refs: tuple[str, ...]  # the question's references
    section_id: str

    @property
    def key(self) -> str:
        """``question_id.choice_id``, as golden answer sets name flags."""
        return f"{self.question_id}.{self.choice_id}"

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question_id,
            "choice": self.choice_id,
            "severity": self.severity,
            "text": self.text,
            "refs": list(self.refs),
            "section": self.section_id,
        }


@dataclass(frozen=True, slots=True)
class IgnoredAnswer:
    question_id: str
    reason: str


@dataclass(frozen=True)
class NormalisedAnswers:
    """The answers that count (visible, valid, canonical) and what was set aside."""

    form_id: str
    values: dict[str, AnswerValue]
    ignored: tuple[IgnoredAnswer, ...]
    problems: tuple[AnswerProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class FormState:
    """Everything the UI and the scoring engines need to know about an answer set."""

    form_id: str
    form_version: str
    answers: dict[str, AnswerValue]  # visible, valid, canonical answers only
    visible_sections: frozenset[str]
    visible_questions: frozenset[str]
    hidden_questions: frozenset[str]
    missing: tuple[str, ...]  # visible, required, unanswered; in form order
    sections: tuple[SectionState, ...]
    roles: dict[str, Progress]  # by owner role; questions with no role count in sections only
    overall: Progress
    flags: tuple[RaisedFlag, ...]
    ignored: tuple[IgnoredAnswer, ...]
    problems: tuple[AnswerProblem, ...]
    _section_by_id: dict[str, SectionState] = field(repr=False, compare=False, default_factory=dict)

    @property
    def complete(self) -> bool:
        """Every visible required question has a valid answer and no answer is invalid."""
        return not self.missing and not self.problems

    def is_visible(self, question_id: str) -> bool:
        return question_id in self.visible_questions

    def section(self, section_id: str) -> SectionState:
        return self._section_by_id[section_id]

    def to_json(self) -> dict[str, Any]:
        return {
            "form": self.form_id,
            "form_version": self.form_version,
            "complete": self.complete,
            "missing": list(self.missing),
            "answers": dict(self.answers),
            "visible_sections": [s.id for s in self.sections if s.visible],
            "hidden_questions": sorted(self.hidden_questions),
            "sections": [section.to_json() for section in self.sections],
            "roles": {role: progress.to_json() for role, progress in self.roles.items()},
            "overall": self.overall.to_json(),
            "flags": [flag.to_json() for flag in self.flags],
            "ignored": [{"question": i.question_id, "reason": i.reason} for i in self.ignored],
            "problems": [{"question": p.question_id, "reason": p.reason} for p in self.problems],
        }


_HIDDEN_SECTION = "hidden: its section's condition is not met"
_HIDDEN_QUESTION = "hidden: its condition is not met"


def evaluate(form: Form, answers: Mapping[str, object]) -> FormState:
    """Visibility, completeness, progress and flags for ``answers`` (raw or canonical values).

    Never raises for bad answers: they are listed in ``problems`` and count as unanswered.
    """
    index = form.index
    problems: list[AnswerProblem] = _unknown_questions(form, answers)
    if problems and not isinstance(answers, Mapping):
        answers = {}
    values: dict[str, AnswerValue] = {}
    visible_sections: set[str] = set()
    visible_questions: set[str] = set()
    hidden_questions: set[str] = set()
    missing: list[str] = []
    ignored: list[IgnoredAnswer] = []
    flags: list[RaisedFlag] = []
    sections: list[SectionState] = []
    role_counts: dict[str, list[int]] = {}
    overall = [0, 0, 0, 0]

    for section_index, section in enumerate(form.sections):
        predicate = index.section_predicates[section_index]
        section_visible = predicate is None or predicate(values)
        shown: list[str] = []
        section_missing: list[str] = []
        counts = [0, 0, 0, 0]  # answered, total, required, required_answered
        if section_visible:
            visible_sections.add(section.id)
        for slot in index.slots[section_index]:
            question = slot.question
            qid = question.id
            given = answers.get(qid)
            visible = section_visible and (slot.predicate is None or slot.predicate(values))
            if not visible:
                hidden_questions.add(qid)
                if given is not None:
                    reason = _HIDDEN_QUESTION if section_visible else _HIDDEN_SECTION
                    ignored.append(IgnoredAnswer(qid, reason))
                continue
            visible_questions.add(qid)
            shown.append(qid)
            value: AnswerValue | None = None
            if given is not None:
                try:
                    value = slot.normalise(given)
                except InvalidAnswer as error:
                    problems.append(AnswerProblem(qid, str(error)))
            answered = value is not None
            if answered:
                assert value is not None
                values[qid] = value
                if slot.flags:
                    chosen = value if isinstance(value, list) else (value,)
                    for choice_id in chosen:
                        flag = slot.flags.get(str(choice_id))
                        if flag is not None:
                            flags.append(
                                RaisedFlag(
                                    qid,
                                    str(choice_id),
                                    flag.severity,
                                    flag.text,
                                    tuple(question.refs),
                                    section.id,
                                )
                            )
            elif question.required:
                missing.append(qid)
                section_missing.append(qid)
            step = (
                int(answered),
                1,
                int(question.required),
                int(answered and question.required),
            )
            for position in range(4):
                counts[position] += step[position]
                overall[position] += step[position]
            if slot.owner_role is not None:
                role = role_counts.setdefault(slot.owner_role, [0, 0, 0, 0])
                for position in range(4):
                    role[position] += step[position]
        sections.append(
            SectionState(
                id=section.id,
                title=section.title,
                visible=section_visible,
                owner_role=section.owner_role,
                questions=tuple(shown),
                missing=tuple(section_missing),
                progress=Progress(*counts),
            )
        )
    section_states = tuple(sections)
    return FormState(
        form_id=form.id,
        form_version=form.version,
        answers=values,
        visible_sections=frozenset(visible_sections),
        visible_questions=frozenset(visible_questions),
        hidden_questions=frozenset(hidden_questions),
        missing=tuple(missing),
        sections=section_states,
        roles={role: Progress(*counts) for role, counts in role_counts.items()},
        overall=Progress(*overall),
        flags=tuple(flags),
        ignored=tuple(ignored),
        problems=tuple(problems),
        _section_by_id={state.id: state for state in section_states},
    )


def _unknown_questions(form: Form, answers: object) -> list[AnswerProblem]:
    if not isinstance(answers, Mapping):
        return [
            AnswerProblem(
                "(answers)",
                f"expected a mapping of question ids to answers, got {type(answers).__name__}",
            )
        ]
    known = form.index.question_by_id
    return [
        AnswerProblem(str(key), "no such question in this form")
        for key in answers
        if not isinstance(key, str) or key not in known
    ]


def normalise_answers(form: Form, answers: Mapping[str, object]) -> NormalisedAnswers:
    """Canonical visible answers, the ignored ones and the problems; never raises for bad values."""
    state = evaluate(form, answers)
    return NormalisedAnswers(form.id, state.answers, state.ignored, state.problems)


def validate_answers(form: Form, answers: Mapping[str, object]) -> NormalisedAnswers:
    """Like :func:`normalise_answers`, but raises :class:`AnswerValidationError` on any problem."""
    result = normalise_answers(form, answers)
    if result.problems:
        raise AnswerValidationError(form.id, result.problems)
    return result
