"""What every page shares: the open workspace, the work runner, who is working, change signals.

Threads and the database
------------------------
The :class:`~dpia_desk.store.Workspace` owns a pooled SQLAlchemy engine whose SQLCipher
connections may move between threads one at a time; a *session* must stay on one thread.

* The UI thread opens a short session per unit of work: ``with context.read() as session:`` for
  the lazy table queries (a block of rows, a count: a few milliseconds), ``with
  context.write("vendor") as session:`` for one user change (committed at the end of the block,
  which makes it durable at once: autosave, no Save button).
* Long work (export, import, backup, re-scoring, demo data) goes to ``context.runner.submit(...)``;
  the job opens its own sessions *inside* the job (``context.workspace.session()``), never reuses
  one made on the UI thread, and its result comes back on the UI thread. Jobs run one at a time.

Never keep an ORM object beyond its session: copy what a widget shows into plain values (the
store's listing functions return frozen rows for that reason).

Signals: ``changed(kind)`` after a committed change of a kind of record (``"vendor"``,
``"ai_system"``, ``"assessment"``...), so the pages showing it refresh; ``saved()`` after any
commit, for the status bar's quiet "saved" indicator. Jobs that change data call
:meth:`notify_changed` from their result callback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from dpia_desk.store import VendorRow, Workspace, count_matching, list_matching
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.workers import Runner

if TYPE_CHECKING:  # SQLAlchemy loads with the first session, after the first screen is shown
    from sqlalchemy.orm import Session


class WorkspaceContext(QObject):
    changed = Signal(str)
    saved = Signal()

    def __init__(
        self,
        workspace: Workspace,
        runner: Runner,
        preferences: Preferences | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = runner
        self.preferences = preferences or Preferences.load()
        self.last_saved: datetime | None = None

    @property
    def actor(self) -> str:
        """Who the audit trail names: the reviewer name from the settings, else the OS account."""
        return self.preferences.reviewer_name or self.workspace.actor

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.workspace.read_session() as session:
            yield session

    @contextmanager
    def write(self, kind: str) -> Iterator[Session]:
        """One committed change; ``changed(kind)`` and ``saved()`` fire after the commit."""
        with self.workspace.session() as session:
            yield session
        self.notify_changed(kind)

    def notify_changed(self, kind: str) -> None:
        self.last_saved = datetime.now(UTC)
        self.changed.emit(kind)
        self.saved.emit()


class WorkspaceVendorSource:
    """:class:`~dpia_desk.ui.models.vendor_table.VendorSource` over the workspace (UI thread).

    It reads through the store's plain read connections (``dpia_desk.store.vendor_list``, the
    same SQL as ``count_vendors``/``list_vendors``), so the vendor table's first page needs no
    SQLAlchemy: start-up shows it before SQLAlchemy is imported."""

    def __init__(self, context: WorkspaceContext) -> None:
        self._context = context

    def count(self, filter_text: str) -> int:
        with self._context.workspace.read_connection() as connection:
            return count_matching(connection, filter_text)

    def fetch(
        self, filter_text: str, order_by: str, descending: bool, offset: int, limit: int
    ) -> list[VendorRow]:
        with self._context.workspace.read_connection() as connection:
            return list_matching(connection, filter_text, order_by, descending, offset, limit)
