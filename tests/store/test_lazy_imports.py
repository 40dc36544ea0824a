"""Start-up cost: opening a workspace, listing its vendors (the desktop's first screen) and the
automatic backup the desktop starts meanwhile import neither SQLAlchemy nor Alembic, and the
version needs no importlib.metadata. Checked in a fresh
interpreter, since this one has imported everything long ago."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from dpia_desk.store import RecoveryKey, Workspace, add_vendor

ROOT = Path(__file__).resolve().parents[2]

HEAVY = ("sqlalchemy", "alembic", "dpia_desk.store.models", "dpia_desk.store.audit", "yaml")

_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[3])
from pathlib import Path
import keyring
from tests.memory_keyring import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
import dpia_desk.store
after_import = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "keyring"))
from dpia_desk.store import (
    KeychainKey, Workspace, automatic_backup, count_matching, keys, list_matching,
)
from dpia_desk.store.engine import inspect_file
path = Path(sys.argv[1])
keys.save_key(inspect_file(path), bytes.fromhex(sys.argv[2]))
with Workspace.open(path, KeychainKey()) as workspace:
    with workspace.read_connection() as connection:
        names = [row.name for row in list_matching(connection, "zoe", "ai_act_tier", True, 0, 50)]
        total = count_matching(connection, "")
    backup = automatic_backup(workspace)
print(json.dumps({
    "backup": backup is not None,
    "after_import": after_import,
    "names": names,
    "total": total,
    "loaded": sorted(sys.modules),
}))
"""


def test_opening_and_listing_vendors_needs_no_sqlalchemy(
    keychain_workspace: tuple[Workspace, RecoveryKey], isolated_home: Path
) -> None:
    workspace, recovery = keychain_workspace
    with workspace.session() as session:
        add_vendor(session, actor="t", name="Zoë Analytics")
        add_vendor(session, actor="t", name="Acme")
    workspace.close()
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(workspace.path), recovery.raw.hex(), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["names"] == ["Zoë Analytics"] and report["total"] == 2 and report["backup"]
    # The test harness imported keyring itself; the store package alone imports nothing heavy.
    assert [m for m in report["after_import"] if m.startswith("sqlalchemy")] == []
    loaded = set(report["loaded"])
    assert not [name for name in HEAVY if name in loaded]


def test_the_version_is_the_installed_one_without_importlib_metadata() -> None:
    code = (
        "import sys, dpia_desk; v = dpia_desk.__version__; "
        "print(v, 'importlib.metadata' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    version, loaded_metadata = result.stdout.split()
    assert version == metadata.version("dpia-desk")
    assert loaded_metadata == "False"


def test_the_desktop_start_parses_its_command_line_without_the_command_modules() -> None:
    code = """
import json, sys
from dpia_desk.cli import build_parser, parse_arguments
fast = [vars(parse_arguments(argv)) for argv in ([], ["--workspace", "w.dpia"])]
loaded = sorted(m for m in sys.modules if m.endswith("_cmds"))
full = [vars(build_parser().parse_args(argv)) for argv in ([], ["--workspace", "w.dpia"])]
command = vars(parse_arguments(["--workspace", "w.dpia", "vendor", "list"]))
print(json.dumps({"fast": fast, "full": full, "loaded": loaded,
                  "command": [command["command"], command["workspace"]]}, default=str))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    report = json.loads(result.stdout)
    assert report["loaded"] == []
    assert report["fast"] == report["full"]  # the same namespace the full parser makes
    assert report["command"] == ["vendor", "w.dpia"]
