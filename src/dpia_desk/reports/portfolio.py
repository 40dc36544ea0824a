"""The vendor portfolio as CSV and XLSX, for procurement's spreadsheets.

Decisions (also in docs/exports/README.md):

* CSV is UTF-8 **with** a byte-order mark, comma-separated, CRLF line ends, every text field
  quoted when needed (RFC 4180). The BOM is what makes Excel on Windows read accents correctly
  when the file is double-clicked; LibreOffice, pandas (``encoding="utf-8-sig"``) and Python's csv
  module read it too.
* Both formats show labels ("High risk", "DPIA required"), dates as ISO ``YYYY-MM-DD`` (sortable),
  scores as numbers and counts as integers. XLSX stores dates as real dates and numbers as numbers.
* Formula injection: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a line
  break gets an apostrophe in front, in both formats (see ``dpia_desk.reports.text``).
* XLSX cells hold at most 32,767 characters (Excel's limit); longer texts are cut there and end
  with "…". CSV keeps everything.

openpyxl is imported only when an XLSX is written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from dpia_desk import __version__
from dpia_desk.atomic_write import atomic_write
from dpia_desk.reports import labels as lb
from dpia_desk.reports.errors import export_error
from dpia_desk.reports.model import PortfolioRow
from dpia_desk.reports.text import neutralise_formula

XLSX_CELL_LIMIT = 32_767

Value = str | float | int | date | None

#: How the "Provisional" column names the figures that may still move.
_PROVISIONAL_WORDS = {"tier": "AI Act tier", "verdict": "DPIA", "grade": "grade"}

#: (header, how to get the value) in column order
COLUMNS: tuple[tuple[str, Callable[[PortfolioRow], Value]], ...] = (
    ("Vendor", lambda row: row.vendor_name),
    ("Country", lambda row: row.country),
    ("AI system", lambda row: row.ai_system),
    ("Inherent risk tier", lambda row: lb.humanise(row.inherent_tier) if row.inherent_tier else ""),
    ("EU AI Act tier", lambda row: _label(lb.AI_ACT_TIER, row.ai_act_tier)),
    ("DPIA", lambda row: _label(lb.DPIA_VERDICT, row.dpia_verdict)),
    ("Grade", lambda row: row.grade),
    (
        "Overall score",
        lambda row: None if row.overall_score is None else round(row.overall_score, 1),
    ),
    ("Open findings", lambda row: row.open_findings),
    ("Critical findings", lambda row: row.critical_findings),
    ("DPA status", lambda row: _label(lb.CONTRACT_STATUS, row.dpa_status)),
    ("Contract status", lambda row: _label(lb.CONTRACT_STATUS, row.contract_status)),
    ("Next review", lambda row: row.next_review_date),
    ("Provisional", lambda row: ", ".join(_PROVISIONAL_WORDS.get(k, k) for k in row.provisional)),
)

_WIDTHS = (34, 16, 30, 18, 30, 30, 8, 14, 14, 16, 18, 18, 14, 24)


def _label(table: dict[str, str], value: str) -> str:
    return table.get(value, lb.humanise(value)) if value else ""


def _text(value: Value) -> str:
    """The CSV form of one value."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, int):
        return str(value)
    return neutralise_formula(value)


def portfolio_csv_text(rows: Iterable[PortfolioRow]) -> str:
    """The CSV document (without the BOM, which the writer adds)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header for header, _ in COLUMNS])
    for row in rows:
        writer.writerow([_text(get(row)) for _, get in COLUMNS])
    return buffer.getvalue()


def write_portfolio_csv(rows: Iterable[PortfolioRow], path: Path | str) -> None:
    """Writes the portfolio as CSV (UTF-8 with BOM) to ``path``, atomically."""
    data = portfolio_csv_text(rows).encode("utf-8-sig")
    with atomic_write(path, failure=export_error) as handle:
        handle.write(data)


def write_portfolio_xlsx(rows: Iterable[PortfolioRow], path: Path | str) -> None:
    """Writes the portfolio as an Excel workbook to ``path``, atomically."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    workbook.properties.title = "Vendor portfolio"
    workbook.properties.creator = f"dpia_desk {__version__}"
    sheet = workbook.create_sheet("Portfolio")
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="D9DEE5")
    wrap = Alignment(vertical="top", wrap_text=False)
    header = []
    for title, _ in COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        cell.fill = fill
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        values = []
        for _, get in COLUMNS:
            value = get(row)
            cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(value, float):
                cell.number_format = "0.0"
            elif isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever openpyxl guesses
                cell.alignment = wrap
            values.append(cell)
        sheet.append(values)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    with atomic_write(path, failure=export_error) as handle:
        handle.write(buffer.getvalue())


def _xlsx_value(value: Value) -> Value:
    if not isinstance(value, str):
        return value
    text = neutralise_formula(value)
    if len(text) > XLSX_CELL_LIMIT:
        text = text[: XLSX_CELL_LIMIT - 1] + "…"
    return text
