"""A lean table flowable for the PDF writers: plain text cells, laid out and drawn directly.

reportlab's ``Table`` with ``Paragraph`` cells re-parses and re-wraps every cell several times
(to size columns, to split across pages, to draw), which made a 1,200-answer appendix the
slowest part of the PDF export. Our tables have fixed column widths and plain text, so this
flowable breaks each cell's text into lines once, moves whole rows to the next page, repeats the
header row on every page, and draws lines with one text object per cell.

Cells whose text needs the fallback font (CJK, say) are laid out as reportlab paragraphs inside
the cell, which can switch fonts mid-line; everything else takes the fast path.

Importing this module imports reportlab: only the PDF writers import it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable, Paragraph

from dpia_desk.reports.text import chunk_text, clean_text

PADDING_X = 4.0
PADDING_Y = 3.0


@dataclass(frozen=True)
class TextStyle:
    font: str
    size: float
    leading: float
    color: Any


@dataclass
class Segment:
    """One piece of text in a cell, in one style; laid out lazily for a width."""

    text: str
    style: TextStyle
    needs_fallback: bool
    make_paragraph: Callable[[str], Paragraph] | None = None
    _layout: tuple[float, list[str] | list[Paragraph], float] | None = None

    def layout(self, width: float) -> tuple[list[str] | list[Paragraph], float]:
        if self._layout is not None and self._layout[0] == width:
            return self._layout[1], self._layout[2]
        if self.needs_fallback and self.make_paragraph is not None:
            paragraphs = [self.make_paragraph(piece) for piece in chunk_text(self.text, 3000)]
            height = 0.0
            for paragraph in paragraphs:
                height += float(paragraph.wrap(width, 1e9)[1])
            result: tuple[float, list[str] | list[Paragraph], float] = (width, paragraphs, height)
        else:
            lines = break_lines(self.text, self.style.font, self.style.size, width)
            result = (width, lines, len(lines) * self.style.leading)
        self._layout = result
        return result[1], result[2]


@dataclass
class GridCell:
    segments: list[Segment]
    fill: Any = None


@dataclass
class GridRow:
    cells: list[GridCell]
    header: bool = False
    _height: tuple[tuple[float, ...], float] | None = field(default=None, repr=False)

    def height(self, widths: tuple[float, ...]) -> float:
        if self._height is not None and self._height[0] == widths:
            return self._height[1]
        tallest = 0.0
        for cell, width in zip(self.cells, widths, strict=True):
            inner = width - 2 * PADDING_X
            total = sum(segment.layout(inner)[1] for segment in cell.segments)
            tallest = max(tallest, total)
        height = tallest + 2 * PADDING_Y
        self._height = (widths, height)
        return height


def break_lines(text: str, font_name: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line is cut between characters.

    Whitespace runs collapse to one space (as in paragraphs); newlines are kept as breaks.
    """
    font = getFont(font_name)
    measure = font.stringWidth
    space = measure(" ", size)
    lines: list[str] = []
    for source_line in clean_text(text).split("\n"):
        words = source_line.split()
        if not words:
            lines.append("")
            continue
        current: list[str] = []
        current_width = 0.0
        for word in words:
            word_width = measure(word, size)
            extra = word_width + (space if current else 0.0)
            if current and current_width + extra <= width:
                current.append(word)
                current_width += extra
                continue
            if current:
                lines.append(" ".join(current))
                current, current_width = [], 0.0
            if word_width <= width:
                current, current_width = [word], word_width
                continue
            pieces = _cut_word(word, measure, size, width)
            lines.extend(pieces[:-1])
            current, current_width = [pieces[-1]], measure(pieces[-1], size)
        if current:
            lines.append(" ".join(current))
    return lines


def _cut_word(
    word: str, measure: Callable[[str, float], float], size: float, width: float
) -> list[str]:
    pieces: list[str] = []
    start = 0
    while start < len(word):
        # the longest slice from ``start`` that fits, found by bisection on its end
        low, high = start + 1, len(word)
        while low < high:
            middle = (low + high + 1) // 2
            if measure(word[start:middle], size) <= width:
                low = middle
            else:
                high = middle - 1
        pieces.append(word[start:low])
        start = low
    return pieces


class GridTable(Flowable):  # type: ignore[misc]
    """Rows of cells with fixed column widths; whole rows move to the next page."""

    def __init__(
        self,
        rows: list[GridRow],
        widths: Sequence[float],
        *,
        header: GridRow | None = None,
        grid_color: Any = colors.grey,
        box_color: Any = colors.black,
        keyvalue: bool = False,
    ) -> None:
        super().__init__()
        self.rows = rows
        self.col_widths = tuple(widths)
        self.header = header
        self.grid_color = grid_color
        self.box_color = box_color
        self.keyvalue = keyvalue
        self.keep_whole = False  # never split: move to the next page instead
        self._heights: list[float] = []

    def _all_rows(self) -> list[GridRow]:
        return ([self.header] if self.header else []) + self.rows

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._heights = [row.height(self.col_widths) for row in self._all_rows()]
        self.width = sum(self.col_widths)
        self.height = sum(self._heights)
        return self.width, self.height

    def start_height(self) -> float:
        """The least of the table that a page must hold: all of it when it moves whole, else
        the header and the first row."""
        rows = self.rows if self.keep_whole else self.rows[:1]
        heights = [row.height(self.col_widths) for row in rows]
        if self.header is not None:
            heights.append(self.header.height(self.col_widths))
        return sum(heights)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.keep_whole:
            return []
        heights = [row.height(self.col_widths) for row in self.rows]
        used = self.header.height(self.col_widths) if self.header else 0.0
        count = 0
        for height in heights:
            if used + height > available_height:
                break
            used += height
            count += 1
        if count == 0 or count == len(self.rows):
            return []  # nothing fits here (next page), or everything does (no split needed)
        first = GridTable(
            self.rows[:count], self.col_widths, header=self.header,
            grid_color=self.grid_color, box_color=self.box_color, keyvalue=self.keyvalue,
        )  # fmt: skip
        rest = GridTable(
            self.rows[count:], self.col_widths, header=self.header,
            grid_color=self.grid_color, box_color=self.box_color, keyvalue=self.keyvalue,
        )  # fmt: skip
        return [first, rest]

    def draw(self) -> None:
        canvas = self.canv
        rows = self._all_rows()
        if not self._heights:
            self.wrap(0, 0)
        y = self.height
        canvas.saveState()
        lefts = [0.0]
        for width in self.col_widths:
            lefts.append(lefts[-1] + width)
        for row, height in zip(rows, self._heights, strict=True):
            bottom = y - height
            for cell, left, width in zip(row.cells, lefts[:-1], self.col_widths, strict=True):
                if cell.fill is not None:
                    canvas.setFillColor(cell.fill)
                    canvas.rect(left, bottom, width, height, stroke=0, fill=1)
                self._draw_cell(cell, left + PADDING_X, y - PADDING_Y, width - 2 * PADDING_X)
            y = bottom
        canvas.setLineWidth(0.4)
        canvas.setStrokeColor(self.grid_color)
        y = self.height
        for height in self._heights[:-1]:
            y -= height
            canvas.line(0, y, self.width, y)
        if self.keyvalue:
            canvas.line(0, self.height, self.width, self.height)
            canvas.line(0, 0, self.width, 0)
        else:
            for left in lefts[1:-1]:
                canvas.line(left, 0, left, self.height)
            canvas.setLineWidth(0.6)
            canvas.setStrokeColor(self.box_color)
            canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canvas.restoreState()

    def _draw_cell(self, cell: GridCell, x: float, top: float, width: float) -> None:
        canvas = self.canv
        for segment in cell.segments:
            content, height = segment.layout(width)
            if segment.needs_fallback and segment.make_paragraph is not None:
                y = top
                for paragraph in content:
                    assert isinstance(paragraph, Paragraph)
                    _, paragraph_height = paragraph.wrap(width, 1e9)
                    paragraph.drawOn(canvas, x, y - paragraph_height)
                    y -= paragraph_height
            elif content:
                style = segment.style
                text = canvas.beginText(x, top - style.size)
                text.setFont(style.font, style.size, style.leading)
                text.setFillColor(style.color)
                for line in content:
                    assert isinstance(line, str)
                    text.textLine(line)
                canvas.drawText(text)
            top -= height
