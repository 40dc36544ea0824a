"""Non-secret facts about each workspace, kept on this computer beside the user's settings.

One small JSON file, ``workspaces.json`` in :func:`dpia_desk.paths.user_config_dir`, maps each
workspace's salt (hex; the first 16 bytes of its file) to a few strings:

``mode``
    ``keychain`` or ``passphrase``: tells "this workspace uses a passphrase" from "the keychain
    entry vanished";
``audit_head``
    ``<seq>:<hash>`` of the newest audit event this computer saw, so ``audit verify`` notices
    events removed from the end of the chain;
``rekey``
    set while a key rotation is under way (``to-passphrase`` ...), so an interrupted rotation is
    explained and finished on the next open.

Nothing here is secret: no keys, no passphrases, no workspace content. The file is rewritten
atomically; a missing or unreadable file just means "nothing known".
"""

from __future__ import annotations

import json
from pathlib import Path

from dpia_desk import paths

HINTS_FILE = "workspaces.json"


def hints_path() -> Path:
    return paths.user_config_dir() / HINTS_FILE


def _read_all() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(hints_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(salt): {str(k): v for k, v in entry.items() if isinstance(v, str)}
        for salt, entry in data.items()
        if isinstance(entry, dict)
    }


def read_hint(salt: bytes, name: str) -> str | None:
    return _read_all().get(salt.hex(), {}).get(name)


def write_hints(salt: bytes, **values: str | None) -> None:
    """Set (or, with ``None``, remove) hints of one workspace; a no-op when nothing changes."""
    everything = _read_all()
    entry = dict(everything.get(salt.hex(), {}))
    for name, value in values.items():
        if value is None:
            entry.pop(name, None)
        else:
            entry[name] = value
    if entry == everything.get(salt.hex(), {}):
        return
    everything[salt.hex()] = entry
    target = hints_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(json.dumps(everything, indent=1, sort_keys=True), encoding="utf-8")
    temporary.replace(target)
