"""Load a form from YAML (or from its frozen JSON copy), all or nothing.

Three layers can object, and each objection becomes a :class:`FormProblem` with a line and column:
YAML reading (:mod:`yaml_source`), the pydantic models (structure, types, ranges) and the
cross-field checks (:mod:`checks`). A form with any problem is rejected whole.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from dpia_desk.questionnaire import model as model_module
from dpia_desk.questionnaire.checks import check_form
from dpia_desk.questionnaire.conditions import CONDITION_TAGS
from dpia_desk.questionnaire.errors import DocPath, FormLoadError, FormProblem, format_doc_path
from dpia_desk.questionnaire.fields import describe_value
from dpia_desk.questionnaire.model import QUESTION_TYPES, Form
from dpia_desk.questionnaire.yaml_source import MAX_BYTES, YamlDocument, parse_yaml

SUPPORTED_SCHEMA_VERSION = 1

# Union member tags pydantic puts into error locations; they are not keys of the document.
_LOC_TAGS: frozenset[str] = frozenset(QUESTION_TYPES) | CONDITION_TAGS


def _known_keys() -> frozenset[str]:
    keys: set[str] = set()
    for value in vars(model_module).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            for name, info in value.model_fields.items():
                keys.add(info.alias or name)
    keys.update(
        (
            "and",
            "or",
            "not",
            "question",
            "equals",
            "any_of",
            "all_of",
            "none_of",
            "at_least",
            "at_most",
            "answered",
        )
    )
    return frozenset(keys)


_KNOWN_KEYS = _known_keys()


def load_form(path: Path | str) -> Form:
    """Load and check one form file; raises :class:`FormLoadError` naming file:line:column."""
    file = Path(path)
    name = display_name(file)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise FormLoadError(
                [
                    FormProblem(
                        name,
                        None,
                        None,
                        (),
                        f"the file is {size:,} bytes; a form may have at most {MAX_BYTES:,}",
                    )
                ]
            )
        data = file.read_bytes()
    except OSError as error:
        raise FormLoadError(
            [FormProblem(name, None, None, (), f"cannot read the file ({error.strerror})")]
        ) from None
    return load_form_text(data, name)


def load_form_text(text: str | bytes, source_name: str) -> Form:
    """Load and check a form from YAML text; ``source_name`` is used in messages."""
    document = parse_yaml(text, source_name)
    return _build(document.value, source_name, document)


def form_to_json(form: Form) -> dict[str, Any]:
    """The frozen copy an assessment keeps: plain JSON data, every default written out."""
    data: dict[str, Any] = form.model_dump(mode="json")
    return data


def form_from_json(data: Mapping[str, Any] | str | bytes, source_name: str = "frozen form") -> Form:
    """A form back from its frozen copy (a mapping or JSON text), checked like a YAML form."""
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except ValueError as error:
            raise FormLoadError(
                [FormProblem(source_name, None, None, (), f"not valid JSON ({error})")]
            ) from None
    return _build(data, source_name, None)


def display_name(file: Path) -> str:
    """Relative to the working folder when inside it (short, clickable), else as given."""
    try:
        return str(file.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(file)


def _build(raw: object, source: str, document: YamlDocument | None) -> Form:
    def problem(path: DocPath, reason: str, *, at_key: bool = False) -> FormProblem:
        if document is None:
            return FormProblem(source, None, None, path, reason)
        line, column = document.key_position(path) if at_key else document.position(path)
        return FormProblem(source, line, column, path, reason)

    if raw is None:
        raise FormLoadError(
            [
                problem(
                    (),
                    "the file is empty; a form is a YAML mapping that "
                    "starts with schema_version: 1",
                )
            ]
        )
    if not isinstance(raw, dict):
        raise FormLoadError(
            [
                problem(
                    (),
                    f"a form is a mapping of keys (schema_version, id, "
                    f"sections...), not {describe_value(raw)}",
                )
            ]
        )
    version = raw.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > 1:
        raise FormLoadError(
            [
                problem(
                    ("schema_version",),
                    f"this form uses schema version {version}; this dpia_desk "
                    f"reads version {SUPPORTED_SCHEMA_VERSION}. Update "
                    "dpia_desk to open it",
                )
            ]
        )
    try:
        form = Form.model_validate(raw)
    except ValidationError as error:
        raise FormLoadError(_validation_problems(error, raw, problem)) from None

    def locate(path: DocPath) -> str:
        if document is None:
            return format_doc_path(path)
        return f"line {document.position(path)[0]}"

    found = check_form(form, locate)
    if found:
        raise FormLoadError([problem(item.path, item.reason) for item in found])
    return form


def _walk(raw: object, loc: tuple[str | int, ...]) -> tuple[DocPath, tuple[str | int, ...]]:
    """The document path a pydantic location points at, and the part that did not resolve."""
    path: list[str | int] = []
    node = raw
    for place, element in enumerate(loc):
        if isinstance(node, dict):
            if element in node:
                path.append(element)
                node = node[element]
                continue
            if element in _LOC_TAGS or element == "[key]":
                continue
            return tuple(path), loc[place:]
        if isinstance(node, list) and isinstance(element, int) and 0 <= element < len(node):
            path.append(element)
            node = node[element]
            continue
        if isinstance(element, str):
            continue  # a union branch label below a scalar ("int", "function-plain[...]")
        return tuple(path), loc[place:]
    return tuple(path), ()


def _node_at(raw: object, path: DocPath) -> object:
    node = raw
    for element in path:
        if isinstance(node, dict):
            node = node.get(element)
        elif isinstance(node, list) and isinstance(element, int):
            node = node[element]
    return node


def _validation_problems(error: ValidationError, raw: object, problem: Any) -> list[FormProblem]:
    results: list[FormProblem] = []
    seen: set[DocPath] = set()
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        kind = item["type"]
        path, rest = _walk(raw, loc)
        at_key = False
        if kind == "missing":
            reason = f"missing required key '{rest[0] if rest else loc[-1]}'"
        elif kind == "extra_forbidden":
            key = path[-1] if path else (rest[0] if rest else "?")
            reason = f"unknown key '{key}'"
            close = difflib.get_close_matches(str(key), _KNOWN_KEYS, n=1, cutoff=0.75)
            if close:
                reason += f" (did you mean '{close[0]}'?)"
            at_key = True
        elif kind == "union_tag_invalid":
            ctx = item.get("ctx", {})
            node = _node_at(raw, path)
            if isinstance(node, dict) and "type" in node:
                path = (*path, "type")
            reason = (
                f"unknown question type {describe_value(ctx.get('tag'))} (expected one of: "
                f"{', '.join(QUESTION_TYPES)})"
            )
        elif kind == "union_tag_not_found":
            reason = f"missing required key 'type' (one of: {', '.join(QUESTION_TYPES)})"
        elif kind == "model_type" or kind == "model_attributes_type" or kind == "dict_type":
            reason = f"expected a mapping (key: value), got {describe_value(item.get('input'))}"
        elif kind == "list_type":
            reason = f"expected a list, got {describe_value(item.get('input'))}"
        elif kind == "string_type":
            reason = f"expected text, got {describe_value(item.get('input'))}"
            if not isinstance(item.get("input"), dict | list):
                reason += " (put it in quotes)"
        elif kind in ("bool_type", "bool_parsing"):
            reason = f"expected true or false, got {describe_value(item.get('input'))}"
        elif kind in ("int_type", "int_parsing", "int_from_float"):
            reason = f"expected a whole number, got {describe_value(item.get('input'))}"
        elif kind.startswith("date_"):
            reason = f"expected a date YYYY-MM-DD, got {describe_value(item.get('input'))}"
        elif kind == "literal_error":
            expected = item.get("ctx", {}).get("expected", "")
            reason = f"{describe_value(item.get('input'))} is not allowed here; expected {expected}"
        elif kind == "too_short":
            reason = "must not be empty"
        elif kind in ("value_error", "assertion_error"):
            reason = (
                str(item["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
            )
        else:
            reason = f"{item['msg']} (got {describe_value(item.get('input'))})"
        # One problem per place: union branches can report the same bad value several times.
        if path in seen and kind not in ("missing", "extra_forbidden"):
            continue
        seen.add(path)
        results.append(problem(path, reason, at_key=at_key))
    return results
