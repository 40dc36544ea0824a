"""The committed JSON Schema matches the models, accepts our exports, and the enumerations in the
format are the store's."""

from __future__ import annotations

import json
import typing
from collections.abc import Callable

import jsonschema
import pytest

from dpia_desk.exchange import build_document
from dpia_desk.exchange import document as format_module
from dpia_desk.exchange.schema import REGENERATE_COMMAND, exchange_json_schema_text
from dpia_desk.services.signoff import ROLES
from dpia_desk.store import Workspace, models
from tests.exchange.conftest import REPO_ROOT, build_full_assessment

SCHEMA_FILE = REPO_ROOT / "docs" / "exchange-format.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == exchange_json_schema_text(), (
        f"docs/exchange-format.schema.json is out of date; run: {REGENERATE_COMMAND}"
    )


def test_an_export_validates_against_the_committed_schema(
    make_workspace: Callable[[str], Workspace],
) -> None:
    full = build_full_assessment(make_workspace("source"))
    with full.workspace.read_session() as session:
        document = build_document(session, full.assessment_id, exported_by="t")
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    document["vendor"]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(document)


@pytest.mark.parametrize(
    ("alias", "enum"),
    [
        ("ContractStatus", models.ContractStatus),
        ("DpaStatus", models.DpaStatus),
        ("ReviewStatus", models.ReviewStatus),
        ("AssessmentStatus", models.AssessmentStatus),
        ("SectionRating", models.SectionRating),
        ("ActionStatus", models.ActionStatus),
        ("SignOffDecision", models.SignOffDecision),
    ],
)
def test_enumerations_follow_the_store(alias: str, enum: type) -> None:
    literal = getattr(format_module, alias)
    assert set(typing.get_args(literal)) == {member.value for member in enum}  # type: ignore[attr-defined]


def test_sign_off_roles_follow_the_service() -> None:
    assert set(typing.get_args(format_module.SignOffRole)) == set(ROLES)


def test_the_docs_describe_every_top_level_field() -> None:
    text = (REPO_ROOT / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    for field in format_module.ExchangeDocument.model_fields:
        assert f"`{field}`" in text, field
