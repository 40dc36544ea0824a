"""What an import did: the new assessment, and what was and was not carried over."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ImportReport:
    """The result of one import, for the CLI (``--json``), the GUI and the tests.

    ``mapped`` lists what landed in the workspace; ``unmapped`` what did not land where it came
    from (kept in comments or the attached original, or left out, each line saying which).
    """

    format: str
    assessment_id: str
    vendor_id: str
    source: str
    file_sha256: str
    backup: Path | None
    mapped: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "assessment_id": self.assessment_id,
            "vendor_id": self.vendor_id,
            "format": self.format,
            "mapped": list(self.mapped),
            "unmapped": list(self.unmapped),
            "file": self.source,
            "file_sha256": self.file_sha256,
            "backup": str(self.backup) if self.backup is not None else None,
        }
