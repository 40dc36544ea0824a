"""Pieces every command shares: global options, JSON output, error lines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

PASSPHRASE_ENV = "DPIA_DESK_PASSPHRASE"  # noqa: S105 (the variable's name, not a secret)


def add_global_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """Options accepted before or after the command name.

    Sub-parsers use ``SUPPRESS`` defaults so that ``dpia-desk --workspace A vendor list`` is not
    overwritten by the sub-parser's own default.
    """
    default: Any = None if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--workspace",
        type=Path,
        default=default,
        metavar="PATH",
        help="workspace file (default: workspace.dpia in the per-user data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=default,
        metavar="FILE",
        help=f"read the passphrase from FILE (or set {PASSPHRASE_ENV}); otherwise the OS keychain",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")


def add_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(name, help=help_text, description=help_text)
    add_global_options(parser)
    return parser


def emit_json(document: object) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    sys.stdout.write("\n")


def print_error(message: str) -> None:
    """Errors are one line on stderr, whatever the message held."""
    line = " ".join(message.split())
    print(f"dpia-desk: error: {line}", file=sys.stderr)
