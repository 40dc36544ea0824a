"""Add/edit vendor and AI system dialogs: inline validation, saving through the store."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from pytestqt.qtbot import QtBot

from dpia_desk.store import Workspace, get_vendor, list_vendors
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.dialogs.ai_system_dialog import AISystemDialog
from dpia_desk.ui.dialogs.vendor_dialog import VendorDialog
from dpia_desk.ui.labels import date_edit_format, format_date
from dpia_desk.ui.store_queries import vendor_detail


def _dialog(qtbot: QtBot, context: WorkspaceContext, vendor_id: str | None = None) -> VendorDialog:
    dialog = VendorDialog(context, vendor_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _vendor_names(workspace: Workspace) -> list[str]:
    with workspace.read_session() as session:
        return [row.name for row in list_vendors(session)]


def test_name_is_required(qtbot: QtBot, workspace: Workspace, context: WorkspaceContext) -> None:
    dialog = _dialog(qtbot, context)
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "   ")
    assert not dialog.save_button.isEnabled()
    dialog.save()
    assert dialog.name_error.isVisible()
    assert "name" in dialog.name_error.text().lower()
    assert _vendor_names(workspace) == []


@pytest.mark.parametrize(
    ("country", "expected"),
    [("XX", "not an ISO 3166-1 alpha-2"), ("UK", "Use GB"), ("Atlantis", "not an ISO")],
)
def test_country_must_be_an_iso_code(
    qtbot: QtBot, workspace: Workspace, context: WorkspaceContext, country: str, expected: str
) -> None:
    dialog = _dialog(qtbot, context)
    qtbot.keyClicks(dialog.name_edit, "Acme HR")
    qtbot.keyClicks(dialog.country_edit, country)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.country_error.isVisible()
    assert expected in dialog.country_error.text()
    assert dialog.country_edit.property("invalid") is True
    assert dialog.country_edit.accessibleDescription() == dialog.country_error.text()
    assert _vendor_names(workspace) == []
    dialog.country_edit.setText("de")
    assert not dialog.country_error.isVisible()
    assert dialog.country_name.text() == "Germany"
    # One full stop between the message and the hint.
    assert ".." not in dialog.country_error.text() or not dialog.country_error.text()


def test_website_must_be_a_web_address(
    qtbot: QtBot, workspace: Workspace, context: WorkspaceContext
) -> None:
    dialog = _dialog(qtbot, context)
    qtbot.keyClicks(dialog.name_edit, "Acme HR")
    qtbot.keyClicks(dialog.website_edit, "not a url")
    dialog.save()
    assert dialog.website_error.isVisible()
    assert dialog.focusWidget() is dialog.website_edit or not dialog.isActiveWindow()
    dialog.website_edit.setText("ftp://acme.example")
    dialog.save()
    assert "http" in dialog.website_error.text()
    assert _vendor_names(workspace) == []


def test_valid_vendor_is_saved_and_announced(
    qtbot: QtBot, workspace: Workspace, context: WorkspaceContext
) -> None:
    changes: list[str] = []
    context.changed.connect(changes.append)
    dialog = _dialog(qtbot, context)
    qtbot.keyClicks(dialog.name_edit, "  Acme   HR  ")
    qtbot.keyClicks(dialog.country_edit, "fr")
    qtbot.keyClicks(dialog.website_edit, "acme.example")
    dialog.review_check.setChecked(True)
    dialog.review_date.setDate(QDate(2030, 5, 17))
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.vendor_id is not None
    assert changes == ["vendor"]
    with workspace.read_session() as session:
        vendor = get_vendor(session, dialog.vendor_id)
        assert vendor.name == "Acme HR"
        assert vendor.country == "FR"
        assert vendor.website == "https://acme.example"
        assert vendor.next_review_date == date(2030, 5, 17)


def test_edit_loads_and_updates(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    with demo_workspace.read_session() as session:
        row = list_vendors(session, limit=1)[0]
    dialog = _dialog(qtbot, context, row.id)
    assert dialog.windowTitle() == "Edit vendor"
    assert dialog.name_edit.text() == row.name
    dialog.name_edit.setText(row.name + " (renamed)")
    dialog.save()
    assert dialog.result() == VendorDialog.DialogCode.Accepted
    with demo_workspace.read_session() as session:
        assert get_vendor(session, row.id).name == row.name + " (renamed)"


def test_ai_system_dialog_validates_and_saves(
    qtbot: QtBot, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    with demo_workspace.read_session() as session:
        vendor_id = list_vendors(session, limit=1)[0].id
        before = len(vendor_detail(session, vendor_id).ai_systems)
    dialog = AISystemDialog(context, vendor_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Shift Planner AI")
    dialog.purpose_edit.setPlainText("Proposes shift rotas for warehouse staff.")
    dialog.save()
    assert dialog.system_id is not None
    with demo_workspace.read_session() as session:
        systems = vendor_detail(session, vendor_id).ai_systems
    assert len(systems) == before + 1
    added = next(s for s in systems if s.id == dialog.system_id)
    assert added.intended_purpose == "Proposes shift rotas for warehouse staff."

    edit = AISystemDialog(context, vendor_id, dialog.system_id)
    qtbot.addWidget(edit)
    assert edit.name_edit.text() == "Shift Planner AI"
    edit.name_edit.setText("")
    edit.save()
    assert edit.name_error.isVisible() or not edit.save_button.isEnabled()


def test_date_inputs_read_like_the_tables(qtbot: QtBot, context: WorkspaceContext) -> None:
    dialog = _dialog(qtbot, context)
    dialog.review_date.setDate(QDate(2027, 3, 9))
    assert dialog.review_date.text() == format_date(date(2027, 3, 9))


@pytest.mark.parametrize(
    ("language", "country", "expected"),
    [
        (QLocale.Language.German, QLocale.Country.Germany, "dd.MM.yyyy"),
        (QLocale.Language.English, QLocale.Country.UnitedStates, "M/d/yyyy"),
        (QLocale.Language.C, QLocale.Country.AnyCountry, "yyyy-MM-dd"),
    ],
)
def test_date_inputs_always_show_four_digit_years(
    language: QLocale.Language, country: QLocale.Country, expected: str
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(language, country))
    try:
        assert date_edit_format() == expected
    finally:
        QLocale.setDefault(before)


@pytest.mark.parametrize("typed", ["finland", "Finland (FI)", "  fi "])
def test_country_by_name_or_from_the_list_is_saved_as_its_code(
    qtbot: QtBot, workspace: Workspace, context: WorkspaceContext, typed: str
) -> None:
    dialog = _dialog(qtbot, context)
    qtbot.keyClicks(dialog.name_edit, "Skillgraph Oy")
    dialog.country_edit.setText(typed)
    assert dialog.country_name.text() == "Finland"
    assert dialog.validate_country()
    assert dialog.country_edit.text() == "FI"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with workspace.read_session() as session:
        assert get_vendor(session, dialog.vendor_id).country == "FI"


def test_the_country_field_offers_names_as_you_type(
    qtbot: QtBot, context: WorkspaceContext
) -> None:
    dialog = _dialog(qtbot, context)
    completer = dialog.country_edit.completer()
    completer.setCompletionPrefix("kingdom")
    offered = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionCount())
    ]
    assert "United Kingdom (GB)" in offered
