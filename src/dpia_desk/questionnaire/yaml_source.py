"""Read a YAML document into plain Python values, remembering where every value came from.

Forms are written by people, so every error must point at a line and column. PyYAML's constructors
throw positions away; this module builds the values itself from the parser's events and keeps a map
from document path (``("sections", 1, "questions", 3)``) to the 1-based line and column.

It also refuses what has no place in a form and could hurt a reader of a file from elsewhere:
files over :data:`MAX_BYTES`, anchors and aliases (so no "billion laughs" expansion), nesting
deeper than :data:`MAX_DEPTH`, explicit tags other than the plain YAML ones, several documents in
one file, duplicate keys and keys that are not text (whole numbers are allowed: scale labels).

Plain scalars are resolved the YAML 1.2 way, as editors and the JSON Schema see them: only
``true``/``false`` are booleans, so ``yes``, ``no``, ``on`` and ``off`` stay text (they are answer
and choice ids here), and ``10:30`` is not a sexagesimal number. ``YYYY-MM-DD`` becomes a date.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from dpia_desk.questionnaire.errors import DocPath, FormLoadError, FormProblem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64

_PARSER_LOADER: Any = getattr(yaml, "CBaseLoader", None) or yaml.BaseLoader

_CORE = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT = _CORE + "str", _CORE + "int", _CORE + "float"
_BOOL, _NULL = _CORE + "bool", _CORE + "null"
_MAP, _SEQ = _CORE + "map", _CORE + "seq"

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT_RE = re.compile(r"[-+]?[0-9]+")
_OCT_RE = re.compile(r"0o[0-7]+")
_HEX_RE = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT_RE = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF_RE = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN_RE = re.compile(r"\.(nan|NaN|NAN)")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class YamlDocument:
    """The values of one document and where each of them starts (1-based line, column)."""

    source: str
    value: object
    positions: dict[DocPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[DocPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: DocPath) -> tuple[int, int]:
        """Where the value at ``path`` starts, or its nearest ancestor that exists."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return found
        return (1, 1)

    def key_position(self, path: DocPath) -> tuple[int, int]:
        """Where the key naming ``path`` starts (falls back to the value)."""
        found = self.key_positions.get(path)
        return found if found is not None else self.position(path)


class _Stop(Exception):
    """Internal: the first problem ends reading (the rest of the document cannot be trusted)."""

    def __init__(self, line: int, column: int, path: DocPath, reason: str) -> None:
        super().__init__(reason)
        self.line, self.column, self.path, self.reason = line, column, path, reason


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


def _resolve_plain(value: str, where: tuple[int, int], path: DocPath) -> object:
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    try:
        if _INT_RE.fullmatch(value):
            return int(value)
        if _OCT_RE.fullmatch(value):
            return int(value[2:], 8)
        if _HEX_RE.fullmatch(value):
            return int(value[2:], 16)
    except ValueError:  # more digits than Python converts safely
        raise _Stop(*where, path, f"the number {value[:20]}... is too large") from None
    if _FLOAT_RE.fullmatch(value):
        return float(value)
    if _INF_RE.fullmatch(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN_RE.fullmatch(value):
        return math.nan
    if _DATE_RE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _Stop(*where, path, f"'{value}' is not a valid date") from None
    return value


def _scalar(event: Any, path: DocPath) -> object:
    where = _mark(event)
    tag = event.tag
    value: str = event.value
    if tag is None or tag == "!":
        plain = tag is None and not event.style  # quoted scalars are always text
        return _resolve_plain(value, where, path) if plain else value
    if tag == _STR:
        return value
    if tag in (_INT, _FLOAT, _BOOL, _NULL):
        resolved = _resolve_plain(value, where, path)
        number = isinstance(resolved, int | float) and not isinstance(resolved, bool)
        if tag == _INT and number and isinstance(resolved, int):
            return resolved
        if tag == _FLOAT and number:
            return float(resolved)  # type: ignore[arg-type]
        if (tag == _BOOL and isinstance(resolved, bool)) or (tag == _NULL and resolved is None):
            return resolved
        raise _Stop(*where, path, f"'{value}' does not fit its tag {_short_tag(tag)}")
    raise _Stop(*where, path, f"the YAML tag '{_short_tag(tag)}' is not allowed in a form")


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _check_collection_tag(event: Any, expected: str, path: DocPath) -> None:
    if event.tag not in (None, "!", expected):
        raise _Stop(
            *_mark(event), path, f"the YAML tag '{_short_tag(event.tag)}' is not allowed in a form"
        )


class _Frame:
    __slots__ = ("container", "key", "path")

    def __init__(self, container: dict[Any, Any] | list[Any], path: DocPath) -> None:
        self.container = container
        self.path = path
        self.key: str | int | None = None  # a mapping's key waiting for its value


def _build(
    events: Any,
    positions: dict[DocPath, tuple[int, int]],
    key_positions: dict[DocPath, tuple[int, int]],
    max_depth: int,
) -> object:
    stack: list[_Frame] = []
    root: object = None
    documents = 0

    def attach(value: object) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
        else:
            frame.container[frame.key] = value
            frame.key = None

    def child_path() -> DocPath:
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        assert frame.key is not None
        return (*frame.path, frame.key)

    def expecting_key() -> bool:
        return bool(stack) and isinstance(stack[-1].container, dict) and stack[-1].key is None

    for event in events:
        if isinstance(event, yaml.StreamStartEvent | yaml.StreamEndEvent | yaml.DocumentEndEvent):
            continue
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Stop(*_mark(event), (), "a file holds one YAML document, found a second")
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            where = _mark(event)
            raise _Stop(
                *where,
                child_path() if not expecting_key() else stack[-1].path,
                "anchors and aliases (& and *) are not allowed in a form",
            )
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            stack.pop()
            continue
        if expecting_key():
            frame = stack[-1]
            if not isinstance(event, yaml.ScalarEvent):
                raise _Stop(*_mark(event), frame.path, "a key must be text, not a list or mapping")
            key = _scalar(event, frame.path)
            if isinstance(key, bool) or not isinstance(key, str | int):
                raise _Stop(
                    *_mark(event),
                    frame.path,
                    f"a key must be text, got {_describe(key)} (put it in quotes)",
                )
            assert isinstance(frame.container, dict)
            if key in frame.container:
                first = key_positions.get((*frame.path, key))
                seen = f" (first given on line {first[0]})" if first else ""
                raise _Stop(*_mark(event), (*frame.path, key), f"duplicate key '{key}'{seen}")
            frame.key = key
            key_positions[(*frame.path, key)] = _mark(event)
            continue
        path = child_path()
        positions[path] = _mark(event)
        if isinstance(event, yaml.ScalarEvent):
            attach(_scalar(event, path))
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if len(stack) >= max_depth:
                # the path of such a node is unreadable; the line and column say enough
                raise _Stop(
                    *_mark(event), (), f"the document is nested more than {max_depth} levels deep"
                )
            is_map = isinstance(event, yaml.MappingStartEvent)
            _check_collection_tag(event, _MAP if is_map else _SEQ, path)
            container: dict[Any, Any] | list[Any] = {} if is_map else []
            attach(container)
            stack.append(_Frame(container, path))
    return root


def _offset_position(data: bytes | str, offset: int) -> tuple[int, int]:
    head = data[:offset]
    newline: Any = b"\n" if isinstance(head, bytes) else "\n"
    line = head.count(newline) + 1
    column = offset - (head.rfind(newline) + 1) + 1
    return line, column


def _syntax_reason(error: yaml.MarkedYAMLError, text: str, line: int, column: int) -> str:
    problem = error.problem or "invalid YAML"
    reason = f"YAML syntax error: {problem}"
    if error.context:
        reason += f" ({error.context})"
    lines = text.splitlines()
    if 0 < line <= len(lines) and 0 < column <= len(lines[line - 1]) + 1:
        here = lines[line - 1][column - 1 : column]
        if here == "\t" or "\t" in lines[line - 1][: column - 1].lstrip(" ")[:1]:
            reason += "; YAML does not allow tabs for indentation, use spaces"
    return reason


def parse_yaml(
    data: str | bytes,
    source: str,
    *,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
) -> YamlDocument:
    """Parse one YAML document with positions; any problem raises :class:`FormLoadError`.

    An empty document (nothing but comments) gives ``value=None``.
    """

    def fail(line: int | None, column: int | None, path: DocPath, reason: str) -> FormLoadError:
        return FormLoadError([FormProblem(source, line, column, path, reason)])

    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > max_bytes:
        raise fail(
            None, None, (), f"the file is {size:,} bytes; a form may have at most {max_bytes:,}"
        )
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line, column = _offset_position(data, error.start)
            raise fail(line, column, (), "the file is not UTF-8 text") from None
    else:
        text = data.removeprefix("\ufeff")

    positions: dict[DocPath, tuple[int, int]] = {}
    key_positions: dict[DocPath, tuple[int, int]] = {}
    try:
        value = _build(yaml.parse(text, Loader=_PARSER_LOADER), positions, key_positions, max_depth)
    except _Stop as stop:
        raise fail(stop.line, stop.column, stop.path, stop.reason) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise fail(line, column, (), _syntax_reason(error, text, line, column)) from None
    except yaml.reader.ReaderError as error:
        line, column = _offset_position(text, error.position)
        character = error.character
        code = character if isinstance(character, int) else ord(str(character)[:1] or "\0")
        raise fail(
            line, column, (), f"the file holds a character YAML does not allow (U+{code:04X})"
        ) from None
    except yaml.YAMLError as error:
        raise fail(1, 1, (), f"YAML error: {error}") from None
    return YamlDocument(source, value, positions, key_positions)
