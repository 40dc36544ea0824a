"""Frozen copies survive form updates unchanged; diff_forms says what changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dpia_desk.questionnaire import (
    FormLoadError,
    diff_forms,
    evaluate,
    form_from_json,
    form_to_json,
    load_form,
)
from tests.questionnaire.helpers import SAMPLE_FORM, sample_form


def _next_version(text: str) -> str:
    """The sample form moved to 2.0.0: a question removed, one added, several changed."""
    text = text.replace("version: 1.0.0", "version: 2.0.0")
    text = text.replace("text: Is it an AI system?", "text: Is it an AI system (Art. 3(1))?")
    text = text.replace(
        "      - id: vendor_name\n        type: text\n        text: Vendor name\n"
        "        required: false\n        max_length: 40\n",
        "",
    )
    text = text.replace(
        "          - id: monitoring\n            label: Monitoring staff\n"
        "            flag: {severity: critical, text: Monitors staff.}\n",
        "          - id: monitoring\n            label: Monitoring staff\n            score: 10\n"
        "            flag: {severity: critical, text: Monitors staff.}\n"
        "          - id: scheduling\n            label: Shift scheduling\n",
    )
    text = text.replace(
        "show_if: {question: headcount, at_least: 250}",
        "show_if: {question: headcount, at_least: 50}",
    )
    text = text.replace("        weight: 2\n", "        weight: 3\n        required: false\n")
    return text + (
        "      - id: dpo_review\n        type: yes_no\n        text: Has the DPO reviewed it?\n"
    )


def test_frozen_copy_round_trips_identically() -> None:
    form = sample_form()
    frozen = form_to_json(form)
    text = json.dumps(frozen, sort_keys=True)
    assert json.loads(text) == frozen  # plain JSON data
    again = form_from_json(text)
    assert again == form
    assert form_to_json(again) == frozen
    assert form_from_json(frozen) == form


def test_assessment_on_v1_reopens_unchanged_after_the_form_moved_to_v2(tmp_path: Path) -> None:
    file = tmp_path / "sample_screening.yaml"
    file.write_text(SAMPLE_FORM.read_text(encoding="utf-8"), encoding="utf-8")
    v1 = load_form(file)
    answers = {
        "is_ai_system": "yes",
        "vendor_name": "Acme",
        "employment_uses": ["monitoring"],
        "encryption": "no",
        "headcount": 100,
    }
    stored = json.dumps({"form": form_to_json(v1), "answers": answers})  # what an assessment keeps
    state_then = evaluate(v1, answers)

    file.write_text(_next_version(file.read_text(encoding="utf-8")), encoding="utf-8")
    v2 = load_form(file)
    assert v2.version == "2.0.0" and v2 != v1

    reopened = json.loads(stored)
    frozen = form_from_json(reopened["form"])
    assert frozen == v1
    assert frozen.version == "1.0.0"
    assert frozen.question("is_ai_system").text == "Is it an AI system?"
    assert evaluate(frozen, reopened["answers"]) == state_then
    # the same answers against v2 mean something else: vendor_name is gone
    assert [p.question_id for p in evaluate(v2, answers).problems] == ["vendor_name"]


def test_diff_between_versions(tmp_path: Path) -> None:
    v1 = sample_form()
    file = tmp_path / "v2.yaml"
    file.write_text(_next_version(SAMPLE_FORM.read_text(encoding="utf-8")), encoding="utf-8")
    v2 = load_form(file)
    difference = diff_forms(v1, v2)
    assert [q.id for q in difference.added] == ["dpo_review"]
    assert difference.added[0].section_id == "security"
    assert [q.id for q in difference.removed] == ["vendor_name"]
    changed = {item.id: {c.field: c.summary for c in item.changes} for item in difference.changed}
    assert changed == {
        "is_ai_system": {
            "text": "text: 'Is it an AI system?' -> 'Is it an AI system (Art. 3(1))?'"
        },
        "employment_uses": {
            "choices": "choices: added scheduling; changed monitoring (score: (none) -> 10)"
        },
        "encryption": {"required": "required: true -> false", "weight": "weight: 2 -> 3"},
        "severity": {
            "show_if": 'show_if: {"question": "headcount", "at_least": 250} -> '
            '{"question": "headcount", "at_least": 50}'
        },
    }
    assert [c.summary for c in difference.form_changes] == ["version: '1.0.0' -> '2.0.0'"]
    lines = difference.lines()
    assert lines[0] == "sample_screening 1.0.0 -> sample_screening 2.0.0"
    assert "+ dpo_review (yes_no, section security): Has the DPO reviewed it?" in lines
    assert "- vendor_name (text, section basics): Vendor name" in lines
    assert lines[-1] == "1 added, 1 removed, 4 changed question(s)"
    assert json.loads(json.dumps(difference.to_json()))["questions_added"][0]["id"] == "dpo_review"


def test_diff_of_a_form_with_itself_is_empty() -> None:
    form = sample_form()
    difference = diff_forms(form, form)
    assert difference.is_empty
    assert difference.lines() == [
        "sample_screening 1.0.0 -> sample_screening 1.0.0",
        "no differences",
    ]


def test_moved_and_retyped_questions() -> None:
    form = sample_form()
    data = form_to_json(form)
    moved = data["sections"][0]["questions"].pop(1)  # vendor_name
    moved["type"] = "long_text"
    moved["max_length"] = 500
    data["sections"][1]["questions"].append(moved)
    data["sections"][1]["title"] = "Security and audit"
    other = form_from_json(data)
    difference = diff_forms(form, other)
    assert [(item.id, [c.field for c in item.changes]) for item in difference.changed] == [
        ("vendor_name", ["section", "type", "max_length"])
    ]
    assert difference.sections_changed[0].changes[0].summary == (
        "title: 'Security' -> 'Security and audit'"
    )


def test_a_damaged_frozen_copy_is_refused_clearly() -> None:
    data = form_to_json(sample_form())
    data["sections"][0]["questions"][0]["type"] = "yes_or_no"
    with pytest.raises(FormLoadError) as caught:
        form_from_json(data, "assessment 12")
    assert str(caught.value).startswith(
        "assessment 12: sections[0].questions[0].type: unknown question type 'yes_or_no'"
    )
    with pytest.raises(FormLoadError, match="not valid JSON"):
        form_from_json("{", "assessment 12")
