"""Fixtures for store tests: fresh workspaces in both key modes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dpia_desk.store import KeychainKey, Passphrase, RecoveryKey, Workspace
from tests.store.helpers import PASSPHRASE


@pytest.fixture
def workspace_file(tmp_path: Path) -> Path:
    return tmp_path / "workspaces" / "team.dpia"


@pytest.fixture
def keychain_workspace(workspace_file: Path) -> Iterator[tuple[Workspace, RecoveryKey]]:
    workspace, recovery = Workspace.create(workspace_file, KeychainKey())
    yield workspace, recovery
    workspace.close()


@pytest.fixture
def passphrase_workspace(workspace_file: Path) -> Iterator[tuple[Workspace, RecoveryKey]]:
    workspace, recovery = Workspace.create(workspace_file, Passphrase(PASSPHRASE))
    yield workspace, recovery
    workspace.close()
