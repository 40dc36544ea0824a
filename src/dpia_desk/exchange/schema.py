"""The JSON Schema of the exchange format, generated from the models.

``docs/exchange-format.schema.json`` is this module's output, committed so that other tools can
check files without dpia_desk; a test fails when it is out of date. Regenerate it with::

    python -m dpia_desk.exchange.schema > docs/exchange-format.schema.json

The schema says what a single field may hold; what spans fields (ids unique, references that
resolve, answers that fit the frozen form, attachment hashes, the document's ``sha256``) only
the import checks (docs/exchange-format.md lists those rules).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from dpia_desk.exchange.document import FORMAT, FORMAT_VERSION, ExchangeDocument

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
REGENERATE_COMMAND = "python -m dpia_desk.exchange.schema > docs/exchange-format.schema.json"


def exchange_json_schema() -> dict[str, Any]:
    body = ExchangeDocument.model_json_schema(mode="validation")
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$comment": f"Generated from dpia_desk.exchange; do not edit. {REGENERATE_COMMAND}",
        "title": f"dpia-desk assessment exchange ({FORMAT}, format version {FORMAT_VERSION})",
    }
    schema.update({key: value for key, value in body.items() if key != "title"})
    return schema


def exchange_json_schema_text() -> str:
    """The schema as committed: stable key order, two-space indent, final newline."""
    return json.dumps(exchange_json_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    sys.stdout.write(exchange_json_schema_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
