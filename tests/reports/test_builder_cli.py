"""The report builder on the demo workspace, and the ``export`` / ``export-portfolio`` commands."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from dpia_desk.cli import main
from dpia_desk.reports.model import DpiaReport
from dpia_desk.scoring import load_rules
from dpia_desk.store import Passphrase, Workspace
from dpia_desk.store.models import Assessment
from tests.reports.readback import docx_text, page_count, pdf_text, squash

PASSPHRASE = "reports-test-passphrase"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("demo")
    secret = folder / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    workspace = folder / "demo.dpia"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--workspace", str(workspace), "--passphrase-file", str(secret), "demo"]) == 0
    yield workspace, secret


def _cli(demo: tuple[Path, Path], *args: str) -> tuple[int, str]:
    workspace, secret = demo
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*args, "--workspace", str(workspace), "--passphrase-file", str(secret)])
    return code, out.getvalue()


def _dpia_assessments(demo: tuple[Path, Path]) -> list[str]:
    opened = Workspace.open(demo[0], Passphrase(PASSPHRASE), read_only=True)
    with opened as workspace, workspace.read_session() as session:
        rows = session.query(Assessment).filter(Assessment.form_id == "dpia").all()
        return [row.id for row in rows]


def _report(demo: tuple[Path, Path], assessment_id: str) -> DpiaReport:
    from dpia_desk.reports.builder import build_report

    opened = Workspace.open(demo[0], Passphrase(PASSPHRASE), read_only=True)
    with opened as workspace, workspace.read_session() as session:
        return build_report(session, assessment_id, author="tester")


def test_the_builder_gathers_the_related_results(demo: tuple[Path, Path]) -> None:
    ids = _dpia_assessments(demo)
    assert ids, "the demo workspace has DPIA assessments"
    report = _report(demo, ids[0])
    assert report.meta.assessment_id == ids[0]
    assert report.answer_count > 20
    assert report.ai_act.tier in {"prohibited", "high", "limited", "minimal", "out_of_scope"}
    assert report.screening.verdict and report.screening.criteria
    assert report.risks and all(1 <= risk.severity <= 4 for risk in report.risks)
    scale = report.risk_scale
    assert len(scale.matrix) == 4 and all(len(row) == 4 for row in scale.matrix)
    # the documents know exactly the levels the scoring rules have, lowest first
    rules = load_rules().dpia
    assert [level.level for level in scale.levels] == sorted(
        rules.levels, key=lambda name: rules.levels[name].rank
    )
    assert {risk.inherent_level for risk in report.risks} <= set(rules.levels)
    assert {risk.residual_level for risk in report.risks} <= set(rules.levels)
    assert report.content.description and report.content.necessity
    assert report.audit.event_count > 0 and report.audit.chain_verified
    assert report.scorecard is not None and report.scorecard.domain_scores


def test_export_docx_and_pdf_hold_every_answer(demo: tuple[Path, Path], tmp_path: Path) -> None:
    assessment_id = _dpia_assessments(demo)[0]
    report = _report(demo, assessment_id)
    docx_path, pdf_path = tmp_path / "dpia.docx", tmp_path / "dpia.pdf"
    code, out = _cli(demo, "export", assessment_id, "--output", str(docx_path))
    assert code == 0 and out.strip() == str(docx_path)
    code, out = _cli(
        demo, "export", assessment_id, "--format", "pdf", "-o", str(pdf_path), "--json"
    )
    assert code == 0
    document = json.loads(out)
    assert document["format"] == "pdf" and document["bytes"] == pdf_path.stat().st_size
    in_docx, in_pdf = squash(docx_text(docx_path)), squash(pdf_text(pdf_path))
    for section in report.answer_sections:
        for entry in section.answers:
            for value in (entry.answer, entry.comment):
                assert squash(value) in in_docx
                assert squash(value) in in_pdf


def test_export_scorecard_and_json(demo: tuple[Path, Path], tmp_path: Path) -> None:
    assessment_id = _dpia_assessments(demo)[0]
    card = tmp_path / "card.pdf"
    code, _ = _cli(demo, "export", assessment_id, "--format", "scorecard-pdf", "-o", str(card))
    assert code == 0 and page_count(card) == 1
    exchange = tmp_path / "dpia.json"
    code, _ = _cli(demo, "export", assessment_id, "-o", str(exchange))
    assert code == 0
    assert json.loads(exchange.read_text(encoding="utf-8"))["format"] == "dpia_desk.assessment"


def test_export_portfolio(demo: tuple[Path, Path], tmp_path: Path) -> None:
    csv_path, xlsx_path = tmp_path / "p.csv", tmp_path / "p.xlsx"
    code, out = _cli(demo, "export-portfolio", "-o", str(csv_path), "--json")
    assert code == 0
    vendors = json.loads(out)["vendors"]
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    assert rows[0][:3] == ["Vendor", "Country", "AI system"]
    assert len(rows) == vendors + 1
    code, _ = _cli(demo, "export-portfolio", "--format", "xlsx", "-o", str(xlsx_path))
    assert code == 0
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert sheet is not None and sheet.max_row == vendors + 1
    assert zipfile.is_zipfile(xlsx_path)


def test_export_errors_are_one_line(
    demo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assessment_id = _dpia_assessments(demo)[0]
    assert _cli(demo, "export", assessment_id, "-o", str(tmp_path / "x.txt"))[0] == 1
    assert "--format" in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "x.pdf"
    assert _cli(demo, "export", assessment_id, "-o", str(missing))[0] == 1
    assert "does not exist" in capsys.readouterr().err
    assert _cli(demo, "export", "not-an-id", "-o", str(tmp_path / "x.pdf"))[0] == 1
    assert not (tmp_path / "x.pdf").exists()


def test_scorecards_say_which_open_finding_holds_the_grade(demo: tuple[Path, Path]) -> None:
    from dpia_desk.reports.builder import build_scorecard
    from dpia_desk.services.assessments import snapshot

    opened = Workspace.open(demo[0], Passphrase(PASSPHRASE), read_only=True)
    seen = set()
    with opened as workspace, workspace.read_session() as session:
        rows = session.query(Assessment).filter(Assessment.form_id == "vendor_due_diligence")
        for row in rows.all():
            current = snapshot(session, row.id)
            assert current.result is not None
            result = current.result.to_json()
            assert isinstance(result, dict)
            card = build_scorecard(session, row.id)
            caps = result.get("grade_caps") or {}
            open_capping = {
                finding["severity"]
                for finding in result.get("findings") or []
                if finding["severity"] in caps and finding.get("status", "open") == "open"
            }
            if result.get("computed_grade") and result["computed_grade"] != result["grade"]:
                seen.add("capped")
                assert card.grade_cap_reason.startswith(f"capped at {card.grade}")
                assert f"score alone: {result['computed_grade']}" in card.grade_cap_reason
            elif "critical" in open_capping and caps["critical"] == result.get("grade"):
                seen.add("held")
                assert (
                    card.grade_cap_reason
                    == (f"at most {card.grade} while a critical finding is open")
                    or "critical findings are open" in card.grade_cap_reason
                )
            elif not open_capping:
                assert card.grade_cap_reason == ""
    assert "capped" in seen  # the demo has a vendor whose open finding lowers its grade


def test_scorecards_and_portfolio_count_open_findings_as_the_app_does(
    demo: tuple[Path, Path],
) -> None:
    """A finding a completed action addressed is not open, in every export as in the app."""
    from dpia_desk.reports.builder import build_portfolio, build_scorecard
    from dpia_desk.services.summary import vendor_figures
    from dpia_desk.store.models import Vendor

    opened = Workspace.open(demo[0], Passphrase(PASSPHRASE), read_only=True)
    addressed = 0
    with opened as workspace, workspace.read_session() as session:
        rows = {row.vendor_name: row for row in build_portfolio(session)}
        for vendor in session.query(Vendor).all():
            figures = vendor_figures(session, vendor.id)
            row = rows[vendor.name]
            assert (row.open_findings, row.critical_findings) == (
                figures.open_findings or 0,
                figures.critical_findings,
            ), vendor.name
            diligence = (
                session.query(Assessment)
                .filter(
                    Assessment.vendor_id == vendor.id,
                    Assessment.form_id == "vendor_due_diligence",
                )
                .first()
            )
            if diligence is None:
                continue
            card = build_scorecard(session, diligence.id)
            # a grade from an unfinished due diligence says so, as the vendor table marks it
            if figures.grade is not None:
                assert bool(card.provisional_reason) == ("grade" in figures.provisional), (
                    vendor.name
                )
            assert set(row.provisional) == set(figures.provisional), vendor.name
            assert card.open_findings == (figures.open_findings or 0), vendor.name
            assert card.critical_findings == figures.critical_findings, vendor.name
            statuses = [finding.status for finding in card.findings]
            assert statuses == sorted(statuses, key=lambda status: status != "open")
            addressed += statuses.count("addressed")
    assert addressed  # the demo has findings closed by done actions
