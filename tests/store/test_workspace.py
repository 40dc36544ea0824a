"""Creating and opening workspaces in both key modes, the recovery key, locks and PRAGMAs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import select, text

from dpia_desk.store import (
    KeychainKey,
    KeyNotAvailableError,
    Passphrase,
    PassphraseRequiredError,
    RecoveryKey,
    Workspace,
    WorkspaceExistsError,
    WorkspaceInUseError,
    WorkspaceNotFoundError,
    WorkspaceReadOnlyError,
    WrongKeyError,
    add_vendor,
    hints,
)
from dpia_desk.store.engine import passphrase_literal, raw_key_literal
from dpia_desk.store.models import Vendor
from tests.memory_keyring import MemoryKeyring
from tests.store.helpers import PASSPHRASE, file_digest, raw_open

ODD_PASSPHRASES = [
    "percent % at @ slash / colon :",
    'it\'s a "quoted" one',
    "  leading and trailing spaces  ",
    "Zoë Ångström — Łódź, Ελληνικά, 日本語",
    "'; DROP TABLE vendor; --",
    "x'00112233'",
]


def _add(workspace: Workspace, name: str) -> str:
    with workspace.session() as session:
        return add_vendor(session, actor="tester", name=name).id


def _names(workspace: Workspace) -> list[str]:
    with workspace.read_session() as session:
        return list(session.scalars(select(Vendor.name).order_by(Vendor.name)))


def test_keychain_workspace_round_trip(
    keychain_workspace: tuple[Workspace, RecoveryKey], memory_keyring: MemoryKeyring
) -> None:
    workspace, recovery = keychain_workspace
    _add(workspace, "Acme")
    path = workspace.path
    workspace.close()
    salt = path.read_bytes()[:16]
    stored = memory_keyring.secrets[("dpia_desk", f"workspace:{salt.hex()}")]
    assert stored == recovery.raw.hex()  # the recovery key is the keychain key
    with Workspace.open(path, KeychainKey()) as reopened:
        assert reopened.opened_with == "keychain"
        assert _names(reopened) == ["Acme"]


def test_recovery_key_of_a_passphrase_workspace_is_sqlciphers_derived_key(
    passphrase_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, recovery = passphrase_workspace
    _add(workspace, "Acme")
    path = workspace.path
    workspace.close()
    # SQLCipher's own KDF (passphrase literal) and the raw derived key open the same file.
    with_passphrase = raw_open(path, passphrase_literal(PASSPHRASE))
    assert with_passphrase.execute("SELECT name FROM vendor").fetchall() == [("Acme",)]
    with_passphrase.close()
    with_raw_key = raw_open(path, raw_key_literal(recovery.raw))
    assert with_raw_key.execute("SELECT name FROM vendor").fetchall() == [("Acme",)]
    with_raw_key.close()
    with Workspace.open(path, recovery) as reopened:
        assert _names(reopened) == ["Acme"]


@pytest.mark.parametrize("passphrase", ODD_PASSPHRASES)
def test_odd_passphrases_work_through_sqlalchemy_and_raw_sqlcipher3(
    workspace_file: Path, passphrase: str
) -> None:
    workspace, _ = Workspace.create(workspace_file, Passphrase(passphrase))
    with workspace:
        _add(workspace, "Canary")
    with Workspace.open(workspace_file, Passphrase(passphrase)) as reopened:
        assert _names(reopened) == ["Canary"]  # through SQLAlchemy's pooled engine
    connection = raw_open(workspace_file, passphrase_literal(passphrase))
    assert connection.execute("SELECT name FROM vendor").fetchall() == [("Canary",)]
    connection.close()
    with pytest.raises(WrongKeyError):
        Workspace.open(workspace_file, Passphrase(passphrase + "x"))


def test_every_connection_gets_its_pragmas(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    expected = {
        "journal_mode": "wal",
        "synchronous": "2",
        "foreign_keys": "1",
        "secure_delete": "1",
        "temp_store": "2",
        "cipher_memory_security": "1",
        "cipher_page_size": "4096",
        "kdf_iter": "256000",
        "cipher_hmac_algorithm": "HMAC_SHA512",
        "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
        "cipher_log_level": "NONE",
    }
    # Hold several pooled connections at once so each is a separate one.
    connections = [workspace.engine.connect() for _ in range(3)]
    try:
        for connection in connections:
            for name, value in expected.items():
                got = connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                assert str(got) == value, name
    finally:
        for connection in connections:
            connection.close()


def test_create_never_overwrites(workspace_file: Path) -> None:
    workspace_file.parent.mkdir(parents=True)
    for content in (b"", b"precious"):
        workspace_file.write_bytes(content)
        with pytest.raises(WorkspaceExistsError):
            Workspace.create(workspace_file, KeychainKey())
        assert workspace_file.read_bytes() == content


def test_open_of_a_missing_file_creates_nothing(workspace_file: Path) -> None:
    with pytest.raises(WorkspaceNotFoundError):
        Workspace.open(workspace_file, KeychainKey())
    assert not workspace_file.exists()
    assert not workspace_file.parent.exists()


def test_vanished_keychain_entry_and_the_recovery_key(
    keychain_workspace: tuple[Workspace, RecoveryKey], memory_keyring: MemoryKeyring
) -> None:
    workspace, recovery = keychain_workspace
    _add(workspace, "Acme")
    path = workspace.path
    workspace.close()
    before = file_digest(path)
    memory_keyring.secrets.clear()
    with pytest.raises(KeyNotAvailableError) as caught:
        Workspace.open(path, KeychainKey())
    assert not isinstance(caught.value, PassphraseRequiredError)
    assert "recovery key" in str(caught.value)
    assert file_digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["team.dpia", "team.dpia.lock"]
    with Workspace.open(path, recovery) as recovered:
        assert _names(recovered) == ["Acme"]
        recovered.store_key_in_keychain()
    with Workspace.open(path, KeychainKey()) as reopened:
        assert _names(reopened) == ["Acme"]


def test_keychain_mode_on_a_passphrase_workspace_asks_for_the_passphrase(
    passphrase_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = passphrase_workspace
    path = workspace.path
    workspace.close()
    with pytest.raises(PassphraseRequiredError, match="DPIA_DESK_PASSPHRASE"):
        Workspace.open(path, KeychainKey())


def test_a_copied_workspace_from_elsewhere_needs_its_recovery_key(
    keychain_workspace: tuple[Workspace, RecoveryKey], tmp_path: Path
) -> None:
    workspace, recovery = keychain_workspace
    _add(workspace, "Acme")
    workspace.close()
    # "Another computer": another keychain and no hints.
    keyring_of_other_machine = MemoryKeyring()
    import keyring

    keyring.set_keyring(keyring_of_other_machine)
    (tmp_path / "other-home").mkdir()
    hints.hints_path().unlink()
    with pytest.raises(KeyNotAvailableError):
        Workspace.open(workspace.path, KeychainKey())
    with Workspace.open(workspace.path, recovery) as recovered:
        recovered.store_key_in_keychain()
    assert len(keyring_of_other_machine.secrets) == 1
    with Workspace.open(workspace.path, KeychainKey()) as reopened:
        assert _names(reopened) == ["Acme"]


def test_a_second_open_in_the_same_process_is_refused(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    with pytest.raises(WorkspaceInUseError):
        Workspace.open(workspace.path, KeychainKey())
    workspace.close()
    Workspace.open(workspace.path, KeychainKey()).close()


def test_another_process_holding_the_workspace_is_detected(
    passphrase_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = passphrase_workspace
    path = workspace.path
    workspace.close()
    script = (
        "import sys, time\n"
        "from dpia_desk.store import Workspace, Passphrase\n"
        "w = Workspace.open(sys.argv[1], Passphrase(sys.argv[2]))\n"
        "print('open', flush=True)\n"
        "time.sleep(60)\n"
    )
    command = [sys.executable, "-c", script, str(path), PASSPHRASE]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "open"
            with pytest.raises(WorkspaceInUseError, match=f"process {holder.pid}"):
                Workspace.open(path, Passphrase(PASSPHRASE))
        finally:
            holder.kill()
    # The operating system released the lock of the killed process.
    Workspace.open(path, Passphrase(PASSPHRASE)).close()


def test_read_only_workspaces_refuse_writes_and_leave_no_files(
    passphrase_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = passphrase_workspace
    _add(workspace, "Acme")
    path = workspace.path
    workspace.close()
    before = file_digest(path)
    with Workspace.open(path, Passphrase(PASSPHRASE), read_only=True) as viewer:
        assert _names(viewer) == ["Acme"]
        with pytest.raises(WorkspaceReadOnlyError):
            _add(viewer, "Nope")
        with viewer.engine.connect() as connection, pytest.raises(Exception, match="readonly"):
            connection.exec_driver_sql("DELETE FROM vendor")
    assert file_digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["team.dpia", "team.dpia.lock"]


def test_session_commits_on_success_and_rolls_back_on_error(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    with pytest.raises(RuntimeError), workspace.session() as session:
        add_vendor(session, actor="tester", name="Rolled back")
        raise RuntimeError("boom")
    _add(workspace, "Kept")
    assert _names(workspace) == ["Kept"]


def test_close_forgets_the_key_and_refuses_use(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    workspace.close()
    assert workspace.closed
    assert set(workspace._key) == {0}
    with pytest.raises(Exception, match="closed"), workspace.session():
        pass
    workspace.close()  # twice is fine


def test_check_reports_a_clean_workspace(keychain_workspace: tuple[Workspace, RecoveryKey]) -> None:
    workspace, _ = keychain_workspace
    _add(workspace, "Acme")
    report = workspace.check()
    assert report.ok and report.problems == []


def test_sqlalchemy_errors_never_quote_the_key(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, recovery = keychain_workspace
    with pytest.raises(Exception) as caught, workspace.engine.connect() as connection:
        connection.execute(text("SELECT * FROM no_such_table"))
    assert recovery.raw.hex() not in str(caught.value)


def test_stdlib_sqlite3_cannot_read_a_workspace(
    passphrase_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    import sqlite3

    workspace, _ = passphrase_workspace
    _add(workspace, "Acme")
    workspace.close()
    connection = sqlite3.connect(workspace.path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        connection.execute("SELECT * FROM sqlite_master").fetchall()
    connection.close()


def test_sqlcipher3_without_a_key_cannot_read_a_workspace(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    workspace.close()
    connection = sqlcipher3.connect(str(workspace.path))
    connection.execute("PRAGMA cipher_log_level = NONE")
    with pytest.raises(sqlcipher3.DatabaseError):
        connection.execute("SELECT * FROM sqlite_master").fetchall()
    connection.close()
