"""Reading a JSON file that someone else wrote, without trusting it.

In this order, each step refusing with one message that names the place:

1. the size, from the file system, before the file is opened (a 300 MB file is never read);
2. UTF-8 (a leading byte-order mark is tolerated);
3. the JSON itself: syntax, a key repeated in one object (JSON leaves its meaning open, so it is
   refused rather than guessed), ``NaN`` and ``Infinity`` (not JSON), numbers too long to convert;
4. the nesting depth: a depth bomb (``[[[[...`` a few hundred thousand deep) stops Python's
   parser at its recursion limit, a guarded error in C; anything parsed that nests deeper than
   ``max_depth`` is refused by an iterative walk naming where. (No regular-expression pre-scan:
   one over an unterminated string full of escaped quotes is quadratic, a denial of service.)

The SHA-256 of the file's bytes comes back with the data, for the audit trail.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dpia_desk.exchange.errors import ImportRefusedError
from dpia_desk.exchange.limits import MAX_FILE_BYTES, MAX_NESTING_DEPTH
from dpia_desk.questionnaire.errors import format_doc_path


@dataclass(frozen=True)
class LoadedJson:
    """A parsed JSON document with where it came from."""

    source: Path
    data: Any
    size: int
    sha256: str


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"


def _limit(size: int) -> str:
    return f"{size // 1_048_576} MB" if size >= 1_048_576 else f"{size:,} bytes"


def read_json_file(
    path: Path | str,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    max_depth: int = MAX_NESTING_DEPTH,
) -> LoadedJson:
    """Read and parse ``path`` within the limits; raise :class:`ImportRefusedError` otherwise."""
    source = Path(path)
    try:
        info = source.stat()
    except FileNotFoundError:
        raise ImportRefusedError(source, None, "there is no such file") from None
    except OSError as error:
        raise ImportRefusedError(source, None, error.strerror or "it cannot be read") from None
    if not stat.S_ISREG(info.st_mode):
        raise ImportRefusedError(source, None, "it is not a regular file")
    if info.st_size > max_bytes:
        raise ImportRefusedError(
            source,
            None,
            f"the file is {_megabytes(info.st_size)}, above the limit of {_limit(max_bytes)}",
        )
    try:
        with source.open("rb") as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as error:
        raise ImportRefusedError(source, None, error.strerror or "it cannot be read") from None
    if len(raw) > max_bytes:  # it grew while we looked
        raise ImportRefusedError(
            source, None, f"the file is larger than the limit of {_limit(max_bytes)}"
        )
    if not raw.strip():
        raise ImportRefusedError(source, None, "the file is empty")
    digest = hashlib.sha256(raw).hexdigest()
    text = decode_utf8(raw, source)
    del raw
    data = parse_json_text(text, source, max_depth=max_depth)
    return LoadedJson(source=source, data=data, size=info.st_size, sha256=digest)


def decode_utf8(raw: bytes, source: Path | str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportRefusedError(
            source, None, f"it is not UTF-8 text (invalid byte at offset {error.start})"
        ) from None
    return text.removeprefix("\ufeff")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _bad_text(text: str) -> bool:
    """A lone surrogate (from an escaped ``\\ud800``): not Unicode, cannot be stored or hashed."""
    return not text.isascii() and _SURROGATE.search(text) is not None


def _place(path: tuple[str | int, ...]) -> str | None:
    return (format_doc_path(path[:6]) + ("..." if len(path) > 6 else "")) or None


def check_depth(data: Any, source: Path | str, max_depth: int = MAX_NESTING_DEPTH) -> None:
    """Refuse arrays and objects nested deeper than ``max_depth``, and texts that are not valid
    Unicode (an iterative walk over the parsed document, naming the place)."""
    pending: list[tuple[Any, int, tuple[str | int, ...]]] = [(data, 1, ())]
    if isinstance(data, str) and _bad_text(data):
        raise ImportRefusedError(source, None, "a text holds a lone surrogate (not Unicode)")
    while pending:
        node, depth, path = pending.pop()
        if depth > max_depth:
            raise ImportRefusedError(
                source,
                _place(path),
                f"arrays and objects are nested more than {max_depth} levels deep",
            )
        children = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in children:
            if isinstance(key, str) and _bad_text(key):
                raise ImportRefusedError(
                    source, _place(path), "a key holds a lone surrogate (not Unicode)"
                )
            if isinstance(child, dict | list):
                pending.append((child, depth + 1, (*path, key)))
            elif isinstance(child, str) and _bad_text(child):
                raise ImportRefusedError(
                    source, _place((*path, key)), "holds a lone surrogate (not Unicode)"
                )


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_constants(name: str) -> Any:
    raise _ConstantError(name)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 reads as infinity
        raise _ConstantError(text if len(text) <= 40 else text[:37] + "...")
    return value


class _ConstantError(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def parse_json_text(text: str, source: Path | str, *, max_depth: int = MAX_NESTING_DEPTH) -> Any:
    try:
        data = json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_no_constants,
            parse_float=_finite,
        )
    except json.JSONDecodeError as error:
        raise ImportRefusedError(
            source,
            None,
            f"it is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})",
            hint="The file may be truncated or damaged. Nothing was imported.",
        ) from None
    except _DuplicateKeyError as error:
        shown = error.key if len(error.key) <= 80 else error.key[:77] + "..."
        raise ImportRefusedError(
            source, None, f"the key {shown!r} appears twice in one object"
        ) from None
    except _ConstantError as error:
        raise ImportRefusedError(
            source, None, f"{error.name} is not a finite JSON number"
        ) from None
    except RecursionError:  # a depth bomb: the C parser stops at the recursion limit
        raise ImportRefusedError(
            source, None, f"arrays and objects are nested more than {max_depth} levels deep"
        ) from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise ImportRefusedError(source, None, f"a value cannot be read ({error})") from None
    check_depth(data, source, max_depth)
    return data
