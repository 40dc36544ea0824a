"""Everything an exchange file must satisfy, checked before a single row is written.

:func:`validate_exchange` turns a parsed file into a :class:`ValidatedExchange` (the strict model,
the frozen form rebuilt by the form engine, every answer normalised against that form, every
attachment decoded and its hash checked) or raises one :class:`ImportRefusedError` naming the
first place that is wrong, e.g. ``answers[12].value: 'maybe' is not a choice of this question``.

Order of the checks (so that the message is the most useful one):

1. the format marker and version (a newer version says "update dpia_desk", not "bad field");
2. the document's SHA-256 (a damaged or edited file says so, before its fields are picked at);
3. the strict model: unknown fields, types, lengths, UUIDs, timestamps, enumerations;
4. what spans fields: duplicate ids, references between records, the vendor's fields as the store
   accepts them, the frozen form, answers against it, attachment names, base64, sizes, hashes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from dpia_desk.exchange.document import (
    FORMAT,
    FORMAT_VERSION,
    ExchangeDocument,
    document_digest,
)
from dpia_desk.exchange.errors import ImportRefusedError
from dpia_desk.exchange.jsonfile import LoadedJson
from dpia_desk.questionnaire import Form, FormLoadError, form_from_json
from dpia_desk.questionnaire.errors import DocPath, format_doc_path
from dpia_desk.services.assessments import normalise_for, safe_filename
from dpia_desk.services.errors import AnswerRejectedError, UnknownQuestionError
from dpia_desk.store.errors import InvalidFieldError
from dpia_desk.store.vendors import normalize_country, normalize_name, normalize_website


@dataclass(frozen=True)
class ValidatedExchange:
    """A file that passed every check, with what the import writes."""

    source: Path
    file_sha256: str
    document: ExchangeDocument
    form: Form
    #: answer id -> the value as the form engine stores it
    answer_values: dict[str, Any]
    #: evidence id -> the decoded file
    attachments: dict[str, bytes]
    #: the vendor's name, country and website as the store keeps them
    vendor_values: dict[str, Any]


def place(*path: str | int) -> str:
    return format_doc_path(tuple(path))


def validate_exchange(loaded: LoadedJson) -> ValidatedExchange:
    source = loaded.source
    data = loaded.data
    check_marker(data, source)
    check_digest(data, source)
    document = parse_document(data, source)
    form = check_form(document, source)
    check_ids(document, source)
    check_references(document, form, source)
    vendor_values = check_vendor(document, source)
    answer_values = check_answers(document, form, source)
    attachments = check_attachments(document, source)
    return ValidatedExchange(
        source=source,
        file_sha256=loaded.sha256,
        document=document,
        form=form,
        answer_values=answer_values,
        attachments=attachments,
        vendor_values=vendor_values,
    )


# --- 1. marker and version ----------------------------------------------------------------------


def is_exchange_document(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def check_marker(data: object, source: Path) -> None:
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single {type(data).__name__} value"
        raise ImportRefusedError(
            source, None, f"it holds {kind}, not a dpia_desk assessment exchange document"
        )
    marker = data.get("format")
    if marker is None:
        raise ImportRefusedError(
            source, "format", "is missing: this is not a dpia_desk assessment exchange file"
        )
    if marker != FORMAT:
        shown = repr(marker) if isinstance(marker, str) and len(marker) <= 60 else "another value"
        raise ImportRefusedError(source, "format", f"is {shown}, not '{FORMAT}'")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportRefusedError(source, "format_version", f"must be the number {FORMAT_VERSION}")
    if version > FORMAT_VERSION:
        raise ImportRefusedError(
            source,
            "format_version",
            f"the file uses format version {version}, written by a newer dpia_desk; this "
            f"version reads format version {FORMAT_VERSION}",
            hint="Update dpia_desk to import it. Nothing was imported.",
        )
    if version < FORMAT_VERSION:
        raise ImportRefusedError(source, "format_version", f"{version} is not a known version")


# --- 2. the document's checksum -----------------------------------------------------------------


def check_digest(data: dict[str, Any], source: Path) -> None:
    recorded = data.get("sha256")
    if not isinstance(recorded, str):
        raise ImportRefusedError(source, "sha256", "is missing: the file cannot be verified")
    if document_digest(data) != recorded:
        raise ImportRefusedError(
            source,
            "sha256",
            "the document's checksum does not match its content, so the file is damaged or "
            "was changed after it was exported",
            hint="Export it again from its workspace. Nothing was imported.",
        )


# --- 3. the strict model ------------------------------------------------------------------------

_PLAIN_MESSAGES = {
    "extra_forbidden": "unknown field (not part of format version 1)",
    "missing": "is missing",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "list_type": "must be a list",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "datetime_type": "must be a timestamp text such as 2025-01-31T09:00:00+00:00",
    "date_type": "must be a date text YYYY-MM-DD",
}


def describe_error(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[kind]
    context = error.get("ctx") or {}
    if kind == "string_too_long":
        return f"is longer than {context.get('max_length', 0):,} characters"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_long":
        return f"has more than {context.get('max_length', 0):,} items"
    if kind == "greater_than_equal":
        return f"must be at least {context.get('ge')}"
    if kind == "less_than_equal":
        return f"must be at most {context.get('le')}"
    if kind == "literal_error":
        return f"must be {context.get('expected', 'one of the listed values')}"
    message = error["msg"]
    return message.removeprefix("Value error, ")


def parse_document(data: dict[str, Any], source: Path) -> ExchangeDocument:
    try:
        return ExchangeDocument.model_validate(data, strict=True)
    except ValidationError as failure:
        errors = failure.errors(include_url=False, include_input=False)
        first = errors[0]
        reason = describe_error(first)
        if len(errors) > 1:
            more = len(errors) - 1
            reason += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise ImportRefusedError(source, place(*first["loc"]), reason) from None


# --- 4. what spans fields -----------------------------------------------------------------------


def check_form(document: ExchangeDocument, source: Path) -> Form:
    assessment = document.assessment
    try:
        form = form_from_json(assessment.form_snapshot, "assessment.form_snapshot")
    except FormLoadError as error:
        problem = error.problems[0]
        inner: DocPath = problem.path
        where = place("assessment", "form_snapshot", *inner)
        raise ImportRefusedError(
            source, where, f"the frozen form is not valid: {problem.reason}"
        ) from None
    if form.id != assessment.form_id:
        raise ImportRefusedError(
            source,
            "assessment.form_id",
            f"is '{assessment.form_id}' but the frozen form is '{form.id}'",
        )
    if form.version != assessment.form_version:
        raise ImportRefusedError(
            source,
            "assessment.form_version",
            f"is '{assessment.form_version}' but the frozen form is version {form.version}",
        )
    return form


def _record_ids(document: ExchangeDocument) -> list[tuple[str, str]]:
    """Every id the file defines, with its place."""
    found: list[tuple[str, str]] = [(place("vendor", "id"), document.vendor.id)]
    if document.ai_system is not None:
        found.append((place("ai_system", "id"), document.ai_system.id))
    if document.review is not None:
        found.append((place("review", "id"), document.review.id))
    found.append((place("assessment", "id"), document.assessment.id))
    groups: list[tuple[str, list[Any]]] = [
        ("answers", list(document.answers)),
        ("evidence", list(document.evidence)),
        ("section_reviews", list(document.section_reviews)),
        ("risks", list(document.risks)),
        ("actions", list(document.actions)),
        ("sign_offs", list(document.sign_offs)),
    ]
    for name, records in groups:
        found.extend((place(name, index, "id"), record.id) for index, record in enumerate(records))
    return found


def check_ids(document: ExchangeDocument, source: Path) -> None:
    seen: dict[str, str] = {}
    for where, record_id in _record_ids(document):
        if record_id in seen:
            raise ImportRefusedError(
                source, where, f"the id {record_id} is used twice (also at {seen[record_id]})"
            )
        seen[record_id] = where


def check_references(document: ExchangeDocument, form: Form, source: Path) -> None:
    assessment = document.assessment
    if assessment.vendor_id != document.vendor.id:
        raise ImportRefusedError(
            source, "assessment.vendor_id", "does not match vendor.id in the same file"
        )
    system_id = document.ai_system.id if document.ai_system is not None else None
    review_system = document.review.ai_system_id if document.review is not None else None
    vendor_wide_step = assessment.ai_system_id is None and system_id == review_system
    if assessment.ai_system_id != system_id and not vendor_wide_step:
        raise ImportRefusedError(
            source,
            "assessment.ai_system_id",
            "does not match ai_system.id in the same file"
            if system_id is not None
            else "names an AI system but the file holds none",
        )
    review_id = document.review.id if document.review is not None else None
    if assessment.review_id != review_id:
        raise ImportRefusedError(
            source,
            "assessment.review_id",
            "does not match review.id in the same file"
            if review_id is not None
            else "names a review but the file holds none",
        )
    if (
        document.review is not None
        and document.review.ai_system_id is not None
        and document.review.ai_system_id != system_id
    ):
        raise ImportRefusedError(source, "review.ai_system_id", "is not the AI system of this file")
    if assessment.previous_version_id == assessment.id:
        raise ImportRefusedError(
            source, "assessment.previous_version_id", "an assessment cannot follow itself"
        )
    section_ids = {section.id for section in form.sections}
    for index, review in enumerate(document.section_reviews):
        if review.section_id not in section_ids:
            raise ImportRefusedError(
                source,
                place("section_reviews", index, "section_id"),
                f"the frozen form '{form.id}' has no section '{review.section_id}'",
            )
    for index, evidence in enumerate(document.evidence):
        if evidence.question_id is not None and form.find_question(evidence.question_id) is None:
            raise ImportRefusedError(
                source,
                place("evidence", index, "question_id"),
                f"the frozen form '{form.id}' has no question '{evidence.question_id}'",
            )
    risk_ids = {risk.id for risk in document.risks}
    for index, action in enumerate(document.actions):
        if action.risk_id is not None and action.risk_id not in risk_ids:
            raise ImportRefusedError(
                source,
                place("actions", index, "risk_id"),
                f"no risk with id {action.risk_id} in this file",
            )


def check_vendor(document: ExchangeDocument, source: Path) -> dict[str, Any]:
    """The vendor's fields as the store accepts them (same rules as typing them in)."""
    vendor = document.vendor
    field = "name"
    try:
        values: dict[str, Any] = {"name": normalize_name(vendor.name)}
        field = "country"
        values["country"] = normalize_country(vendor.country)
        field = "website"
        values["website"] = normalize_website(vendor.website)
    except InvalidFieldError as error:
        reason = error.message.removeprefix(f"{field}: ").rstrip(".")
        raise ImportRefusedError(source, place("vendor", field), reason) from None
    return values


def check_answers(document: ExchangeDocument, form: Form, source: Path) -> dict[str, Any]:
    values: dict[str, Any] = {}
    answered: dict[str, int] = {}
    for index, answer in enumerate(document.answers):
        if answer.question_id in answered:
            raise ImportRefusedError(
                source,
                place("answers", index, "question_id"),
                f"a second answer to '{answer.question_id}' (the first is "
                f"answers[{answered[answer.question_id]}])",
            )
        answered[answer.question_id] = index
        if form.find_question(answer.question_id) is None:
            raise ImportRefusedError(
                source,
                place("answers", index, "question_id"),
                f"the frozen form '{form.id}' has no question '{answer.question_id}'",
            )
        if answer.value is None:
            values[answer.id] = None
            continue
        try:
            values[answer.id] = normalise_for(form, answer.question_id, answer.value)
        except AnswerRejectedError as error:
            raise ImportRefusedError(
                source, place("answers", index, "value"), error.reason
            ) from None
        except (ArithmeticError, ValueError):  # the form engine choking on an extreme value
            raise ImportRefusedError(
                source, place("answers", index, "value"), "cannot be read for this question"
            ) from None
        except UnknownQuestionError as error:  # pragma: no cover (checked just above)
            raise ImportRefusedError(
                source, place("answers", index, "question_id"), error.message
            ) from None
    return values


def check_attachments(document: ExchangeDocument, source: Path) -> dict[str, bytes]:
    attachments: dict[str, bytes] = {}
    for index, evidence in enumerate(document.evidence):
        cleaned = safe_filename(evidence.filename)
        if cleaned != evidence.filename:
            # Refused, not neutralised: dpia_desk only ever stores names that safe_filename
            # leaves unchanged, so anything else was made or edited outside the app.
            raise ImportRefusedError(
                source,
                place("evidence", index, "filename"),
                f"{_shown(evidence.filename)} is not a plain file name (path parts, drive "
                f"letters or control characters; as a file name it would be "
                f"{_shown(cleaned)}), so the attachment is refused",
            )
        try:
            content = base64.b64decode(evidence.content_base64, validate=True)
        except (binascii.Error, ValueError):
            raise ImportRefusedError(
                source, place("evidence", index, "content_base64"), "is not valid base64"
            ) from None
        if len(content) != evidence.size:
            raise ImportRefusedError(
                source,
                place("evidence", index, "size"),
                f"says {evidence.size:,} bytes but the attachment holds {len(content):,}",
            )
        if hashlib.sha256(content).hexdigest() != evidence.sha256:
            raise ImportRefusedError(
                source,
                place("evidence", index, "sha256"),
                "does not match the attachment's content (damaged or altered)",
            )
        attachments[evidence.id] = content
    return attachments


def _shown(text: str) -> str:
    visible = text.encode("unicode_escape").decode("ascii")
    if len(visible) > 80:
        visible = visible[:77] + "..."
    return f"'{visible}'"
