"""Fixtures of the review tests: those of the assessment tests (a vendor, a review under way, the
windows closed after each test) and the same tolerance of the offscreen platform's noise."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.assessment.conftest import (  # noqa: F401 (fixtures)
    OFFSCREEN_RAISE,
    close_windows,
    review_ids,
    vendor_id,
)
from tests.ui.conftest import OFFSCREEN_NOISE

#: Context menus grab the keyboard; the offscreen platform cannot (platform noise again).
OFFSCREEN_GRAB = r"This plugin does not support grabbing the keyboard"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(
                pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, OFFSCREEN_RAISE, OFFSCREEN_GRAB),
                append=False,
            )
