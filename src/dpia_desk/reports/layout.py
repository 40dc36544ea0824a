"""What the DPIA document says, in order, as neutral blocks that every writer renders.

The DOCX and PDF writers do not decide content: they walk the same list of blocks built here from
a :class:`DpiaReport`, each drawing headings, paragraphs, tables and charts its own way. That is
how Word and PDF say the same thing, and why a test can compare them block by block.

Sections follow GDPR Art. 35(7): description, necessity and proportionality, risks, measures; then
the DPO's opinion (Art. 35(2)), the views of the people concerned (Art. 35(9)), the AI Act
classification, the vendor's due diligence, the conclusion with its sign-offs, and appendices with
every answer and the document control data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dpia_desk.reports import labels as lb
from dpia_desk.reports.model import (
    AnswerEntry,
    AnswerSection,
    DpiaReport,
    Reason,
    Risk,
    RiskScale,
    TextBlock,
    VendorScorecard,
)

#: Fills of the risk levels, lowest level first: light to dark, so they stay apart printed in
#: grey (and every cell names its level in words). The levels themselves come from the scoring
#: rules (``DpiaReport.risk_scale``); a scale with more levels than fills spreads them out.
LEVEL_RAMP: tuple[str, ...] = ("E3F2E1", "FBE29A", "F5B26B", "E07A6F", "C4524A")
NO_LEVEL_FILL = "EEF1F4"


def level_fill(scale: RiskScale, level: str) -> str:
    """The fill (hex RGB) of ``level``: its place on the scale picks the shade."""
    rank = scale.rank(level)
    if rank < 0:
        return NO_LEVEL_FILL
    count = len(scale.levels)
    if count <= len(LEVEL_RAMP):
        return LEVEL_RAMP[rank]
    return LEVEL_RAMP[round(rank * (len(LEVEL_RAMP) - 1) / (count - 1))]


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph; ``style`` is body | note (small, grey, introduces what follows) | refs
    (small, grey, the references of what precedes) | empty (a placeholder, italic)."""

    spans: tuple[Span, ...]
    style: str = "body"

    @classmethod
    def plain(cls, text: str, style: str = "body") -> Para:
        return cls((Span(text),), style)

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1..3
    anchor: str  # stable id: PDF bookmark and DOCX bookmark name


@dataclass(frozen=True)
class Cell:
    text: str
    note: str = ""  # smaller second part: ids, references, hashes
    bold: bool = False
    level: str = ""  # a risk level: the cell says the level in words ...
    fill: str = ""  # ... and is shaded with its fill (hex RGB)


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width
    kind: str = "grid"  # grid | keyvalue (no header; first column is the label)


@dataclass(frozen=True)
class HeatCell:
    level: str
    label: str  # the level in words
    fill: str  # hex RGB
    risk_ids: tuple[str, ...]

    @property
    def headline(self) -> str:
        """What the cell says first: its one risk's id, or how many risks it holds."""
        if len(self.risk_ids) == 1:
            return self.risk_ids[0]
        return f"{len(self.risk_ids)} risks" if self.risk_ids else ""

    @property
    def ids_text(self) -> str:
        """The ids of a cell holding several risks (shown under the count where they fit)."""
        return ", ".join(self.risk_ids) if len(self.risk_ids) > 1 else ""


@dataclass(frozen=True)
class HeatMap:
    """``rows[0]`` is severity 4 (top row), columns are likelihood 1..4 (left to right).

    ``summary`` says in words which risks sit in which cell: the map as text, for screen readers
    and text search, and the full lists of cells too crowded to name all their risks.
    """

    caption: str
    rows: tuple[tuple[HeatCell, ...], ...]
    severity_labels: tuple[str, ...]  # points 1..4
    likelihood_labels: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class BarChart:
    caption: str
    bars: tuple[tuple[str, float | None], ...]  # label, 0..100 or None (not scored)


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    fields: tuple[tuple[str, str], ...]
    classification: str


@dataclass(frozen=True)
class TableOfContents:
    entries: tuple[Heading, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Para | Heading | Table | HeatMap | BarChart | Cover | TableOfContents | PageBreak

NOT_DOCUMENTED = "Not documented yet."
HEADING_LIMIT = 160
SUBTITLE = "Data protection impact assessment (GDPR Art. 35)"


def _note(text: str) -> Para:
    return Para.plain(text, "note")


def _text_blocks(blocks: tuple[TextBlock, ...], anchor: str) -> list[Block]:
    if not blocks:
        return [Para.plain(NOT_DOCUMENTED, "empty")]
    out: list[Block] = []
    for index, block in enumerate(blocks, start=1):
        out.extend(_titled(block.label, 2, f"{anchor}-{index}"))
        out.append(
            Para.plain(block.text) if block.text.strip() else Para.plain(NOT_DOCUMENTED, "empty")
        )
        if block.refs:
            out.append(Para.plain("References: " + lb.format_refs(block.refs), "refs"))
    return out


def _titled(text: str, level: int, anchor: str) -> list[Block]:
    """A heading for a title we did not write; an overlong one is shortened and then given in
    full as a paragraph, so nothing is lost and no heading fills a page."""
    short = _shorten(text, HEADING_LIMIT)
    if short == text:
        return [Heading(text, level, anchor)]
    return [Heading(short, level, anchor), Para.plain(text)]


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _scale(value: int, label: str) -> str:
    return f"{value} {label}" if label else str(value)


def _level_cell(scale: RiskScale, level: str) -> Cell:
    return Cell(scale.label(level), level=level, fill=level_fill(scale, level))


def _rating(scale: RiskScale, severity: int, likelihood: int, level: str) -> str:
    return (
        f"severity {_scale(severity, scale.severity_label(severity))}, likelihood "
        f"{_scale(likelihood, scale.likelihood_label(likelihood))}: {scale.label(level)}"
    )


def heat_map(report: DpiaReport, residual: bool) -> HeatMap:
    scale = report.risk_scale
    placed: dict[tuple[int, int], list[str]] = {}
    for risk in report.risks:
        key = (
            (risk.residual_severity, risk.residual_likelihood)
            if residual
            else (risk.severity, risk.likelihood)
        )
        placed.setdefault(key, []).append(risk.risk_id)
    rows = []
    for severity in range(4, 0, -1):
        row = []
        for likelihood in range(1, 5):
            level = scale.level_of(severity, likelihood)
            row.append(
                HeatCell(
                    level,
                    scale.label(level),
                    level_fill(scale, level),
                    tuple(placed.get((severity, likelihood), ())),
                )
            )
        rows.append(tuple(row))
    name = "Residual risk" if residual else "Inherent risk"
    caption = f"{name} (after the measures)" if residual else f"{name} (before the measures)"
    return HeatMap(
        caption,
        tuple(rows),
        scale.severity_labels,
        scale.likelihood_labels,
        _map_summary(name, scale, placed),
    )


def _map_summary(name: str, scale: RiskScale, placed: dict[tuple[int, int], list[str]]) -> str:
    """``Inherent risk by cell: severity 3, likelihood 3 (High): R1, R4; ...``"""
    if not placed:
        return f"{name}: no risks rated."
    parts = []
    # the most severe cells first, as a reader scans the map from its top right
    for severity, likelihood in sorted(placed, key=lambda key: (-key[0], -key[1])):
        level = scale.label(scale.level_of(severity, likelihood))
        parts.append(
            f"severity {severity}, likelihood {likelihood} ({level}): "
            + ", ".join(placed[(severity, likelihood)])
        )
    return f"{name} by cell: " + "; ".join(parts) + "."


class _Numbering:
    def __init__(self) -> None:
        self.number = 0

    def next(self, title: str, anchor: str) -> Heading:
        self.number += 1
        return Heading(f"{self.number}. {title}", 1, anchor)


def _cover(report: DpiaReport) -> Cover:
    meta = report.meta
    fields = [
        ("Vendor", meta.vendor_name),
        ("AI system", meta.system_name),
        ("Assessment ID", meta.assessment_id),
        ("Document version", meta.version),
        ("Status", lb.label(lb.STATUS, meta.status)),
        ("Date", lb.format_date(meta.updated)),
        ("Author", meta.author),
    ]
    if meta.organisation:
        fields.append(("Organisation", meta.organisation))
    fields.append(("Questionnaire", f"{meta.form_id} {meta.form_version}"))
    return Cover(meta.title, SUBTITLE, tuple(fields), meta.classification)


def _keyvalue(pairs: list[tuple[str, str]]) -> Table:
    return Table(
        header=(),
        rows=tuple((Cell(key, bold=True), Cell(value)) for key, value in pairs),
        widths=(0.32, 0.68),
        kind="keyvalue",
    )


def _highest_residual(risks: tuple[Risk, ...], scale: RiskScale) -> str:
    if not risks:
        return "No risks recorded"
    worst = max(risks, key=lambda risk: scale.rank(risk.residual_level)).residual_level
    counts = Counter(risk.residual_level for risk in risks)
    # highest first; levels the scale does not know (older data) last
    order = sorted(counts, key=lambda level: -scale.rank(level) if scale.rank(level) >= 0 else 1)
    spread = ", ".join(f"{counts[level]} {scale.label(level).lower()}" for level in order)
    return f"{scale.label(worst)} ({len(risks)} risks: {spread})"


def _summary(report: DpiaReport) -> list[Block]:
    meta = report.meta
    ai = report.ai_act
    screening = report.screening
    pairs = [
        ("Vendor", meta.vendor_name),
        ("AI system", meta.system_name),
        ("Status", lb.label(lb.STATUS, meta.status)),
        (
            "EU AI Act",
            f"{lb.label(lb.AI_ACT_TIER, ai.tier)}; our role: {lb.label(lb.AI_ACT_ROLE, ai.role)}",
        ),
        (
            "DPIA screening",
            f"{lb.label(lb.DPIA_VERDICT, screening.verdict)} "
            f"({screening.criteria_met} of {len(screening.criteria)} WP248 criteria met)",
        ),
        ("Highest residual risk", _highest_residual(report.risks, report.risk_scale)),
        (
            "Prior consultation (GDPR Art. 36)",
            "Required: high residual risk remains"
            if report.content.prior_consultation_required
            else "Not required",
        ),
    ]
    card = report.scorecard
    if card is not None:
        pairs.append(
            ("Vendor grade", f"{card.grade} (score {lb.format_score(card.overall_score)} of 100)")
        )
    open_actions = sum(1 for action in report.actions if action.status in ("open", "in_progress"))
    pairs.append(("Open actions", f"{open_actions} of {len(report.actions)}"))
    return [_keyvalue(pairs)]


def _screening(report: DpiaReport) -> list[Block]:
    screening = report.screening
    out: list[Block] = [
        Para(
            (
                Span("Verdict: ", bold=True),
                Span(
                    f"{lb.label(lb.DPIA_VERDICT, screening.verdict)}: {screening.criteria_met} of "
                    f"{len(screening.criteria)} criteria of the WP248 guidelines are met. Two or "
                    "more criteria mean that a DPIA is required in most cases."
                ),
            )
        )
    ]
    if screening.criteria:
        rows = tuple(
            (
                Cell(criterion.title, note=lb.format_refs(criterion.refs)),
                Cell(
                    {True: "Met", False: "Not met", None: "Not answered"}[criterion.met],
                    bold=bool(criterion.met),
                ),
                Cell(criterion.note),
            )
            for criterion in screening.criteria
        )
        out.append(Table(("Criterion", "Result", "Note"), rows, (0.45, 0.15, 0.40)))
    out.extend(_reasons(screening.reasons))
    if screening.override:
        out.append(Para((Span("Documented decision: ", bold=True), Span(screening.override))))
    return out


def _reasons(reasons: tuple[Reason, ...]) -> list[Block]:
    out: list[Block] = []
    for reason in reasons:
        spans = [Span(reason.text)]
        if reason.refs:
            spans.append(Span(f" ({lb.format_refs(reason.refs)})", italic=True))
        out.append(Para(tuple(spans)))
    return out


def _risks(report: DpiaReport) -> list[Block]:
    out: list[Block] = [
        _note(
            "Each risk is a feared event for the people concerned, rated on the four-point scales "
            "of the CNIL method for its severity and its likelihood, first as things stand "
            "(inherent) and then with the planned measures in place (residual)."
        )
    ]
    if not report.risks:
        out.append(Para.plain("No risks recorded.", "empty"))
        return out
    scale = report.risk_scale
    rows = tuple(
        (
            Cell(risk.risk_id, bold=True),
            Cell(risk.feared_event),
            Cell(_scale(risk.severity, scale.severity_label(risk.severity))),
            Cell(_scale(risk.likelihood, scale.likelihood_label(risk.likelihood))),
            _level_cell(scale, risk.inherent_level),
            _level_cell(scale, risk.residual_level),
        )
        for risk in report.risks
    )
    out.append(
        Table(
            ("ID", "Feared event", "Severity", "Likelihood", "Inherent", "Residual"),
            rows,
            (0.07, 0.39, 0.14, 0.14, 0.13, 0.13),
        )
    )
    out.append(Heading("Risk maps", 2, "risks-maps"))
    severity, likelihood = scale.severity_labels, scale.likelihood_labels
    out.append(
        _note(
            f"Rows: severity from 4 ({severity[-1].lower()}, top) to 1 ({severity[0].lower()}); "
            f"columns: likelihood from 1 ({likelihood[0].lower()}, left) to 4 "
            f"({likelihood[-1].lower()}). Each cell names its level and its risk, or how many "
            "risks it holds; the text under the maps lists the risks of every cell."
        )
    )
    out.append(heat_map(report, residual=False))
    out.append(heat_map(report, residual=True))
    out.append(Heading("Risk details", 2, "risks-details"))
    for risk in report.risks:
        out.append(
            Heading(
                f"{_shorten(risk.risk_id, 20)}. {_shorten(risk.feared_event, 90)}",
                3,
                f"risk-{risk.risk_id}",
            )
        )
        out.append(
            _keyvalue(
                [
                    ("Risk sources", _lines(risk.sources)),
                    ("Impacts on the people concerned", _lines(risk.impacts)),
                    (
                        "Inherent risk",
                        _rating(scale, risk.severity, risk.likelihood, risk.inherent_level),
                    ),
                    ("Measures", _lines(risk.measures)),
                    (
                        "Residual risk",
                        _rating(
                            scale,
                            risk.residual_severity,
                            risk.residual_likelihood,
                            risk.residual_level,
                        ),
                    ),
                ]
            )
        )
    return out


def _lines(items: tuple[str, ...]) -> str:
    return "\n".join(f"• {item}" for item in items) if items else "—"


def _measures(report: DpiaReport) -> list[Block]:
    out = _text_blocks(report.content.measures, "measures")
    out.append(Heading("Action plan", 2, "measures-actions"))
    if not report.actions:
        out.append(Para.plain("No actions recorded.", "empty"))
        return out
    rows = tuple(
        (
            Cell(action.title, note=f"Risk {action.risk_id}" if action.risk_id else ""),
            Cell(action.owner),
            Cell(lb.format_date(action.due)),
            Cell(lb.label(lb.ACTION_STATUS, action.status)),
        )
        for action in report.actions
    )
    out.append(Table(("Action", "Owner", "Due", "Status"), rows, (0.50, 0.20, 0.16, 0.14)))
    return out


def _ai_act(report: DpiaReport) -> list[Block]:
    ai = report.ai_act
    out: list[Block] = [
        _keyvalue(
            [
                ("Risk tier", lb.label(lb.AI_ACT_TIER, ai.tier)),
                ("Our role", lb.label(lb.AI_ACT_ROLE, ai.role)),
            ]
        ),
        Heading("Why this tier", 2, "ai-act-reasons"),
    ]
    out.extend(_reasons(ai.reasons) or [Para.plain(NOT_DOCUMENTED, "empty")])
    out.append(Heading("Obligations and dates", 2, "ai-act-obligations"))
    if not ai.obligations:
        out.append(Para.plain("No obligations follow from this classification.", "empty"))
        return out
    rows = tuple(
        (
            Cell(obligation.title, note=obligation.detail),
            Cell(lb.format_refs(obligation.refs)),
            Cell(lb.format_date(obligation.applies_from)),
        )
        for obligation in ai.obligations
    )
    out.append(Table(("Obligation", "Legal basis", "Applies from"), rows, (0.56, 0.24, 0.20)))
    return out


def _vendor(card: VendorScorecard) -> list[Block]:
    thresholds = ", ".join(
        f"{threshold.grade} from {threshold.min_score:.0f}" for threshold in card.grade_thresholds
    )
    grade = f"{card.grade} (score {lb.format_score(card.overall_score)} of 100)"
    if card.provisional_reason:
        grade += f"; {card.provisional_reason}"
    if card.grade_cap_reason:
        grade += f"; {card.grade_cap_reason}"
    out: list[Block] = [
        _keyvalue(
            [
                (
                    "Inherent risk tier",
                    f"{lb.humanise(card.inherent_tier)}; review {card.review_cadence}",
                ),
                ("Grade", grade),
                ("Grade scale", thresholds),
                (
                    "Basis of the claims",
                    f"{lb.format_share(card.evidence_backed_share)} backed by evidence, "
                    f"{lb.format_share(card.self_attested_share)} self-attested",
                ),
                ("Data processing agreement", lb.label(lb.CONTRACT_STATUS, card.dpa_status)),
                ("Contract", lb.label(lb.CONTRACT_STATUS, card.contract_status)),
                ("Next review", lb.format_date(card.next_review_date)),
            ]
        ),
        BarChart(
            "Domain scores (0 to 100)",
            tuple((domain.title, domain.score) for domain in card.domain_scores),
        ),
    ]
    if card.domain_scores:
        out.append(
            Table(
                ("Domain", "Score", "Questions answered"),
                tuple(
                    (
                        Cell(domain.title),
                        Cell(lb.format_score(domain.score)),
                        Cell(f"{domain.answered} of {domain.total}"),
                    )
                    for domain in card.domain_scores
                ),
                (0.56, 0.16, 0.28),
            )
        )
    out.append(Heading("Findings", 2, "vendor-findings"))
    if not card.findings:
        out.append(Para.plain("No findings.", "empty"))
        return out
    addressed = len(card.findings) - card.open_findings
    out.append(
        _note(
            f"{card.open_findings} open"
            + (f" and {addressed} addressed by a completed action" if addressed else "")
            + ", raised by the answers of the vendor's newest assessments; most severe first."
        )
    )
    out.append(
        Table(
            ("Severity", "Finding", "Domain", "Basis"),
            tuple(
                (
                    Cell(
                        lb.label(lb.SEVERITY, finding.severity), bold=finding.severity == "critical"
                    ),
                    Cell(
                        finding.text,
                        note=finding.question_id
                        + ("" if finding.status == "open" else f" · {lb.humanise(finding.status)}"),
                    ),
                    Cell(finding.domain),
                    Cell("Evidence" if finding.evidence_backed else "Self-attested"),
                )
                for finding in card.findings
            ),
            (0.14, 0.50, 0.18, 0.18),
        )
    )
    return out


def _conclusion(report: DpiaReport) -> list[Block]:
    out = _text_blocks(report.content.conclusion, "conclusion")
    if report.content.prior_consultation_required:
        out.append(
            Para(
                (
                    Span("Prior consultation: ", bold=True),
                    Span(
                        "a high residual risk remains, so the supervisory authority must be "
                        "consulted before the processing starts (GDPR Art. 36(1))."
                    ),
                )
            )
        )
    out.append(Heading("Sign-off", 2, "conclusion-signoff"))
    if not report.sign_offs:
        out.append(Para.plain("Not signed off yet.", "empty"))
        return out
    rows = tuple(
        (
            Cell(sign_off.role, bold=True),
            Cell(sign_off.name),
            Cell(lb.label(lb.DECISION, sign_off.decision)),
            Cell(lb.format_datetime(sign_off.signed_at)),
            Cell(sign_off.statement),
        )
        for sign_off in report.sign_offs
    )
    out.append(
        Table(
            ("Role", "Name", "Decision", "Date", "Statement"), rows, (0.14, 0.18, 0.16, 0.16, 0.36)
        )
    )
    return out


def answer_table(section: AnswerSection) -> Table:
    return Table(
        ("Question", "Answer", "Comment and evidence"),
        tuple(_answer_row(entry) for entry in section.answers),
        (0.36, 0.34, 0.30),
    )


def _answer_row(entry: AnswerEntry) -> tuple[Cell, Cell, Cell]:
    question_note = entry.question_id
    if entry.refs:
        question_note += " · " + lb.format_refs(entry.refs)
    evidence = "\n".join(
        f"Evidence: {item.file_name} ({lb.format_size(item.size_bytes)}), SHA-256 {item.sha256}"
        + (f"; {item.description}" if item.description else "")
        for item in entry.evidence
    )
    answer_note = ""
    if entry.answered_by:
        answer_note = f"{entry.answered_by}, {lb.format_datetime(entry.answered_at)}"
    return (
        Cell(entry.text, note=question_note),
        Cell(entry.answer if entry.answer else "Not answered", note=answer_note),
        Cell(entry.comment, note=evidence),
    )


def _document_control(report: DpiaReport) -> list[Block]:
    meta = report.meta
    audit = report.audit
    return [
        _keyvalue(
            [
                ("Assessment ID", meta.assessment_id),
                ("Questionnaire", f"{meta.form_id} version {meta.form_version}"),
                ("Document version", meta.version),
                ("Created", lb.format_date(meta.created)),
                ("Last changed", lb.format_date(meta.updated)),
                ("Generated", lb.format_datetime(meta.generated_at)),
                ("Classification", meta.classification),
                ("Audit events", str(audit.event_count)),
                (
                    "Audit chain",
                    "Verified: every event's hash matches the chain"
                    if audit.chain_verified
                    else "NOT verified: the audit trail does not match its hash chain",
                ),
                (
                    "Last audit event",
                    f"{lb.format_datetime(audit.last_event_at)} {audit.last_event}".strip(),
                ),
            ]
        )
    ]


def dpia_blocks(report: DpiaReport) -> list[Block]:
    """The whole DPIA document, cover to appendix, in reading order."""
    content = report.content
    number = _Numbering()
    body: list[Block] = []

    def section(title: str, anchor: str, intro: str, blocks: list[Block]) -> None:
        body.append(number.next(title, anchor))
        if intro:
            body.append(_note(intro))
        body.extend(blocks)

    section("Summary", "summary", "", _summary(report))
    section(
        "DPIA screening",
        "screening",
        "Whether this processing needs a DPIA, by the nine criteria of the WP29 guidelines on DPIA "
        "(WP248 rev.01, endorsed by the EDPB).",
        _screening(report),
    )
    section(
        "Description of the processing",
        "description",
        "GDPR Art. 35(7)(a): a systematic description of the processing and its purposes.",
        _text_blocks(content.description, "description"),
    )
    section(
        "Necessity and proportionality",
        "necessity",
        "GDPR Art. 35(7)(b): why the processing is needed for its purposes and kept in proportion.",
        _text_blocks(content.necessity, "necessity"),
    )
    section(
        "Risks to the rights and freedoms of the people concerned",
        "risks",
        "GDPR Art. 35(7)(c).",
        _risks(report),
    )
    section(
        "Measures addressing the risks",
        "measures",
        "GDPR Art. 35(7)(d): safeguards, security measures and mechanisms that protect the data.",
        _measures(report),
    )
    section(
        "Opinion of the data protection officer",
        "dpo-opinion",
        "GDPR Art. 35(2): the controller seeks the advice of the data protection officer.",
        _text_blocks(content.dpo_opinion, "dpo-opinion"),
    )
    section(
        "Views of the people concerned",
        "data-subject-views",
        "GDPR Art. 35(9): the views of data subjects or their representatives, where appropriate.",
        _text_blocks(content.data_subject_views, "data-subject-views"),
    )
    section(
        "EU AI Act classification",
        "ai-act",
        "The risk tier of the AI system under Regulation (EU) 2024/1689 and the duties that follow "
        "for our role, with the dates from which they apply.",
        _ai_act(report),
    )
    if report.scorecard is not None:
        section(
            "Vendor due diligence",
            "vendor",
            "The vendor's scorecard: weighted domain scores, findings and contract status.",
            _vendor(report.scorecard),
        )
    section("Conclusion and sign-off", "conclusion", "", _conclusion(report))

    body.append(PageBreak())
    body.append(Heading("Appendix A. Questionnaire answers", 1, "appendix-answers"))
    body.append(
        _note(
            f"Every question of the questionnaire {report.meta.form_id} {report.meta.form_version} "
            f"as answered ({report.answer_count} answers), with comments and evidence. Evidence "
            "files are kept in the workspace; the SHA-256 hash identifies each file."
        )
    )
    for index, answer_section in enumerate(report.answer_sections, start=1):
        body.extend(_titled(answer_section.title, 2, f"appendix-answers-{index}"))
        body.append(answer_table(answer_section))
    body.append(Heading("Appendix B. Document control", 1, "appendix-control"))
    body.extend(_document_control(report))

    # the same three levels as the Word TOC field (\o "1-3")
    headings = tuple(block for block in body if isinstance(block, Heading) and block.level <= 3)
    return [_cover(report), PageBreak(), TableOfContents(headings), PageBreak(), *body]


def block_texts(blocks: list[Block]) -> list[str]:
    """Every text the blocks show (for tests that compare what writers print)."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Para | Heading):
            texts.append(block.text)
        elif isinstance(block, Table):
            texts.extend(block.header)
            for row in block.rows:
                for cell in row:
                    texts.extend(t for t in (cell.text, cell.note) if t)
        elif isinstance(block, Cover):
            texts.extend([block.title, block.subtitle, block.classification])
            texts.extend(value for pair in block.fields for value in pair)
        elif isinstance(block, HeatMap):
            texts.extend([block.caption, block.summary])
        elif isinstance(block, BarChart):
            texts.append(block.caption)
    return texts
