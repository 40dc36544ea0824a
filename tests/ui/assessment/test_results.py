"""The results panel: every result expands to its reasons, references and answers; item models
pass the model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dpia_desk.questionnaire import evaluate
from dpia_desk.scoring import score_form
from dpia_desk.services.library import current_form
from dpia_desk.store import Workspace
from dpia_desk.ui.assessment.results_model import (
    KEY_ROLE,
    KIND_ROLE,
    QUESTION_ID_ROLE,
    ResultsModel,
    build_result_tree,
    headline,
)
from dpia_desk.ui.assessment.section_model import SectionListModel
from dpia_desk.ui.context import WorkspaceContext
from tests.services.test_assessments import HIGH_RISK_CV_FILTER
from tests.ui.assessment.conftest import open_window, start
from tests.ui.assessment.helpers import answer_all


def children(model: ResultsModel, index: QModelIndex) -> list[QModelIndex]:
    return [model.index(row, 0, index) for row in range(model.rowCount(index))]


def test_every_result_expands_to_its_reasons(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    answer_all(qtbot, window, HIGH_RISK_CV_FILTER)
    panel = window.questions.results
    model = panel.model
    top = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert top[0] == "AI Act tier: High risk — why"
    assert any(text.startswith("Our obligations (") for text in top)

    headline = panel.expand_key("headline")
    assert panel.tree.isExpanded(headline)
    reasons = children(model, headline)
    assert reasons and all(index.data(KIND_ROLE) == "reason" for index in reasons)
    employment = next(
        i for i in reasons if "Annex III" in i.data() or "employment" in i.data().lower()
    )
    details = [i.data() for i in children(model, employment)]
    assert any(text.startswith("Source: AI Act") for text in details)
    answers = [i for i in children(model, employment) if i.data(KIND_ROLE) == "answer"]
    assert answers, "a reason names the answers that led to it"
    # answers read in the question's words and the chosen labels, not ids
    assert all("recruitment_filtering_applications" not in i.data() for i in answers)

    obligations = model.index_of("obligations")
    first = children(model, obligations)[0]
    assert " — from " in first.data()  # the date the duty applies from
    sources = [i.data() for i in children(model, first) if i.data(KIND_ROLE) == "ref"]
    assert sources and all(text.startswith("Source: ") for text in sources)
    assert "Regulation" in (children(model, first)[-1].data(Qt.ItemDataRole.ToolTipRole) or "")

    # expansion survives an update of the results
    panel.tree.expand(obligations)
    panel.tree.expand(first)
    key = first.data(KEY_ROLE)
    window.controller.answer("gpai_model_provider", "yes")
    QApplication.processEvents()  # the tree follows on the next event-loop turn
    assert panel.tree.isExpanded(model.index_of(key))
    assert panel.tree.isExpanded(model.index_of("headline"))
    assert panel.tree.isExpanded(model.index_of("obligations"))


def test_activating_an_answer_jumps_to_its_question(
    qtbot: QtBot, context: WorkspaceContext, workspace: Workspace, review_ids: tuple[str, str]
) -> None:
    ai = start(workspace, review_ids[0], "ai_act_screening")
    window = open_window(qtbot, context, ai)
    panel = window.questions.results
    missing = panel.model.index_of("missing")
    assert missing.isValid()
    first = panel.model.index(0, 0, missing)
    question_id = first.data(QUESTION_ID_ROLE)
    panel.tree.expand(missing)
    panel.tree.setCurrentIndex(first)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    section = window.controller.form.section_of(question_id)
    assert window.questions.current_section_id() == section.id


def test_results_model_passes_the_model_tester(qtmodeltester: ModelTester, app: object) -> None:
    form = current_form("vendor_due_diligence")
    answers = {"review_depth": "full", "sec_encryption_rest": "not_encrypted"}
    state = evaluate(form, answers)
    model = ResultsModel()
    model.set_nodes(build_result_tree(score_form(form, answers, strict=False), form, state))
    assert model.rowCount() > 2
    qtmodeltester.check(model, force_py=True)
    # a reset while the tester watches (the panel resets on every change)
    model.set_nodes(build_result_tree(score_form(form, {}, strict=False), form, evaluate(form, {})))


def test_results_of_every_engine_pass_the_model_tester(
    qtmodeltester: ModelTester, app: object
) -> None:
    for form_id in ("ai_act_screening", "dpia_screening", "dpia", "vendor_intake", "fria"):
        form = current_form(form_id)
        model = ResultsModel()
        model.set_nodes(
            build_result_tree(score_form(form, {}, strict=False), form, evaluate(form, {}))
        )
        assert model.rowCount() >= 1
        qtmodeltester.check(model, force_py=True)


def test_section_model_passes_the_model_tester(qtmodeltester: ModelTester, app: object) -> None:
    form = current_form("ai_act_screening")
    model = SectionListModel()
    model.update(form, evaluate(form, {}), {})
    qtmodeltester.check(model, force_py=True)
    # changed rows only (dataChanged), while the tester watches
    model.update(form, evaluate(form, HIGH_RISK_CV_FILTER), {"role": ("improvable", "check")})
    assert model.index(model.row_of("role"), 0).data(Qt.ItemDataRole.UserRole + 4) == "improvable"


def test_an_unrated_intake_says_what_the_rating_decides(app: QApplication) -> None:
    form = current_form("vendor_intake")
    line = headline(score_form(form, {}, strict=False), form)
    assert line.badge_text == "Not rated"
    assert "None" not in line.detail and "  " not in line.detail
    assert "The rating sets the due-diligence depth" in line.detail


@pytest.mark.parametrize(
    "form_id",
    [
        "ai_act_screening",
        "dpia_screening",
        "dpia",
        "vendor_intake",
        "vendor_due_diligence",
        "fria",
        "ll144_bias_audit",
    ],
)
def test_an_empty_form_has_a_readable_headline(app: QApplication, form_id: str) -> None:
    form = current_form(form_id)
    line = headline(score_form(form, {}, strict=False), form)
    for text in (line.title, line.badge_text, line.detail):
        assert "None" not in text and "  " not in text and "{" not in text, text
