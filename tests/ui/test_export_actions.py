"""Exports and imports from the desktop, driven through the real widgets on a demo workspace.

The save and open dialogs are replaced (they are the platform's), everything else is real: the
menu actions, the runner (synchronous), the progress dialog and its Cancel button, the writers,
the done dialog and its buttons, the import report.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dpia_desk import reports
from dpia_desk.demo import DEMO_VENDORS
from dpia_desk.exchange import ImportReport
from dpia_desk.services.assessments import stored_answers, stored_comments
from dpia_desk.store import Workspace, add_vendor
from dpia_desk.store.models import Assessment, Vendor
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.dialogs.export_done import ExportDoneDialog
from dpia_desk.ui.dialogs.import_report import ImportReportDialog
from dpia_desk.ui.dialogs.vendor_picker import VendorPickerDialog
from dpia_desk.ui.export_actions import (
    ExportController,
    file_name_part,
    suggested_file_name,
    with_extension,
)
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.review.assessment_list import ASSESSMENT_ID_ROLE, AssessmentListPage
from tests.ui.conftest import OFFSCREEN_NOISE

#: Opening an assessment window raises it, which the offscreen platform cannot do.
OFFSCREEN_RAISE = r"This plugin does not support raise\(\)"

LEFT = Qt.MouseButton.LeftButton


def _window(qtbot: QtBot, context: WorkspaceContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def _dpia(workspace: Workspace) -> tuple[str, str]:
    """(assessment id, vendor name) of a demo DPIA."""
    with workspace.read_session() as session:
        row = session.execute(
            select(Assessment.id, Vendor.name)
            .join(Vendor, Vendor.id == Assessment.vendor_id)
            .where(Assessment.form_id == "dpia")
            .order_by(Vendor.name)
        ).first()
    assert row is not None, "the demo has a DPIA"
    return str(row[0]), str(row[1])


def _save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """The save dialog answers ``target``; returns the names it proposed."""
    proposed: list[str] = []

    def fake(_parent: object, _title: str, suggestion: str, _filter: str) -> tuple[str, str]:
        proposed.append(suggestion)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return proposed


def _open_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))


def _select_in_assessment_list(qtbot: QtBot, window: MainWindow, assessment_id: str) -> None:
    window.show_page(window.navigation_model.row_of("assessments"))
    page = window.current_page()
    assert isinstance(page, AssessmentListPage)
    model = page.table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=3000)
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ASSESSMENT_ID_ROLE) == assessment_id:
            page.table.setCurrentIndex(index)
            return
    raise AssertionError("the assessment is not in the list")


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _messages(parent: MainWindow) -> list[QMessageBox]:
    return [box for box in parent.findChildren(QMessageBox) if box.isVisible()]


def _no_partial_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- file names ------------------------------------------------------------------------------


def test_proposed_file_names_are_safe_everywhere() -> None:
    hostile = 'Acme/..\\"<HR>"|?*: \u202egpj.exe\x07  Corp.'
    part = file_name_part(hostile)
    assert not set(part) & set('/\\<>:"|?*\x07\u202e')
    assert not part.endswith(".") and "  " not in part
    name = suggested_file_name(["Hireflow GmbH", "Data protection impact assessment"], ".docx")
    assert name.startswith("Hireflow GmbH - Data protection impact assessment - ")
    assert name.endswith(".docx")
    assert suggested_file_name(["CON", "", " . "], ".pdf").startswith("CON - 2")
    assert len(file_name_part("x" * 500)) <= 60
    assert with_extension(Path("/tmp/report"), ".pdf") == Path("/tmp/report.pdf")
    assert with_extension(Path("/tmp/report.PDF"), ".pdf") == Path("/tmp/report.PDF")


# --- exports ---------------------------------------------------------------------------------


def test_export_dpia_as_word_from_the_file_menu(
    qtbot: QtBot,
    demo_workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessment_id, vendor = _dpia(demo_workspace)
    window = _window(qtbot, context)
    window.show_page(window.navigation_model.row_of("vendors"))
    assert not window.export_actions.docx.isEnabled() or window.current_assessment_id() is None
    _select_in_assessment_list(qtbot, window, assessment_id)
    file_menu = window.export_actions.docx.parent()
    file_menu.aboutToShow.emit()  # the menu enables what applies to the selection
    assert window.export_actions.docx.isEnabled()

    target = tmp_path / "dpia.docx"
    proposed = _save_as(monkeypatch, target)
    window.export_actions.docx.trigger()

    assert Path(proposed[0]).name.startswith(vendor.split()[0])
    assert Path(proposed[0]).suffix == ".docx"
    assert target.is_file()
    assert vendor in _docx_text(target)
    dialog = window.exports.done_dialog
    assert isinstance(dialog, ExportDoneDialog) and dialog.isVisible()
    assert dialog.name_label.text() == "dpia.docx"
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.open_button, LEFT)
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert not dialog.isVisible()
    assert str(target) in window.statusBar().currentMessage()


@pytest.mark.parametrize("kind", ["pdf", "scorecard", "json"])
def test_export_pdf_scorecard_and_json_read_back(
    qtbot: QtBot,
    demo_workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    assessment_id, vendor = _dpia(demo_workspace)
    window = _window(qtbot, context)
    target = tmp_path / f"export-{kind}"
    proposed = _save_as(monkeypatch, target)  # typed without an extension
    job = window.exports.export_assessment(kind, assessment_id)
    assert job is not None and job.handle is not None and job.handle.error is None
    written = target.with_name(target.name + (".json" if kind == "json" else ".pdf"))
    assert written.is_file()
    if kind == "json":
        document = json.loads(written.read_text(encoding="utf-8"))
        assert document["format"] == "dpia_desk.assessment"
        assert "Scorecard" not in proposed[0]
    else:
        text = "".join(page.extract_text() for page in PdfReader(written).pages)
        assert vendor in text
        if kind == "scorecard":
            assert "Scorecard" in Path(proposed[0]).name
    assert job.dialog is None  # the progress dialog is gone
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    done = window.exports.done_dialog
    assert isinstance(done, ExportDoneDialog)
    done.folder_button.click()
    assert opened and opened[0].toLocalFile() in (str(written.parent), str(written))


def test_cancel_stops_the_writer_and_leaves_no_file(
    qtbot: QtBot,
    demo_workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessment_id, _vendor = _dpia(demo_workspace)
    window = _window(qtbot, context)
    real_writer = reports.write_dpia_docx
    calls: list[tuple[int, int]] = []

    def writer_the_user_cancels(report: Any, path: Any, progress: Any = None) -> None:
        def relay(done: int, total: int) -> None:
            calls.append((done, total))
            if len(calls) == 2:  # the user clicks Cancel while the document is being written
                dialog = window.findChild(QProgressDialog, "progressDialog")
                assert dialog is not None and dialog.maximum() == total  # determinate
                cancel = dialog.findChild(QPushButton)
                assert cancel is not None
                qtbot.mouseClick(cancel, LEFT)
            progress(done, total)

        real_writer(report, path, relay)

    monkeypatch.setattr(reports, "write_dpia_docx", writer_the_user_cancels)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "dpia.docx"
    job = window.exports.export_assessment_to("docx", assessment_id, target)
    assert job.handle is not None and job.handle.is_done
    assert len(calls) == 2  # the writer stopped at the next report
    assert _no_partial_files(folder) == []
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.exports.done_dialog is None


def test_a_write_failure_is_a_message_not_a_traceback(
    qtbot: QtBot,
    demo_workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
) -> None:
    assessment_id, _vendor = _dpia(demo_workspace)
    window = _window(qtbot, context)
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    target = blocker / "dpia.pdf"
    job = window.exports.export_assessment_to("pdf", assessment_id, target)
    assert job.handle is not None and job.handle.error is not None
    boxes = _messages(window)
    assert len(boxes) == 1
    assert str(blocker) in boxes[0].text()
    assert "Traceback" not in boxes[0].text() + boxes[0].informativeText()
    assert not target.exists()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_portfolio_exports_list_every_vendor(
    qtbot: QtBot,
    demo_workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    window = _window(qtbot, context)
    target = tmp_path / f"portfolio.{kind}"
    _save_as(monkeypatch, target)
    action = window.export_actions.csv if kind == "csv" else window.export_actions.xlsx
    assert action is not None and action.isEnabled()
    action.trigger()
    assert target.is_file()
    if kind == "csv":
        with target.open(encoding="utf-8-sig", newline="") as stream:
            cells = {cell for row in csv.reader(stream) for cell in row}
    else:
        sheet = load_workbook(target, read_only=True).worksheets[0]
        cells = {str(cell) for row in sheet.iter_rows(values_only=True) for cell in row}
    assert {demo.name for demo in DEMO_VENDORS} <= cells


# --- imports ---------------------------------------------------------------------------------


def _state(workspace: Workspace, assessment_id: str) -> tuple[dict[str, Any], dict[str, str]]:
    with workspace.read_session() as session:
        return stored_answers(session, assessment_id), stored_comments(session, assessment_id)


def _report_dialog_returns(monkeypatch: pytest.MonkeyPatch, code: int) -> list[ImportReportDialog]:
    shown: list[ImportReportDialog] = []

    def exec_(dialog: ImportReportDialog) -> int:
        shown.append(dialog)
        return code

    monkeypatch.setattr(ImportReportDialog, "exec", exec_)
    return shown


def test_json_export_imports_back_after_the_assessment_was_deleted(
    qtbot: QtBot,
    demo_workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessment_id, vendor = _dpia(demo_workspace)
    before = _state(demo_workspace, assessment_id)
    window = _window(qtbot, context)
    exported = tmp_path / "dpia.json"
    window.exports.export_assessment_to("json", assessment_id, exported)
    assert exported.is_file()
    demo_workspace.erase_assessment(assessment_id)

    changes: list[str] = []
    context.changed.connect(changes.append)
    shown = _report_dialog_returns(monkeypatch, ImportReportDialog.OPEN)
    opened: list[str] = []
    monkeypatch.setattr(
        "dpia_desk.ui.review.windows.open_assessment",
        lambda _context, identifier, _parent=None: opened.append(identifier),
    )
    _open_file(monkeypatch, exported)
    assert window.export_actions.import_ is not None
    window.export_actions.import_.trigger()

    assert len(shown) == 1
    report = shown[0].report
    assert report.assessment_id == assessment_id
    assert vendor in shown[0].title_label.text()
    assert _state(demo_workspace, assessment_id) == before
    assert "assessment" in changes  # the pages refresh
    assert opened == [assessment_id]
    assert "imported" in window.statusBar().currentMessage()


def test_importing_an_assessment_already_here_asks_before_a_new_version(
    qtbot: QtBot,
    demo_workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessment_id, _vendor = _dpia(demo_workspace)
    window = _window(qtbot, context)
    exported = tmp_path / "dpia.json"
    window.exports.export_assessment_to("json", assessment_id, exported)
    asked: list[str] = []

    def decline(_controller: ExportController, error: Exception) -> bool:
        asked.append(str(error))
        return False

    monkeypatch.setattr(ExportController, "confirm_new_version", decline)
    shown = _report_dialog_returns(monkeypatch, 0)
    with demo_workspace.read_session() as session:
        count = len(session.scalars(select(Assessment.id)).all())
    window.exports.import_from(exported)
    assert asked and assessment_id in asked[0]
    assert shown == []
    with demo_workspace.read_session() as session:
        assert len(session.scalars(select(Assessment.id)).all()) == count


def test_a_cnil_pia_asks_for_its_vendor_and_reports_what_did_not_map(
    qtbot: QtBot,
    workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with workspace.session() as session:
        vendor_id = add_vendor(session, actor="t", name="Dreamland SAS", country="FR").id
        add_vendor(session, actor="t", name="Another vendor", country="DE")
    # A small CNIL PIA software export (made up here): one answer with a home in our DPIA form,
    # one from a custom structure that has none.
    document = {
        "pia": {"name": "Payroll", "dpo_status": 0, "dpo_opinion": "<p>Not yet.</p>"},
        "answers": [
            {"reference_to": 211, "data": {"text": "<b>Pay</b> people"}},
            {"reference_to": 999, "data": {"text": "from a custom structure"}},
        ],
        "measures": [],
        "evaluations": [],
        "comments": [],
    }
    pia = tmp_path / "pia.json"
    pia.write_text(json.dumps(document), encoding="utf-8")
    window = _window(qtbot, context)

    pickers: list[VendorPickerDialog] = []

    def pick(dialog: VendorPickerDialog) -> int:
        pickers.append(dialog)
        assert dialog.vendors.count() == 2
        current = dialog.vendors.currentItem()  # the vendor selected in the window comes first
        assert current is not None and current.text().startswith("Dreamland SAS")
        qtbot.keyClicks(dialog.filter_edit, "dream")
        dialog.reload()  # the filter's debounce, without waiting
        assert dialog.vendors.count() == 1
        dialog.ok_button.click()
        return int(dialog.result())

    monkeypatch.setattr(VendorPickerDialog, "exec", pick)
    window.exports.current_vendor = lambda: vendor_id
    shown = _report_dialog_returns(monkeypatch, 0)
    window.exports.import_from(pia)

    assert len(pickers) == 1
    assert len(shown) == 1
    report: ImportReport = shown[0].report
    assert report.format == "cnil_pia" and report.vendor_id == vendor_id
    assert any("999" in line for line in report.unmapped)
    dialog = shown[0]
    assert dialog.unmapped.count() == len(report.unmapped)
    assert dialog.tabs.currentWidget() is dialog.unmapped  # what did not map is shown first
    answers, _comments = _state(workspace, report.assessment_id)
    assert answers["purposes"] == "Pay people"


def test_a_foreign_file_is_refused_with_a_message(
    qtbot: QtBot,
    workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
) -> None:
    window = _window(qtbot, context)
    foreign = tmp_path / "notes.json"
    foreign.write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    window.exports.import_from(foreign)
    boxes = _messages(window)
    assert len(boxes) == 1
    assert "Cannot import" in boxes[0].text()
    assert "Nothing was imported" in boxes[0].informativeText()


# --- the assessment window's own menu --------------------------------------------------------


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, OFFSCREEN_RAISE)
def test_the_assessment_window_exports_its_own_assessment(
    qtbot: QtBot,
    demo_workspace: Workspace,
    context: WorkspaceContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dpia_desk.ui.review.windows import open_assessment

    assessment_id, vendor = _dpia(demo_workspace)
    window = open_assessment(context, assessment_id)
    assert window is not None
    try:
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[0] == "E&xport"
        exports: ExportController = window.exports
        assert exports.actions is not None and exports.actions.pdf.isEnabled()
        target = tmp_path / "from the window.pdf"
        _save_as(monkeypatch, target)
        exports.actions.pdf.trigger()
        assert target.is_file()
        assert vendor in "".join(p.extract_text() for p in PdfReader(target).pages)
        done = exports.done_dialog
        assert isinstance(done, ExportDoneDialog) and done.parent() is window
    finally:
        window.close()
        QApplication.processEvents()
