"""Which findings are still open: raised by an assessment's answers and not addressed by an
action marked done. One definition for the vendor table, the review overview's blockers, the
comparison, the dashboard and the exported portfolio, so they never disagree."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dpia_desk.services.assessments import AssessmentSnapshot
from dpia_desk.store.models import Action, ActionStatus

#: (assessment id, finding key)
FindingRef = tuple[str, str]


def closed_findings(session: Session, assessment_ids: Iterable[str]) -> set[FindingRef]:
    """The findings of these assessments that a done action has addressed."""
    ids = list(dict.fromkeys(assessment_ids))
    if not ids:
        return set()
    rows = session.execute(
        select(Action.assessment_id, Action.finding_ref).where(
            Action.status == ActionStatus.DONE.value,
            Action.finding_ref.is_not(None),
            Action.assessment_id.in_(ids),
        )
    )
    return {(str(assessment_id), str(ref)) for assessment_id, ref in rows}


def open_findings(
    session: Session, snapshots: Iterable[AssessmentSnapshot]
) -> dict[FindingRef, str]:
    """The severity of every finding the snapshots raise that no done action has addressed."""
    raised = {
        (current.assessment_id, flag.key): flag.severity
        for current in snapshots
        for flag in current.state.flags
    }
    closed = closed_findings(session, (assessment_id for assessment_id, _key in raised))
    return {ref: severity for ref, severity in raised.items() if ref not in closed}
