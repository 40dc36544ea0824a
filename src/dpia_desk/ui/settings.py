"""Per-user desktop settings, kept in QSettings (an INI file in the per-user config folder).

The file is ``paths.user_config_dir() / "settings.ini"``: the platform's config folder, or
``$DPIA_DESK_HOME/config`` when that variable is set (tests, demos, screenshots), so nothing is
ever written beside the code and tests never see the real profile. A fresh ``QSettings`` object is
made for every access (they are cheap), which keeps the location right even when a test changes
``DPIA_DESK_HOME`` between two windows.

Keys (all documented here, nowhere else):

===========================  ========  ===================================================
key                          type      meaning
===========================  ========  ===================================================
``reviewer/name``            str       name written into sign-offs and audit events
``reviewer/role``            str       default role: hr, it, dpo, legal or procurement
``appearance/theme``         str       ``system`` (default), ``light`` or ``dark``
``security/auto_lock_min``   int       minutes idle before the workspace locks; 0 = never
``security/clipboard_clear_ms`` int    a copied recovery key leaves the clipboard after this
``backup/every_days``        int       automatic backup on open when the newest is older; 0 = off
``backup/keep``              int       how many automatic backups of a workspace are kept
``exports/last_folder``      str       the folder the last export went to
``general/language``         str       ``system`` (default) or a language code such as ``en``
``window/geometry``          bytes     main window geometry (``saveGeometry``)
``window/state``             bytes     main window tool bar / dock state (``saveState``)
``window/page``              str       key of the page shown last
``vendors/header``           bytes     vendor table header state (column widths)
``workspace/last_path``      str       the workspace opened last
===========================  ========  ===================================================
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from dpia_desk.paths import user_config_dir

ROLES = ("hr", "it", "dpo", "legal", "procurement")
THEMES = ("system", "light", "dark")
DEFAULT_AUTO_LOCK_MINUTES = 15
DEFAULT_BACKUP_EVERY_DAYS = 1
DEFAULT_BACKUP_KEEP = 7


def settings_path() -> str:
    return str(user_config_dir() / "settings.ini")


def app_settings() -> QSettings:
    """The settings store; see the module docstring for the keys."""
    user_config_dir().mkdir(parents=True, exist_ok=True)
    return QSettings(settings_path(), QSettings.Format.IniFormat)


@dataclass
class Preferences:
    """The values the settings dialog edits."""

    reviewer_name: str = ""
    reviewer_role: str = "hr"
    theme: str = "system"
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES
    language: str = "system"
    backup_every_days: int = DEFAULT_BACKUP_EVERY_DAYS
    backup_keep: int = DEFAULT_BACKUP_KEEP

    @classmethod
    def load(cls) -> Preferences:
        store = app_settings()
        role = str(store.value("reviewer/role", "hr"))
        theme = str(store.value("appearance/theme", "system"))
        try:
            minutes = int(str(store.value("security/auto_lock_min", DEFAULT_AUTO_LOCK_MINUTES)))
        except ValueError:
            minutes = DEFAULT_AUTO_LOCK_MINUTES
        every = _int(store.value("backup/every_days"), DEFAULT_BACKUP_EVERY_DAYS)
        keep = _int(store.value("backup/keep"), DEFAULT_BACKUP_KEEP)
        return cls(
            reviewer_name=str(store.value("reviewer/name", "")),
            reviewer_role=role if role in ROLES else "hr",
            theme=theme if theme in THEMES else "system",
            auto_lock_minutes=max(0, min(minutes, 24 * 60)),
            language=str(store.value("general/language", "system")),
            backup_every_days=max(0, min(every, 365)),
            backup_keep=max(1, min(keep, 100)),
        )

    def save(self) -> None:
        store = app_settings()
        store.setValue("reviewer/name", self.reviewer_name.strip())
        store.setValue("reviewer/role", self.reviewer_role)
        store.setValue("appearance/theme", self.theme)
        store.setValue("security/auto_lock_min", int(self.auto_lock_minutes))
        store.setValue("general/language", self.language)
        store.setValue("backup/every_days", int(self.backup_every_days))
        store.setValue("backup/keep", int(self.backup_keep))
        store.sync()


def _int(value: object, default: int) -> int:
    try:
        return int(str(value)) if value is not None else default
    except ValueError:
        return default


def read_bytes(key: str) -> QByteArray | None:
    value = app_settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def write_value(key: str, value: object) -> None:
    store = app_settings()
    store.setValue(key, value)
    store.sync()


def read_str(key: str, default: str = "") -> str:
    value = app_settings().value(key, default)
    return value if isinstance(value, str) else default
