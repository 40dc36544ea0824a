"""Erasure: deleting a vendor or an assessment so that its data is really gone.

* :func:`vendor_erasure_plan` / :func:`assessment_erasure_plan` count what would go, for the
  confirmation ("3 assessments, 120 answers, 2 evidence files (1.2 MB)...").
* :func:`erase_vendor` / :func:`erase_assessment` delete the rows (the foreign keys cascade), clear
  the values of every audit event about them (the chain still verifies, see
  :mod:`dpia_desk.store.audit`), and record one ``erase`` event holding only the counts.
* Deleted content is overwritten in the database pages (``secure_delete``), and
  :meth:`Workspace.erase_vendor` and :meth:`Workspace.erase_assessment` then checkpoint and
  truncate the WAL, where older copies of those pages would otherwise stay.

Audit events are matched by ``(entity, entity_id)`` where ``entity`` is the table name
(``vendor``, ``ai_system``, ``review``, ``assessment``, ``answer``, ``evidence``, ``risk``,
``action``, ``sign_off``, ``section_review``): code that records events about these rows must use
those names for erasure to find them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dpia_desk.store.audit import erase_event_values, record_event
from dpia_desk.store.errors import NotFoundError
from dpia_desk.store.models import (
    Action,
    AISystem,
    Answer,
    Assessment,
    Base,
    Evidence,
    Review,
    Risk,
    SectionReview,
    SignOff,
    Vendor,
)

_ASSESSMENT_PARTS: tuple[type[Base], ...] = (
    Answer,
    Evidence,
    Risk,
    Action,
    SignOff,
    SectionReview,
)


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure removes: ids per table (the entity names of the audit trail)."""

    root: str
    root_id: str
    ids: dict[str, list[str]] = field(default_factory=dict)
    evidence_bytes: int = 0

    def counts(self) -> dict[str, int]:
        return {table: len(ids) for table, ids in self.ids.items() if ids}

    def describe(self) -> str:
        """One sentence for the confirmation dialog."""
        labels = {
            "ai_system": "AI system",
            "review": "review",
            "assessment": "assessment",
            "answer": "answer",
            "evidence": "evidence file",
            "risk": "risk",
            "action": "action",
            "sign_off": "sign-off",
            "section_review": "section review",
        }
        parts = []
        for table, label in labels.items():
            count = len(self.ids.get(table, []))
            if count:
                parts.append(f"{count} {label}{'' if count == 1 else 's'}")
        what = "this vendor" if self.root == "vendor" else "this assessment"
        if self.evidence_bytes:
            parts.append(f"{self.evidence_bytes:,} bytes of evidence")
        tail = (", with " + ", ".join(parts)) if parts else ""
        return (
            f"Erase {what}{tail}. The data is overwritten in the workspace and cannot be "
            "restored from it (older backups still hold it); the audit trail keeps only the fact "
            "and these counts."
        )


def _ids(session: Session, model: type[Base], column: str, values: list[str]) -> list[str]:
    """Ids of the ``model`` rows whose ``column`` is one of ``values``."""
    table = model.__table__
    found: list[str] = []
    for start in range(0, len(values), 500):  # stay under SQLite's bound-parameter limit
        chunk = values[start : start + 500]
        query = select(table.c.id).where(table.c[column].in_(chunk))
        found += [str(value) for value in session.scalars(query)]
    return found


def _assessment_parts(
    session: Session, assessment_ids: list[str]
) -> tuple[dict[str, list[str]], int]:
    ids: dict[str, list[str]] = {}
    for model in _ASSESSMENT_PARTS:
        ids[model.__tablename__] = _ids(session, model, "assessment_id", assessment_ids)
    size = 0
    if assessment_ids:
        size = int(
            session.scalar(
                select(func.coalesce(func.sum(Evidence.size), 0)).where(
                    Evidence.assessment_id.in_(assessment_ids)
                )
            )
            or 0
        )
    return ids, size


def vendor_erasure_plan(session: Session, vendor_id: str) -> ErasurePlan:
    if session.get(Vendor, vendor_id) is None:
        raise NotFoundError("vendor", vendor_id)
    systems = _ids(session, AISystem, "vendor_id", [vendor_id])
    reviews = _ids(session, Review, "vendor_id", [vendor_id])
    assessments = _ids(session, Assessment, "vendor_id", [vendor_id])
    parts, size = _assessment_parts(session, assessments)
    ids = {
        "vendor": [vendor_id],
        "ai_system": systems,
        "review": reviews,
        "assessment": assessments,
        **parts,
    }
    return ErasurePlan("vendor", vendor_id, ids, size)


def assessment_erasure_plan(session: Session, assessment_id: str) -> ErasurePlan:
    if session.get(Assessment, assessment_id) is None:
        raise NotFoundError("assessment", assessment_id)
    parts, size = _assessment_parts(session, [assessment_id])
    return ErasurePlan("assessment", assessment_id, {"assessment": [assessment_id], **parts}, size)


def _erase(session: Session, plan: ErasurePlan, actor: str) -> ErasurePlan:
    erase_event_values(
        session, [(table, entity_id) for table, ids in plan.ids.items() for entity_id in ids]
    )
    root = session.get(Vendor if plan.root == "vendor" else Assessment, plan.root_id)
    if root is None:
        raise NotFoundError(plan.root, plan.root_id)
    session.delete(root)
    session.flush()
    record_event(session, actor, "erase", plan.root, plan.root_id, None, None, plan.counts())
    return plan


def erase_vendor(session: Session, vendor_id: str, *, actor: str) -> ErasurePlan:
    """Delete a vendor with everything that belongs to it (see the module docstring)."""
    return _erase(session, vendor_erasure_plan(session, vendor_id), actor)


def erase_assessment(session: Session, assessment_id: str, *, actor: str) -> ErasurePlan:
    return _erase(session, assessment_erasure_plan(session, assessment_id), actor)
