"""Every broken form gives its expected file:line:column message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire import FormLoadError, load_form, load_form_text
from tests.questionnaire.helpers import BROKEN_DIR

# file name -> (line, column, path, reason or the start of it)
EXPECTED: dict[str, tuple[int, int, str, str]] = {
    "alias_bomb.yaml": (4, 7, "lol1", "anchors and aliases (& and *) are not allowed in a form"),
    "bad_choice_in_condition.yaml": (
        27,
        46,
        "sections[0].questions[2].show_if.or[1].any_of[1]",
        "'gamma' is not a choice of question 'q2' (choices: alpha, beta)",
    ),
    "bad_id.yaml": (15, 13, "sections[0].questions[1].id", "'UsesBio' is not a snake_case id"),
    "bad_severity.yaml": (
        20,
        30,
        "sections[0].questions[1].choices[0].flag.severity",
        "'severe' is not allowed here; expected 'low', 'medium', 'high' or 'critical'",
    ),
    # (the wording of syntax errors differs between libyaml and PyYAML's pure-Python parser)
    "bad_yaml_syntax.yaml": (16, 11, "", "YAML syntax error: "),
    "cycle.yaml": (
        18,
        29,
        "sections[0].questions[1].show_if.question",
        "question 'q3' comes after this question (at line 19); conditions may only refer to "
        "earlier questions, so there are no cycles",
    ),
    "duplicate_question_id.yaml": (
        18,
        13,
        "sections[1].questions[0].id",
        "duplicate question id 'q1' (first used at line 12); question ids are unique in the "
        "whole form",
    ),
    "duplicate_section_id.yaml": (
        15,
        9,
        "sections[1].id",
        "duplicate section id 'main' (first used at line 9)",
    ),
    "duplicate_yaml_key.yaml": (
        18,
        9,
        "sections[0].questions[1].text",
        "duplicate key 'text' (first given on line 17)",
    ),
    "empty.yaml": (1, 1, "", "the file is empty"),
    "exclusive_on_single_choice.yaml": (
        20,
        48,
        "sections[0].questions[1].choices[1].exclusive",
        "only choices of a multi_choice question can be exclusive",
    ),
    "forward_reference.yaml": (
        18,
        29,
        "sections[0].questions[1].show_if.question",
        "question 'q3' comes after this question (at line 19)",
    ),
    "missing_key.yaml": (15, 9, "sections[0].questions[1]", "missing required key 'text'"),
    "newer_schema_version.yaml": (
        2,
        17,
        "schema_version",
        "this form uses schema version 2; this dpia_desk reads version 1",
    ),
    "non_string_key.yaml": (
        20,
        9,
        "sections[0].questions[1]",
        "a key must be text, got true (put it in quotes)",
    ),
    "number_min_max.yaml": (
        18,
        14,
        "sections[0].questions[1].min",
        "min (10) is greater than max (5)",
    ),
    "operator_type_mismatch.yaml": (
        18,
        43,
        "sections[0].questions[1].show_if.at_least",
        "'at_least' does not apply to question 'q1' of type yes_no "
        "(use answered, any_of, equals, none_of)",
    ),
    "python_tag.yaml": (
        17,
        15,
        "sections[0].questions[1].text",
        "the YAML tag '!!python/object/apply:os.system' is not allowed in a form",
    ),
    "scale_min_max.yaml": (
        18,
        14,
        "sections[0].questions[1].min",
        "a scale needs min < max, got 4 to 1",
    ),
    "score_out_of_range.yaml": (
        19,
        46,
        "sections[0].questions[1].choices[0].score",
        "a score must be at most 100, got 150",
    ),
    "section_condition_same_section.yaml": (
        17,
        25,
        "sections[1].show_if.question",
        "question 'q2' comes after this section (at line 19)",
    ),
    "self_reference.yaml": (
        18,
        29,
        "sections[0].questions[1].show_if.question",
        "the condition of question 'q2' refers to the question itself",
    ),
    "several_problems.yaml": (
        18,
        17,
        "sections[0].questions[1].weight",
        "a weight must be at least 0, got -1",
    ),
    "tab_indentation.yaml": (
        8,
        1,
        "",
        "YAML syntax error: found character",
    ),
    "too_deep.yaml": (3, 74, "", "the document is nested more than 64 levels deep"),
    "top_level_list.yaml": (
        2,
        1,
        "",
        "a form is a mapping of keys (schema_version, id, sections...), not a list",
    ),
    "two_documents.yaml": (15, 1, "", "a file holds one YAML document, found a second"),
    "two_operators.yaml": (
        18,
        18,
        "sections[0].questions[1].show_if",
        "a condition on question 'q1' needs exactly one operator of equals, any_of, all_of, "
        "none_of, at_least, at_most, answered; found equals, any_of",
    ),
    "unknown_key.yaml": (
        18,
        9,
        "sections[0].questions[1].requird",
        "unknown key 'requird' (did you mean 'required'?)",
    ),
    "unknown_reference.yaml": (
        18,
        29,
        "sections[0].questions[1].show_if.question",
        "unknown question 'uses_bio'",
    ),
    "unknown_type.yaml": (
        16,
        15,
        "sections[0].questions[1].type",
        "unknown question type 'yes_or_no' (expected one of: yes_no, yes_no_partial_na, ",
    ),
    "version_as_number.yaml": (4, 10, "version", "1.2 is read as a number"),
    "yes_no_unknown_choice.yaml": (
        19,
        18,
        "sections[0].questions[1].choices[0].id",
        "a yes_no question has the choices yes, no only; 'maybe' is not one of them",
    ),
}


def test_every_broken_form_has_an_expectation() -> None:
    assert sorted(path.name for path in BROKEN_DIR.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_form_names_file_line_column(name: str) -> None:
    line, column, path, reason = EXPECTED[name]
    file = BROKEN_DIR / name
    with pytest.raises(FormLoadError) as caught:
        load_form(file)
    error = caught.value
    assert isinstance(error, DpiaDeskError)
    assert (error.line, error.column, error.problems[0].path_text) == (line, column, path)
    assert error.reason.startswith(reason), error.reason
    # the one-line message: file:line:column: path: reason
    where = f"{file.relative_to(Path.cwd()) if file.is_relative_to(Path.cwd()) else file}"
    prefix = f"{where}:{line}:{column}: " + (f"{path}: " if path else "")
    assert error.message.startswith(prefix + reason), error.message
    assert "\n" not in str(error)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_same_positions_without_libyaml(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML without its C extension finds the same places."""
    from dpia_desk.questionnaire import yaml_source

    monkeypatch.setattr(yaml_source, "_PARSER_LOADER", yaml.BaseLoader)
    line, column, path, reason = EXPECTED[name]
    with pytest.raises(FormLoadError) as caught:
        load_form(BROKEN_DIR / name)
    assert (caught.value.line, caught.value.column, caught.value.problems[0].path_text) == (
        line,
        column,
        path,
    )
    assert caught.value.reason.startswith(reason)


def test_tabs_get_a_hint() -> None:
    with pytest.raises(FormLoadError) as caught:
        load_form(BROKEN_DIR / "tab_indentation.yaml")
    assert caught.value.reason.endswith("YAML does not allow tabs for indentation, use spaces")


def test_several_problems_are_all_reported_in_document_order() -> None:
    with pytest.raises(FormLoadError) as caught:
        load_form(BROKEN_DIR / "several_problems.yaml")
    error = caught.value
    assert [(p.line, p.column, p.path_text) for p in error.problems] == [
        (18, 17, "sections[0].questions[1].weight"),
        (25, 9, "sections[0].questions[2].colour"),
    ]
    assert error.message.endswith("(and 1 more problem)")
    assert "dpia-desk forms validate" in str(error)


def test_the_example_message_of_the_format(tmp_path: Path) -> None:
    text = (BROKEN_DIR / "unknown_reference.yaml").read_text(encoding="utf-8")
    with pytest.raises(FormLoadError) as caught:
        load_form_text(text, "forms/dpia_screening.yaml")
    assert str(caught.value) == (
        "forms/dpia_screening.yaml:18:29: sections[0].questions[1].show_if.question: "
        "unknown question 'uses_bio'"
    )


@pytest.mark.parametrize(
    ("data", "line", "column", "reason"),
    [
        (b"schema_version: 1\nid: \xff\xfe\n", 2, 5, "the file is not UTF-8 text"),
        (
            b"schema_version: 1\ntitle: \x07bell\n",
            2,
            8,
            "the file holds a character YAML does not allow (U+0007)",
        ),
        (b"\xef\xbb\xbf[1, 2]\n", 1, 1, "a form is a mapping of keys"),
        (
            b"just a sentence\n",
            1,
            1,
            "a form is a mapping of keys (schema_version, id, sections...), not 'just a sentence'",
        ),
        (b"schema_version: 1\nsections: x\n", 1, 1, "missing required key 'id'"),
        (b"schema_version: !!int x\n", 1, 17, "'x' does not fit its tag !!int"),
        (b"? [a]\n: 1\n", 1, 3, "a key must be text, not a list or mapping"),
        (b"big: " + b"9" * 5000 + b"\n", 1, 6, "the number 99999999999999999999... is too large"),
    ],
)
def test_hostile_or_odd_bytes(data: bytes, line: int, column: int, reason: str) -> None:
    with pytest.raises(FormLoadError) as caught:
        load_form_text(data, "odd.yaml")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.reason.startswith(reason), caught.value.reason


def test_size_limit_is_checked_before_parsing(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    with pytest.raises(FormLoadError) as caught:
        load_form(huge)
    assert caught.value.line is None
    assert "a form may have at most 2,097,152" in caught.value.reason
    with pytest.raises(FormLoadError):
        load_form_text(huge.read_bytes(), "huge.yaml")


def test_unreadable_path_is_a_form_error(tmp_path: Path) -> None:
    with pytest.raises(FormLoadError) as caught:
        load_form(tmp_path / "absent.yaml")
    assert "cannot read the file" in caught.value.reason
