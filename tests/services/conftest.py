from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dpia_desk.store import KeychainKey, Workspace, add_vendor


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    created, _recovery = Workspace.create(tmp_path / "services.dpia", KeychainKey())
    with created:
        yield created


@pytest.fixture
def vendor_id(workspace: Workspace) -> str:
    with workspace.session() as session:
        return add_vendor(session, actor="tester", name="Hireflow GmbH", country="DE").id
