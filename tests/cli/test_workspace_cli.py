"""The workspace commands as users and scripts run them: init, check, demo, recover, and the
encryption seen from outside the app."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import apsw
import pytest
import sqlcipher3
from tests.memory_keyring import MemoryKeyring
from tests.store.helpers import PASSPHRASE, file_digest, raw_open, run_cli

from dpia_desk.cli import main
from dpia_desk.store import KeychainKey, Passphrase, Workspace, add_vendor
from dpia_desk.store.engine import passphrase_literal, raw_key_literal

CANARY = "CANARY-7f3a9c-Vendorname-Zoë"


def _init(home: Path, workspace: Path) -> str:
    result = run_cli("--workspace", str(workspace), "init", "--json", home=home)
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["recovery_key"])


def test_init_prints_the_recovery_key_once_and_refuses_an_existing_file(
    tmp_path: Path,
) -> None:
    workspace = tmp_path / "w.dpia"
    result = run_cli("--workspace", str(workspace), "init", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert "Recovery key: " in result.stdout and "keep it somewhere safe" in result.stdout
    assert result.stderr == ""
    before = file_digest(workspace)
    again = run_cli("--workspace", str(workspace), "init", home=tmp_path / "home")
    assert again.returncode == 1
    assert again.stdout == ""
    assert len(again.stderr.splitlines()) == 1 and "already exists" in again.stderr
    assert file_digest(workspace) == before


def test_a_canary_is_encrypted_in_every_file_and_readable_with_the_key(tmp_path: Path) -> None:
    home, workspace = tmp_path / "home", tmp_path / "w.dpia"
    recovery_text = _init(home, workspace)
    # A reader kept open stops the writer's close from removing the WAL, so the WAL and the
    # shared-memory file exist when we look at them.
    reader = raw_open(workspace, passphrase_literal(PASSPHRASE))
    reader.execute("SELECT count(*) FROM vendor").fetchone()
    try:
        added = run_cli("--workspace", str(workspace), "vendor", "add", "--name", CANARY, home=home)
        assert added.returncode == 0, added.stderr
        files = [workspace, Path(f"{workspace}-wal"), Path(f"{workspace}-shm")]
        assert all(f.exists() for f in files) and Path(f"{workspace}-wal").stat().st_size > 0
        for file in files:
            data = file.read_bytes()
            for needle in (CANARY.encode("utf-8"), CANARY.encode("utf-16-le"), b"CANARY"):
                assert needle not in data, f"{file.name} holds the canary in plaintext"
    finally:
        reader.close()

    # Python's own sqlite3 cannot read the file at all.
    plain = sqlite3.connect(workspace)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()

    # An independent SQLCipher implementation (SQLite3 Multiple Ciphers) reads it with the
    # passphrase and with the recovery key.
    from dpia_desk.store import RecoveryKey

    raw = RecoveryKey.parse(recovery_text).raw
    for key in (passphrase_literal(PASSPHRASE), raw_key_literal(raw)):
        other = apsw.Connection(str(workspace), flags=apsw.SQLITE_OPEN_READONLY)
        other.execute("PRAGMA cipher = 'sqlcipher'")
        other.execute("PRAGMA legacy = 4")
        other.execute(f"PRAGMA key = {key}")
        names = [row[0] for row in other.execute("SELECT name FROM vendor")]
        other.close()
        assert names == [CANARY]


def _one_error_line(result: object) -> str:
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def _make_plain(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t(x)")
    connection.commit()
    connection.close()


@pytest.mark.parametrize("case", ["wrong-passphrase", "plain-sqlite", "random-bytes", "truncated"])
def test_bad_files_and_keys_through_the_cli(tmp_path: Path, case: str) -> None:
    home, workspace = tmp_path / "home", tmp_path / "w.dpia"
    if case in ("wrong-passphrase", "truncated"):
        _init(home, workspace)
        run_cli("--workspace", str(workspace), "vendor", "add", "--name", "Acme", home=home)
    if case == "truncated":
        workspace.write_bytes(workspace.read_bytes()[:-100])
    elif case == "plain-sqlite":
        _make_plain(workspace)
    elif case == "random-bytes":
        workspace.write_bytes(os.urandom(9000))
    before = file_digest(workspace)
    passphrase = "not the passphrase" if case == "wrong-passphrase" else PASSPHRASE
    for command in (["vendor", "list"], ["check"], ["vendor", "add", "--name", "X"]):
        result = run_cli("--workspace", str(workspace), *command, home=home, passphrase=passphrase)
        line = _one_error_line(result)
        expected = "passphrase does not open" if case == "wrong-passphrase" else "not a dpia_desk"
        assert expected in line
        assert file_digest(workspace) == before
    assert not Path(f"{workspace}-wal").exists()


def test_check_reports_damage_and_exits_1(tmp_path: Path) -> None:
    home, workspace = tmp_path / "home", tmp_path / "w.dpia"
    _init(home, workspace)
    with Workspace.open(workspace, Passphrase(PASSPHRASE)) as opened, opened.session() as session:
        for n in range(30):
            add_vendor(session, actor="t", name=f"Vendor {n}", notes="x" * 500)
    ok = run_cli("--workspace", str(workspace), "check", home=home)
    assert ok.returncode == 0 and "healthy" in ok.stdout
    data = bytearray(workspace.read_bytes())
    data[len(data) - 2000] ^= 0x01  # one bit in the last page
    workspace.write_bytes(bytes(data))
    damaged = run_cli("--workspace", str(workspace), "check", "--json", home=home)
    assert damaged.returncode == 1
    report = json.loads(damaged.stdout)
    assert report["ok"] is False and report["problems"]
    assert "damaged" in _one_error_line(damaged)


def test_passphrase_file_option(tmp_path: Path) -> None:
    home, workspace = tmp_path / "home", tmp_path / "w.dpia"
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    created = run_cli(
        "--workspace", str(workspace), "--passphrase-file", str(secret), "init",
        home=home, passphrase=None,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    # The trailing newline is not part of the passphrase: the variable opens it too.
    listed = run_cli("--workspace", str(workspace), "vendor", "list", home=home)
    assert listed.returncode == 0, listed.stderr
    missing = run_cli(
        "vendor", "list", "--workspace", str(workspace),
        "--passphrase-file", str(tmp_path / "nope"), home=home, passphrase=None,
    )  # fmt: skip
    assert "Cannot use" in _one_error_line(missing)


def test_demo_creates_then_refreshes_without_duplicates(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = run_cli("demo", "--json", home=home)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["created"] is True and summary["recovery_key"]
    assert summary["vendors_added"] >= 5 and summary["ai_systems_added"] >= 5
    second = run_cli("demo", "--json", home=home)
    again = json.loads(second.stdout)
    assert again["created"] is False and again["vendors_added"] == 0
    assert again["vendors_refreshed"] == summary["vendors_added"]
    listed = json.loads(run_cli("vendor", "list", "--json", home=home).stdout)
    names = [row["name"] for row in listed]
    assert len(names) == len(set(names)) == summary["vendors_added"]
    assert (home / "data" / "workspace.dpia").exists()  # the default workspace path


# --- keychain mode, in this process (the test keyring lives here) ------------------------------


def test_keychain_mode_init_lose_the_entry_recover(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring
) -> None:
    workspace = tmp_path / "w.dpia"
    assert main(["--workspace", str(workspace), "init"]) == 0
    out = capsys.readouterr().out
    recovery_line = next(line for line in out.splitlines() if line.startswith("Recovery key: "))
    recovery_text = recovery_line.removeprefix("Recovery key: ")
    assert "keychain" in out
    assert main(["--workspace", str(workspace), "vendor", "add", "--name", "Acme"]) == 0
    capsys.readouterr()

    memory_keyring.secrets.clear()  # the keychain entry vanished
    before = file_digest(workspace)
    assert main(["--workspace", str(workspace), "vendor", "list"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1 and "recovery key" in captured.err
    assert file_digest(workspace) == before

    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery_text.lower() + "\n", encoding="utf-8")
    assert (
        main(["recover", "--workspace", str(workspace), "--recovery-key-file", str(key_file)]) == 0
    )
    assert "keychain" in capsys.readouterr().out
    assert main(["--workspace", str(workspace), "vendor", "list", "--json"]) == 0
    assert [row["name"] for row in json.loads(capsys.readouterr().out)] == ["Acme"]

    assert main(["--workspace", str(workspace), "recovery-key"]) == 0
    assert recovery_text in capsys.readouterr().out


def test_recover_refuses_a_mistyped_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = tmp_path / "w.dpia"
    Workspace.create(workspace, KeychainKey())[0].close()
    key_file = tmp_path / "recovery.txt"
    key_file.write_text("ABCD-EFGH", encoding="utf-8")
    assert (
        main(["recover", "--workspace", str(workspace), "--recovery-key-file", str(key_file)]) == 1
    )
    assert "not a valid recovery key" in capsys.readouterr().err


def test_no_secure_keychain_points_to_the_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    workspace = tmp_path / "w.dpia"
    assert main(["--workspace", str(workspace), "init"]) == 1
    err = capsys.readouterr().err
    assert "No secure keychain" in err and "DPIA_DESK_PASSPHRASE" in err
    assert not workspace.exists()


def test_in_use_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = tmp_path / "w.dpia"
    holder, _ = Workspace.create(workspace, Passphrase(PASSPHRASE))
    with holder:
        os.environ["DPIA_DESK_PASSPHRASE"] = PASSPHRASE
        try:
            assert main(["--workspace", str(workspace), "vendor", "list"]) == 1
        finally:
            del os.environ["DPIA_DESK_PASSPHRASE"]
    assert "in use by another running dpia_desk" in capsys.readouterr().err


def test_recovery_key_also_opens_with_raw_sqlcipher3(tmp_path: Path) -> None:
    home, workspace = tmp_path / "home", tmp_path / "w.dpia"
    recovery_text = _init(home, workspace)
    from dpia_desk.store import RecoveryKey

    connection = sqlcipher3.connect(str(workspace))
    connection.execute(f"PRAGMA key = {raw_key_literal(RecoveryKey.parse(recovery_text).raw)}")
    assert connection.execute("SELECT count(*) FROM vendor").fetchone() == (0,)
    connection.close()
