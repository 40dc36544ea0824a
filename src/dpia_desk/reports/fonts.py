"""Fonts for the PDF writers: the shipped DejaVu Sans family and an optional system fallback.

reportlab's standard fonts know only Latin-1, so every PDF uses the Unicode TrueType family shipped
in ``resources/fonts`` (embedded as subsets). Characters that family lacks (CJK, mostly) are drawn
with a fallback font found on the system, when there is one; otherwise they print as empty boxes.
Only TrueType-outline fonts qualify (reportlab cannot embed CFF/OpenType-PS fonts).

Importing this module imports reportlab: only the PDF writers import it.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from dpia_desk.paths import resources_dir
from dpia_desk.reports.errors import ExportError

FAMILY = "DpiaSans"
BOLD = "DpiaSans-Bold"
ITALIC = "DpiaSans-Oblique"
BOLD_ITALIC = "DpiaSans-BoldOblique"
FALLBACK = "DpiaFallback"

_FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

#: (path, sub-font index) of TrueType fonts with wide CJK coverage, tried in order.
FALLBACK_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/malgun.ttf", 0),
)

_lock = threading.Lock()


class _MeasuredTTFont(TTFont):  # type: ignore[misc]
    """A TrueType font that remembers the width of the words it measured.

    Line breaking measures every word of every paragraph; reportlab does that in pure Python, a
    character at a time. Words repeat, so a cache of unit widths makes long exports much faster.
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._unit_widths: dict[str, float] = {}

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        width = self._unit_widths.get(text)
        if width is None:
            if isinstance(text, bytes):
                text = text.decode(encoding or "utf8")
            widths = self.face.charWidths
            default = self.face.defaultWidth
            width = float(sum(widths.get(code, default) for code in map(ord, text)))
            if len(text) <= 64 and len(self._unit_widths) < self._CACHE_LIMIT:
                self._unit_widths[text] = width
        return 0.001 * size * width


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with code points above U+FFFF written as UTF-16 (PDF 9.10.3).

    reportlab writes them as plain hex (``<1F600>``), which readers reject, so emoji and other
    astral characters would vanish from the PDF's text layer.
    """

    def utf16_hex(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{utf16_hex(code)}>" for index, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


@dataclass(frozen=True)
class PdfFonts:
    """The registered family, what it covers, and the fallback (if any) for the rest."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    covered: frozenset[str]


@lru_cache(maxsize=1)
def pdf_fonts() -> PdfFonts:
    """Registers the shipped family with reportlab (once per process) and returns it."""
    with _lock:
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        # Compressed streams stay binary: ASCII85 on top made files a quarter bigger and
        # cost a fifth of the export time, for 7-bit safety no PDF reader needs.
        rl_config.useA85 = 0
        folder = fonts_dir()
        for name, file_name in _FILES.items():
            path = folder / file_name
            try:
                pdfmetrics.registerFont(_MeasuredTTFont(name, str(path)))
            except Exception as error:  # missing or damaged file in the installation
                raise ExportError(
                    f"the PDF font {path} cannot be loaded ({error})",
                    hint="Reinstall dpia_desk.",
                ) from error
        pdfmetrics.registerFontFamily(
            FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        # Paragraph markup (<b>, <i>) looks fonts up through this mapping.
        addMapping(FAMILY, 0, 0, FAMILY)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        face = pdfmetrics.getFont(FAMILY).face
        covered = frozenset(chr(code) for code in face.charToGlyph)
        return PdfFonts(FAMILY, BOLD, ITALIC, BOLD_ITALIC, covered)


@lru_cache(maxsize=1)
def _fallback() -> tuple[str | None, frozenset[str]]:
    """The first usable system fallback font; loaded only when a text needs it."""
    with _lock:
        for path, index in FALLBACK_CANDIDATES:
            if not Path(path).is_file():
                continue
            try:
                font = _MeasuredTTFont(FALLBACK, path, subfontIndex=index)
            except Exception:  # noqa: S112 (a damaged or CFF font: try the next candidate)
                continue
            pdfmetrics.registerFont(font)
            for bold in (0, 1):  # one face serves inside <b> and <i> too
                for italic in (0, 1):
                    addMapping(FALLBACK, bold, italic, FALLBACK)
            return FALLBACK, frozenset(chr(code) for code in font.face.charToGlyph)
        return None, frozenset()


class MarkupMaker:
    """Turns user text into safe paragraph markup, switching to the fallback font where needed."""

    def __init__(self, fonts: PdfFonts) -> None:
        self._covered = fonts.covered | {"\n", "\t"}

    def prepare(self, value: str) -> tuple[str, bool]:
        """Cleaned text for direct drawing, and whether it needs the fallback font (then it
        must be drawn as markup, see ``__call__``). Invisible format characters no font has
        are dropped, as in ``__call__``."""
        from dpia_desk.reports.text import clean_text

        cleaned = clean_text(value)
        if cleaned.isascii():
            return cleaned, False
        missing = set(cleaned) - self._covered
        if not missing:
            return cleaned, False
        _, fallback_covered = _fallback()
        invisible = {ch for ch in missing - fallback_covered if unicodedata.category(ch) == "Cf"}
        if invisible:
            cleaned = cleaned.translate({ord(ch): None for ch in invisible})
        return cleaned, bool(missing & fallback_covered)

    def face_for(self, value: str, font: str) -> str:
        """The font to draw ``value`` with in one piece (canvas strings cannot switch fonts):
        ``font``, unless the text needs characters only the fallback has."""
        if value.isascii():
            return font
        missing = set(value) - self._covered
        if not missing:
            return font
        fallback, fallback_covered = _fallback()
        if fallback is not None and missing & fallback_covered:
            return fallback
        return font

    def __call__(self, value: str) -> str:
        from dpia_desk.reports.text import clean_text, escape_markup

        cleaned = clean_text(value)
        if cleaned.isascii():
            return escape_markup(cleaned)
        missing = set(cleaned) - self._covered
        if not missing:
            return escape_markup(cleaned)
        fallback, fallback_covered = _fallback()
        # Invisible format characters (bidi isolates, joiners) that no font has would print as
        # empty boxes; they have no visible form, so they are left out of the PDF.
        invisible = {ch for ch in missing - fallback_covered if unicodedata.category(ch) == "Cf"}
        if invisible:
            cleaned = cleaned.translate({ord(ch): None for ch in invisible})
        drawable = missing & fallback_covered
        if fallback is None or not drawable:
            return escape_markup(cleaned)
        pattern = re.compile("([" + "".join(re.escape(ch) for ch in sorted(drawable)) + "]+)")
        pieces = pattern.split(cleaned)
        # split() with one group alternates: text outside, run for the fallback, text outside...
        return "".join(
            escape_markup(piece)
            if index % 2 == 0
            else f'<font face="{fallback}">{escape_markup(piece)}</font>'
            for index, piece in enumerate(pieces)
            if piece
        )
