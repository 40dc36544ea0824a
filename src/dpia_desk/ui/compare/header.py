"""The comparison's row header: measure names in body text, section names as quiet headings.

The application's style sheet draws every header section in bold muted text, which suits
column titles; for a column of measure names that is heavy, and it would not tell the section
rows apart. :class:`MeasureHeader` paints the vertical header itself: section rows on a tinted
band (the model paints the same band across the cells) in bold muted text, measure rows in
normal text, each elided to the header width with the full name in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QHeaderView, QWidget

from dpia_desk.ui.compare.model import MEASURE_ROLE
from dpia_desk.ui.theme import current_theme

_PAD = 8


def is_section_key(key: object) -> bool:
    return isinstance(key, str) and key.startswith("section:")


class MeasureHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionsClickable(False)
        self.setHighlightSections(False)

    def _label(self, logical_index: int) -> tuple[str, bool]:
        model = self.model()
        if model is None:
            return "", False
        vertical = Qt.Orientation.Vertical
        text = model.headerData(logical_index, vertical, Qt.ItemDataRole.DisplayRole)
        key = model.headerData(logical_index, vertical, MEASURE_ROLE)
        return (text if isinstance(text, str) else ""), is_section_key(key)

    def _font(self, section: bool) -> QFont:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold if section else QFont.Weight.Normal)
        return font

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        if not rect.isValid():
            return
        text, section = self._label(logical_index)
        theme = current_theme()
        painter.save()
        painter.fillRect(rect, theme.color("window" if section else "base"))
        painter.setPen(theme.color("border"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        font = self._font(section)
        painter.setFont(font)
        painter.setPen(theme.color("muted" if section else "text"))
        area = rect.adjusted(_PAD, 0, -_PAD, 0)
        shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(
            area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )
        painter.restore()

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        text, section = self._label(logical_index)
        metrics = QFontMetrics(self._font(section))
        return QSize(metrics.horizontalAdvance(text) + 2 * _PAD + 2, self.defaultSectionSize())
