"""Painting helpers for item views.

:class:`BadgeDelegate` draws the AI Act tier, DPIA verdict and grade cells as rounded badges:
a tinted background and a text colour chosen per theme (``themes.toml``), always with the word or
letter inside, so the meaning never rests on colour alone (colour-blind users, grey-scale
printouts, screen readers read the same text from ``DisplayRole``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from dpia_desk.ui.models.vendor_table import BADGE_ROLE, PROVISIONAL_ROLE
from dpia_desk.ui.theme import Theme, current_theme

_H_PAD = 8
_V_MARGIN = 4
_CELL_MARGIN = 6

_TIER_STYLE = {
    "prohibited": "badge_prohibited",
    "high": "badge_high",
    "limited": "badge_limited",
    "minimal": "badge_minimal",
    "out_of_scope": "badge_out_of_scope",
}
_VERDICT_STYLE = {
    "required": "badge_high",
    "likely_required": "badge_high",
    "consider": "badge_limited",
    "not_required": "badge_minimal",
}


_COLOR_CACHE: dict[tuple[str, str], tuple[QColor, QColor, QColor | None]] = {}


def badge_colors(badge: str, theme: Theme) -> tuple[QColor, QColor, QColor | None]:
    """Background, text and (for "not assessed") border colour of a ``kind:code`` badge.

    Cached per theme: tables call this for every badge cell of every repaint."""
    key = (theme.name, badge)
    cached = _COLOR_CACHE.get(key)
    if cached is None:
        cached = _COLOR_CACHE[key] = _badge_colors(badge, theme)
    return cached


def _badge_colors(badge: str, theme: Theme) -> tuple[QColor, QColor, QColor | None]:
    kind, _, code = badge.partition(":")
    if kind == "grade" and code.lower() in "abcde" and len(code) == 1:
        prefix = f"grade_{code.lower()}"
    elif kind == "tier" and code in _TIER_STYLE:
        prefix = _TIER_STYLE[code]
    elif kind == "verdict" and code in _VERDICT_STYLE:
        prefix = _VERDICT_STYLE[code]
    else:
        return (
            theme.color("badge_unknown_bg"),
            theme.color("badge_unknown_fg"),
            theme.color("badge_unknown_border"),
        )
    return theme.color(f"{prefix}_bg"), theme.color(f"{prefix}_fg"), None


class BadgeDelegate(QStyledItemDelegate):
    """Paints ``BADGE_ROLE`` cells as badges; other cells as usual."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        badge = index.data(BADGE_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(badge, str) or not isinstance(text, str):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The row's own background (selection, alternate colour, focus) first, without text.
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)

        background, foreground, border = badge_colors(badge, current_theme())
        font = option.font
        metrics = QFontMetrics(font)
        cell: QRect = option.rect
        available = max(0, cell.width() - 2 * _CELL_MARGIN)
        advance = metrics.horizontalAdvance(text)
        if advance > available - 2 * _H_PAD:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, available - 2 * _H_PAD)
            advance = metrics.horizontalAdvance(text)
        width = min(available, advance + 2 * _H_PAD)
        height = min(cell.height() - 2 * _V_MARGIN, metrics.height() + 4)
        pill = QRectF(
            cell.left() + _CELL_MARGIN,
            cell.top() + (cell.height() - height) / 2,
            width,
            height,
        )
        painter.save()
        if border is None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if index.data(PROVISIONAL_ROLE):
                # From an unfinished form: a dashed outline, visible in grey-scale too (the
                # tooltip and the accessible text say "provisional").
                pen = QPen(foreground, 1.2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            radius = height / 2
            painter.drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        # else: "not assessed" stays quiet, muted text and no badge, so results stand out.
        painter.setPen(foreground)
        painter.setFont(font)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(index.data(BADGE_ROLE), str) and isinstance(text, str):
            metrics = QFontMetrics(option.font)
            width = metrics.horizontalAdvance(text) + 2 * _H_PAD + 2 * _CELL_MARGIN
            height = metrics.height() + 4 + 2 * _V_MARGIN
            return QSize(max(hint.width(), width), max(hint.height(), height))
        return hint
