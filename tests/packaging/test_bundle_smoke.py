"""The smoke test against a real PyInstaller build (slow: about a minute to build).

Builds the bundle once per session into a temporary folder when PyInstaller is installed
(``make package`` installs it), or uses an existing build named by ``DPIA_DESK_BUNDLE``
(for instance ``dist/dpia-desk`` after ``make package``); skipped otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import PACKAGING, load_script

pytestmark = pytest.mark.slow

BUNDLE_ENV = "DPIA_DESK_BUNDLE"


@pytest.fixture(scope="session")
def built_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get(BUNDLE_ENV)
    if prebuilt:
        return Path(prebuilt).resolve()
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (make package does)")
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("pyinstaller-work")
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(dist), "--work", str(work),
         "--no-archive"],
        capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    bundle: Path = load_script("build").bundle_dir(dist)
    return bundle


def test_the_built_bundle_passes_the_smoke_test(built_bundle: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "smoke_test.py"), "--bundle", str(built_bundle)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert ", 0 failed," in report
    assert "ok  GUI offscreen to an idle main window" in report
    assert "ok  about --json" in report
