"""``dpia-desk``: no subcommand opens the GUI, a subcommand runs headless."""

from __future__ import annotations

import sys

from dpia_desk.cli import main as cli_main


def main(argv: list[str] | None = None) -> int:
    return cli_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
