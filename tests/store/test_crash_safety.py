"""SIGKILL of a writer at random moments loses no write it reported as committed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from dpia_desk.store import Passphrase, Workspace
from dpia_desk.store.models import Vendor
from tests.store.helpers import PASSPHRASE

WRITER = """
import sys
from dpia_desk.store import Passphrase, Workspace, add_vendor

workspace = Workspace.open(sys.argv[1], Passphrase(sys.argv[2]))
number = 0
while True:
    with workspace.session() as session:
        name = f"{sys.argv[3]}-{number}"
        vendor = add_vendor(session, actor="writer", name=name, notes="n" * 300)
        vendor_id = vendor.id
    # Printed only after the session committed: what the user would see as "saved".
    print(vendor_id, flush=True)
    number += 1
"""

RUNS = 24


def _collect(stream: object, into: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        if line.endswith("\n"):
            into.append(line.strip())


@pytest.mark.slow
def test_sigkill_during_writes_loses_nothing_committed(workspace_file: Path) -> None:
    Workspace.create(workspace_file, Passphrase(PASSPHRASE))[0].close()
    seed = int.from_bytes(os.urandom(4), "big")
    chooser = random.Random(seed)
    reported: list[str] = []
    for run in range(RUNS):
        printed: list[str] = []
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(workspace_file), PASSPHRASE, f"run{run}"],
            stdout=subprocess.PIPE,
            text=True,
        ) as writer:
            reader = threading.Thread(target=_collect, args=(writer.stdout, printed))
            reader.start()
            if run % 3 == 0:
                time.sleep(chooser.uniform(0.0, 1.0))  # may hit start-up, open or writes
            else:
                deadline = time.monotonic() + 30
                while not printed and time.monotonic() < deadline and writer.poll() is None:
                    time.sleep(0.005)
                assert printed, f"the writer of run {run} never committed (seed {seed})"
                time.sleep(chooser.uniform(0.0, 0.4))
            writer.send_signal(signal.SIGKILL)
            writer.wait()
            reader.join()
        assert writer.returncode == -signal.SIGKILL, f"run {run}: writer ended on its own"
        reported += printed
        with Workspace.open(workspace_file, Passphrase(PASSPHRASE)) as workspace:
            with workspace.read_session() as session:
                present = set(session.scalars(select(Vendor.id)))
            missing = [vendor_id for vendor_id in reported if vendor_id not in present]
            assert missing == [], f"run {run} (seed {seed}) lost committed writes: {missing}"
            report = workspace.check()
            assert report.ok, f"run {run} (seed {seed}): {report.problems}"
    assert len(reported) > RUNS  # the writers really wrote
