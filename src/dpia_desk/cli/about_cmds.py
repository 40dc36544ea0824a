"""CLI command: ``dpia-desk about [--json]``, the About dialog's content without a window.

Versions (app, Python, PySide6/Qt), the licences of the bundled fonts and third-party packages, and
where the workspace, settings, backups and forms live. Support asks for it first; the packaging
smoke test reads it from the built bundle to prove the package metadata travelled with it.
Qt is not imported: the Qt version shown is the PySide6 release's.
"""

from __future__ import annotations

import argparse

from dpia_desk.cli.common import add_command, add_json_option, emit_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    about = add_command(
        subparsers,
        "about",
        "versions, licences of bundled fonts and packages, and where your data lives",
    )
    add_json_option(about)
    about.set_defaults(func=run_about)


def run_about(args: argparse.Namespace) -> int:
    from pathlib import Path

    from dpia_desk.about import about_info, about_text

    workspace = getattr(args, "workspace", None)
    info = about_info(workspace=Path(workspace) if workspace else None)
    if args.json:
        emit_json(info.to_json())
    else:
        print(about_text(info))
    return 0
