"""A widget that places its children left to right and wraps them onto new lines (reference chips,
attachment chips), answering ``heightForWidth`` so the card around it gets the height it needs.

Why a widget and not a ``QLayout`` subclass: a Python ``QLayout.itemAt`` must return ``None`` past
the last item, and PySide6 (on CPython before 3.12, where ``None`` is not immortal) loses a
reference to ``None`` each time Qt receives it, until the interpreter aborts with "deallocating
None". A widget that positions its children itself never returns ``None`` to Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class FlowWidget(QWidget):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._children: list[QWidget] = []
        self._spacing = spacing
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def add_widget(self, widget: QWidget) -> None:
        widget.setParent(self)
        self._children.append(widget)
        widget.installEventFilter(self)
        widget.show()
        self.updateGeometry()
        self._arrange(self.width(), apply=True)

    def clear(self) -> None:
        for widget in self._children:
            widget.hide()
            widget.deleteLater()
        self._children = []
        self.updateGeometry()

    def widgets(self) -> list[QWidget]:
        return list(self._children)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # a child shown or hidden, or a new text: place the children again
        if event.type() in (
            QEvent.Type.ShowToParent,
            QEvent.Type.HideToParent,
            QEvent.Type.LayoutRequest,
        ):
            self.updateGeometry()
            self._arrange(self.width(), apply=True)
        return False

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(width, apply=False)

    def sizeHint(self) -> QSize:
        shown = [w for w in self._children if not w.isHidden()]
        if not shown:
            return QSize(0, 0)
        width = sum(w.sizeHint().width() for w in shown) + self._spacing * (len(shown) - 1)
        return QSize(width, max(w.sizeHint().height() for w in shown))

    def minimumSizeHint(self) -> QSize:
        shown = [w for w in self._children if not w.isHidden()]
        if not shown:
            return QSize(0, 0)
        # never wider than a chip needs; long chips are clipped by their own width
        return QSize(
            min(240, max(w.sizeHint().width() for w in shown)),
            max(w.sizeHint().height() for w in shown),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width(), apply=True)

    def _arrange(self, width: int, *, apply: bool) -> int:
        """Places the children in lines (centred vertically in their line); returns the height."""
        lines: list[list[tuple[QWidget, QSize]]] = [[]]
        x = 0
        for widget in self._children:
            if widget.isHidden():
                continue
            hint = widget.sizeHint()
            size = QSize(min(hint.width(), max(1, width)), hint.height())
            if x > 0 and x + size.width() > width:
                lines.append([])
                x = 0
            lines[-1].append((widget, size))
            x += size.width() + self._spacing
        y = 0
        for line in lines:
            if not line:
                continue
            height = max(size.height() for _widget, size in line)
            if apply:
                x = 0
                for widget, size in line:
                    top = y + (height - size.height()) // 2
                    widget.setGeometry(QRect(QPoint(x, top), size))
                    x += size.width() + self._spacing
            y += height + self._spacing
        return max(0, y - self._spacing)
