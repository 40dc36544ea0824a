"""The 4x4 CNIL heat map: severity (up) by likelihood (across), risks counted per cell.

Painted by hand so it reads the same on screen, in a grey-scale print-out and to a screen reader:
each zone has a colour *and* a pattern (plain for low, dots for moderate, hatching for high) and
its level written in the cell; counts are numbers in a ring; the widget's accessible description
lists every non-empty cell in words. With the keyboard, the arrow keys move a cell cursor and the
cell's risks are announced through :attr:`HeatMapWidget.cell_described`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from dpia_desk.ui.delegates import badge_colors
from dpia_desk.ui.risks.scales import LEVEL_BADGE, LEVELS, level_label, level_of, point_label
from dpia_desk.ui.theme import current_theme

Grid = Sequence[Sequence[int]]  # [severity-1][likelihood-1]
Cell = tuple[int, int]  # (severity, likelihood)

PATTERNS = {
    "low": Qt.BrushStyle.NoBrush,
    "moderate": Qt.BrushStyle.Dense6Pattern,
    "high": Qt.BrushStyle.BDiagPattern,
}


def level_colors(level: str) -> tuple[QColor, QColor]:
    background, foreground, _border = badge_colors(LEVEL_BADGE.get(level, ""), current_theme())
    return background, foreground


class HeatMapWidget(QWidget):
    cell_described = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._grid: list[list[int]] = [[0] * 4 for _ in LEVELS]
        self._titles: dict[Cell, list[str]] = {}
        self._cursor: Cell = (1, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(280, 250)
        self.setAccessibleName(title)
        self._describe()

    # --- data ------------------------------------------------------------------------------------

    def set_data(self, grid: Grid, titles: Mapping[Cell, Sequence[str]] | None = None) -> None:
        self._grid = [list(row) for row in grid]
        self._titles = {cell: list(names) for cell, names in (titles or {}).items()}
        self._describe()
        self.update()

    def count(self, severity: int, likelihood: int) -> int:
        return self._grid[severity - 1][likelihood - 1]

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self._grid)

    def describe_cell(self, severity: int, likelihood: int) -> str:
        level = level_of(severity, likelihood)
        count = self.count(severity, likelihood)
        text = self.tr(
            "Severity {s} ({sl}) × likelihood {l} ({ll}): {level} zone, {count} risk(s)"
        ).format(
            s=severity,
            sl=point_label("severity", severity),
            l=likelihood,
            ll=point_label("likelihood", likelihood),
            level=level_label(level).lower(),
            count=count,
        )
        names = self._titles.get((severity, likelihood), [])
        if names:
            text += ": " + "; ".join(names)
        return text

    def _describe(self) -> None:
        cells = [
            self.describe_cell(severity, likelihood)
            for severity in reversed(LEVELS)
            for likelihood in LEVELS
            if self.count(severity, likelihood)
        ]
        summary = self.tr("{title}: {count} rated risk(s).").format(
            title=self.title, count=self.total
        )
        self.setAccessibleDescription(" ".join([summary, *[f"{cell}." for cell in cells]]))

    # --- geometry --------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(440, 400)

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(max(1.0, base.pointSizeF() * 0.85))
        bold = QFont(base)
        bold.setBold(True)
        return base, small, bold

    def _grid_rect(self) -> QRect:
        _base, small, bold = self._fonts()
        small_metrics = QFontMetrics(small)
        bold_metrics = QFontMetrics(bold)
        tick_width = max(
            small_metrics.horizontalAdvance(f"{value} {point_label('severity', value)}")
            for value in LEVELS
        )
        left = small_metrics.height() + 6 + tick_width + 8
        top = bold_metrics.height() + 8
        bottom = small_metrics.height() * 2 + 12
        right = 8
        width = self.width() - left - right
        height = self.height() - top - bottom
        side = max(40, min(width, height, 4 * 110) // 4)
        # centred in the room the widget has
        spare = max(0, width - side * 4)
        return QRect(left + spare // 2, top, side * 4, side * 4)

    def cell_rect(self, severity: int, likelihood: int) -> QRect:
        grid = self._grid_rect()
        side = grid.width() // 4
        return QRect(
            grid.left() + (likelihood - 1) * side, grid.top() + (4 - severity) * side, side, side
        )

    def cell_at(self, point: QPoint) -> Cell | None:
        for severity in LEVELS:
            for likelihood in LEVELS:
                if self.cell_rect(severity, likelihood).contains(point):
                    return severity, likelihood
        return None

    # --- painting --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = current_theme()
        _base, small, bold = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = theme.color("text")
        muted = theme.color("muted")
        grid = self._grid_rect()

        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(
            QRect(grid.left(), 0, max(grid.width(), self.width() - grid.left()), grid.top() - 4),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.title,
        )
        for severity in LEVELS:
            for likelihood in LEVELS:
                self._paint_cell(painter, severity, likelihood, small, bold)

        # axes: severity up the left side, likelihood along the bottom
        painter.setFont(small)
        painter.setPen(muted)
        metrics = QFontMetrics(small)
        ticks = max(
            metrics.horizontalAdvance(f"{value} {point_label('severity', value)}")
            for value in LEVELS
        )
        # the axis title sits just left of the tick labels, wherever the grid is centred
        axis_x = max(0, grid.left() - 8 - ticks - metrics.height() - 6)
        for value in LEVELS:
            rect = self.cell_rect(value, 1)
            painter.drawText(
                QRect(grid.left() - 8 - ticks, rect.top(), ticks, rect.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{value} {point_label('severity', value)}",
            )
            column = self.cell_rect(1, value)
            painter.drawText(
                QRect(column.left(), grid.bottom() + 4, column.width(), metrics.height()),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                metrics.elidedText(
                    f"{value} {point_label('likelihood', value)}",
                    Qt.TextElideMode.ElideRight,
                    column.width(),
                ),
            )
        painter.setPen(text_color)
        painter.drawText(
            QRect(
                grid.left(), grid.bottom() + 6 + metrics.height(), grid.width(), metrics.height()
            ),
            int(Qt.AlignmentFlag.AlignHCenter),
            self.tr("Likelihood →"),
        )
        painter.save()
        painter.translate(axis_x, grid.bottom())
        painter.rotate(-90)
        painter.drawText(
            QRect(0, 0, grid.height(), metrics.height() + 2),
            int(Qt.AlignmentFlag.AlignHCenter),
            self.tr("Severity →"),
        )
        painter.restore()
        painter.end()

    def _paint_cell(
        self, painter: QPainter, severity: int, likelihood: int, small: QFont, bold: QFont
    ) -> None:
        theme = current_theme()
        rect = self.cell_rect(severity, likelihood)
        level = level_of(severity, likelihood)
        background, foreground = level_colors(level)
        inner = QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(inner, 4, 4)
        pattern = PATTERNS.get(level, Qt.BrushStyle.NoBrush)
        if pattern != Qt.BrushStyle.NoBrush:
            hatch = QColor(foreground)
            hatch.setAlpha(70)
            painter.setBrush(QBrush(hatch, pattern))
            painter.drawRoundedRect(inner, 4, 4)
        painter.setFont(small)
        painter.setPen(foreground)
        painter.drawText(
            inner.adjusted(5, 3, -5, -3),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            level_label(level),
        )
        count = self.count(severity, likelihood)
        if count:
            metrics = QFontMetrics(bold)
            radius = max(metrics.height(), metrics.horizontalAdvance(str(count)) + 8) / 2 + 3
            centre = inner.center()
            ring = QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)
            painter.setBrush(theme.color("base"))
            painter.setPen(QPen(foreground, 2))
            painter.drawEllipse(ring)
            painter.setFont(bold)
            painter.setPen(theme.color("text"))
            painter.drawText(ring, int(Qt.AlignmentFlag.AlignCenter), str(count))
        if self.hasFocus() and (severity, likelihood) == self._cursor:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(theme.color("accent"), 3))
            painter.drawRoundedRect(inner.adjusted(1, 1, -1, -1), 4, 4)

    # --- interaction -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos())
            if cell is not None:
                QToolTip.showText(event.globalPos(), self.describe_cell(*cell), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        severity, likelihood = self._cursor
        moves = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Left: (0, -1),
        }
        step = moves.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        self._cursor = (min(4, max(1, severity + step[0])), min(4, max(1, likelihood + step[1])))
        self.cell_described.emit(self.describe_cell(*self._cursor))
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is not None:
            self._cursor = cell
            self.cell_described.emit(self.describe_cell(*cell))
            self.update()
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.cell_described.emit(self.describe_cell(*self._cursor))
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


class HeatMapLegend(QWidget):
    """The three zones with their colour, pattern and name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Heat map legend"))
        self.setAccessibleDescription(
            self.tr("Low zone: plain. Moderate zone: dotted. High zone: hatched.")
        )

    def _items(self) -> list[tuple[str, str]]:
        return [(level, level_label(level)) for level in ("low", "moderate", "high")]

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = sum(metrics.horizontalAdvance(text) + 44 for _level, text in self._items())
        return QSize(width, metrics.height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        x = 0
        height = metrics.height()
        for level, text in self._items():
            background, foreground = level_colors(level)
            swatch = QRectF(x, 4, 22, height - 2)
            painter.setPen(QPen(foreground, 1))
            painter.setBrush(background)
            painter.drawRoundedRect(swatch, 3, 3)
            pattern = PATTERNS[level]
            if pattern != Qt.BrushStyle.NoBrush:
                hatch = QColor(foreground)
                hatch.setAlpha(90)
                painter.setBrush(QBrush(hatch, pattern))
                painter.drawRoundedRect(swatch, 3, 3)
            painter.setPen(current_theme().color("text"))
            painter.drawText(
                QRect(int(x + 28), 2, metrics.horizontalAdvance(text) + 4, height + 4),
                int(Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            x += metrics.horizontalAdvance(text) + 44
        painter.end()
