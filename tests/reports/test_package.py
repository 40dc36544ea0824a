"""The reports package stays cheap to import and free of Qt."""

from __future__ import annotations

import subprocess
import sys


def test_importing_reports_loads_no_heavy_library() -> None:
    code = (
        "import sys, dpia_desk.reports, dpia_desk.reports.sample, dpia_desk.reports.layout;"
        "heavy = [m for m in ('reportlab', 'docx', 'openpyxl', 'lxml', 'PySide6') "
        "if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_sample_scales_to_the_benchmark_size() -> None:
    from dpia_desk.reports.sample import sample_report

    assert sample_report(answer_count=1200).answer_count == 1200
    assert sample_report(answer_count=3).answer_count == 3
    assert sample_report().answer_count == 18
