"""The positioned YAML reader: YAML 1.2 scalars, positions, and what it refuses."""

from __future__ import annotations

import math
from datetime import date

import pytest

from dpia_desk.questionnaire import FormLoadError
from dpia_desk.questionnaire.yaml_source import parse_yaml


def test_yes_no_on_off_stay_text_only_true_false_are_booleans() -> None:
    document = parse_yaml("a: yes\nb: no\nc: on\nd: off\ne: true\nf: FALSE\ng: y\n", "t")
    assert document.value == {
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": "off",
        "e": True,
        "f": False,
        "g": "y",
    }


def test_scalars_resolve_the_yaml_1_2_way() -> None:
    text = (
        "int: 42\nneg: -7\noct: 0o17\nhex: 0x1F\nfloat: 2.5\nexp: 1e3\ninf: -.inf\nnan: .nan\n"
        "null1: ~\nnull2:\ndate: 2026-08-02\ntime: 10:30\nversion: 1.2.0\nquoted: '42'\n"
        "tagged: !!str 42\nfloat_tag: !!float 3\n"
    )
    value = parse_yaml(text, "t").value
    assert isinstance(value, dict)
    assert value["int"] == 42 and value["neg"] == -7
    assert value["oct"] == 15 and value["hex"] == 31
    assert value["float"] == 2.5 and value["exp"] == 1000.0
    assert value["inf"] == -math.inf and math.isnan(value["nan"])
    assert value["null1"] is None and value["null2"] is None
    assert value["date"] == date(2026, 8, 2)
    assert value["time"] == "10:30"  # no sexagesimal numbers
    assert value["version"] == "1.2.0"
    assert value["quoted"] == "42" and value["tagged"] == "42"
    assert value["float_tag"] == 3.0 and isinstance(value["float_tag"], float)


def test_positions_of_values_and_keys() -> None:
    text = "title: A\nsections:\n  - id: one\n    questions: [x, y]\n"
    document = parse_yaml(text, "t")
    assert document.position(()) == (1, 1)
    assert document.position(("title",)) == (1, 8)
    assert document.key_position(("title",)) == (1, 1)
    assert document.position(("sections", 0)) == (3, 5)
    assert document.position(("sections", 0, "questions", 1)) == (4, 20)
    assert document.key_position(("sections", 0, "questions")) == (4, 5)
    # a path that does not exist falls back to its nearest ancestor
    assert document.position(("sections", 0, "missing", 3)) == (3, 5)


def test_integer_keys_are_kept_for_scale_labels() -> None:
    assert parse_yaml("labels: {1: Low, 2: High}\n", "t").value == {"labels": {1: "Low", 2: "High"}}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("~: 1\n", "a key must be text, got null (put it in quotes)"),
        ("1.5: x\n", "a key must be text, got 1.5 (put it in quotes)"),
        ("2026-01-01: x\n", "a key must be text, got 2026-01-01 (put it in quotes)"),
        ("a: !custom 3\n", "the YAML tag '!custom' is not allowed in a form"),
        ("a: !!set {x}\n", "the YAML tag '!!set' is not allowed in a form"),
        ("a: &anchor 1\n", "anchors and aliases (& and *) are not allowed in a form"),
        ("a: 2026-13-01\n", "'2026-13-01' is not a valid date"),
        ("{a: 1, a: 2}\n", "duplicate key 'a' (first given on line 1)"),
    ],
)
def test_refused(text: str, reason: str) -> None:
    with pytest.raises(FormLoadError) as caught:
        parse_yaml(text, "t")
    assert caught.value.reason == reason


def test_depth_limit_is_configurable() -> None:
    parse_yaml("a: [[[1]]]\n", "t", max_depth=4)
    with pytest.raises(FormLoadError, match="nested more than 3 levels"):
        parse_yaml("a: [[[1]]]\n", "t", max_depth=3)


def test_an_empty_document_has_no_value() -> None:
    assert parse_yaml("# only a comment\n", "t").value is None
    assert parse_yaml("", "t").value is None
