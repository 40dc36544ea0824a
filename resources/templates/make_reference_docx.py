"""Builds resources/templates/reference.docx, the style sheet of every DPIA Word export.

Run it after changing a style here: ``.venv/bin/python resources/templates/make_reference_docx.py``.
The DOCX writer opens reference.docx, empties its body and writes the DPIA with these styles, so
an organisation can also restyle the export in Word (change the styles, keep their names, save as
reference.docx) without touching code. The styles the writer relies on are listed in STYLE_NAMES.

The output is deterministic (fixed core properties, no timestamps), so rebuilding it without a
change leaves git clean.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "reference.docx"

FONT = "Arial"  # in Word everywhere; LibreOffice maps it to the metric-compatible Liberation Sans
INK = RGBColor(0x1F, 0x2A, 0x37)
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
MUTED = RGBColor(0x5A, 0x63, 0x6E)

#: Paragraph, character and table styles the writer uses (by name).
STYLE_NAMES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "TOC Heading",
    "toc 1",
    "toc 2",
    "toc 3",
    "Header",
    "Footer",
    "Caption",
    "Note",
    "Placeholder Text",
    "Table Text",
    "Table Note",
    "Table Heading",
    "Cover Field",
    "Classification",
    "DPIA Table",
    "DPIA Key Value",
    "DPIA Heat Map",
)


def _font(style, size: float, *, bold: bool = False, italic: bool = False, color=INK) -> None:  # type: ignore[no-untyped-def]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = color
    # East Asian and complex-script slots too, or Word falls back to the theme font there.
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    for theme_slot in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme_slot), None)


def _spacing(style, before: float, after: float, line: float | None = None) -> None:  # type: ignore[no-untyped-def]
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line


def _paragraph_style(document, name: str, base: str = "Normal"):  # type: ignore[no-untyped-def]
    try:
        style = document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]
    style.hidden = False
    style.unhide_when_used = False
    style.quick_style = True
    return style


def _remove_borders(style) -> None:  # type: ignore[no-untyped-def]
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


_TABLE_STYLES = {
    # A grid with a shaded, bold header row that repeats; the writer marks header rows.
    "DPIA Table": """
<w:style {ns} w:type="table" w:customStyle="1" w:styleId="DPIATable">
  <w:name w:val="DPIA Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="8C96A0"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="1F2A37"/></w:rPr>
    <w:tblPr/>
    <w:trPr><w:tblHeader/></w:trPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9DEE5"/></w:tcPr>
  </w:tblStylePr>
</w:style>""",
    # Label / value pairs: no header, the label column shaded and bold.
    "DPIA Key Value": """
<w:style {ns} w:type="table" w:customStyle="1" w:styleId="DPIAKeyValue">
  <w:name w:val="DPIA Key Value"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFC5CC"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstCol">
    <w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF1F4"/></w:tcPr>
  </w:tblStylePr>
</w:style>""",
    # The 4 x 4 risk map: thick white gaps between the shaded cells, centred text.
    "DPIA Heat Map": """
<w:style {ns} w:type="table" w:customStyle="1" w:styleId="DPIAHeatMap">
  <w:name w:val="DPIA Heat Map"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:pPr><w:jc w:val="center"/><w:spacing w:before="0" w:after="0"/></w:pPr>
  <w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
  <w:tblPr>
    <w:jc w:val="center"/>
    <w:tblBorders>
      <w:top w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/>
      <w:left w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/>
      <w:bottom w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/>
      <w:right w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/>
      <w:insideH w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/>
      <w:insideV w:val="single" w:sz="12" w:space="0" w:color="FFFFFF"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="40" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="40" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tcPr><w:vAlign w:val="center"/></w:tcPr>
</w:style>""",
}


def build() -> bytes:
    document = Document()
    styles = document.styles

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.1)

    normal = styles["Normal"]
    _font(normal, 10)
    _spacing(normal, 0, 6, 1.15)

    title = styles["Title"]
    _font(title, 26, bold=True, color=ACCENT)
    _spacing(title, 0, 10, 1.0)
    _remove_borders(title)

    subtitle = styles["Subtitle"]
    _font(subtitle, 14, color=MUTED)
    _spacing(subtitle, 0, 24)

    for level, size, before, after in ((1, 15, 18, 6), (2, 12, 12, 4), (3, 10.5, 10, 3)):
        heading = styles[f"Heading {level}"]
        _font(heading, size, bold=True, color=ACCENT if level < 3 else INK)
        _spacing(heading, before, after, 1.0)
        heading.paragraph_format.keep_with_next = True

    toc_heading = styles["TOC Heading"]
    toc_heading.base_style = styles["Heading 1"]
    _font(toc_heading, 15, bold=True, color=ACCENT)

    for level in (1, 2, 3):
        toc = _paragraph_style(document, f"toc {level}")
        _font(toc, 10, bold=level == 1)
        _spacing(toc, 4 if level == 1 else 0, 2)
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.tab_stops.add_tab_stop(
            Cm(16.6), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )

    for name in ("Header", "Footer"):
        style = styles[name]
        _font(style, 8, color=MUTED)
        # The writer sets its own right-aligned tab at the text width; the default template's
        # centre and right tabs (for US Letter) would push the text to the wrong places.
        ppr = style.element.get_or_add_pPr()
        for tabs in ppr.findall(qn("w:tabs")):
            ppr.remove(tabs)

    caption = styles["Caption"]
    _font(caption, 9, bold=True, color=INK)
    _spacing(caption, 6, 3)
    caption.paragraph_format.keep_with_next = True

    note = _paragraph_style(document, "Note")
    _font(note, 8.5, color=MUTED)
    _spacing(note, 0, 6)

    placeholder = _paragraph_style(document, "Placeholder Text")
    _font(placeholder, 10, italic=True, color=MUTED)

    table_text = _paragraph_style(document, "Table Text")
    _font(table_text, 9)
    _spacing(table_text, 0, 0, 1.0)

    table_note = _paragraph_style(document, "Table Note", "Table Text")
    _font(table_note, 7.5, color=MUTED)

    table_heading = _paragraph_style(document, "Table Heading", "Table Text")
    _font(table_heading, 9, bold=True)

    cover_field = _paragraph_style(document, "Cover Field")
    _font(cover_field, 11)
    _spacing(cover_field, 0, 4)

    classification = _paragraph_style(document, "Classification")
    _font(classification, 11, bold=True, color=INK)
    _spacing(classification, 18, 18)
    classification.font.all_caps = True

    body = styles.element
    for xml in _TABLE_STYLES.values():
        body.append(parse_xml(xml.format(ns=nsdecls("w"))))

    output = io.BytesIO()
    document.core_properties.title = "DPIA reference template"
    document.core_properties.author = "dpia_desk"
    document.core_properties.last_modified_by = "dpia_desk"
    document.core_properties.comments = "Style sheet for DPIA exports; keep the style names."
    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    document.core_properties.created = fixed
    document.core_properties.modified = fixed
    document.core_properties.revision = 1
    document.save(output)
    return _normalise_zip(output.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """The same bytes for the same content: fixed entry dates and order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = copy.copy(info)
            entry.date_time = (2026, 1, 1, 0, 0, 0)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()


def main() -> int:
    data = build()
    OUTPUT.write_bytes(data)
    check = Document(str(OUTPUT))
    names = {style.name for style in check.styles}
    missing = [name for name in STYLE_NAMES if name not in names]
    if missing:
        print(f"missing styles: {missing}", file=sys.stderr)
        return 1
    print(f"wrote {OUTPUT} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
