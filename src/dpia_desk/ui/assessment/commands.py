"""Undoable changes of an open assessment: one command per saved answer or comment.

A command's ``redo`` and ``undo`` call the services through the controller, so undoing is itself
an audited, committed change (the audit trail shows the answer going back). When the very first
``redo`` (inside ``QUndoStack.push``) fails, the command marks itself obsolete and Qt drops it, so
a refused change never sits on the stack.

Successive saves of the same text answer (the editor saves while the user pauses typing) merge
into one step, so Ctrl+Z takes back the whole edit rather than one pause at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from dpia_desk.errors import DpiaDeskError

if TYPE_CHECKING:
    from dpia_desk.ui.assessment.controller import AssessmentController

#: QUndoCommand ids: commands with the same id may merge (texts of one question).
TEXT_ANSWER_ID = 1001
COMMENT_ID = 1002


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _ValueCommand(QUndoCommand):
    def __init__(
        self,
        controller: AssessmentController,
        question_id: str,
        old: Any,
        new: Any,
        *,
        mergeable: bool,
    ) -> None:
        super().__init__()
        self.controller = controller
        self.question_id = question_id
        self.old = old
        self.new = new
        self.mergeable = mergeable
        self.failed = False
        self._first = True

    def _write(self, value: Any) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self._write(self.new)
        except DpiaDeskError as error:
            self.controller.report(self.question_id, error)
            if self._first:
                self.failed = True
                self.setObsolete(True)
        self._first = False

    def undo(self) -> None:
        try:
            self._write(self.old)
        except DpiaDeskError as error:
            self.controller.report(self.question_id, error)

    def _merge_id(self) -> int:
        raise NotImplementedError

    def id(self) -> int:
        return self._merge_id() if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, type(self))
            or other.question_id != self.question_id
            or not other.mergeable
            or other.failed
        ):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True


class AnswerCommand(_ValueCommand):
    def __init__(
        self,
        controller: AssessmentController,
        question_id: str,
        old: Any,
        new: Any,
        *,
        mergeable: bool = False,
    ) -> None:
        super().__init__(controller, question_id, old, new, mergeable=mergeable)
        question = controller.form.question(question_id)
        self.setText(
            QCoreApplication.translate("AnswerCommand", "answer to “{question}”").format(
                question=_short(question.text)
            )
        )

    def _write(self, value: Any) -> None:
        self.controller.write_answer(self.question_id, value, from_history=not self._first)

    def _merge_id(self) -> int:
        return TEXT_ANSWER_ID


class CommentCommand(_ValueCommand):
    def __init__(
        self, controller: AssessmentController, question_id: str, old: str, new: str
    ) -> None:
        super().__init__(controller, question_id, old, new, mergeable=True)
        question = controller.form.question(question_id)
        self.setText(
            QCoreApplication.translate("CommentCommand", "comment on “{question}”").format(
                question=_short(question.text)
            )
        )

    def _write(self, value: Any) -> None:
        self.controller.write_comment(self.question_id, str(value), from_history=not self._first)

    def _merge_id(self) -> int:
        return COMMENT_ID
