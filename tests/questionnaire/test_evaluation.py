"""Visibility, completeness, progress and flags for answer sets."""

from __future__ import annotations

from dpia_desk.questionnaire import Progress, evaluate
from tests.questionnaire.helpers import build, question, sample_form, section

FORM = sample_form()


def test_nothing_answered() -> None:
    state = evaluate(FORM, {})
    # employment_uses needs is_ai_system = yes; the security section needs it answered
    assert state.visible_sections == {"basics"}
    assert state.visible_questions == {"is_ai_system", "vendor_name"}
    assert state.missing == ("is_ai_system",)
    assert not state.complete
    assert state.section("security").visible is False
    assert state.section("security").questions == ()
    assert state.overall == Progress(answered=0, total=2, required=1, required_answered=0)
    assert state.flags == ()


def test_hiding_cascades_through_unanswered_and_hidden_questions() -> None:
    state = evaluate(FORM, {"is_ai_system": "yes"})
    assert "employment_uses" in state.visible_questions
    # emotion_recognition needs employment_uses answered without 'none': still hidden
    assert "emotion_recognition" in state.hidden_questions
    assert "emotion_subjects" in state.hidden_questions
    assert state.missing == ("employment_uses", "encryption", "headcount")

    state = evaluate(
        FORM,
        {"is_ai_system": "yes", "employment_uses": ["recruitment"], "emotion_recognition": "yes"},
    )
    assert "emotion_subjects" in state.visible_questions
    # switching is_ai_system to no hides employment_uses, so emotion_* are hidden too,
    # whatever was answered for them
    state = evaluate(
        FORM,
        {
            "is_ai_system": "no",
            "employment_uses": ["recruitment"],
            "emotion_recognition": "yes",
            "emotion_subjects": "others",
        },
    )
    assert {"employment_uses", "emotion_recognition", "emotion_subjects"} <= state.hidden_questions
    assert [i.question_id for i in state.ignored] == [
        "employment_uses",
        "emotion_recognition",
        "emotion_subjects",
    ]
    assert state.problems == ()


def test_not_and_all_of() -> None:
    base = {"is_ai_system": "yes", "emotion_recognition": "yes"}
    shown = evaluate(FORM, {**base, "employment_uses": ["recruitment"]})
    assert shown.is_visible("emotion_subjects")
    hidden = evaluate(FORM, {**base, "employment_uses": ["recruitment", "monitoring"]})
    assert not hidden.is_visible("emotion_subjects")


def test_numbers_dates_and_answered_conditions() -> None:
    answers = {"is_ai_system": "no", "encryption": "yes", "headcount": 249}
    assert not evaluate(FORM, answers).is_visible("severity")
    assert evaluate(FORM, {**answers, "headcount": 250}).is_visible("severity")
    assert not evaluate(FORM, answers).is_visible("audit_report")
    assert evaluate(FORM, {**answers, "last_audit": "2025-01-01"}).is_visible("audit_report")


def test_complete_answer_set_progress_roles_and_flags() -> None:
    answers = {
        "is_ai_system": True,
        "vendor_name": "Acme",
        "employment_uses": ["monitoring", "recruitment"],
        "emotion_recognition": "no",
        "encryption": "no",
        "headcount": 300,
        "severity": 3,
        "last_audit": "2025-01-31",
        "audit_report": ["audit-2025.pdf"],
    }
    state = evaluate(FORM, answers)
    assert state.complete
    assert state.missing == ()
    assert state.answers["is_ai_system"] == "yes"
    assert state.answers["employment_uses"] == ["recruitment", "monitoring"]
    assert [flag.key for flag in state.flags] == [
        "employment_uses.recruitment",
        "employment_uses.monitoring",
        "encryption.no",
    ]
    monitoring = state.flags[1]
    assert (monitoring.severity, monitoring.text, monitoring.refs, monitoring.section_id) == (
        "critical",
        "Monitors staff.",
        ("ai_act:annex3.4",),
        "basics",
    )
    assert state.roles["hr"] == Progress(answered=1, total=1, required=1, required_answered=1)
    assert state.roles["procurement"] == Progress(
        answered=3, total=3, required=2, required_answered=2
    )
    security = state.section("security")
    assert security.progress == Progress(answered=5, total=6, required=4, required_answered=4)
    assert security.progress.fraction == 1.0
    assert state.overall.answered == 9


def test_invalid_answers_count_as_unanswered_and_block_completeness() -> None:
    state = evaluate(
        FORM,
        {
            "is_ai_system": "yes",
            "employment_uses": ["none"],
            "encryption": "yes",
            "headcount": 5,
            "vendor_name": 7,
        },
    )
    assert state.missing == ()
    assert [p.question_id for p in state.problems] == ["vendor_name"]
    assert not state.complete


def test_section_conditions_see_earlier_sections_only() -> None:
    form = build(
        section("first", question("gate", "yes_no")),
        section("second", question("inner", "text"), show_if={"question": "gate", "equals": "yes"}),
        section(
            "third", question("after", "text", show_if={"question": "inner", "answered": False})
        ),
    )
    closed = evaluate(form, {"gate": "no", "inner": "hello"})
    assert closed.visible_sections == {"first", "third"}
    assert closed.is_visible("after")  # inner is hidden, so it counts as unanswered
    assert [i.reason for i in closed.ignored] == ["hidden: its section's condition is not met"]
    opened = evaluate(form, {"gate": "yes", "inner": "hello"})
    assert not opened.is_visible("after")


def test_not_of_an_unanswered_question_is_true() -> None:
    form = build(
        section(
            "main",
            question("role", "single_choice"),
            question("extra", "yes_no", show_if={"not": {"question": "role", "equals": "alpha"}}),
            question("other", "yes_no", show_if={"question": "role", "none_of": ["alpha"]}),
        )
    )
    state = evaluate(form, {})
    assert state.is_visible("extra")  # not(false)
    assert not state.is_visible("other")  # none_of needs an answer
    state = evaluate(form, {"role": "beta"})
    assert state.is_visible("extra") and state.is_visible("other")


def test_to_json_is_plain_data() -> None:
    import json

    state = evaluate(FORM, {"is_ai_system": "yes", "employment_uses": ["monitoring"]})
    data = state.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["flags"][0]["question"] == "employment_uses"
    assert data["complete"] is False


def test_evaluate_is_deterministic_and_order_free() -> None:
    answers = {
        "employment_uses": ["monitoring", "recruitment"],
        "is_ai_system": "yes",
        "headcount": 300,
        "encryption": "partial",
    }
    reordered = dict(reversed(list(answers.items())))
    assert evaluate(FORM, answers) == evaluate(FORM, reordered)
