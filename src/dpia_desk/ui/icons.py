"""Our line icons (``resources/icons/*.svg``), drawn sharp at any size and screen scale.

The SVG files draw with ``currentColor``; :func:`icon` renders them through a small
:class:`QIconEngine` that substitutes the theme's text colour (a muted variant for disabled
controls), so one file serves the light and the dark theme. The app icon (``app.svg``) has its own
colours and is used as is. Rendering goes straight from vector to the requested device pixels,
which keeps icons crisp at 125%, 150% and 200% scaling.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from dpia_desk.paths import resources_dir

ICON_NAMES = (
    "actions", "add", "ai_system", "assessments", "audit", "backup", "compare", "copy",
    "dashboard", "edit", "export", "forms", "info", "key", "lock", "quit", "save_pdf", "search",
    "settings", "unlock", "vendors", "warning",
)  # fmt: skip


def icons_dir() -> Path:
    return resources_dir() / "icons"


@cache
def _svg_source(name: str) -> str:
    return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")


def _tint(mode: QIcon.Mode, color: QColor | None) -> QColor:
    palette = QGuiApplication.palette()
    if color is None:
        color = palette.color(QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Disabled:
        color = QColor(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText))
    elif mode == QIcon.Mode.Selected:
        color = palette.color(QPalette.ColorRole.HighlightedText)
    return color


class SvgIconEngine(QIconEngine):
    """Paints a ``currentColor`` SVG in the palette's colour for the icon mode."""

    def __init__(self, name: str, color: QColor | None = None) -> None:
        super().__init__()
        self._name = name
        self._color = color

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        color = _tint(mode, self._color).name(QColor.NameFormat.HexArgb)
        # Qt's SVG reader wants #RRGGBB plus a separate opacity for translucent colours.
        rgb = "#" + color[3:]
        alpha = int(color[1:3], 16) / 255
        svg = _svg_source(self._name).replace('stroke="currentColor"', f'stroke="{rgb}"')
        if alpha < 1:
            svg = svg.replace("<svg ", f'<svg opacity="{alpha:.3f}" ', 1)
        return QSvgRenderer(QByteArray(svg.encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(mode).render(painter, QRectF(QPoint(0, 0), QSize(size * scale)))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._name, self._color)

    def key(self) -> str:
        return "dpia_desk_svg"


def icon(name: str, color: QColor | None = None) -> QIcon:
    """A themed line icon; ``name`` is one of :data:`ICON_NAMES`."""
    if name not in ICON_NAMES:
        raise KeyError(f"no icon named {name!r}")
    return QIcon(SvgIconEngine(name, color))


def app_icon() -> QIcon:
    # QIcon reads SVG files through Qt's own icon engine plugin, which scales them cleanly.
    return QIcon(str(icons_dir() / "app.svg"))
