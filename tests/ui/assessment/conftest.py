"""Fixtures for the assessment workspace tests: a vendor with a guided review under way.

Everything runs on a real temporary workspace (the fixtures of tests/ui/conftest.py) and the
synchronous work runner, so windows open before the call that opens them returns.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from dpia_desk.services.reviews import start_review, start_step
from dpia_desk.store import Workspace, add_vendor
from dpia_desk.ui.assessment.window import AssessmentWindow
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.review.overview import ReviewWindow
from dpia_desk.ui.review.windows import open_assessment
from tests.ui.conftest import OFFSCREEN_NOISE

#: The offscreen platform cannot raise windows; that warning is about the platform, not our code.
OFFSCREEN_RAISE = r"This plugin does not support raise\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            # one marker counts (the closest), so it repeats the parent conftest's pattern
            item.add_marker(
                pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, OFFSCREEN_RAISE), append=False
            )


@pytest.fixture(autouse=True)
def close_windows(qapp: QApplication, workspace: Workspace) -> Iterator[None]:
    """Closes the assessment and review windows a test opened (they have no parent), while the
    workspace is still open (closing saves what is pending)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, AssessmentWindow | ReviewWindow):
            widget.close()
    QApplication.processEvents()


@pytest.fixture
def vendor_id(workspace: Workspace) -> str:
    with workspace.session() as session:
        return add_vendor(session, actor="test", name="Hireflow GmbH", country="DE").id


@pytest.fixture
def review_ids(workspace: Workspace, vendor_id: str) -> tuple[str, str]:
    """(review id, intake assessment id)."""
    with workspace.session() as session:
        review, intake = start_review(session, actor="test", vendor_id=vendor_id)
        return review.id, intake.id


def start(workspace: Workspace, review_id: str, form_id: str) -> str:
    with workspace.session() as session:
        return start_step(session, actor="test", review_id=review_id, form_id=form_id).id


def open_window(qtbot: QtBot, context: WorkspaceContext, assessment_id: str) -> AssessmentWindow:
    window = open_assessment(context, assessment_id)
    assert window is not None
    # not qtbot.addWidget: the window deletes itself on close; close_windows closes it
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Window shortcuts (Ctrl+Z, F1...) need the window to be the active one."""
    if QApplication.activeWindow() is not window:
        with qtbot.waitActive(window):
            window.activateWindow()
