"""CLI commands about the workspace itself: init, check, demo, recover, recovery-key.

``init``          create the workspace (never over an existing file) and print its recovery key
``check``         integrity_check, foreign_key_check and cipher_integrity_check; exit 1 on problems
``demo``          create the workspace if needed, then add or refresh the demo vendors
``recover``       open with the recovery key and keep the key in this computer's keychain
``recovery-key``  print the recovery key of a workspace that opens with the keychain or passphrase
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dpia_desk.cli.common import add_command, add_json_option, emit_json

if TYPE_CHECKING:
    from dpia_desk.store import RecoveryKey, Workspace

RECOVERY_ADVICE = (
    "Write this recovery key down and keep it somewhere safe, away from this computer. It is "
    "shown only now; if the keychain entry or the passphrase is ever lost, it is the only way "
    "to open the workspace, and anyone who has it and the file can read the workspace."
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = add_command(subparsers, "init", "create a new encrypted workspace")
    add_json_option(init)
    init.set_defaults(func=run_init)

    check = add_command(subparsers, "check", "check the workspace for damage")
    add_json_option(check)
    check.set_defaults(func=run_check)

    demo = add_command(
        subparsers, "demo", "create or refresh a workspace with demo vendors and AI systems"
    )
    add_json_option(demo)
    demo.set_defaults(func=run_demo)

    recover = add_command(
        subparsers,
        "recover",
        "open the workspace with its recovery key and keep the key in this computer's keychain",
    )
    recover.add_argument(
        "--recovery-key-file",
        type=Path,
        metavar="FILE",
        help="read the recovery key from FILE (default: ask for it, or read it from stdin)",
    )
    recover.set_defaults(func=run_recover)

    show_key = add_command(
        subparsers, "recovery-key", "print the recovery key of the workspace again"
    )
    show_key.set_defaults(func=run_recovery_key)


def _print_created(workspace: Workspace, recovery: RecoveryKey, how: str) -> None:
    print(f"Created the workspace {workspace.path} ({how}).")
    print()
    print(f"Recovery key: {recovery.text()}")
    print()
    print(RECOVERY_ADVICE)


def _how(workspace: Workspace) -> str:
    if workspace.opened_with == "passphrase":
        return "protected by your passphrase"
    return "its key is kept in this computer's keychain"


def run_init(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import create_workspace

    workspace, recovery = create_workspace(args)
    with workspace:
        if args.json:
            emit_json(
                {
                    "path": str(workspace.path),
                    "key_mode": workspace.opened_with,
                    "recovery_key": recovery.text(),
                }
            )
        else:
            _print_created(workspace, recovery, _how(workspace))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from dpia_desk.cli.common import print_error
    from dpia_desk.cli.context import open_workspace

    with open_workspace(args, read_only=True) as workspace:
        report = workspace.check()
    if args.json:
        emit_json({"path": str(workspace.path), "ok": report.ok, "problems": report.problems})
    elif report.ok:
        print(
            f"The workspace {workspace.path} is healthy (integrity and encryption checks passed)."
        )
    else:
        for problem in report.problems:
            print(problem)
    if not report.ok:
        print_error(
            f"the workspace {workspace.path} is damaged: {len(report.problems)} problem(s) found"
        )
        return 1
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import create_workspace, open_workspace, workspace_path
    from dpia_desk.demo import populate_demo

    created: RecoveryKey | None = None
    if workspace_path(args).exists():
        workspace = open_workspace(args)
    else:
        workspace, created = create_workspace(args)
    with workspace:
        summary = populate_demo(workspace)
        if args.json:
            emit_json(
                {
                    "path": str(workspace.path),
                    "created": created is not None,
                    "recovery_key": created.text() if created is not None else None,
                    "vendors_added": summary.vendors_added,
                    "vendors_refreshed": summary.vendors_refreshed,
                    "ai_systems_added": summary.ai_systems_added,
                    "ai_systems_refreshed": summary.ai_systems_refreshed,
                }
            )
            return 0
        if created is not None:
            _print_created(workspace, created, _how(workspace))
            print()
        print(
            f"Demo data in {workspace.path}: {summary.vendors_added} vendor(s) added, "
            f"{summary.vendors_refreshed} refreshed; {summary.ai_systems_added} AI system(s) "
            f"added, {summary.ai_systems_refreshed} refreshed."
        )
    return 0


def _read_recovery_key(args: argparse.Namespace) -> str:
    from dpia_desk.cli.context import read_secret_file

    if args.recovery_key_file is not None:
        return read_secret_file(args.recovery_key_file)
    if sys.stdin.isatty():
        return getpass.getpass("Recovery key: ")
    return sys.stdin.readline()


def run_recover(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import workspace_path
    from dpia_desk.store import RecoveryKey, Workspace, record_event

    recovery = RecoveryKey.parse(_read_recovery_key(args))
    with Workspace.open(workspace_path(args), recovery) as workspace:
        workspace.store_key_in_keychain()
        with workspace.session() as session:
            record_event(session, workspace.actor, "recover", "workspace", None, "key_location",
                         None, "keychain")  # fmt: skip
        print(
            f"The workspace {workspace.path} opened with the recovery key; its key is now kept "
            "in this computer's keychain, so it opens without the recovery key from now on."
        )
    return 0


def run_recovery_key(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace

    with open_workspace(args, read_only=True) as workspace:
        print(f"Recovery key: {workspace.recovery_key().text()}")
        print()
        print(RECOVERY_ADVICE.replace("It is shown only now; if", "If"))
    return 0
