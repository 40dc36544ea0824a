"""Errors of the assessment workflow, each with the way forward."""

from __future__ import annotations

from collections.abc import Sequence

from dpia_desk.errors import DpiaDeskError


class AssessmentLockedError(DpiaDeskError):
    def __init__(self, assessment_id: str, status: str) -> None:
        super().__init__(
            f"Assessment {assessment_id} is {status} and locked.",
            hint="Reopen it to change anything: that creates a new version and keeps this one.",
        )
        self.assessment_id = assessment_id
        self.status = status


class UnknownQuestionError(DpiaDeskError):
    def __init__(self, form_id: str, question_id: str) -> None:
        super().__init__(
            f"Form '{form_id}' has no question '{question_id}'.",
            hint="Check the question id (`dpia-desk forms list --json` shows the forms).",
        )
        self.question_id = question_id


class AnswerRejectedError(DpiaDeskError):
    def __init__(self, question_id: str, reason: str) -> None:
        super().__init__(f"{question_id}: {reason}", hint="Nothing was saved for this question.")
        self.question_id = question_id
        self.reason = reason


class SignOffBlockedError(DpiaDeskError):
    def __init__(self, missing: Sequence[str], titles: Sequence[str]) -> None:
        shown = "; ".join(titles[:5])
        more = f" and {len(titles) - 5} more" if len(titles) > 5 else ""
        super().__init__(
            f"{len(missing)} required question(s) are unanswered: {shown}{more}.",
            hint="Answer them, or record a rejection instead of an approval.",
        )
        self.missing = tuple(missing)


class EvidenceRejectedError(DpiaDeskError):
    def __init__(self, filename: str, reason: str, hint: str) -> None:
        super().__init__(f"Cannot attach '{filename}': {reason}.", hint=hint)
        self.filename = filename


class InvalidInputError(DpiaDeskError):
    """A field of a risk, action, review or sign-off that does not fit."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}.", hint="Nothing was saved.")
        self.field = field
