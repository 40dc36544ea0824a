"""How an import touches a workspace: check, back up, then write in one transaction.

Given a :class:`~dpia_desk.store.Workspace`, an import

1. runs its checks against the workspace in a read session (a refused import leaves no trace,
   not even a backup file);
2. writes a verified encrypted backup into :func:`dpia_desk.paths.default_backup_dir`
   (``<workspace>-<UTC time>-before-import.dpia``), as for every migration and key rotation;
3. runs the checks again and writes everything in one write transaction, which commits whole
   or rolls back whole.

Given a SQLAlchemy session instead (the caller already holds a write transaction, as the GUI's
database worker does), the checks and the writes run in that session, and the caller is
responsible for the backup (:func:`backup_before_import`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from dpia_desk import paths
from dpia_desk.store import Workspace, WorkspaceReadOnlyError
from dpia_desk.store.backup import backup_name

ImportTarget = Workspace | Session
Plan = TypeVar("Plan")
Result = TypeVar("Result")


def backup_before_import(workspace: Workspace) -> Path:
    """A verified, encrypted copy of the workspace as it is before an import."""
    target = paths.default_backup_dir() / backup_name(workspace.path, "before-import")
    return workspace.backup(target).path


def run_import(
    target: ImportTarget,
    plan: Callable[[Session], Plan],
    write: Callable[[Session, Plan], Result],
) -> tuple[Result, Path | None]:
    """``plan`` checks (and may raise); ``write`` writes what the plan says."""
    if isinstance(target, Workspace):
        if target.read_only:
            raise WorkspaceReadOnlyError(target.path)
        with target.read_session() as session:
            plan(session)
        backup = backup_before_import(target)
        with target.session() as session:
            result = write(session, plan(session))
        return result, backup
    return write(target, plan(target)), None
