"""Fixtures for the desktop tests: a real workspace (in-memory keychain from the root conftest),
the synchronous work runner, the shared context, and our theme on the test QApplication.

Qt runs offscreen (root conftest); Qt warnings fail a test (pyproject ``qt_log_level_fail``).
The offscreen platform itself warns that it cannot propagate size hints to a window manager it
does not have; that one line is not about our code and is ignored here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from dpia_desk.store import KeychainKey, Workspace
from dpia_desk.ui.app import create_application
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.theme import apply_theme
from dpia_desk.ui.workers import SynchronousWorkRunner

OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    application = create_application()
    apply_theme(application, "light")
    return application


@pytest.fixture
def runner() -> SynchronousWorkRunner:
    return SynchronousWorkRunner()


@pytest.fixture
def workspace_path(isolated_home: Path) -> Path:
    return isolated_home / "data" / "test workspace.dpia"


@pytest.fixture
def workspace(workspace_path: Path) -> Iterator[Workspace]:
    opened, _recovery = Workspace.create(workspace_path, KeychainKey())
    yield opened
    opened.close()


@pytest.fixture
def demo_workspace(workspace: Workspace) -> Workspace:
    from dpia_desk.demo import populate_demo

    populate_demo(workspace)
    return workspace


@pytest.fixture
def context(
    app: QApplication, workspace: Workspace, runner: SynchronousWorkRunner
) -> WorkspaceContext:
    return WorkspaceContext(workspace, runner, Preferences(reviewer_name="Test Reviewer"))
