"""A stopgap against a PySide6 6.12 reference-count bug on CPython before 3.12.

PySide6 6.12 returns ``None`` from many void methods (``QPainter.save``, ``QPainter.setFont``,
``QStyle.drawControl``, ``QStyledItemDelegate.initStyleOption``...) and from
``QModelIndex.data`` for an empty value without taking a reference to it. From CPython 3.12
``None`` is immortal and nothing happens; on 3.11 every such call takes one reference from
``None``, and after some hundred thousand calls (minutes of painting a table or the section
list) the interpreter aborts with "Fatal Python error: none_dealloc: deallocating None".

Reproduce with PySide6 alone: ``QPainter.save(); QPainter.restore()`` 200,000 times on 3.11.

The real fix is to run on Python 3.12 or later. Until then, :func:`install` keeps a reserve of
references to ``None`` (a list of ``None`` s) and tops it up from a timer, so the count never
reaches zero; each lost reference then costs the 8 bytes of a list slot instead of a crash.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: Top up when fewer references than this remain; the timer runs often enough that painting
#: cannot spend that many between two checks.
LOW_WATER = 200_000
HIGH_WATER = 400_000
INTERVAL_MS = 200

_reserve: list[None] = []
# The reserve itself is never freed, not even at interpreter exit: freeing it would give back
# references that painting already took, and finalisation would then deallocate None.
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_reserve))
_timer: QTimer | None = None


def needed() -> bool:
    return sys.version_info < (3, 12)


def top_up() -> int:
    """Adds references to ``None`` when they run low; returns how many were added."""
    if not needed():
        return 0
    count = sys.getrefcount(None)
    if count >= LOW_WATER:
        return 0
    missing = HIGH_WATER - count
    _reserve.extend([None] * missing)
    return missing


def install(parent: QObject | None = None) -> None:
    """Starts the timer once per process (idempotent); a no-op on Python 3.12 and later."""
    global _timer
    top_up()
    if not needed() or _timer is not None:
        return
    owner = parent or QCoreApplication.instance()
    _timer = QTimer(owner)
    _timer.setInterval(INTERVAL_MS)
    _timer.timeout.connect(top_up)
    _timer.start()
