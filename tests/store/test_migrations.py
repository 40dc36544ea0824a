"""Migrations: head equals the models, old workspaces are upgraded after a verified backup, and
workspaces from a newer app are refused untouched."""

from __future__ import annotations

import shutil
import sqlite3
import warnings
from pathlib import Path

import pytest
import sqlcipher3
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, select
from sqlalchemy.exc import SAWarning

from dpia_desk import paths
from dpia_desk.store import (
    KeychainKey,
    Passphrase,
    RecoveryKey,
    Workspace,
    WorkspaceTooNewError,
    add_vendor,
    count_vendors,
    list_vendors,
    migrate,
)
from dpia_desk.store.engine import raw_key_literal
from dpia_desk.store.models import AuditEvent, Base
from dpia_desk.store.vendor_list import SEARCH_TABLE, SORT_COLUMNS
from tests.store.helpers import PASSPHRASE, file_digest, raw_open


def _clauses(sql: str) -> tuple[str, frozenset[str]]:
    """``CREATE TABLE t (a, b, CONSTRAINT ...)`` as its head and the set of its clauses: the
    order of constraints differs between create_all and the migration, their content must not."""
    text = " ".join(sql.split())
    head, _, body = text.partition("(")
    parts, depth, current = [], 0, ""
    for char in body[: body.rindex(")")]:
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        depth += (char == "(") - (char == ")")
        current += char
    parts.append(current.strip())
    return head.strip(), frozenset(parts)


def _schema(connection: sqlite3.Connection) -> dict[tuple[str, str], object]:
    rows = connection.execute(
        "SELECT type, name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
    )
    return {
        (kind, name): _clauses(sql) if kind == "table" else " ".join((sql or "").split())
        for kind, name, sql in rows
    }


def _not_search_tables(name: str | None, kind: str, _parents: object) -> bool:
    """Alembic cannot compare FTS5 tables: the search table and its shadow tables are left to
    the stored-SQL comparison below."""
    return not (kind == "table" and (name or "").startswith(SEARCH_TABLE))


def test_upgrade_to_head_builds_exactly_the_models(
    keychain_workspace: tuple[Workspace, RecoveryKey], tmp_path: Path
) -> None:
    workspace, recovery = keychain_workspace
    with workspace.engine.connect() as connection, warnings.catch_warnings():
        # The severity sort indexes are expression indexes, which SQLAlchemy cannot reflect
        # (it warns and skips them); like the FTS5 table they are made by DDL in the models and
        # compared below as stored SQL.
        warnings.filterwarnings(
            "ignore", "Skipped unsupported reflection of expression-based index", SAWarning
        )
        context = MigrationContext.configure(connection, opts={"include_name": _not_search_tables})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []

    # Alembic does not compare CHECK constraints, triggers, expression indexes or virtual
    # tables: compare the stored SQL itself. The reference is built with sqlcipher3 (no key:
    # plain SQLite) because the FTS5 options need its SQLite 3.53, not the system's.
    reference = tmp_path / "from_models.sqlite"
    engine = create_engine(f"sqlite:///{reference}", module=sqlcipher3)
    Base.metadata.create_all(engine)
    engine.dispose()
    from_models = sqlite3.connect(reference)
    migrated = raw_open(workspace.path, raw_key_literal(recovery.raw))
    try:
        assert _schema(migrated) == _schema(from_models)
        schema = _schema(migrated)
        assert ("trigger", "audit_event_no_delete") in schema
        for name in ("insert", "delete", "update"):
            assert ("trigger", f"{SEARCH_TABLE}_{name}") in schema
        assert ("table", SEARCH_TABLE) in schema
        for key in SORT_COLUMNS.values():
            assert key.index is None or ("index", key.index) in schema, key
    finally:
        from_models.close()
        migrated.close()


def test_the_search_index_erases_at_once(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    with workspace.read_connection() as connection:
        row = connection.execute(
            "SELECT v FROM vendor_name_search_config WHERE k = 'secure-delete'"
        ).fetchone()
    assert row == (1,)


def test_the_upgrade_indexes_existing_vendors(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    """A workspace at 0001 (0002 downgraded) gets its existing vendors indexed by the upgrade."""
    workspace, recovery = keychain_workspace
    with workspace.session() as session:
        add_vendor(session, actor="t", name="Zoë Analytics")
        add_vendor(session, actor="t", name="Acme Payroll")
    from alembic import command

    with workspace.engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0001")
    workspace.close()
    assert _revision(workspace.path, recovery.raw) == "0001"
    with Workspace.open(workspace.path, KeychainKey()) as upgraded:
        with upgraded.read_session() as session:
            assert [row.name for row in list_vendors(session, "zoe ana")] == ["Zoë Analytics"]
            assert count_vendors(session, "payroll") == 1
            assert count_vendors(session, "zzz") == 0
        assert upgraded.check().ok  # integrity_check includes FTS5's own index check


def test_known_revisions_are_the_migration_scripts() -> None:
    script = ScriptDirectory(str(migrate.migrations_dir()))
    in_order = [revision.revision for revision in reversed(list(script.walk_revisions()))]
    assert tuple(in_order) == migrate.KNOWN_REVISIONS
    assert script.get_current_head() == migrate.HEAD_REVISION


def _stamp(path: Path, key: bytes, revision: str) -> None:
    connection = raw_open(path, raw_key_literal(key))
    connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.commit()
    connection.close()


def test_a_workspace_from_a_newer_app_is_refused_untouched(
    passphrase_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, recovery = passphrase_workspace
    workspace.close()
    _stamp(workspace.path, recovery.raw, "0099")
    before = file_digest(workspace.path)
    listing = sorted(p.name for p in workspace.path.parent.iterdir())
    with pytest.raises(WorkspaceTooNewError, match="0099") as caught:
        Workspace.open(workspace.path, Passphrase(PASSPHRASE))
    assert "newer version" in str(caught.value)
    assert file_digest(workspace.path) == before
    assert sorted(p.name for p in workspace.path.parent.iterdir()) == listing


#: The app's newest schema, and the one a pretended next version of the app adds.
HEAD = migrate.HEAD_REVISION
NEXT = f"{int(HEAD) + 1:04d}"

SECOND_REVISION = '''"""Test-only next revision."""
import sqlalchemy as sa
from alembic import op

revision = "{next}"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("vendor") as batch:
        batch.add_column(sa.Column("tagline", sa.String(100), nullable=True))
    {extra}


def downgrade() -> None:
    with op.batch_alter_table("vendor") as batch:
        batch.drop_column("tagline")
'''


@pytest.fixture
def app_with_a_second_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend the app is one schema revision ahead: copy the scripts and add the next one."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "migrations_dir", lambda: scripts)
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", (*migrate.KNOWN_REVISIONS, NEXT))
    monkeypatch.setattr(migrate, "HEAD_REVISION", NEXT)
    return scripts / "versions" / f"r{NEXT}_test.py"


def _columns(path: Path, key: bytes) -> set[str]:
    connection = raw_open(path, raw_key_literal(key))
    try:
        return {row[1] for row in connection.execute("PRAGMA table_info(vendor)")}
    finally:
        connection.close()


def _revision(path: Path, key: bytes) -> str:
    connection = raw_open(path, raw_key_literal(key))
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def test_an_older_workspace_is_backed_up_then_upgraded(
    keychain_workspace: tuple[Workspace, RecoveryKey], app_with_a_second_revision: Path
) -> None:
    workspace, recovery = keychain_workspace
    with workspace.session() as session:
        add_vendor(session, actor="t", name="Before the upgrade")
    workspace.close()
    app_with_a_second_revision.write_text(
        SECOND_REVISION.format(extra="", head=HEAD, next=NEXT), encoding="utf-8"
    )

    with Workspace.open(workspace.path, KeychainKey()) as upgraded:
        with upgraded.read_session() as session:
            events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        assert (events[-1].action, events[-1].old_value, events[-1].new_value) == (
            "migrate",
            HEAD,
            NEXT,
        )
    assert "tagline" in _columns(workspace.path, recovery.raw)

    backups = sorted(paths.default_backup_dir().glob(f"team-*-before-schema-{NEXT}.dpia"))
    assert len(backups) == 1
    assert _revision(backups[0], recovery.raw) == HEAD
    assert "tagline" not in _columns(backups[0], recovery.raw)
    # Same salt as the workspace: the same keychain entry and recovery key open the backup.
    assert backups[0].read_bytes()[:16] == workspace.salt
    connection = raw_open(backups[0], raw_key_literal(recovery.raw))
    assert connection.execute("SELECT name FROM vendor").fetchall() == [("Before the upgrade",)]
    connection.close()


def test_a_failing_migration_leaves_the_workspace_as_it_was(
    keychain_workspace: tuple[Workspace, RecoveryKey],
    app_with_a_second_revision: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace, recovery = keychain_workspace
    with workspace.session() as session:
        add_vendor(session, actor="t", name="Kept")
    workspace.close()
    app_with_a_second_revision.write_text(
        SECOND_REVISION.format(extra='raise RuntimeError("migration bug")', head=HEAD, next=NEXT),
        encoding="utf-8",
    )
    with pytest.raises(RuntimeError, match="migration bug"):
        Workspace.open(workspace.path, KeychainKey())
    assert _revision(workspace.path, recovery.raw) == HEAD
    assert "tagline" not in _columns(workspace.path, recovery.raw)
    assert len(list(paths.default_backup_dir().glob("*.dpia"))) == 1

    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", migrate.KNOWN_REVISIONS[:-1])
    monkeypatch.setattr(migrate, "HEAD_REVISION", HEAD)
    with Workspace.open(workspace.path, KeychainKey()) as reopened:
        assert reopened.check().ok
