"""Dashboard and Compare under a pseudo-translation (strings 40% longer): no clipped text."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dpia_desk.demo import demo_id
from dpia_desk.store import Workspace
from dpia_desk.ui.compare import show_comparison
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.main_window import MainWindow
from tests.ui.test_pseudo_translation import clipped, pseudo  # noqa: F401 (fixture)


def test_no_clipped_text_in_a_pseudo_translation(
    qtbot: QtBot,
    app: QApplication,
    pseudo: None,  # noqa: F811 (the imported fixture)
    demo_workspace: Workspace,
    context: WorkspaceContext,
) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1180, 740)  # the main window's first size
    window.show()
    qtbot.waitExposed(window)
    window.show_page(window.navigation_model.row_of("dashboard"))
    assert clipped(window) == []
    names = ("TalentSift GmbH", "HireBot Oy", "FocusMeter Inc.")
    assert show_comparison(window, [demo_id("vendor", name) for name in names])
    assert clipped(window) == []
    window.show_page(window.navigation_model.row_of("vendors"))
    assert clipped(window) == []
