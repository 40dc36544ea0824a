"""The Word DPIA: content read back with python-docx, real styles, TOC field, properties."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

from dpia_desk.reports import write_dpia_docx
from dpia_desk.reports.layout import block_texts, dpia_blocks
from dpia_desk.reports.model import DpiaReport
from dpia_desk.reports.sample import sample_report
from dpia_desk.reports.text import clean_text
from tests.reports.readback import docx_text, squash


def test_every_answer_comment_and_evidence_is_in_the_document(
    report: DpiaReport, sample_exports: dict[str, Path]
) -> None:
    text = squash(docx_text(sample_exports["docx"]))
    for section in report.answer_sections:
        assert squash(section.title) in text
        for entry in section.answers:
            for value in (entry.text, entry.answer, entry.comment, entry.question_id):
                assert squash(value) in text, value
            for evidence in entry.evidence:
                assert evidence.sha256 in text
                assert squash(evidence.file_name) in text


def test_the_docx_says_what_the_layout_says(
    report: DpiaReport, sample_exports: dict[str, Path]
) -> None:
    text = squash(docx_text(sample_exports["docx"]))
    missing = [t for t in block_texts(dpia_blocks(report)) if squash(clean_text(t)) not in text]
    assert missing == []


def test_a_1200_answer_appendix_is_complete(tmp_path: Path) -> None:
    from dpia_desk.reports import write_dpia_docx

    big = sample_report(answer_count=1200)
    path = tmp_path / "big.docx"
    write_dpia_docx(big, path)
    document = docx.Document(str(path))
    question_cells = {
        row.cells[0].text.split("\n")[0]
        for table in document.tables
        if table.rows and table.rows[0].cells[0].text == "Question"
        for row in list(table.rows)[1:]
    }
    expected = {entry.text for section in big.answer_sections for entry in section.answers}
    assert expected <= question_cells
    rows = sum(
        len(table.rows) - 1
        for table in document.tables
        if table.rows and table.rows[0].cells[0].text == "Question"
    )
    assert rows == 1200


def test_headings_use_the_templates_heading_styles(sample_exports: dict[str, Path]) -> None:
    document = docx.Document(str(sample_exports["docx"]))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert "1. Summary" in by_style["Heading 1"]
    assert "Appendix A. Questionnaire answers" in by_style["Heading 1"]
    assert "Risk maps" in by_style["Heading 2"]
    assert any(text.startswith("R1. ") for text in by_style["Heading 3"])
    assert by_style["Title"] == ["DPIA: InterviewLens video-interview analysis"]
    # headings carry an outline level through their style, which is what the navigation pane reads
    heading = document.styles["Heading 1"].element
    assert heading.find(qn("w:pPr")).find(qn("w:outlineLvl")) is not None


def test_tables_use_the_template_table_styles(sample_exports: dict[str, Path]) -> None:
    document = docx.Document(str(sample_exports["docx"]))
    styles = {table.style.name for table in document.tables if table.style is not None}
    assert {"DPIA Table", "DPIA Key Value", "DPIA Heat Map"} <= styles


def test_toc_field_and_update_on_open(sample_exports: dict[str, Path]) -> None:
    with zipfile.ZipFile(sample_exports["docx"]) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        settings = archive.read("word/settings.xml").decode("utf-8")
    assert 'TOC \\o "1-3" \\h \\z \\u' in body
    assert 'w:fldCharType="begin" w:dirty="true"' in body
    assert "PAGEREF _Toc" in body
    assert '<w:updateFields w:val="true"/>' in settings


def test_header_and_footer_carry_id_classification_and_page_x_of_y(
    report: DpiaReport, sample_exports: dict[str, Path]
) -> None:
    document = docx.Document(str(sample_exports["docx"]))
    section = document.sections[0]
    footer_xml = section.footer._element.xml
    assert report.meta.assessment_id in footer_xml
    assert "Confidential" in footer_xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    assert "Confidential" in section.header._element.xml
    assert section.different_first_page_header_footer


def test_document_properties(report: DpiaReport, sample_exports: dict[str, Path]) -> None:
    props = docx.Document(str(sample_exports["docx"])).core_properties
    assert props.title == report.meta.title
    assert props.author == report.meta.author
    assert props.subject == report.meta.subject
    assert "GDPR Art. 35" in props.keywords
    assert props.identifier == report.meta.assessment_id


def test_cover_page_comes_first(report: DpiaReport, sample_exports: dict[str, Path]) -> None:
    document = docx.Document(str(sample_exports["docx"]))
    cover_table = document.tables[0]
    cover = {row.cells[0].text: row.cells[1].text for row in cover_table.rows}
    assert cover["Vendor"] == report.meta.vendor_name
    assert cover["AI system"] == report.meta.system_name
    assert cover["Status"] == "In review"
    assert cover["Document version"] == report.meta.version
    assert cover["Date"] == "14 March 2026"
    assert any(
        p.text == "Confidential" and p.style.name == "Classification" for p in document.paragraphs
    )


def test_newlines_become_line_breaks(tmp_path: Path, report: DpiaReport) -> None:
    from dpia_desk.reports import write_dpia_docx
    from tests.reports.readback import with_huge_answer

    path = tmp_path / "lines.docx"
    write_dpia_docx(with_huge_answer(report, "first line\nsecond line"), path)
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    first, second = (f'<w:t xml:space="preserve">{t}</w:t>' for t in ("first line", "second line"))
    assert f"{first}<w:br/>{second}" in body


def _keeps_with_next(paragraph: docx.text.paragraph.Paragraph) -> bool:
    """keepNext set on the paragraph or inherited from its style chain."""
    if paragraph.paragraph_format.keep_with_next:
        return True
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.keep_with_next:
            return True
        style = style.base_style
    return False


def test_headings_and_notes_keep_with_what_follows(sample_exports: dict[str, Path]) -> None:
    """Word and LibreOffice never end a page with a heading or an introducing note."""
    document = docx.Document(str(sample_exports["docx"]))
    checked = 0
    for paragraph in document.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name.startswith("Heading") or (name == "Note" and paragraph.text.startswith("GDPR")):
            assert _keeps_with_next(paragraph), paragraph.text
            checked += 1
    assert checked > 20


def test_heat_maps_count_crowded_cells_and_list_every_risk(tmp_path: Path) -> None:
    base = sample_report(answer_count=4)
    crowded = tuple(
        dataclasses.replace(
            base.risks[index % len(base.risks)],
            risk_id=f"R{index + 1}",
            residual_severity=2,
            residual_likelihood=2,
            residual_level="low",
        )
        for index in range(5)
    )
    report = dataclasses.replace(base, risks=crowded)
    target = tmp_path / "crowded.docx"
    write_dpia_docx(report, target)
    text = squash(docx_text(target))
    assert squash("5 risks") in text and squash("R1, R2, R3, R4, R5") in text
    assert squash("severity 2, likelihood 2 (Low): R1, R2, R3, R4, R5") in text
    xml = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert "very_high" not in xml and "Very high" not in xml


def test_short_tables_stay_on_one_page_and_long_ones_may_break(tmp_path: Path) -> None:
    target = tmp_path / "big.docx"
    write_dpia_docx(sample_report(answer_count=120), target)
    document = docx.Document(str(target))

    def kept_rows(table: docx.table.Table) -> list[bool]:
        return [
            all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)
            for row in table.rows
        ]

    risk_details = [t for t in document.tables if t.rows[0].cells[0].text == "Risk sources"]
    assert risk_details
    for table in risk_details:  # every row but the last keeps with the next: never split
        assert kept_rows(table) == [True] * (len(table.rows) - 1) + [False]
    appendix = max(document.tables, key=lambda t: len(t.rows))
    assert len(appendix.rows) > 60
    # a long table breaks between rows; only its (repeated) header row keeps with the first row
    assert kept_rows(appendix)[0] and not any(kept_rows(appendix)[1:])
