"""Small widgets the dialogs and pages share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.icons import icon

DialogT = TypeVar("DialogT", bound=QDialog)


@contextmanager
def disposing(dialog: DialogT) -> Iterator[DialogT]:
    """``with disposing(SomeDialog(...)) as dialog: dialog.exec()`` deletes the dialog once the
    block is done (``deleteLater``: its values can still be read inside the block).

    A dialog shown with ``exec()`` and then only dropped is not freed: the signal connections to
    its own methods keep its Python wrapper alive, and a parentless one then lives until
    interpreter exit, where PySide destroys it after the QApplication (a crash at exit). A
    parented one would pile up under its parent. So every dialog we ``exec()`` goes through here.
    """
    try:
        yield dialog
    finally:
        dialog.deleteLater()


class FieldError(QLabel):
    """An inline validation message under a field; hidden while there is nothing to say.

    :meth:`show_error` also marks the field (``invalid`` property, styled by app.qss) and sets
    its accessible description, so a screen reader announces the problem with the field.
    """

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.show()
        self._set_invalid(True)
        self._field.setAccessibleDescription(message)
        if self.window().isVisible():
            fit_height(self.window())

    def clear_error(self) -> None:
        if self.isHidden() and not self.text():
            return
        self.clear()
        self.hide()
        self._set_invalid(False)
        self._field.setAccessibleDescription("")

    @property
    def has_error(self) -> bool:
        return bool(self.text())

    def _set_invalid(self, invalid: bool) -> None:
        self._field.setProperty("invalid", invalid)
        style = self._field.style()
        style.unpolish(self._field)
        style.polish(self._field)


def make_primary(button: QPushButton) -> QPushButton:
    """The one button of a dialog or page that carries the accent colour (and Enter)."""
    button.setProperty("primary", True)
    button.setDefault(True)
    return button


def heading(text: str, role: str = "heading") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def indented(widget: QWidget) -> QWidget:
    """``widget`` lined up with the text of the radio button above it."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(26, 0, 0, 0)
    row.addWidget(widget)
    return holder


def beside_symbol(symbol: str, *texts: QWidget, spacing: int) -> QHBoxLayout:
    """The top of a message-like dialog: a 32 px symbol (an icon name) at the top left, the
    ``texts`` stacked beside it, ``spacing`` apart."""
    label = QLabel()
    label.setPixmap(icon(symbol).pixmap(32, 32))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    column = QVBoxLayout()
    column.setSpacing(spacing)
    for text in texts:
        column.addWidget(text)
    top = QHBoxLayout()
    top.setSpacing(16)
    top.addWidget(label)
    top.addLayout(column, 1)
    return top


class Banner(QFrame):
    """A tinted box with an icon and wrapped text (``info`` or ``warning``)."""

    def __init__(self, text: str, kind: str = "info", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.symbol = QLabel()
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.symbol.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_kind(kind)
        symbol = self.symbol
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(10)
        layout.addWidget(symbol)
        layout.addWidget(self.label, 1)

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def set_kind(self, kind: str) -> None:
        """``info`` or ``warning``: the tint and the icon."""
        self.kind = kind
        self.setProperty("role", "banner" if kind == "info" else "warning")
        self.symbol.setPixmap(icon("info" if kind == "info" else "warning").pixmap(20, 20))
        style = self.style()
        style.unpolish(self)
        style.polish(self)


def fit_height(window: QWidget) -> None:
    """Grows ``window`` to the height its word-wrapped labels need at its current width.

    Qt sizes a window from its layout's minimum size, which ignores height-for-width: a long
    (or translated) wrapped label then loses lines. Called when a dialog is shown and when an
    inline message appears; it never shrinks a window the user enlarged.
    """
    layout = window.layout()
    if layout is None or not window.isWindow():
        return
    # Nested layouts (a panel widget inside a page) wait for posted layout requests; run them so
    # the heights below, and the children after the resize, are current.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    layout.activate()
    if not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    if needed > window.height():
        window.resize(window.width(), needed)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class FittedDialog(QDialog):
    """A dialog that opens at least ``preferred_width`` wide and is never shorter than its
    wrapped text needs (see :func:`fit_height`).

    The width is a preference, not ``setMinimumWidth``: an explicit minimum would replace the
    layout's own minimum, and longer (translated) buttons and labels would then be squeezed.
    """

    preferred_width = 0
    #: Opt in: the first time it is shown, the dialog takes exactly the height its text needs
    #: at its width (Qt's first guess is made at a narrower width, so wrapped labels would
    #: otherwise leave gaps). Dialogs with a list or table that should get room keep it False.
    shrink_to_fit = False

    def primary_button(self) -> QPushButton | None:
        """The primary button (see :func:`make_primary`) of what the dialog shows now."""
        for button in self.findChildren(QPushButton):
            if button.property("primary") and button.isVisibleTo(self):
                return button
        return None

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        # make_primary usually runs before the button is in the dialog, when QDialog cannot yet
        # record it as its default; unrecorded, QDialog makes the first button after the focus
        # its default while showing (often Cancel), and Enter would cancel. Record it now.
        primary = self.primary_button() if visible else None
        if primary is not None:
            primary.setDefault(True)

    def showEvent(self, event: QShowEvent) -> None:
        if self.width() < self.preferred_width:
            self.resize(self.preferred_width, self.height())
        first = not getattr(self, "_shown_once", False)
        self._shown_once = True
        super().showEvent(event)
        layout = self.layout()
        if first and self.shrink_to_fit and layout is not None and layout.hasHeightForWidth():
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            layout.activate()
            needed = max(layout.totalHeightForWidth(self.width()), self.minimumHeight())
            self.resize(self.width(), needed)
        fit_height(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter means the primary button of the page shown now (pages of a stacked dialog
        each have their own), unless the focus is on another button, which Enter presses."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QPushButton
        ):
            primary = self.primary_button()
            if primary is not None:
                if primary.isEnabled():
                    primary.click()
                event.accept()
                return
        super().keyPressEvent(event)
