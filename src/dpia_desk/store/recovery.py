"""The recovery key: a workspace's raw 256-bit key written for people.

Encoding: the 32 key bytes followed by a 3-byte checksum (the first bytes of SHA-256 over a fixed
label and the key), 35 bytes = 280 bits = exactly 56 characters of Crockford base32, printed in 14
groups of four separated by dashes::

    7K3Q-...-W2XZ

Crockford's alphabet has no I, L, O or U; when reading, ``I``/``L`` count as ``1`` and ``O`` as
``0``, case, spaces and dashes are ignored, so a copy from paper still works. A mistyped character
is caught by the checksum (a wrong key is never tried silently).

In keychain mode the key is the random key kept in the keychain; in passphrase mode it is what
SQLCipher derives from the passphrase, PBKDF2-HMAC-SHA512(passphrase, file salt, 256,000, 32
bytes). Either way SQLCipher opens the file with it as a raw key (``PRAGMA key = "x'<hex>'"``).
"""

from __future__ import annotations

import hashlib
import hmac

from dpia_desk.store.errors import InvalidRecoveryKeyError

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {char: value for value, char in enumerate(_ALPHABET)}
_DECODE.update({"I": 1, "L": 1, "O": 0})
_CHECK_LABEL = b"dpia_desk recovery key v1"
KEY_BYTES = 32
_CHECK_BYTES = 3
_CHARS = (KEY_BYTES + _CHECK_BYTES) * 8 // 5  # 56
_GROUP = 4


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(_CHECK_LABEL + key).digest()[:_CHECK_BYTES]


class RecoveryKey:
    """A raw workspace key; ``text()`` gives the printable form, ``parse()`` reads it back.

    ``repr()`` and ``str()`` never show the key, so it cannot leak into logs by accident.
    """

    __slots__ = ("_raw",)

    def __init__(self, raw: bytes) -> None:
        if len(raw) != KEY_BYTES:
            raise ValueError(f"a workspace key has {KEY_BYTES} bytes")
        self._raw = bytes(raw)

    @property
    def raw(self) -> bytes:
        return self._raw

    def text(self) -> str:
        """The 14 dash-separated groups to print or write down."""
        number = int.from_bytes(self._raw + _checksum(self._raw), "big")
        chars = [_ALPHABET[(number >> (5 * (_CHARS - 1 - i))) & 31] for i in range(_CHARS)]
        return "-".join("".join(chars[i : i + _GROUP]) for i in range(0, _CHARS, _GROUP))

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
        if len(cleaned) != _CHARS:
            raise InvalidRecoveryKeyError(
                f"it has {len(cleaned)} letters and digits, a recovery key has {_CHARS}"
            )
        number = 0
        for position, char in enumerate(cleaned, start=1):
            value = _DECODE.get(char)
            if value is None:
                raise InvalidRecoveryKeyError(
                    f"character {position} ({char!r}) is not used in keys"
                )
            number = (number << 5) | value
        data = number.to_bytes(KEY_BYTES + _CHECK_BYTES, "big")
        raw, check = data[:KEY_BYTES], data[KEY_BYTES:]
        if not hmac.compare_digest(check, _checksum(raw)):
            raise InvalidRecoveryKeyError("a character is mistyped (the checksum does not match)")
        return cls(raw)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RecoveryKey) and hmac.compare_digest(self._raw, other._raw)

    def __hash__(self) -> int:
        return hash(("RecoveryKey", hashlib.sha256(self._raw).digest()))

    def __repr__(self) -> str:
        return "RecoveryKey(<hidden>)"

    __str__ = __repr__
