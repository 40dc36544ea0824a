"""Where things live: shipped data (forms, resources) and per-user folders.

The top-level ``forms/`` and ``resources/`` folders are copied into the wheel as
``dpia_desk/forms`` and ``dpia_desk/resources`` (see pyproject.toml), and PyInstaller puts them at
the same place in the bundle. A source checkout keeps them at the repository root. Both layouts are
tried, package first, so an installed copy never reads a stray checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

from dpia_desk import APP_NAME

_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_DIR.parent.parent

#: Set to a folder to keep every per-user file (workspace, settings, user forms, backups) inside
#: it. Tests and the demo scripts use it so they never touch the real profile.
HOME_ENV = "DPIA_DESK_HOME"


def _shipped(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / name, _SOURCE_ROOT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"the '{name}' folder is missing from this installation (looked in {_PACKAGE_DIR} "
        f"and {_SOURCE_ROOT}); reinstall dpia_desk"
    )


def forms_dir() -> Path:
    """The built-in questionnaire library."""
    return _shipped("forms")


def resources_dir() -> Path:
    """Icons, styles, fonts, report templates and translations."""
    return _shipped("resources")


def _dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def user_data_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    return Path(home) / "data" if home else _dirs().user_data_path


def user_config_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    return Path(home) / "config" if home else _dirs().user_config_path


def user_forms_dir() -> Path:
    """Organisation-specific forms, loaded beside the built-in library."""
    return user_data_dir() / "forms"


def default_workspace_path() -> Path:
    return user_data_dir() / "workspace.dpia"


def default_backup_dir() -> Path:
    return user_data_dir() / "backups"
