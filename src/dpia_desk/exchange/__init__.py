"""Moving assessments between workspaces and in from the CNIL PIA software (no Qt).

The dpia_desk exchange format (docs/exchange-format.md, JSON Schema in
docs/exchange-format.schema.json) carries one full assessment, attachments included, as one
JSON file that imports back losslessly::

    from dpia_desk.exchange import export_assessment, import_assessment, import_cnil_pia

    with workspace.read_session() as session:
        result = export_assessment(session, assessment_id, "dpia.json")   # atomic, 0600
    report = import_assessment(workspace, "dpia.json", actor=workspace.actor)
    report = import_cnil_pia(workspace, "pia.json", actor=workspace.actor, vendor_id=vendor_id)
    report = import_file(workspace, path, actor=..., vendor_id=None)      # detects the format
    report.assessment_id, report.mapped, report.unmapped, report.to_json()

Every import reads the file within limits (size, nesting depth, types, lengths: see
:mod:`~dpia_desk.exchange.limits`), validates everything before writing anything, and refuses
with one :class:`ImportRefusedError` naming the place (``answers[12].value: ...``), the
workspace unchanged. Given a :class:`~dpia_desk.store.Workspace`, it first writes a verified
backup into the backups folder; given a session, the caller owns the transaction and the backup
(:func:`backup_before_import`). Each import appends an "import" audit event with the file's
SHA-256.
"""

from __future__ import annotations

from pathlib import Path

from dpia_desk.exchange.cnil_import import CNIL_FORMAT, import_cnil_pia, is_cnil_export
from dpia_desk.exchange.document import FORMAT, FORMAT_VERSION, ExchangeDocument
from dpia_desk.exchange.errors import (
    AssessmentExistsError,
    ExchangeError,
    ExportFailedError,
    ImportRefusedError,
)
from dpia_desk.exchange.export import ExportResult, build_document, export_assessment
from dpia_desk.exchange.importer import IMPORT_MODES, ImportMode, import_assessment
from dpia_desk.exchange.jsonfile import LoadedJson, read_json_file
from dpia_desk.exchange.report import ImportReport
from dpia_desk.exchange.transaction import ImportTarget, backup_before_import
from dpia_desk.exchange.validation import is_exchange_document

__all__ = [
    "CNIL_FORMAT",
    "FORMAT",
    "FORMAT_VERSION",
    "IMPORT_MODES",
    "AssessmentExistsError",
    "ExchangeDocument",
    "ExchangeError",
    "ExportFailedError",
    "ExportResult",
    "ImportMode",
    "ImportRefusedError",
    "ImportReport",
    "ImportTarget",
    "LoadedJson",
    "backup_before_import",
    "build_document",
    "detect_format",
    "export_assessment",
    "import_assessment",
    "import_cnil_pia",
    "import_file",
    "read_json_file",
]


def detect_format(loaded: LoadedJson) -> str:
    """``"dpia_desk.assessment"`` or ``"cnil_pia"``; anything else is refused with a message."""
    data = loaded.data
    if is_exchange_document(data):
        return FORMAT
    if is_cnil_export(data):
        return CNIL_FORMAT
    if isinstance(data, dict) and "format" in data:
        # Claims to be ours but is not: let the exchange checks say what is wrong with it.
        return FORMAT
    if isinstance(data, dict) and isinstance(data.get("structure"), dict):
        raise ImportRefusedError(
            loaded.source,
            None,
            "this is a CNIL PIA structure (a questionnaire template), not a PIA; export the PIA "
            "itself from the CNIL software",
        )
    raise ImportRefusedError(
        loaded.source,
        None,
        "it is neither a dpia_desk assessment exchange file nor a CNIL PIA export",
        hint="Import a file written by 'dpia-desk export --format json' or by the CNIL PIA "
        "software's export. Nothing was imported.",
    )


def import_file(
    target: ImportTarget,
    path: Path | str,
    *,
    actor: str,
    vendor_id: str | None = None,
    mode: ImportMode = "refuse",
) -> ImportReport:
    """Import a dpia_desk exchange file or a CNIL PIA export, whichever ``path`` holds.

    A CNIL PIA names no vendor, so ``vendor_id`` is required for one; for an exchange file it
    attaches the assessment to that vendor instead of the file's.
    """
    from dpia_desk.exchange.cnil_import import import_cnil_data
    from dpia_desk.exchange.importer import import_exchange_data

    loaded = read_json_file(path)
    kind = detect_format(loaded)
    if kind == CNIL_FORMAT:
        if vendor_id is None:
            raise ImportRefusedError(
                loaded.source,
                None,
                "a CNIL PIA export does not say which vendor it is about",
                hint="Pass the vendor's id (CLI: --vendor ID). Nothing was imported.",
            )
        return import_cnil_data(target, loaded, actor=actor, vendor_id=vendor_id)
    return import_exchange_data(target, loaded, actor=actor, mode=mode, vendor_id=vendor_id)
