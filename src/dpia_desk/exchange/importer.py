"""Importing a dpia_desk exchange file: the same assessment, with the same ids, in this workspace.

Rules (docs/exchange-format.md says them for users):

* Into a workspace without the assessment, the import is lossless: the same ids, answers,
  comments, who and when, evidence bytes, section reviews, risks, actions, sign-offs and status.
* The vendor (same id) already here: the assessment is attached to it, and the vendor's details
  in this workspace are kept as they are. The same holds for the AI system and the guided review,
  which must then belong to that vendor. ``vendor_id`` attaches the assessment to another vendor
  of this workspace instead of the file's.
* The assessment (same id) already here: refused (``mode="refuse"``, the default). With
  ``mode="new_version"`` it becomes the next version of that assessment, as "reopen" would make
  it: fresh ids, ``version`` one above the newest, linked to it, status draft, and without the
  file's sign-offs (they approved another version). That is allowed only when the newest version
  is approved or rejected, so two open drafts of one assessment never exist.
* ``previous_version_id`` naming an assessment this workspace does not hold is dropped (said in
  the report).
* The source's audit trail is not replayed (a hash chain belongs to one workspace): one "import"
  event records the file's SHA-256, where it came from and what it held; vendors, AI systems and
  reviews created by the import get their own "import" event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dpia_desk.exchange.errors import AssessmentExistsError, ImportRefusedError
from dpia_desk.exchange.jsonfile import LoadedJson, read_json_file
from dpia_desk.exchange.report import ImportReport
from dpia_desk.exchange.transaction import ImportTarget, run_import
from dpia_desk.exchange.validation import ValidatedExchange, place, validate_exchange
from dpia_desk.services.assessments import LOCKED_STATUSES
from dpia_desk.services.summary import refresh_vendor_summary
from dpia_desk.store import record_event
from dpia_desk.store.models import (
    Action,
    AISystem,
    Answer,
    Assessment,
    AssessmentStatus,
    Evidence,
    Review,
    Risk,
    SectionReview,
    SignOff,
    Vendor,
)
from dpia_desk.store.vendors import vendor_fields

ImportMode = Literal["refuse", "new_version"]
IMPORT_MODES: tuple[ImportMode, ...] = ("refuse", "new_version")
_CHUNK = 400  # ids per IN (...) query, under SQLite's bound-parameter limit


@dataclass
class ExchangePlan:
    """Where each record of the file goes in this workspace."""

    vendor_id: str
    create_vendor: bool
    ai_system_id: str | None
    create_ai_system: bool
    review_id: str | None
    create_review: bool
    previous_version_id: str | None
    version: int
    status: str
    keep_sign_offs: bool
    #: file id -> id written (the same unless the import is a new version)
    ids: dict[str, str]
    notes: list[str] = field(default_factory=list)


def import_assessment(
    target: ImportTarget,
    path: Path | str,
    *,
    actor: str,
    mode: ImportMode = "refuse",
    vendor_id: str | None = None,
) -> ImportReport:
    """Validate the exchange file at ``path`` completely, then import it (see the module doc).

    Raises :class:`ImportRefusedError` (one message naming the place) with the workspace
    unchanged.
    """
    return import_exchange_data(
        target, read_json_file(path), actor=actor, mode=mode, vendor_id=vendor_id
    )


def import_exchange_data(
    target: ImportTarget,
    loaded: LoadedJson,
    *,
    actor: str,
    mode: ImportMode = "refuse",
    vendor_id: str | None = None,
) -> ImportReport:
    if mode not in IMPORT_MODES:
        raise ValueError(f"unknown import mode {mode!r}")
    validated = validate_exchange(loaded)

    def plan(session: Session) -> ExchangePlan:
        return plan_exchange_import(session, validated, mode=mode, vendor_id=vendor_id)

    def write(session: Session, decided: ExchangePlan) -> ImportReport:
        return write_exchange_import(session, validated, decided, actor=actor)

    report, backup = run_import(target, plan, write)
    return ImportReport(
        format=report.format,
        assessment_id=report.assessment_id,
        vendor_id=report.vendor_id,
        source=report.source,
        file_sha256=report.file_sha256,
        backup=backup,
        mapped=report.mapped,
        unmapped=report.unmapped,
    )


# --- deciding -----------------------------------------------------------------------------------


def _existing_ids(session: Session, column: Any, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return found


def _newest_version(session: Session, assessment: Assessment) -> Assessment:
    newest = assessment
    seen = {newest.id}
    while True:
        newer = session.scalars(
            select(Assessment).where(Assessment.previous_version_id == newest.id)
        ).first()
        if newer is None or newer.id in seen:
            return newest
        seen.add(newer.id)
        newest = newer


def plan_exchange_import(
    session: Session,
    validated: ValidatedExchange,
    *,
    mode: ImportMode,
    vendor_id: str | None,
) -> ExchangePlan:
    """Check the file against this workspace and decide where everything goes (no writes)."""
    document = validated.document
    source = validated.source
    record = document.assessment
    notes: list[str] = []
    existing = session.get(Assessment, record.id)
    if existing is not None and mode == "refuse":
        raise AssessmentExistsError(
            source,
            record.id,
            f"version {existing.version} of form '{existing.form_id}', {existing.status}",
        )

    if existing is not None:
        newest = _newest_version(session, existing)
        if newest.status not in LOCKED_STATUSES:
            raise ImportRefusedError(
                source,
                "assessment.id",
                f"assessment {record.id} is already here and its newest version "
                f"({newest.version}, {newest.id}) is still {newest.status}; a new version is "
                "only added after an approval or a rejection",
                hint="Finish or reject that version first, or import into another workspace.",
            )
        if vendor_id is not None and vendor_id != newest.vendor_id:
            raise ImportRefusedError(
                source, None, "a new version stays with the vendor of the versions before it"
            )
        ids = {old: str(uuid.uuid4()) for old in _child_ids(validated)}
        ids[record.id] = str(uuid.uuid4())
        notes.append(
            f"imported as version {newest.version + 1} of assessment {newest.id}, as a draft "
            "with new ids"
        )
        if document.sign_offs:
            notes.append(
                f"{len(document.sign_offs)} sign-off(s) not carried: they approved another "
                "version; the new version needs its own"
            )
        return ExchangePlan(
            vendor_id=newest.vendor_id,
            create_vendor=False,
            ai_system_id=newest.ai_system_id,
            create_ai_system=False,
            review_id=newest.review_id,
            create_review=False,
            previous_version_id=newest.id,
            version=newest.version + 1,
            status=AssessmentStatus.DRAFT.value,
            keep_sign_offs=False,
            ids=ids,
            notes=notes,
        )

    ids = {old: old for old in _child_ids(validated)}
    ids[record.id] = record.id
    _refuse_taken_ids(session, validated)

    # The vendor: the one named, the file's own if already here, or the file's, created.
    create_vendor = False
    if vendor_id is not None:
        if session.get(Vendor, vendor_id) is None:
            raise ImportRefusedError(
                source, None, f"there is no vendor with id {vendor_id} in this workspace"
            )
        target_vendor = vendor_id
        if vendor_id != document.vendor.id:
            notes.append(
                f"attached to vendor {vendor_id} as asked; the file's vendor "
                f"'{document.vendor.name}' ({document.vendor.id}) was not imported"
            )
    else:
        target_vendor = document.vendor.id
        create_vendor = session.get(Vendor, target_vendor) is None
        if not create_vendor:
            notes.append(
                "the vendor is already in this workspace: the assessment was attached to it "
                "and its details here were kept as they are"
            )

    ai_system_id: str | None = None
    create_ai_system = False
    if document.ai_system is not None:
        ai_system_id = document.ai_system.id
        system = session.get(AISystem, ai_system_id)
        if system is None:
            create_ai_system = True
        elif system.vendor_id != target_vendor:
            raise ImportRefusedError(
                source,
                "ai_system.id",
                "this AI system is already in this workspace under another vendor",
            )
        else:
            notes.append("the AI system is already in this workspace: attached to it")

    review_id: str | None = None
    create_review = False
    if document.review is not None:
        review_id = document.review.id
        review = session.get(Review, review_id)
        if review is None:
            create_review = True
        elif review.vendor_id != target_vendor:
            raise ImportRefusedError(
                source, "review.id", "this review is already in this workspace under another vendor"
            )

    previous = record.previous_version_id
    if previous is not None and session.get(Assessment, previous) is None:
        notes.append(
            f"the previous version {previous} is not in this workspace: the link to it was left out"
        )
        previous = None

    return ExchangePlan(
        vendor_id=target_vendor,
        create_vendor=create_vendor,
        ai_system_id=ai_system_id,
        create_ai_system=create_ai_system,
        review_id=review_id,
        create_review=create_review,
        previous_version_id=previous,
        version=record.version,
        status=record.status,
        keep_sign_offs=True,
        ids=ids,
        notes=notes,
    )


def _child_ids(validated: ValidatedExchange) -> list[str]:
    document = validated.document
    records: list[Any] = [
        *document.answers,
        *document.evidence,
        *document.section_reviews,
        *document.risks,
        *document.actions,
        *document.sign_offs,
    ]
    return [record.id for record in records]


def _refuse_taken_ids(session: Session, validated: ValidatedExchange) -> None:
    document = validated.document
    tables: list[tuple[str, Any, list[Any]]] = [
        ("answers", Answer.id, list(document.answers)),
        ("evidence", Evidence.id, list(document.evidence)),
        ("section_reviews", SectionReview.id, list(document.section_reviews)),
        ("risks", Risk.id, list(document.risks)),
        ("actions", Action.id, list(document.actions)),
        ("sign_offs", SignOff.id, list(document.sign_offs)),
    ]
    for name, column, records in tables:
        taken = _existing_ids(session, column, [record.id for record in records])
        for index, record in enumerate(records):
            if record.id in taken:
                raise ImportRefusedError(
                    validated.source,
                    place(name, index, "id"),
                    "a record with this id is already in this workspace (under another assessment)",
                )


# --- writing ------------------------------------------------------------------------------------


def write_exchange_import(
    session: Session, validated: ValidatedExchange, plan: ExchangePlan, *, actor: str
) -> ImportReport:
    document = validated.document
    record = document.assessment
    ids = plan.ids
    mapped: list[str] = []
    created_vendor: Vendor | None = None

    if plan.create_vendor:
        vendor = document.vendor
        created_vendor = Vendor(
            id=vendor.id,
            name=validated.vendor_values["name"],
            country=validated.vendor_values["country"],
            website=validated.vendor_values["website"],
            contacts=list(vendor.contacts),
            contract_status=vendor.contract_status,
            dpa_status=vendor.dpa_status,
            sub_processors=list(vendor.sub_processors),
            notes=vendor.notes,
            next_review_date=vendor.next_review_date,
            created_at=vendor.created_at,
            updated_at=vendor.updated_at,
        )
        session.add(created_vendor)
        session.flush()
        record_event(
            session, actor, "import", "vendor", vendor.id, None, None, vendor_fields(created_vendor)
        )
        mapped.append(f"vendor '{vendor.name}' (created)")
    else:
        mapped.append(f"vendor {plan.vendor_id} (already here, attached)")

    if plan.create_ai_system and document.ai_system is not None:
        system = document.ai_system
        session.add(
            AISystem(
                id=system.id,
                vendor_id=plan.vendor_id,
                name=system.name,
                description=system.description,
                intended_purpose=system.intended_purpose,
                created_at=system.created_at,
                updated_at=system.updated_at,
            )
        )
        session.flush()
        record_event(
            session, actor, "import", "ai_system", system.id, None, None,
            {"vendor_id": plan.vendor_id, "name": system.name},
        )  # fmt: skip
        mapped.append(f"AI system '{system.name}' (created)")

    if plan.create_review and document.review is not None:
        review = document.review
        session.add(
            Review(
                id=review.id,
                vendor_id=plan.vendor_id,
                ai_system_id=review.ai_system_id,
                title=review.title,
                status=review.status,
                started_at=review.started_at,
                created_at=review.created_at,
                updated_at=review.updated_at,
            )
        )
        session.flush()
        record_event(
            session, actor, "import", "review", review.id, None, None,
            {"vendor_id": plan.vendor_id, "title": review.title},
        )  # fmt: skip
        mapped.append(f"guided review '{review.title}' (created)")

    assessment_id = ids[record.id]
    session.add(
        Assessment(
            id=assessment_id,
            review_id=plan.review_id,
            vendor_id=plan.vendor_id,
            # a vendor-wide step of a review about a system stays vendor-wide
            ai_system_id=plan.ai_system_id if record.ai_system_id is not None else None,
            form_id=record.form_id,
            form_version=record.form_version,
            form_snapshot=dict(record.form_snapshot),
            status=plan.status,
            version=plan.version,
            previous_version_id=plan.previous_version_id,
            review_date=record.review_date,
            created_at=record.created_at,
            updated_at=record.updated_at,
        )
    )
    session.flush()

    for answer in document.answers:
        session.add(
            Answer(
                id=ids[answer.id],
                assessment_id=assessment_id,
                question_id=answer.question_id,
                value=validated.answer_values[answer.id],
                comment=answer.comment,
                answered_by=answer.answered_by,
                answered_at=answer.answered_at,
            )
        )
    for evidence in document.evidence:
        session.add(
            Evidence(
                id=ids[evidence.id],
                assessment_id=assessment_id,
                question_id=evidence.question_id,
                filename=evidence.filename,
                media_type=evidence.media_type,
                size=evidence.size,
                sha256=evidence.sha256,
                content=validated.attachments[evidence.id],
                expires_on=evidence.expires_on,
                added_by=evidence.added_by,
                added_at=evidence.added_at,
            )
        )
    for section_review in document.section_reviews:
        session.add(
            SectionReview(
                id=ids[section_review.id],
                assessment_id=assessment_id,
                section_id=section_review.section_id,
                rating=section_review.rating,
                comment=section_review.comment,
                reviewer=section_review.reviewer,
                at=section_review.at,
            )
        )
    for risk in document.risks:
        session.add(
            Risk(
                id=ids[risk.id],
                assessment_id=assessment_id,
                title=risk.title,
                feared_event=risk.feared_event,
                sources=list(risk.sources),
                impacts=list(risk.impacts),
                severity=risk.severity,
                likelihood=risk.likelihood,
                residual_severity=risk.residual_severity,
                residual_likelihood=risk.residual_likelihood,
                measures=risk.measures,
                created_at=risk.created_at,
                updated_at=risk.updated_at,
            )
        )
    session.flush()  # risks first: actions point to them
    for action in document.actions:
        session.add(
            Action(
                id=ids[action.id],
                assessment_id=assessment_id,
                risk_id=ids[action.risk_id] if action.risk_id is not None else None,
                finding_ref=action.finding_ref,
                title=action.title,
                owner=action.owner,
                due_date=action.due_date,
                status=action.status,
                created_at=action.created_at,
                updated_at=action.updated_at,
            )
        )
    if plan.keep_sign_offs:
        for signoff in document.sign_offs:
            session.add(
                SignOff(
                    id=ids[signoff.id],
                    assessment_id=assessment_id,
                    role=signoff.role,
                    name=signoff.name,
                    decision=signoff.decision,
                    statement=signoff.statement,
                    signed_at=signoff.signed_at,
                )
            )
    session.flush()

    counts = {
        "answers": len(document.answers),
        "evidence": len(document.evidence),
        "section_reviews": len(document.section_reviews),
        "risks": len(document.risks),
        "actions": len(document.actions),
        "sign_offs": len(document.sign_offs) if plan.keep_sign_offs else 0,
    }
    record_event(
        session,
        actor,
        "import",
        "assessment",
        assessment_id,
        None,
        None,
        {
            "file_sha256": validated.file_sha256,
            "document_sha256": document.sha256,
            "format": document.format,
            "format_version": document.format_version,
            "source_assessment_id": record.id,
            "exported_at": document.exported_at,
            "exported_by": document.exported_by,
            "exported_with": f"{document.app.name} {document.app.version}",
            "source_audit_events": len(document.audit.events),
            "source_chain_ok": document.audit.chain_ok,
            "counts": counts,
        },
    )
    refresh_vendor_summary(session, plan.vendor_id)
    if created_vendor is not None:
        # The summary refresh is derived data; keep the vendor's own time stamp as exported.
        # (Flushed first: an assignment equal to the loaded value would not count as a change,
        # and the column's on-update default would stamp the refresh time instead.)
        session.flush()
        created_vendor.updated_at = document.vendor.updated_at
        session.flush()

    mapped.append(
        f"assessment {assessment_id}: form {record.form_id} {record.form_version}, version "
        f"{plan.version}, {plan.status}"
    )
    mapped.extend(f"{count} {name.replace('_', ' ')}" for name, count in counts.items() if count)
    unmapped = list(plan.notes)
    unmapped.append(
        f"audit trail: the source's {len(document.audit.events)} event(s) about this assessment "
        "are not replayed (a hash chain belongs to one workspace); one 'import' event records "
        "the file"
    )
    return ImportReport(
        format=document.format,
        assessment_id=assessment_id,
        vendor_id=plan.vendor_id,
        source=str(validated.source),
        file_sha256=validated.file_sha256,
        backup=None,
        mapped=mapped,
        unmapped=unmapped,
    )
