"""Helpers shared by the store and workspace CLI tests."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
PASSPHRASE = "correct horse % @ / : ' \" battery — Zoë"


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def decrypt_pages(path: Path, key: bytes) -> list[bytes]:
    """Every page of the file decrypted (free pages included), first page at index 0: what
    someone with the key and a hex editor would see. (The trailing IV/HMAC bytes are dropped.)"""
    data = path.read_bytes()
    plain = []
    for number in range(len(data) // PAGE_SIZE):
        page = data[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        start = 16 if number == 0 else 0
        iv = page[PAGE_SIZE - 80 : PAGE_SIZE - 64]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain.append(decryptor.update(page[start : PAGE_SIZE - 80]) + decryptor.finalize())
    return plain


def sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def run_cli(
    *args: str,
    home: Path,
    passphrase: str | None = PASSPHRASE,
    extra_env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """``dpia-desk ARGS`` in a fresh process (passphrase mode: the test keyring lives in ours)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DPIA_DESK_")}
    env["DPIA_DESK_HOME"] = str(home)
    if passphrase is not None:
        env["DPIA_DESK_PASSPHRASE"] = passphrase
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "dpia_desk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def raw_open(path: Path, key_literal: str) -> sqlcipher3.Connection:
    """A plain sqlcipher3 connection keyed with a ready-made ``PRAGMA key`` literal."""
    connection = sqlcipher3.connect(str(path))
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {key_literal}")
    return connection
