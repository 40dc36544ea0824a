"""Encrypted backups through SQLite's online backup API.

A backup is never a file copy of a live database (that misses what is still in the WAL). The
source connection's pages are copied into a new file encrypted with the same key *and the same
salt* (``PRAGMA cipher_salt``), so a backup opens exactly like its workspace: with the same
keychain entry, the same passphrase and the same recovery key. It is written under a temporary
name, flushed to disk, verified (decrypts, ``integrity_check`` and ``cipher_integrity_check``
clean, same schema revision and the same number of rows in every table), and only then renamed to
its final name. A backup never overwrites an existing file.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3

from dpia_desk.store.engine import (
    DatabaseUnreadableError,
    KeyRejectedError,
    check_cipher_settings,
    connect,
    raw_key_literal,
    sqlite_uri,
)
from dpia_desk.store.errors import WorkspaceError


class BackupError(WorkspaceError):
    def __init__(self, target: Path, reason: str) -> None:
        super().__init__(
            f"The backup {target} could not be written: {reason}.",
            hint="Check the free space and permissions of the backup folder, then try again.",
        )
        self.target = target


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    revision: str | None
    tables: dict[str, int]


def backup_name(workspace: Path, reason: str, at: datetime | None = None) -> str:
    stamp = (at or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{workspace.stem}-{stamp}-{reason}.dpia"


def table_counts(connection: sqlcipher3.Connection) -> dict[str, int]:
    names = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    # Table names come from sqlite_master, quoted as identifiers.
    return {
        name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])  # noqa: S608
        for name in names
    }


def _revision(connection: sqlcipher3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlcipher3.OperationalError:
        return None
    return None if row is None else str(row[0])


def write_backup(
    source: sqlcipher3.Connection, target: Path, *, key: bytes, salt: bytes
) -> BackupInfo:
    """Copy the database behind ``source`` (a keyed connection) into ``target``, then verify it."""
    if target.is_dir():
        raise BackupError(target, "it is a folder; give the name of the backup file to write")
    if target.exists():
        raise BackupError(target, "a file of that name already exists")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        descriptor = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as error:
        raise BackupError(target, error.strerror or str(error)) from None
    os.close(descriptor)
    try:
        # One read transaction around the copy and the counts: both see the same snapshot.
        source.execute("BEGIN")
        try:
            expected = table_counts(source)
            copy_database(source, partial, key=key, salt=salt)
        finally:
            source.execute("COMMIT")
        info = verify_backup(partial, key=key, expected_tables=expected)
        fsync_file(partial)
        if target.exists():
            raise BackupError(target, "a file of that name appeared while writing")
        partial.replace(target)
        fsync_directory(target.parent)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise
    return BackupInfo(target, target.stat().st_size, info.revision, info.tables)


def copy_database(
    source: sqlcipher3.Connection, destination_path: Path, *, key: bytes, salt: bytes
) -> None:
    """Copy every page of ``source`` into the existing empty file ``destination_path``,
    encrypted with ``key`` and ``salt`` (which may differ from the source's key)."""
    destination = sqlcipher3.connect(
        sqlite_uri(destination_path, "rw"), uri=True, isolation_level=None
    )
    try:
        destination.execute("PRAGMA cipher_log_level = NONE")
        destination.execute("PRAGMA cipher_memory_security = ON")
        destination.execute(f"PRAGMA key = {raw_key_literal(key)}")
        destination.execute(f"PRAGMA cipher_salt = \"x'{salt.hex()}'\"")
        check_cipher_settings(destination)
        destination.execute("PRAGMA synchronous = FULL")
        source.backup(destination)
        # The copy keeps the source's WAL flag; a backup is a single self-contained file.
        destination.execute("PRAGMA journal_mode = DELETE")
    except sqlcipher3.Error as error:
        raise BackupError(destination_path, str(error)) from None
    finally:
        destination.close()


def verify_backup(
    path: Path, *, key: bytes, expected_tables: dict[str, int] | None = None
) -> BackupInfo:
    """Open a backup read-only with ``key`` and check it; raise :class:`BackupError` if bad."""
    try:
        connection = connect(path, raw_key_literal(key), read_only=True, apply_pragmas=False)
    except KeyRejectedError:
        raise BackupError(path, "it does not open with the workspace key") from None
    except DatabaseUnreadableError as error:
        raise BackupError(path, f"it cannot be read ({error})") from None
    try:
        problems = [
            str(row[0])
            for row in connection.execute("PRAGMA integrity_check")
            if str(row[0]) != "ok"
        ]
        problems += [str(row[0]) for row in connection.execute("PRAGMA cipher_integrity_check")]
        if problems:
            raise BackupError(path, "the copy is damaged: " + "; ".join(problems[:3]))
        tables = table_counts(connection)
        if expected_tables is not None and tables != expected_tables:
            raise BackupError(path, "the copy does not hold the same rows as the workspace")
        return BackupInfo(path, path.stat().st_size, _revision(connection), tables)
    finally:
        connection.close()


def fsync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_directory(path: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory for fsync; NTFS journals renames
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
