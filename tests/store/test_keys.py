"""Keychain policy (allow-list, chainer inspection), key derivation and the key-mode hints."""

from __future__ import annotations

import hashlib
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from dpia_desk.store import KeychainKey, NoSecureKeychainError, Passphrase, Workspace, keys
from dpia_desk.store.errors import InvalidPassphraseError
from tests.memory_keyring import MemoryKeyring


def _backend_class(module: str, name: str) -> type[KeyringBackend]:
    """A working in-memory backend that claims another identity (module and class name)."""
    return type(name, (MemoryKeyring,), {"__module__": module, "__qualname__": name})


@pytest.mark.parametrize(
    "backend",
    [
        fail.Keyring(),
        null.Keyring(),
        _backend_class("keyrings.alt.file", "PlaintextKeyring")(),
        _backend_class("keyrings.alt.file", "EncryptedKeyring")(),
        _backend_class("somebody.else", "Keyring")(),
    ],
    ids=["fail", "null", "alt-plaintext", "alt-encrypted", "unknown"],
)
def test_untrusted_backends_mean_no_keychain(backend: KeyringBackend, workspace_file: Path) -> None:
    keyring.set_keyring(backend)
    with pytest.raises(NoSecureKeychainError) as caught:
        keys.secure_keyring()
    assert "passphrase" in str(caught.value).lower()
    # Creating a keychain workspace is refused before anything is written.
    with pytest.raises(NoSecureKeychainError):
        Workspace.create(workspace_file, KeychainKey())
    assert not workspace_file.exists()
    if isinstance(backend, MemoryKeyring):
        assert backend.secrets == {}


def test_allow_listed_backend_names_are_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(keys.TRUSTED_KEYRINGS_ENV)
    secret_service = _backend_class("keyring.backends.SecretService", "Keyring")()
    keyring.set_keyring(secret_service)
    assert keys.secure_keyring() is secret_service
    keyring.set_keyring(MemoryKeyring())
    with pytest.raises(NoSecureKeychainError):
        keys.secure_keyring()  # the test backend is trusted only through the variable


def test_chainer_uses_its_best_trusted_member(monkeypatch: pytest.MonkeyPatch) -> None:
    plaintext = _backend_class("keyrings.alt.file", "PlaintextKeyring")()
    trusted = MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plaintext, trusted])
    keyring.set_keyring(chainer.ChainerBackend())
    assert keys.secure_keyring() is trusted
    keys.save_key(b"\x01" * 16, b"\x02" * 32)
    assert plaintext.secrets == {}  # type: ignore[attr-defined]
    assert keys.load_key(b"\x01" * 16) == b"\x02" * 32

    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plaintext])
    with pytest.raises(NoSecureKeychainError, match="PlaintextKeyring"):
        keys.secure_keyring()


def test_keychain_entry_naming(memory_keyring: MemoryKeyring) -> None:
    salt = bytes(range(16))
    keys.save_key(salt, b"\xaa" * 32)
    keys.save_key(salt, b"\xbb" * 32, pending=True)
    assert memory_keyring.secrets == {
        ("dpia_desk", "workspace:000102030405060708090a0b0c0d0e0f"): "aa" * 32,
        ("dpia_desk", "workspace:000102030405060708090a0b0c0d0e0f:pending"): "bb" * 32,
    }
    keys.delete_key(salt, pending=True)
    keys.delete_key(salt, pending=True)  # deleting what is not there is fine
    assert keys.load_key(salt, pending=True) is None


def test_malformed_keychain_value_counts_as_missing(memory_keyring: MemoryKeyring) -> None:
    salt = b"\x07" * 16
    memory_keyring.set_password("dpia_desk", keys.keychain_username(salt), "not hex")
    assert keys.load_key(salt) is None


def test_passphrase_key_is_sqlciphers_pbkdf2() -> None:
    salt = b"\x11" * 16
    expected = hashlib.pbkdf2_hmac("sha512", "Zoë".encode(), salt, 256_000, 32)
    assert keys.derive_passphrase_key(Passphrase("Zoë"), salt) == expected
    # Decomposed "ë" (as macOS may type it) is the same passphrase.
    assert keys.derive_passphrase_key(Passphrase("Zoe\u0308"), salt) == expected


@pytest.mark.parametrize("bad", ["", "a\x00b"])
def test_unusable_passphrases_are_refused(bad: str) -> None:
    with pytest.raises(InvalidPassphraseError):
        Passphrase(bad).normalized()


def test_passphrase_repr_hides_it() -> None:
    assert "secret" not in repr(Passphrase("secret"))


def test_mode_hints_survive_and_stay_small(isolated_home: Path) -> None:
    salt = b"\x05" * 16
    assert keys.recorded_mode(salt) is None
    keys.remember_mode(salt, "passphrase")
    assert keys.recorded_mode(salt) == "passphrase"
    keys.remember_mode(salt, "keychain")
    assert keys.recorded_mode(salt) == "keychain"
    hints = (isolated_home / "config" / "workspaces.json").read_text(encoding="utf-8")
    assert "05" * 16 in hints and "keychain" in hints


def test_corrupt_hint_file_is_ignored(isolated_home: Path) -> None:
    target = isolated_home / "config" / "workspaces.json"
    target.parent.mkdir(parents=True)
    target.write_text("{not json", encoding="utf-8")
    assert keys.recorded_mode(b"\x01" * 16) is None
    keys.remember_mode(b"\x01" * 16, "keychain")
    assert keys.recorded_mode(b"\x01" * 16) == "keychain"
