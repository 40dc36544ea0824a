"""Exporting one assessment as a dpia_desk exchange file (format version 1).

The file is plain JSON and *not encrypted*: it holds the assessment and its attachments in
clear, like the Word and PDF exports, and is written ``0600`` for that reason. It is written
atomically (see :mod:`dpia_desk.atomic_write`) and validated against the same strict
model the import uses before a byte reaches the disk, so every file we write can be read back.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, undefer

from dpia_desk import APP_NAME, __version__
from dpia_desk.atomic_write import WriteFailure, write_chunks
from dpia_desk.exchange.document import (
    FORMAT,
    FORMAT_TITLE,
    FORMAT_VERSION,
    ExchangeDocument,
    document_digest,
)
from dpia_desk.exchange.errors import ExchangeError, ExportFailedError
from dpia_desk.exchange.validation import describe_error, place
from dpia_desk.services.assessments import form_of, get_assessment
from dpia_desk.store import current_actor, get_vendor, verify_chain
from dpia_desk.store.audit import to_jsonable
from dpia_desk.store.models import (
    Action,
    AISystem,
    Answer,
    AuditEvent,
    Evidence,
    Review,
    Risk,
    SectionReview,
    SignOff,
    utc_now,
)
from dpia_desk.store.vendors import vendor_fields

_WRITE_CHUNK = 1 << 20


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    document_sha256: str
    file_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "size": self.size,
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "document_sha256": self.document_sha256,
            "file_sha256": self.file_sha256,
        }


def export_assessment(
    session: Session, assessment_id: str, path: Path | str, *, actor: str | None = None
) -> ExportResult:
    """Write the assessment, with everything it needs, as one exchange file at ``path``.

    A read session is enough. Raises :class:`~dpia_desk.store.NotFoundError` for an unknown id
    and :class:`ExportFailedError` when the file cannot be written (no partial file is left, an
    existing file of that name is kept).
    """
    target = Path(path)
    document = build_document(session, assessment_id, exported_by=actor or current_actor())
    digest = hashlib.sha256()

    def chunks() -> Iterator[bytes]:
        for chunk in _encoded(document):
            digest.update(chunk)
            yield chunk

    # 0600: the file holds the assessment and its attachments in clear
    size = write_chunks(target.absolute(), chunks(), private=True, failure=_export_failed)
    return ExportResult(
        path=target.absolute(),
        size=size,
        document_sha256=str(document["sha256"]),
        file_sha256=digest.hexdigest(),
    )


#: How the exchange words a failed write (kind of :class:`WriteFailure` -> reason, hint).
_FAILURES = {
    "disk_full": ("the disk is full", "Free some space or choose another drive."),
    "quota": ("the disk quota is exceeded", "Free some space or choose another drive."),
    "read_only": ("the drive is read-only", "Choose a folder you can write to."),
    "permission": ("permission denied", "Choose a folder you can write to."),
    "missing_folder": ("the folder does not exist", "Choose an existing folder."),
    "is_folder": ("a folder of that name exists", "Choose a file name."),
}


def _export_failed(failure: WriteFailure) -> ExportFailedError:
    known = _FAILURES.get(failure.kind)
    if known is None:
        return ExportFailedError(failure.target, failure.reason)
    reason, hint = known
    return ExportFailedError(
        failure.target,
        reason,
        hint=f"{hint} Nothing was written; an existing file of that name was left unchanged.",
    )


def _encoded(document: dict[str, Any]) -> Iterator[bytes]:
    """The JSON text in chunks of about 1 MB (never the whole text twice in memory)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, allow_nan=False)
    buffer: list[str] = []
    pending = 0
    for piece in encoder.iterencode(document):
        buffer.append(piece)
        pending += len(piece)
        if pending >= _WRITE_CHUNK:
            yield "".join(buffer).encode("utf-8")
            buffer, pending = [], 0
    buffer.append("\n")
    yield "".join(buffer).encode("utf-8")


def build_document(session: Session, assessment_id: str, *, exported_by: str) -> dict[str, Any]:
    """The exchange document of one assessment, as JSON-ready data with its ``sha256``."""
    assessment = get_assessment(session, assessment_id)
    vendor = get_vendor(session, assessment.vendor_id)
    form = form_of(assessment)
    order = {question.id: index for index, question in enumerate(form.questions)}

    review = session.get(Review, assessment.review_id) if assessment.review_id else None
    # A vendor-wide step (intake, due diligence) of a review about one AI system carries that
    # system too, so the review can be rebuilt where the file is imported.
    system_id = assessment.ai_system_id or (review.ai_system_id if review is not None else None)
    system = session.get(AISystem, system_id) if system_id else None
    answers = sorted(
        session.scalars(select(Answer).where(Answer.assessment_id == assessment_id)),
        key=lambda answer: (order.get(answer.question_id, len(order)), answer.question_id),
    )
    evidence = session.scalars(
        select(Evidence)
        .where(Evidence.assessment_id == assessment_id)
        .options(undefer(Evidence.content))
        .order_by(Evidence.added_at, Evidence.id)
    ).all()
    section_reviews = session.scalars(
        select(SectionReview)
        .where(SectionReview.assessment_id == assessment_id)
        .order_by(SectionReview.at, SectionReview.id)
    ).all()
    risks = session.scalars(
        select(Risk).where(Risk.assessment_id == assessment_id).order_by(Risk.created_at, Risk.id)
    ).all()
    actions = session.scalars(
        select(Action)
        .where(Action.assessment_id == assessment_id)
        .order_by(Action.created_at, Action.id)
    ).all()
    sign_offs = session.scalars(
        select(SignOff)
        .where(SignOff.assessment_id == assessment_id)
        .order_by(SignOff.signed_at, SignOff.id)
    ).all()

    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "title": FORMAT_TITLE,
        "app": {"name": APP_NAME, "version": __version__},
        "exported_at": to_jsonable(utc_now()),
        "exported_by": exported_by,
        "vendor": {
            "id": vendor.id,
            **vendor_fields(vendor),
            "created_at": to_jsonable(vendor.created_at),
            "updated_at": to_jsonable(vendor.updated_at),
        },
        "ai_system": None
        if system is None
        else {
            "id": system.id,
            "name": system.name,
            "description": system.description,
            "intended_purpose": system.intended_purpose,
            "created_at": to_jsonable(system.created_at),
            "updated_at": to_jsonable(system.updated_at),
        },
        "review": None
        if review is None
        else {
            "id": review.id,
            "ai_system_id": review.ai_system_id,
            "title": review.title,
            "status": review.status,
            "started_at": to_jsonable(review.started_at),
            "created_at": to_jsonable(review.created_at),
            "updated_at": to_jsonable(review.updated_at),
        },
        "assessment": {
            "id": assessment.id,
            "vendor_id": assessment.vendor_id,
            "ai_system_id": assessment.ai_system_id,
            "review_id": assessment.review_id,
            "previous_version_id": assessment.previous_version_id,
            "form_id": assessment.form_id,
            "form_version": assessment.form_version,
            "form_snapshot": assessment.form_snapshot,
            "status": assessment.status,
            "version": assessment.version,
            "review_date": to_jsonable(assessment.review_date),
            "created_at": to_jsonable(assessment.created_at),
            "updated_at": to_jsonable(assessment.updated_at),
        },
        "answers": [
            {
                "id": answer.id,
                "question_id": answer.question_id,
                "value": answer.value,
                "comment": answer.comment,
                "answered_by": answer.answered_by,
                "answered_at": to_jsonable(answer.answered_at),
            }
            for answer in answers
        ],
        "evidence": [
            {
                "id": item.id,
                "question_id": item.question_id,
                "filename": item.filename,
                "media_type": item.media_type,
                "size": item.size,
                "sha256": item.sha256,
                "expires_on": to_jsonable(item.expires_on),
                "added_by": item.added_by,
                "added_at": to_jsonable(item.added_at),
                "content_base64": base64.b64encode(item.content).decode("ascii"),
            }
            for item in evidence
        ],
        "section_reviews": [
            {
                "id": item.id,
                "section_id": item.section_id,
                "rating": item.rating,
                "comment": item.comment,
                "reviewer": item.reviewer,
                "at": to_jsonable(item.at),
            }
            for item in section_reviews
        ],
        "risks": [
            {
                "id": risk.id,
                "title": risk.title,
                "feared_event": risk.feared_event,
                "sources": list(risk.sources),
                "impacts": list(risk.impacts),
                "severity": risk.severity,
                "likelihood": risk.likelihood,
                "residual_severity": risk.residual_severity,
                "residual_likelihood": risk.residual_likelihood,
                "measures": risk.measures,
                "created_at": to_jsonable(risk.created_at),
                "updated_at": to_jsonable(risk.updated_at),
            }
            for risk in risks
        ],
        "actions": [
            {
                "id": action.id,
                "risk_id": action.risk_id,
                "finding_ref": action.finding_ref,
                "title": action.title,
                "owner": action.owner,
                "due_date": to_jsonable(action.due_date),
                "status": action.status,
                "created_at": to_jsonable(action.created_at),
                "updated_at": to_jsonable(action.updated_at),
            }
            for action in actions
        ],
        "sign_offs": [
            {
                "id": signoff.id,
                "role": signoff.role,
                "name": signoff.name,
                "decision": signoff.decision,
                "statement": signoff.statement,
                "signed_at": to_jsonable(signoff.signed_at),
            }
            for signoff in sign_offs
        ],
        "audit": _audit_summary(
            session, assessment_id, [risk.id for risk in risks], [a.id for a in actions]
        ),
    }
    document["sha256"] = document_digest(document)
    _self_check(document)
    return document


def _audit_summary(
    session: Session, assessment_id: str, risk_ids: list[str], action_ids: list[str]
) -> dict[str, Any]:
    """Events about the assessment, its risks and its actions: who did what when, no values."""
    about = [(AuditEvent.entity == "assessment") & (AuditEvent.entity_id == assessment_id)]
    if risk_ids:
        about.append((AuditEvent.entity == "risk") & AuditEvent.entity_id.in_(risk_ids))
    if action_ids:
        about.append((AuditEvent.entity == "action") & AuditEvent.entity_id.in_(action_ids))
    rows = session.execute(
        select(
            AuditEvent.seq,
            AuditEvent.at,
            AuditEvent.actor,
            AuditEvent.action,
            AuditEvent.entity,
            AuditEvent.entity_id,
            AuditEvent.field,
            AuditEvent.hash,
        )
        .where(or_(*about))
        .order_by(AuditEvent.seq)
    )
    total = int(session.execute(select(func.count()).select_from(AuditEvent)).scalar_one())
    return {
        "workspace_events": total,
        "chain_ok": verify_chain(session).ok,
        "events": [
            {
                "seq": row.seq,
                "at": to_jsonable(row.at),
                "actor": row.actor,
                "action": row.action,
                "entity": row.entity,
                "entity_id": row.entity_id,
                "field": row.field,
                "hash": row.hash,
            }
            for row in rows
        ],
    }


def _self_check(document: dict[str, Any]) -> None:
    """Never write a file the import would refuse."""
    try:
        ExchangeDocument.model_validate(document, strict=True)
    except ValidationError as failure:
        first = failure.errors(include_url=False, include_input=False)[0]
        raise ExchangeError(
            f"The assessment cannot be exported: {place(*first['loc'])} "
            f"{describe_error(first)}, which the exchange format cannot carry.",
            hint="Shorten that field and export again. Nothing was written.",
        ) from None
