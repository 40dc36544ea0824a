"""CLI command: ``import``.

``import FILE [--vendor ID] [--as-new-version] [--json]``
    imports a dpia_desk assessment exchange file (``export ... --format json``) or a CNIL PIA
    software export, whichever FILE is, and prints the new assessment's id. The file is checked
    completely first (a refused file changes nothing, and the message names the place); then a
    verified backup of the workspace is written to the backup folder and the import is recorded
    in the audit trail with the file's SHA-256.

    ``--vendor ID``: the vendor a CNIL PIA is about (required for one); for a dpia_desk file,
    attach the assessment to this vendor instead of the file's own.
    ``--as-new-version``: when the file's assessment is already in the workspace, add it as the
    next version (after an approval or a rejection) instead of refusing.
    ``--json``: ``{"assessment_id", "vendor_id", "format", "mapped", "unmapped", "file",
    "file_sha256", "backup"}``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dpia_desk.cli.common import add_command, add_json_option, emit_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = add_command(
        subparsers,
        "import",
        "import an assessment from a dpia_desk exchange file or a CNIL PIA export",
    )
    command.add_argument("file", type=Path, metavar="FILE", help="the JSON file to import")
    command.add_argument(
        "--vendor",
        metavar="ID",
        help="the vendor a CNIL PIA is about (required for one); for a dpia_desk file, "
        "attach the assessment to this vendor instead",
    )
    command.add_argument(
        "--as-new-version",
        action="store_true",
        help="if the assessment is already here, add the file as its next version",
    )
    add_json_option(command)
    command.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.exchange import ImportMode, import_file

    mode: ImportMode = "new_version" if args.as_new_version else "refuse"
    with open_workspace(args) as workspace:
        report = import_file(
            workspace, args.file, actor=workspace.actor, vendor_id=args.vendor, mode=mode
        )
    if args.json:
        emit_json(report.to_json())
        return 0
    print(report.assessment_id)
    return 0
