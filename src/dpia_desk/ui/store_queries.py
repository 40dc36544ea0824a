"""Small reads and writes the desktop needs that ``dpia_desk.store`` does not offer (yet).

Built only on the store's public API (``record_event``, ``get_vendor``, the vendor validators)
and SQLAlchemy selects on its models, so every change is audited like the store's own. When the
store grows equivalents (AI system changes, a vendor detail query), these should move there; the
report to the lead lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dpia_desk.store import InvalidFieldError, NotFoundError, get_vendor, record_event
from dpia_desk.store.folding import fold_for_search
from dpia_desk.store.models import (
    Action,
    AISystem,
    Assessment,
    AuditEvent,
    Review,
    Risk,
    Vendor,
)
from dpia_desk.store.vendors import NAME_MAX

AI_SYSTEM_FIELDS = ("name", "description", "intended_purpose")


@dataclass(frozen=True, slots=True)
class AISystemRow:
    id: str
    name: str
    description: str
    intended_purpose: str


@dataclass(frozen=True, slots=True)
class AssessmentRow:
    id: str
    form_id: str
    form_version: str
    status: str
    version: int
    ai_system_name: str | None
    updated_at: datetime
    form_title: str


@dataclass(frozen=True, slots=True)
class VendorDetail:
    id: str
    name: str
    country: str | None
    website: str | None
    contract_status: str
    dpa_status: str
    notes: str
    next_review_date: date | None
    ai_act_tier: str | None
    dpia_verdict: str | None
    grade: str | None
    open_findings: int | None
    ai_systems: tuple[AISystemRow, ...]
    assessments: tuple[AssessmentRow, ...]
    #: Which of "tier", "verdict", "grade" come from unfinished forms.
    provisional: frozenset[str] = frozenset()


def vendor_detail(session: Session, vendor_id: str) -> VendorDetail:
    vendor = get_vendor(session, vendor_id)
    systems = tuple(
        AISystemRow(s.id, s.name, s.description, s.intended_purpose) for s in vendor.ai_systems
    )
    names = {system.id: system.name for system in systems}
    # Columns only: the frozen form (form_snapshot) can be large; its title comes out in SQL.
    title = func.json_extract(Assessment.form_snapshot, "$.title")
    assessments = tuple(
        AssessmentRow(
            row.id,
            row.form_id,
            row.form_version,
            row.status,
            row.version,
            names.get(row.ai_system_id or ""),
            row.updated_at,
            str(row.title) if row.title else row.form_id,
        )
        for row in session.execute(
            select(
                Assessment.id,
                Assessment.form_id,
                Assessment.form_version,
                Assessment.status,
                Assessment.version,
                Assessment.ai_system_id,
                Assessment.updated_at,
                title.label("title"),
            )
            .where(Assessment.vendor_id == vendor_id)
            .order_by(Assessment.updated_at.desc())
        )
    )
    return VendorDetail(
        id=vendor.id,
        name=vendor.name,
        country=vendor.country,
        website=vendor.website,
        contract_status=vendor.contract_status,
        dpa_status=vendor.dpa_status,
        notes=vendor.notes,
        next_review_date=vendor.next_review_date,
        ai_act_tier=vendor.ai_act_tier,
        dpia_verdict=vendor.dpia_verdict,
        grade=vendor.grade,
        open_findings=vendor.open_findings,
        ai_systems=systems,
        assessments=assessments,
        provisional=frozenset(filter(None, vendor.provisional.split(","))),
    )


def _normalize_system_field(field: str, value: Any) -> str:
    if field not in AI_SYSTEM_FIELDS:
        raise InvalidFieldError(field, "not an AI system field")
    text = "" if value is None else str(value)
    if field == "name":
        text = " ".join(text.split())
        if not text:
            raise InvalidFieldError("name", "an AI system needs a name")
        if len(text) > NAME_MAX:
            raise InvalidFieldError("name", f"at most {NAME_MAX} characters, got {len(text)}")
        return text
    return text.strip()


def add_ai_system(
    session: Session,
    *,
    actor: str,
    vendor_id: str,
    name: str,
    description: str = "",
    intended_purpose: str = "",
) -> str:
    """Validate and add an AI system to a vendor; records a ``create`` event; returns its id."""
    get_vendor(session, vendor_id)
    values = {
        "name": _normalize_system_field("name", name),
        "description": _normalize_system_field("description", description),
        "intended_purpose": _normalize_system_field("intended_purpose", intended_purpose),
    }
    system = AISystem(vendor_id=vendor_id, **values)
    session.add(system)
    session.flush()
    record_event(session, actor, "create", "ai_system", system.id, None, None, values)
    return system.id


def update_ai_system(session: Session, system_id: str, *, actor: str, **changes: Any) -> None:
    """Change the given fields; one ``update`` event per field whose value really changes."""
    system = session.get(AISystem, system_id)
    if system is None:
        raise NotFoundError("ai_system", system_id)
    for field, raw in changes.items():
        value = _normalize_system_field(field, raw)
        old = getattr(system, field)
        if old == value:
            continue
        setattr(system, field, value)
        record_event(session, actor, "update", "ai_system", system.id, field, old, value)
    session.flush()


def get_ai_system(session: Session, system_id: str) -> AISystemRow:
    system = session.get(AISystem, system_id)
    if system is None:
        raise NotFoundError("ai_system", system_id)
    return AISystemRow(system.id, system.name, system.description, system.intended_purpose)


# --- simple listings for the other pages --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditRow:
    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str | None
    field: str | None
    old_value: Any = None
    new_value: Any = None


def count_audit_events(session: Session, filter_text: str = "") -> int:
    query = select(func.count()).select_from(AuditEvent)
    condition = _audit_filter(filter_text)
    if condition is not None:
        query = query.where(condition)
    return int(session.execute(query).scalar_one())


def list_audit_events(
    session: Session, filter_text: str = "", offset: int = 0, limit: int = 200
) -> list[AuditRow]:
    """Newest first; ``filter_text`` matches actor, action, entity or field."""
    query = (
        select(
            AuditEvent.seq,
            AuditEvent.at,
            AuditEvent.actor,
            AuditEvent.action,
            AuditEvent.entity,
            AuditEvent.entity_id,
            AuditEvent.field,
            AuditEvent.old_value,
            AuditEvent.new_value,
        )
        .order_by(AuditEvent.seq.desc())
        .offset(offset)
        .limit(limit)
    )
    condition = _audit_filter(filter_text)
    if condition is not None:
        query = query.where(condition)
    return [AuditRow(*row) for row in session.execute(query)]


def audit_subjects(session: Session, rows: Sequence[AuditRow]) -> dict[tuple[str, str], str]:
    """What each event's record is, in words ("TalentSift GmbH · DPIA screening"), by
    (entity, id): a few queries for a page of events. Records deleted since are left out."""
    wanted: dict[str, set[str]] = {}
    for row in rows:
        if row.entity_id:
            wanted.setdefault(row.entity, set()).add(row.entity_id)
    found: dict[tuple[str, str], str] = {}
    if ids := wanted.get("vendor"):
        for vendor_id, name in session.execute(
            select(Vendor.id, Vendor.name).where(Vendor.id.in_(ids))
        ):
            found["vendor", vendor_id] = name
    if ids := wanted.get("ai_system"):
        for system_id, name, vendor_name in session.execute(
            select(AISystem.id, AISystem.name, Vendor.name)
            .join(Vendor, AISystem.vendor_id == Vendor.id)
            .where(AISystem.id.in_(ids))
        ):
            found["ai_system", system_id] = f"{name} ({vendor_name})"
    if ids := wanted.get("review"):
        for review_id, title in session.execute(
            select(Review.id, Review.title).where(Review.id.in_(ids))
        ):
            found["review", review_id] = title
    for entity, model in (("risk", Risk), ("action", Action)):
        if ids := wanted.get(entity):
            for record_id, title in session.execute(
                select(model.id, model.title).where(model.id.in_(ids))
            ):
                found[entity, record_id] = title
    if ids := wanted.get("assessment"):
        form_title = func.json_extract(Assessment.form_snapshot, "$.title")
        for assessment_id, vendor_name, title, version in session.execute(
            select(Assessment.id, Vendor.name, form_title, Assessment.version)
            .join(Vendor, Assessment.vendor_id == Vendor.id)
            .where(Assessment.id.in_(ids))
        ):
            found["assessment", assessment_id] = f"{vendor_name} · {title} v{version}"
    return found


def _audit_filter(filter_text: str) -> Any:
    text = " ".join(filter_text.split()).lower()
    if not text:
        return None
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    folded = fold_for_search(text)
    folded_escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    # Events about a vendor whose name matches: the vendor, its systems, reviews and
    # assessments, and those assessments' risks and actions (what the Subject column shows).
    vendors = select(Vendor.id).where(Vendor.sort_name.like(f"%{folded_escaped}%", escape="\\"))
    assessments = select(Assessment.id).where(Assessment.vendor_id.in_(vendors))
    about_vendor = (
        AuditEvent.entity_id.in_(vendors)
        | AuditEvent.entity_id.in_(select(AISystem.id).where(AISystem.vendor_id.in_(vendors)))
        | AuditEvent.entity_id.in_(select(Review.id).where(Review.vendor_id.in_(vendors)))
        | AuditEvent.entity_id.in_(assessments)
        | AuditEvent.entity_id.in_(select(Risk.id).where(Risk.assessment_id.in_(assessments)))
        | AuditEvent.entity_id.in_(select(Action.id).where(Action.assessment_id.in_(assessments)))
    )
    return (
        func.lower(AuditEvent.actor).like(pattern, escape="\\")
        | AuditEvent.action.like(pattern, escape="\\")
        | AuditEvent.entity.like(pattern, escape="\\")
        | func.lower(func.coalesce(AuditEvent.field, "")).like(pattern, escape="\\")
        | about_vendor
    )


@dataclass(frozen=True, slots=True)
class ActionRow:
    id: str
    title: str
    owner: str
    due_date: date | None
    status: str
    vendor_name: str


def list_open_actions(session: Session, limit: int = 500) -> list[ActionRow]:
    """Actions not done, soonest due first (undated last)."""
    query = (
        select(Action.id, Action.title, Action.owner, Action.due_date, Action.status, Vendor.name)
        .join(Assessment, Action.assessment_id == Assessment.id)
        .join(Vendor, Assessment.vendor_id == Vendor.id)
        .where(Action.status != "done")
        .order_by(Action.due_date.asc().nulls_last(), Action.title)
        .limit(limit)
    )
    return [ActionRow(*row) for row in session.execute(query)]
