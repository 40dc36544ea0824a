"""Test isolation: never the real profile, never the real keychain, always headless."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

# Headless by default; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.memory_keyring import MemoryKeyring

#: The store trusts only allow-listed keychain backends; tests add their in-memory one here.
TRUSTED_KEYRINGS_ENV = "DPIA_DESK_TRUSTED_KEYRINGS"
os.environ[TRUSTED_KEYRINGS_ENV] = f"{MemoryKeyring.__module__}.{MemoryKeyring.__qualname__}"


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every per-user folder (workspace, settings, backups, user forms) goes to a temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DPIA_DESK_HOME", str(home))
    monkeypatch.delenv("DPIA_DESK_PASSPHRASE", raising=False)
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
