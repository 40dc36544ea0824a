"""Help > About: the dialog shows dpia_desk.about's content and copies it as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from dpia_desk import __version__
from dpia_desk.about import about_text
from dpia_desk.ui.dialogs.about_dialog import AboutDialog

# The offscreen platform warns that it has no window manager to pass size hints to: not ours.
pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
]


def _labels(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_dialog_shows_version_qt_and_where_the_workspace_lives(
    qtbot: QtBot, tmp_path: Path
) -> None:
    workspace = tmp_path / "team.dpia"
    dialog = AboutDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    text = _labels(dialog)
    assert f"dpia_desk {__version__}" in text
    assert qVersion() in text
    assert str(workspace) in text
    assert dialog.info.locations.backups in text
    assert dialog.info.locations.settings in text


def test_licences_tab_lists_fonts_and_packages(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    tree = dialog.licence_tree
    fonts, packages = tree.topLevelItem(0), tree.topLevelItem(1)
    assert fonts is not None and packages is not None
    assert fonts.childCount() == len(dialog.info.fonts) >= 1
    assert packages.childCount() == len(dialog.info.packages)
    children = [packages.child(i) for i in range(packages.childCount())]
    rows = {item.text(0): (item.text(1), item.text(2)) for item in children if item is not None}
    assert rows["SQLAlchemy"][1] == "MIT"
    first_font = fonts.child(0)
    assert first_font is not None and first_font.text(0) == "DejaVuSans"


def test_copy_details_puts_the_text_report_on_the_clipboard(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == about_text(dialog.info)
