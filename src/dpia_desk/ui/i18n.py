"""Translations: every user-visible string goes through ``self.tr()`` or ``translate()``.

Catalogues are ``resources/translations/dpia_desk_<lang>.qm`` (built with ``pyside6-lupdate`` and
``pyside6-lrelease`` from the sources); Qt's own strings (button box labels) come from the
``qtbase_<lang>.qm`` shipped with PySide6. English needs no catalogue.

``DPIA_DESK_PSEUDO_TR=1`` installs :class:`PseudoTranslator`, which turns every string into an
accented version 40% longer (``"Vendors"`` -> ``"[Véñdöŕś ~~]"``), in the spirit of Vorta's
``TRANS_SCALE``: a layout that clips or overlaps under it will break in German first. Format
fields (``{name}``, ``%1``, ``%n``), mnemonics (``&File``) and rich text tags are kept intact.
"""

from __future__ import annotations

import math
import os
import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dpia_desk.paths import resources_dir

PSEUDO_ENV = "DPIA_DESK_PSEUDO_TR"
STRETCH = 0.4

_ACCENTS = str.maketrans(
    "aceinorsuyzACEINORSUYZ",
    "àçéîñöŕśüýžÀÇÉÎÑÖŔŚÜÝŽ",
)
# Pieces that must survive untouched: {fields}, %1 / %n / %s, <tags>, &entities;
_PROTECTED = re.compile(r"\{[^{}]*\}|%(?:\d+|n|L\d+|[sd])|<[^<>]*>|&[a-zA-Z]+;|&&")

#: Keeps a reference to installed translators (Qt does not own them).
_installed: list[QTranslator] = []
_retired: list[QTranslator] = []


def pseudo_translate(text: str) -> str:
    if not text or text.isspace():
        return text
    pieces: list[str] = []
    position = 0
    for match in _PROTECTED.finditer(text):
        pieces.append(text[position : match.start()].translate(_ACCENTS))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(text[position:].translate(_ACCENTS))
    body = "".join(pieces)
    visible = len(_PROTECTED.sub("", text))
    # The brackets count towards the 40%: the whole result is at least 1.4x the original.
    padding = max(0, math.ceil(visible * STRETCH) - 2)
    return f"[{body}{'~' * padding}]"


class PseudoTranslator(QTranslator):
    """Stretches and accents every string; see the module docstring."""

    def translate(
        self,
        context: str,
        sourceText: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return pseudo_translate(sourceText)

    def isEmpty(self) -> bool:
        return False


def pseudo_enabled() -> bool:
    return os.environ.get(PSEUDO_ENV, "") not in ("", "0")


def _locale(language: str) -> QLocale:
    return QLocale() if language in ("", "system") else QLocale(language)


def available_languages() -> list[str]:
    """Language codes with a catalogue, English first (it needs none)."""
    folder = resources_dir() / "translations"
    found = sorted(
        path.stem.removeprefix("dpia_desk_")
        for path in folder.glob("dpia_desk_*.qm")
        if path.stem != "dpia_desk_en"
    )
    return ["en", *found]


def install_translators(app: QCoreApplication, language: str = "system") -> list[QTranslator]:
    """Installs Qt's and our catalogues for ``language`` (or the pseudo-translator)."""
    for translator in _installed:
        app.removeTranslator(translator)
    # Removed translators stay referenced until the process ends: Qt may still hold a pointer
    # while it delivers the LanguageChange event, and a Python subclass freed under it crashes.
    _retired.extend(_installed)
    _installed.clear()
    if pseudo_enabled():
        pseudo = PseudoTranslator()
        app.installTranslator(pseudo)
        _installed.append(pseudo)
        return list(_installed)
    locale = _locale(language)
    if locale.language() == QLocale.Language.English:
        return []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = resources_dir() / "translations"
    for name, folder in (("qtbase", qt_translations), ("dpia_desk", str(ours))):
        translator = QTranslator()
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)


def translate(context: str, text: str) -> str:
    """For strings outside a QObject method (module-level tables, plain functions)."""
    return QCoreApplication.translate(context, text)
