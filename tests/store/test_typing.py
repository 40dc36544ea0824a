"""The store is type-checked with mypy in strict mode (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_mypy_strict_passes_on_the_store() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "-p", "dpia_desk.store"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
