"""Each answer checked against its question, and answer sets checked against their form."""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path

import pytest

from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire import (
    AnswersFileError,
    AnswerValidationError,
    InvalidAnswer,
    load_answers_file,
    load_answers_text,
    normalise_answers,
    normalise_value,
    validate_answers,
)
from tests.questionnaire.helpers import sample_form

FORM = sample_form()


@pytest.mark.parametrize(
    ("question_id", "given", "expected"),
    [
        ("is_ai_system", True, "yes"),
        ("is_ai_system", False, "no"),
        ("is_ai_system", "yes", "yes"),
        ("is_ai_system", " No ", "no"),
        ("is_ai_system", None, None),
        ("is_ai_system", "", None),
        ("encryption", "partial", "partial"),
        ("encryption", "na", "na"),
        ("encryption", False, "no"),
        ("emotion_subjects", "others", "others"),
        ("employment_uses", ["monitoring", "recruitment"], ["recruitment", "monitoring"]),
        ("employment_uses", ("none",), ["none"]),
        ("employment_uses", [], None),
        ("vendor_name", "Acme", "Acme"),
        ("vendor_name", "   ", None),
        ("headcount", 12, 12),
        ("headcount", 12.0, 12),
        ("severity", 3, 3),
        ("severity", 2.0, 2),
        ("last_audit", date(2025, 3, 1), "2025-03-01"),
        ("last_audit", "2025-03-01", "2025-03-01"),
        ("audit_report", ["report.pdf", "annex.pdf"], ["report.pdf", "annex.pdf"]),
        ("audit_report", [], None),
        ("notes", "x" * 5000, "x" * 5000),
    ],
)
def test_valid_values_are_normalised(question_id: str, given: object, expected: object) -> None:
    assert normalise_value(FORM.question(question_id), given) == expected


@pytest.mark.parametrize(
    ("question_id", "given", "reason"),
    [
        ("is_ai_system", "maybe", "'maybe' is not a choice of this question (choices: yes, no)"),
        ("is_ai_system", 1, "expected a choice id (yes, no), got 1"),
        ("is_ai_system", ["yes"], "expected a choice id (yes, no), got a list"),
        ("emotion_subjects", True, "true is not a choice of this question"),
        ("employment_uses", "recruitment", "expected a list of choice ids"),
        ("employment_uses", ["recruitment", "recruitment"], "'recruitment' is listed twice"),
        ("employment_uses", ["none", "monitoring"], "'none' cannot be combined with other choices"),
        ("employment_uses", ["hiring"], "'hiring' is not a choice of this question"),
        ("employment_uses", [{"a": 1}], "expected a choice id"),
        ("vendor_name", 42, "expected text, got 42"),
        ("vendor_name", "x" * 41, "the text has 41 characters; at most 40 are allowed"),
        ("headcount", True, "expected a number, got true"),
        ("headcount", "12", "expected a number, got '12'"),
        ("headcount", 1.5, "expected a whole number, got 1.5"),
        ("headcount", -1, "-1 employees is below the minimum of 0 employees"),
        ("headcount", math.nan, "expected a finite number"),
        ("headcount", math.inf, "expected a finite number"),
        ("severity", 5, "5 is outside the scale 1 to 4"),
        ("severity", 2.5, "expected a whole number from 1 to 4, got 2.5"),
        ("severity", False, "expected a whole number from 1 to 4, got false"),
        ("last_audit", "01/03/2025", "expected a date YYYY-MM-DD, got '01/03/2025'"),
        ("last_audit", "2025-02-30", "'2025-02-30' is not a valid date"),
        ("last_audit", "1999-12-31", "1999-12-31 is before the earliest date 2000-01-01"),
        ("last_audit", datetime(2025, 3, 1, 12, 0), "expected a date YYYY-MM-DD, got a date and"),
        ("last_audit", 20250301, "expected a date YYYY-MM-DD, got 20250301"),
        ("audit_report", "report.pdf", "expected a list of evidence references"),
        ("audit_report", ["a.pdf", "a.pdf"], "'a.pdf' is listed twice"),
        ("audit_report", ["a.pdf", ""], "an evidence reference must be a non-empty text"),
        ("audit_report", [3], "an evidence reference must be a non-empty text, got 3"),
    ],
)
def test_invalid_values_are_explained(question_id: str, given: object, reason: str) -> None:
    with pytest.raises(InvalidAnswer) as caught:
        normalise_value(FORM.question(question_id), given)
    assert str(caught.value).startswith(reason), str(caught.value)


def test_unknown_questions_and_bad_values_are_listed_hidden_ones_ignored() -> None:
    answers = {
        "is_ai_system": "no",  # hides employment_uses and, by cascade, the emotion questions
        "employment_uses": ["recruitment"],
        "emotion_recognition": "perhaps",  # hidden: ignored even though invalid
        "headcount": "many",
        "uses_bio": "yes",
    }
    result = normalise_answers(FORM, answers)
    assert result.values == {"is_ai_system": "no"}
    assert [(i.question_id, i.reason) for i in result.ignored] == [
        ("employment_uses", "hidden: its condition is not met"),
        ("emotion_recognition", "hidden: its condition is not met"),
    ]
    assert [p.format() for p in result.problems] == [
        "uses_bio: no such question in this form",
        "headcount: expected a number, got 'many'",
    ]
    assert not result.ok
    with pytest.raises(AnswerValidationError) as caught:
        validate_answers(FORM, answers)
    error = caught.value
    assert isinstance(error, DpiaDeskError)
    assert [p.question_id for p in error.problems] == ["uses_bio", "headcount"]
    assert error.message == (
        "2 invalid answers for form 'sample_screening': uses_bio: no such question in this form; "
        "headcount: expected a number, got 'many'"
    )


def test_a_complete_answer_set_with_hidden_answers_validates() -> None:
    answers = {
        "is_ai_system": "yes",
        "employment_uses": ["none"],
        "emotion_recognition": "no",  # hidden by none_of [none]
        "emotion_subjects": "others",  # hidden by cascade
        "encryption": "yes",
        "headcount": 10,
        "severity": 2,  # hidden: headcount below 250
    }
    result = validate_answers(FORM, answers)
    assert set(result.values) == {"is_ai_system", "employment_uses", "encryption", "headcount"}
    assert {i.question_id for i in result.ignored} == {
        "emotion_recognition",
        "emotion_subjects",
        "severity",
    }


def test_answers_that_are_not_a_mapping_are_a_problem() -> None:
    result = normalise_answers(FORM, ["is_ai_system"])  # type: ignore[arg-type]
    assert [p.format() for p in result.problems] == [
        "(answers): expected a mapping of question ids to answers, got list"
    ]


def test_answers_files_yaml_and_json(tmp_path: Path) -> None:
    yaml_file = tmp_path / "answers.yaml"
    yaml_file.write_text(
        "is_ai_system: yes\nemployment_uses: [none]\nheadcount: 3\n", encoding="utf-8"
    )
    assert load_answers_file(yaml_file) == {
        "is_ai_system": "yes",
        "employment_uses": ["none"],
        "headcount": 3,
    }
    json_file = tmp_path / "answers.json"
    json_file.write_text('{"is_ai_system": true}', encoding="utf-8")
    assert load_answers_file(json_file) == {"is_ai_system": True}
    assert load_answers_text("# nothing yet\n", "empty.yaml") == {}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.yaml", "- a\n- b\n", "list.yaml: an answers file is a mapping of question ids"),
        ("dup.yaml", "a: yes\na: no\n", "dup.yaml:2:1: a: duplicate key 'a'"),
        ("bad.json", "{nope", "bad.json: not valid JSON"),
        ("alias.yaml", "a: &x yes\nb: *x\n", "alias.yaml:1:4: a: anchors and aliases"),
    ],
)
def test_bad_answers_files(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnswersFileError) as caught:
        load_answers_file(path)
    assert message in caught.value.message
    assert isinstance(caught.value, DpiaDeskError)


def test_huge_numbers_are_refused_not_crashed() -> None:
    from dpia_desk.questionnaire import InvalidAnswer, load_form_text, normalise_value

    form = load_form_text(
        """
schema_version: 1
id: nums
version: 1.0.0
status: released
title: Numbers
source: {author: tests, licence: CC0-1.0}
sections:
  - id: s
    title: S
    questions:
      - {id: count, type: number, text: How many?, refs: [gdpr:art35.1], integer: true}
      - {id: level, type: scale, text: Level?, refs: [gdpr:art35.1], min: 1, max: 4}
""",
        "nums.yaml",
    )
    for question_id in ("count", "level"):
        for value in (10**4000, -(10**4000), 1e300, float("inf")):
            with pytest.raises(InvalidAnswer):
                normalise_value(form.question(question_id), value)
    assert normalise_value(form.question("count"), 10**12) == 10**12
