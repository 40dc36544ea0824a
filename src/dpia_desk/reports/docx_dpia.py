"""The DPIA as a Word document (python-docx), styled by resources/templates/reference.docx.

Legal edits this file, so it uses real Word machinery: the template's named styles (headings for
the navigation pane, a table style, TOC styles), a TOC field that Word and LibreOffice update,
PAGE/NUMPAGES fields in the footer, bookmarks on headings and document properties.

Speed: python-docx's per-cell API (``table.cell(r, c).text = ...``) re-walks the table XML for
every cell and is quadratic in table size. The body is built here as WordprocessingML text
(escaped with the same care as the rest of the XML) and parsed in a few large batches, which
keeps a 1,200-answer appendix to a fraction of a second. benchmarks/bench_exports.py compares both.

Importing this module imports python-docx: only the export entry points import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from dpia_desk.atomic_write import atomic_write
from dpia_desk.paths import resources_dir
from dpia_desk.reports.errors import ExportError, ProgressCallback, export_error, report_progress
from dpia_desk.reports.layout import (
    NO_LEVEL_FILL,
    BarChart,
    Block,
    Cell,
    Cover,
    Heading,
    HeatMap,
    PageBreak,
    Para,
    Table,
    TableOfContents,
    dpia_blocks,
)
from dpia_desk.reports.model import DpiaReport
from dpia_desk.reports.text import chunk_text, clean_text, metadata_text

# Risk level fills come with the layout's cells (levels and their shades from the scoring rules).
_BAR_FILL = "3E4C5E"
_BAR_TRACK = "E6E9ED"
_TWIPS_PER_EMU = 1 / 635
# A new paragraph (inside the same cell or block) every so many characters keeps Word and
# LibreOffice responsive with megabyte answers.
_PARAGRAPH_CHUNK = 20_000
# Rows with less text than this never break across pages.
_UNSPLIT_ROW_CHARS = 1_500
# Parse the accumulated body XML in batches of about this many characters.
_BATCH_CHARS = 4_000_000

_SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def template_path() -> Path:
    return resources_dir() / "templates" / "reference.docx"


def write_dpia_docx(
    report: DpiaReport, path: Path | str, progress: ProgressCallback | None = None
) -> None:
    """Writes the DPIA of ``report`` to ``path`` (atomically; see dpia_desk.atomic_write)."""
    document = build_dpia_docx(report, progress)
    with atomic_write(path, failure=export_error) as handle:
        document.save(handle)


def build_dpia_docx(report: DpiaReport, progress: ProgressCallback | None = None) -> DocxDocument:
    template = template_path()
    try:
        document = Document(str(template))
    except Exception as error:  # a missing or damaged template is an installation problem
        raise ExportError(
            f"the Word template {template} cannot be opened ({error})", hint="Reinstall dpia_desk."
        ) from error
    writer = _DocxWriter(document, report)
    blocks = dpia_blocks(report)
    total = len(blocks) + 1
    for done, block in enumerate(blocks, start=1):
        writer.add(block)
        report_progress(progress, done, total)
    writer.finish()
    report_progress(progress, total, total)
    return document


def _t(text: str) -> str:
    """A ``w:t`` element; cleaned again here, so no path can slip a forbidden character in."""
    return f'<w:t xml:space="preserve">{escape(clean_text(text))}</w:t>'


def _run_content(text: str) -> str:
    """The inside of a run: text with line breaks and tabs (text already cleaned)."""
    if "\n" not in text and "\t" not in text:
        return _t(text)
    parts: list[str] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            parts.append("<w:br/>")
        for tab_index, piece in enumerate(line.split("\t")):
            if tab_index:
                parts.append("<w:tab/>")
            if piece:
                parts.append(_t(piece))
    return "".join(parts)


def _rpr(*, bold: bool = False, italic: bool = False, size_half_points: int = 0) -> str:
    inner = ""
    if bold:
        inner += "<w:b/><w:bCs/>"
    if italic:
        inner += "<w:i/><w:iCs/>"
    if size_half_points:
        inner += f'<w:sz w:val="{size_half_points}"/><w:szCs w:val="{size_half_points}"/>'
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def _shd(fill: str) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'


def _centred(text: str, rpr: str, *, keep_next: bool = False) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    return f'<w:p><w:pPr>{keep}<w:jc w:val="center"/></w:pPr><w:r>{rpr}{_t(text)}</w:r></w:p>'


#: A table estimated at most this many lines tall (about 40% of a page) is kept on one page.
_WHOLE_TABLE_LINES = 22
#: Characters of table text in a line the full text width wide (9 pt Arial-like, with padding).
_CHARS_PER_LINE = 100


def _estimated_lines(table: Table) -> int:
    """How many lines tall ``table`` will be, roughly: each row as tall as its fullest cell."""
    total = sum(table.widths) or 1.0
    columns = [max(8, int(_CHARS_PER_LINE * width / total)) for width in table.widths]
    lines = 1 if table.header else 0
    for row in table.rows:
        tallest = 1
        for cell, room in zip(row, columns, strict=False):
            count = 0
            for text, scale in ((cell.text, 1.0), (cell.note, 0.8)):
                for line in text.split("\n") if text else ():
                    count += max(1, -(-int(len(line) * scale) // room))
            tallest = max(tallest, count)
        lines += tallest
        if lines > _WHOLE_TABLE_LINES:
            break
    return lines


def _fill(fill: str) -> str:
    """A layout fill as Word wants it: six hex digits (anything else, e.g. hostile codes, is
    replaced by the neutral fill so the XML stays valid)."""
    if len(fill) == 6 and all(ch in "0123456789abcdefABCDEF" for ch in fill):
        return fill.upper()
    return NO_LEVEL_FILL


def _point(labels: tuple[str, ...], point: int) -> str:
    return labels[point - 1] if 1 <= point <= len(labels) else ""


def _ppr(style_id: str | None, extra: str = "") -> str:
    style = f'<w:pStyle w:val="{style_id}"/>' if style_id else ""
    return f"<w:pPr>{style}{extra}</w:pPr>" if style or extra else ""


class _DocxWriter:
    def __init__(self, document: DocxDocument, report: DpiaReport) -> None:
        self.document = document
        self.report = report
        self.body = document.element.body
        self.section_properties = self.body.find(qn("w:sectPr"))
        for child in list(self.body):
            if child is not self.section_properties:
                self.body.remove(child)
        self.styles = {style.name: style.style_id for style in document.styles}
        section = document.sections[0]
        page_width = section.page_width or 0
        width = page_width - (section.left_margin or 0) - (section.right_margin or 0)
        self.text_width = int(width * _TWIPS_PER_EMU)  # twips
        self.parts: list[str] = []
        self.size = 0
        self.bookmark_id = 0
        self.bookmarks: dict[str, str] = {}  # heading anchor -> bookmark name
        self.placed: set[str] = set()  # bookmark names already in the body
        self.break_before = False  # the next heading starts a new page

    # -- plumbing ---------------------------------------------------------------------------

    def style(self, name: str) -> str | None:
        return self.styles.get(name)

    def emit(self, xml: str) -> None:
        self.parts.append(xml)
        self.size += len(xml)
        if self.size > _BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        if not self.parts:
            return
        fragment = parse_xml(f"<w:body {nsdecls('w', 'r')}>{''.join(self.parts)}</w:body>")
        for child in list(fragment):
            if self.section_properties is not None:
                self.section_properties.addprevious(child)
            else:
                self.body.append(child)
        self.parts = []
        self.size = 0

    def bookmark(self, anchor: str) -> str:
        name = self.bookmarks.get(anchor)
        if name is None:
            name = f"_Toc{len(self.bookmarks) + 1:08d}"
            self.bookmarks[anchor] = name
        return name

    # -- paragraphs ---------------------------------------------------------------------------

    def paragraphs(self, text: str, style: str | None, rpr: str = "", extra_ppr: str = "") -> str:
        """One or more paragraphs showing ``text`` (huge texts are cut into several)."""
        cleaned = clean_text(text)
        ppr = _ppr(self.style(style) if style else None, extra_ppr)
        if len(cleaned) <= _PARAGRAPH_CHUNK:
            return f"<w:p>{ppr}<w:r>{rpr}{_run_content(cleaned)}</w:r></w:p>"
        return "".join(
            f"<w:p>{ppr}<w:r>{rpr}{_run_content(piece)}</w:r></w:p>"
            for piece in chunk_text(cleaned, _PARAGRAPH_CHUNK)
        )

    def add(self, block: Block) -> None:
        if isinstance(block, PageBreak):
            # Carried by the next heading as "page break before": a break paragraph of its own
            # lands on an empty page when the contents fill theirs exactly once Word updates it.
            self.break_before = True
            return
        if self.break_before and not isinstance(block, Heading | TableOfContents):
            self.emit('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            self.break_before = False
        if isinstance(block, Para):
            self.add_para(block)
        elif isinstance(block, Heading):
            self.add_heading(block)
        elif isinstance(block, Table):
            self.add_table(block)
        elif isinstance(block, HeatMap):
            self.add_heat_map(block)
        elif isinstance(block, BarChart):
            self.add_bar_chart(block)
        elif isinstance(block, Cover):
            self.add_cover(block)
        elif isinstance(block, TableOfContents):
            self.add_toc(block)
        else:  # pragma: no cover - the Block union is closed
            raise TypeError(f"unknown block {block!r}")

    def add_para(self, para: Para) -> None:
        style = {"note": "Note", "refs": "Note", "empty": "Placeholder Text"}.get(para.style)
        # an introducing note stays on the page of what it introduces
        keep = "<w:keepNext/>" if para.style == "note" else ""
        if len(para.spans) == 1:
            span = para.spans[0]
            rpr = _rpr(bold=span.bold, italic=span.italic)
            self.emit(self.paragraphs(span.text, style, rpr, extra_ppr=keep))
            return
        ppr = _ppr(self.style(style) if style else None, keep)
        runs = "".join(
            f"<w:r>{_rpr(bold=span.bold, italic=span.italic)}"
            f"{_run_content(clean_text(span.text))}</w:r>"
            for span in para.spans
        )
        self.emit(f"<w:p>{ppr}{runs}</w:p>")

    def add_heading(self, heading: Heading) -> None:
        style = self.style(f"Heading {heading.level}")
        self.bookmark_id += 1
        name = self.bookmark(heading.anchor)
        if name in self.placed:  # two headings with one anchor (e.g. duplicate risk ids)
            name = f"_Toc{len(self.bookmarks) + self.bookmark_id:08d}x"
        self.placed.add(name)
        self.emit(
            f"<w:p>{_ppr(style, self._take_break())}"
            f'<w:bookmarkStart w:id="{self.bookmark_id}" w:name="{name}"/>'
            f"<w:r>{_run_content(clean_text(heading.text).replace(chr(10), ' '))}</w:r>"
            f'<w:bookmarkEnd w:id="{self.bookmark_id}"/></w:p>'
        )

    def _take_break(self) -> str:
        if not self.break_before:
            return ""
        self.break_before = False
        return "<w:pageBreakBefore/>"

    # -- tables -------------------------------------------------------------------------------

    def _grid(self, widths: Iterable[int]) -> str:
        return "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"

    def _col_widths(self, fractions: tuple[float, ...]) -> list[int]:
        total = sum(fractions) or 1.0
        widths = [int(self.text_width * fraction / total) for fraction in fractions]
        widths[-1] += self.text_width - sum(widths)
        return widths

    def _cell(self, cell: Cell, width: int, *, header: bool = False, keep: bool = False) -> str:
        fill = ""
        if cell.level or cell.fill:
            fill = _shd(_fill(cell.fill))
        tcpr = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>'
        style = "Table Heading" if header else "Table Text"
        keep_next = "<w:keepNext/>" if keep else ""
        content = self.paragraphs(cell.text, style, _rpr(bold=cell.bold), extra_ppr=keep_next)
        if cell.note:
            content += self.paragraphs(cell.note, "Table Note", extra_ppr=keep_next)
        return f"<w:tc>{tcpr}{content}</w:tc>"

    def add_table(self, table: Table) -> None:
        widths = self._col_widths(table.widths)
        keyvalue = table.kind == "keyvalue"
        style = self.style("DPIA Key Value" if keyvalue else "DPIA Table") or ""
        look = (
            '<w:tblLook w:val="0080" w:firstRow="0" w:lastRow="0" w:firstColumn="1" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
            if keyvalue
            else '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        )
        parts = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{self.text_width}" '
            f'w:type="dxa"/><w:tblLayout w:type="fixed"/>{look}</w:tblPr>',
            self._grid(widths),
        ]
        # A short table never breaks across pages (keepNext on every row but the last, which
        # Word and LibreOffice both honour); a long one breaks between rows, its header repeated.
        whole = _estimated_lines(table) <= _WHOLE_TABLE_LINES
        if table.header:
            cells = "".join(
                self._cell(Cell(title), width, header=True, keep=True)
                for title, width in zip(table.header, widths, strict=True)
            )
            parts.append(f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>")
        last = len(table.rows) - 1
        for index, row in enumerate(table.rows):
            keep = whole and index < last
            cells = "".join(
                self._cell(cell, width, keep=keep) for cell, width in zip(row, widths, strict=True)
            )
            # Short rows stay in one piece; a row taller than a page must be allowed to break.
            short = sum(len(cell.text) + len(cell.note) for cell in row) < _UNSPLIT_ROW_CHARS
            row_props = "<w:trPr><w:cantSplit/></w:trPr>" if short else ""
            parts.append(f"<w:tr>{row_props}{cells}</w:tr>")
        parts.append("</w:tbl>")
        self.emit("".join(parts))
        # Word needs a paragraph between two tables, or it merges them.
        self.emit('<w:p><w:pPr><w:spacing w:before="0" w:after="60"/></w:pPr></w:p>')

    def add_heat_map(self, heat_map: HeatMap) -> None:
        self.emit(self.paragraphs(heat_map.caption, "Caption"))
        label_width = 1900
        cell_width = 1350
        widths = [label_width] + [cell_width] * 4
        style = self.style("DPIA Heat Map") or ""
        rows: list[str] = []
        crowded = any(cell.ids_text for row in heat_map.rows for cell in row)
        # keepNext on every paragraph of the map holds it, and the summary under it, on one page
        for index, row in enumerate(heat_map.rows):
            severity = 4 - index
            name = _point(heat_map.severity_labels, severity)
            cells = [
                self._plain_cell(
                    f"Severity {severity}\n{name}", label_width, "F7F8FA", align="right", size=15,
                    keep_next=True,
                )
            ]  # fmt: skip
            for heat_cell, width in zip(row, widths[1:], strict=True):
                # One risk: its id; several: how many, with their ids under the count (Word
                # wraps them inside the cell, so they always fit).
                text = _centred(
                    clean_text(heat_cell.headline) or " ",
                    _rpr(bold=True, size_half_points=18),
                    keep_next=True,
                )
                if crowded:  # every cell gets the ids line, so levels line up across a row
                    text += _centred(
                        clean_text(heat_cell.ids_text) or " ",
                        _rpr(size_half_points=14),
                        keep_next=True,
                    )
                text += _centred(heat_cell.label, _rpr(size_half_points=13), keep_next=True)
                shading = _shd(_fill(heat_cell.fill))
                cells.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}'
                    f'<w:vAlign w:val="center"/></w:tcPr>{text}</w:tc>'
                )
            rows.append(
                '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="760" w:hRule="atLeast"/></w:trPr>'
                + "".join(cells)
                + "</w:tr>"
            )
        footer = [
            self._plain_cell(
                "Likelihood →", label_width, "FFFFFF", align="right", size=15, keep_next=True
            )
        ]
        for likelihood, width in zip(range(1, 5), widths[1:], strict=True):
            footer.append(
                self._plain_cell(
                    f"{likelihood}\n{_point(heat_map.likelihood_labels, likelihood)}",
                    width,
                    "FFFFFF",
                    size=15,
                    keep_next=True,
                )
            )
        rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(footer) + "</w:tr>")
        total = sum(widths)
        self.emit(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{total}" w:type="dxa"/>'
            f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"{self._grid(widths)}{''.join(rows)}</w:tbl>"
        )
        # the map in words: what a screen reader reads, and every risk of a crowded cell
        spacing = '<w:spacing w:before="80" w:after="160"/>'
        self.emit(self.paragraphs(heat_map.summary, "Note", extra_ppr=spacing))

    def _plain_cell(
        self,
        text: str,
        width: int,
        fill: str,
        *,
        align: str = "center",
        size: int = 16,
        keep_next: bool = False,
    ) -> str:
        keep = "<w:keepNext/>" if keep_next else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{_shd(fill)}'
            '<w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr>{keep}<w:jc w:val="{align}"/></w:pPr><w:r>{_rpr(size_half_points=size)}'
            f"{_run_content(clean_text(text))}</w:r></w:p></w:tc>"
        )

    def add_bar_chart(self, chart: BarChart) -> None:
        """A drawn bar chart: 20 narrow cells per bar, shaded up to the score (5 points each)."""
        self.emit(self.paragraphs(chart.caption, "Caption"))
        steps = 20
        label_width = int(self.text_width * 0.34)
        value_width = int(self.text_width * 0.08)
        step_width = (self.text_width - label_width - value_width) // steps
        widths = [label_width] + [step_width] * steps + [value_width]
        rows: list[str] = []
        for label, score in chart.bars:
            filled = 0 if score is None else round(max(0.0, min(100.0, score)) / (100 / steps))
            cells = [self._plain_cell(label, label_width, "FFFFFF", align="right", size=17)]
            # the bar and its track as two cells spanning the steps: no seams between steps
            for span, fill in ((filled, _BAR_FILL), (steps - filled, _BAR_TRACK)):
                if span == 0:
                    continue
                cells.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{step_width * span}" w:type="dxa"/>'
                    f'<w:gridSpan w:val="{span}"/>{_shd(fill)}</w:tcPr>'
                    '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p></w:tc>'
                )
            value = "not scored" if score is None else f"{score:.0f}"
            cells.append(self._plain_cell(value, value_width, "FFFFFF", align="left", size=17))
            rows.append(
                '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="320" w:hRule="atLeast"/></w:trPr>'
                + "".join(cells)
                + "</w:tr>"
            )
        self.emit(
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblBorders><w:insideH w:val="single" w:sz="18" w:space="0" w:color="FFFFFF"/>'
            "</w:tblBorders>"
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="60" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>"
            f"{self._grid(widths)}{''.join(rows)}</w:tbl>"
        )
        self.emit('<w:p><w:pPr><w:spacing w:before="0" w:after="120"/></w:pPr></w:p>')

    # -- cover and contents ---------------------------------------------------------------------

    def add_cover(self, cover: Cover) -> None:
        spacer = '<w:p><w:pPr><w:spacing w:before="2400" w:after="0"/></w:pPr></w:p>'
        self.emit(spacer)
        self.emit(self.paragraphs(cover.title, "Title"))
        self.emit(self.paragraphs(cover.subtitle, "Subtitle"))
        self.add_table(
            Table(
                header=(),
                rows=tuple((Cell(key, bold=True), Cell(value)) for key, value in cover.fields),
                widths=(0.3, 0.7),
                kind="keyvalue",
            )
        )
        border = (
            '<w:pBdr><w:top w:val="single" w:sz="12" w:space="4" w:color="1F2A37"/>'
            '<w:bottom w:val="single" w:sz="12" w:space="4" w:color="1F2A37"/></w:pBdr>'
            '<w:jc w:val="center"/>'
        )
        self.emit(self.paragraphs(cover.classification, "Classification", extra_ppr=border))
        notice = (
            f"This document is classified {cover.classification}. It contains personal data and "
            "commercial information; share it only with the people named in the sign-off and "
            "those who need it for the assessment."
        )
        self.emit(self.paragraphs(notice, "Note"))

    def add_toc(self, toc: TableOfContents) -> None:
        self.emit(self.paragraphs("Contents", "TOC Heading", extra_ppr=self._take_break()))
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        # The cached result: entries that link to the headings' bookmarks with PAGEREF fields,
        # as Word writes them, so the contents read well even before anyone updates the field.
        entries: list[str] = []
        for index, heading in enumerate(toc.entries):
            name = self.bookmark(heading.anchor)
            style = self.style(f"toc {heading.level}")
            text = clean_text(heading.text).replace("\n", " ")
            link = (
                f'<w:hyperlink w:anchor={quoteattr(name)} w:history="1">'
                f"<w:r>{_t(text)}</w:r><w:r><w:tab/></w:r>"
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> PAGEREF {name} \\h </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                "<w:r><w:t>#</w:t></w:r>"
                '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>'
            )
            prefix = begin if index == 0 else ""
            suffix = end if index == len(toc.entries) - 1 else ""
            entries.append(f"<w:p>{_ppr(style)}{prefix}{link}{suffix}</w:p>")
        if not entries:
            entries.append(f"<w:p>{begin}{end}</w:p>")
        self.emit("".join(entries))

    # -- the document around the body -----------------------------------------------------------

    def finish(self) -> None:
        self.flush()
        self._header_footer()
        self._properties()
        self._update_fields_on_open()

    def _field(self, instruction: str, placeholder: str) -> str:
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r>{_t(placeholder)}</w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    def _header_footer(self) -> None:
        meta = self.report.meta
        section = self.document.sections[0]
        section.different_first_page_header_footer = True
        right_tab = f'<w:tabs><w:tab w:val="right" w:pos="{self.text_width}"/></w:tabs>'
        classification = clean_text(meta.classification)
        header_text = f"{clean_text(meta.title)}\t{classification}"
        header_xml = (
            f"<w:p {nsdecls('w')}>{_ppr(self.style('Header'), right_tab)}"
            f"<w:r>{_run_content(header_text.replace(chr(10), ' '))}</w:r></w:p>"
        )
        footer_xml = (
            f"<w:p {nsdecls('w')}>{_ppr(self.style('Footer'), right_tab)}"
            f"<w:r>{_t(f'Assessment {clean_text(meta.assessment_id)} · {classification}')}</w:r>"
            "<w:r><w:tab/></w:r>"
            f"<w:r>{_t('Page ')}</w:r>{self._field('PAGE', '1')}"
            f"<w:r>{_t(' of ')}</w:r>{self._field('NUMPAGES', '1')}</w:p>"
        )
        centred = '<w:jc w:val="center"/>'
        first_footer_xml = (
            f"<w:p {nsdecls('w')}>{_ppr(self.style('Footer'), centred)}"
            f"<w:r>{_rpr(bold=True)}{_t(classification)}</w:r></w:p>"
        )
        for part, xml in (
            (section.header, header_xml),
            (section.footer, footer_xml),
            (section.first_page_footer, first_footer_xml),
            (section.first_page_header, f"<w:p {nsdecls('w')}/>"),
        ):
            part.is_linked_to_previous = False
            container = part._element  # python-docx has no API for raw content
            for child in list(container):
                container.remove(child)
            container.append(parse_xml(xml))

    def _properties(self) -> None:
        meta = self.report.meta
        props = self.document.core_properties
        # Core properties are short strings in Word's dialog; keep them within its limits.
        props.title = metadata_text(meta.title, 255)
        props.subject = metadata_text(meta.subject, 255)
        props.author = metadata_text(meta.author, 255)
        props.last_modified_by = metadata_text(meta.author, 255)
        props.keywords = metadata_text("; ".join(meta.keywords), 255)
        props.category = "Data protection impact assessment"
        props.comments = metadata_text(
            f"Assessment {meta.assessment_id}; questionnaire {meta.form_id} {meta.form_version}; "
            f"classification {meta.classification}",
            255,
        )
        props.content_status = metadata_text(meta.status, 255)
        props.identifier = metadata_text(meta.assessment_id, 255)
        props.version = metadata_text(meta.version, 255)
        props.language = "en"
        props.created = meta.generated_at
        props.modified = meta.generated_at
        props.revision = 1

    def _update_fields_on_open(self) -> None:
        """Asks Word to refresh the TOC and page fields when the file is opened."""
        settings = self.document.settings.element
        existing = settings.find(qn("w:updateFields"))
        if existing is not None:
            settings.remove(existing)
        element = parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>')
        for name in _SETTINGS_AFTER_UPDATE_FIELDS:
            successor = settings.find(qn(f"w:{name}"))
            if successor is not None:
                successor.addprevious(element)
                return
        settings.append(element)
