"""The workspace's tables as SQLAlchemy 2 typed ORM models (DESIGN section 4).

Conventions:

* ids are UUID4 strings (36 characters), so assessments can later move between workspaces;
* timestamps are timezone-aware UTC ``datetime`` values, stored as ISO 8601 text with ``+00:00``
  (sorts correctly, reads back aware; a naive datetime is refused rather than guessed);
* calendar dates (review dates, due dates, expiry) are plain ``date`` values;
* enumerations are strings guarded by CHECK constraints, named by the ``StrEnum`` classes below;
* JSON columns hold lists and dicts (contacts, sub-processors, answer values, form snapshots);
* deleting a vendor deletes its AI systems, reviews and assessments, and an assessment its answers,
  evidence, reviews, risks, actions and sign-offs (``ON DELETE CASCADE``, with ``secure_delete``
  on, so erased content is overwritten in the file).

The schema is created and changed only by the Alembic migrations in ``migrations/``; a test proves
that upgrading to head builds exactly what these models declare.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Connection,
    Date,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates
from sqlalchemy.types import TypeDecorator

from dpia_desk.store import vendor_list
from dpia_desk.store.engine import APPLICATION_ID
from dpia_desk.store.folding import fold_for_search

__all__ = ["APPLICATION_ID", "fold_for_search"]  # kept importable from here

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime, stored as ISO 8601 text ``2025-01-31T09:00:00.000000+00:00``."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime refused: timestamps must be timezone-aware")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value).astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads this class attribute)
        datetime: UTCDateTime(),
        date: Date(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        str: String(),
    }


def _one_of(
    column: str, values: type[StrEnum], name: str, *, nullable: bool = False
) -> CheckConstraint:
    listed = ", ".join(f"'{member.value}'" for member in values)
    condition = f"{column} IN ({listed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=name)


def _between(
    column: str, low: int, high: int, name: str, *, nullable: bool = False
) -> CheckConstraint:
    condition = f"{column} BETWEEN {low} AND {high}"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=name)


# --- enumerations -------------------------------------------------------------------------------


class ContractStatus(StrEnum):
    NONE = "none"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class DpaStatus(StrEnum):
    NOT_STARTED = "not_started"
    REQUESTED = "requested"
    IN_REVIEW = "in_review"
    SIGNED = "signed"
    NOT_REQUIRED = "not_required"


class ReviewStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class AssessmentStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"


class SectionRating(StrEnum):
    ACCEPTABLE = "acceptable"
    IMPROVABLE = "improvable"
    TO_BE_CORRECTED = "to_be_corrected"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class SignOffDecision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


class Grade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


# --- vendors and their AI systems ---------------------------------------------------------------


class Vendor(Base):
    """A supplier under review. The last five columns are a cache the scoring layer refreshes."""

    __tablename__ = "vendor"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint(
            "country IS NULL OR (length(country) = 2 AND country = upper(country))",
            name="country_alpha2",
        ),
        _one_of("contract_status", ContractStatus, "contract_status"),
        _one_of("dpa_status", DpaStatus, "dpa_status"),
        _one_of("grade", Grade, "grade", nullable=True),
        CheckConstraint("open_findings IS NULL OR open_findings >= 0", name="open_findings"),
        # The vendor table's sort keys, each followed by the name (dpia_desk.store.vendor_list);
        # the severity sorts of tier and verdict are expression indexes, made by DDL below (the
        # plain tier index stays for the dashboard's counts).
        Index(None, "country", "sort_name"),
        Index(None, "grade", "sort_name"),
        Index(None, "open_findings", "sort_name"),
        Index(None, "next_review_date", "sort_name"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    #: ``fold_for_search(name)``, kept in step by a validator; filtered and sorted on, indexed.
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    website: Mapped[str | None] = mapped_column(String(2048))
    contacts: Mapped[list[Any]] = mapped_column(default=list)
    contract_status: Mapped[str] = mapped_column(String(20), default=ContractStatus.NONE)
    dpa_status: Mapped[str] = mapped_column(String(20), default=DpaStatus.NOT_STARTED)
    sub_processors: Mapped[list[Any]] = mapped_column(default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    next_review_date: Mapped[date | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    # Cached summary of the latest scoring (None until scored), for the vendor table.
    ai_act_tier: Mapped[str | None] = mapped_column(String(20), index=True)
    dpia_verdict: Mapped[str | None] = mapped_column(String(20))
    grade: Mapped[str | None] = mapped_column(String(1))
    open_findings: Mapped[int | None] = mapped_column(Integer)
    #: Which of the cached figures ("tier", "verdict", "grade", comma-separated) come from a form
    #: with required questions still unanswered; "" when all are final.
    provisional: Mapped[str] = mapped_column(String(40), default="", server_default="")

    ai_systems: Mapped[list[AISystem]] = relationship(
        back_populates="vendor",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AISystem.name",
    )

    @validates("name")
    def _keep_sort_name(self, _key: str, value: str) -> str:
        self.sort_name = fold_for_search(value)
        return value


@event.listens_for(Vendor.__table__, "after_create")
def _create_vendor_search(_table: object, connection: Connection, **_: object) -> None:
    """The severity sort indexes and the trigram name index with its triggers (SQL frozen in
    migration 0002, which a test keeps equal to this)."""
    for statement in (
        *vendor_list.SEVERITY_INDEX_DDL,
        *vendor_list.SEARCH_DDL,
        *vendor_list.SEARCH_SETUP,
    ):
        connection.exec_driver_sql(statement)


class AISystem(Base):
    __tablename__ = "ai_system"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    vendor_id: Mapped[str] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    intended_purpose: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)

    vendor: Mapped[Vendor] = relationship(back_populates="ai_systems")


class Review(Base):
    """A guided review of one vendor (and optionally one of its AI systems)."""

    __tablename__ = "review"
    __table_args__ = (_one_of("status", ReviewStatus, "status"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    vendor_id: Mapped[str] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"), index=True)
    ai_system_id: Mapped[str | None] = mapped_column(
        ForeignKey("ai_system.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default=ReviewStatus.IN_PROGRESS)
    started_at: Mapped[datetime] = mapped_column(default=utc_now)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


# --- assessments ---------------------------------------------------------------------------------


class Assessment(Base):
    """One filled-in form. ``form_snapshot`` freezes the form as answered; reopening an approved
    or rejected assessment creates a new version that points to its predecessor."""

    __tablename__ = "assessment"
    __table_args__ = (
        _one_of("status", AssessmentStatus, "status"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    review_id: Mapped[str | None] = mapped_column(
        ForeignKey("review.id", ondelete="SET NULL"), index=True
    )
    vendor_id: Mapped[str] = mapped_column(ForeignKey("vendor.id", ondelete="CASCADE"), index=True)
    ai_system_id: Mapped[str | None] = mapped_column(
        ForeignKey("ai_system.id", ondelete="CASCADE"), index=True
    )
    form_id: Mapped[str] = mapped_column(String(100), index=True)
    form_version: Mapped[str] = mapped_column(String(50))
    form_snapshot: Mapped[dict[str, Any]] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), default=AssessmentStatus.DRAFT, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_version_id: Mapped[str | None] = mapped_column(
        ForeignKey("assessment.id", ondelete="SET NULL"), index=True
    )
    review_date: Mapped[date | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class Answer(Base):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("assessment_id", "question_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(200))
    answered_at: Mapped[datetime] = mapped_column(default=utc_now)


class Evidence(Base):
    """A file attached to an assessment (or one question of it), stored encrypted in the workspace.

    ``content`` is deferred: listing evidence never loads the files themselves."""

    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint("size >= 0", name="size_not_negative"),
        CheckConstraint("length(sha256) = 64", name="sha256_hex"),
        CheckConstraint("length(trim(filename)) > 0", name="filename_not_blank"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str | None] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(127))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    expires_on: Mapped[date | None] = mapped_column()
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime] = mapped_column(default=utc_now)


class SectionReview(Base):
    """A reviewer's rating of one section (the CNIL PIA tool's acceptable / improvable / to be
    corrected)."""

    __tablename__ = "section_review"
    __table_args__ = (_one_of("rating", SectionRating, "rating"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[str] = mapped_column(String(100))
    rating: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(default=utc_now)


class Risk(Base):
    """An entry of the DPIA risk register: severity and likelihood on the CNIL 1-4 scales, before
    (inherent) and after (residual) the planned measures."""

    __tablename__ = "risk"
    __table_args__ = (
        _between("severity", 1, 4, "severity"),
        _between("likelihood", 1, 4, "likelihood"),
        _between("residual_severity", 1, 4, "residual_severity", nullable=True),
        _between("residual_likelihood", 1, 4, "residual_likelihood", nullable=True),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    feared_event: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[list[Any]] = mapped_column(default=list)
    impacts: Mapped[list[Any]] = mapped_column(default=list)
    severity: Mapped[int] = mapped_column(Integer)
    likelihood: Mapped[int] = mapped_column(Integer)
    residual_severity: Mapped[int | None] = mapped_column(Integer)
    residual_likelihood: Mapped[int | None] = mapped_column(Integer)
    measures: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class Action(Base):
    """A mitigation to carry out, for a risk or a scorecard finding."""

    __tablename__ = "action"
    __table_args__ = (_one_of("status", ActionStatus, "status"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    risk_id: Mapped[str | None] = mapped_column(
        ForeignKey("risk.id", ondelete="SET NULL"), index=True
    )
    finding_ref: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class SignOff(Base):
    __tablename__ = "sign_off"
    __table_args__ = (_one_of("decision", SignOffDecision, "decision"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    decision: Mapped[str] = mapped_column(String(10))
    statement: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[datetime] = mapped_column(default=utc_now)


# --- the audit trail and settings ---------------------------------------------------------------


class AuditEvent(Base):
    """One append-only, hash-chained entry of the audit trail (see ``dpia_desk.store.audit``).

    ``old_digest``/``new_digest`` commit to the values with a per-event random ``value_nonce``;
    the chain hash covers the digests, not the values. Erasure clears the values and the nonce
    (the only update the triggers allow), so the chain still verifies while the erased content,
    even a guessable one, cannot be recovered from the digests.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        CheckConstraint("seq >= 1", name="seq_positive"),
        CheckConstraint("length(hash) = 64", name="hash_hex"),
        Index("ix_audit_event_entity_entity_id", "entity", "entity_id"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column()
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    field: Mapped[str | None] = mapped_column(String(100))
    # none_as_null: "no value" and "erased" are SQL NULL, which the erasure trigger checks.
    old_value: Mapped[Any] = mapped_column(JSON(none_as_null=True), nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON(none_as_null=True), nullable=True)
    value_nonce: Mapped[str | None] = mapped_column(String(32))
    old_digest: Mapped[str] = mapped_column(String(64))
    new_digest: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


#: Events cannot be deleted, and the only change allowed is erasing an event's values together
#: with its nonce (GDPR erasure). They hold "through the app"; someone with the key and a raw SQL
#: shell can drop them, which is what ``audit verify`` is for.
AUDIT_TRIGGERS = {
    "audit_event_no_delete": (
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
        "BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END"
    ),
    "audit_event_only_erasure": (
        "CREATE TRIGGER audit_event_only_erasure BEFORE UPDATE ON audit_event "
        "WHEN NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor "
        "OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity "
        "OR NEW.entity_id IS NOT OLD.entity_id OR NEW.field IS NOT OLD.field "
        "OR NEW.old_digest IS NOT OLD.old_digest OR NEW.new_digest IS NOT OLD.new_digest "
        "OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash "
        "OR NEW.old_value IS NOT NULL OR NEW.new_value IS NOT NULL OR NEW.value_nonce IS NOT NULL "
        "BEGIN SELECT RAISE(ABORT, 'audit events can only have their values erased'); END"
    ),
}


@event.listens_for(AuditEvent.__table__, "after_create")
def _create_audit_triggers(_table: object, connection: Connection, **_: object) -> None:
    for trigger in AUDIT_TRIGGERS.values():
        connection.exec_driver_sql(trigger)


class WorkspaceSetting(Base):
    __tablename__ = "workspace_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
