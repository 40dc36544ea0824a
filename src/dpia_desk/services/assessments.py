"""Assessments: answering a frozen form, comments, evidence, and the results they lead to.

An assessment keeps the form it was started on as a frozen copy (``form_snapshot``), so it opens,
scores and exports unchanged after the form's YAML moves on. Every change is one audited event in
the caller's write session (``workspace.session()``), durable when that block ends. Approved and
rejected assessments are locked; :func:`dpia_desk.services.signoff.reopen` starts a new version.
"""

from __future__ import annotations

import hashlib
import mimetypes
import unicodedata
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePath
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dpia_desk.questionnaire import (
    Form,
    FormState,
    InvalidAnswer,
    evaluate,
    form_from_json,
    form_to_json,
    normalise_value,
)
from dpia_desk.scoring import ScoreResult, score_form
from dpia_desk.services.errors import (
    AnswerRejectedError,
    AssessmentLockedError,
    EvidenceRejectedError,
    UnknownQuestionError,
)
from dpia_desk.store import NotFoundError, get_vendor, record_event
from dpia_desk.store.models import (
    AISystem,
    Answer,
    Assessment,
    AssessmentStatus,
    Evidence,
    utc_now,
)

#: The largest file we keep inside the workspace. Bigger files make backups slow and the encrypted
#: file unwieldy; users keep them in their document system and attach a summary instead.
MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
LOCKED_STATUSES = frozenset({AssessmentStatus.APPROVED.value, AssessmentStatus.REJECTED.value})

_FORM_CACHE_SIZE = 64
# assessment id -> (the snapshot it was parsed from, the form). The snapshot is compared on a hit:
# a process may open two workspaces that hold the same (UUID) assessment, e.g. after an import.
_form_cache: OrderedDict[str, tuple[dict[str, Any], Form]] = OrderedDict()


# --- reading ------------------------------------------------------------------------------------


def get_assessment(session: Session, assessment_id: str) -> Assessment:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise NotFoundError("assessment", assessment_id)
    return assessment


def form_of(assessment: Assessment) -> Form:
    """The frozen form an assessment was answered against (parsed once per assessment)."""
    snapshot_json = assessment.form_snapshot
    cached = _form_cache.get(assessment.id)
    if cached is not None and (cached[0] is snapshot_json or cached[0] == snapshot_json):
        _form_cache.move_to_end(assessment.id)
        return cached[1]
    form = form_from_json(snapshot_json)
    _form_cache[assessment.id] = (snapshot_json, form)
    while len(_form_cache) > _FORM_CACHE_SIZE:
        _form_cache.popitem(last=False)
    return form


def is_locked(assessment: Assessment) -> bool:
    return assessment.status in LOCKED_STATUSES


def stored_answers(session: Session, assessment_id: str) -> dict[str, Any]:
    """Every stored value by question id (hidden ones too: they return when shown again)."""
    rows = session.execute(
        select(Answer.question_id, Answer.value).where(
            Answer.assessment_id == assessment_id, Answer.value.is_not(None)
        )
    )
    return {question_id: value for question_id, value in rows if value is not None}


def stored_comments(session: Session, assessment_id: str) -> dict[str, str]:
    rows = session.execute(
        select(Answer.question_id, Answer.comment).where(
            Answer.assessment_id == assessment_id, Answer.comment != ""
        )
    )
    return {question_id: comment for question_id, comment in rows}


def evidence_counts(session: Session, assessment_id: str) -> dict[str, int]:
    rows = session.execute(
        select(Evidence.question_id, func.count())
        .where(Evidence.assessment_id == assessment_id, Evidence.question_id.is_not(None))
        .group_by(Evidence.question_id)
    )
    return {question_id: count for question_id, count in rows if question_id is not None}


def list_evidence(session: Session, assessment_id: str) -> list[Evidence]:
    """Evidence metadata in the order it was added (content stays deferred)."""
    return list(
        session.scalars(
            select(Evidence)
            .where(Evidence.assessment_id == assessment_id)
            .order_by(Evidence.added_at, Evidence.id)
        )
    )


@dataclass(frozen=True)
class AssessmentSnapshot:
    """An assessment as the UI, the CLI and the reports read it, computed in one go."""

    assessment_id: str
    vendor_id: str
    ai_system_id: str | None
    status: str
    version: int
    locked: bool
    form: Form
    answers: dict[str, Any]
    comments: dict[str, str]
    state: FormState
    result: ScoreResult | None
    evidence_counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.assessment_id,
            "vendor_id": self.vendor_id,
            "ai_system_id": self.ai_system_id,
            "form": self.form.id,
            "form_version": self.form.version,
            "status": self.status,
            "version": self.version,
            "locked": self.locked,
            "answers": self.answers,
            "comments": self.comments,
            "evidence_counts": self.evidence_counts,
            "completeness": {
                "complete": self.state.complete,
                "missing": list(self.state.missing),
                "overall": self.state.overall.to_json(),
                "sections": [section.to_json() for section in self.state.sections],
                "roles": {role: p.to_json() for role, p in self.state.roles.items()},
            },
            "result": self.result.to_json() if self.result is not None else None,
        }


def snapshot(
    session: Session, assessment_id: str, *, with_related: bool = True
) -> AssessmentSnapshot:
    """Answers, completeness and scores of one assessment.

    ``with_related`` feeds the results of the same vendor's (and system's) other forms to the
    engines that read them (DPIA screening suggestions from the AI Act, residual risk from the
    intake tier).
    """
    assessment = get_assessment(session, assessment_id)
    form = form_of(assessment)
    answers = stored_answers(session, assessment_id)
    state = evaluate(form, answers)
    counts = evidence_counts(session, assessment_id)
    related = related_results(session, assessment) if with_related else None
    result = (
        score_form(
            form, answers, evidence_counts=counts, related=related, state=state, strict=False
        )
        if form.scoring is not None
        else None
    )
    return AssessmentSnapshot(
        assessment_id=assessment.id,
        vendor_id=assessment.vendor_id,
        ai_system_id=assessment.ai_system_id,
        status=assessment.status,
        version=assessment.version,
        locked=is_locked(assessment),
        form=form,
        answers=answers,
        comments=stored_comments(session, assessment_id),
        state=state,
        result=result,
        evidence_counts=counts,
    )


def rescore(
    current: AssessmentSnapshot,
    *,
    answers: Mapping[str, Any] | None = None,
    comments: Mapping[str, str] | None = None,
    related: Mapping[str, ScoreResult] | None = None,
) -> AssessmentSnapshot:
    """``current`` with new answers (or comments), re-evaluated and re-scored without reading
    the workspace: the same evaluation and scoring as :func:`snapshot`, for a caller that has
    just stored the change and keeps the related results (:func:`related_results`) itself.
    The desktop calls it after each answer, where a full :func:`snapshot` would re-read and
    re-score every related form."""
    values = dict(current.answers if answers is None else answers)
    state = evaluate(current.form, values)
    result = (
        score_form(
            current.form,
            values,
            evidence_counts=current.evidence_counts,
            related=dict(related) if related is not None else None,
            state=state,
            strict=False,
        )
        if current.form.scoring is not None
        else None
    )
    return replace(
        current,
        answers=values,
        comments=dict(current.comments if comments is None else comments),
        state=state,
        result=result,
    )


def latest_assessments(
    session: Session, vendor_id: str, ai_system_id: str | None = None
) -> dict[str, Assessment]:
    """The newest assessment of each form for a vendor (and, where given, one of its systems).

    Forms about the vendor (intake, due diligence) are shared by all its systems; forms about a
    system are taken from that system only when one is named.
    """
    rows = session.scalars(
        select(Assessment)
        .where(Assessment.vendor_id == vendor_id)
        .order_by(Assessment.created_at, Assessment.version)
    )
    latest: dict[str, Assessment] = {}
    for assessment in rows:
        if (
            ai_system_id is not None
            and assessment.ai_system_id is not None
            and assessment.ai_system_id != ai_system_id
        ):
            continue
        latest[assessment.form_id] = assessment
    return latest


def related_results(session: Session, assessment: Assessment) -> dict[str, ScoreResult]:
    """Scores of the other forms of the same vendor/system, by form id (one level deep)."""
    related: dict[str, ScoreResult] = {}
    for form_id, other in latest_assessments(
        session, assessment.vendor_id, assessment.ai_system_id
    ).items():
        if other.id == assessment.id or form_id == assessment.form_id:
            continue
        other_form = form_of(other)
        if other_form.scoring is None:
            continue
        answers = stored_answers(session, other.id)
        related[form_id] = score_form(
            other_form,
            answers,
            evidence_counts=evidence_counts(session, other.id),
            strict=False,
        )
    return related


# --- changes ------------------------------------------------------------------------------------


def start_assessment(
    session: Session,
    *,
    actor: str,
    vendor_id: str,
    form: Form,
    ai_system_id: str | None = None,
    review_id: str | None = None,
    review_date: date | None = None,
) -> Assessment:
    """A new draft assessment of ``form`` (frozen into the assessment) for a vendor/system."""
    get_vendor(session, vendor_id)
    if ai_system_id is not None:
        system = session.get(AISystem, ai_system_id)
        if system is None or system.vendor_id != vendor_id:
            raise NotFoundError("AI system of this vendor", ai_system_id)
    assessment = Assessment(
        vendor_id=vendor_id,
        ai_system_id=ai_system_id,
        review_id=review_id,
        form_id=form.id,
        form_version=form.version,
        form_snapshot=form_to_json(form),
        status=AssessmentStatus.DRAFT.value,
        version=1,
        review_date=review_date,
    )
    session.add(assessment)
    session.flush()
    record_event(
        session,
        actor,
        "create",
        "assessment",
        assessment.id,
        None,
        None,
        {"form": form.id, "form_version": form.version, "vendor_id": vendor_id},
    )
    return assessment


def _writable(session: Session, assessment_id: str) -> Assessment:
    assessment = get_assessment(session, assessment_id)
    if is_locked(assessment):
        raise AssessmentLockedError(assessment.id, assessment.status)
    return assessment


def _answer_row(session: Session, assessment_id: str, question_id: str) -> Answer | None:
    return session.scalars(
        select(Answer).where(
            Answer.assessment_id == assessment_id, Answer.question_id == question_id
        )
    ).first()


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == ()


def normalise_for(form: Form, question_id: str, value: object) -> Any:
    """The canonical stored value of one answer, or an :class:`AnswerRejectedError`."""
    question = form.find_question(question_id)
    if question is None:
        raise UnknownQuestionError(form.id, question_id)
    if _is_empty(value):
        return None
    try:
        return normalise_value(question, value)
    except InvalidAnswer as error:
        raise AnswerRejectedError(question_id, str(error)) from None


def set_answer(
    session: Session, *, actor: str, assessment_id: str, question_id: str, value: object
) -> bool:
    """Store (or, with an empty value, clear) one answer. Returns whether anything changed."""
    assessment = _writable(session, assessment_id)
    new = normalise_for(form_of(assessment), question_id, value)
    row = _answer_row(session, assessment_id, question_id)
    old = row.value if row is not None else None
    if old == new:
        return False
    if row is None:
        row = Answer(
            assessment_id=assessment_id, question_id=question_id, value=new, answered_by=actor
        )
        session.add(row)
    else:
        row.value = new
        row.answered_by = actor
        row.answered_at = utc_now()
    assessment.updated_at = utc_now()
    session.flush()
    record_event(session, actor, "answer", "assessment", assessment_id, question_id, old, new)
    return True


def set_answers(
    session: Session, *, actor: str, assessment_id: str, answers: Mapping[str, object]
) -> list[str]:
    """Apply an answer set at once: every value is checked before any is written.

    Returns the ids of the questions whose stored value changed.
    """
    assessment = _writable(session, assessment_id)
    form = form_of(assessment)
    problems: list[str] = []
    normalised: dict[str, Any] = {}
    for question_id, value in answers.items():
        try:
            normalised[question_id] = normalise_for(form, question_id, value)
        except (AnswerRejectedError, UnknownQuestionError) as error:
            problems.append(error.message)
    if problems:
        raise AnswerRejectedError(f"{len(problems)} answer(s) rejected", "; ".join(problems[:10]))
    return [
        question_id
        for question_id, value in normalised.items()
        if set_answer(
            session,
            actor=actor,
            assessment_id=assessment_id,
            question_id=question_id,
            value=value,
        )
    ]


MAX_COMMENT_LENGTH = 20_000


def set_comment(
    session: Session, *, actor: str, assessment_id: str, question_id: str, comment: str
) -> bool:
    assessment = _writable(session, assessment_id)
    if form_of(assessment).find_question(question_id) is None:
        raise UnknownQuestionError(assessment.form_id, question_id)
    comment = comment.strip()
    if len(comment) > MAX_COMMENT_LENGTH:
        raise AnswerRejectedError(
            question_id, f"the comment is longer than {MAX_COMMENT_LENGTH:,} characters"
        )
    row = _answer_row(session, assessment_id, question_id)
    old = row.comment if row is not None else ""
    if old == comment:
        return False
    if row is None:
        row = Answer(
            assessment_id=assessment_id,
            question_id=question_id,
            value=None,
            comment=comment,
            answered_by=actor,
        )
        session.add(row)
    else:
        row.comment = comment
    assessment.updated_at = utc_now()
    session.flush()
    record_event(session, actor, "comment", "assessment", assessment_id, question_id, old, comment)
    return True


def safe_filename(name: str) -> str:
    """The last path component, without control characters, at most 255 characters.

    Attachment names come from other people's files and from imports: a name such as
    ``../../etc/passwd`` or ``C:\\evil`` must never become a path when the file is saved again.
    """
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip(" .")
    if not cleaned:
        return "attachment"
    if len(cleaned) > 255:
        stem, dot, suffix = cleaned.rpartition(".")
        if dot and len(suffix) < 20:
            cleaned = stem[: 254 - len(suffix)] + "." + suffix
        else:
            cleaned = cleaned[:255]
    return cleaned


def add_evidence(
    session: Session,
    *,
    actor: str,
    assessment_id: str,
    question_id: str | None,
    filename: str,
    content: bytes,
    media_type: str | None = None,
    expires_on: date | None = None,
    max_bytes: int = MAX_EVIDENCE_BYTES,
) -> Evidence:
    """Keep a file inside the (encrypted) workspace, attached to a question or the assessment."""
    assessment = _writable(session, assessment_id)
    if question_id is not None and form_of(assessment).find_question(question_id) is None:
        raise UnknownQuestionError(assessment.form_id, question_id)
    name = safe_filename(filename)
    if len(content) > max_bytes:
        raise EvidenceRejectedError(
            name,
            f"it is {len(content) / 1_048_576:.1f} MB, above the limit of "
            f"{max_bytes / 1_048_576:.0f} MB",
            "Attach a smaller extract or summary, and note where the full document is kept.",
        )
    if not content:
        raise EvidenceRejectedError(name, "the file is empty", "Choose the file again.")
    digest = hashlib.sha256(content).hexdigest()
    kind = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    evidence = Evidence(
        assessment_id=assessment_id,
        question_id=question_id,
        filename=name,
        media_type=kind,
        size=len(content),
        sha256=digest,
        content=content,
        expires_on=expires_on,
        added_by=actor,
    )
    session.add(evidence)
    assessment.updated_at = utc_now()
    session.flush()
    record_event(
        session,
        actor,
        "evidence_add",
        "assessment",
        assessment_id,
        question_id,
        None,
        {"evidence_id": evidence.id, "filename": name, "sha256": digest, "size": len(content)},
    )
    return evidence


def remove_evidence(session: Session, *, actor: str, evidence_id: str) -> None:
    evidence = session.get(Evidence, evidence_id)
    if evidence is None:
        raise NotFoundError("evidence", evidence_id)
    _writable(session, evidence.assessment_id)
    record_event(
        session,
        actor,
        "evidence_remove",
        "assessment",
        evidence.assessment_id,
        evidence.question_id,
        {"evidence_id": evidence.id, "filename": evidence.filename, "sha256": evidence.sha256},
        None,
    )
    session.delete(evidence)
    session.flush()


def evidence_content(session: Session, evidence_id: str) -> tuple[Evidence, bytes]:
    evidence = session.get(Evidence, evidence_id)
    if evidence is None:
        raise NotFoundError("evidence", evidence_id)
    return evidence, evidence.content
