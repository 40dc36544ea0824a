"""The committed JSON Schema is exactly what the models generate."""

from __future__ import annotations

import functools
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from dpia_desk.paths import forms_dir
from dpia_desk.questionnaire.schema import (
    REGENERATE_COMMAND,
    SCHEMA_FILE_NAME,
    form_json_schema,
    form_json_schema_text,
)
from dpia_desk.questionnaire.yaml_source import parse_yaml
from tests.questionnaire.helpers import BROKEN_DIR, SAMPLE_FORM


def test_committed_schema_is_up_to_date() -> None:
    committed = forms_dir() / SCHEMA_FILE_NAME
    assert committed.is_file(), f"forms/{SCHEMA_FILE_NAME} is missing; run: {REGENERATE_COMMAND}"
    assert committed.read_text(encoding="utf-8") == form_json_schema_text(), (
        f"forms/{SCHEMA_FILE_NAME} is out of date with the form model; run: {REGENERATE_COMMAND}"
    )


def test_schema_describes_the_format_for_editors() -> None:
    schema = form_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {
        "schema_version",
        "id",
        "version",
        "status",
        "title",
        "source",
        "sections",
    }
    questions = schema["$defs"]["Section"]["properties"]["questions"]["items"]
    assert questions["discriminator"]["propertyName"] == "type"
    assert len(questions["oneOf"]) == 10
    number = schema["$defs"]["NumberQuestion"]
    assert number["additionalProperties"] is False
    assert {"unit", "min", "max", "integer"} <= set(number["properties"])
    assert "unit" not in schema["$defs"]["TextQuestion"]["properties"]
    choice = schema["$defs"]["Choice"]["properties"]
    assert choice["score"]["anyOf"][0] == {"maximum": 100, "minimum": 0, "type": "number"}
    json.dumps(schema)  # plain JSON


def _as_an_editor_sees_it(value: object) -> object:
    """YAML 1.2 editors read 2026-01-01 as text; our reader makes it a date."""
    if isinstance(value, dict):
        return {str(key): _as_an_editor_sees_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_an_editor_sees_it(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads((forms_dir() / SCHEMA_FILE_NAME).read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


FORM_FILES = [*sorted(forms_dir().glob("*.yaml")), SAMPLE_FORM]


@pytest.mark.parametrize("path", FORM_FILES, ids=lambda path: path.stem)
def test_schema_accepts_every_form(path: Path) -> None:
    document = parse_yaml(path.read_bytes(), path.name).value
    errors = [error.message for error in _validator().iter_errors(_as_an_editor_sees_it(document))]
    assert errors == []


@pytest.mark.parametrize(
    "name",
    [
        "unknown_key.yaml",
        "unknown_type.yaml",
        "bad_severity.yaml",
        "score_out_of_range.yaml",
        "bad_id.yaml",
        "missing_key.yaml",
        "version_as_number.yaml",
        "newer_schema_version.yaml",
    ],
)
def test_schema_rejects_what_an_editor_can_catch(name: str) -> None:
    document = parse_yaml((BROKEN_DIR / name).read_bytes(), name).value
    assert not _validator().is_valid(_as_an_editor_sees_it(document))
