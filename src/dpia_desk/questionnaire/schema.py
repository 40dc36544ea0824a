"""The JSON Schema of the form format, generated from the models.

``forms/form.schema.json`` is this module's output, committed so that editors can check forms
while they are written; a test fails when it is out of date. Regenerate it with::

    python -m dpia_desk.questionnaire.schema > forms/form.schema.json
"""

from __future__ import annotations

import json
import sys
from typing import Any

from dpia_desk.questionnaire.model import Form

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE_NAME = "form.schema.json"
REGENERATE_COMMAND = "python -m dpia_desk.questionnaire.schema > forms/form.schema.json"


def form_json_schema() -> dict[str, Any]:
    """The schema of one form file (validation side: what an author may write)."""
    body = Form.model_json_schema(mode="validation")
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$comment": f"Generated from dpia_desk.questionnaire; do not edit. {REGENERATE_COMMAND}",
        "title": "dpia_desk form (schema version 1)",
    }
    schema.update({key: value for key, value in body.items() if key != "title"})
    return schema


def form_json_schema_text() -> str:
    """The schema as committed: stable key order, two-space indent, final newline."""
    return json.dumps(form_json_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    sys.stdout.write(form_json_schema_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
