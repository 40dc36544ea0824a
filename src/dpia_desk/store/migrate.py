"""Schema versions and Alembic migrations, run programmatically on an open connection.

Opening a workspace must stay fast, so Alembic is imported only when a migration really runs;
checking a workspace's revision uses :data:`KNOWN_REVISIONS` (a test keeps it equal to the
migration scripts). A workspace whose revision is not known here was written by a newer app and is
refused. Before any migration the workspace calls :func:`dpia_desk.store.backup.backup_before`
(see ``Workspace.open``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

#: Every schema revision this version of dpia_desk knows, oldest first.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003")
HEAD_REVISION = KNOWN_REVISIONS[-1]


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The workspace's schema revision, or ``None`` when it has none (not yet created)."""
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def upgrade(connection: Connection, target: str = "head") -> None:
    """Run the migrations up to ``target`` inside the caller's connection."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)
