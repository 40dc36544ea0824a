"""What the About dialog and ``dpia-desk about`` say: versions, licences and where things live.

Qt-free: the GUI passes Qt's run-time version as a callable (``qVersion``); without one, the
PySide6 distribution's version stands in (PySide6 X.Y.Z is built against Qt X.Y.Z).

Everything comes from what is installed, never from a list kept by hand: the app's version and
licence from its package metadata, third-party packages by walking the app's requirements through
``importlib.metadata`` (the PyInstaller bundle carries the same ``dist-info`` folders), and the
fonts from the licence files in ``resources/fonts``.
"""

from __future__ import annotations

import platform
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from dpia_desk import DIST_NAME, __version__, paths

#: Native libraries some wheels carry inside them, which their metadata does not name.
BUNDLED_NATIVE: dict[str, str] = {
    "sqlcipher3": "includes SQLCipher (BSD-3-Clause, Zetetic LLC) and SQLite (public domain)",
    "pyside6-essentials": "includes Qt 6 (LGPL-3.0-only)",
    "shiboken6": "PySide6's binding runtime",
    "pillow": "includes libjpeg, libpng, zlib, freetype and others (permissive licences)",
    "cryptography": "includes OpenSSL (Apache-2.0)",
}

#: Phrases that name a licence in a licence file, for packages whose metadata names none.
_LICENCE_PHRASES: tuple[tuple[str, str], ...] = (
    ("This software is provided 'as-is', without any express or implied warranty", "Zlib"),
    ("Permission is hereby granted, free of charge", "MIT"),
    ("Redistribution and use in source and binary forms", "BSD"),
    ("Apache License", "Apache-2.0"),
    ("GNU LESSER GENERAL PUBLIC LICENSE", "LGPL"),
    ("GNU GENERAL PUBLIC LICENSE", "GPL"),
    ("SIL OPEN FONT LICENSE", "OFL-1.1"),
    ("Bitstream Vera", "Bitstream-Vera"),
)

_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


@dataclass(frozen=True)
class PackageInfo:
    name: str
    version: str
    licence: str
    note: str = ""


@dataclass(frozen=True)
class FontInfo:
    family: str
    files: tuple[str, ...]
    licence: str
    licence_file: str


@dataclass(frozen=True)
class Locations:
    workspace: str
    settings: str
    backups: str
    user_forms: str
    data_folder: str
    built_in_forms: str
    resources: str


@dataclass(frozen=True)
class AboutInfo:
    name: str
    version: str
    licence: str
    python: str
    qt: str | None
    pyside: str | None
    platform: str
    frozen: bool
    fonts: tuple[FontInfo, ...]
    packages: tuple[PackageInfo, ...]
    locations: Locations

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence_from_files(distribution: metadata.Distribution) -> str:
    for file in distribution.files or ():
        stem = Path(str(file)).name.upper()
        if not stem.startswith(("LICENSE", "LICENCE", "COPYING")):
            continue
        try:
            text = Path(str(distribution.locate_file(file))).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for phrase, licence in _LICENCE_PHRASES:
            if phrase.lower() in text.lower():
                return licence
    return ""


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    # get_all() answers None for a missing field on every Python (item access may raise).
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_of(distribution: metadata.Distribution) -> str:
    """The licence a distribution declares: SPDX expression, then the free field, then
    classifiers, then a guess from its licence file; "unknown" when none says."""
    meta = distribution.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    if field.upper() == "UNKNOWN":
        field = ""
    # A short field is a licence name; a long one is often the whole licence text pasted in.
    if field and "\n" not in field and len(field) <= 40:
        return field
    classifiers = [
        value.split(" :: ")[-1]
        for value in meta.get_all("Classifier") or []
        if value.startswith("License :: ")
    ]
    if classifiers:
        return ", ".join(classifiers)
    if field:
        first = field.splitlines()[0].strip()
        return first if len(first) <= 60 else first[:57] + "..."
    return _licence_from_files(distribution) or "unknown"


def _runtime_requirements(distribution: metadata.Distribution) -> Iterator[str]:
    for requirement in distribution.requires or ():
        name, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue  # optional extras (tests, docs) are not part of the app
        match = _REQUIREMENT_NAME.match(name)
        if match:
            yield match.group(1)


def third_party_packages(root: str = DIST_NAME) -> tuple[PackageInfo, ...]:
    """Every installed distribution the app needs at run time (its requirements, recursively)."""
    try:
        start = metadata.distribution(root)
    except metadata.PackageNotFoundError:
        return ()
    found: dict[str, PackageInfo] = {}
    pending = list(_runtime_requirements(start))
    while pending:
        name = pending.pop()
        key = _normalise(name)
        if key in found:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a platform-specific requirement (pywin32-ctypes on Linux, for instance)
        found[key] = PackageInfo(
            name=_field(distribution.metadata, "Name") or name,
            version=distribution.version,
            licence=licence_of(distribution),
            note=BUNDLED_NATIVE.get(key, ""),
        )
        pending.extend(_runtime_requirements(distribution))
    return tuple(sorted(found.values(), key=lambda package: package.name.lower()))


def _licence_from_text(text: str) -> str:
    # Debian copyright files name each licence on a "License:" line.
    named = [
        line.split(":", 1)[1].strip()
        for line in text.splitlines()
        if line.startswith("License:") and line.split(":", 1)[1].strip()
    ]
    if named:
        return " + ".join(dict.fromkeys(named))
    for phrase, licence in _LICENCE_PHRASES:
        if phrase.lower() in text.lower():
            return licence
    return "see licence file"


def bundled_fonts(fonts_dir: Path | None = None) -> tuple[FontInfo, ...]:
    """Fonts shipped for PDF exports, grouped by the licence file that covers them.

    A licence file ``LICENSE-<Family>.txt`` (or ``OFL-<Family>.txt``) covers the font files whose
    name starts with ``<Family>``.
    """
    folder = fonts_dir if fonts_dir is not None else paths.resources_dir() / "fonts"
    if not folder.is_dir():
        return ()
    font_files = sorted(path.name for path in folder.iterdir() if path.suffix in _FONT_SUFFIXES)
    result: list[FontInfo] = []
    for licence_file in sorted(folder.iterdir()):
        prefix, _, family = licence_file.stem.partition("-")
        if prefix.upper() not in ("LICENSE", "LICENCE", "OFL") or not family:
            continue
        covered = tuple(name for name in font_files if name.lower().startswith(family.lower()))
        text = licence_file.read_text(encoding="utf-8", errors="replace")
        # The family as the files name it: "DejaVuSans-Bold.ttf" -> "DejaVuSans".
        names = sorted({Path(name).stem.split("-")[0] for name in covered}) or [family]
        result.append(
            FontInfo(
                family=", ".join(names),
                files=covered,
                licence=_licence_from_text(text),
                licence_file=licence_file.name,
            )
        )
    return tuple(result)


def _app_licence() -> str:
    try:
        return licence_of(metadata.distribution(DIST_NAME))
    except metadata.PackageNotFoundError:
        return "GPL-3.0-or-later"


def _pyside_version() -> str | None:
    for name in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def locations(workspace: Path | None = None) -> Locations:
    return Locations(
        workspace=str(workspace if workspace is not None else paths.default_workspace_path()),
        settings=str(paths.user_config_dir() / "settings.ini"),  # ui/settings.py keeps it there
        backups=str(paths.default_backup_dir()),
        user_forms=str(paths.user_forms_dir()),
        data_folder=str(paths.user_data_dir()),
        built_in_forms=str(paths.forms_dir()),
        resources=str(paths.resources_dir()),
    )


def about_info(
    qt_version: Callable[[], str] | None = None, workspace: Path | None = None
) -> AboutInfo:
    """Everything the About dialog shows; ``workspace`` is the open one, if any."""
    pyside = _pyside_version()
    return AboutInfo(
        name="dpia_desk",
        version=__version__,
        licence=_app_licence(),
        python=f"{platform.python_version()} ({platform.python_implementation()})",
        qt=qt_version() if qt_version is not None else pyside,
        pyside=pyside,
        platform=platform.platform(terse=True),
        frozen=bool(getattr(sys, "frozen", False)),
        fonts=bundled_fonts(),
        packages=third_party_packages(),
        locations=locations(workspace),
    )


def about_text(info: AboutInfo) -> str:
    """A plain-text report (``dpia-desk about`` and the dialog's "Copy" button)."""
    lines = [
        f"{info.name} {info.version} ({info.licence})",
        f"Python {info.python}; Qt {info.qt or 'not loaded'}; PySide6 {info.pyside or '-'}",
        f"Platform {info.platform}{'; packaged build' if info.frozen else ''}",
        "",
        "Where things live:",
        f"  workspace       {info.locations.workspace}",
        f"  settings        {info.locations.settings}",
        f"  backups         {info.locations.backups}",
        f"  your own forms  {info.locations.user_forms}",
        f"  built-in forms  {info.locations.built_in_forms}",
        "",
        "Fonts (embedded in PDF exports):",
    ]
    lines += [
        f"  {font.family}: {font.licence} ({font.licence_file}; {', '.join(font.files)})"
        for font in info.fonts
    ]
    lines += ["", "Third-party packages:"]
    width = max((len(package.name) for package in info.packages), default=0)
    for package in info.packages:
        note = f"  [{package.note}]" if package.note else ""
        lines.append(f"  {package.name:<{width}}  {package.version:<10}  {package.licence}{note}")
    return "\n".join(lines)
