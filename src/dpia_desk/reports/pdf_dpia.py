"""The DPIA as a PDF (reportlab platypus): the same blocks, in the same order, as the DOCX.

The PDF embeds the shipped DejaVu Sans family, carries document metadata, has an outline
(bookmarks) entry per heading, a clickable table of contents with page numbers, vector charts and
a "page X of Y" footer with the assessment id and classification, all in one layout pass.

Importing this module imports reportlab: only the export entry points import it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus import (
    PageBreak as RLPageBreak,
)

from dpia_desk import __version__
from dpia_desk.atomic_write import atomic_write
from dpia_desk.reports.errors import ProgressCallback, export_error, report_progress
from dpia_desk.reports.layout import (
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
from dpia_desk.reports.pdf_common import (
    FRAME_HEIGHT,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TEXT_WIDTH,
    LateFormsCanvas,
    PdfKit,
    bar_chart_drawing,
    draw_late_number,
    fit_text,
    heat_map_drawing,
    make_kit,
    table_flowables,
)
from dpia_desk.reports.pdf_grid import GridTable
from dpia_desk.reports.text import clean_text, metadata_text

_TOTAL_FORM = "PageTotal"
_OUTLINE_TITLE_LIMIT = 120
# Report progress every so many flowables (a callback per flowable costs more than it tells).
_PROGRESS_STEP = 25


def write_dpia_pdf(
    report: DpiaReport, path: Path | str, progress: ProgressCallback | None = None
) -> None:
    """Writes the DPIA of ``report`` to ``path`` (atomically; see dpia_desk.atomic_write)."""
    kit = make_kit()
    builder = _Story(kit, report)
    story = builder.build(dpia_blocks(report))
    total = len(story)  # build() consumes the list
    with atomic_write(path, failure=export_error) as handle:
        document = _DpiaDocTemplate(handle, report, kit, total, progress, builder.toc_keys)
        document.build(story, canvasmaker=LateFormsCanvas)
    report_progress(progress, total, total)


class _HeadingParagraph(Paragraph):  # type: ignore[misc]
    """A heading that marks its own place: bookmark destination, outline entry, TOC page."""

    def __init__(self, text: str, style: Any, key: str, level: int, title: str) -> None:
        super().__init__(text, style)
        self.key = key
        self.level = level
        self.outline_title = title

    def draw(self) -> None:
        canvas = self.canv
        canvas.bookmarkHorizontal(self.key, 0, self.height + 4)
        canvas.addOutlineEntry(
            self.outline_title, self.key, level=self.level - 1, closed=self.level > 1
        )
        canvas.heading_pages.setdefault(self.key, canvas.getPageNumber())
        super().draw()


class _TocEntry(Flowable):  # type: ignore[misc]
    """One line of the table of contents: title, dotted leader, page number, link."""

    def __init__(self, kit: PdfKit, title: str, key: str, level: int) -> None:
        super().__init__()
        self.kit = kit
        self.title = title
        self.key = key
        self.level = level
        self.font = kit.face(title, kit.fonts.bold if level == 1 else kit.fonts.regular)
        self.size = 10.0 if level == 1 else 9.0
        self.indent = 14.0 * (min(level, 3) - 1)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = (self.size + 7) if self.level == 1 else (self.size + 4.5)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        number_room = 30.0
        text = fit_text(
            self.title, self.font, self.size, self.width - self.indent - number_room - 12
        )
        baseline = 3.0
        canvas.setFont(self.font, self.size)
        canvas.setFillColor(INK)
        canvas.drawString(self.indent, baseline, text)
        start = self.indent + canvas.stringWidth(text, self.font, self.size) + 4
        end = self.width - number_room
        if end > start:
            canvas.setFillColor(MUTED)
            canvas.setFont(self.kit.fonts.regular, self.size)
            dots = "." * int(
                (end - start) / canvas.stringWidth(". ", self.kit.fonts.regular, self.size) * 2
            )
            canvas.drawRightString(end, baseline, dots[: max(0, len(dots))])
        draw_late_number(canvas, f"Toc.{self.key}", self.width, baseline)
        canvas.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class _Story:
    """Turns layout blocks into flowables."""

    def __init__(self, kit: PdfKit, report: DpiaReport) -> None:
        self.kit = kit
        self.report = report
        self.keys: dict[str, str] = {}  # heading anchor -> PDF destination name
        self.placed: set[str] = set()  # destination names already used by a heading
        self.toc_keys: list[str] = []
        self.count = 0

    def key(self, anchor: str) -> str:
        if anchor not in self.keys:
            self.keys[anchor] = f"h{len(self.keys) + 1}"
        return self.keys[anchor]

    def build(self, blocks: list[Block]) -> list[Flowable]:
        units = self.units(blocks)
        story: list[Flowable] = [NextPageTemplate("body")]
        index = 0
        while index < len(units):
            block, flowables = units[index]
            if not _leads(block):
                story.extend(flowables)
                index += 1
                continue
            # Headings and the notes that introduce what follows never end a page: together
            # with the start of the content they lead to, they need room on this page.
            lead: list[Flowable] = []
            level = block.level if isinstance(block, Heading) else 3
            while index < len(units) and _leads(units[index][0]):
                lead.extend(units[index][1])
                index += 1
            following = units[index][1] if index < len(units) else []
            story.append(_RoomFor(lead, following, _MINIMUM_ROOM.get(level, 0.0)))
            story.extend(lead)
        return story

    def units(self, blocks: list[Block]) -> list[tuple[Block, list[Flowable]]]:
        """Each block with its flowables; side-by-side heat maps are one unit, and a short text
        is kept with the references that follow it (on the page where the text ends)."""
        units: list[tuple[Block, list[Flowable]]] = []
        for index, block in enumerate(blocks):
            if isinstance(block, HeatMap) and index > 0 and isinstance(blocks[index - 1], HeatMap):
                continue  # drawn beside the previous one
            if isinstance(block, HeatMap):
                maps = [block]
                for later in blocks[index + 1 :]:
                    if not isinstance(later, HeatMap):
                        break
                    maps.append(later)
                units.append((block, [self.heat_maps(maps)]))
                continue
            flowables = self.flowables(block)
            previous = units[-1] if units else None
            if (
                isinstance(block, Para)
                and block.style == "refs"
                and previous is not None
                and isinstance(previous[0], Para)
                and previous[1]
                and _height(previous[1][-1]) < FRAME_HEIGHT * _SHORT_TEXT
            ):
                # a long text may split anywhere (its tail then carries the references along)
                text = previous[1].pop()
                previous[1].append(KeepTogether([text, *flowables]))
                continue
            units.append((block, flowables))
        return units

    def flowables(self, block: Block) -> list[Flowable]:
        kit = self.kit
        if isinstance(block, Para):
            style = {"note": "note", "refs": "refs", "empty": "empty"}.get(block.style, "body")
            if len(block.spans) == 1 and not (block.spans[0].bold or block.spans[0].italic):
                return kit.paras(block.spans[0].text, style)
            if sum(len(span.text) for span in block.spans) > 3000:
                out: list[Flowable] = []
                for span in block.spans:
                    out.extend(kit.paras(span.text, style))
                return out
            return [kit.rich(((s.text, s.bold, s.italic) for s in block.spans), style)]
        if isinstance(block, Heading):
            return [self.heading(block)]  # kept with what follows by build()
        if isinstance(block, Table):
            return table_flowables(kit, block)
        if isinstance(block, HeatMap):
            return [self.heat_maps([block])]
        if isinstance(block, BarChart):
            return [
                kit.para(block.caption, "caption"),
                bar_chart_drawing(kit, block.bars),
                Spacer(1, 8),
            ]
        if isinstance(block, Cover):
            return self.cover(block)
        if isinstance(block, TableOfContents):
            return self.toc(block)
        if isinstance(block, PageBreak):
            return [RLPageBreak()]
        raise TypeError(f"unknown block {block!r}")  # pragma: no cover - the union is closed

    def heat_maps(self, maps: list[HeatMap]) -> Flowable:
        """Maps side by side, then each map's cells in words (the text layer a reader or a
        screen reader uses), kept on one page."""
        parts: list[Flowable] = [heat_map_drawing(self.kit, maps), Spacer(1, 4)]
        for heat in maps:
            parts.extend(self.kit.paras(heat.summary, "refs"))
        parts.append(Spacer(1, 4))
        return KeepTogether(parts)

    def heading(self, heading: Heading) -> Flowable:
        title = " ".join(clean_text(heading.text).split())
        if len(title) > _OUTLINE_TITLE_LIMIT:
            title = title[: _OUTLINE_TITLE_LIMIT - 1] + "…"
        key = self.key(heading.anchor)
        self.count += 1
        if key in self.placed:  # one anchor twice (e.g. duplicate risk ids): its own name
            key = f"{key}.{self.count}"
        self.placed.add(key)
        return _HeadingParagraph(
            self.kit.markup(heading.text.replace("\n", " ")),
            self.kit.styles[f"h{min(3, heading.level)}"],
            key,
            heading.level,
            title,
        )

    def cover(self, cover: Cover) -> list[Flowable]:
        kit = self.kit
        out: list[Flowable] = [Spacer(1, 70)]
        out.extend(kit.paras(cover.title, "title"))
        out.append(kit.para(cover.subtitle, "subtitle"))
        out.extend(
            table_flowables(
                kit,
                Table(
                    header=(),
                    rows=tuple((Cell(key, bold=True), Cell(value)) for key, value in cover.fields),
                    widths=(0.3, 0.7),
                    kind="keyvalue",
                ),
            )
        )
        out.append(Spacer(1, 24))
        out.append(_ClassificationBanner(kit, cover.classification))
        out.append(Spacer(1, 10))
        out.append(
            kit.para(
                f"This document is classified {cover.classification}. It contains personal data "
                "and commercial information; share it only with the people named in the sign-off "
                "and those who need it for the assessment.",
                "note",
            )
        )
        return out

    def toc(self, toc: TableOfContents) -> list[Flowable]:
        contents = _HeadingParagraph("Contents", self.kit.styles["h1"], "contents", 1, "Contents")
        out: list[Flowable] = [contents]
        for heading in toc.entries:
            key = self.key(heading.anchor)
            self.toc_keys.append(key)
            out.append(_TocEntry(self.kit, heading.text, key, heading.level))
        return out


#: A section heading never starts lower on a page than this (points) above the foot.
_MINIMUM_ROOM = {1: 110.0, 2: 60.0}
#: A text shorter than this share of a page moves whole with its references.
_SHORT_TEXT = 0.25


def _leads(block: Block) -> bool:
    """Blocks that introduce what follows: headings and notes."""
    return isinstance(block, Heading) or (isinstance(block, Para) and block.style == "note")


def _height(flowable: Flowable, width: float = TEXT_WIDTH) -> float:
    if isinstance(flowable, KeepTogether):  # its wrap answers "huge" (and needs a canvas)
        return sum(_outer(part, _height(part, width)) for part in flowable._content)
    _, height = flowable.wrap(width, FRAME_HEIGHT)
    return float(height)


def _outer(flowable: Flowable, height: float) -> float:
    return float(flowable.getSpaceBefore()) + height + float(flowable.getSpaceAfter())


def _start_height(flowables: list[Flowable], width: float) -> float:
    """How much of ``flowables`` must share a page with what leads to them: the whole of a
    chart or of a block kept together, the header and first row of a table, two lines of a
    paragraph (the first line alone would be an orphan)."""
    total = 0.0
    for flowable in flowables:
        if isinstance(flowable, Spacer | _RoomFor):
            continue
        if isinstance(flowable, GridTable):
            return total + flowable.start_height()
        if isinstance(flowable, Paragraph):
            height = _height(flowable, width)
            if flowable.getKeepWithNext():  # a caption: it goes with the chart under it
                total += _outer(flowable, height)
                continue
            lines = 2 * float(flowable.style.leading)
            return total + float(flowable.getSpaceBefore()) + min(height, lines)
        height = _height(flowable, width)
        if height <= 4:  # a rule above a block row: the row's paragraphs follow
            total += height
            continue
        return total + _outer(flowable, height)
    return total


class _RoomFor(CondPageBreak):  # type: ignore[misc]
    """A page break unless the page has room for ``lead`` (headings, notes) and the start of
    ``following`` (see :func:`_start_height`), measured when the break is laid out.

    keepWithNext cannot do this: it moves the heading and the *whole* next flowable, so a heading
    before a long table or a long text jumps to the next page and leaves a half-empty page, and
    two headings in a row each checked their own room, so the first could end a page.
    """

    def __init__(self, lead: list[Flowable], following: list[Flowable], minimum: float) -> None:
        super().__init__(minimum)
        self.lead = lead
        self.following = following
        self.minimum = minimum

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")
        if frame is None or getattr(frame, "_atTop", False):
            return 0, 0  # at the top of a page a break gains nothing
        need = sum(_outer(flowable, _height(flowable, available_width)) for flowable in self.lead)
        need += _start_height(self.following, available_width)
        if available_height < max(need, self.minimum):
            from reportlab.platypus.doctemplate import FrameBreak

            frame.add_generated_content(FrameBreak)
        return 0, 0


class _ClassificationBanner(Flowable):  # type: ignore[misc]
    def __init__(self, kit: PdfKit, text: str) -> None:
        super().__init__()
        self.kit = kit
        self.text = text

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 30

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.2)
        canvas.line(0, 29, self.width, 29)
        canvas.line(0, 1, self.width, 1)
        canvas.setFillColor(INK)
        face = self.kit.face(self.text, self.kit.fonts.bold)
        text = fit_text(self.text.upper(), face, 12, self.width - 10)
        canvas.setFont(face, 12)
        canvas.drawCentredString(self.width / 2, 11, text)


class _DpiaDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self,
        handle: Any,
        report: DpiaReport,
        kit: PdfKit,
        total: int,
        progress: ProgressCallback | None,
        toc_keys: list[str],
    ) -> None:
        meta = report.meta
        super().__init__(
            handle,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=metadata_text(meta.title),
            author=metadata_text(meta.author),
            subject=metadata_text(meta.subject),
            keywords=[metadata_text(keyword) for keyword in meta.keywords],
            creator=f"dpia_desk {__version__}",
            producer=f"dpia_desk {__version__} (reportlab)",
            lang="en",
            # every page starts in our font, so the file names no unembedded standard font
            initialFontName=kit.fonts.regular,
        )
        self.report = report
        self.kit = kit
        self.total = total
        self.progress = progress
        self.done = 0
        self.toc_keys = toc_keys
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            TEXT_WIDTH,
            PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", frames=[frame], onPage=self._cover_page),
                PageTemplate("body", frames=[frame], onPage=self._body_page),
            ]
        )

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        canvas = self.canv
        canvas.late_font = (self.kit.fonts.regular, 7.5)
        canvas.pending.append(self._fill_numbers)
        canvas.setPageCompression(1)

    def _fill_numbers(self, canvas: LateFormsCanvas, total: int) -> None:
        canvas.late_forms[_TOTAL_FORM] = (str(total), "left")
        for key in self.toc_keys:
            # every TOC entry references its form, so each needs one even if never drawn
            page = canvas.heading_pages.get(key)
            canvas.late_forms[f"Toc.{key}"] = (str(page) if page else "", "right")

    def afterFlowable(self, flowable: Flowable) -> None:
        self.done += 1
        if self.progress is not None and self.done % _PROGRESS_STEP == 0:
            # split flowables pass here more than once: never report more than is done
            self.progress(min(self.done, self.total - 1), self.total)

    def _string(
        self, canvas: Any, text: str, font: str, size: float, x: float, y: float, **kw: Any
    ) -> None:
        """One line of page furniture: right font for the text, shortened to ``width``."""
        width: float = kw.get("width", TEXT_WIDTH)
        align: str = kw.get("align", "left")
        face = self.kit.face(text, font)
        line = fit_text(text, face, size, width)
        canvas.setFont(face, size)
        if align == "right":
            canvas.drawRightString(x, y, line)
        elif align == "centre":
            canvas.drawCentredString(x, y, line)
        else:
            canvas.drawString(x, y, line)

    def _cover_page(self, canvas: Any, document: Any) -> None:
        meta = self.report.meta
        canvas.saveState()
        canvas.setFillColor(INK)
        self._string(
            canvas, meta.classification, self.kit.fonts.bold, 8, PAGE_WIDTH / 2,
            MARGIN_BOTTOM - 28, align="centre",
        )  # fmt: skip
        canvas.restoreState()

    def _body_page(self, canvas: Any, document: Any) -> None:
        meta = self.report.meta
        regular = self.kit.fonts.regular
        bold = self.kit.fonts.bold
        canvas.saveState()
        top = PAGE_HEIGHT - MARGIN_TOP + 12
        right = PAGE_WIDTH - MARGIN_X
        canvas.setFillColor(INK)
        self._string(
            canvas, meta.classification, bold, 7.5, right, top, width=TEXT_WIDTH * 0.3,
            align="right",
        )  # fmt: skip
        canvas.setFillColor(MUTED)
        self._string(canvas, meta.title, regular, 7.5, MARGIN_X, top, width=TEXT_WIDTH * 0.65)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 4, right, top - 4)
        bottom = MARGIN_BOTTOM - 22
        canvas.line(MARGIN_X, bottom + 10, right, bottom + 10)
        footer = f"Assessment {meta.assessment_id} · {meta.classification}"
        self._string(canvas, footer, regular, 7.5, MARGIN_X, bottom, width=TEXT_WIDTH * 0.7)
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(INK)
        # "Page X of Y": Y is a form filled in when the document is complete.
        label = f"Page {canvas.getPageNumber()} of "
        number_start = PAGE_WIDTH - MARGIN_X - canvas.stringWidth("000", regular, 7.5)
        canvas.drawRightString(number_start, bottom, label)
        draw_late_number(canvas, _TOTAL_FORM, number_start, bottom)
        canvas.restoreState()
