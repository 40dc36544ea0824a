"""CLI commands: ``export`` and ``export-portfolio``.

``export ASSESSMENT_ID --format docx|pdf|scorecard-pdf|json --output PATH [--json]``
    writes the DPIA of an assessment as a Word document or a PDF, the one-page vendor scorecard
    as a PDF, or the whole assessment (attachments included) as a dpia_desk exchange file that
    ``import`` reads back. Without ``--format`` the format follows the file name's extension
    (``.docx``, ``.pdf``, ``.json``).
``export-portfolio --format csv|xlsx --output PATH [--json]``
    writes every vendor with its key figures as CSV (UTF-8 with BOM) or an Excel workbook.

Files are written atomically: a failed export leaves no partial file and an existing file as it
was. ``--json`` prints ``{"format", "output", "bytes"}`` (plus ``"assessment_id"`` or
``"vendors"``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dpia_desk.cli.common import add_command, add_json_option, emit_json
from dpia_desk.errors import DpiaDeskError

ASSESSMENT_FORMATS = ("docx", "pdf", "scorecard-pdf", "json")
PORTFOLIO_FORMATS = ("csv", "xlsx")
_BY_SUFFIX = {".docx": "docx", ".pdf": "pdf", ".json": "json", ".csv": "csv", ".xlsx": "xlsx"}


class ExportFormatError(DpiaDeskError):
    def __init__(self, output: Path, choices: tuple[str, ...]) -> None:
        super().__init__(
            f"cannot tell the export format from the file name {output.name!r}",
            hint=f"Add --format ({' | '.join(choices)}).",
        )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = add_command(
        subparsers,
        "export",
        "export an assessment: the DPIA as Word or PDF, the vendor scorecard, or JSON",
    )
    command.add_argument("assessment_id", metavar="ASSESSMENT_ID", help="the assessment's id")
    command.add_argument(
        "--format",
        choices=ASSESSMENT_FORMATS,
        help="docx | pdf (the DPIA), scorecard-pdf (one page), json (exchange file); "
        "default: from the output file's extension",
    )
    command.add_argument(
        "--output", "-o", type=Path, required=True, metavar="PATH", help="the file to write"
    )
    add_json_option(command)
    command.set_defaults(func=run_export)

    portfolio = add_command(
        subparsers,
        "export-portfolio",
        "export every vendor with its key figures as CSV or XLSX",
    )
    portfolio.add_argument(
        "--format", choices=PORTFOLIO_FORMATS, help="csv | xlsx; default: from the extension"
    )
    portfolio.add_argument(
        "--output", "-o", type=Path, required=True, metavar="PATH", help="the file to write"
    )
    add_json_option(portfolio)
    portfolio.set_defaults(func=run_export_portfolio)


def _format(chosen: str | None, output: Path, choices: tuple[str, ...]) -> str:
    if chosen:
        return chosen
    guessed = _BY_SUFFIX.get(output.suffix.lower())
    if guessed not in choices:
        raise ExportFormatError(output, choices)
    return guessed


def run_export(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace

    output: Path = args.output.expanduser()
    kind = _format(args.format, output, ASSESSMENT_FORMATS)
    with open_workspace(args, read_only=True) as workspace, workspace.read_session() as session:
        if kind == "json":
            from dpia_desk.exchange import export_assessment

            export_assessment(session, args.assessment_id, output)
        elif kind == "scorecard-pdf":
            from dpia_desk.reports import write_scorecard_pdf
            from dpia_desk.reports.builder import build_scorecard

            write_scorecard_pdf(build_scorecard(session, args.assessment_id), output)
        else:
            from dpia_desk.reports import write_dpia_docx, write_dpia_pdf
            from dpia_desk.reports.builder import build_report

            report = build_report(session, args.assessment_id, author=workspace.actor)
            writer = write_dpia_docx if kind == "docx" else write_dpia_pdf
            writer(report, output)
    size = output.stat().st_size
    if args.json:
        emit_json(
            {
                "assessment_id": args.assessment_id,
                "format": kind,
                "output": str(output),
                "bytes": size,
            }
        )
        return 0
    print(output)
    return 0


def run_export_portfolio(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.reports import write_portfolio_csv, write_portfolio_xlsx
    from dpia_desk.reports.builder import build_portfolio

    output: Path = args.output.expanduser()
    kind = _format(args.format, output, PORTFOLIO_FORMATS)
    with open_workspace(args, read_only=True) as workspace, workspace.read_session() as session:
        rows = build_portfolio(session)
    writer = write_portfolio_csv if kind == "csv" else write_portfolio_xlsx
    writer(rows, output)
    size = output.stat().st_size
    if args.json:
        emit_json({"format": kind, "output": str(output), "bytes": size, "vendors": len(rows)})
        return 0
    print(output)
    return 0
