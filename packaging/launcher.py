"""PyInstaller's entry script: the same ``main`` as the ``dpia-desk`` console script."""

from __future__ import annotations

import sys

from dpia_desk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
