"""Finding damage before SQLite does: every page's SQLCipher HMAC, and the WAL's frame chain.

SQLCipher 4 authenticates each 4096-byte page: the last 80 bytes hold a 16-byte IV and a 64-byte
HMAC-SHA512 over the page's ciphertext, its IV and its page number (4 bytes, little endian). The
HMAC key is PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes); on page 1 the
ciphertext starts after the 16-byte plaintext salt. Checking this needs the key but no
decryption, and tells things SQLite cannot:

* a key that authenticates no page is a wrong key; a key that authenticates every page but one
  means that page is damaged (SQLite would call a damaged page 1 "not a database");
* a damaged page is named by its number, whatever table it belongs to.

The WAL (``-wal``) holds committed changes not yet copied into the main file. SQLite chains its
frames with cumulative checksums and, on recovery, silently drops everything from the first frame
that does not fit: a flipped byte in an early frame would lose every later commit without a word.
:func:`scan_wal` checks each frame against the previous frame's stored checksum (and its page's
HMAC), so a damaged frame followed by intact committed frames is reported as damage, while a torn
tail (a crash while writing the last, uncommitted transaction) is normal.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
from dataclasses import dataclass, field
from pathlib import Path

from dpia_desk.store.engine import PAGE_SIZE
from dpia_desk.store.keys import SALT_BYTES

_IV = 16
_HMAC = 64
_RESERVE = _IV + _HMAC
_WAL_HEADER = 32
_FRAME_HEADER = 24
_WAL_MAGIC = (0x377F0682, 0x377F0683)


def _hmac_key(key: bytes, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), 2, 32)


class PageAuthenticator:
    """Checks SQLCipher page HMACs for one key and salt."""

    def __init__(self, key: bytes, salt: bytes) -> None:
        self._base = hmac.new(_hmac_key(key, salt), digestmod=hashlib.sha512)

    def page_ok(self, page: bytes | memoryview, number: int) -> bool:
        if len(page) != PAGE_SIZE:
            return False
        start = SALT_BYTES if number == 1 else 0
        mac = self._base.copy()
        mac.update(page[start : PAGE_SIZE - _HMAC])
        mac.update(number.to_bytes(4, "little"))
        return hmac.compare_digest(mac.digest(), bytes(page[PAGE_SIZE - _HMAC :]))


@dataclass(frozen=True)
class PageScan:
    pages: int
    bad_pages: list[int] = field(default_factory=list)
    #: Every page was checked (False: only the first and the last, see ``scan_pages``).
    complete: bool = True

    @property
    def key_fits(self) -> bool:
        """The key authenticates at least one page (so bad pages are damage, not a wrong key)."""
        return len(self.bad_pages) < self.pages

    def problems(self) -> list[str]:
        return [f"page {number} fails its authentication check" for number in self.bad_pages]


#: Files up to this size are checked page by page on every open (about 2 ms per MB); larger
#: ones get their first and last pages checked on open and the rest by ``Workspace.check()``.
FULL_SCAN_ON_OPEN_BYTES = 256 * 1024 * 1024

#: ``limit`` for an open that checks only the first and the last page and leaves the others to
#: ``Workspace.verify_pages`` (the desktop app runs it in the background once its window shows).
QUICK_PROBE = 0


def scan_pages(path: Path, key: bytes, salt: bytes, *, limit: int | None = None) -> PageScan:
    """Authenticate the pages of the main file: all of them, or with ``limit`` (bytes) and a
    larger file, only the first and the last. Reads 1 MiB at a time."""
    checker = PageAuthenticator(key, salt)
    bad: list[int] = []
    with path.open("rb") as stream:
        count = stream.seek(0, 2) // PAGE_SIZE
        if limit is not None and count * PAGE_SIZE > limit:
            for number in sorted({1, count}):
                stream.seek((number - 1) * PAGE_SIZE)
                if not checker.page_ok(stream.read(PAGE_SIZE), number):
                    bad.append(number)
            return PageScan(len({1, count}), bad, complete=count <= 2)
        stream.seek(0)
        number = 0
        while chunk := stream.read(256 * PAGE_SIZE):
            view = memoryview(chunk)
            for start in range(0, len(chunk) - PAGE_SIZE + 1, PAGE_SIZE):
                number += 1
                if not checker.page_ok(view[start : start + PAGE_SIZE], number):
                    bad.append(number)
    return PageScan(count, bad)


def recheck_pages(path: Path, key: bytes, salt: bytes, numbers: list[int]) -> list[int]:
    """Those of ``numbers`` whose page still fails its authentication when read again."""
    checker = PageAuthenticator(key, salt)
    with path.open("rb") as stream:
        failing = []
        for number in numbers:
            stream.seek((number - 1) * PAGE_SIZE)
            if not checker.page_ok(stream.read(PAGE_SIZE), number):
                failing.append(number)
    return failing


@dataclass(frozen=True)
class WalScan:
    frames: int
    damaged_frames: list[int] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [
            f"WAL frame {number} is damaged (committed changes after it would be lost)"
            if number
            else "the WAL header is damaged (the changes it holds would be lost)"
            for number in self.damaged_frames
        ]


def _checksum(data: bytes | memoryview, s1: int, s2: int, big_endian: bool) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for index in range(0, len(words), 2):
        s1 = (s1 + words[index] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[index + 1] + s1) & 0xFFFFFFFF
    return s1, s2


def scan_wal(path: Path, key: bytes, salt: bytes) -> WalScan:
    """Check the WAL beside ``path`` (if any). Frames are numbered from 1 in file order."""
    wal = Path(f"{path}-wal")
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return WalScan(0)
    if len(data) < _WAL_HEADER:
        return WalScan(0)
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:32])
    if magic not in _WAL_MAGIC or page_size != PAGE_SIZE:
        return WalScan(0, [0])  # an unreadable header: the whole WAL is unusable
    big_endian = bool(magic & 1)
    if _checksum(data[:24], 0, 0, big_endian) != (c1, c2):
        return WalScan(0, [0])
    checker = PageAuthenticator(key, salt)
    view = memoryview(data)
    frame_size = _FRAME_HEADER + PAGE_SIZE
    previous = (c1, c2)
    first_bad: int | None = None
    frames = 0
    for number, offset in enumerate(range(_WAL_HEADER, len(data) - frame_size + 1, frame_size), 1):
        header = view[offset : offset + _FRAME_HEADER]
        page_number, commit, frame_salt1, frame_salt2, f1, f2 = struct.unpack(">6I", header)
        if (frame_salt1, frame_salt2) != (salt1, salt2):
            break  # frames of an earlier WAL generation: not part of this log
        frames = number
        page = view[offset + _FRAME_HEADER : offset + frame_size]
        expected = _checksum(page, *_checksum(header[:8], *previous, big_endian), big_endian)
        intact = expected == (f1, f2) and checker.page_ok(page, page_number)
        if not intact and first_bad is None:
            first_bad = number
        elif intact and commit and first_bad is not None:
            # An intact commit after a damaged frame: SQLite would drop it with the damage.
            return WalScan(frames, [first_bad])
        previous = (f1, f2)
    return WalScan(frames)
