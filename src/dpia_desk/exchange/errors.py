"""What goes wrong when moving assessments in and out of a workspace, told once and clearly.

Every refusal of an import is one :class:`ImportRefusedError` naming the file, the place inside it
(``answers[12].value``) and the reason; nothing has been written when it is raised. Export
failures are :class:`ExportFailedError` and leave no partial file behind.
"""

from __future__ import annotations

from pathlib import Path

from dpia_desk.errors import DpiaDeskError


class ExchangeError(DpiaDeskError):
    """Base class of the import and export errors below."""


class ImportRefusedError(ExchangeError):
    """The file cannot be imported; the workspace was not changed."""

    def __init__(
        self, source: Path | str, place: str | None, reason: str, *, hint: str | None = None
    ) -> None:
        where = f"{place}: " if place else ""
        super().__init__(
            f"Cannot import {source}: {where}{reason}.",
            hint=hint or "Nothing was imported; the workspace is unchanged.",
        )
        self.source = str(source)
        self.place = place
        self.reason = reason


class AssessmentExistsError(ImportRefusedError):
    """The assessment in the file is already in this workspace (same id)."""

    def __init__(self, source: Path | str, assessment_id: str, detail: str) -> None:
        super().__init__(
            source,
            "assessment.id",
            f"assessment {assessment_id} is already in this workspace ({detail})",
            hint=(
                "Nothing was imported. Import it into another workspace, or import it as a new "
                "version of the existing one (mode 'new_version', CLI --as-new-version)."
            ),
        )
        self.assessment_id = assessment_id


class ExportFailedError(ExchangeError):
    """The export file could not be written; no partial file was left behind."""

    def __init__(self, target: Path, reason: str, *, hint: str | None = None) -> None:
        super().__init__(
            f"Cannot write {target}: {reason}.",
            hint=hint or "Nothing was written; an existing file of that name was left unchanged.",
        )
        self.target = target
        self.reason = reason
