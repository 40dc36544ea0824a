"""Themes, icons, badge legibility and the settings dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dpia_desk.ui.delegates import badge_colors
from dpia_desk.ui.dialogs.settings_dialog import SettingsDialog
from dpia_desk.ui.icons import ICON_NAMES, app_icon, icon, icons_dir
from dpia_desk.ui.settings import Preferences, settings_path
from dpia_desk.ui.theme import apply_theme, current_theme, type_scale


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


BADGES = [
    *(f"tier:{code}" for code in ("prohibited", "high", "limited", "minimal", "out_of_scope", "")),
    *(f"grade:{code}" for code in "ABCDE"),
    *(f"verdict:{c}" for c in ("required", "likely_required", "consider", "not_required")),
]


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_badges_and_text_are_legible(app: QApplication, theme_name: str) -> None:
    theme = apply_theme(app, theme_name)
    assert theme.name == theme_name and current_theme() is theme
    for badge in BADGES:
        background, foreground, _border = badge_colors(badge, theme)
        if badge == "tier:":
            background = theme.color("base")  # "not assessed" is drawn without a badge
        assert contrast(background, foreground) >= 4.5, (theme_name, badge)
    for role in ("text", "muted"):
        assert contrast(theme.color("base"), theme.color(role)) >= 4.5, role
    assert contrast(theme.color("accent"), theme.color("accent_text")) >= 4.5
    assert contrast(theme.color("highlight"), theme.color("highlighted_text")) >= 4.5
    assert app.palette().color(app.palette().ColorRole.Window) == theme.color("window")
    apply_theme(app, "light")


def test_type_scale_follows_the_system_font() -> None:
    assert type_scale(10) == {
        "font_small": "9",
        "font_body": "10",
        "font_h2": "12",
        "font_title": "14.5",
    }
    assert float(type_scale(14)["font_title"]) > float(type_scale(10)["font_title"])


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icons_render_sharp_at_any_scale(app: QApplication, name: str) -> None:
    assert (icons_dir() / f"{name}.svg").is_file()
    themed = icon(name)
    for scale in (1.0, 2.0):
        pixmap = themed.pixmap(QSize(24, 24), scale)
        assert pixmap.width() == int(24 * scale)
        image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
        painted = sum(
            1
            for y in range(image.height())
            for x in range(image.width())
            if image.pixelColor(x, y).alpha() > 0
        )
        assert painted > image.width()  # something was drawn


def test_app_icon_exists(app: QApplication) -> None:
    assert not app_icon().pixmap(64, 64).isNull()


def test_preferences_round_trip_in_the_user_folder(isolated_home: Path) -> None:
    assert Preferences.load() == Preferences()
    chosen = Preferences(
        reviewer_name="Dana DPO", reviewer_role="dpo", theme="dark", auto_lock_minutes=5
    )
    chosen.save()
    assert Path(settings_path()).is_relative_to(isolated_home)
    assert Preferences.load() == chosen


def test_settings_dialog_edits_preferences(qtbot: QtBot, app: QApplication) -> None:
    dialog = SettingsDialog(Preferences(reviewer_name="A"))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("  Sam Reviewer ")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("legal"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.lock_spin.setValue(0)
    chosen = dialog.preferences()
    assert chosen.reviewer_name == "Sam Reviewer"
    assert chosen.reviewer_role == "legal"
    assert chosen.theme == "dark"
    assert chosen.auto_lock_minutes == 0
    assert dialog.lock_spin.text() == "Never"
    for widget in (dialog.name_edit, dialog.role_combo, dialog.theme_combo, dialog.lock_spin):
        assert widget.accessibleName()
