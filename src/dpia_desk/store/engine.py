"""SQLCipher connections and the SQLAlchemy engine over them.

Every connection is made here, by :func:`connect`, never from a URL: the key is applied with a
``PRAGMA key`` on the raw ``sqlcipher3`` connection (SQLAlchemy quotes failing statements in its
errors, so statements holding a key never pass through it). Then SQLCipher's settings are checked
(SQLCipher 4 defaults, never lowered) and the durability and hygiene PRAGMAs applied and read back:

=========================  =================================================================
``cipher_log_level=NONE``  SQLCipher's own log lines never reach the terminal (set first)
``cipher_memory_security`` ON: SQLCipher wipes and locks the memory holding keys
cipher defaults            page size 4096, PBKDF2-HMAC-SHA512 256,000 iterations, HMAC-SHA512
``journal_mode``           WAL (read-write connections)
``synchronous``            FULL: a commit that returned survives a power cut
``foreign_keys``           ON
``secure_delete``          ON: deleted content is overwritten, not left in free pages
``temp_store``             MEMORY: no plaintext temporary files
``busy_timeout``           5 s
``query_only``             ON for read-only workspaces
=========================  =================================================================

Files are opened through SQLite URIs with ``mode=rw`` (or ``ro``), never ``rwc``: a connection
can never create an empty database where a workspace was expected.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import sqlcipher3

from dpia_desk.store.errors import CipherSettingsError, NotAWorkspaceError, WorkspaceNotFoundError
from dpia_desk.store.keys import SALT_BYTES

if TYPE_CHECKING:
    from sqlalchemy import Engine

PAGE_SIZE = 4096
#: ``PRAGMA application_id`` of every workspace ("DPIA" in ASCII): tells our files from other
#: SQLCipher databases once decrypted.
APPLICATION_ID = 0x44504941
#: Files SQLite keeps beside a WAL-mode database while it is open (or after a crash).
SIDECAR_SUFFIXES = ("-wal", "-shm")
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

#: What SQLCipher must report on every keyed connection (SQLCipher 4 defaults).
CIPHER_SETTINGS = {
    "cipher_page_size": str(PAGE_SIZE),
    "kdf_iter": "256000",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
    "cipher_use_hmac": "1",
    "cipher_plaintext_header_size": "0",
}

_READ_WRITE_PRAGMAS = (
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", "2"),
    ("foreign_keys", "ON", "1"),
    ("secure_delete", "ON", "1"),
    ("temp_store", "MEMORY", "2"),
    ("busy_timeout", str(BUSY_TIMEOUT_MS), str(BUSY_TIMEOUT_MS)),
)
_READ_ONLY_PRAGMAS = (
    ("synchronous", "FULL", "2"),
    ("foreign_keys", "ON", "1"),
    ("secure_delete", "ON", "1"),
    ("temp_store", "MEMORY", "2"),
    ("busy_timeout", str(BUSY_TIMEOUT_MS), str(BUSY_TIMEOUT_MS)),
    ("query_only", "ON", "1"),
)


class KeyRejectedError(Exception):
    """The key does not decrypt the file (SQLite says "file is not a database")."""


class DatabaseUnreadableError(Exception):
    """The key was accepted but the file cannot be read (I/O error, corruption)."""


def raw_key_literal(key: bytes) -> str:
    """The ``PRAGMA key`` value for a 32-byte raw key: SQLCipher's ``"x'<64 hex>'"`` form."""
    return f"\"x'{key.hex()}'\""


def passphrase_literal(passphrase: str) -> str:
    """A passphrase as an SQL string literal: single quotes doubled, nothing else touched."""
    return "'" + passphrase.replace("'", "''") + "'"


def sqlite_uri(path: Path, mode: str) -> str:
    resolved = str(path.resolve())
    if os.name == "nt":
        from nturl2path import pathname2url

        location = pathname2url(resolved)
    else:
        # What urllib.request.pathname2url does on POSIX, without importing urllib.request
        # (~25 ms at start-up: it pulls in http.client and the email parser).
        location = quote(resolved)
    return f"file:{location}?mode={mode}"


def sidecar_paths(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in SIDECAR_SUFFIXES]


def remove_sidecars(path: Path) -> None:
    """Delete the -wal/-shm files of a database nobody has open (we hold its lock)."""
    for sidecar in sidecar_paths(path):
        with contextlib.suppress(FileNotFoundError):
            sidecar.unlink()


def inspect_file(path: Path) -> bytes:
    """Check that ``path`` looks like an encrypted workspace and return its 16-byte salt.

    Only reads the file. Random bytes whose length is a whole number of pages cannot be told from
    a workspace without the key (that is what encryption means); they fail later as a wrong key.
    """
    if not path.exists():
        raise WorkspaceNotFoundError(path)
    if path.is_dir():
        raise NotAWorkspaceError(path, "it is a folder")
    try:
        with path.open("rb") as stream:
            head = stream.read(SALT_BYTES)
            size = os.fstat(stream.fileno()).st_size
    except OSError as error:
        raise NotAWorkspaceError(path, f"it cannot be read ({error.strerror})") from None
    if size == 0:
        raise NotAWorkspaceError(path, "the file is empty")
    if head == _PLAIN_SQLITE_HEADER:
        raise NotAWorkspaceError(path, "it is an unencrypted SQLite database")
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise NotAWorkspaceError(
            path, "its size is not a whole number of pages (truncated, or another kind of file)"
        )
    return head


def _query_value(connection: sqlcipher3.Connection, statement: str) -> str | None:
    row = connection.execute(statement).fetchone()
    return None if row is None else str(row[0])


def connect(
    path: Path, key_literal: str, *, read_only: bool = False, apply_pragmas: bool = True
) -> sqlcipher3.Connection:
    """A keyed, checked ``sqlcipher3`` connection to an existing file.

    Raises :class:`KeyRejectedError` for a key that does not decrypt the file and
    :class:`DatabaseUnreadableError` when it decrypts but cannot be read.
    """
    connection = sqlcipher3.connect(
        sqlite_uri(path, "ro" if read_only else "rw"),
        uri=True,
        isolation_level=None,  # transactions are begun explicitly (see build_engine)
        check_same_thread=False,  # the pool hands connections between threads, one at a time
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute("PRAGMA cipher_memory_security = ON")
        connection.execute(f"PRAGMA key = {key_literal}")
        _verify_key(connection)
        check_cipher_settings(connection)
        if apply_pragmas:
            for name, value, expected in _READ_ONLY_PRAGMAS if read_only else _READ_WRITE_PRAGMAS:
                got = _query_value(connection, f"PRAGMA {name} = {value}")
                if got is None:
                    got = _query_value(connection, f"PRAGMA {name}")
                if (got or "").lower() != expected:
                    raise CipherSettingsError(f"PRAGMA {name} is {got}, expected {expected}")
    except BaseException:
        connection.close()
        raise
    return connection


def _verify_key(connection: sqlcipher3.Connection) -> None:
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) == sqlcipher3.SQLITE_NOTADB:
            raise KeyRejectedError from None
        raise DatabaseUnreadableError(str(error)) from None


def check_cipher_settings(connection: sqlcipher3.Connection) -> None:
    if _query_value(connection, "PRAGMA cipher_memory_security") != "1":
        raise CipherSettingsError("cipher_memory_security could not be turned on")
    for name, expected in CIPHER_SETTINGS.items():
        got = _query_value(connection, f"PRAGMA {name}")
        if got != expected:
            raise CipherSettingsError(f"PRAGMA {name} is {got}, expected {expected}")


ConnectionFactory = Callable[[], sqlcipher3.Connection]


def build_engine(factory: ConnectionFactory) -> Engine:
    """An engine whose every pooled connection comes from ``factory``.

    Transactions: the driver's implicit transactions are off; a session begins with ``BEGIN``, or
    ``BEGIN IMMEDIATE`` when the connection carries the execution option ``immediate=True``
    (write sessions), which takes the write lock up front instead of failing on upgrade later.

    SQLAlchemy is imported here, not with the module: opening a workspace and listing its vendors
    need only ``sqlcipher3`` (see ``Workspace.read_connection``), and importing SQLAlchemy costs
    more than a bare Qt window takes to appear.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    engine = create_engine(
        "sqlite://",
        creator=factory,
        module=sqlcipher3,  # the dialect raises and wraps sqlcipher3's exceptions, not sqlite3's
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        pool_timeout=30,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
