"""reportlab pieces both PDF writers share: styles, safe paragraphs, pages, tables, charts.

Importing this module imports reportlab: only the PDF writers import it.

Single-pass numbering: "page X of Y" and the page numbers in the table of contents are known only
at the end. Instead of building the document twice (``multiBuild``), every such number is a PDF
form XObject that the pages reference by name and that :class:`LateFormsCanvas` defines just before
the file is saved, when all numbers are known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from dpia_desk.reports import layout
from dpia_desk.reports.fonts import MarkupMaker, PdfFonts, pdf_fonts
from dpia_desk.reports.layout import Cell, HeatCell, HeatMap
from dpia_desk.reports.layout import Table as LayoutTable
from dpia_desk.reports.pdf_grid import (
    GridCell,
    GridRow,
    GridTable,
    Segment,
    TextStyle,
    break_lines,
)
from dpia_desk.reports.text import chunk_text, clean_text

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1F2A37")
ACCENT = colors.HexColor("#1F3A5F")
MUTED = colors.HexColor("#5A636E")
RULE = colors.HexColor("#BFC5CC")
HEADER_FILL = colors.HexColor("#D9DEE5")
LABEL_FILL = colors.HexColor("#EEF1F4")
BAR_FILL = colors.HexColor("#3E4C5E")
BAR_TRACK = colors.HexColor("#E6E9ED")
BOX = colors.HexColor("#8C96A0")

#: The fill of a table cell or map cell without a (known) risk level.
NO_LEVEL_FILL = colors.HexColor("#" + layout.NO_LEVEL_FILL)

#: Text chunks above this size become separate paragraphs (platypus cannot split one huge one
#: quickly, and a table row holding megabytes cannot be split at all).
PARAGRAPH_CHUNK = 3_000
#: A table row estimated taller than this share of the frame is laid out as a block instead.
ROW_HEIGHT_LIMIT = 0.6


@dataclass
class PdfKit:
    """Fonts, styles and the safe-markup function, ready for one document."""

    fonts: PdfFonts
    markup: MarkupMaker
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)

    def face(self, text: str, font: str) -> str:
        """``font``, or the fallback font when ``text`` needs it (for canvas strings)."""
        return self.markup.face_for(text, font)

    def para(self, text: str, style: str = "body") -> Paragraph:
        """One paragraph of user (or our) text, escaped: markup in ``text`` prints literally."""
        return Paragraph(self.markup(text), self.styles[style])

    def paras(self, text: str, style: str = "body") -> list[Flowable]:
        """Paragraphs for any amount of text, cut into chunks platypus can lay out."""
        cleaned = clean_text(text)
        if len(cleaned) <= PARAGRAPH_CHUNK:
            return [self.para(cleaned, style)]
        return [self.para(piece, style) for piece in chunk_text(cleaned, PARAGRAPH_CHUNK)]

    def rich(self, spans: Iterable[tuple[str, bool, bool]], style: str = "body") -> Paragraph:
        """A paragraph of (text, bold, italic) spans; our own tags around escaped text only."""
        parts = []
        for text, bold, italic in spans:
            piece = self.markup(text)
            if bold:
                piece = f"<b>{piece}</b>"
            if italic:
                piece = f"<i>{piece}</i>"
            parts.append(piece)
        return Paragraph("".join(parts), self.styles[style])


def make_kit() -> PdfKit:
    fonts = pdf_fonts()
    kit = PdfKit(fonts=fonts, markup=MarkupMaker(fonts))
    regular, bold = fonts.regular, fonts.bold

    def style(name: str, **kwargs: Any) -> None:
        base = {
            "fontName": regular,
            "fontSize": 9.5,
            "leading": 12.5,
            "textColor": INK,
            "spaceAfter": 5,
            # Break anywhere inside an overlong word rather than overflow the frame.
            "splitLongWords": 1,
            "allowWidows": 1,
            "allowOrphans": 0,
        }
        base.update(kwargs)
        kit.styles[name] = ParagraphStyle(name, **base)

    style("body")
    # Notes introduce what follows and headings lead to it: the DPIA writer keeps them with the
    # start of what follows itself (pdf_dpia._RoomFor). keepWithNext would move the whole next
    # block with them, leaving the heading alone when that block is a long table.
    style("note", fontSize=8, leading=10.5, textColor=MUTED)
    style("refs", fontSize=8, leading=10.5, textColor=MUTED)
    style("empty", textColor=MUTED, fontName=fonts.italic)
    style("title", fontName=bold, fontSize=24, leading=29, textColor=ACCENT, spaceAfter=8)
    style("subtitle", fontSize=13, leading=17, textColor=MUTED, spaceAfter=22)
    style("h1", fontName=bold, fontSize=14.5, leading=18, textColor=ACCENT, spaceBefore=14,
          spaceAfter=6)  # fmt: skip
    style("h2", fontName=bold, fontSize=11.5, leading=14.5, textColor=ACCENT, spaceBefore=10,
          spaceAfter=4)  # fmt: skip
    style("h3", fontName=bold, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3)
    style("caption", fontName=bold, fontSize=9, leading=11.5, spaceBefore=4, spaceAfter=3,
          keepWithNext=1)  # fmt: skip
    style("cell", fontSize=8.5, leading=10.5, spaceAfter=0)
    style("cell_bold", fontName=bold, fontSize=8.5, leading=10.5, spaceAfter=0)
    style("cell_head", fontName=bold, fontSize=8.5, leading=10.5, spaceAfter=0)
    style("cell_note", fontSize=7, leading=8.8, textColor=MUTED, spaceAfter=0)
    style("cell_center", fontSize=8.5, leading=10.5, spaceAfter=0, alignment=TA_CENTER)
    style("toc1", fontName=bold, fontSize=10, leading=13)
    style("toc2", fontSize=9.5, leading=12)
    style("classification", fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER,
          spaceBefore=4, spaceAfter=4)  # fmt: skip
    style("right", alignment=TA_RIGHT)
    style("left", alignment=TA_LEFT)
    return kit


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line, shortened with an ellipsis to fit ``width`` points."""
    flat = " ".join(clean_text(text).split())
    if stringWidth(flat, font, size) <= width:
        return flat
    # Binary search on the length: long names must not cost a width call per character.
    low, high = 0, len(flat)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(flat[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return flat[:low].rstrip() + "…"


# -- page furniture ----------------------------------------------------------------------------


class LateFormsCanvas(Canvas):  # type: ignore[misc]
    """A canvas that defines the late page-number forms just before saving.

    ``late_forms`` maps a form name to the text it shows and how it sits on the form's origin
    ("left": starts there, "right": ends there); ``pending`` holds callables that fill it in once
    the page count is known.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.late_forms: dict[str, tuple[str, str]] = {}
        self.late_font: tuple[str, float] = ("Helvetica", 8)
        self.pending: list[Callable[[LateFormsCanvas, int], None]] = []
        self.heading_pages: dict[str, int] = {}

    def save(self) -> None:
        # reportlab's save() closes an unfinished page itself; count it if there is one.
        unfinished = bool(self._code)
        total = self.getPageNumber() if unfinished else self.getPageNumber() - 1
        for fill in self.pending:
            fill(self, total)
        for name, (text, align) in self.late_forms.items():
            self.beginForm(name, lowerx=-300, lowery=-6, upperx=300, uppery=20)
            self.setFont(*self.late_font)
            self.setFillColor(INK)
            if align == "left":
                self.drawString(0, 0, text)
            else:
                self.drawRightString(0, 0, text)
            self.endForm()
        super().save()


def draw_late_number(canvas: Canvas, name: str, x: float, y: float) -> None:
    """Places the late form ``name`` with its origin at (x, y)."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


# -- tables --------------------------------------------------------------------------------------


def _cell_flowables(kit: PdfKit, cell: Cell, *, header: bool = False) -> list[Flowable]:
    style = "cell_head" if header else ("cell_bold" if cell.bold else "cell")
    content = kit.paras(cell.text, style)
    if cell.note:
        content.extend(kit.paras(cell.note, "cell_note"))
    return content


def _block_row(kit: PdfKit, header: Sequence[str], row: Sequence[Cell]) -> list[Flowable]:
    """A row too tall for a table cell, laid out as labelled paragraphs between two rules."""
    out: list[Flowable] = [_Rule()]
    for index, cell in enumerate(row):
        title = header[index] if index < len(header) else ""
        if title:
            out.append(kit.para(title, "cell_head"))
        out.extend(_cell_flowables(kit, cell))
        out.append(Spacer(1, 4))
    out.append(_Rule())
    return out


class _Rule(Flowable):  # type: ignore[misc]
    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 4

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 2, self.width, 2)


#: Rows with more text than this are laid out as blocks without measuring them first.
_BLOCK_ROW_CHARS = 20_000


def _grid_styles(kit: PdfKit) -> dict[str, TextStyle]:
    fonts = kit.fonts
    return {
        "cell": TextStyle(fonts.regular, 8.5, 10.5, INK),
        "cell_bold": TextStyle(fonts.bold, 8.5, 10.5, INK),
        "cell_head": TextStyle(fonts.bold, 8.5, 10.5, INK),
        "cell_note": TextStyle(fonts.regular, 7, 8.8, MUTED),
    }


def _segment(kit: PdfKit, text: str, style_name: str, styles: dict[str, TextStyle]) -> Segment:
    cleaned, needs_fallback = kit.markup.prepare(text)
    paragraph_style = kit.styles[style_name]
    return Segment(
        cleaned,
        styles[style_name],
        needs_fallback,
        (lambda piece: Paragraph(kit.markup(piece), paragraph_style)) if needs_fallback else None,
    )


def _grid_row(
    kit: PdfKit,
    cells: Sequence[Cell],
    styles: dict[str, TextStyle],
    *,
    keyvalue: bool,
    header: bool,
) -> GridRow:
    out: list[GridCell] = []
    for column, cell in enumerate(cells):
        style = "cell_head" if header else ("cell_bold" if cell.bold else "cell")
        segments = [_segment(kit, cell.text, style, styles)] if cell.text else []
        if cell.note:
            segments.append(_segment(kit, cell.note, "cell_note", styles))
        fill = None
        if header:
            fill = HEADER_FILL
        elif cell.level:
            fill = _hex(cell.fill)
        elif keyvalue and column == 0:
            fill = LABEL_FILL
        out.append(GridCell(segments, fill))
    return GridRow(out, header=header)


def table_flowables(kit: PdfKit, table: LayoutTable, width: float = TEXT_WIDTH) -> list[Flowable]:
    """A layout table as grid tables; rows too tall for a page become labelled blocks.

    Whole rows move to the next page (the header row repeats there); a row that could not fit
    even an empty page is laid out as labelled paragraphs instead, which flow across pages
    without tearing one cell's text apart from its neighbours'.
    """
    total = sum(table.widths) or 1.0
    widths = tuple(width * fraction / total for fraction in table.widths)
    keyvalue = table.kind == "keyvalue"
    styles = _grid_styles(kit)
    header = (
        _grid_row(kit, [Cell(t) for t in table.header], styles, keyvalue=False, header=True)
        if table.header
        else None
    )
    out: list[Flowable] = []
    pending: list[GridRow] = []
    limit = FRAME_HEIGHT * ROW_HEIGHT_LIMIT

    def flush() -> None:
        if pending:
            out.append(
                GridTable(
                    list(pending), widths, header=header, grid_color=RULE,
                    box_color=BOX, keyvalue=keyvalue,
                )
            )  # fmt: skip
            pending.clear()

    for row in table.rows:
        size = sum(len(cell.text) + len(cell.note) for cell in row)
        grid_row = None
        if size <= _BLOCK_ROW_CHARS:
            grid_row = _grid_row(kit, row, styles, keyvalue=keyvalue, header=False)
            if grid_row.height(widths) > limit:
                grid_row = None
        if grid_row is None:
            flush()
            out.extend(_block_row(kit, table.header, row))
            continue
        pending.append(grid_row)
    flush()
    if len(out) == 1 and isinstance(out[0], GridTable):
        _, height = out[0].wrap(width, FRAME_HEIGHT)
        # a short table never starts at the foot of a page; it moves whole
        out[0].keep_whole = height < FRAME_HEIGHT * 0.4
    out.append(Spacer(1, 6))
    return out


# -- charts --------------------------------------------------------------------------------------


def _drawing(kit: PdfKit, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # The renderer's starting font, or the file would reference the unembedded Helvetica.
    drawing.initialFontName = kit.fonts.regular
    drawing.initialFontSize = 8
    return drawing


def _hex(fill: str) -> Any:
    """A layout fill (hex RGB); a malformed one (hostile codes) falls back to the neutral fill."""
    try:
        return colors.HexColor("#" + fill) if fill else NO_LEVEL_FILL
    except ValueError:
        return NO_LEVEL_FILL


def heat_map_drawing(kit: PdfKit, maps: Sequence[HeatMap], width: float = TEXT_WIDTH) -> Drawing:
    """One or more 4 x 4 risk maps side by side, as vector graphics.

    Each cell is filled by its level (light to dark) and names the level in words, so the map
    reads the same printed in black and white. A cell with one risk shows its id; a cell with
    several shows how many, and their ids below when they fit in two lines (the summary under
    the maps lists every cell's risks in any case).
    """
    regular, bold = kit.fonts.regular, kit.fonts.bold
    gap = 18.0
    map_width = (width - gap * (len(maps) - 1)) / len(maps)
    label_width = 58.0
    cell_width = (map_width - label_width) / 4
    cell_height = 46.0
    caption_height = 16.0
    axis_height = 26.0
    height = caption_height + 4 * cell_height + axis_height
    drawing = _drawing(kit, width, height)

    def text(x: float, y: float, value: str, font: str, size: float, **kw: Any) -> None:
        drawing.add(
            String(
                x,
                y,
                value,
                fontName=font,
                fontSize=size,
                fillColor=kw.get("color", INK),
                textAnchor=kw.get("anchor", "middle"),
            )
        )

    for index, heat in enumerate(maps):
        left = index * (map_width + gap)
        top = height - caption_height
        caption_font = kit.face(heat.caption, bold)
        text(
            left, height - 11, fit_text(heat.caption, caption_font, 9, map_width), caption_font,
            9, anchor="start",
        )  # fmt: skip
        for row_index, row in enumerate(heat.rows):
            severity = 4 - row_index
            y = top - (row_index + 1) * cell_height
            label_x = left + label_width - 5
            text(label_x, y + cell_height / 2 + 2, f"Severity {severity}", regular, 7, anchor="end")
            name = _point_label(heat.severity_labels, severity)
            name_font = kit.face(name, regular)
            name = fit_text(name, name_font, 6.5, label_width - 8)
            text(label_x, y + cell_height / 2 - 7, name, name_font, 6.5, color=MUTED, anchor="end")
            for column, cell in enumerate(row):
                x = left + label_width + column * cell_width
                drawing.add(
                    Rect(
                        x + 1,
                        y + 1,
                        cell_width - 2,
                        cell_height - 2,
                        fillColor=_hex(cell.fill),
                        strokeColor=colors.white,
                        strokeWidth=0,
                    )
                )
                _heat_cell_text(kit, text, cell, x + cell_width / 2, y, cell_width, cell_height)
        for column in range(4):
            x = left + label_width + column * cell_width + cell_width / 2
            text(x, axis_height - 10, str(column + 1), regular, 7)
            name = _point_label(heat.likelihood_labels, column + 1)
            name_font = kit.face(name, regular)
            name = fit_text(name, name_font, 6.5, cell_width - 2)
            text(x, axis_height - 18, name, name_font, 6.5, color=MUTED)
        text(left + label_width - 5, axis_height - 14, "Likelihood", regular, 7, anchor="end")
    return drawing


def _point_label(labels: Sequence[str], point: int) -> str:
    return labels[point - 1] if 1 <= point <= len(labels) else ""


def _heat_cell_text(
    kit: PdfKit,
    text: Callable[..., None],
    cell: HeatCell,
    centre: float,
    bottom: float,
    cell_width: float,
    cell_height: float,
) -> None:
    regular, bold = kit.fonts.regular, kit.fonts.bold
    room = cell_width - 6
    level_font = kit.face(cell.label, regular)
    text(centre, bottom + 5, fit_text(cell.label, level_font, 6, room), level_font, 6)
    headline = cell.headline
    if not headline:
        return
    head_font = kit.face(headline, bold)
    ids = cell.ids_text
    lines: list[str] = []
    if ids:
        ids_font = kit.face(ids, regular)
        lines = break_lines(ids, ids_font, 6.5, room) if ids_font == regular else []
        if len(lines) > 2 or any(stringWidth(line, regular, 6.5) > room for line in lines):
            lines = []  # too many to name here: the summary under the maps lists them
    if not lines:
        middle = bottom + cell_height / 2 + (1 if not ids else 3)
        text(centre, middle, fit_text(headline, head_font, 8.5, room), head_font, 8.5)
        return
    first = bottom + cell_height - 13
    text(centre, first, fit_text(headline, head_font, 8, room), head_font, 8)
    for number, line in enumerate(lines, start=1):
        text(centre, first - 1.5 - 7.5 * number, line, regular, 6.5)


def bar_chart_drawing(
    kit: PdfKit,
    bars: Sequence[tuple[str, float | None]],
    width: float = TEXT_WIDTH,
    *,
    thresholds: Sequence[tuple[str, float]] = (),
    bar_height: float = 13.0,
    label_share: float = 0.36,
) -> Drawing:
    """Horizontal bars 0..100 with the value printed at each bar; optional grade lines.

    Meaning never rests on colour: bars are one dark grey, values are printed, grade thresholds
    are dashed lines labelled with their letter.
    """
    regular, bold = kit.fonts.regular, kit.fonts.bold
    label_width = width * label_share
    value_room = 30.0
    plot_width = width - label_width - value_room
    row_height = bar_height + 7
    top_pad = 14.0 if thresholds else 4.0
    axis_pad = 14.0
    height = top_pad + len(bars) * row_height + axis_pad
    drawing = _drawing(kit, width, height)
    plot_left = label_width
    plot_bottom = axis_pad
    plot_top = height - top_pad
    for tick in (0, 25, 50, 75, 100):
        x = plot_left + plot_width * tick / 100
        drawing.add(Line(x, plot_bottom, x, plot_top, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(
            String(
                x,
                plot_bottom - 9,
                str(tick),
                fontName=regular,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    for grade, minimum in thresholds:
        if minimum <= 0:
            continue
        x = plot_left + plot_width * minimum / 100
        drawing.add(
            Line(
                x,
                plot_bottom,
                x,
                plot_top + 2,
                strokeColor=INK,
                strokeWidth=0.6,
                strokeDashArray=[2, 2],
            )
        )
        drawing.add(
            String(
                x,
                plot_top + 4,
                f"{grade} ≥{minimum:.0f}",
                fontName=regular,
                fontSize=6.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    for index, (label, score) in enumerate(bars):
        y = plot_top - (index + 1) * row_height + (row_height - bar_height) / 2
        label_font = kit.face(label, regular)
        drawing.add(
            String(
                plot_left - 6,
                y + bar_height / 2 - 3,
                fit_text(label, label_font, 8, label_width - 8),
                fontName=label_font,
                fontSize=8,
                fillColor=INK,
                textAnchor="end",
            )
        )
        drawing.add(
            Rect(
                plot_left,
                y,
                plot_width,
                bar_height,
                fillColor=BAR_TRACK,
                strokeColor=None,
                strokeWidth=0,
            )
        )
        if score is None:
            drawing.add(
                String(
                    plot_left + 4,
                    y + bar_height / 2 - 3,
                    "not scored",
                    fontName=regular,
                    fontSize=7.5,
                    fillColor=MUTED,
                )
            )
            continue
        value = max(0.0, min(100.0, score))
        drawing.add(
            Rect(
                plot_left,
                y,
                plot_width * value / 100,
                bar_height,
                fillColor=BAR_FILL,
                strokeColor=None,
                strokeWidth=0,
            )
        )
        drawing.add(
            String(
                plot_left + plot_width + 4,
                y + bar_height / 2 - 3,
                f"{score:.0f}",
                fontName=bold,
                fontSize=8.5,
                fillColor=INK,
            )
        )
    return drawing


def keep(flowables: list[Flowable]) -> Flowable:
    return KeepTogether(flowables)
