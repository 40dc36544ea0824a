"""Key rotation that survives a crash at any moment, and finishing an interrupted one.

The workspace is never re-encrypted in place. A rotation:

1. takes a verified backup with the old key (in the backup folder);
2. records its intent: the hint ``rekey=<new mode>`` and, when a keychain is available, the new
   key as the keychain entry ``workspace:<salt>:pending`` (the salt stays the same);
3. checkpoints the WAL and copies the database through SQLite's backup API into
   ``<workspace>.rekey``, encrypted with the new key, then verifies and flushes the copy;
4. renames the copy over the workspace (atomic: the file is either all old or all new);
5. promotes the new key: keychain mode stores it as the main entry, passphrase mode removes the
   keychain entries; then the hint is cleared.

A kill anywhere leaves a file that opens with exactly one of the two keys, and the next open
knows which to try (:func:`settle_rotation`): the key given first; if it does not fit, the
pending key, after which the rotation is finished. A pending key that equals the working one means
step 4 happened; one that differs means it did not, and the rotation is abandoned. Without any
keychain (passphrase to passphrase), the hint lets the error say that a change was interrupted
and the new passphrase should be tried.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Literal

from dpia_desk.store import hints, keys
from dpia_desk.store.errors import NoSecureKeychainError, WrongKeyError
from dpia_desk.store.keys import KeyMode

Outcome = Literal["none", "finished", "abandoned"]


def temporary_copy_path(workspace: Path) -> Path:
    return workspace.with_name(workspace.name + ".rekey")


def rotation_target(salt: bytes) -> KeyMode | None:
    target = hints.read_hint(salt, "rekey")
    if target == "keychain":
        return "keychain"
    if target == "passphrase":
        return "passphrase"
    return None


def pending_key(salt: bytes) -> bytes | None:
    try:
        return keys.load_key(salt, pending=True)
    except NoSecureKeychainError:
        return None


def begin_rotation(salt: bytes, new_key: bytes, target: KeyMode) -> None:
    hints.write_hints(salt, rekey=target)
    if keys.keychain_available():
        keys.save_key(salt, new_key, pending=True)


def promote(salt: bytes, new_key: bytes, target: KeyMode) -> None:
    """The file now has ``new_key``: make the keychain and hints say so."""
    if target == "keychain":
        keys.save_key(salt, new_key)
    elif keys.keychain_available():
        keys.delete_key(salt)
    if keys.keychain_available():
        keys.delete_key(salt, pending=True)
    hints.write_hints(salt, mode=target, rekey=None)


def abandon(salt: bytes) -> None:
    """The file still has the old key: forget the rotation."""
    if keys.keychain_available():
        keys.delete_key(salt, pending=True)
    hints.write_hints(salt, rekey=None)


def settle_rotation(salt: bytes, working_key: bytes, opened_with: KeyMode) -> Outcome:
    """After a key was found to fit: finish or abandon a rotation left over by a crash."""
    pending = pending_key(salt)
    target = rotation_target(salt) or (opened_with if pending == working_key else None)
    if target is None and pending is None:
        return "none"
    if pending is not None and pending == working_key and target is not None:
        promote(salt, working_key, target)
        return "finished"
    if pending is None and target == "passphrase":
        # No keychain recorded the new key: if this passphrase is the new one the rotation
        # finished; if it is the old one it never reached the file. Either way it is over.
        hints.write_hints(salt, mode="passphrase", rekey=None)
        return "finished"
    abandon(salt)
    return "abandoned"


def interrupted_error(path: Path, mode: str) -> WrongKeyError:
    error = WrongKeyError(path, mode=mode)
    error.hint = (
        "A key change of this workspace was interrupted: try the new passphrase (or the new "
        "recovery key if it was shown), then the old one."
    )
    return error


def remove_stale_copy(workspace: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        temporary_copy_path(workspace).unlink()
