"""The installed PySide6 must not lose references to None (PySide6 6.12 does on Python 3.11).

pyproject.toml keeps PySide6 below 6.12 on Python 3.11; this test fails if an install ever brings
the broken release back, before a user's app aborts with "deallocating None" mid-session.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_painting_keeps_references_to_none(qapp: QApplication) -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(1000):
        painter.save()
        painter.restore()
    painter.end()
    # allow for unrelated churn, never for one lost reference per call
    assert before - sys.getrefcount(None) < 100
