"""The recovery key's printable form: round trip, typo detection, no leaks."""

from __future__ import annotations

import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dpia_desk.store import RecoveryKey
from dpia_desk.store.errors import InvalidRecoveryKeyError


@given(st.binary(min_size=32, max_size=32))
def test_text_round_trips(raw: bytes) -> None:
    key = RecoveryKey(raw)
    text = key.text()
    groups = text.split("-")
    assert len(groups) == 14 and all(len(group) == 4 for group in groups)
    assert RecoveryKey.parse(text) == key
    assert RecoveryKey.parse(text.lower().replace("-", " ")) == key


def test_confusable_letters_are_read_as_digits() -> None:
    key = RecoveryKey(secrets.token_bytes(32))
    text = key.text()
    typed = text.replace("1", "l").replace("0", "O")
    assert RecoveryKey.parse(typed) == key


@given(st.binary(min_size=32, max_size=32), st.integers(0, 55), st.integers(1, 31))
def test_any_single_typo_is_caught(raw: bytes, position: int, shift: int) -> None:
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    chars = list(RecoveryKey(raw).text().replace("-", ""))
    chars[position] = alphabet[(alphabet.index(chars[position]) + shift) % 32]
    # 56 characters carry exactly 280 bits, so any change alters the key or the 24-bit checksum.
    with pytest.raises(InvalidRecoveryKeyError):
        RecoveryKey.parse("".join(chars))


def test_wrong_length_and_foreign_characters_are_named() -> None:
    with pytest.raises(InvalidRecoveryKeyError, match="has 3 letters"):
        RecoveryKey.parse("ABC")
    text = RecoveryKey(bytes(32)).text()
    with pytest.raises(InvalidRecoveryKeyError, match="character 1 \\('U'\\)"):
        RecoveryKey.parse("U" + text[1:])


def test_repr_and_str_hide_the_key() -> None:
    key = RecoveryKey(secrets.token_bytes(32))
    for shown in (repr(key), str(key), f"{key}"):
        assert key.text() not in shown
        assert key.raw.hex() not in shown
