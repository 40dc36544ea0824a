"""``audit verify``, ``backup``, ``restore`` and ``rekey`` as the CLI runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dpia_desk.cli import main
from dpia_desk.store import RecoveryKey
from dpia_desk.store.engine import raw_key_literal
from tests.store.helpers import raw_open


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    path = tmp_path / "w.dpia"
    assert main(["--workspace", str(path), "init", "--json"]) == 0
    recovery = json.loads(capsys.readouterr().out)["recovery_key"]
    assert main(["--workspace", str(path), "vendor", "add", "--name", "Acme"]) == 0
    capsys.readouterr()
    return path, recovery


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_audit_verify(workspace: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, recovery = workspace
    code, out, _ = _run(capsys, "--workspace", str(path), "audit", "verify", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["events"] == 2
    connection = raw_open(path, raw_key_literal(RecoveryKey.parse(recovery).raw))
    connection.execute("DROP TRIGGER audit_event_only_erasure")
    connection.execute("UPDATE audit_event SET actor = 'someone else' WHERE seq = 2")
    connection.commit()
    connection.close()
    code, out, err = _run(capsys, "--workspace", str(path), "audit", "verify")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "broken at event 2" in err


def test_backup_and_restore(
    workspace: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = workspace
    target = tmp_path / "copies" / "b.dpia"
    code, out, _ = _run(
        capsys, "--workspace", str(path), "backup", "--output", str(target), "--json"
    )
    assert code == 0 and json.loads(out)["tables"]["vendor"] == 1
    _run(capsys, "--workspace", str(path), "vendor", "add", "--name", "Later")
    # Not a terminal and no --yes: nothing is replaced.
    code, _, err = _run(capsys, "--workspace", str(path), "restore", str(target))
    assert code == 1 and "--yes" in err
    code, out, _ = _run(capsys, "--workspace", str(path), "restore", str(target), "--yes")
    assert code == 0 and "kept as" in out
    _, out, _ = _run(capsys, "--workspace", str(path), "vendor", "list", "--json")
    assert [row["name"] for row in json.loads(out)] == ["Acme"]


def test_rekey_in_both_directions(
    workspace: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    path, old_recovery = workspace
    code, _, err = _run(capsys, "--workspace", str(path), "rekey", "--to", "passphrase")
    assert code == 1 and "DPIA_DESK_NEW_PASSPHRASE" in err
    secret = tmp_path / "new.txt"
    secret.write_text("the new passphrase\n", encoding="utf-8")
    code, out, err = _run(
        capsys, "--workspace", str(path), "rekey", "--to", "passphrase",
        "--new-passphrase-file", str(secret), "--json",
    )  # fmt: skip
    assert code == 0, err
    result = json.loads(out)
    assert result["key_mode"] == "passphrase" and result["recovery_key"] != old_recovery
    assert Path(result["backup_before_rekey"]).exists()
    code, _, err = _run(capsys, "--workspace", str(path), "vendor", "list")
    assert code == 1 and "passphrase" in err

    monkeypatch.setenv("DPIA_DESK_PASSPHRASE", "the new passphrase")
    code, out, err = _run(capsys, "--workspace", str(path), "rekey", "--to", "keychain")
    assert code == 0, err
    assert "New recovery key" in out
    monkeypatch.delenv("DPIA_DESK_PASSPHRASE")
    code, out, _ = _run(capsys, "--workspace", str(path), "vendor", "list", "--json")
    assert code == 0 and [row["name"] for row in json.loads(out)] == ["Acme"]


def test_restore_with_an_old_recovery_key_after_a_rekey(
    workspace: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, old_recovery = workspace
    backup = tmp_path / "old-key.dpia"
    assert main(["--workspace", str(path), "backup", "--output", str(backup)]) == 0
    assert main(["--workspace", str(path), "rekey"]) == 0
    capsys.readouterr()
    code, _, err = _run(capsys, "--workspace", str(path), "restore", str(backup), "--yes")
    assert code == 1 and "recovery key" in err  # the keychain now holds the new key
    key_file = tmp_path / "old-recovery.txt"
    key_file.write_text(old_recovery, encoding="utf-8")
    code, _, err = _run(
        capsys, "--workspace", str(path), "restore", str(backup), "--yes",
        "--recovery-key-file", str(key_file),
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = _run(capsys, "--workspace", str(path), "vendor", "list", "--json")
    assert code == 0 and [row["name"] for row in json.loads(out)] == ["Acme"]


def test_backup_and_restore_explain_bad_paths(
    workspace: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = workspace
    code, _, err = _run(capsys, "--workspace", str(path), "backup", "--output", str(tmp_path))
    assert code == 1 and "it is a folder" in err
    missing = tmp_path / "missing.dpia"
    code, _, err = _run(capsys, "--workspace", str(path), "restore", str(missing), "--yes")
    assert code == 1 and "no backup file of that name" in err
