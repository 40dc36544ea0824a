"""The stopgap for PySide6 6.12's lost references to None on Python 3.11 (see refcount_guard)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from dpia_desk.ui.assessment import refcount_guard


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_painting_loses_references_to_none_and_the_guard_tops_them_up(qapp: QApplication) -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    refcount_guard.top_up()
    before = sys.getrefcount(None)
    for _ in range(1000):
        painter.save()
        painter.restore()
    painter.end()
    lost = before - sys.getrefcount(None)
    # the bug this guards against; if a PySide6 release fixes it, the guard can go
    assert lost >= 1000
    assert refcount_guard.top_up() > 0 or sys.getrefcount(None) >= refcount_guard.LOW_WATER
    assert sys.getrefcount(None) >= refcount_guard.LOW_WATER
