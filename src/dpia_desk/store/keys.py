"""Where a workspace's key comes from: the OS keychain, a passphrase, or the recovery key.

How the keychain entry of a file is found before the file is decrypted
-----------------------------------------------------------------------
SQLCipher 4 stores a random 16-byte salt in plaintext as the first 16 bytes of every database
file (the rest is encrypted). That salt identifies the workspace wherever the file goes, so the key
is kept in the keychain under

* service ``dpia_desk``, user name ``workspace:<salt as 32 lower-case hex digits>``;
* during a key rotation, the new key first goes to ``workspace:<salt hex>:pending`` and is promoted
  once the file is re-encrypted, so a crash never leaves a key nobody can find.

Renaming, moving or copying the file keeps the entry valid (a copy shares the key, as it should).
The value is the 32-byte key as 64 hex digits. SQLCipher uses it as a raw key (no KDF).

Besides the keychain, a small non-secret file (:mod:`dpia_desk.store.hints`) maps each salt to
its key mode (``keychain`` or ``passphrase``). It lets the app tell "this workspace uses a
passphrase" from "the keychain entry vanished" (then the recovery key is offered).

Which keychains are trusted
---------------------------
Only these keyring backends (by module and class name) are used: macOS Keychain, Windows Credential
Locker (``WinVaultKeyring``), Secret Service (GNOME Keyring, KeePassXC...), KWallet and libsecret.
The ``fail`` and ``null`` backends, ``keyrings.alt`` (plaintext or "encrypted" files beside the
user's data) and anything unknown mean "no keychain here": the user is asked for a passphrase
instead. When keyring chains several backends, the highest-priority allow-listed one is used
directly, so a secret never lands in a weaker backend of the chain. The environment variable
``DPIA_DESK_TRUSTED_KEYRINGS`` (comma-separated ``module.Class`` names) adds backends to the list;
the test suite uses it for its in-memory keyring, and it must not be set in normal use.

Passphrases
-----------
A passphrase is normalised to Unicode NFC before use, so the same passphrase typed on macOS
(which tends to produce decomposed accents) and on Windows opens the same file. SQLCipher derives
the key with PBKDF2-HMAC-SHA512, 256,000 iterations, over the file's salt.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from dpia_desk.store import hints
from dpia_desk.store.errors import (
    InvalidPassphraseError,
    KeychainAccessError,
    NoSecureKeychainError,
)
from dpia_desk.store.recovery import KEY_BYTES, RecoveryKey

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# ``keyring`` is imported only when a keychain is consulted: importing it costs ~50 ms (it pulls
# in urllib and the email parser), which a passphrase workspace should never pay.

KeyMode = Literal["keychain", "passphrase"]

SERVICE = "dpia_desk"
TRUSTED_KEYRINGS_ENV = "DPIA_DESK_TRUSTED_KEYRINGS"
KDF_ITERATIONS = 256_000
SALT_BYTES = 16

SECURE_KEYRINGS = frozenset(
    {
        "keyring.backends.macOS.Keyring",
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
        "keyring.backends.libsecret.Keyring",
    }
)
_CHAINER = "keyring.backends.chainer.ChainerBackend"


@dataclass(frozen=True)
class KeychainKey:
    """Use the key kept in this computer's keychain (created there by ``Workspace.create``)."""


@dataclass(frozen=True)
class Passphrase:
    """Use a passphrase. ``repr()`` hides it."""

    value: str = field(repr=False)

    def normalized(self) -> str:
        text = unicodedata.normalize("NFC", self.value)
        if not text:
            raise InvalidPassphraseError("it is empty")
        if "\x00" in text:
            raise InvalidPassphraseError("it contains a NUL character")
        return text


KeySource = KeychainKey | Passphrase | RecoveryKey


def derive_passphrase_key(passphrase: Passphrase, salt: bytes) -> bytes:
    """The raw key SQLCipher 4 derives from a passphrase and a file's salt (its default KDF)."""
    return hashlib.pbkdf2_hmac(
        "sha512", passphrase.normalized().encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
    )


def keychain_username(salt: bytes, *, pending: bool = False) -> str:
    return f"workspace:{salt.hex()}" + (":pending" if pending else "")


# --- the keychain -------------------------------------------------------------------------------


def _class_name(backend: KeyringBackend) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _trusted_names() -> frozenset[str]:
    extra = os.environ.get(TRUSTED_KEYRINGS_ENV, "")
    return SECURE_KEYRINGS | {name.strip() for name in extra.split(",") if name.strip()}


def secure_keyring() -> KeyringBackend:
    """The keychain backend to use, or :class:`NoSecureKeychainError`.

    The backend keyring would use is inspected; a chainer is opened up and its best allow-listed
    member chosen. Nothing is ever written through a backend outside the allow-list.
    """
    import keyring

    configured = keyring.get_keyring()
    trusted = _trusted_names()
    if _class_name(configured) == _CHAINER:
        members: list[KeyringBackend] = list(getattr(configured, "backends", []))
    else:
        members = [configured]
    for backend in members:
        if _class_name(backend) in trusted:
            return backend
    found = ", ".join(_class_name(backend) for backend in members) or "none"
    raise NoSecureKeychainError(f"the available keyring backend is not trusted: {found}")


def keychain_available() -> bool:
    try:
        secure_keyring()
    except NoSecureKeychainError:
        return False
    return True


def load_key(salt: bytes, *, pending: bool = False) -> bytes | None:
    """The key kept for this salt, or ``None`` when the keychain has no (valid) entry."""
    import keyring.errors

    backend = secure_keyring()
    try:
        stored = backend.get_password(SERVICE, keychain_username(salt, pending=pending))
    except keyring.errors.KeyringError as error:
        raise KeychainAccessError(type(error).__name__) from None
    if stored is None:
        return None
    try:
        key = bytes.fromhex(stored)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def save_key(salt: bytes, key: bytes, *, pending: bool = False) -> None:
    import keyring.errors

    backend = secure_keyring()
    try:
        backend.set_password(SERVICE, keychain_username(salt, pending=pending), key.hex())
    except keyring.errors.KeyringError as error:
        raise KeychainAccessError(type(error).__name__) from None


def delete_key(salt: bytes, *, pending: bool = False) -> None:
    """Remove an entry; a missing entry is not an error."""
    import keyring.errors

    backend = secure_keyring()
    try:
        backend.delete_password(SERVICE, keychain_username(salt, pending=pending))
    except keyring.errors.PasswordDeleteError:
        return
    except keyring.errors.KeyringError as error:
        raise KeychainAccessError(type(error).__name__) from None


# --- the key mode, a non-secret hint (see dpia_desk.store.hints) ---------------------------------


def recorded_mode(salt: bytes) -> KeyMode | None:
    """The key mode last used with this workspace on this computer, if known."""
    mode = hints.read_hint(salt, "mode")
    if mode == "keychain":
        return "keychain"
    if mode == "passphrase":
        return "passphrase"
    return None


def remember_mode(salt: bytes, mode: KeyMode) -> None:
    hints.write_hints(salt, mode=mode)
