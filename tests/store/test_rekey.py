"""Key rotation: every mode pair, interrupted rotations, and SIGKILL at random moments."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from dpia_desk import paths
from dpia_desk.store import (
    KeychainKey,
    KeyNotAvailableError,
    Passphrase,
    PassphraseRequiredError,
    Workspace,
    WrongKeyError,
    add_vendor,
    hints,
    keys,
    rekey,
)
from dpia_desk.store.damage import scan_pages
from dpia_desk.store.errors import InvalidPassphraseError
from dpia_desk.store.keys import TRUSTED_KEYRINGS_ENV
from dpia_desk.store.models import AuditEvent, Vendor
from tests.store.file_keyring import FILE_KEYRING_NAME, FileKeyring

OLD, NEW = "old passphrase ünïcode", "new passphrase 'quoted' %@"
ROOT = Path(__file__).resolve().parents[2]


def _source(mode: str, passphrase: str) -> KeychainKey | Passphrase:
    return KeychainKey() if mode == "keychain" else Passphrase(passphrase)


def _vendor_names(workspace: Workspace) -> list[str]:
    with workspace.read_session() as session:
        return sorted(session.scalars(select(Vendor.name)))


def _fits(path: Path, key: bytes) -> bool:
    return scan_pages(path, key, path.read_bytes()[:16]).key_fits


@pytest.mark.parametrize("before", ["keychain", "passphrase"])
@pytest.mark.parametrize("after", ["keychain", "passphrase"])
def test_rotation_between_every_pair_of_modes(
    workspace_file: Path, before: str, after: str
) -> None:
    workspace, old_recovery = Workspace.create(workspace_file, _source(before, OLD))
    with workspace.session() as session:
        add_vendor(session, actor="t", name="Acme")
    new_recovery, backup = workspace.rekey(_source(after, NEW))
    assert workspace.opened_with == after
    assert _vendor_names(workspace) == ["Acme"]  # the workspace stays usable
    with workspace.session() as session:
        add_vendor(session, actor="t", name="After the rotation")
    workspace.close()

    assert new_recovery != old_recovery
    assert _fits(workspace_file, new_recovery.raw) and not _fits(workspace_file, old_recovery.raw)
    with Workspace.open(workspace_file, _source(after, NEW)) as reopened:
        assert _vendor_names(reopened) == ["Acme", "After the rotation"]
        with reopened.read_session() as session:
            rotation = session.scalars(select(AuditEvent).where(AuditEvent.action == "rekey")).one()
        assert (rotation.old_value, rotation.new_value) == (before, after)
        assert reopened.verify_audit_trail().ok
    with Workspace.open(workspace_file, new_recovery) as by_recovery:
        assert by_recovery.check().ok
    with pytest.raises(WrongKeyError):
        Workspace.open(workspace_file, old_recovery)
    if before == "passphrase":
        with pytest.raises(WrongKeyError):
            Workspace.open(workspace_file, Passphrase(OLD))
    # The backup written first keeps the old key.
    assert backup.path.parent == paths.default_backup_dir()
    assert _fits(backup.path, old_recovery.raw) and not _fits(backup.path, new_recovery.raw)
    assert hints.read_hint(workspace.salt, "rekey") is None
    assert keys.load_key(workspace.salt, pending=True) is None
    assert (keys.load_key(workspace.salt) is not None) == (after == "keychain")
    assert not rekey.temporary_copy_path(workspace_file).exists()


def test_the_same_passphrase_is_refused(workspace_file: Path) -> None:
    workspace, _ = Workspace.create(workspace_file, Passphrase(OLD))
    with workspace, pytest.raises(InvalidPassphraseError):
        workspace.rekey(Passphrase(OLD))


def _interrupt_after_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*_: object) -> None:
        raise KeyboardInterrupt  # stands for the process dying right after the rename

    monkeypatch.setattr(rekey, "promote", crash)


@pytest.mark.parametrize(
    ("before", "after"),
    [("keychain", "keychain"), ("passphrase", "keychain"), ("keychain", "passphrase")],
)
def test_a_rotation_cut_after_the_rename_is_finished_on_the_next_open(
    workspace_file: Path, monkeypatch: pytest.MonkeyPatch, before: str, after: str
) -> None:
    workspace, _ = Workspace.create(workspace_file, _source(before, OLD))
    with workspace.session() as session:
        add_vendor(session, actor="t", name="Acme")
    promote = rekey.promote
    _interrupt_after_replace(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        workspace.rekey(_source(after, NEW))
    workspace.close()
    monkeypatch.setattr(rekey, "promote", promote)
    # The old way in no longer fits the file, yet the app knows to try the pending key.
    with Workspace.open(workspace_file, _source(before, OLD)) as reopened:
        assert _vendor_names(reopened) == ["Acme"]
        assert reopened.opened_with == after
    assert keys.load_key(workspace.salt, pending=True) is None
    assert hints.read_hint(workspace.salt, "rekey") is None
    with Workspace.open(workspace_file, _source(after, NEW)) as again:
        assert _vendor_names(again) == ["Acme"]


def test_a_rotation_cut_before_the_rename_is_abandoned(
    workspace_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, recovery = Workspace.create(workspace_file, KeychainKey())
    with workspace.session() as session:
        add_vendor(session, actor="t", name="Acme")

    def crash(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("dpia_desk.store.workspace.copy_database", crash)
    with pytest.raises(KeyboardInterrupt):
        workspace.rekey(KeychainKey())
    # The workspace object carries on with the old key...
    assert _vendor_names(workspace) == ["Acme"]
    workspace.close()
    # ...and so does the file, with no pending key or stray copy left.
    assert keys.load_key(workspace.salt, pending=True) is None
    assert not rekey.temporary_copy_path(workspace_file).exists()
    with Workspace.open(workspace_file, KeychainKey()) as reopened:
        assert _vendor_names(reopened) == ["Acme"]
    assert _fits(workspace_file, recovery.raw)


def test_a_crash_right_after_recording_the_intent_keeps_the_old_key(workspace_file: Path) -> None:
    workspace, recovery = Workspace.create(workspace_file, KeychainKey())
    workspace.close()
    rekey.begin_rotation(workspace.salt, os.urandom(32), "keychain")  # then the process died
    with Workspace.open(workspace_file, KeychainKey()) as reopened:
        assert reopened.check().ok
    assert keys.load_key(workspace.salt, pending=True) is None
    assert hints.read_hint(workspace.salt, "rekey") is None
    assert keys.load_key(workspace.salt) == recovery.raw


def test_without_a_keychain_an_interrupted_passphrase_change_says_so(
    workspace_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backends import fail

    workspace, _ = Workspace.create(workspace_file, Passphrase(OLD))
    keyring.set_keyring(fail.Keyring())
    _interrupt_after_replace(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        workspace.rekey(Passphrase(NEW))
    workspace.close()
    with pytest.raises(WrongKeyError, match="key change of this workspace was interrupted"):
        Workspace.open(workspace_file, Passphrase(OLD))
    Workspace.open(workspace_file, Passphrase(NEW)).close()
    assert hints.read_hint(workspace.salt, "rekey") is None
    with pytest.raises(PassphraseRequiredError):
        Workspace.open(workspace_file, KeychainKey())


REKEY_SCRIPT = """
import sys
import keyring
from tests.store.file_keyring import FileKeyring
keyring.set_keyring(FileKeyring(sys.argv[2]))
from dpia_desk.store import KeychainKey, Passphrase, Workspace

path, before, after, old, new = sys.argv[1], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
source = KeychainKey() if before == "keychain" else Passphrase(old)
target = KeychainKey() if after == "keychain" else Passphrase(new)
import time
with Workspace.open(path, source) as workspace:
    print("open", flush=True)
    started = time.monotonic()
    workspace.rekey(target)
    print("done", time.monotonic() - started, flush=True)
"""


@pytest.mark.slow
def test_sigkill_during_rekey_always_leaves_one_working_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv(TRUSTED_KEYRINGS_ENV, FILE_KEYRING_NAME)
    shared = FileKeyring(keyring_file)
    keyring.set_keyring(shared)
    seed = int.from_bytes(os.urandom(4), "big")
    chooser = random.Random(seed)
    pairs = [("keychain", "keychain"), ("keychain", "passphrase"), ("passphrase", "keychain"),
             ("passphrase", "passphrase")]  # fmt: skip
    outcomes: dict[str, int] = {"old": 0, "new": 0}
    killed = 0
    duration = {pair: 0.3 for pair in pairs}  # learnt from runs that finish before the kill
    for run in range(20):
        before, after = pairs[run % 4]
        path = tmp_path / f"run{run}.dpia"
        workspace, old_recovery = Workspace.create(path, _source(before, OLD))
        with workspace.session() as session:
            for number in range(60):
                add_vendor(session, actor="t", name=f"Vendor {number}", notes="x" * 400)
        workspace.close()
        with subprocess.Popen(
            [sys.executable, "-c", REKEY_SCRIPT, str(path), str(keyring_file), before, after,
             OLD, NEW],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, TRUSTED_KEYRINGS_ENV: FILE_KEYRING_NAME},
        ) as child:  # fmt: skip
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "open", f"run {run} (seed {seed})"
            time.sleep(chooser.uniform(0.0, duration[(before, after)]))
            child.send_signal(signal.SIGKILL)
            child.wait()
            rest = child.stdout.read().split()
            if rest[:1] == ["done"]:
                duration[(before, after)] = float(rest[1])
            else:
                killed += 1

        salt = path.read_bytes()[:16]
        candidates = [key for key in (
            keys.load_key(salt), keys.load_key(salt, pending=True),
            keys.derive_passphrase_key(Passphrase(NEW), salt),
        ) if key is not None]  # fmt: skip
        new_fits = any(_fits(path, key) for key in candidates if key != old_recovery.raw)
        old_fits = _fits(path, old_recovery.raw)
        assert old_fits != new_fits, f"run {run} (seed {seed}): old {old_fits}, new {new_fits}"
        outcomes["old" if old_fits else "new"] += 1

        # The app finds the right key the way a user would open it.
        if old_fits:
            opener: KeychainKey | Passphrase = _source(before, OLD)
        else:
            opener = _source(after, NEW)
        try:
            reopened = Workspace.open(path, opener)
        except (WrongKeyError, KeyNotAvailableError):
            # Before the rename the old way in works; after it the new one does, or (with the
            # pending key recorded) even the old one: try the other way too.
            reopened = Workspace.open(path, _source(before, OLD))
        with reopened:
            with reopened.read_session() as session:
                count = session.scalar(select(func.count()).select_from(Vendor))
            assert count == 60, f"run {run} (seed {seed}) lost vendors"
            assert reopened.check().ok, f"run {run} (seed {seed})"
        assert not rekey.temporary_copy_path(path).exists()
    assert outcomes["old"] + outcomes["new"] == 20
    assert killed >= 10, f"only {killed} of 20 rotations were cut short (seed {seed})"
