"""The workspace: one SQLCipher file, opened by exactly one running dpia_desk at a time.

Opening a workspace and reading it through :meth:`Workspace.read_connection` need only
``sqlcipher3``: the SQLAlchemy engine (and with it SQLAlchemy, the ORM models, the audit trail's
code) is built on the first :meth:`~Workspace.session` or :meth:`~Workspace.read_session`, so the
desktop app can show its first screen first.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal

import sqlcipher3

from dpia_desk import paths
from dpia_desk.store import hints, keys, migrate, rekey
from dpia_desk.store.backup import (
    backup_name,
    copy_database,
    fsync_directory,
    fsync_file,
    table_counts,
    verify_backup,
    write_backup,
)
from dpia_desk.store.damage import (
    FULL_SCAN_ON_OPEN_BYTES,
    QUICK_PROBE,
    PageScan,
    WalScan,
    recheck_pages,
    scan_pages,
    scan_wal,
)
from dpia_desk.store.engine import (
    APPLICATION_ID,
    SIDECAR_SUFFIXES,
    DatabaseUnreadableError,
    KeyRejectedError,
    build_engine,
    connect,
    inspect_file,
    passphrase_literal,
    raw_key_literal,
    remove_sidecars,
)
from dpia_desk.store.errors import (
    InvalidPassphraseError,
    KeyNotAvailableError,
    NotAWorkspaceError,
    PassphraseRequiredError,
    WorkspaceDamagedError,
    WorkspaceError,
    WorkspaceExistsError,
    WorkspaceReadOnlyError,
    WorkspaceTooNewError,
    WrongKeyError,
)
from dpia_desk.store.hardening import disable_core_dumps, storage_error
from dpia_desk.store.keys import KeychainKey, KeyMode, KeySource, Passphrase
from dpia_desk.store.lock import WorkspaceLock
from dpia_desk.store.recovery import RecoveryKey

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from dpia_desk.store.audit import ChainReport
    from dpia_desk.store.backup import BackupInfo
    from dpia_desk.store.erasure import ErasurePlan

OpenedWith = Literal["keychain", "passphrase", "recovery"]


def current_actor() -> str:
    """Who is making changes, for the audit trail: the operating-system account name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return "unknown"


@dataclass(frozen=True)
class IntegrityReport:
    """SQLite's ``integrity_check`` and ``foreign_key_check`` plus ``cipher_integrity_check``."""

    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class WorkspaceAccessError(WorkspaceError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The workspace {path} cannot be opened: {reason}.",
            hint="Check that the file and its folder are writable by you.",
        )


class WorkspaceNeedsUpgradeError(WorkspaceError):
    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"The workspace {path} uses an older schema ({revision}) that must be upgraded, "
            "which a read-only open cannot do.",
            hint="Open it normally: a verified backup is taken before the upgrade.",
        )


class Workspace:
    """An open workspace. Create with :meth:`create`, open with :meth:`open`, end with
    :meth:`close` (or use it as a context manager).

    The key stays in this object (for new pooled connections and :meth:`recovery_key`) until
    :meth:`close`, which closes every connection, releases the lock and overwrites the key
    buffer (Python may still hold copies in freed memory; SQLCipher wipes its own).
    """

    #: Idle connections :meth:`read_connection` keeps for reuse (one per thread reading at once).
    IDLE_READERS = 2

    def __init__(
        self,
        path: Path,
        *,
        salt: bytes,
        key: bytes,
        opened_with: OpenedWith,
        lock: WorkspaceLock,
        read_only: bool,
    ) -> None:
        self.path = path
        self.salt = salt
        self.opened_with: OpenedWith = opened_with
        self.read_only = read_only
        self.actor = current_actor()
        #: Damage found when opening (read-only mode shows it in a banner); empty when healthy.
        self.problems: list[str] = []
        #: Every page has been authenticated (False after an open with ``defer_page_scan``
        #: until :meth:`verify_pages` has run).
        self.pages_verified = True
        #: The schema revision this open upgraded from, None when none was needed: derived
        #: data a newer schema adds (the vendor table's figures) is then recomputed by the app.
        self.upgraded_from: str | None = None
        disable_core_dumps()
        self._key = bytearray(key)
        self._lock = lock
        # Read-only connections may create empty -wal/-shm files they cannot remove themselves.
        self._sidecars_existed = {s: Path(f"{path}{s}").exists() for s in SIDECAR_SUFFIXES}
        self._closed = False
        # Built on first use (see the module docstring).
        self._engine: Engine | None = None
        self._write_engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._readers: list[sqlcipher3.Connection] = []
        self._readers_lock = threading.Lock()

    # --- creating and opening -------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path | str, key_source: KeychainKey | Passphrase
    ) -> tuple[Workspace, RecoveryKey]:
        """Create a new workspace file; never over an existing file.

        Keychain mode: a random 256-bit key is made and stored in this computer's keychain (a
        secure one, or :class:`NoSecureKeychainError` before anything is written). Passphrase
        mode: SQLCipher derives the key from the passphrase. Returns the open workspace and the
        recovery key, to show the user once.
        """
        path = Path(path).absolute()
        if path.exists() or path.is_symlink():
            raise WorkspaceExistsError(path)
        passphrase = key_source if isinstance(key_source, Passphrase) else None
        if passphrase is None:
            keys.secure_keyring()  # fail before creating anything
            random_key = secrets.token_bytes(32)
            literal = raw_key_literal(random_key)
            mode: KeyMode = "keychain"
        else:
            random_key = b""
            literal = passphrase_literal(passphrase.normalized())
            mode = "passphrase"
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            raise WorkspaceExistsError(path) from None
        except OSError as error:
            raise WorkspaceAccessError(path, error.strerror or str(error)) from None
        os.close(descriptor)
        lock = WorkspaceLock.acquire(path)
        workspace: Workspace | None = None
        try:
            first = connect(path, literal, apply_pragmas=False)
            try:
                # The first write puts page 1, and with it the random salt, into the file.
                first.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            finally:
                first.close()
            salt = inspect_file(path)
            key = random_key if passphrase is None else keys.derive_passphrase_key(passphrase, salt)
            workspace = cls(path, salt=salt, key=key, opened_with=mode, lock=lock, read_only=False)
            with workspace._writer().begin() as connection:
                migrate.upgrade(connection)
            if mode == "keychain":
                keys.save_key(salt, key)
            keys.remember_mode(salt, mode)
            from dpia_desk.store.audit import record_event

            with workspace.session() as session:
                record_event(session, workspace.actor, "create", "workspace", None)
        except BaseException:
            if workspace is not None:
                workspace.close()
            else:
                lock.release()
            remove_sidecars(path)
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            raise
        return workspace, RecoveryKey(key)

    @classmethod
    def open(
        cls,
        path: Path | str,
        key_source: KeySource,
        *,
        read_only: bool = False,
        defer_page_scan: bool = False,
    ) -> Workspace:
        """Open an existing workspace, upgrading its schema (after a verified backup) if needed.

        Every page's authentication is checked before SQLite reads the file (up to
        ``FULL_SCAN_ON_OPEN_BYTES``). With ``defer_page_scan`` only the first and the last page
        are (enough to tell a wrong key and a truncated file), and the caller runs
        :meth:`verify_pages` soon after: the desktop app does, on its work runner, so that a large
        workspace does not delay the first window. Meanwhile SQLCipher still refuses any page
        that fails its check when it is read, so nothing is written over a damaged page.

        A failed open leaves the file exactly as it was. Raises :class:`WorkspaceNotFoundError`,
        :class:`NotAWorkspaceError`, :class:`WorkspaceInUseError`, :class:`KeyNotAvailableError`
        (:class:`PassphraseRequiredError`), :class:`NoSecureKeychainError`,
        :class:`WrongKeyError`, :class:`WorkspaceTooNewError` or :class:`WorkspaceDamagedError`.
        """
        path = Path(path).absolute()
        salt = inspect_file(path)
        try:
            lock = WorkspaceLock.acquire(path)
        except OSError as error:
            raise WorkspaceAccessError(path, error.strerror or str(error)) from None
        try:
            rekey.remove_stale_copy(path)
            # A WAL left behind means the last session did not end cleanly (we hold the lock).
            unclean = _wal_has_content(path)
            limit = QUICK_PROBE if defer_page_scan else FULL_SCAN_ON_OPEN_BYTES
            key, opened_with, pages, wal = _unlock(path, salt, key_source, limit)
            problems = pages.problems() + wal.problems()
            # Read-only mode shows what can still be read; without page 1 nothing can.
            if problems and (not read_only or 1 in pages.bad_pages):
                raise WorkspaceDamagedError(path, problems)
            revision = _probe(path, key, opened_with)
            if revision != migrate.HEAD_REVISION and read_only:
                raise WorkspaceNeedsUpgradeError(path, revision)
            workspace = cls(
                path, salt=salt, key=key, opened_with=opened_with, lock=lock, read_only=read_only
            )
        except BaseException:
            lock.release()
            raise
        workspace.problems = problems
        workspace.pages_verified = pages.complete
        try:
            if unclean and not problems:
                report = workspace.check()
                if not report.ok and not read_only:
                    raise WorkspaceDamagedError(path, report.problems)
                workspace.problems = report.problems
                workspace.pages_verified = True
            if revision != migrate.HEAD_REVISION:
                workspace._upgrade(revision)
                workspace.upgraded_from = revision
            if opened_with != "recovery":
                keys.remember_mode(salt, opened_with)
        except BaseException:
            workspace.close()
            raise
        return workspace

    def _upgrade(self, revision: str) -> None:
        self.backup(
            paths.default_backup_dir()
            / backup_name(self.path, f"before-schema-{migrate.HEAD_REVISION}")
        )
        with self._writer().begin() as connection:
            migrate.upgrade(connection)
        from dpia_desk.store.audit import record_event

        with self.session() as session:
            record_event(
                session, self.actor, "migrate", "workspace", None, "schema",
                revision, migrate.HEAD_REVISION,
            )  # fmt: skip

    # --- using it -------------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (built, and SQLAlchemy imported, on first use)."""
        self._check_open()
        if self._engine is None:
            self._engine = build_engine(self._connect)
            self._write_engine = self._engine.execution_options(immediate=True)
        return self._engine

    def _writer(self) -> Engine:
        """The engine whose transactions begin with ``BEGIN IMMEDIATE``."""
        self.engine  # noqa: B018 (builds it)
        assert self._write_engine is not None
        return self._write_engine

    def _session_factory(self) -> sessionmaker[Session]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(expire_on_commit=False)
        return self._sessions

    def _check_open(self) -> None:
        if self._closed:
            raise WorkspaceError("The workspace is closed.")

    @property
    def closed(self) -> bool:
        return self._closed

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A write session: ``BEGIN IMMEDIATE``, committed when the block ends without error.

        Every user change should be one such block, so it is durable as soon as it returns.
        """
        if self.read_only:
            raise WorkspaceReadOnlyError(self.path)
        from sqlalchemy.exc import SQLAlchemyError

        writer = self._writer()  # raises if closed
        try:
            with self._session_factory()(bind=writer) as session, session.begin():
                yield session
        except (sqlcipher3.Error, SQLAlchemyError) as error:
            failure = storage_error(self.path, error)
            if failure is None:
                raise
            raise failure from None

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read-only session (a deferred transaction, rolled back at the end)."""
        from sqlalchemy.exc import SQLAlchemyError

        engine = self.engine  # raises if closed
        try:
            with self._session_factory()(bind=engine) as session:
                yield session
        except (sqlcipher3.Error, SQLAlchemyError) as error:
            failure = storage_error(self.path, error)
            if failure is None:
                raise
            raise failure from None

    @contextlib.contextmanager
    def read_connection(self) -> Iterator[sqlcipher3.Connection]:
        """A keyed ``sqlcipher3`` connection inside one read transaction, without SQLAlchemy.

        For hot read paths that must not wait for SQLAlchemy (the vendor table's first page:
        :func:`dpia_desk.store.vendor_list.list_matching`). Connections are reused: at most
        :attr:`IDLE_READERS` are kept, each used by one thread at a time; a connection that
        failed is closed, not reused. Storage failures raise as in :meth:`read_session`.
        """
        self._check_open()
        with self._readers_lock:
            connection = self._readers.pop() if self._readers else None
        if connection is None:
            connection = self._connect()
        reusable = False
        try:
            connection.execute("BEGIN")
            try:
                yield connection
            finally:
                connection.execute("ROLLBACK")
                reusable = True
        except sqlcipher3.Error as error:
            failure = storage_error(self.path, error)
            if failure is None:
                raise
            raise failure from None
        finally:
            with self._readers_lock:
                if reusable and not self._closed and len(self._readers) < self.IDLE_READERS:
                    self._readers.append(connection)
                    connection = None
            if connection is not None:
                connection.close()

    def _close_readers(self) -> None:
        with self._readers_lock:
            idle, self._readers = self._readers, []
        for connection in idle:
            connection.close()

    def raw_connection(self, *, read_only: bool = True) -> sqlcipher3.Connection:
        """A new keyed ``sqlcipher3`` connection outside the pool (backups, checks, tests)."""
        self._check_open()
        return connect(self.path, raw_key_literal(bytes(self._key)), read_only=read_only)

    def verify_pages(self) -> list[str]:
        """Authenticate every page of the main file (what an open with ``defer_page_scan``
        left out) and return the problems found, empty when none. Safe on a worker thread.

        A page that fails is read again a moment later before it is reported: a checkpoint
        copying that page into the file while it was read is not damage, a bad page fails
        every time.
        """
        self._check_open()
        key = bytes(self._key)
        scan = scan_pages(self.path, key, self.salt)
        bad = scan.bad_pages
        for _attempt in range(2):
            if not bad:
                break
            time.sleep(0.05)
            bad = recheck_pages(self.path, key, self.salt, bad)
        self.pages_verified = True
        return PageScan(scan.pages, bad).problems()

    def check(self) -> IntegrityReport:
        """Authenticate every page and WAL frame, then run SQLite's ``integrity_check`` and
        ``foreign_key_check`` and SQLCipher's ``cipher_integrity_check``."""
        key = bytes(self._key)
        problems = scan_pages(self.path, key, self.salt).problems()
        problems += scan_wal(self.path, key, self.salt).problems()
        try:
            connection = self.raw_connection(read_only=True)
        except (WrongKeyError, WorkspaceDamagedError, KeyRejectedError, DatabaseUnreadableError):
            return IntegrityReport(problems or ["the workspace cannot be read"])
        try:
            problems += [
                str(row[0])
                for row in connection.execute("PRAGMA integrity_check")
                if str(row[0]) != "ok"
            ]
            problems += [
                f"foreign key: {row[0]} row {row[1]} points to a missing {row[2]}"
                for row in connection.execute("PRAGMA foreign_key_check")
            ]
            problems += [str(row[0]) for row in connection.execute("PRAGMA cipher_integrity_check")]
        except sqlcipher3.DatabaseError as error:
            problems.append(str(error))
        finally:
            connection.close()
        return IntegrityReport(problems)

    def backup(self, target: Path) -> BackupInfo:
        """Write a verified, encrypted copy to ``target`` (which must not exist)."""
        source = self.raw_connection(read_only=True)
        try:
            return write_backup(source, target, key=bytes(self._key), salt=self.salt)
        finally:
            source.close()

    def rekey(self, new_source: KeychainKey | Passphrase) -> tuple[RecoveryKey, BackupInfo]:
        """Re-encrypt the workspace with a new key (see :mod:`dpia_desk.store.rekey`).

        ``KeychainKey()``: a new random key kept in the keychain; ``Passphrase(...)``: the key
        derived from the new passphrase. Returns the new recovery key and the verified backup
        written (with the old key) before anything changed. No session may be in use meanwhile.
        """
        if self.read_only:
            raise WorkspaceReadOnlyError(self.path)
        old_engine = self.engine  # raises if closed
        target: KeyMode
        if isinstance(new_source, Passphrase):
            target = "passphrase"
            new_key = keys.derive_passphrase_key(new_source, self.salt)
            if new_key == bytes(self._key):
                raise InvalidPassphraseError("it is the passphrase the workspace has now")
        else:
            target = "keychain"
            keys.secure_keyring()  # refuse before anything changes
            new_key = secrets.token_bytes(32)
        backup = self.backup(paths.default_backup_dir() / backup_name(self.path, "before-rekey"))
        previous_mode = self.opened_with
        rekey.begin_rotation(self.salt, new_key, target)
        self._engine = self._write_engine = None
        old_engine.dispose()
        self._close_readers()  # they hold the old file open, with the old key
        try:
            copy = self._write_reencrypted_copy(new_key)
            remove_sidecars(self.path)  # an empty WAL of the old file must not meet the new one
            copy.replace(self.path)  # the one atomic step from the old key to the new
        except BaseException:
            rekey.remove_stale_copy(self.path)
            rekey.abandon(self.salt)
            self._engine = old_engine  # a disposed engine reconnects on demand with the old key
            self._write_engine = old_engine.execution_options(immediate=True)
            raise
        # The file now has the new key: from here on, only the keychain and hints follow it.
        with contextlib.suppress(OSError):
            fsync_directory(self.path.parent)
        rekey.promote(self.salt, new_key, target)
        self._key[:] = new_key
        self.opened_with = target
        from dpia_desk.store.audit import record_event

        with self.session() as session:  # a new engine, with the new key
            record_event(
                session, self.actor, "rekey", "workspace", None, "key_mode",
                previous_mode, target,
            )  # fmt: skip
        return RecoveryKey(new_key), backup

    def _write_reencrypted_copy(self, new_key: bytes) -> Path:
        copy = rekey.temporary_copy_path(self.path)
        rekey.remove_stale_copy(self.path)
        descriptor = os.open(copy, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(descriptor)
        source = connect(self.path, raw_key_literal(bytes(self._key)))
        try:
            # Everything into the main file, and the WAL emptied: the copy must miss nothing.
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            source.execute("BEGIN")
            try:
                expected = table_counts(source)
                copy_database(source, copy, key=new_key, salt=self.salt)
            finally:
                source.execute("COMMIT")
        finally:
            source.close()
        verify_backup(copy, key=new_key, expected_tables=expected)
        fsync_file(copy)
        return copy

    def erase_vendor(self, vendor_id: str) -> ErasurePlan:
        """Erase a vendor and all it holds, then flush the erased pages out of the WAL."""
        from dpia_desk.store.erasure import erase_vendor

        with self.session() as session:
            plan = erase_vendor(session, vendor_id, actor=self.actor)
        self.fold_wal()
        return plan

    def erase_assessment(self, assessment_id: str) -> ErasurePlan:
        from dpia_desk.store.erasure import erase_assessment

        with self.session() as session:
            plan = erase_assessment(session, assessment_id, actor=self.actor)
        self.fold_wal()
        return plan

    def fold_wal(self) -> bool:
        """Copy the WAL into the main file and empty it (``wal_checkpoint(TRUNCATE)``), so old
        versions of overwritten pages leave the WAL. False if a reader kept it from finishing."""
        with self.engine.connect() as connection:
            row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
        return row is not None and int(row[0]) == 0

    def recovery_key(self) -> RecoveryKey:
        """The recovery key again (for "print the recovery key")."""
        self._check_open()
        return RecoveryKey(bytes(self._key))

    def store_key_in_keychain(self) -> None:
        """Keep this workspace's key in this computer's keychain (after opening it with the
        recovery key or the passphrase), so it opens without them from now on."""
        self._check_open()
        keys.save_key(self.salt, bytes(self._key))
        keys.remember_mode(self.salt, "keychain")

    def verify_audit_trail(self) -> ChainReport:
        """Check the audit chain, including against the newest event this computer saw."""
        from dpia_desk.store.audit import verify_chain

        with self.read_session() as session:
            return verify_chain(session, hints.read_hint(self.salt, "audit_head"))

    def _remember_audit_head(self) -> None:
        """Remember the newest event, only ever moving forward: a chain cut short keeps being
        reported until a restore says otherwise (:meth:`forget_audit_head`).

        Read without SQLAlchemy (a session that never needed it should not load it to close);
        the same ``"<seq>:<hash>"`` as :func:`dpia_desk.store.audit.chain_head`."""
        with self.read_connection() as connection:
            row = connection.execute(
                "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        head = None if row is None else f"{row[0]}:{row[1]}"
        known = hints.read_hint(self.salt, "audit_head") or "0:"
        if head is not None and int(head.partition(":")[0]) > int(known.partition(":")[0]):
            hints.write_hints(self.salt, audit_head=head)

    def close(self) -> None:
        was_open = not self._closed
        if was_open and not self.read_only:
            with contextlib.suppress(Exception):  # closing must not fail; the hint is a bonus
                self._remember_audit_head()
        self._closed = True
        engine, self._engine, self._write_engine = self._engine, None, None
        if engine is not None:
            engine.dispose()
        self._close_readers()
        if was_open and self.read_only:
            _remove_new_sidecars(self.path, self._sidecars_existed)
        for index in range(len(self._key)):
            self._key[index] = 0
        self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else ("read-only" if self.read_only else "open")
        return f"Workspace({str(self.path)!r}, {state})"

    def _connect(self) -> sqlcipher3.Connection:
        try:
            return connect(self.path, raw_key_literal(bytes(self._key)), read_only=self.read_only)
        except KeyRejectedError:
            raise WrongKeyError(self.path, mode=self.opened_with) from None
        except DatabaseUnreadableError as error:
            raise WorkspaceDamagedError(self.path, [str(error)]) from None


def _resolve_key(path: Path, salt: bytes, source: KeySource) -> tuple[bytes, OpenedWith]:
    if isinstance(source, RecoveryKey):
        return source.raw, "recovery"
    if isinstance(source, Passphrase):
        return keys.derive_passphrase_key(source, salt), "passphrase"
    if keys.recorded_mode(salt) == "passphrase":
        raise PassphraseRequiredError(path)
    key = keys.load_key(salt)
    if key is None:
        raise KeyNotAvailableError(path)
    return key, "keychain"


def _unlock(
    path: Path, salt: bytes, source: KeySource, limit: int
) -> tuple[bytes, OpenedWith, PageScan, WalScan]:
    """Find the key that fits (finishing an interrupted rotation) and the damage it reveals.

    Page authentication runs before SQLite sees the file: no page fits means a wrong key, some
    pages failing means damage, named by page number.
    """
    try:
        key, opened_with = _resolve_key(path, salt, source)
    except KeyNotAvailableError as error:
        primary_error: WorkspaceError = error
    else:
        scan = scan_pages(path, key, salt, limit=limit)
        if scan.key_fits:
            if opened_with != "recovery":
                rekey.settle_rotation(salt, key, opened_with)
            return key, opened_with, scan, scan_wal(path, key, salt)
        primary_error = WrongKeyError(path, mode=opened_with)
    pending = rekey.pending_key(salt)
    target = rekey.rotation_target(salt)
    if pending is not None:
        scan = scan_pages(path, pending, salt, limit=limit)
        if scan.key_fits:
            mode: KeyMode = target or "keychain"
            rekey.promote(salt, pending, mode)
            return pending, mode, scan, scan_wal(path, pending, salt)
    if target is not None and isinstance(primary_error, WrongKeyError):
        raise rekey.interrupted_error(path, primary_error.mode)
    raise primary_error


def unlock_for_copy(path: Path, source: KeySource) -> bytes:
    """The key of a closed workspace file (a backup), checked page by page and by a read-only
    probe, without locking it or touching the keychain state of any workspace."""
    path = path.absolute()
    salt = inspect_file(path)
    key, opened_with = _resolve_key(path, salt, source)
    scan = scan_pages(path, key, salt)
    if not scan.key_fits:
        raise WrongKeyError(path, mode=opened_with)
    if scan.bad_pages:
        raise WorkspaceDamagedError(path, scan.problems())
    _probe(path, key, opened_with)
    return key


def _wal_has_content(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except FileNotFoundError:
        return False


def _probe(path: Path, key: bytes, opened_with: OpenedWith) -> str:
    """Decrypt and identify the file read-only; return its schema revision.

    A read-only SQLite connection to a WAL database may create empty ``-wal``/``-shm`` files
    it cannot remove; those it created are removed again, so a failed open leaves nothing behind.
    """
    existed = {suffix: Path(f"{path}{suffix}").exists() for suffix in SIDECAR_SUFFIXES}
    try:
        try:
            connection = connect(path, raw_key_literal(key), read_only=True, apply_pragmas=False)
        except KeyRejectedError:
            raise WrongKeyError(path, mode=opened_with) from None
        except DatabaseUnreadableError as error:
            raise WorkspaceDamagedError(path, [str(error)]) from None
        try:
            application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
            if application_id != APPLICATION_ID:
                raise NotAWorkspaceError(path, "it is an encrypted database of another program")
            has_version = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            row = (
                connection.execute("SELECT version_num FROM alembic_version").fetchone()
                if has_version
                else None
            )
        except sqlcipher3.DatabaseError as error:
            raise WorkspaceDamagedError(path, [str(error)]) from None
        finally:
            connection.close()
    finally:
        _remove_new_sidecars(path, existed)
    if row is None:
        raise WorkspaceDamagedError(path, ["it records no schema version (its creation failed?)"])
    revision = str(row[0])
    if revision not in migrate.KNOWN_REVISIONS:
        raise WorkspaceTooNewError(path, revision)
    return revision


def _remove_new_sidecars(path: Path, existed: dict[str, bool]) -> None:
    wal = Path(f"{path}-wal")
    if existed["-wal"] or (wal.exists() and wal.stat().st_size > 0):
        return
    for suffix in SIDECAR_SUFFIXES:
        if not existed[suffix]:
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()
