"""The committed JSON Schema is exactly what the models generate."""

from __future__ import annotations

import json

from dpia_desk.paths import forms_dir
from dpia_desk.questionnaire.schema import (
    REGENERATE_COMMAND,
    SCHEMA_FILE_NAME,
    form_json_schema,
    form_json_schema_text,
)


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
