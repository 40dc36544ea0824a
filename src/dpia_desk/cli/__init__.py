"""The headless face of dpia_desk: ``dpia-desk COMMAND ...``.

Each command group lives in its own module with a ``register(subparsers)`` function; handlers take
the parsed arguments and return an exit code. The contract (commands, options, ``--json`` output,
exit codes) is public: extend it, never rename or drop what is there.

Exit codes: 0 success, 1 failure (one line on stderr), 2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from dpia_desk import __version__
from dpia_desk.cli.common import add_global_options, print_error
from dpia_desk.errors import DpiaDeskError

DEBUG_ENV = "DPIA_DESK_DEBUG"

#: The command groups (modules of this package), imported when the full parser is built: the
#: desktop start (no command) does without them (see :func:`parse_arguments`).
_COMMAND_MODULES = (
    "workspace_cmds",
    "vendor_cmds",
    "form_cmds",
    "scoring_cmds",
    "assessment_cmds",
    "export_cmds",
    "exchange_cmds",
    "trust_cmds",
    "about_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dpia-desk",
        description=(
            "Due diligence of HR-tech vendors and their AI systems. "
            "Without a command, opens the desktop app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"dpia-desk {__version__}")
    add_global_options(parser, top_level=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line. Without a command (the desktop start) only the global options
    are parsed: building every command's parser costs about 25 ms the desktop would wait for.
    Anything else (a command, ``--help``, ``--version``, a mistake) goes to the full parser."""
    arguments = list(argv)
    start = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    add_global_options(start, top_level=True)
    try:
        args, rest = start.parse_known_args(arguments)
    except argparse.ArgumentError:
        rest = arguments
    if rest:
        return build_parser().parse_args(arguments)
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from dpia_desk.ui.app import run_gui  # Qt is imported only when the GUI is wanted

        gui_result: int = run_gui(args)
        return gui_result
    try:
        handler = args.func
        result: int = handler(args)
        return result
    except DpiaDeskError as error:
        print_error(str(error))
        return 1
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except BrokenPipeError:
        # stdout was closed early (e.g. piped into `head`): not an error worth a message
        return 0
    except Exception as error:  # a bug: one line for the user, the traceback on request
        if os.environ.get(DEBUG_ENV):
            raise
        print_error(
            f"internal error ({type(error).__name__}: {error}); "
            f"set {DEBUG_ENV}=1 for the details and report it"
        )
        return 1
