"""The one-page vendor scorecard for procurement (reportlab, drawn on a fixed A4 grid).

Exactly one page, whatever the input: the page is drawn region by region on the canvas (not
flowed), and every text is measured and shortened with an ellipsis to the room its region has.
Long vendor names take at most two lines; findings show as many as fit, open ones first (most
severe first), then those a completed action addressed (in grey), then "and N more". Meaning
never rests on colour alone: severities are written out on badges that differ in fill and
border, bars carry their values, and grade thresholds are labelled lines, so the page reads the
same printed in black and white.

Importing this module imports reportlab: only the export entry points import it.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from dpia_desk import __version__
from dpia_desk.atomic_write import atomic_write
from dpia_desk.reports import labels as lb
from dpia_desk.reports.errors import export_error
from dpia_desk.reports.model import Finding, VendorScorecard
from dpia_desk.reports.pdf_common import (
    BAR_FILL,
    BAR_TRACK,
    INK,
    LABEL_FILL,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    PdfKit,
    bar_chart_drawing,
    fit_text,
    make_kit,
)
from dpia_desk.reports.text import clean_text, metadata_text

MARGIN = 36.0
WIDTH = PAGE_WIDTH - 2 * MARGIN
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}
MAX_DOMAINS = 12

#: Badge look per severity: (fill, border, text colour); distinct without colour.
_BADGES = {
    "critical": (colors.black, colors.black, colors.white),
    "high": (colors.HexColor("#555555"), colors.HexColor("#555555"), colors.white),
    "medium": (colors.white, colors.black, colors.black),
    "low": (colors.white, colors.HexColor("#999999"), colors.HexColor("#555555")),
}


def write_scorecard_pdf(card: VendorScorecard, path: Path | str) -> None:
    """Writes the one-page scorecard of ``card`` to ``path`` (atomically)."""
    kit = make_kit()
    with atomic_write(path, failure=export_error) as handle:
        canvas = Canvas(
            handle,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            pageCompression=1,
            lang="en",
            initialFontName=kit.fonts.regular,  # no unembedded standard font in the file
        )
        canvas.setTitle(metadata_text(f"Vendor scorecard: {card.vendor_name}"))
        canvas.setAuthor("dpia_desk")
        canvas.setSubject(metadata_text(f"{card.system_name} ({card.vendor_name})"))
        canvas.setKeywords(["vendor scorecard", "due diligence", metadata_text(card.vendor_name)])
        canvas.setCreator(f"dpia_desk {__version__}")
        canvas.setProducer(f"dpia_desk {__version__} (reportlab)")
        _Scorecard(canvas, kit, card).draw()
        canvas.showPage()
        canvas.save()


def _style(
    kit: PdfKit, name: str, size: float, *, bold: bool = False, color: colors.Color = INK
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=kit.fonts.bold if bold else kit.fonts.regular,
        fontSize=size,
        leading=size * 1.25,
        textColor=color,
        splitLongWords=1,
    )


class _Scorecard:
    def __init__(self, canvas: Canvas, kit: PdfKit, card: VendorScorecard) -> None:
        self.canvas = canvas
        self.kit = kit
        self.card = card
        self.regular = kit.fonts.regular
        self.bold = kit.fonts.bold

    # -- text helpers ---------------------------------------------------------------------------

    def paragraph(
        self, text: str, style: ParagraphStyle, width: float, max_lines: int
    ) -> Paragraph:
        """A paragraph of at most ``max_lines`` lines, shortened with an ellipsis if needed."""
        flat = " ".join(clean_text(text).split())
        # No more than the lines could ever hold, so that megabytes cost no more than a line.
        per_line = int(width / (style.fontSize * 0.3)) + 1
        if len(flat) > per_line * max_lines:
            flat = flat[: per_line * max_lines]
            shortened = True
        else:
            shortened = False
        candidate = Paragraph(self.kit.markup(flat + ("…" if shortened else "")), style)
        if self._lines(candidate, width) <= max_lines:
            return candidate
        low, high = 0, len(flat)
        while low < high:  # the longest prefix that still fits
            middle = (low + high + 1) // 2
            trial = Paragraph(self.kit.markup(flat[:middle].rstrip() + "…"), style)
            if self._lines(trial, width) <= max_lines:
                low = middle
            else:
                high = middle - 1
        return Paragraph(self.kit.markup(flat[:low].rstrip() + "…"), style)

    @staticmethod
    def _lines(paragraph: Paragraph, width: float) -> int:
        _, height = paragraph.wrap(width, 10_000)
        return round(float(height) / float(paragraph.style.leading))

    def place(self, paragraph: Paragraph, x: float, top: float, width: float) -> float:
        """Draws ``paragraph`` with its top at ``top``; returns the y below it."""
        _, height = paragraph.wrap(width, 10_000)
        paragraph.drawOn(self.canvas, x, top - height)
        return top - float(height)

    def label(self, text: str, x: float, y: float) -> None:
        self.canvas.setFont(self.bold, 7)
        self.canvas.setFillColor(MUTED)
        self.canvas.drawString(x, y, text.upper())

    # -- regions --------------------------------------------------------------------------------

    def draw(self) -> None:
        top = PAGE_HEIGHT - MARGIN
        top = self.header(top)
        top = self.identity(top - 10)
        top = self.facts(top - 14)
        top = self.domains(top - 16)
        top = self.basis(top - 12)
        bottom_of_findings = MARGIN + 118
        self.findings(top - 16, bottom_of_findings)
        self.contract(MARGIN + 104)
        self.footer()

    def header(self, top: float) -> float:
        canvas = self.canvas
        card = self.card
        canvas.setFont(self.bold, 8)
        canvas.setFillColor(INK)
        canvas.drawString(MARGIN, top - 8, "VENDOR SCORECARD")
        canvas.setFont(self.regular, 8)
        canvas.setFillColor(MUTED)
        generated = f"Generated {lb.format_date(card.generated_at)}"
        canvas.drawString(MARGIN + 100, top - 8, generated)
        face = self.kit.face(card.classification, self.bold)
        classification = fit_text(card.classification.upper(), face, 8, WIDTH * 0.35)
        canvas.setFont(face, 8)
        canvas.setFillColor(INK)
        canvas.drawRightString(MARGIN + WIDTH, top - 8, classification)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1)
        canvas.line(MARGIN, top - 14, MARGIN + WIDTH, top - 14)
        return top - 14

    def identity(self, top: float) -> float:
        card = self.card
        grade_box = 118.0
        text_width = WIDTH - grade_box - 16
        y = self.place(
            self.paragraph(
                card.vendor_name, _style(self.kit, "vendor", 20, bold=True), text_width, 2
            ),
            MARGIN,
            top,
            text_width,
        )
        y = self.place(
            self.paragraph(
                card.system_name, _style(self.kit, "system", 12, color=MUTED), text_width, 2
            ),
            MARGIN,
            y - 3,
            text_width,
        )
        details = [f"Assessment {card.assessment_id}"]
        if card.country:
            details.insert(0, card.country)
        y = self.place(
            self.paragraph(
                " · ".join(details), _style(self.kit, "details", 8.5, color=MUTED), text_width, 1
            ),
            MARGIN,
            y - 4,
            text_width,
        )
        box_bottom = self.grade(MARGIN + WIDTH - grade_box, top, grade_box)
        return min(y, box_bottom)

    def grade(self, x: float, top: float, width: float) -> float:
        canvas = self.canvas
        card = self.card
        height = 122.0
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(2)
        canvas.setFillColor(colors.white)
        canvas.rect(x, top - height, width, height, stroke=1, fill=1)
        self.label(
            "Grade (provisional)" if card.provisional_reason else "Overall grade",
            x + 8,
            top - 13,
        )
        canvas.setFillColor(INK)
        face = self.kit.face(card.grade, self.bold)
        grade = fit_text(card.grade or "—", face, 54, width - 16)
        canvas.setFont(face, 54)
        canvas.drawCentredString(x + width / 2, top - 66, grade)
        canvas.setFont(self.regular, 8.5)
        canvas.drawCentredString(
            x + width / 2, top - 82, f"score {lb.format_score(card.overall_score)} of 100"
        )
        notes = "; ".join(filter(None, (card.provisional_reason, card.grade_cap_reason)))
        if notes:
            reason = self.paragraph(notes, _style(self.kit, "cap", 6.5, color=MUTED), width - 12, 3)
            reason.style.alignment = 1
            self.place(reason, x + 6, top - 86, width - 12)
        return top - height

    def facts(self, top: float) -> float:
        card = self.card
        facts = (
            (
                "Inherent risk tier",
                lb.humanise(card.inherent_tier),
                f"review {card.review_cadence}",
            ),
            ("EU AI Act", lb.label(lb.AI_ACT_TIER, card.ai_act_tier), ""),
            ("DPIA screening", lb.label(lb.DPIA_VERDICT, card.dpia_verdict), ""),
            ("Next review", lb.format_date(card.next_review_date), ""),
        )
        gap = 8.0
        box_width = (WIDTH - gap * 3) / 4
        height = 58.0
        canvas = self.canvas
        for index, (title, value, detail) in enumerate(facts):
            x = MARGIN + index * (box_width + gap)
            canvas.setFillColor(LABEL_FILL)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.rect(x, top - height, box_width, height, stroke=1, fill=1)
            self.label(title, x + 6, top - 12)
            y = self.place(
                self.paragraph(value, _style(self.kit, "fact", 9.5, bold=True), box_width - 12, 2),
                x + 6,
                top - 16,
                box_width - 12,
            )
            if detail:
                self.place(
                    self.paragraph(
                        detail, _style(self.kit, "fact_detail", 7.5, color=MUTED), box_width - 12, 1
                    ),
                    x + 6,
                    y - 1,
                    box_width - 12,
                )
        return top - height

    def domains(self, top: float) -> float:
        card = self.card
        self.label("Domain scores (0 to 100; dashed lines: grade thresholds)", MARGIN, top - 8)
        shown = card.domain_scores[:MAX_DOMAINS]
        bars = [(domain.title, domain.score) for domain in shown]
        bar_height = 13.0 if len(bars) <= 8 else 9.0
        drawing = bar_chart_drawing(
            self.kit,
            bars,
            WIDTH,
            thresholds=[(t.grade, t.min_score) for t in card.grade_thresholds],
            bar_height=bar_height,
            label_share=0.32,
        )
        bottom = top - 14 - float(drawing.height)
        drawing.drawOn(self.canvas, MARGIN, bottom)
        hidden = len(card.domain_scores) - len(shown)
        if hidden > 0:
            self.canvas.setFont(self.regular, 7.5)
            self.canvas.setFillColor(MUTED)
            self.canvas.drawString(MARGIN, bottom - 9, f"and {hidden} more domains")
            bottom -= 12
        return bottom

    def basis(self, top: float) -> float:
        """Evidence-backed and self-attested claims as one split bar, both shares written out."""
        card = self.card
        canvas = self.canvas
        self.label("Basis of the scored claims", MARGIN, top - 8)
        y = top - 30
        height = 14.0
        evidence = max(0.0, min(1.0, card.evidence_backed_share))
        attested = max(0.0, min(1.0 - evidence, card.self_attested_share))
        bar_width = WIDTH * 0.4
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.setFillColor(BAR_TRACK)
        canvas.rect(MARGIN, y, bar_width, height, stroke=1, fill=1)
        canvas.setFillColor(BAR_FILL)
        canvas.rect(MARGIN, y, bar_width * evidence, height, stroke=0, fill=1)
        # Self-attested part: hatched, so it differs from the solid part without colour.
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(MARGIN + bar_width * evidence, y, bar_width * attested, height)
        canvas.clipPath(path, stroke=0, fill=0)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.5)
        start = MARGIN + bar_width * evidence
        step = 4.0
        x = start - height
        while x < start + bar_width * attested:
            canvas.line(x, y, x + height, y + height)
            x += step
        canvas.restoreState()
        text_x = MARGIN + bar_width + 10
        self.paragraph_at(
            f"{lb.format_share(evidence)} backed by evidence (solid) · "
            f"{lb.format_share(attested)} self-attested (hatched)",
            text_x,
            y + height - 1,
            MARGIN + WIDTH - text_x,
            8.5,
        )
        return y

    def findings(self, top: float, bottom: float) -> None:
        card = self.card
        canvas = self.canvas
        # open findings first (most severe first), then those a completed action addressed
        ordered = sorted(
            card.findings, key=lambda f: (f.status != "open", SEVERITY_ORDER.get(f.severity, 9))
        )
        open_count = sum(1 for finding in ordered if finding.status == "open")
        counts = {
            severity: sum(1 for f in ordered if f.severity == severity and f.status == "open")
            for severity in SEVERITY_ORDER
        }
        summary = ", ".join(f"{count} {severity}" for severity, count in counts.items() if count)
        self.label(
            f"Top findings ({open_count} open{': ' + summary if summary else ''})", MARGIN, top - 8
        )
        y = top - 14
        badge_width = 52.0
        text_width = WIDTH - badge_width - 8
        style = _style(self.kit, "finding", 8.5)
        # addressed findings read as history: grey text and an outlined badge
        done_style = _style(self.kit, "finding_done", 8.5, color=MUTED)
        more_room = 12.0
        shown = 0
        for index, finding in enumerate(ordered):
            is_open = finding.status == "open"
            paragraph = self.paragraph(
                self._finding_text(finding), style if is_open else done_style, text_width, 2
            )
            _, height = paragraph.wrap(text_width, 10_000)
            row_height = max(height, 12.0) + 5
            remaining = len(ordered) - index - 1
            if y - row_height < bottom + (more_room if remaining else 0):
                break
            self.badge(finding.severity, MARGIN, y - 11, badge_width, outlined=not is_open)
            paragraph.drawOn(canvas, MARGIN + badge_width + 8, y - height)
            y -= row_height
            shown += 1
        if not ordered:
            canvas.setFont(self.regular, 8.5)
            canvas.setFillColor(INK)
            canvas.drawString(MARGIN, y - 10, "No findings.")
        hidden = len(ordered) - shown
        if hidden > 0:
            canvas.setFont(self.bold, 8)
            canvas.setFillColor(INK)
            canvas.drawString(
                MARGIN, y - 9, f"and {hidden} more finding{'s' if hidden != 1 else ''}"
            )

    @staticmethod
    def _finding_text(finding: Finding) -> str:
        basis = "evidence" if finding.evidence_backed else "self-attested"
        domain = f"{finding.domain}; " if finding.domain else ""
        status = "" if finding.status == "open" else f"; {lb.humanise(finding.status).lower()}"
        return f"{finding.text} ({domain}{basis}{status})"

    def badge(
        self, severity: str, x: float, y: float, width: float, *, outlined: bool = False
    ) -> None:
        canvas = self.canvas
        fill, border, text = _BADGES.get(severity, _BADGES["low"])
        if outlined:
            fill, border, text = colors.white, colors.HexColor("#999999"), MUTED
        canvas.setFillColor(fill)
        canvas.setStrokeColor(border)
        canvas.setLineWidth(0.8)
        canvas.roundRect(x, y - 1, width, 12, 2, stroke=1, fill=1)
        canvas.setFillColor(text)
        canvas.setFont(self.bold, 7)
        label = fit_text(lb.label(lb.SEVERITY, severity).upper(), self.bold, 7, width - 4)
        canvas.drawCentredString(x + width / 2, y + 2, label)

    def contract(self, top: float) -> None:
        card = self.card
        canvas = self.canvas
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, top, MARGIN + WIDTH, top)
        items = (
            (
                "Data processing agreement (GDPR Art. 28)",
                lb.label(lb.CONTRACT_STATUS, card.dpa_status),
            ),
            ("Contract", lb.label(lb.CONTRACT_STATUS, card.contract_status)),
            ("Next review", lb.format_date(card.next_review_date)),
            ("Review cadence", card.review_cadence),
        )
        column = WIDTH / 4
        for index, (title, value) in enumerate(items):
            x = MARGIN + index * column
            self.paragraph_at(
                title.upper(), x, top - 6, column - 8, 7, bold=True, color=MUTED, lines=2
            )
            self.paragraph_at(value, x, top - 26, column - 8, 10, bold=True, lines=2)

    def paragraph_at(
        self,
        text: str,
        x: float,
        top: float,
        width: float,
        size: float,
        *,
        bold: bool = False,
        color: colors.Color = INK,
        lines: int = 1,
    ) -> float:
        style = _style(self.kit, "cell", size, bold=bold, color=color)
        return self.place(self.paragraph(text, style, width, lines), x, top, width)

    def footer(self) -> None:
        card = self.card
        canvas = self.canvas
        y = MARGIN - 4
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y + 10, MARGIN + WIDTH, y + 10)
        canvas.setFont(self.regular, 7)
        canvas.setFillColor(MUTED)
        left = f"Assessment {card.assessment_id} · {card.classification} · dpia_desk {__version__}"
        face = self.kit.face(left, self.regular)
        canvas.setFont(face, 7)
        canvas.drawString(MARGIN, y, fit_text(left, face, 7, WIDTH - 70))
        canvas.setFont(self.regular, 7)
        canvas.drawRightString(MARGIN + WIDTH, y, "Page 1 of 1")
