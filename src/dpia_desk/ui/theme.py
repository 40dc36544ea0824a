"""Light and dark themes: Fusion style, a QPalette, and ``resources/styles/app.qss``.

The colours live in ``resources/styles/themes.toml``; ``app.qss`` refers to them as ``${name}``
along with the type scale (``font_small``, ``font_body``, ``font_h2``, ``font_title``, in points,
derived from the system font so a user's larger font setting scales everything). "system" follows
the platform's colour scheme and re-applies itself when that changes.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from dpia_desk.paths import resources_dir


@dataclass(frozen=True)
class Theme:
    name: str  # "light" or "dark"
    colors: dict[str, str]

    def color(self, key: str) -> QColor:
        return QColor(self.colors[key])

    @property
    def is_dark(self) -> bool:
        return self.name == "dark"


@cache
def _theme_table() -> dict[str, dict[str, str]]:
    with (resources_dir() / "styles" / "themes.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return {name: {k: str(v) for k, v in values.items()} for name, values in data.items()}


@cache
def _qss_template() -> Template:
    return Template((resources_dir() / "styles" / "app.qss").read_text(encoding="utf-8"))


_current = Theme("light", {})
_follow_system = False


def current_theme() -> Theme:
    """The theme in effect (loaded lazily, so delegates work even before ``apply_theme``)."""
    global _current
    if not _current.colors:
        _current = Theme("light", _theme_table()["light"])
    return _current


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def resolve(choice: str) -> str:
    if choice == "dark" or (choice == "system" and system_prefers_dark()):
        return "dark"
    return "light"


def _palette(theme: Theme) -> QPalette:
    c = theme.color
    palette = QPalette()
    role = QPalette.ColorRole
    palette.setColor(role.Window, c("window"))
    palette.setColor(role.WindowText, c("text"))
    palette.setColor(role.Base, c("base"))
    palette.setColor(role.AlternateBase, c("alternate_base"))
    palette.setColor(role.Text, c("text"))
    palette.setColor(role.Button, c("base"))
    palette.setColor(role.ButtonText, c("text"))
    palette.setColor(role.BrightText, c("error"))
    palette.setColor(role.Highlight, c("highlight"))
    palette.setColor(role.HighlightedText, c("highlighted_text"))
    palette.setColor(role.ToolTipBase, c("tooltip_bg"))
    palette.setColor(role.ToolTipText, c("tooltip_text"))
    palette.setColor(role.PlaceholderText, c("muted"))
    palette.setColor(role.Link, c("link"))
    palette.setColor(role.Mid, c("border"))
    palette.setColor(role.Dark, c("border_strong"))
    palette.setColor(role.Accent, c("accent"))
    disabled = QPalette.ColorGroup.Disabled
    for muted_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, muted_role, c("muted"))
    return palette


def type_scale(base_points: float) -> dict[str, str]:
    """A modest ratio (1.2) keeps headings calm; values are rounded to half points."""

    def pt(value: float) -> str:
        return f"{round(value * 2) / 2:g}"

    return {
        "font_small": pt(base_points * 0.9),
        "font_body": pt(base_points),
        "font_h2": pt(base_points * 1.2),
        "font_title": pt(base_points * 1.44),
    }


def style_sheet(theme: Theme, base_points: float) -> str:
    return _qss_template().substitute({**theme.colors, **type_scale(base_points)})


def apply_theme(app: QApplication, choice: str = "system") -> Theme:
    """Applies ``system``, ``light`` or ``dark``; returns the theme now in effect."""
    global _current, _follow_system
    name = resolve(choice)
    theme = Theme(name, _theme_table()[name])
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None and app.style().name().lower() != "fusion":
        app.setStyle(fusion)
    app.setPalette(_palette(theme))
    base_points = app.font().pointSizeF()
    if base_points <= 0:
        base_points = 10.0
    app.setStyleSheet(style_sheet(theme, base_points))
    _current = theme
    hints = QGuiApplication.styleHints()
    if choice == "system" and not _follow_system:
        hints.colorSchemeChanged.connect(_on_system_scheme_changed)
        _follow_system = True
    elif choice != "system" and _follow_system:
        hints.colorSchemeChanged.disconnect(_on_system_scheme_changed)
        _follow_system = False
    return theme


def _on_system_scheme_changed(_scheme: Qt.ColorScheme) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and _follow_system:
        apply_theme(app, "system")
