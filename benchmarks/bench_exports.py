"""Export speed: a 1,200-answer DPIA to DOCX and to PDF, against two baselines in the same run.

Run: ``.venv/bin/python benchmarks/bench_exports.py [--answers N] [--runs N]``.

1. DOCX: ``write_dpia_docx`` (body built as WordprocessingML in bulk) against python-docx
   building the same document the usual way: ``add_heading``/``add_paragraph`` and tables filled
   with ``table.cell(row, column).text = ...``, one cell at a time, from the same template and the
   same blocks. Goal (DESIGN section 11): ours at least 3x faster.
2. PDF: ``write_dpia_pdf`` against LibreOffice converting our DOCX to PDF (``soffice --headless
   --convert-to pdf`` with a private profile, warmed up by one conversion first). Goal: ours at
   least 5x faster. Skipped, with a note, where LibreOffice is not installed.

Times are the best of ``--runs`` runs, wall clock, each including writing the file. Exit code 1
when a goal is missed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dpia_desk.reports import write_dpia_docx, write_dpia_pdf
from dpia_desk.reports.layout import (
    BarChart,
    Cover,
    Heading,
    HeatMap,
    PageBreak,
    Para,
    Table,
    TableOfContents,
    dpia_blocks,
)
from dpia_desk.reports.model import DpiaReport
from dpia_desk.reports.sample import sample_report
from dpia_desk.reports.text import clean_text

GOAL_DOCX = 3.0
GOAL_PDF = 5.0


def best_of(runs: int, action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def docx_cell_by_cell(report: DpiaReport, path: Path) -> None:
    """The baseline: the same blocks through python-docx's public API, cell by cell."""
    import docx

    from dpia_desk.reports.docx_dpia import template_path

    document = docx.Document(str(template_path()))
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}sectPr"):
            continue
        body.remove(child)
    for block in dpia_blocks(report):
        if isinstance(block, Heading):
            document.add_heading(clean_text(block.text), level=block.level)
        elif isinstance(block, Para):
            document.add_paragraph(clean_text(block.text))
        elif isinstance(block, Table):
            columns = len(block.widths)
            rows = len(block.rows) + (1 if block.header else 0)
            table = document.add_table(rows=rows, cols=columns)
            table.style = document.styles["DPIA Table"]
            offset = 0
            if block.header:
                for column, title in enumerate(block.header):
                    table.cell(0, column).text = title
                offset = 1
            for row_index, row in enumerate(block.rows):
                for column, cell in enumerate(row):
                    text = cell.text + ("\n" + cell.note if cell.note else "")
                    table.cell(row_index + offset, column).text = clean_text(text)
        elif isinstance(block, HeatMap):
            table = document.add_table(rows=5, cols=5)
            for row_index, row in enumerate(block.rows):
                for column, heat_cell in enumerate(row):
                    shown = "\n".join(
                        part
                        for part in (heat_cell.headline, heat_cell.ids_text, heat_cell.label)
                        if part
                    )
                    table.cell(row_index, column + 1).text = clean_text(shown)
            document.add_paragraph(clean_text(block.summary))
        elif isinstance(block, BarChart):
            table = document.add_table(rows=len(block.bars), cols=2)
            for row_index, (label, score) in enumerate(block.bars):
                table.cell(row_index, 0).text = label
                table.cell(row_index, 1).text = "" if score is None else f"{score:.0f}"
        elif isinstance(block, Cover):
            document.add_heading(block.title, level=0)
            for key, value in block.fields:
                document.add_paragraph(f"{key}: {value}")
        elif isinstance(block, TableOfContents | PageBreak):
            document.add_page_break()
    document.save(str(path))


def libreoffice_to_pdf(binary: str, source: Path, out_dir: Path, profile: Path) -> Path:
    subprocess.run(
        [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return out_dir / (source.stem + ".pdf")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=1200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    report = sample_report(answer_count=args.answers)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as temp:
        folder = Path(temp)
        ours_docx = folder / "dpia.docx"
        ours_pdf = folder / "dpia.pdf"
        # warm-up: fonts, template and imports are loaded once per process in real use too
        write_dpia_docx(sample_report(), folder / "warm.docx")
        write_dpia_pdf(sample_report(), folder / "warm.pdf")

        docx_time = best_of(args.runs, lambda: write_dpia_docx(report, ours_docx))
        naive_time = best_of(
            max(1, args.runs - 1), lambda: docx_cell_by_cell(report, folder / "naive.docx")
        )
        ratio = naive_time / docx_time
        print(f"answers: {report.answer_count}")
        print(f"DOCX ours (bulk XML):         {docx_time * 1000:8.0f} ms")
        print(f"DOCX python-docx cell by cell: {naive_time * 1000:8.0f} ms")
        verdict = "ok" if ratio >= GOAL_DOCX else "MISSED"
        print(f"DOCX speed-up: {ratio:.1f}x (goal {GOAL_DOCX:.0f}x) {verdict}")
        failures += ratio < GOAL_DOCX

        pdf_time = best_of(args.runs, lambda: write_dpia_pdf(report, ours_pdf))
        print(f"PDF ours (reportlab):          {pdf_time * 1000:8.0f} ms")
        binary = shutil.which("soffice") or shutil.which("libreoffice")
        if binary is None:
            print("PDF baseline skipped: LibreOffice (soffice) is not installed")
            return 1 if failures else 0
        profile = folder / "lo-profile"
        out_dir = folder / "lo"
        libreoffice_to_pdf(binary, folder / "warm.docx", out_dir, profile)  # creates the profile
        lo_time = best_of(
            max(1, args.runs - 1), lambda: libreoffice_to_pdf(binary, ours_docx, out_dir, profile)
        )
        ratio = lo_time / pdf_time
        print(f"PDF LibreOffice from our DOCX: {lo_time * 1000:8.0f} ms")
        verdict = "ok" if ratio >= GOAL_PDF else "MISSED"
        print(f"PDF speed-up: {ratio:.1f}x (goal {GOAL_PDF:.0f}x) {verdict}")
        failures += ratio < GOAL_PDF
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
