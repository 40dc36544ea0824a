"""dpia_desk: offline due diligence of HR-tech vendors and their AI systems."""

from __future__ import annotations

from importlib import metadata

APP_NAME = "dpia_desk"
DIST_NAME = "dpia-desk"

try:
    __version__ = metadata.version(DIST_NAME)
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["APP_NAME", "DIST_NAME", "__version__"]
