"""Property tests: random forms and random answer sets never crash the engine.

Forms are generated valid by construction (conditions on earlier questions with operators that
fit); answer sets mix valid values, junk of every type and ids of no question.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dpia_desk.questionnaire import (
    AnswerValidationError,
    Form,
    FormLoadError,
    evaluate,
    form_from_json,
    form_to_json,
    load_form_text,
    validate_answers,
)
from dpia_desk.questionnaire.conditions import OPERATORS_BY_TYPE
from dpia_desk.questionnaire.model import QUESTION_TYPES
from tests.questionnaire.helpers import BASE, SAMPLE_FORM, sample_form

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CHOICES = ("alpha", "beta", "gamma", "none")


def _choice_ids(kind: str) -> tuple[str, ...]:
    if kind == "yes_no":
        return ("yes", "no")
    if kind == "yes_no_partial_na":
        return ("yes", "partial", "no", "na")
    if kind in ("single_choice", "multi_choice"):
        return CHOICES
    return ()


@st.composite
def leaf_conditions(draw: st.DrawFn, earlier: list[dict[str, Any]]) -> dict[str, Any]:
    target = draw(st.sampled_from(earlier))
    kind = target["type"]
    operator = draw(st.sampled_from(sorted(OPERATORS_BY_TYPE[kind])))
    leaf: dict[str, Any] = {"question": target["id"]}
    ids = _choice_ids(kind)
    if operator == "answered":
        leaf[operator] = draw(st.booleans())
    elif operator in ("any_of", "all_of", "none_of"):
        leaf[operator] = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
    elif ids:  # equals on a choice type
        leaf[operator] = draw(st.sampled_from(ids))
    elif kind == "scale":
        leaf[operator] = draw(st.integers(1, 4))
    else:
        leaf[operator] = draw(st.integers(-5, 50))
    return leaf


def conditions(earlier: list[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.recursive(
        leaf_conditions(earlier),
        lambda inner: st.one_of(
            st.builds(lambda items: {"and": items}, st.lists(inner, min_size=1, max_size=3)),
            st.builds(lambda items: {"or": items}, st.lists(inner, min_size=1, max_size=3)),
            st.builds(lambda item: {"not": item}, inner),
        ),
        max_leaves=4,
    )


@st.composite
def form_documents(draw: st.DrawFn) -> dict[str, Any]:
    earlier: list[dict[str, Any]] = []
    sections = []
    for s_index in range(draw(st.integers(1, 3))):
        section: dict[str, Any] = {"id": f"s{s_index}", "title": f"Section {s_index}"}
        if earlier and draw(st.booleans()):
            section["show_if"] = draw(conditions(list(earlier)))
        questions = []
        for _ in range(draw(st.integers(1, 4))):
            kind = draw(st.sampled_from(QUESTION_TYPES))
            question: dict[str, Any] = {
                "id": f"q{len(earlier)}",
                "type": kind,
                "text": "?",
                "required": draw(st.booleans()),
            }
            if kind in ("single_choice", "multi_choice"):
                question["choices"] = [
                    {
                        "id": c,
                        "label": c,
                        "exclusive": c == "none" and kind == "multi_choice",
                        "flag": {"severity": "low", "text": c} if c == "alpha" else None,
                    }
                    for c in CHOICES
                ]
            elif kind == "yes_no":
                question["choices"] = [{"id": "no", "flag": {"severity": "high", "text": "no"}}]
            elif kind == "scale":
                question.update({"min": 1, "max": 4})
            elif kind == "number":
                question.update({"min": 0, "max": 40, "integer": draw(st.booleans())})
            elif kind == "text":
                question["max_length"] = 10
            if earlier and draw(st.booleans()):
                question["show_if"] = draw(conditions(list(earlier)))
            questions.append(question)
            earlier.append(question)
        section["questions"] = questions
        sections.append(section)
    return {**BASE, "id": "random_form", "sections": sections}


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
    st.datetimes(),
    st.lists(st.one_of(st.text(max_size=8), st.integers(), st.none()), max_size=4),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def values_for(question: dict[str, Any]) -> st.SearchStrategy[Any]:
    ids = _choice_ids(question["type"])
    plausible: list[st.SearchStrategy[Any]] = [JUNK]
    if ids:
        plausible += [st.sampled_from(ids), st.lists(st.sampled_from(ids), max_size=4)]
    plausible += [
        st.integers(-2, 45),
        st.sampled_from(["2025-01-31", "x.pdf", date(2024, 2, 29)]),
        st.lists(st.sampled_from(["a.pdf", "b.pdf"]), max_size=3),
    ]
    return st.one_of(*plausible)


@st.composite
def forms_with_answers(draw: st.DrawFn) -> tuple[Form, dict[str, Any]]:
    document = draw(form_documents())
    form = form_from_json(document, "random form")
    answers: dict[str, Any] = {}
    for section in document["sections"]:
        for question in section["questions"]:
            if draw(st.integers(0, 3)):
                answers[question["id"]] = draw(values_for(question))
    if draw(st.integers(0, 4)) == 0:
        answers[draw(st.sampled_from(["unknown", "q99", "Q0"]))] = draw(JUNK)
    return form, answers


@SETTINGS
@given(forms_with_answers())
def test_random_forms_and_answers_never_crash(case: tuple[Form, dict[str, Any]]) -> None:
    form, answers = case
    state = evaluate(form, answers)
    all_ids = {question.id for question in form.questions}
    assert state.visible_questions | state.hidden_questions == all_ids
    assert not state.visible_questions & state.hidden_questions
    assert set(state.missing) <= state.visible_questions
    assert all(form.question(qid).required and qid not in state.answers for qid in state.missing)
    assert set(state.answers) <= state.visible_questions
    assert {ignored.question_id for ignored in state.ignored} <= state.hidden_questions
    assert {p.question_id for p in state.problems} <= state.visible_questions | (
        set(map(str, answers)) - all_ids
    )
    assert state.complete == (not state.missing and not state.problems)
    assert all(flag.question_id in state.answers for flag in state.flags)
    assert state.overall.total == len(state.visible_questions)
    assert sum(section.progress.total for section in state.sections) == state.overall.total
    # evaluating the canonical answers again changes nothing: invalid answers were unanswered
    again = evaluate(form, state.answers)
    assert again.answers == state.answers
    assert again.visible_questions == state.visible_questions
    assert again.missing == state.missing
    assert again.flags == state.flags
    if state.problems:
        with pytest.raises(AnswerValidationError):
            validate_answers(form, answers)
    else:
        assert validate_answers(form, answers).values == state.answers


@SETTINGS
@given(form_documents())
def test_random_forms_survive_their_frozen_copy(document: dict[str, Any]) -> None:
    form = form_from_json(document, "random form")
    assert form_from_json(form_to_json(form)) == form


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from([q.id for q in sample_form().questions] + ["zzz"]), JUNK, max_size=12
    )
)
def test_junk_answers_on_the_sample_form(answers: dict[str, Any]) -> None:
    form = sample_form()
    state = evaluate(form, answers)
    assert state.complete == (not state.missing and not state.problems)
    for value in state.answers.values():
        assert isinstance(value, str | int | float | list)
        assert not isinstance(value, bool | date | datetime)


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_loads_or_gives_a_form_error(text: str) -> None:
    try:
        load_form_text(text, "fuzz.yaml")
    except FormLoadError as error:
        assert error.problems and error.message.startswith("fuzz.yaml")


SAMPLE_LINES = SAMPLE_FORM.read_text(encoding="utf-8").splitlines(keepends=True)


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "duplicate", "insert", "indent"]),
            st.integers(0, len(SAMPLE_LINES) - 1),
            st.text(alphabet=" \t:-[]{}&*!#'\"|>x1", max_size=6),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_mutated_forms_load_or_give_a_form_error(edits: list[tuple[str, int, str]]) -> None:
    lines = list(SAMPLE_LINES)
    for action, where, junk in edits:
        where = min(where, len(lines) - 1)
        if action == "delete":
            del lines[where]
        elif action == "duplicate":
            lines.insert(where, lines[where])
        elif action == "insert":
            lines[where] = lines[where][: len(junk)] + junk + lines[where][len(junk) :]
        else:
            lines[where] = "  " + lines[where]
        assume(lines)
    try:
        load_form_text("".join(lines), "mutated.yaml")
    except FormLoadError as error:
        assert all(problem.file == "mutated.yaml" for problem in error.problems)
