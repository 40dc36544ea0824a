"""Exports of the sample report, written once per test session (they are read, never changed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpia_desk.reports import write_dpia_docx, write_dpia_pdf, write_scorecard_pdf
from dpia_desk.reports.model import DpiaReport
from dpia_desk.reports.sample import sample_report, sample_scorecard


@pytest.fixture(scope="session")
def report() -> DpiaReport:
    return sample_report()


@pytest.fixture(scope="session")
def sample_exports(tmp_path_factory: pytest.TempPathFactory, report: DpiaReport) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    paths = {
        "docx": folder / "dpia.docx",
        "pdf": folder / "dpia.pdf",
        "scorecard": folder / "scorecard.pdf",
    }
    write_dpia_docx(report, paths["docx"])
    write_dpia_pdf(report, paths["pdf"])
    write_scorecard_pdf(sample_scorecard(), paths["scorecard"])
    return paths
