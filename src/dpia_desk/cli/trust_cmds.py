"""CLI commands that keep the workspace trustworthy: audit verify, backup, restore, rekey.

``audit verify [--json]``
    checks the hash chain of the audit trail and names the first broken event (exit 1 if broken)
``backup --output FILE [--json]``
    writes a verified, encrypted copy through SQLite's online backup (same key as the workspace)
``restore FILE [--yes] [--json]``
    replaces the workspace (or creates it at --workspace) with a backup after checking it; the
    workspace being replaced is first copied to the backup folder
``rekey [--to keychain|passphrase] [--new-passphrase-file FILE] [--json]``
    re-encrypts the workspace with a new key and prints the new recovery key
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from dpia_desk.cli.common import (
    PASSPHRASE_ENV,
    add_command,
    add_json_option,
    emit_json,
    print_error,
)
from dpia_desk.errors import DpiaDeskError

if TYPE_CHECKING:
    from dpia_desk.store import KeychainKey, Passphrase

NEW_PASSPHRASE_ENV = "DPIA_DESK_NEW_PASSPHRASE"  # noqa: S105 (the variable's name, not a secret)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = add_command(subparsers, "audit", "work with the audit trail")
    audit_actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = add_command(audit_actions, "verify", "check the audit trail's hash chain")
    add_json_option(verify)
    verify.set_defaults(func=run_audit_verify)

    backup = add_command(subparsers, "backup", "write a verified, encrypted copy of the workspace")
    backup.add_argument("--output", type=Path, required=True, metavar="FILE")
    add_json_option(backup)
    backup.set_defaults(func=run_backup)

    restore = add_command(
        subparsers, "restore", "replace the workspace with a backup (after checking the backup)"
    )
    restore.add_argument("backup_file", type=Path, metavar="FILE")
    restore.add_argument(
        "--yes", action="store_true", help="replace an existing workspace without asking"
    )
    restore.add_argument(
        "--recovery-key-file",
        type=Path,
        metavar="FILE",
        help="open the backup with this recovery key (e.g. a backup from before a key change)",
    )
    add_json_option(restore)
    restore.set_defaults(func=run_restore)

    rekey = add_command(subparsers, "rekey", "re-encrypt the workspace with a new key")
    rekey.add_argument(
        "--to",
        choices=["keychain", "passphrase"],
        help="the new key mode (default: the current one)",
    )
    rekey.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"the new passphrase (or set {NEW_PASSPHRASE_ENV}); needed with --to passphrase",
    )
    add_json_option(rekey)
    rekey.set_defaults(func=run_rekey)


def run_audit_verify(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace

    with open_workspace(args, read_only=True) as workspace:
        report = workspace.verify_audit_trail()
    if args.json:
        emit_json(
            {
                "ok": report.ok,
                "events": report.events,
                "erased": report.erased,
                "first_broken": report.first_broken,
                "reason": report.reason,
                "last_hash": report.last_hash,
            }
        )
    elif report.ok:
        print(
            f"The audit trail is intact: {report.events} events, each linked to the one before "
            f"({report.erased} with values erased). Last hash: {report.last_hash}"
        )
    if not report.ok:
        print_error(f"the audit trail is broken at event {report.first_broken}: {report.reason}")
        return 1
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace

    with open_workspace(args, read_only=True) as workspace:
        info = workspace.backup(args.output.expanduser().absolute())
    if args.json:
        emit_json(
            {
                "path": str(info.path),
                "size": info.size,
                "revision": info.revision,
                "tables": info.tables,
            }
        )
    else:
        rows = sum(info.tables.values())
        print(
            f"Backup written and verified: {info.path} ({info.size} bytes, {rows} rows). "
            "It opens with the same key, passphrase or recovery key as the workspace."
        )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import confirm, key_source, read_secret_file, workspace_path
    from dpia_desk.store import RecoveryKey, Workspace, keys
    from dpia_desk.store.restore import restore_backup

    target = workspace_path(args)
    replace = target.exists()
    if (
        replace
        and not args.yes
        and not confirm(
            f"Replace the workspace {target} with {args.backup_file}? Its current content is "
            "kept in the backup folder first."
        )
    ):
        raise DpiaDeskError(
            f"Not restored: {target} exists.", hint="Confirm with --yes to replace it."
        )
    source: KeychainKey | Passphrase | RecoveryKey = key_source(args)
    if args.recovery_key_file is not None:
        source = RecoveryKey.parse(read_secret_file(args.recovery_key_file))
    result = restore_backup(
        args.backup_file.expanduser().absolute(), target, source, replace=replace
    )
    if isinstance(source, RecoveryKey) and keys.keychain_available():
        # The restored file has the backup's key: keep it where the next open will look.
        with Workspace.open(target, source) as restored:
            restored.store_key_in_keychain()
    if args.json:
        emit_json(
            {
                "path": str(result.path),
                "restored_from": str(result.source),
                "previous_copy": None
                if result.previous_copy is None
                else str(result.previous_copy),
            }
        )
    else:
        print(f"Restored {result.path} from {result.source}.")
        if result.previous_copy is not None:
            print(f"The workspace it replaced is kept as {result.previous_copy}.")
    return 0


def _new_key_source(args: argparse.Namespace, current_mode: str) -> KeychainKey | Passphrase:
    from dpia_desk.cli.context import read_secret_file
    from dpia_desk.store import KeychainKey, Passphrase

    target = args.to or current_mode
    if target == "keychain":
        return KeychainKey()
    if args.new_passphrase_file is not None:
        return Passphrase(read_secret_file(args.new_passphrase_file))
    from_environment = os.environ.get(NEW_PASSPHRASE_ENV)
    if from_environment is not None:
        return Passphrase(from_environment)
    raise DpiaDeskError(
        "A new passphrase is needed.",
        hint=f"Pass --new-passphrase-file FILE or set {NEW_PASSPHRASE_ENV} "
        f"({PASSPHRASE_ENV} keeps holding the current one).",
    )


def run_rekey(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.cli.workspace_cmds import RECOVERY_ADVICE

    with open_workspace(args) as workspace:
        current = "passphrase" if workspace.opened_with == "passphrase" else "keychain"
        recovery, backup = workspace.rekey(_new_key_source(args, current))
        mode = workspace.opened_with
    if args.json:
        emit_json(
            {
                "key_mode": mode,
                "recovery_key": recovery.text(),
                "backup_before_rekey": str(backup.path),
            }
        )
        return 0
    where = (
        "kept in this computer's keychain" if mode == "keychain" else "derived from the passphrase"
    )
    print(f"The workspace is re-encrypted with a new key ({where}).")
    print(f"A verified backup with the old key was written first: {backup.path}")
    print()
    print(f"New recovery key: {recovery.text()}")
    print()
    print(
        RECOVERY_ADVICE
        + " The old recovery key no longer opens the workspace (only older backups)."
    )
    return 0
