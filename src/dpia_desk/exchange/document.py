"""The dpia_desk assessment exchange format, version 1, as strict pydantic models.

One JSON document holds one assessment with everything it needs to live in another workspace:
the vendor, the AI system and the guided review it belongs to, the assessment with its frozen
form, answers and comments, evidence files (base64), section reviews, risks, actions, sign-offs
and a summary of the audit trail. docs/exchange-format.md is the prose twin of this module and
docs/exchange-format.schema.json its generated JSON Schema.

Strict means: unknown fields are refused, types are never coerced (``"3"`` is not ``3``,
``true`` is not ``1``), every text has a length limit, ids are canonical UUIDs, timestamps carry
their UTC offset and dates are ``YYYY-MM-DD``. Checks that need more than one field (references,
duplicates, attachment hashes, answers against the frozen form) are in
:mod:`dpia_desk.exchange.validation`.

The document's ``sha256`` is :func:`document_digest`: SHA-256 over the canonical JSON (keys
sorted, no spaces, UTF-8) of the whole document without ``sha256`` itself and without each
attachment's ``content_base64``; each attachment's own ``sha256`` (over its decoded bytes) is
inside the digest, so one changed byte anywhere is detected.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from dpia_desk.exchange import limits
from dpia_desk.store.audit import canonical_json

FORMAT = "dpia_desk.assessment"
FORMAT_VERSION = 1
#: What a file must start with to be taken for one of ours (checked before anything else).
FORMAT_TITLE = "dpia-desk assessment exchange"

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_MEDIA_TYPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*")
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


# --- field types --------------------------------------------------------------------------------


def _uuid(value: str) -> str:
    if not _UUID.fullmatch(value):
        raise ValueError("is not a UUID (8-4-4-4-12 lower-case hexadecimal digits)")
    return value


def _hex64(value: str) -> str:
    if not _HEX64.fullmatch(value):
        raise ValueError("is not a SHA-256 (64 lower-case hexadecimal digits)")
    return value


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _timestamp(value: object) -> object:
    if not isinstance(value, str):
        return value  # the strict datetime check refuses it with its own message
    if len(value) > 40:
        raise ValueError("is not a timestamp")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("is not an ISO 8601 timestamp") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValueError("has no UTC offset (write e.g. 2025-01-31T09:00:00+00:00)")
    return parsed.astimezone(UTC)


def _day(value: object) -> object:
    if not isinstance(value, str):
        return value
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError("is not a date YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError("is not a valid calendar date") from None


Id = Annotated[str, AfterValidator(_uuid), WithJsonSchema({"type": "string", "format": "uuid"})]
Sha256Hex = Annotated[
    str, AfterValidator(_hex64), WithJsonSchema({"type": "string", "pattern": "^[0-9a-f]{64}$"})
]
Timestamp = Annotated[
    datetime,
    BeforeValidator(_timestamp),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
Day = Annotated[date, BeforeValidator(_day), WithJsonSchema({"type": "string", "format": "date"})]
Rating = Annotated[int, Field(ge=1, le=4)]

# Texts: a length limit, no NUL; the "filled" ones must not be blank either.
_CLEAN = AfterValidator(_no_nul)
_FILLED = AfterValidator(_not_blank)
Name = Annotated[str, Field(max_length=limits.NAME), _CLEAN, _FILLED]
Title = Annotated[str, Field(max_length=limits.TITLE), _CLEAN, _FILLED]
Person = Annotated[str, Field(max_length=limits.PERSON), _CLEAN, _FILLED]
OptionalPerson = Annotated[str, Field(max_length=limits.PERSON), _CLEAN]
LongText = Annotated[str, Field(max_length=limits.LONG_TEXT), _CLEAN]
Comment = Annotated[str, Field(max_length=limits.COMMENT), _CLEAN]
Statement = Annotated[str, Field(max_length=limits.STATEMENT), _CLEAN]
RiskText = Annotated[str, Field(max_length=limits.RISK_TEXT), _CLEAN]
ListItem = Annotated[str, Field(max_length=limits.LIST_ITEM), _CLEAN]
Website = Annotated[str, Field(max_length=limits.WEBSITE), _CLEAN]
FormId = Annotated[str, Field(max_length=limits.FORM_ID), _CLEAN, _FILLED]
FormVersion = Annotated[str, Field(max_length=limits.FORM_VERSION), _CLEAN, _FILLED]
QuestionId = Annotated[str, Field(max_length=limits.QUESTION_ID), _CLEAN, _FILLED]
SectionId = Annotated[str, Field(max_length=limits.SECTION_ID), _CLEAN, _FILLED]
Filename = Annotated[str, Field(max_length=limits.FILENAME), _CLEAN, _FILLED]
FindingRef = Annotated[str, Field(max_length=limits.FINDING_REF), _CLEAN, _FILLED]
AuditWord = Annotated[str, Field(max_length=limits.AUDIT_WORD), _CLEAN, _FILLED]
AuditText = Annotated[str, Field(max_length=limits.PERSON), _CLEAN]
AuditField = Annotated[str, Field(max_length=limits.QUESTION_ID), _CLEAN]
EntityId = Annotated[str, Field(max_length=36), _CLEAN]
CountryCode = Annotated[str, Field(min_length=2, max_length=2), _CLEAN]


def _answer_value(value: Any) -> Any:
    """The JSON shapes a stored answer can take (the frozen form decides which one fits)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("must be text, a number, a list of texts or null, not true/false")
    if isinstance(value, str):
        if len(value) > limits.ANSWER_TEXT:
            raise ValueError(f"is longer than {limits.ANSWER_TEXT:,} characters")
        return _no_nul(value)
    if isinstance(value, int | float):
        # abs() first: math.isfinite would overflow on a 4,000-digit integer
        if abs(value) > limits.MAX_ANSWER_NUMBER or not math.isfinite(value):
            raise ValueError(
                f"is not a number between -{limits.MAX_ANSWER_NUMBER:,} and "
                f"{limits.MAX_ANSWER_NUMBER:,}"
            )
        return value
    if isinstance(value, list):
        if len(value) > limits.MAX_ANSWER_LIST_ITEMS:
            raise ValueError(f"has more than {limits.MAX_ANSWER_LIST_ITEMS:,} items")
        for item in value:
            if not isinstance(item, str):
                raise ValueError("a list answer must hold texts only")
            if len(item) > limits.LIST_ITEM:
                raise ValueError(f"a list item is longer than {limits.LIST_ITEM:,} characters")
            _no_nul(item)
        return value
    raise ValueError("must be text, a number, a list of texts or null")


AnswerValue = Annotated[
    Any,
    AfterValidator(_answer_value),
    WithJsonSchema(
        {
            "description": "The canonical stored value; the frozen form decides which fits.",
            "anyOf": [
                {"type": "string", "maxLength": limits.ANSWER_TEXT},
                {"type": "number"},
                {
                    "type": "array",
                    "items": {"type": "string", "maxLength": limits.LIST_ITEM},
                    "maxItems": limits.MAX_ANSWER_LIST_ITEMS,
                },
                {"type": "null"},
            ],
        }
    ),
]


def _vendor_entries(value: Any) -> Any:
    """Contacts and sub-processors: texts or flat objects of texts, numbers, booleans."""
    if not isinstance(value, list):
        raise ValueError("must be a list")
    if len(value) > limits.MAX_VENDOR_ENTRIES:
        raise ValueError(f"has more than {limits.MAX_VENDOR_ENTRIES:,} entries")
    for entry in value:
        if isinstance(entry, str):
            if len(entry) > limits.LIST_ITEM:
                raise ValueError(f"an entry is longer than {limits.LIST_ITEM:,} characters")
            _no_nul(entry)
        elif isinstance(entry, dict):
            if len(entry) > 50:
                raise ValueError("an entry has more than 50 fields")
            for key, item in entry.items():
                if len(key) > 100:
                    raise ValueError("a field name is longer than 100 characters")
                _no_nul(key)
                if isinstance(item, str):
                    if len(item) > limits.LIST_ITEM:
                        raise ValueError(
                            f"the field {key!r} is longer than {limits.LIST_ITEM:,} characters"
                        )
                    _no_nul(item)
                elif item is not None and not isinstance(item, int | float | bool):
                    raise ValueError(f"the field {key!r} must be text, a number or true/false")
        else:
            raise ValueError("each entry must be text or an object")
    return value


VendorEntries = Annotated[
    list[Any],
    AfterValidator(_vendor_entries),
    WithJsonSchema(
        {
            "type": "array",
            "maxItems": limits.MAX_VENDOR_ENTRIES,
            "items": {
                "anyOf": [
                    {"type": "string", "maxLength": limits.LIST_ITEM},
                    {
                        "type": "object",
                        "maxProperties": 50,
                        "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
                    },
                ]
            },
        }
    ),
]


def _media_type(value: str) -> str:
    if not _MEDIA_TYPE.fullmatch(value):
        raise ValueError("is not a media type such as application/pdf")
    return value


MediaType = Annotated[
    str,
    Field(max_length=limits.MEDIA_TYPE),
    AfterValidator(_media_type),
]


def _base64_text(value: str) -> str:
    if len(value) > limits.MAX_ATTACHMENT_BASE64:
        decoded = len(value) * 3 // 4
        raise ValueError(
            f"the attachment is about {decoded / 1_048_576:.1f} MB, above the limit of "
            f"{limits.MAX_ATTACHMENT_BYTES // 1_048_576} MB"
        )
    if len(value) % 4 or not _BASE64.fullmatch(value):
        raise ValueError("is not valid base64 (RFC 4648 alphabet, padded, no line breaks)")
    return value


Base64Text = Annotated[
    str,
    AfterValidator(_base64_text),
    WithJsonSchema(
        {
            "type": "string",
            "contentEncoding": "base64",
            "maxLength": limits.MAX_ATTACHMENT_BASE64,
        }
    ),
]
FormSnapshot = Annotated[
    dict[str, Any],
    WithJsonSchema(
        {
            "type": "object",
            "description": "The form exactly as answered (forms/form.schema.json), "
            "every default written out.",
        }
    ),
]

ContractStatus = Literal["none", "negotiating", "signed", "expired", "terminated"]
DpaStatus = Literal["not_started", "requested", "in_review", "signed", "not_required"]
ReviewStatus = Literal["in_progress", "completed", "cancelled"]
AssessmentStatus = Literal["draft", "in_review", "approved", "rejected"]
SectionRating = Literal["acceptable", "improvable", "to_be_corrected"]
ActionStatus = Literal["open", "in_progress", "done"]
SignOffRole = Literal["hr", "it", "dpo", "legal", "procurement"]
SignOffDecision = Literal["approve", "reject"]


# --- records ------------------------------------------------------------------------------------


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class AppInfo(_Record):
    """The program that wrote the file."""

    name: Literal["dpia_desk"]
    version: Annotated[str, Field(min_length=1, max_length=limits.APP_VERSION)]


class VendorRecord(_Record):
    """Every field of the vendor (the cached scoring figures are recomputed, not carried)."""

    id: Id
    name: Name
    country: CountryCode | None = Field(description="ISO 3166-1 alpha-2, upper case")
    website: Website | None
    contacts: VendorEntries
    contract_status: ContractStatus
    dpa_status: DpaStatus
    sub_processors: VendorEntries
    notes: LongText
    next_review_date: Day | None
    created_at: Timestamp
    updated_at: Timestamp


class AISystemRecord(_Record):
    id: Id
    name: Name
    description: LongText
    intended_purpose: LongText
    created_at: Timestamp
    updated_at: Timestamp


class ReviewRecord(_Record):
    """The guided review the assessment is a step of."""

    id: Id
    ai_system_id: Id | None
    title: Title
    status: ReviewStatus
    started_at: Timestamp
    created_at: Timestamp
    updated_at: Timestamp


class AssessmentRecord(_Record):
    id: Id
    vendor_id: Id
    ai_system_id: Id | None
    review_id: Id | None
    previous_version_id: Id | None
    form_id: FormId
    form_version: FormVersion
    form_snapshot: FormSnapshot
    status: AssessmentStatus
    version: Annotated[int, Field(ge=1, le=1_000_000)]
    review_date: Day | None
    created_at: Timestamp
    updated_at: Timestamp


class AnswerRecord(_Record):
    """One question's stored value (``null`` when only a comment was written) and comment."""

    id: Id
    question_id: QuestionId
    value: AnswerValue
    comment: Comment
    answered_by: Person
    answered_at: Timestamp


class EvidenceRecord(_Record):
    """An attached file, its bytes in ``content_base64``."""

    id: Id
    question_id: QuestionId | None
    filename: Filename
    media_type: MediaType
    size: Annotated[int, Field(ge=1, le=limits.MAX_ATTACHMENT_BYTES)]
    sha256: Sha256Hex
    expires_on: Day | None
    added_by: Person
    added_at: Timestamp
    content_base64: Base64Text


class SectionReviewRecord(_Record):
    id: Id
    section_id: SectionId
    rating: SectionRating
    comment: Statement
    reviewer: Person
    at: Timestamp


class RiskRecord(_Record):
    id: Id
    title: Title
    feared_event: RiskText
    sources: Annotated[list[ListItem], Field(max_length=limits.MAX_LIST_ITEMS)]
    impacts: Annotated[list[ListItem], Field(max_length=limits.MAX_LIST_ITEMS)]
    severity: Rating
    likelihood: Rating
    residual_severity: Rating | None
    residual_likelihood: Rating | None
    measures: RiskText
    created_at: Timestamp
    updated_at: Timestamp


class ActionRecord(_Record):
    id: Id
    risk_id: Id | None
    finding_ref: FindingRef | None
    title: Title
    owner: OptionalPerson
    due_date: Day | None
    status: ActionStatus
    created_at: Timestamp
    updated_at: Timestamp


class SignOffRecord(_Record):
    id: Id
    role: SignOffRole
    name: Name
    decision: SignOffDecision
    statement: Statement
    signed_at: Timestamp


class AuditEventSummary(_Record):
    """One event of the source workspace's trail about this assessment, without its values."""

    seq: Annotated[int, Field(ge=1, le=2**63 - 1)]
    at: Timestamp
    actor: AuditText
    action: AuditWord
    entity: AuditWord
    entity_id: EntityId | None
    field: AuditField | None
    hash: Sha256Hex


class AuditSummary(_Record):
    """What the source workspace's audit trail said at export time (kept for the record; a
    hash chain belongs to one workspace, so these events are not replayed on import)."""

    workspace_events: Annotated[int, Field(ge=0, le=2**63 - 1)]
    chain_ok: bool
    events: Annotated[list[AuditEventSummary], Field(max_length=limits.MAX_AUDIT_EVENTS)]


class ExchangeDocument(_Record):
    """One full assessment, as written by ``export_assessment``."""

    format: Literal["dpia_desk.assessment"]
    format_version: Literal[1]
    title: Literal["dpia-desk assessment exchange"]
    app: AppInfo
    exported_at: Timestamp
    exported_by: Person
    vendor: VendorRecord
    ai_system: AISystemRecord | None
    review: ReviewRecord | None
    assessment: AssessmentRecord
    answers: Annotated[list[AnswerRecord], Field(max_length=limits.MAX_ANSWERS)]
    evidence: Annotated[list[EvidenceRecord], Field(max_length=limits.MAX_EVIDENCE)]
    section_reviews: Annotated[
        list[SectionReviewRecord], Field(max_length=limits.MAX_SECTION_REVIEWS)
    ]
    risks: Annotated[list[RiskRecord], Field(max_length=limits.MAX_RISKS)]
    actions: Annotated[list[ActionRecord], Field(max_length=limits.MAX_ACTIONS)]
    sign_offs: Annotated[list[SignOffRecord], Field(max_length=limits.MAX_SIGN_OFFS)]
    audit: AuditSummary
    sha256: Sha256Hex = Field(
        description="document_digest(): SHA-256 of the canonical JSON of this document "
        "without `sha256` and without each evidence's `content_base64`."
    )


# --- the digest ---------------------------------------------------------------------------------


def digest_body(document: Mapping[str, Any]) -> dict[str, Any]:
    """What the digest covers: the document without ``sha256`` and the attachments' base64.

    Defensive about shapes, since it runs before the document's structure is validated.
    """
    body = {key: value for key, value in document.items() if key != "sha256"}
    evidence = body.get("evidence")
    if isinstance(evidence, list):
        body["evidence"] = [
            {k: v for k, v in item.items() if k != "content_base64"}
            if isinstance(item, dict)
            else item
            for item in evidence
        ]
    return body


def document_digest(document: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(digest_body(document))).hexdigest()
