"""Making user text safe for every writer, without changing what it says.

Rules shared by all exports (and documented in docs/exports/README.md):

* Characters that XML 1.0 forbids (C0 control characters other than tab and newline, lone
  surrogates, U+FFFE and U+FFFF) are replaced by U+FFFD, the replacement character, so a reader
  sees that something was there. DOCX and XLSX are XML and cannot hold them; PDF and CSV get the
  same treatment so that every export says the same thing.
* Line ends are normalised to ``\\n`` and kept as line breaks.
* reportlab paragraphs parse a markup language: user text is escaped (``&``, ``<``, ``>``), so
  ``<a href>``, ``<img>``, ``<font>`` or an unclosed tag print literally and never become links,
  images or style changes.
* Spreadsheet cells whose text begins with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or
  a newline are prefixed with an apostrophe (``'``) so that Excel, LibreOffice Calc and Google
  Sheets never evaluate them as formulas (CSV/formula injection). The apostrophe is visible in the
  exported file; it is the one change we make to the text.
* Huge texts are cut into chunks at line ends (or spaces, or anywhere as a last resort) so that a
  layout engine never has to place one 2 MB paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.sax.saxutils import escape as _xml_escape

REPLACEMENT_CHARACTER = "\ufffd"

# Everything XML 1.0 allows, negated; \r is handled before (line ends), so it is not listed.
_XML_FORBIDDEN = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_ENDS = re.compile("\r\n?")

#: A text that starts with one of these is a formula to a spreadsheet.
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\n")


def clean_text(value: str) -> str:
    """``value`` with normalised line ends and XML-forbidden characters replaced by U+FFFD."""
    if "\r" in value:
        value = _LINE_ENDS.sub("\n", value)
    return _XML_FORBIDDEN.sub(REPLACEMENT_CHARACTER, value)


def metadata_text(value: str, limit: int = 500) -> str:
    """A document property: cleaned, on one line, and no longer than ``limit`` characters."""
    flat = " ".join(clean_text(value).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def neutralise_formula(value: str) -> str:
    """A spreadsheet-safe form of one text cell (see the module docstring)."""
    if value.startswith(FORMULA_PREFIXES):
        value = "'" + value
    return clean_text(value)


def escape_markup(value: str) -> str:
    """Cleaned text as reportlab paragraph markup that shows exactly that text.

    Newlines become ``<br/>``; tabs become spaces (paragraphs collapse whitespace anyway).
    """
    text = _xml_escape(clean_text(value))
    if "\t" in text:
        text = text.replace("\t", "    ")
    if "\n" in text:
        text = text.replace("\n", "<br/>")
    return text


def chunk_text(value: str, max_chars: int = 4000) -> Iterator[str]:
    """Pieces of ``value`` of at most ``max_chars`` characters, cut where a reader minds least.

    Cuts at the last newline in the window, else the last space, else hard at ``max_chars`` (a
    10,000-character word). The newline or space at a cut is dropped: a new paragraph replaces it.
    """
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    start = 0
    length = len(value)
    while length - start > max_chars:
        end = start + max_chars
        cut = value.rfind("\n", start + 1, end)
        if cut == -1:
            cut = value.rfind(" ", start + 1, end)
        if cut == -1:
            yield value[start:end]
            start = end
        else:
            yield value[start:cut]
            start = cut + 1
    yield value[start:]
