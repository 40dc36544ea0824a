"""Hostile text in every free-text field: every export succeeds and says it literally.

"Literally" means: whitespace aside (layout breaks lines anywhere), with the documented
exceptions: characters XML 1.0 forbids become U+FFFD in every format; in PDF, characters that no
available font can draw drop out of the text layer; spreadsheet cells that look like formulas get
a leading apostrophe; XLSX cells stop at Excel's 32,767 characters.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pypdf
import pytest

from dpia_desk.reports import (
    write_dpia_docx,
    write_dpia_pdf,
    write_portfolio_csv,
    write_portfolio_xlsx,
    write_scorecard_pdf,
)
from dpia_desk.reports.model import DpiaReport
from dpia_desk.reports.portfolio import XLSX_CELL_LIMIT
from dpia_desk.reports.sample import HOSTILE_TEXTS, huge_text, sample_portfolio, sample_report
from dpia_desk.reports.text import clean_text, neutralise_formula
from tests.reports.readback import (
    docx_text,
    free_texts,
    hostile_report,
    pdf_body_text,
    pdf_drawable,
    pdf_text,
    replace_strings,
    squash,
    with_huge_answer,
)

CASES = sorted(HOSTILE_TEXTS)


@pytest.fixture(scope="module")
def small_report() -> DpiaReport:
    return sample_report(answer_count=6)


def _no_links_or_images(path: Path) -> None:
    reader = pypdf.PdfReader(str(path))
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            action = annotation.get_object().get("/A")
            assert action is None or "/URI" not in action.get_object(), "user text became a link"
        xobjects = page["/Resources"].get_object().get("/XObject", {})
        for xobject in xobjects.values():
            assert xobject.get_object().get("/Subtype") != "/Image", "user text became an image"


@pytest.mark.parametrize("case", CASES)
def test_docx_keeps_hostile_text_literally(
    tmp_path: Path, small_report: DpiaReport, case: str
) -> None:
    report = hostile_report(small_report, HOSTILE_TEXTS[case])
    path = tmp_path / f"{case}.docx"
    write_dpia_docx(report, path)
    text = squash(docx_text(path))
    missing = [t[:40] for t in free_texts(report) if squash(clean_text(t)) not in text]
    assert missing == []


@pytest.mark.parametrize("case", CASES)
def test_pdf_keeps_hostile_text_literally(
    tmp_path: Path, small_report: DpiaReport, case: str
) -> None:
    report = hostile_report(small_report, HOSTILE_TEXTS[case])
    path = tmp_path / f"{case}.pdf"
    write_dpia_pdf(report, path)
    text = squash(pdf_body_text(path))
    missing = [t[:40] for t in free_texts(report) if squash(pdf_drawable(t)) not in text]
    assert missing == []
    _no_links_or_images(path)


def test_markup_is_printed_not_obeyed(tmp_path: Path, small_report: DpiaReport) -> None:
    report = hostile_report(small_report, HOSTILE_TEXTS["markup"])
    path = tmp_path / "markup.pdf"
    write_dpia_pdf(report, path)
    text = pdf_text(path)
    for literal in ('<img src="/etc/passwd"/>', '<font color="red" size="40">', "</unclosed"):
        assert squash(literal) in squash(text)


def test_codes_can_be_anything_too(tmp_path: Path, small_report: DpiaReport) -> None:
    """Ids, statuses, tiers and levels full of hostile text: still no crash."""
    text = HOSTILE_TEXTS["markup"] + HOSTILE_TEXTS["control"] + HOSTILE_TEXTS["bidi"]
    report = replace_strings(small_report, lambda name, old: text, codes=True)
    write_dpia_docx(report, tmp_path / "codes.docx")
    write_dpia_pdf(report, tmp_path / "codes.pdf")
    assert report.scorecard is not None
    write_scorecard_pdf(report.scorecard, tmp_path / "codes-card.pdf")


@pytest.mark.slow
def test_two_megabytes_in_one_answer(tmp_path: Path, small_report: DpiaReport) -> None:
    huge = huge_text(2_000_000)
    report = with_huge_answer(small_report, huge)
    docx_path, pdf_path = tmp_path / "huge.docx", tmp_path / "huge.pdf"
    write_dpia_docx(report, docx_path)
    write_dpia_pdf(report, pdf_path)
    expected = squash(huge)
    assert expected in squash(docx_text(docx_path))
    assert expected in squash(pdf_body_text(pdf_path))


def test_a_ten_thousand_character_word_wraps_inside_the_page(
    tmp_path: Path, small_report: DpiaReport
) -> None:
    word = HOSTILE_TEXTS["long_word"]
    report = with_huge_answer(small_report, word)
    path = tmp_path / "word.pdf"
    write_dpia_pdf(report, path)
    reader = pypdf.PdfReader(str(path))
    right_edge = float(reader.pages[0].mediabox.width) - 56  # the right margin is 20 mm
    overflow: list[float] = []

    def visitor(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip() and "Rindfleisch" in text:
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            if x > right_edge:
                overflow.append(x)

    for page in reader.pages:
        page.extract_text(visitor_text=visitor)
    assert overflow == []
    assert squash(word) in squash(pdf_body_text(path))


@pytest.mark.parametrize("case", CASES)
def test_spreadsheets_neutralise_formulas_and_keep_text(tmp_path: Path, case: str) -> None:
    text = HOSTILE_TEXTS[case]
    rows = replace_strings(
        tuple(sample_portfolio(2)),
        lambda name, old: text,
    )
    csv_path, xlsx_path = tmp_path / "p.csv", tmp_path / "p.xlsx"
    write_portfolio_csv(rows, csv_path)
    write_portfolio_xlsx(rows, xlsx_path)
    expected = neutralise_formula(text)
    read = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"), newline="")))
    assert read[1][0] == expected
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert sheet is not None
    assert sheet.cell(row=2, column=1).value == expected
    assert sheet.cell(row=2, column=1).data_type == "s"


def test_formula_cells_start_with_an_apostrophe(tmp_path: Path) -> None:
    rows = replace_strings(tuple(sample_portfolio(1)), lambda name, old: "=1+1")
    write_portfolio_xlsx(rows, tmp_path / "f.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    assert sheet is not None
    assert sheet.cell(row=2, column=1).value == "'=1+1"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), (
        "no cell may be a formula"
    )


def test_xlsx_cells_stop_at_excels_limit(tmp_path: Path) -> None:
    rows = replace_strings(tuple(sample_portfolio(1)), lambda name, old: huge_text(100_000))
    write_portfolio_xlsx(rows, tmp_path / "long.xlsx")
    write_portfolio_csv(rows, tmp_path / "long.csv")
    sheet = openpyxl.load_workbook(tmp_path / "long.xlsx").active
    assert sheet is not None
    value = sheet.cell(row=2, column=1).value
    assert isinstance(value, str) and len(value) == XLSX_CELL_LIMIT and value.endswith("…")
    assert huge_text(100_000) in (tmp_path / "long.csv").read_bytes().decode("utf-8-sig")
