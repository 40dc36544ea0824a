"""Which workspace a command works on, and with which key (shared by every workspace command).

* Workspace: ``--workspace PATH``, else :func:`dpia_desk.paths.default_workspace_path`.
* Key: ``--passphrase-file FILE`` (the file's content; one trailing newline is ignored), else the
  environment variable ``DPIA_DESK_PASSPHRASE`` when set, else this computer's keychain.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dpia_desk import paths
from dpia_desk.cli.common import PASSPHRASE_ENV
from dpia_desk.errors import DpiaDeskError
from dpia_desk.store import KeychainKey, Passphrase, RecoveryKey, Workspace
from dpia_desk.store.migrate import HEAD_REVISION
from dpia_desk.store.workspace import WorkspaceNeedsUpgradeError

MAX_SECRET_FILE_BYTES = 64 * 1024


class SecretFileError(DpiaDeskError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"Cannot use {path}: {reason}.", hint="Check the file name and its content."
        )


def confirm(question: str) -> bool:
    """Ask on the terminal; without one (scripts, pipes) the answer is no."""
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def workspace_path(args: argparse.Namespace) -> Path:
    chosen = getattr(args, "workspace", None)
    return Path(chosen).expanduser() if chosen else paths.default_workspace_path()


def read_secret_file(path: Path) -> str:
    """A secret kept in a file: UTF-8 text; one trailing line break is not part of it."""
    try:
        with path.expanduser().open("rb") as stream:
            data = stream.read(MAX_SECRET_FILE_BYTES + 1)
    except OSError as error:
        raise SecretFileError(path, error.strerror or "it cannot be read") from None
    if len(data) > MAX_SECRET_FILE_BYTES:
        raise SecretFileError(path, "it is too large to hold a passphrase or key")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SecretFileError(path, "it is not UTF-8 text") from None
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith("\n"):
        return text[:-1]
    return text


def key_source(args: argparse.Namespace) -> KeychainKey | Passphrase:
    passphrase_file = getattr(args, "passphrase_file", None)
    if passphrase_file is not None:
        return Passphrase(read_secret_file(Path(passphrase_file)))
    from_environment = os.environ.get(PASSPHRASE_ENV)
    if from_environment is not None:
        return Passphrase(from_environment)
    return KeychainKey()


def key_mode_label(source: KeychainKey | Passphrase | RecoveryKey) -> str:
    if isinstance(source, Passphrase):
        return "passphrase"
    if isinstance(source, RecoveryKey):
        return "recovery key"
    return "keychain"


def open_workspace(args: argparse.Namespace, *, read_only: bool = False) -> Workspace:
    """Open the workspace the command line names. A command that only reads still upgrades a
    workspace written by an older version (as the desktop app does on open, after a verified
    backup) and says so on stderr: otherwise every reading command would fail after an update
    until some writing command had run."""
    path, source = workspace_path(args), key_source(args)
    try:
        return Workspace.open(path, source, read_only=read_only)
    except WorkspaceNeedsUpgradeError:
        pass
    with Workspace.open(path, source) as upgraded:
        from dpia_desk.services.summary import refresh_all_vendor_summaries

        with upgraded.session() as session:  # what the newer schema caches, filled in
            refresh_all_vendor_summaries(session)
        print(
            f"dpia-desk: upgraded {upgraded.path} to schema {HEAD_REVISION} "
            f"(a verified backup was taken first, in {paths.default_backup_dir()})",
            file=sys.stderr,
        )
    return Workspace.open(path, source, read_only=read_only)


def create_workspace(args: argparse.Namespace) -> tuple[Workspace, RecoveryKey]:
    return Workspace.create(workspace_path(args), key_source(args))
