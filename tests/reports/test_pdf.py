"""The PDF DPIA: same content as the layout, embedded font, metadata, outline, TOC, qpdf."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from dpia_desk.reports import write_dpia_pdf
from dpia_desk.reports.layout import (
    BarChart,
    HeatMap,
    TableOfContents,
    block_texts,
    dpia_blocks,
)
from dpia_desk.reports.model import DpiaReport
from dpia_desk.reports.sample import sample_report
from tests.reports.readback import (
    pdf_drawable,
    pdf_page_bodies,
    pdf_text,
    squash,
    stranded_leads,
)


def _fonts(reader: pypdf.PdfReader) -> dict[str, pypdf.generic.DictionaryObject]:
    fonts: dict[str, pypdf.generic.DictionaryObject] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for font in resources.get_object().get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


def test_every_answer_comment_and_evidence_is_in_the_pdf(
    report: DpiaReport, sample_exports: dict[str, Path]
) -> None:
    text = squash(pdf_text(sample_exports["pdf"]))
    for section in report.answer_sections:
        for entry in section.answers:
            for value in (entry.text, entry.answer, entry.comment, entry.question_id):
                assert squash(pdf_drawable(value)) in text, value
            for evidence in entry.evidence:
                assert evidence.sha256 in text


def test_the_pdf_says_what_the_docx_says(
    report: DpiaReport, sample_exports: dict[str, Path]
) -> None:
    """Both writers render the same blocks; every text of them is in the PDF."""
    blocks = [
        b for b in dpia_blocks(report) if not isinstance(b, TableOfContents | HeatMap | BarChart)
    ]
    text = squash(pdf_text(sample_exports["pdf"]))
    missing = [t for t in block_texts(blocks) if squash(pdf_drawable(t)) not in text]
    assert missing == []


def test_the_font_is_embedded(sample_exports: dict[str, Path]) -> None:
    reader = pypdf.PdfReader(str(sample_exports["pdf"]))
    fonts = _fonts(reader)
    dejavu = [font for name, font in fonts.items() if "DejaVuSans" in name]
    assert dejavu, f"fonts used: {sorted(fonts)}"
    for font in dejavu:
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # the TrueType program itself is in the file
    assert not any(name.endswith(("Helvetica", "Times-Roman")) for name in fonts)


def test_accents_polish_greek_cyrillic_quotes_and_euro_print(
    tmp_path: Path, report: DpiaReport
) -> None:
    from dataclasses import replace

    from dpia_desk.reports import write_dpia_pdf

    sample = "Zażółć gęślą jaźń · Straße · Ελληνικά · Кириллица · „Anführung“ ‘single’ · €1.234,56"
    meta = replace(report.meta, vendor_name=sample)
    path = tmp_path / "letters.pdf"
    write_dpia_pdf(replace(report, meta=meta), path)
    assert squash(sample) in squash(pdf_text(path))


def test_metadata(report: DpiaReport, sample_exports: dict[str, Path]) -> None:
    info = pypdf.PdfReader(str(sample_exports["pdf"])).metadata
    assert info is not None
    assert info.title == report.meta.title
    assert info.author == report.meta.author
    assert info.subject == report.meta.subject
    assert "GDPR Art. 35" in str(info.get("/Keywords"))
    assert str(info.creator).startswith("dpia_desk")


def _outline_titles(items: list) -> list[str]:  # type: ignore[type-arg]
    titles: list[str] = []
    for item in items:
        if isinstance(item, list):
            titles.extend(_outline_titles(item))
        else:
            titles.append(item.title)
    return titles


def test_outline_has_an_entry_per_section(sample_exports: dict[str, Path]) -> None:
    reader = pypdf.PdfReader(str(sample_exports["pdf"]))
    titles = _outline_titles(reader.outline)
    for expected in (
        "Contents",
        "1. Summary",
        "3. Description of the processing",
        "5. Risks to the rights and freedoms of the people concerned",
        "Risk maps",
        "9. EU AI Act classification",
        "11. Conclusion and sign-off",
        "Appendix A. Questionnaire answers",
        "Appendix B. Document control",
    ):
        assert expected in titles


def test_toc_has_page_numbers_and_links(sample_exports: dict[str, Path]) -> None:
    reader = pypdf.PdfReader(str(sample_exports["pdf"]))
    toc_page = reader.pages[1]
    text = toc_page.extract_text()
    assert "Contents" in text
    links = [a.get_object() for a in toc_page.get("/Annots", [])]
    internal = [a for a in links if a.get("/Subtype") == "/Link" and "/Dest" in a]
    assert len(internal) >= 12
    # The summary starts on page 3: the TOC says so (numbers are filled in at the end).
    lines = [line for line in text.splitlines() if line.strip()]
    summary = next(i for i, line in enumerate(lines) if line.startswith("1. Summary"))
    assert "3" in " ".join(lines[summary : summary + 3]).split()


def test_footer_says_page_x_of_y(sample_exports: dict[str, Path], report: DpiaReport) -> None:
    reader = pypdf.PdfReader(str(sample_exports["pdf"]))
    total = len(reader.pages)
    last = squash(reader.pages[-1].extract_text())
    assert f"Page{total}of{total}" in last
    assert squash(report.meta.assessment_id) in last


def test_sections_come_in_the_art_35_7_order(sample_exports: dict[str, Path]) -> None:
    text = pdf_text(sample_exports["pdf"])
    body = text[text.index("Appendix B. Document control") :]  # after the TOC
    del body
    order = [
        "Description of the processing",
        "Necessity and proportionality",
        "Risks to the rights and freedoms",
        "Measures addressing the risks",
        "Opinion of the data protection officer",
        "Views of the people concerned",
        "EU AI Act classification",
        "Conclusion and sign-off",
        "Appendix A. Questionnaire answers",
    ]
    after_toc = text[text.index("1. Summary", text.index("Appendix B. Document control")) :]
    positions = [after_toc.index(title) for title in order]
    assert positions == sorted(positions)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_check_passes(sample_exports: dict[str, Path]) -> None:
    for key in ("pdf", "scorecard"):
        result = subprocess.run(
            ["qpdf", "--check", str(sample_exports[key])],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_1200_answer_pdf_holds_every_question(tmp_path: Path) -> None:
    from dpia_desk.reports import write_dpia_pdf

    big = sample_report(answer_count=1200)
    path = tmp_path / "big.pdf"
    write_dpia_pdf(big, path)
    text = squash(pdf_text(path))
    ids = [entry.question_id for section in big.answer_sections for entry in section.answers]
    assert len(ids) == 1200
    assert all(question_id in text for question_id in ids)


def _shifted(report: DpiaReport, lines: int) -> DpiaReport:
    """The report with ``lines`` more lines of text early on: every later block moves down."""
    first = report.content.description[0]
    text = first.text + "".join(f"\nExtra line {n}." for n in range(lines))
    content = dataclasses.replace(
        report.content,
        description=(dataclasses.replace(first, text=text), *report.content.description[1:]),
    )
    return dataclasses.replace(report, content=content)


def test_no_page_ends_with_a_heading_or_an_introducing_note(tmp_path: Path) -> None:
    """Wherever the page breaks fall, a heading (or a run of headings and notes) stays with the
    start of what follows, also when that is a long table, a chart or a risk map."""
    base = sample_report(answer_count=40)
    stranded = {}
    for lines in range(0, 64):  # 64 lines of 12.5 pt: the breaks sweep more than a page
        report = _shifted(base, lines)
        target = tmp_path / f"shift-{lines}.pdf"
        write_dpia_pdf(report, target)
        found = stranded_leads(target, dpia_blocks(report))
        if found:
            stranded[lines] = found
    assert stranded == {}


def test_headings_do_not_leave_half_pages_empty(tmp_path: Path) -> None:
    """A heading before a table longer than the rest of the page starts the table on the same
    page (keepWithNext would move both, leaving the page half empty)."""
    report = sample_report(answer_count=300)
    target = tmp_path / "big.pdf"
    write_dpia_pdf(report, target)
    bodies = pdf_page_bodies(target)
    # the appendix: every page is full of answers; no page holds only a few lines
    appendix = next(
        n for n, lines in enumerate(bodies) if "Appendix A. Questionnaire answers" in lines
    )
    for lines in bodies[appendix + 1 : -2]:
        assert len(lines) > 25, lines


def test_heat_maps_name_every_risk_of_every_cell_in_the_text_layer(tmp_path: Path) -> None:
    """Crowded cells show a count; the text under the maps names each cell's risks."""
    base = sample_report(answer_count=4)
    crowded = tuple(
        dataclasses.replace(
            base.risks[index % len(base.risks)],
            risk_id=f"R{index + 1}",
            severity=3,
            likelihood=3,
            inherent_level="high",
        )
        for index in range(9)
    )
    report = dataclasses.replace(base, risks=crowded)
    target = tmp_path / "crowded.pdf"
    write_dpia_pdf(report, target)
    text = squash(pdf_text(target))
    assert "9risks" in text
    ids = ", ".join(f"R{n}" for n in range(1, 10))
    assert squash(f"severity 3, likelihood 3 (High): {ids}") in text
    for heat in (b for b in dpia_blocks(report) if isinstance(b, HeatMap)):
        assert squash(heat.summary) in text


def test_levels_and_their_names_come_from_the_scoring_rules(
    report: DpiaReport, sample_exports: dict[str, Path]
) -> None:
    from dpia_desk.scoring import load_rules

    rules = load_rules().dpia
    scale = report.risk_scale
    assert [level.level for level in scale.levels] == sorted(
        rules.levels, key=lambda name: rules.levels[name].rank
    )
    assert [level.label for level in scale.levels] == [
        rules.levels[level.level].label for level in scale.levels
    ]
    assert scale.matrix == tuple(tuple(rules.matrix[point]) for point in range(1, 5))
    text = pdf_text(sample_exports["pdf"])
    assert "Very high" not in text and "very_high" not in text
    for level in scale.levels:
        assert level.label in text


def test_a_level_the_rules_do_not_know_is_shown_not_lost(tmp_path: Path) -> None:
    """Older data may carry a level the rules dropped: it is named and drawn neutral."""
    base = sample_report(answer_count=4)
    old = dataclasses.replace(base.risks[0], inherent_level="very_high")
    report = dataclasses.replace(base, risks=(old, *base.risks[1:]))
    target = tmp_path / "old-level.pdf"
    write_dpia_pdf(report, target)
    assert "Very high" in pdf_text(target)
