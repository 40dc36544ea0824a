"""LibreOffice opens our DOCX: it converts to PDF without error and the page count is plausible.

Skipped where LibreOffice is not installed (CI installs it). Each conversion uses a private,
throwaway LibreOffice profile, never the user's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dpia_desk.reports import write_dpia_docx
from dpia_desk.reports.model import DpiaReport
from dpia_desk.reports.sample import HOSTILE_TEXTS, sample_report
from tests.reports.readback import (
    convert_with_libreoffice,
    hostile_report,
    page_count,
    pdf_text,
    soffice,
    squash,
    with_huge_answer,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed"),
]


def test_libreoffice_converts_the_sample(
    tmp_path: Path, report: DpiaReport, sample_exports: dict[str, Path]
) -> None:
    converted = convert_with_libreoffice(sample_exports["docx"], tmp_path, tmp_path / "profile")
    ours = page_count(sample_exports["pdf"])
    theirs = page_count(converted)
    # Word-processor layout differs from ours, but not by a factor of two.
    assert ours / 2 <= theirs <= ours * 2, (ours, theirs)
    text = squash(pdf_text(converted))
    for entry in report.answer_sections[0].answers:
        assert squash(entry.answer) in text


def test_libreoffice_converts_a_1200_answer_dpia(tmp_path: Path) -> None:
    source = tmp_path / "big.docx"
    write_dpia_docx(sample_report(answer_count=1200), source)
    converted = convert_with_libreoffice(source, tmp_path, tmp_path / "profile")
    assert 60 <= page_count(converted) <= 400


def test_libreoffice_opens_hostile_text(tmp_path: Path) -> None:
    # The 10,000-character word goes in once: LibreOffice takes minutes to lay it out in the
    # ~200 fields of a fully hostile report, which says nothing more about our file.
    everything = " ".join(text for key, text in sorted(HOSTILE_TEXTS.items()) if key != "long_word")
    report = with_huge_answer(
        hostile_report(sample_report(answer_count=6), everything), HOSTILE_TEXTS["long_word"]
    )
    source = tmp_path / "hostile.docx"
    write_dpia_docx(report, source)
    converted = convert_with_libreoffice(source, tmp_path, tmp_path / "profile")
    assert page_count(converted) >= 10
