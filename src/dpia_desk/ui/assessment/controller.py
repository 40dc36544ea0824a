"""One open assessment: its current values, the undo stack, and every change through the services.

The widgets never talk to the database; they call the controller, which

* saves each change at once in its own committed write (``context.write``: "answer" for answers
  and comments, "assessment" for evidence, ratings, sign-offs; the status bar says "saved"),
  re-evaluates and re-scores the form from the kept snapshot and the kept scores of the related
  forms (``services.assessments.rescore``: under a millisecond, even for the 111-question due
  diligence) and emits :attr:`state_changed`;
* keeps answers and comments on a :class:`QUndoStack` (Ctrl+Z / Ctrl+Shift+Z while the window is
  open); evidence files, ratings and sign-offs are deliberate acts and are not undone by Ctrl+Z;
* runs slow work on the work runner: reading and storing attached files, and refreshing the
  vendor table's figures (debounced, so a burst of answers costs one refresh).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session

from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire import EvidenceQuestion, Form, FormState
from dpia_desk.scoring import ScoreResult
from dpia_desk.services import signoff as signoff_service
from dpia_desk.services.assessments import (
    MAX_EVIDENCE_BYTES,
    AssessmentSnapshot,
    add_evidence,
    evidence_content,
    get_assessment,
    normalise_for,
    related_results,
    remove_evidence,
    rescore,
    safe_filename,
    set_answer,
    set_comment,
    snapshot,
)
from dpia_desk.services.errors import EvidenceRejectedError
from dpia_desk.services.summary import refresh_vendor_summary
from dpia_desk.ui.assessment.commands import AnswerCommand, CommentCommand
from dpia_desk.ui.assessment.data import (
    AssessmentData,
    EvidenceItem,
    evidence_items,
    load_assessment_data,
    review_data,
)
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.workers import WorkContext

#: The vendor table's figures are refreshed this long after the last change.
SUMMARY_DELAY_MS = 800
#: After a change elsewhere (another window), the related forms' scores are read again after
#: this pause.
RELATED_DELAY_MS = 300
#: The change kind of answers and comments. Not "assessment": the vendor registry and the other
#: pages reload on "assessment", and an answer changes nothing they show (the vendor figures
#: follow through the debounced summary refresh, announced as "vendor").
ANSWER_KIND = "answer"
_TEXT_TYPES = frozenset({"text", "long_text"})


def _summary_job(_work: WorkContext, context: WorkspaceContext, vendor_id: str) -> None:
    with context.workspace.session() as session:
        refresh_vendor_summary(session, vendor_id)


def _evidence_job(
    work: WorkContext,
    context: WorkspaceContext,
    actor: str,
    assessment_id: str,
    question_id: str | None,
    paths: Sequence[Path],
    max_bytes: int,
    evidence_question: bool,
) -> list[str]:
    """Reads and stores the files in one transaction; returns the stored names."""
    names: list[str] = []
    with context.workspace.session() as session:
        for done, path in enumerate(paths):
            work.check_cancelled()
            work.progress(done, len(paths), path.name)
            try:
                content = path.read_bytes()
            except OSError as error:
                raise EvidenceRejectedError(
                    safe_filename(path.name),
                    f"it cannot be read ({error.strerror or error})",
                    "Check that the file still exists and that you may read it.",
                ) from None
            add_evidence(
                session,
                actor=actor,
                assessment_id=assessment_id,
                question_id=question_id,
                filename=path.name,
                content=content,
                max_bytes=max_bytes,
            )
            names.append(safe_filename(path.name))
        if evidence_question and question_id is not None:
            _sync_evidence_answer(session, actor, assessment_id, question_id)
    return names


def _sync_evidence_answer(
    session: Session, actor: str, assessment_id: str, question_id: str
) -> None:
    """An evidence question's answer is the list of files attached to it."""
    ids = [
        item.id
        for item in evidence_items(session, assessment_id)
        if item.question_id == question_id
    ]
    current = snapshot(session, assessment_id, with_related=False)
    question = current.form.question(question_id)
    minimum = question.min_files if isinstance(question, EvidenceQuestion) else 1
    set_answer(
        session,
        actor=actor,
        assessment_id=assessment_id,
        question_id=question_id,
        value=ids if len(ids) >= minimum else None,
    )


class AssessmentController(QObject):
    #: Everything was read again (first load, lock, review change): rebuild what depends on it.
    data_loaded = Signal()
    #: Answers, visibility, completeness or scores changed.
    state_changed = Signal()
    #: The stored answer of a question changed; ``from_history``: by undo/redo, not by its editor.
    answer_applied = Signal(str, bool)
    comment_applied = Signal(str, bool)
    evidence_changed = Signal()
    review_changed = Signal()
    #: A change was refused: (question id or "" for the assessment, message, hint).
    problem = Signal(str, str, str)
    #: The assessment was reopened as a new version (its id).
    reopened = Signal(str)

    def __init__(
        self, context: WorkspaceContext, data: AssessmentData, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._data = data
        self._snapshot = data.snapshot
        self._evidence = data.evidence
        self._review = data.review
        self._related = data.related
        self._writing = False
        self.max_evidence_bytes = MAX_EVIDENCE_BYTES
        self.undo_stack = QUndoStack(self)
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(SUMMARY_DELAY_MS)
        self._summary_timer.timeout.connect(self.refresh_summary_now)
        self._related_timer = QTimer(self)
        self._related_timer.setSingleShot(True)
        self._related_timer.setInterval(RELATED_DELAY_MS)
        self._related_timer.timeout.connect(self.refresh_related)
        context.changed.connect(self._changed_elsewhere)
        self._temp_dir: Path | None = None
        if self.locked or context.read_only:
            self.undo_stack.setActive(False)

    # --- what the widgets read -----------------------------------------------------------------

    @property
    def data(self) -> AssessmentData:
        return self._data

    @property
    def assessment_id(self) -> str:
        return self._snapshot.assessment_id

    @property
    def snapshot(self) -> AssessmentSnapshot:
        return self._snapshot

    @property
    def form(self) -> Form:
        return self._snapshot.form

    @property
    def answers(self) -> dict[str, Any]:
        return self._snapshot.answers

    @property
    def comments(self) -> dict[str, str]:
        return self._snapshot.comments

    @property
    def state(self) -> FormState:
        return self._snapshot.state

    @property
    def result(self) -> ScoreResult | None:
        return self._snapshot.result

    @property
    def locked(self) -> bool:
        return self._snapshot.locked

    @property
    def editable(self) -> bool:
        return not self.locked and not self.context.read_only

    @property
    def evidence(self) -> tuple[EvidenceItem, ...]:
        return self._evidence

    def evidence_of(self, question_id: str | None) -> list[EvidenceItem]:
        return [item for item in self._evidence if item.question_id == question_id]

    @property
    def review(self) -> signoff_service.SignOffStatus:
        return self._review.status

    @property
    def review_data(self) -> Any:
        return self._review

    # --- answers and comments (undoable) -------------------------------------------------------

    def answer(self, question_id: str, value: object) -> bool:
        """Saves a new answer as an undoable step; False when nothing changed or it was refused."""
        if not self.editable:
            return False
        try:
            new = normalise_for(self.form, question_id, value)
        except DpiaDeskError as error:
            self.report(question_id, error)
            return False
        old = self.answers.get(question_id)
        if new == old:
            return False
        question = self.form.question(question_id)
        command = AnswerCommand(self, question_id, old, new, mergeable=question.kind in _TEXT_TYPES)
        self.undo_stack.push(command)
        return not command.failed

    def comment(self, question_id: str, text: str) -> bool:
        if not self.editable:
            return False
        new = text.strip()
        old = self.comments.get(question_id, "")
        if new == old:
            return False
        command = CommentCommand(self, question_id, old, new)
        self.undo_stack.push(command)
        return not command.failed

    def write_answer(self, question_id: str, value: Any, *, from_history: bool = False) -> None:
        """Stores one answer now (commands call this; it raises DpiaDeskError when refused).

        The new state and scores are computed from the kept snapshot (``rescore``): the form's
        own answers changed, the related forms did not."""
        stored = normalise_for(self.form, question_id, value)
        with self._write(ANSWER_KIND) as session:
            set_answer(
                session,
                actor=self.context.actor,
                assessment_id=self.assessment_id,
                question_id=question_id,
                value=stored,
            )
        answers = dict(self._snapshot.answers)
        if stored is None:
            answers.pop(question_id, None)
        else:
            answers[question_id] = stored
        self._snapshot = rescore(self._snapshot, answers=answers, related=self._related)
        self.schedule_summary()
        self.answer_applied.emit(question_id, from_history)
        self.state_changed.emit()

    def write_comment(self, question_id: str, text: str, *, from_history: bool = False) -> None:
        with self._write(ANSWER_KIND) as session:
            set_comment(
                session,
                actor=self.context.actor,
                assessment_id=self.assessment_id,
                question_id=question_id,
                comment=text,
            )
        comments = dict(self._snapshot.comments)
        if text.strip():
            comments[question_id] = text.strip()
        else:
            comments.pop(question_id, None)
        self._snapshot = replace(self._snapshot, comments=comments)
        self.comment_applied.emit(question_id, from_history)
        self.state_changed.emit()

    @contextmanager
    def _write(self, kind: str = "assessment") -> Iterator[Session]:
        """``context.write``, marking the change as this window's own (see _changed_elsewhere)."""
        self._writing = True
        try:
            with self.context.write(kind) as session:
                yield session
        finally:
            self._writing = False

    def report(self, question_id: str, error: DpiaDeskError) -> None:
        self.problem.emit(question_id, error.message, error.hint or "")

    # --- evidence --------------------------------------------------------------------------------

    def check_file(self, path: Path) -> str | None:
        """Why a file cannot be attached (before reading it), or None."""
        name = safe_filename(path.name)
        try:
            info = path.stat()
        except OSError as error:
            return self.tr("Cannot attach “{name}”: {reason}.").format(
                name=name, reason=error.strerror or str(error)
            )
        if not stat.S_ISREG(info.st_mode):
            return self.tr("Cannot attach “{name}”: it is not a file.").format(name=name)
        if info.st_size > self.max_evidence_bytes:
            return self.tr(
                "Cannot attach “{name}”: it is {size} MB, above the limit of {limit} MB. "
                "Attach a smaller extract or summary, and note where the full document is kept."
            ).format(
                name=name,
                size=f"{info.st_size / 1_048_576:.1f}",
                limit=f"{self.max_evidence_bytes / 1_048_576:.0f}",
            )
        if info.st_size == 0:
            return self.tr("Cannot attach “{name}”: the file is empty.").format(name=name)
        return None

    def attach_files(self, question_id: str | None, paths: Sequence[Path]) -> bool:
        """Stores the acceptable files (on the work runner); refusals go to :attr:`problem`."""
        if not self.editable:
            return False
        accepted: list[Path] = []
        for path in paths:
            refusal = self.check_file(path)
            if refusal is None:
                accepted.append(path)
            else:
                self.problem.emit(question_id or "", refusal, "")
        if not accepted:
            return False
        question = self.form.find_question(question_id) if question_id else None
        self.context.runner.submit(
            _evidence_job,
            self.context,
            self.context.actor,
            self.assessment_id,
            question_id,
            accepted,
            self.max_evidence_bytes,
            isinstance(question, EvidenceQuestion),
            description="attach evidence",
            owner=self,
            on_result=lambda _names: self._after_evidence(),
            on_error=lambda error: self._evidence_failed(question_id or "", error),
        )
        return True

    def _evidence_failed(self, question_id: str, error: BaseException) -> None:
        if isinstance(error, DpiaDeskError):
            self.report(question_id, error)
            self._after_evidence()
            return
        raise error

    def _after_evidence(self) -> None:
        with self.context.read() as session:
            self._evidence = evidence_items(session, self.assessment_id)
            self._snapshot = snapshot(session, self.assessment_id)
        self.context.notify_changed("assessment")
        self.schedule_summary()
        self.evidence_changed.emit()
        self.state_changed.emit()

    def remove_attachment(self, evidence_id: str) -> None:
        if not self.editable:
            return
        item = next((e for e in self._evidence if e.id == evidence_id), None)
        if item is None:
            return
        question = self.form.find_question(item.question_id) if item.question_id else None
        try:
            with self._write() as session:
                remove_evidence(session, actor=self.context.actor, evidence_id=evidence_id)
                if isinstance(question, EvidenceQuestion):
                    _sync_evidence_answer(
                        session, self.context.actor, self.assessment_id, question.id
                    )
                self._evidence = evidence_items(session, self.assessment_id)
                self._snapshot = snapshot(session, self.assessment_id)
        except DpiaDeskError as error:
            self.report(item.question_id or "", error)
            return
        self.schedule_summary()
        self.evidence_changed.emit()
        self.state_changed.emit()

    def export_attachment(self, evidence_id: str) -> Path:
        """Writes the decrypted file to a private temporary folder (only this user can read it)."""
        with self.context.read() as session:
            evidence, content = evidence_content(session, evidence_id)
            name = safe_filename(evidence.filename)
        if self._temp_dir is None or not self._temp_dir.exists():
            self._temp_dir = Path(tempfile.mkdtemp(prefix="dpia_desk-evidence-"))
        folder = Path(tempfile.mkdtemp(dir=self._temp_dir))  # one folder per file: names may repeat
        target = folder / name
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        return target

    def clean_up(self) -> None:
        """Removes the decrypted copies (when the window closes)."""
        import shutil

        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    # --- review and sign-off ---------------------------------------------------------------------

    def rate_section(self, section_id: str, rating: str, comment: str, reviewer: str) -> bool:
        try:
            with self._write() as session:
                signoff_service.rate_section(
                    session,
                    actor=self.context.actor,
                    assessment_id=self.assessment_id,
                    section_id=section_id,
                    rating=rating,
                    comment=comment,
                    reviewer=reviewer,
                )
                self._review = review_data(session, self.assessment_id)
        except DpiaDeskError as error:
            self.report("", error)
            return False
        self.review_changed.emit()
        return True

    def set_status(self, status: str) -> bool:
        try:
            with self._write() as session:
                signoff_service.set_status(
                    session,
                    actor=self.context.actor,
                    assessment_id=self.assessment_id,
                    status=status,
                )
                self._snapshot = snapshot(session, self.assessment_id)
        except DpiaDeskError as error:
            self.report("", error)
            return False
        self.review_changed.emit()
        return True

    def sign_off(self, role: str, name: str, decision: str, statement: str) -> None:
        """Records a decision; raises DpiaDeskError (SignOffBlockedError lists what is missing)."""
        was_locked = self.locked
        with self._write() as session:
            signoff_service.sign_off(
                session,
                actor=self.context.actor,
                assessment_id=self.assessment_id,
                role=role,
                name=name,
                decision=decision,
                statement=statement,
            )
            data = load_assessment_data(session, self.assessment_id)
        self._replace(data)
        self.schedule_summary()
        if self.locked and not was_locked:
            self.undo_stack.clear()
            self.undo_stack.setActive(False)
            self.refresh_summary_now()
        self.data_loaded.emit()

    def reopen(self) -> str | None:
        try:
            with self._write() as session:
                new = signoff_service.reopen(
                    session, actor=self.context.actor, assessment_id=self.assessment_id
                )
                new_id = new.id
        except DpiaDeskError as error:
            self.report("", error)
            return None
        self.schedule_summary()
        self.reopened.emit(new_id)
        return new_id

    # --- reloading and the vendor figures --------------------------------------------------------

    def reload(self) -> None:
        with self.context.read() as session:
            data = load_assessment_data(session, self.assessment_id)
        self._replace(data)
        self.data_loaded.emit()

    def _replace(self, data: AssessmentData) -> None:
        self._data = data
        self._snapshot = data.snapshot
        self._evidence = data.evidence
        self._review = data.review
        self._related = data.related

    def _changed_elsewhere(self, kind: str) -> None:
        """Another window changed a form this one's scores read: read those scores again."""
        if not self._writing and kind in (ANSWER_KIND, "assessment"):
            self._related_timer.start()

    def refresh_related(self) -> None:
        self._related_timer.stop()
        if self.context.workspace.closed:
            return
        with self.context.read() as session:
            self._related = related_results(session, get_assessment(session, self.assessment_id))
        rescored = rescore(self._snapshot, related=self._related)
        old, new = self._snapshot.result, rescored.result
        if old is not None and new is not None and old.to_json() == new.to_json():
            return
        self._snapshot = rescored
        self.state_changed.emit()

    def schedule_summary(self) -> None:
        self._summary_timer.start()

    @property
    def summary_pending(self) -> bool:
        return self._summary_timer.isActive()

    def refresh_summary_now(self) -> None:
        """Refreshes the vendor table's figures on the work runner (also when the window closes)."""
        self._summary_timer.stop()
        context = self.context
        if context.read_only or context.workspace.closed:
            return
        context.runner.submit(
            _summary_job,
            context,
            self._snapshot.vendor_id,
            description="refresh vendor figures",
            on_result=lambda _none: context.notify_changed("vendor"),
        )
