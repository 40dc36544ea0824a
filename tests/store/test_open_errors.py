"""Each wrong file or key gives its own typed error and leaves the file exactly as it was."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dpia_desk.store import (
    KeychainKey,
    NotAWorkspaceError,
    Passphrase,
    RecoveryKey,
    Workspace,
    WorkspaceDamagedError,
    WrongKeyError,
    add_vendor,
)
from tests.store.helpers import PASSPHRASE, file_digest


def _plain_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE vendor(name TEXT)")
    connection.execute("INSERT INTO vendor VALUES ('plain')")
    connection.commit()
    connection.close()


def _plain_sqlite_wal(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t(x)")
    connection.commit()
    connection.close()


def _random_bytes(size: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(os.urandom(size))

    return write


def _empty(path: Path) -> None:
    path.write_bytes(b"")


BAD_FILES = {
    "plain-sqlite": (_plain_sqlite, "unencrypted SQLite"),
    "plain-sqlite-wal": (_plain_sqlite_wal, "unencrypted SQLite"),
    "random-bytes": (_random_bytes(10_000), "not a whole number of pages"),
    "tiny-random": (_random_bytes(100), "not a whole number of pages"),
    "empty": (_empty, "empty"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
@pytest.mark.parametrize("key", ["keychain", "passphrase"])
def test_files_that_are_not_workspaces(workspace_file: Path, kind: str, key: str) -> None:
    make, reason = BAD_FILES[kind]
    workspace_file.parent.mkdir(parents=True)
    make(workspace_file)
    before = file_digest(workspace_file)
    listing = sorted(p.name for p in workspace_file.parent.iterdir())
    source = KeychainKey() if key == "keychain" else Passphrase(PASSPHRASE)
    with pytest.raises(NotAWorkspaceError, match=reason):
        Workspace.open(workspace_file, source)
    assert file_digest(workspace_file) == before
    assert sorted(p.name for p in workspace_file.parent.iterdir()) == listing


def test_a_folder_is_not_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkspaceError, match="folder"):
        Workspace.open(tmp_path, KeychainKey())


def _truncate_to(size: Callable[[int], int]) -> Callable[[Path], None]:
    def cut(path: Path) -> None:
        data = path.read_bytes()
        path.write_bytes(data[: size(len(data))])

    return cut


@pytest.mark.parametrize(
    ("cut", "error", "reason"),
    [
        (_truncate_to(lambda n: n - 1000), NotAWorkspaceError, "whole number of pages"),
        (_truncate_to(lambda n: 10), NotAWorkspaceError, "whole number of pages"),
        (_truncate_to(lambda n: 4096), WorkspaceDamagedError, "damaged"),
    ],
    ids=["mid-page", "inside-the-salt", "one-page"],
)
def test_truncated_workspaces(
    passphrase_workspace: tuple[Workspace, RecoveryKey],
    cut: Callable[[Path], None],
    error: type[Exception],
    reason: str,
) -> None:
    workspace, _ = passphrase_workspace
    with workspace.session() as session:
        for number in range(200):
            add_vendor(session, actor="t", name=f"Vendor {number}", website="vendor.example")
    workspace.close()
    cut(workspace.path)
    before = file_digest(workspace.path)
    with pytest.raises(error, match=reason):
        Workspace.open(workspace.path, Passphrase(PASSPHRASE))
    assert file_digest(workspace.path) == before
    assert not Path(f"{workspace.path}-wal").exists()


@pytest.mark.parametrize("mode", ["passphrase", "recovery", "keychain"])
def test_wrong_keys(workspace_file: Path, mode: str) -> None:
    from dpia_desk.store import keys

    created_with = KeychainKey() if mode == "keychain" else Passphrase(PASSPHRASE)
    target, _ = Workspace.create(workspace_file, created_with)
    target.close()
    if mode == "keychain":
        keys.save_key(target.salt, os.urandom(32))  # the entry was replaced by a wrong key
        source: KeychainKey | Passphrase | RecoveryKey = KeychainKey()
    elif mode == "passphrase":
        source = Passphrase(PASSPHRASE + "!")
    else:
        source = RecoveryKey(os.urandom(32))
    before = file_digest(target.path)
    with pytest.raises(WrongKeyError) as caught:
        Workspace.open(target.path, source)
    assert caught.value.mode == mode
    assert file_digest(target.path) == before
    assert sorted(p.name for p in target.path.parent.iterdir()) == ["team.dpia", "team.dpia.lock"]


def test_a_wrong_key_keeps_uncheckpointed_wal_content(
    passphrase_workspace: tuple[Workspace, RecoveryKey], tmp_path: Path
) -> None:
    """A crash leaves committed data in the WAL; a wrong key must not disturb either file."""
    workspace, _ = passphrase_workspace
    path = workspace.path
    script = (
        "import os, sys\n"
        "from dpia_desk.store import Workspace, Passphrase, add_vendor\n"
        "w = Workspace.open(sys.argv[1], Passphrase(sys.argv[2]))\n"
        "with w.session() as s: add_vendor(s, actor='t', name='In the WAL only')\n"
        "os._exit(0)\n"  # no close: no checkpoint, the WAL keeps the commit
    )
    workspace.close()
    subprocess.run([sys.executable, "-c", script, str(path), PASSPHRASE], check=True)
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    digests = (file_digest(path), file_digest(wal))
    with pytest.raises(WrongKeyError):
        Workspace.open(path, Passphrase("wrong"))
    assert (file_digest(path), file_digest(wal)) == digests
    with Workspace.open(path, Passphrase(PASSPHRASE)) as reopened, reopened.read_session() as s:
        from sqlalchemy import select

        from dpia_desk.store.models import Vendor

        assert s.scalars(select(Vendor.name)).all() == ["In the WAL only"]


def test_sqlcipher_log_lines_never_reach_stderr(
    passphrase_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = passphrase_workspace
    workspace.close()
    script = (
        "import sys\n"
        "from dpia_desk.store import Workspace, Passphrase, WrongKeyError\n"
        "try:\n"
        "    Workspace.open(sys.argv[1], Passphrase('wrong'))\n"
        "except WrongKeyError:\n"
        "    print('refused')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(workspace.path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "refused"
    assert result.stderr == ""
