"""The PDF DPIA: same content as the layout, embedded font, metadata, outline, TOC, qpdf."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from dpia_desk.reports.layout import (
    BarChart,
    HeatMap,
    TableOfContents,
    block_texts,
    dpia_blocks,
)
from dpia_desk.reports.model import DpiaReport
from dpia_desk.reports.sample import sample_report
from tests.reports.readback import pdf_drawable, pdf_text, squash


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
