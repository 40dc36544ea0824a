"""Core dumps off while a workspace is open; a full disk is a clear error and loses nothing."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from dpia_desk.store import Passphrase, RecoveryKey, Workspace, add_vendor
from dpia_desk.store.models import Vendor
from tests.store.helpers import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def test_opening_a_workspace_turns_core_dumps_off(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)


# The file-size limit makes every write past it fail (EFBIG), like a full disk, without
# needing a small file system to be mounted.
FULL_DISK_WRITER = """
import resource, signal, sys
from dpia_desk.store import Passphrase, Workspace, add_vendor
from dpia_desk.store.hardening import WorkspaceWriteError

workspace = Workspace.open(sys.argv[1], Passphrase(sys.argv[2]))
with workspace.session() as session:
    add_vendor(session, actor="t", name="Saved before the disk filled up")
print("saved", flush=True)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[3])
_, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
try:
    for number in range(10_000):
        with workspace.session() as session:
            add_vendor(session, actor="t", name=f"Big {number}", notes="x" * 20_000)
except WorkspaceWriteError as error:
    print("refused:", error, flush=True)
resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
workspace.close()
"""


def test_a_full_disk_is_a_clear_error_and_the_workspace_stays_sound(
    passphrase_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = passphrase_workspace
    workspace.close()
    limit = workspace.path.stat().st_size + 300_000
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK_WRITER, str(workspace.path), PASSPHRASE, str(limit)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "saved"
    assert lines[1].startswith("refused: The change could not be saved")
    assert "Free some disk space" in lines[1]
    with Workspace.open(workspace.path, Passphrase(PASSPHRASE)) as reopened:
        assert reopened.check().ok
        with reopened.read_session() as session:
            names = list(session.scalars(select(Vendor.name)))
        assert "Saved before the disk filled up" in names
        with reopened.session() as session:  # and it takes changes again
            add_vendor(session, actor="t", name="After")
