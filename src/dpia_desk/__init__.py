"""dpia_desk: offline due diligence of HR-tech vendors and their AI systems."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

APP_NAME = "dpia_desk"
DIST_NAME = "dpia-desk"

__all__ = ["APP_NAME", "DIST_NAME", "__version__"]

if TYPE_CHECKING:
    __version__: str


def _installed_version() -> str:
    """The version of the installed distribution.

    Importing ``importlib.metadata`` costs 25-70 ms at start-up (it pulls in the email parser,
    zipfile and csv). A wheel or editable install leaves a ``dpia_desk-<version>.dist-info``
    folder on ``sys.path``; the first ``sys.path`` entry holding one is the one
    ``importlib.metadata`` would read, and the folder's name carries the version. Anything else
    (several such folders side by side, an egg, a frozen bundle) goes the long way.
    """
    prefix = APP_NAME + "-"
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as listing:
                found = [
                    item.name
                    for item in listing
                    if item.name.startswith(prefix) and item.name.endswith(".dist-info")
                ]
        except OSError:  # not a folder (a zip file) or gone
            continue
        if len(found) == 1:
            return found[0][len(prefix) : -len(".dist-info")]
        if found:
            break
    from importlib import metadata

    try:
        return metadata.version(DIST_NAME)
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    # PEP 562: the version is looked up the first time someone asks for it, then kept.
    if name == "__version__":
        version = _installed_version()
        globals()["__version__"] = version
        return version
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
