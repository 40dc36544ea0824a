"""The DPIA risk register and heat map, and the action plan, driven through the real widgets."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import yaml
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dpia_desk.services.risks import list_actions, list_risks
from dpia_desk.store import Workspace
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.main_window import MainWindow
from dpia_desk.ui.review.windows import find_assessment_window
from dpia_desk.ui.risks.dialogs import ActionDialog, RiskDialog
from dpia_desk.ui.risks.models import ActionColumn, ActionTableModel, RiskTableModel
from tests.ui.assessment.conftest import open_window, start
from tests.ui.assessment.helpers import answer, answer_all

LEFT = Qt.MouseButton.LeftButton
GOLDEN = Path(__file__).parents[2] / "golden"


def golden(form_id: str, name: str) -> dict[str, object]:
    data = yaml.safe_load((GOLDEN / form_id / f"{name}.yaml").read_text(encoding="utf-8"))
    return {
        key: " ".join(value.split()) if isinstance(value, str) else value
        for key, value in data["answers"].items()
    }


def choose(combo: object, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))  # type: ignore[attr-defined]


def test_rating_a_risk_updates_the_heat_map_live(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    dpia = start(workspace, review_ids[0], "dpia")
    window = open_window(qtbot, context, dpia)
    window.tabs.setCurrentWidget(window.risks)
    panel = window.risks
    assert panel.register_box.isVisible()
    # the three CNIL feared events the DPIA form rates are listed, not yet rated
    assert panel.risk_model.rowCount() == 3
    assert panel.inherent_map.total == 0

    qtbot.mouseClick(panel.add_risk_button, LEFT)
    dialog = panel.dialog
    assert isinstance(dialog, RiskDialog)
    qtbot.keyClicks(dialog.title, "Ranking excludes older applicants")
    qtbot.keyClicks(dialog.impacts, "Loss of a job opportunity")
    choose(dialog.severity, 3)
    choose(dialog.likelihood, 3)
    assert "Before measures: High" in dialog.level.text()
    qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Save), LEFT)
    assert panel.inherent_map.count(3, 3) == 1
    assert panel.residual_map.count(3, 3) == 1  # measures not rated: the inherent rating stands
    assert panel.prior.isVisible()  # a high residual risk: Art. 36 consultation
    assert "Art. 36(1)" in panel.prior.label.text()
    # the results panel says what the register says (the form's own risks are not rated)
    results = window.questions.results
    assert results.badge.text() == "High"
    assert "Art. 36" in results.detail.text()
    assert "Severity 3 (Significant) × likelihood 3 (Significant): high zone, 1 risk(s)" in (
        panel.inherent_map.accessibleDescription()
    )

    # measures rated: the residual cell moves, the warning goes
    row = panel.risk_model.row_of(list(panel.data.risk_titles)[-1])  # type: ignore[union-attr]
    panel.risk_table.selectRow(row)
    qtbot.mouseClick(panel.edit_risk_button, LEFT)
    dialog = panel.dialog
    assert (
        isinstance(dialog, RiskDialog)
        and dialog.title.text() == "Ranking excludes older applicants"
    )
    choose(dialog.residual_severity, 2)
    choose(dialog.residual_likelihood, 1)
    qtbot.keyClicks(dialog.measures, "Age removed from the features; quarterly bias test")
    qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Save), LEFT)
    assert panel.residual_map.count(3, 3) == 0 and panel.residual_map.count(2, 1) == 1
    assert not panel.prior.isVisible()
    assert results.badge.text() == "Low" and "Art. 36" not in results.detail.text()
    with workspace.read_session() as session:
        (stored,) = list_risks(session, dpia)
        assert (stored.severity, stored.likelihood) == (3, 3)
        assert (stored.residual_severity, stored.residual_likelihood) == (2, 1)

    # a feared event rated in the DPIA form's own questions lands on the same map
    answer(qtbot, window, "access_severity", 4)
    answer(qtbot, window, "access_likelihood", 2)
    window.tabs.setCurrentWidget(window.risks)
    assert panel.inherent_map.count(4, 2) == 1
    assert panel.inherent_map.total == 2


def test_actions_from_findings_and_overdue_actions(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    window = open_window(qtbot, context, review_ids[1])
    # The intake has no risk register: no button offers an action for a risk it cannot hold.
    assert not window.risks.register_box.isVisibleTo(window.risks)
    assert not window.risks.risk_action_button.isVisibleTo(window.risks)
    answer_all(qtbot, window, golden("vendor_intake", "ai_cv_ranking_ats_tier1"))
    window.tabs.setCurrentWidget(window.risks)
    panel = window.risks
    assert not panel.register_box.isVisible()  # the intake has no risk register
    qtbot.mouseClick(panel.findings_button, LEFT)
    assert panel.action_model.rowCount() == 3
    sources = [panel.action_model.index(r, ActionColumn.SOURCE).data() for r in range(3)]
    assert all(text.startswith("Finding: ") for text in sources)
    qtbot.mouseClick(panel.findings_button, LEFT)
    assert panel.action_model.rowCount() == 3  # one action per finding, never twice

    panel.action_table.selectRow(0)
    qtbot.mouseClick(panel.edit_action_button, LEFT)
    dialog = panel.dialog
    assert isinstance(dialog, ActionDialog)
    qtbot.keyClicks(dialog.owner, "Dora Pohl")
    dialog.has_due.setChecked(True)
    past = date.today() - timedelta(days=3)
    dialog.due.setDate(QDate(past.year, past.month, past.day))
    qtbot.mouseClick(dialog.box.button(QDialogButtonBox.StandardButton.Save), LEFT)
    overdue = [
        r for r in range(3) if "overdue" in panel.action_model.index(r, ActionColumn.DUE).data()
    ]
    assert len(overdue) == 1
    index = panel.action_model.index(overdue[0], ActionColumn.TITLE)
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert panel.overdue.isVisible() and panel.overdue.text() == "1 action(s) overdue"
    with workspace.read_session() as session:
        owners = {a.owner for a in list_actions(session, review_ids[1])}
    assert "Dora Pohl" in owners


def test_the_actions_page_opens_an_action_in_its_assessment(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    window = open_window(qtbot, context, review_ids[1])
    answer_all(qtbot, window, golden("vendor_intake", "ai_cv_ranking_ats_tier1"))
    window.risks.actions_from_findings()
    window.close()
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    main.show_page(main.navigation_model.row_of("actions"))
    page = main.page("actions")
    assert page.model.rowCount() == 3  # type: ignore[attr-defined]
    table = page.table  # type: ignore[attr-defined]
    table.setCurrentIndex(page.model.index(1, 0))  # type: ignore[attr-defined]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    opened = find_assessment_window(context, review_ids[1])
    assert opened is not None
    assert opened.tabs.currentWidget() is opened.risks
    selected = opened.risks.action_table.currentIndex()
    assert selected.isValid()
    assert selected.data() == page.model.index(1, 0).data()  # type: ignore[attr-defined]


def test_risk_and_action_models_pass_the_model_tester(
    qtmodeltester: ModelTester,
    context: WorkspaceContext,
    workspace: Workspace,
    review_ids: tuple[str, str],
) -> None:
    from dpia_desk.services.risks import add_action, add_risk
    from dpia_desk.ui.risks.data import load_register

    dpia = start(workspace, review_ids[0], "dpia")
    with workspace.session() as session:
        risk = add_risk(session, actor="t", assessment_id=dpia, title="R", severity=2, likelihood=4)
        add_action(
            session,
            actor="t",
            assessment_id=dpia,
            title="A",
            risk_id=risk.id,
            due_date=date(2020, 1, 1),
        )
        add_action(session, actor="t", assessment_id=dpia, title="B")
    with workspace.read_session() as session:
        data = load_register(session, dpia)
    risks = RiskTableModel()
    risks.set_register(data.risks, data.outcome)
    qtmodeltester.check(risks, force_py=True)
    actions = ActionTableModel()
    actions.set_actions(data.actions, data.risk_titles, data.finding_texts)
    qtmodeltester.check(actions, force_py=True)
    assert actions.index(0, ActionColumn.SOURCE).data() == "Risk: R"
    assert "overdue" in actions.index(0, ActionColumn.DUE).data()
