"""Workspace open time: keychain mode (raw key, no KDF) against passphrase mode (PBKDF2).

Run: ``.venv/bin/python benchmarks/bench_open.py [--runs N]``. Everything happens in a temporary
folder with an in-memory keyring (never the user's keychain). Prints the median of N opens for
each mode, the median of the key derivation alone, and the ratios: passphrase mode should cost
the KDF and nothing more, keychain mode well under 50 ms (DESIGN section 11).

Each open is what the desktop does before its first screen: ``Workspace.open`` (page
authentication, key check, schema revision), one read of the vendor count through a plain read
connection (``Workspace.read_connection``, no SQLAlchemy), and ``close``. The first SQLAlchemy
session (engine built, then a query) is timed apart: the app pays it once, after the first screen.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def _median_ms(action: Callable[[], None], runs: int) -> float:
    action()  # warm-up: imports, page cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--vendors", type=int, default=1000, help="vendors in each workspace")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dpia-bench-") as folder:
        os.environ["DPIA_DESK_HOME"] = folder
        backend = _MemoryKeyring()
        kind = type(backend)
        os.environ["DPIA_DESK_TRUSTED_KEYRINGS"] = f"{kind.__module__}.{kind.__qualname__}"
        keyring.set_keyring(backend)

        from dpia_desk.store import (
            KeychainKey,
            Passphrase,
            Workspace,
            add_vendor,
            count_matching,
            count_vendors,
        )

        passphrase = Passphrase("benchmark passphrase, long enough")
        paths = {"keychain": Path(folder) / "keychain.dpia", "passphrase": Path(folder) / "pp.dpia"}
        sources = {"keychain": KeychainKey(), "passphrase": passphrase}
        for mode, path in paths.items():
            workspace, _ = Workspace.create(path, sources[mode])  # type: ignore[arg-type]
            with workspace, workspace.session() as session:
                for number in range(args.vendors):
                    add_vendor(session, actor="bench", name=f"Vendor {number}")

        def open_and_read(mode: str) -> Callable[[], None]:
            def action() -> None:
                with (
                    Workspace.open(paths[mode], sources[mode]) as workspace,
                    workspace.read_connection() as connection,
                ):
                    count_matching(connection, "")

            return action

        def first_session() -> None:
            with Workspace.open(paths["keychain"], sources["keychain"]) as workspace:
                start = time.perf_counter()
                with workspace.read_session() as session:
                    count_vendors(session, "")
                session_samples.append((time.perf_counter() - start) * 1000)

        session_samples: list[float] = []

        salt = paths["passphrase"].read_bytes()[:16]

        def kdf_only() -> None:
            hashlib.pbkdf2_hmac("sha512", passphrase.value.encode(), salt, 256_000, 32)

        keychain_ms = _median_ms(open_and_read("keychain"), args.runs)
        passphrase_ms = _median_ms(open_and_read("passphrase"), args.runs)
        kdf_ms = _median_ms(kdf_only, args.runs)
        _median_ms(first_session, args.runs)
        session_ms = statistics.median(session_samples[1:])

    print(
        f"workspace open, keychain mode (raw key):   {keychain_ms:8.1f} ms  (median of {args.runs})"
    )
    print(f"workspace open, passphrase mode (PBKDF2):  {passphrase_ms:8.1f} ms")
    print(f"PBKDF2-HMAC-SHA512, 256,000 iterations:    {kdf_ms:8.1f} ms")
    print(
        f"first SQLAlchemy session after an open:     {session_ms:8.1f} ms  (engine + one query; "
        "the desktop pays it after its first screen)"
    )
    print(f"ratio passphrase / keychain:               {passphrase_ms / keychain_ms:8.2f}")
    print(
        f"passphrase open minus KDF, / keychain open: {(passphrase_ms - kdf_ms) / keychain_ms:8.2f}"
        "  (about 1: the KDF and nothing more)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
