"""Exports: one report model, rendered by separate writers so that Word and PDF say the same thing.

Building the model from a workspace: :func:`build_report`, :func:`build_scorecard` and
:func:`build_portfolio` take an open session (``workspace.read_session()``).

Public entry points (each writes atomically and raises :class:`ExportError` with a clear message
when the file cannot be written; ``progress(done, total)`` may raise :class:`ExportCancelled`):

* :func:`write_dpia_docx` and :func:`write_dpia_pdf`: the DPIA document;
* :func:`write_scorecard_pdf`: the one-page vendor scorecard;
* :func:`write_portfolio_csv` and :func:`write_portfolio_xlsx`: the vendor portfolio.

Importing this package is cheap: reportlab, python-docx and openpyxl are imported by the writer
modules, which are imported only when a writer is called.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from dpia_desk.reports.errors import ExportCancelled, ExportError, ProgressCallback
from dpia_desk.reports.model import (
    ActionItem,
    AiActClassification,
    AnswerEntry,
    AnswerSection,
    AuditSummary,
    DomainScore,
    DpiaContent,
    DpiaReport,
    DpiaScreening,
    EvidenceRef,
    Finding,
    GradeThreshold,
    Obligation,
    PortfolioRow,
    Reason,
    ReportMeta,
    Risk,
    RiskScale,
    RiskScaleLevel,
    ScreeningCriterion,
    SignOff,
    TextBlock,
    VendorScorecard,
    rules_risk_scale,
)

if TYPE_CHECKING:  # SQLAlchemy only for the annotation; importing reports stays light
    from sqlalchemy.orm import Session

__all__ = [
    "ActionItem",
    "AiActClassification",
    "AnswerEntry",
    "AnswerSection",
    "AuditSummary",
    "DomainScore",
    "DpiaContent",
    "DpiaReport",
    "DpiaScreening",
    "EvidenceRef",
    "ExportCancelled",
    "ExportError",
    "Finding",
    "GradeThreshold",
    "Obligation",
    "PortfolioRow",
    "ProgressCallback",
    "Reason",
    "ReportMeta",
    "Risk",
    "RiskScale",
    "RiskScaleLevel",
    "ScreeningCriterion",
    "SignOff",
    "TextBlock",
    "VendorScorecard",
    "build_portfolio",
    "build_report",
    "build_scorecard",
    "rules_risk_scale",
    "write_dpia_docx",
    "write_dpia_pdf",
    "write_portfolio_csv",
    "write_portfolio_xlsx",
    "write_scorecard_pdf",
]


def build_report(session: Session, assessment_id: str, *, author: str = "") -> DpiaReport:
    """The report model of an assessment in an open workspace session (see .builder)."""
    from dpia_desk.reports.builder import build_report as build

    return build(session, assessment_id, author=author)


def build_scorecard(session: Session, assessment_id: str) -> VendorScorecard:
    """The scorecard of the vendor (and AI system) an assessment is about."""
    from dpia_desk.reports.builder import build_scorecard as build

    return build(session, assessment_id)


def build_portfolio(session: Session) -> list[PortfolioRow]:
    """Every vendor of the workspace as a portfolio row."""
    from dpia_desk.reports.builder import build_portfolio as build

    return build(session)


def write_dpia_docx(
    report: DpiaReport, path: Path | str, progress: ProgressCallback | None = None
) -> None:
    """The DPIA as an editable Word document (styles from resources/templates/reference.docx)."""
    from dpia_desk.reports.docx_dpia import write_dpia_docx as write

    write(report, path, progress)


def write_dpia_pdf(
    report: DpiaReport, path: Path | str, progress: ProgressCallback | None = None
) -> None:
    """The DPIA as a PDF with the same content as the Word document."""
    from dpia_desk.reports.pdf_dpia import write_dpia_pdf as write

    write(report, path, progress)


def write_scorecard_pdf(card: VendorScorecard, path: Path | str) -> None:
    """The one-page A4 vendor scorecard for procurement."""
    from dpia_desk.reports.pdf_scorecard import write_scorecard_pdf as write

    write(card, path)


def write_portfolio_csv(rows: Iterable[PortfolioRow], path: Path | str) -> None:
    """The vendor portfolio as CSV (UTF-8 with BOM; see dpia_desk.reports.portfolio)."""
    from dpia_desk.reports.portfolio import write_portfolio_csv as write

    write(rows, path)


def write_portfolio_xlsx(rows: Iterable[PortfolioRow], path: Path | str) -> None:
    """The vendor portfolio as an Excel workbook."""
    from dpia_desk.reports.portfolio import write_portfolio_xlsx as write

    write(rows, path)
