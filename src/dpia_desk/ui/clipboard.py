"""Copying a sensitive value (a recovery key) to the clipboard, and taking it back.

:func:`copy_sensitive` puts the text on the clipboard marked as a secret for clipboard managers
(KDE's and Windows' history hints, as KeePassXC does) and clears the clipboard after a delay
(``security/clipboard_clear_ms`` in the settings, 30 s by default) **if it still holds our
value**: something the user copied since is left alone. :func:`clear_sensitive` does the same at
once; locking and quitting call it, so a recovery key never outlives the session on the
clipboard. (That also matters to the process: our clipboard data is a QMimeData made in Python,
and left on the clipboard Qt would delete it at exit after Python has finished: a crash.)
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

from dpia_desk.ui import settings

CLEAR_AFTER_MS = 30_000
#: QSettings key (milliseconds); not in the settings dialog, tests shorten it.
CLEAR_AFTER_KEY = "security/clipboard_clear_ms"

# Clipboard managers that honour these keep the value out of their history.
_SECRET_HINTS = {
    "x-kde-passwordManagerHint": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",
    "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",
}


def clear_delay_ms() -> int:
    try:
        value = int(str(settings.app_settings().value(CLEAR_AFTER_KEY, CLEAR_AFTER_MS)))
    except ValueError:
        return CLEAR_AFTER_MS
    return max(1, value)


class _SensitiveClipboard(QObject):
    """The one owner of a sensitive value on the clipboard (one per application)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.value: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        data = QMimeData()
        data.setText(text)
        for name, value in _SECRET_HINTS.items():
            data.setData(name, QByteArray(value))
        QGuiApplication.clipboard().setMimeData(data, QClipboard.Mode.Clipboard)
        self.value = text
        self.timer.start(clear_delay_ms())

    def holds_ours(self) -> bool:
        return self.value is not None and QGuiApplication.clipboard().text() == self.value

    def clear(self) -> None:
        """Empties the clipboard if it still holds our value; forgets the value either way."""
        self.timer.stop()
        if self.holds_ours():
            QGuiApplication.clipboard().clear(QClipboard.Mode.Clipboard)
        self.value = None


_instance: _SensitiveClipboard | None = None


def _clipboard() -> _SensitiveClipboard:
    global _instance
    if _instance is None:
        # Parented to the application: it lives as long as the clipboard it watches.
        _instance = _SensitiveClipboard(QCoreApplication.instance())
        _instance.destroyed.connect(_forget)
    return _instance


def _forget() -> None:
    global _instance
    _instance = None


def copy_sensitive(text: str) -> None:
    """Copies ``text``; the clipboard is cleared after :func:`clear_delay_ms` if still ours."""
    _clipboard().copy(text)


def clear_sensitive() -> None:
    """Clears now a sensitive value we put on the clipboard, if it is still there."""
    if _instance is not None:
        _instance.clear()


def pending() -> bool:
    """True while a sensitive value of ours waits to be cleared."""
    return _instance is not None and _instance.value is not None
