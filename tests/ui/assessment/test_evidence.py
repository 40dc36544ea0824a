"""Evidence attachments: dropped files and the file dialog, stored encrypted, opened through a
private temporary copy, removed; files above the size limit are refused with the reason."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from dpia_desk.services.assessments import MAX_EVIDENCE_BYTES, evidence_content, snapshot
from dpia_desk.store import Workspace
from dpia_desk.ui.assessment.question_widget import QuestionWidget
from dpia_desk.ui.context import WorkspaceContext
from tests.ui.assessment.conftest import open_window, start
from tests.ui.assessment.helpers import answer_all, card


def drop(widget: QuestionWidget, paths: list[Path]) -> bool:
    """A drag entering the card, then the drop, as the window system delivers them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    centre = widget.rect().center()
    enter = QDragEnterEvent(
        centre,  # QDragEnterEvent takes a QPoint (QDropEvent a QPointF)
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


@pytest.fixture
def soc2(tmp_path: Path) -> Path:
    path = tmp_path / "SOC 2 report.pdf"
    path.write_bytes(b"%PDF-1.4 vendor SOC 2 type II summary")
    return path


def test_dropped_files_are_stored_encrypted_and_open_from_a_private_copy(
    qtbot: QtBot,
    context: WorkspaceContext,
    workspace: Workspace,
    review_ids: tuple[str, str],
    soc2: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    target = card(window, "is_ai_system")
    assert target.attach_button.text() == "Attach evidence…"  # the form asks for evidence here
    assert drop(target, [soc2])
    chips = target.attachment_chips()
    assert [chip.open_button.text() for chip in chips] == ["SOC 2 report.pdf"]
    with workspace.read_session() as session:
        item, content = evidence_content(session, chips[0].item.id)
        assert content == soc2.read_bytes() and item.question_id == "is_ai_system"
    assert b"SOC 2 type II" not in workspace.path.read_bytes()  # encrypted at rest

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(chips[0].open_button, Qt.MouseButton.LeftButton)
    copy = Path(opened[0].toLocalFile())
    assert copy.read_bytes() == soc2.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # only this user can read it
    window.close()
    assert not copy.exists()  # decrypted copies go when the window closes


def test_the_file_dialog_attaches_and_remove_detaches(
    qtbot: QtBot,
    context: WorkspaceContext,
    workspace: Workspace,
    review_ids: tuple[str, str],
    soc2: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    second = tmp_path / "pentest-2025.txt"
    second.write_text("findings closed", encoding="utf-8")
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    target = card(window, "is_ai_system")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(soc2), str(second)], "")
    )
    qtbot.mouseClick(target.attach_button, Qt.MouseButton.LeftButton)
    names = [chip.open_button.text() for chip in target.attachment_chips()]
    assert names == ["SOC 2 report.pdf", "pentest-2025.txt"]
    # the vendor scorecard counts evidence: the controller knows the counts at once
    assert window.controller.snapshot.evidence_counts["is_ai_system"] == 2

    qtbot.mouseClick(target.attachment_chips()[0].remove_button, Qt.MouseButton.LeftButton)
    assert [chip.open_button.text() for chip in target.attachment_chips()] == ["pentest-2025.txt"]
    with workspace.read_session() as session:
        assert snapshot(session, ai).evidence_counts == {"is_ai_system": 1}


def test_a_file_above_the_limit_is_refused_with_the_reason(
    qtbot: QtBot,
    context: WorkspaceContext,
    workspace: Workspace,
    review_ids: tuple[str, str],
    tmp_path: Path,
) -> None:
    huge = tmp_path / "full audit archive.zip"
    with huge.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_EVIDENCE_BYTES + 1_000_000)
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    target = card(window, "is_ai_system")
    before = len(context.runner.submitted)  # type: ignore[attr-defined]
    assert drop(target, [huge])
    assert len(context.runner.submitted) == before  # type: ignore[attr-defined]  # never read
    assert target.problem_label.isVisible()
    message = target.problem_label.text()
    assert "full audit archive.zip" in message and "above the limit of 25 MB" in message
    assert "smaller extract" in message
    assert target.attachment_chips() == []
    empty = tmp_path / "empty.txt"
    empty.touch()
    assert drop(target, [empty])
    assert "empty" in target.problem_label.text()


def test_web_links_are_not_accepted_as_evidence(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    target = card(window, "is_ai_system")
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/report.pdf")])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert not enter.isAccepted()


def test_an_evidence_question_is_answered_by_its_files(
    qtbot: QtBot,
    context: WorkspaceContext,
    workspace: Workspace,
    review_ids: tuple[str, str],
    tmp_path: Path,
) -> None:
    csv = tmp_path / "bias audit data.csv"
    csv.write_text("category,selected,total\nfemale,40,100\nmale,45,100\n", encoding="utf-8")
    ll144 = start(workspace, review_ids[0], "ll144_bias_audit")
    window = open_window(qtbot, context, ll144)
    answer_all(
        qtbot,
        window,
        {
            "our_role": "employer",
            "tool_output_type": "simplified_output",
            "computational_basis": "yes",
            "decision_role": "weighted_most",
            "employment_decision_type": ["screening_candidates"],
            "nyc_nexus": ["job_in_nyc"],
        },
    )
    target = card(window, "audit_data_csv")
    window.questions.jump_to_question("audit_data_csv")
    assert target.editor is None  # the attachments are the answer
    assert "audit_data_csv" in window.controller.state.missing
    assert drop(target, [csv])
    with workspace.read_session() as session:
        stored = snapshot(session, ll144).answers["audit_data_csv"]
    assert stored == [target.attachment_chips()[0].item.id]
    assert "audit_data_csv" not in window.controller.state.missing
    os.remove(csv)
