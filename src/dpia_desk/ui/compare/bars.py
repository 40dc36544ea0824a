"""Horizontal bars for item views: scores, shares and counts, with the value printed beside them.

:class:`BarDelegate` paints a cell whose ``BAR_ROLE`` is a number from 0 to 1 as a track with a
filled part and the cell's display text (the value: ``87.5``, ``4 %``, ``3``) in a fixed slot to
the right. Within a column every bar starts and ends at the same x, whatever the text, so bars in
a column compare at a glance. A cell whose ``BAR_ROLE`` is ``NO_VALUE`` shows no bar, only its
text, muted ("not answered"), so a missing score never looks like a score of nought. Other cells
go to :class:`BadgeDelegate` (tier and grade badges) or the style.

Legible without colour: the fill is the theme's accent against the border colour, a large
lightness step in both themes (dark fill on a light track, light fill on a dark track), so the
bars read the same in greyscale; the number is always printed.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from dpia_desk.ui.delegates import BadgeDelegate
from dpia_desk.ui.theme import current_theme

#: ``index.data(BAR_ROLE)``: a float 0..1 for a bar, :data:`NO_VALUE` for an empty track, or
#: None for a cell without a bar.
BAR_ROLE = Qt.ItemDataRole.UserRole + 20
NO_VALUE = -1.0

_MARGIN = 8
_GAP = 8
#: The widest value text a bar leaves room for; the slot is the same in every row.
VALUE_SAMPLE = "100.0 %"


class BarDelegate(BadgeDelegate):
    """Bars for ``BAR_ROLE`` cells; badges and plain text otherwise (see the module docstring)."""

    def __init__(self, parent: object = None, *, value_sample: str = VALUE_SAMPLE) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._value_sample = value_sample

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsSelectable:
            # A heading row's cell: its band only (no focus frame on a cell nobody can select).
            background = index.data(Qt.ItemDataRole.BackgroundRole)
            if isinstance(background, QBrush):
                painter.fillRect(option.rect, background)
            return
        value = index.data(BAR_ROLE)
        if not isinstance(value, float | int):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text = option.text
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)

        theme = current_theme()
        metrics = QFontMetrics(option.font)
        cell: QRect = option.rect
        slot = metrics.horizontalAdvance(self._value_sample)
        bar_width = max(12, cell.width() - 2 * _MARGIN - _GAP - slot)
        bar_height = max(6, round(metrics.height() * 0.55))
        top = cell.top() + (cell.height() - bar_height) / 2
        track = QRectF(cell.left() + _MARGIN, top, bar_width, bar_height)
        radius = bar_height / 2

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if option.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        painter.save()
        painter.setFont(option.font)
        if value < 0:
            painter.setPen(
                theme.color("muted")
                if not selected
                else option.palette.color(group, QPalette.ColorRole.HighlightedText)
            )
            area = cell.adjusted(_MARGIN, 0, -_MARGIN, 0)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, area.width()))
            painter.drawText(
                area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
            )
            painter.restore()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.color("border"))
        painter.drawRoundedRect(track, radius, radius)
        if value > 0:
            filled = QRectF(track)
            filled.setWidth(max(bar_height, track.width() * min(1.0, float(value))))
            painter.setBrush(theme.color("accent"))
            painter.drawRoundedRect(filled, radius, radius)

        text_rect = QRect(
            int(track.right()) + _GAP,
            cell.top(),
            cell.right() - int(track.right()) - _GAP - _MARGIN // 2,
            cell.height(),
        )
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if selected:
            color = option.palette.color(group, QPalette.ColorRole.HighlightedText)
        elif isinstance(foreground, QBrush | QColor):
            color = foreground.color() if isinstance(foreground, QBrush) else foreground
        else:
            color = option.palette.color(group, QPalette.ColorRole.Text)
        painter.setPen(color)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, text_rect.width()))
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), shown
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if isinstance(index.data(BAR_ROLE), float | int):
            metrics = QFontMetrics(option.font)
            width = 2 * _MARGIN + _GAP + 96 + metrics.horizontalAdvance(self._value_sample)
            return QSize(max(hint.width(), width), max(hint.height(), metrics.height() + 12))
        return hint
