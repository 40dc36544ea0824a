"""The packaging scripts live in ``packaging/`` (not a package): load them by path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
if str(PACKAGING) not in sys.path:
    # bundle_contents, version_info and make_icons import each other by these plain names
    sys.path.append(str(PACKAGING))


def load_script(name: str) -> ModuleType:
    """``packaging/<name>.py`` under a private module name (``build`` is also a PyPI package)."""
    module_name = f"dpia_packaging_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
