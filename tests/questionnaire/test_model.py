"""The form model: what a loaded form offers its readers (UI, scoring)."""

from __future__ import annotations

import pytest

from dpia_desk.questionnaire import (
    Choice,
    FormLoadError,
    MultiChoiceQuestion,
    ScaleQuestion,
    YesNoQuestion,
)
from tests.questionnaire.helpers import build, form_data, question, sample_form, section


def test_sample_form_loads_with_every_type() -> None:
    form = sample_form()
    assert form.label == "sample_screening 1.0.0"
    assert {q.kind for q in form.questions} == {
        "yes_no",
        "yes_no_partial_na",
        "single_choice",
        "multi_choice",
        "text",
        "long_text",
        "number",
        "date",
        "scale",
        "evidence",
    }
    assert [q.id for q in form.questions][:3] == ["is_ai_system", "vendor_name", "employment_uses"]
    assert form.section_of("encryption").id == "security"
    assert form.owner_role_of("employment_uses") == "hr"  # its own
    assert form.owner_role_of("vendor_name") == "procurement"  # inherited from the section
    assert form.find_question("nope") is None
    with pytest.raises(KeyError):
        form.question("nope")


def test_outcomes_are_opaque_json_data() -> None:
    form = sample_form()
    assert form.outcomes == {"thresholds": {"a": 90, "b": 75}, "applies_from": "2026-08-02"}


def test_implicit_choices_are_completed_with_labels() -> None:
    form = sample_form()
    is_ai = form.question("is_ai_system")
    assert isinstance(is_ai, YesNoQuestion)
    assert [(c.id, c.label) for c in is_ai.options] == [
        ("yes", "Yes"),
        ("no", "No, it follows fixed rules only"),
    ]
    encryption = form.question("encryption")
    assert [c.id for c in encryption.options] == ["yes", "partial", "no", "na"]
    flagged = encryption.option("no")
    assert flagged is not None and flagged.flag is not None and flagged.label == "No"
    assert form.question("vendor_name").options == ()


def test_choice_score_uses_own_score_then_form_default_and_never_na() -> None:
    form = build(
        section(
            "main",
            question(
                "enc",
                "yes_no_partial_na",
                choices=[{"id": "partial", "score": 40}, {"id": "na", "label": "N/A"}],
            ),
            question(
                "pick",
                "single_choice",
                choices=[{"id": "a", "label": "A", "score": 10}, {"id": "b", "label": "B"}],
            ),
        ),
        default_scores={"yes_no_partial_na": {"yes": 100, "partial": 50, "no": 0}},
    )
    assert form.choice_score("enc", "yes") == 100
    assert form.choice_score("enc", "partial") == 40
    assert form.choice_score("enc", "na") is None
    assert form.choice_score("pick", "a") == 10
    assert form.choice_score("pick", "b") is None


def test_na_has_no_default_score() -> None:
    with pytest.raises(FormLoadError, match=r"default_scores\.yes_no_partial_na\.na: unknown key"):
        build(
            section("main", question("q", "yes_no")),
            default_scores={"yes_no_partial_na": {"na": 0}},
        )


def test_models_are_frozen() -> None:
    form = sample_form()
    with pytest.raises(Exception, match="frozen"):
        form.title = "changed"  # type: ignore[misc]


def test_scale_points_and_multi_choice_types() -> None:
    form = sample_form()
    scale = form.question("severity")
    assert isinstance(scale, ScaleQuestion) and list(scale.points) == [1, 2, 3, 4]
    uses = form.question("employment_uses")
    assert isinstance(uses, MultiChoiceQuestion)
    assert [c.id for c in uses.choices if c.exclusive] == ["none"]
    assert isinstance(uses.choices[0], Choice)


def test_form_index_is_a_cache_not_identity() -> None:
    first = sample_form()
    second = sample_form()
    assert first.index is first.index  # built once
    assert first == second  # the cache of one does not make them differ
    index = first.index
    copy = first.model_copy(update={"title": "Other"})
    assert copy.index is not index
    assert first.index is index  # the copy did not take the original's cache over
    assert copy.questions == first.questions


@pytest.mark.parametrize(
    ("questions", "message"),
    [
        (
            [question("q", "multi_choice", choices=[{"id": "a", "label": "A"}])],
            "a multi_choice question needs at least two choices",
        ),
        (
            [
                question(
                    "q",
                    "multi_choice",
                    choices=[
                        {"id": "a", "label": "A", "exclusive": True},
                        {"id": "b", "label": "B", "exclusive": True},
                    ],
                )
            ],
            "every choice is exclusive",
        ),
        (
            [
                question(
                    "q",
                    "single_choice",
                    choices=[{"id": "a", "label": "A"}, {"id": "a", "label": "B"}],
                )
            ],
            "duplicate choice id 'a'",
        ),
        (
            [question("q", "yes_no_partial_na", choices=[{"id": "na", "score": 0}])],
            "'na' is never scored",
        ),
        ([question("q", "scale", min=1, max=3, labels={4: "Four"})], "4 is outside the scale"),
        ([question("q", "scale", min=0, max=500)], "a scale has at most 101 points"),
        ([question("q", "date", min="2026-01-01", max="2025-01-01")], "is later than max"),
        (
            [
                question("n", "number"),
                question("q", "yes_no", show_if={"question": "n", "equals": "many"}),
            ],
            "equals needs a number, got 'many'",
        ),
        (
            [
                question("s", "scale"),
                question("q", "yes_no", show_if={"question": "s", "at_least": 9}),
            ],
            "9 is outside the scale of question 's' (1 to 4)",
        ),
        (
            [
                question("m", "multi_choice"),
                question("q", "yes_no", show_if={"question": "m", "equals": "alpha"}),
            ],
            "'equals' does not apply to question 'm' of type multi_choice",
        ),
        (
            [
                question("t", "text"),
                question("q", "yes_no", show_if={"question": "t", "any_of": ["x"]}),
            ],
            "'any_of' does not apply to question 't' of type text (use answered)",
        ),
        ([question("q", "yes_no", refs=["GDPR art 35"])], "is not a reference id"),
        ([question("q", "yes_no", show_if="q0 == yes")], "a condition is a mapping"),
        ([question("q", "yes_no", show_if={"and": []})], "must not be empty"),
        ([question("q", "text", max_length=0)], "must be at least 1"),
    ],
)
def test_cross_field_rules(questions: list[dict[str, object]], message: str) -> None:
    with pytest.raises(FormLoadError) as caught:
        build(section("main", *questions))
    assert message in str(caught.value)


def test_frozen_copy_problems_have_no_line() -> None:
    data = form_data(section("main", question("q", "yes_no", colour="red")))
    with pytest.raises(FormLoadError) as caught:
        build(*data["sections"])
    assert str(caught.value) == ("test form: sections[0].questions[0].colour: unknown key 'colour'")
    assert caught.value.line is None


def test_true_and_false_in_conditions_mean_yes_and_no() -> None:
    form = build(
        section(
            "main",
            question("a", "yes_no"),
            question("b", "yes_no", show_if={"question": "a", "equals": True}),
            question("c", "yes_no", show_if={"question": "a", "any_of": [False]}),
        )
    )
    b_condition = form.question("b").show_if
    c_condition = form.question("c").show_if
    assert b_condition is not None and c_condition is not None
    assert b_condition.model_dump() == {
        "question": "a",
        "equals": "yes",
        "any_of": None,
        "all_of": None,
        "none_of": None,
        "at_least": None,
        "at_most": None,
        "answered": None,
    }
    assert c_condition.model_dump()["any_of"] == ["no"]
