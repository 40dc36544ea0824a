"""The "Risks and actions" tab: the DPIA risk register with its heat maps, and the action plan.

The register (DPIA assessments only) lists the risks the DPIA form rates and those added here;
both heat maps (before and after measures) update as soon as a risk is saved. The action plan
(every assessment) takes actions from findings and risks, with owner, due date and status;
overdue actions are marked. Dialogs open window-modal without blocking (``open()``), so the
keyboard and the tests drive them like any other window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.errors import DpiaDeskError
from dpia_desk.services import risks as risk_service
from dpia_desk.ui.delegates import BadgeDelegate
from dpia_desk.ui.lists import record_table
from dpia_desk.ui.risks.data import ActionRow, RegisterData, RiskRow, load_register
from dpia_desk.ui.risks.dialogs import ActionDialog, RiskDialog
from dpia_desk.ui.risks.heat_map import HeatMapLegend, HeatMapWidget
from dpia_desk.ui.risks.models import (
    ROW_ROLE,
    ActionColumn,
    ActionTableModel,
    RiskColumn,
    RiskTableModel,
)
from dpia_desk.ui.widgets import Banner, heading, hint

if TYPE_CHECKING:
    from dpia_desk.ui.assessment.controller import AssessmentController


def _table(model: Any, name: str) -> QTableView:
    table = record_table(model, name, row_padding=16)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class RisksPanel(QScrollArea):
    #: A risk rated by the DPIA form itself: its questions change it.
    question_requested = Signal(str)
    #: The DPIA's risks rated together (form and register), after every reload; None when the
    #: form is not a DPIA.
    dpia_risk_changed = Signal(object)

    def __init__(self, controller: AssessmentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.context = controller.context
        self.dialog: RiskDialog | ActionDialog | None = None
        self.confirm: QMessageBox | None = None
        self.data: RegisterData | None = None
        self.setWidgetResizable(True)
        self.setProperty("role", "page")
        body = QWidget()
        body.setProperty("role", "page_body")

        # --- register
        self.register_box = QWidget()
        self.add_risk_button = QPushButton(self.tr("Add &risk…"))
        self.add_risk_button.clicked.connect(self.add_risk)
        self.edit_risk_button = QPushButton(self.tr("Ed&it risk…"))
        self.edit_risk_button.clicked.connect(self.edit_risk)
        self.delete_risk_button = QPushButton(self.tr("De&lete risk"))
        self.delete_risk_button.clicked.connect(self.delete_risk)
        self.risk_model = RiskTableModel(self)
        self.risk_table = _table(self.risk_model, self.tr("Risk register"))
        self.risk_table.setItemDelegateForColumn(
            RiskColumn.INHERENT, BadgeDelegate(self.risk_table)
        )
        self.risk_table.setItemDelegateForColumn(
            RiskColumn.RESIDUAL, BadgeDelegate(self.risk_table)
        )
        self.risk_table.activated.connect(lambda _index: self.edit_risk())
        self.risk_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.prior = Banner("", "warning")
        self.prior.hide()
        self.inherent_map = HeatMapWidget(self.tr("Before measures (inherent)"))
        self.residual_map = HeatMapWidget(self.tr("After measures (residual)"))
        self.legend = HeatMapLegend()
        self.cell_text = hint(self.tr("Point at a cell, or focus a map and use the arrow keys."))
        for heat_map in (self.inherent_map, self.residual_map):
            heat_map.cell_described.connect(self.cell_text.setText)

        register_head = QHBoxLayout()
        register_head.addWidget(heading(self.tr("Risk register")), 1)
        register_head.addWidget(self.add_risk_button)
        register_head.addWidget(self.edit_risk_button)
        register_head.addWidget(self.delete_risk_button)
        self.maps_box = QWidget()
        self.maps_box.setAccessibleName(self.tr("Heat maps"))
        maps = QHBoxLayout(self.maps_box)
        maps.setContentsMargins(0, 0, 0, 0)
        maps.setSpacing(24)
        maps.addWidget(self.inherent_map, 1)
        maps.addWidget(self.residual_map, 1)
        register = QVBoxLayout(self.register_box)
        register.setContentsMargins(0, 0, 0, 0)
        register.setSpacing(8)
        register.addLayout(register_head)
        register.addWidget(
            hint(
                self.tr(
                    "Each risk is rated on the CNIL scales before and after its measures. The "
                    "three feared events the DPIA form rates are listed too (change them there)."
                )
            )
        )
        register.addWidget(self.risk_table)
        register.addWidget(self.prior)
        register.addWidget(self.maps_box)
        register.addWidget(self.legend)
        register.addWidget(self.cell_text)

        # --- action plan
        self.add_action_button = QPushButton(self.tr("Add a&ction…"))
        self.add_action_button.clicked.connect(lambda: self.add_action())
        self.risk_action_button = QPushButton(self.tr("Action for the selected ris&k…"))
        self.risk_action_button.clicked.connect(self.add_action_for_risk)
        self.findings_button = QPushButton(self.tr("Actions from &findings"))
        self.findings_button.setToolTip(
            self.tr("One open action for every finding that has none yet")
        )
        self.findings_button.clicked.connect(self.actions_from_findings)
        self.edit_action_button = QPushButton(self.tr("Edit ac&tion…"))
        self.edit_action_button.clicked.connect(self.edit_action)
        self.action_model = ActionTableModel(self)
        self.action_table = _table(self.action_model, self.tr("Action plan"))
        self.action_table.activated.connect(lambda _index: self.edit_action())
        self.action_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.overdue = QLabel()
        self.overdue.setProperty("role", "error")
        self.no_actions = hint(self.tr("No action yet."))

        actions_head = QHBoxLayout()
        actions_head.addWidget(heading(self.tr("Action plan")), 1)
        actions_head.addWidget(self.findings_button)
        actions_head.addWidget(self.risk_action_button)
        actions_head.addWidget(self.add_action_button)
        actions_head.addWidget(self.edit_action_button)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 24)
        layout.setSpacing(10)
        layout.addWidget(self.register_box)
        layout.addSpacing(12)
        layout.addLayout(actions_head)
        layout.addWidget(self.overdue)
        layout.addWidget(self.no_actions)
        layout.addWidget(self.action_table, 1)
        self.setWidget(body)
        self._stale = False
        controller.state_changed.connect(self._changed)
        controller.data_loaded.connect(self._changed)
        self.reload()

    # --- reading ----------------------------------------------------------------------------------

    def _changed(self) -> None:
        """Read again now if shown, else when next shown (answers change findings and the
        DPIA form's own risks; a hidden tab need not follow every answer)."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        with self.context.read() as session:
            data = load_register(session, self.controller.assessment_id)
        self.show_data(data)

    def show_data(self, data: RegisterData) -> None:
        self.data = data
        selected_risk = self._selected(self.risk_table, RiskRow)
        selected_action = self._selected(self.action_table, ActionRow)
        self.register_box.setVisible(data.is_dpia)
        self.dpia_risk_changed.emit(data.outcome if data.is_dpia else None)
        self.risk_action_button.setVisible(data.is_dpia)  # no register, no risk to pick
        self.risk_model.set_register(data.risks, data.outcome)
        self.action_model.set_actions(data.actions, data.risk_titles, data.finding_texts)
        for table, model, row in (
            (self.risk_table, self.risk_model, selected_risk),
            (self.action_table, self.action_model, selected_action),
        ):
            if row is not None and model.row_of(row.id) >= 0:
                table.selectRow(model.row_of(row.id))
        if self.risk_model.rowCount() and not self.risk_table.currentIndex().isValid():
            self.risk_table.selectRow(0)
        self._fit_rows(self.risk_table, len(data.risks))
        self._fit_rows(self.action_table, len(data.actions))
        if not self.risk_table.property("sized") and data.risks:
            self.risk_table.resizeColumnsToContents()
            self.risk_table.setColumnWidth(
                RiskColumn.TITLE, max(240, self.risk_table.columnWidth(0))
            )
            self.risk_table.setProperty("sized", True)
        if not self.action_table.property("sized") and data.actions:
            self.action_table.resizeColumnsToContents()
            self.action_table.setColumnWidth(
                ActionColumn.TITLE, max(260, min(420, self.action_table.columnWidth(0)))
            )
            self.action_table.setProperty("sized", True)

        titles: dict[tuple[int, int], list[str]] = {}
        residual_titles: dict[tuple[int, int], list[str]] = {}
        for risk in data.outcome.risks:
            if risk.inherent is not None:
                titles.setdefault((risk.inherent.severity, risk.inherent.likelihood), []).append(
                    risk.title
                )
            if risk.residual is not None:
                residual_titles.setdefault(
                    (risk.residual.severity, risk.residual.likelihood), []
                ).append(risk.title)
        self.inherent_map.set_data(data.outcome.heat_map["inherent"], titles)
        self.residual_map.set_data(data.outcome.heat_map["residual"], residual_titles)
        if data.outcome.prior_consultation:
            names = ", ".join(r.title for r in data.outcome.risks if r.prior_consultation)
            self.prior.set_text(
                self.tr(
                    "A high residual risk remains ({names}): consult the supervisory authority "
                    "before the processing starts (GDPR Art. 36(1)), or reduce the risk further."
                ).format(names=names)
            )
        self.prior.setVisible(data.is_dpia and data.outcome.prior_consultation)
        overdue = sum(1 for action in data.actions if action.overdue)
        self.overdue.setText(self.tr("%n action(s) overdue", "", overdue))
        self.overdue.setVisible(bool(overdue))
        self.no_actions.setVisible(not data.actions)
        self.action_table.setVisible(bool(data.actions))
        self._update_buttons()

    @staticmethod
    def _fit_rows(table: QTableView, rows: int) -> None:
        """Tall enough for its rows (up to ten; then it scrolls): the page scrolls, not the
        table inside it."""
        shown = max(3, min(rows, 10))
        header = table.horizontalHeader().sizeHint().height()
        height = (
            header + shown * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth()
        )
        table.setFixedHeight(height)

    def _selected(self, table: QTableView, kind: type) -> Any:
        index = table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, kind) else None

    def _update_buttons(self) -> None:
        data = self.data
        writable = data is not None and not data.locked and not self.context.read_only
        risk = self._selected(self.risk_table, RiskRow)
        self.add_risk_button.setEnabled(writable)
        self.edit_risk_button.setEnabled(risk is not None and (writable or risk.from_form))
        self.edit_risk_button.setText(
            self.tr("Go to its q&uestions")
            if risk is not None and risk.from_form
            else self.tr("Ed&it risk…")
        )
        self.delete_risk_button.setEnabled(writable and risk is not None and not risk.from_form)
        self.risk_action_button.setEnabled(writable and risk is not None and not risk.from_form)
        self.add_action_button.setEnabled(writable)
        self.findings_button.setEnabled(writable)
        # Actions are followed up after approval too (the services allow it).
        self.edit_action_button.setEnabled(
            not self.context.read_only and self._selected(self.action_table, ActionRow) is not None
        )

    # --- risks -----------------------------------------------------------------------------------

    def add_risk(self) -> None:
        self._open_risk_dialog(None)

    def edit_risk(self) -> None:
        risk = self._selected(self.risk_table, RiskRow)
        if risk is None:
            return
        if risk.from_form:
            target = self._severity_question(risk.id.removeprefix("form:"))
            if target is not None:
                self.question_requested.emit(target)
            return
        self._open_risk_dialog(risk)

    def _severity_question(self, risk_id: str) -> str | None:
        """The DPIA form question that rates this feared event's severity."""
        form = self.controller.form
        for entry in form.outcomes.get("risks") or []:
            if isinstance(entry, dict) and entry.get("id") == risk_id:
                question = entry.get("severity")
                if isinstance(question, str) and form.find_question(question) is not None:
                    return question
        candidate = f"{risk_id}_severity"
        return candidate if form.find_question(candidate) is not None else None

    def _open_risk_dialog(self, risk: RiskRow | None) -> None:
        if self.data is None or self.data.locked:
            return
        dialog = RiskDialog(risk, self)
        dialog.accepted.connect(lambda: self._save_risk(dialog, risk))
        self.dialog = dialog
        dialog.open()

    def _save_risk(self, dialog: RiskDialog, risk: RiskRow | None) -> None:
        values = dialog.values()
        try:
            with self.context.write("assessment") as session:
                if risk is None:
                    created = risk_service.add_risk(
                        session,
                        actor=self.context.actor,
                        assessment_id=self.controller.assessment_id,
                        **values,
                    )
                    risk_id = created.id
                else:
                    risk_service.update_risk(
                        session, actor=self.context.actor, risk_id=risk.id, **values
                    )
                    risk_id = risk.id
        except DpiaDeskError as error:
            dialog.show_error(f"{error.message} {error.hint or ''}".strip())
            dialog.open()
            return
        self.reload()
        row = self.risk_model.row_of(risk_id)
        if row >= 0:
            self.risk_table.selectRow(row)

    def delete_risk(self) -> None:
        risk = self._selected(self.risk_table, RiskRow)
        if risk is None or risk.from_form or self.data is None or self.data.locked:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete risk"),
            self.tr("Delete the risk “{title}”? Its actions stay in the plan.").format(
                title=risk.title
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self._delete(risk.id))
        self.confirm = box
        box.open()

    def _delete(self, risk_id: str) -> None:
        try:
            with self.context.write("assessment") as session:
                risk_service.delete_risk(session, actor=self.context.actor, risk_id=risk_id)
        except DpiaDeskError as error:
            self.controller.report("", error)
        self.reload()

    # --- actions ---------------------------------------------------------------------------------

    def add_action(self, risk_id: str | None = None) -> None:
        if self.data is None or self.data.locked:
            return
        dialog = ActionDialog(None, self.data.risk_titles, risk_id=risk_id, parent=self)
        dialog.accepted.connect(lambda: self._save_action(dialog, None))
        self.dialog = dialog
        dialog.open()

    def add_action_for_risk(self) -> None:
        risk = self._selected(self.risk_table, RiskRow)
        if risk is not None and not risk.from_form:
            self.add_action(risk.id)

    def edit_action(self) -> None:
        action = self._selected(self.action_table, ActionRow)
        if action is None or self.data is None:
            return
        dialog = ActionDialog(action, self.data.risk_titles, parent=self)
        dialog.accepted.connect(lambda: self._save_action(dialog, action))
        self.dialog = dialog
        dialog.open()

    def _save_action(self, dialog: ActionDialog, action: ActionRow | None) -> None:
        values = dialog.values()
        try:
            with self.context.write("assessment") as session:
                if action is None:
                    risk_service.add_action(
                        session,
                        actor=self.context.actor,
                        assessment_id=self.controller.assessment_id,
                        **values,
                    )
                else:
                    risk_service.update_action(
                        session, actor=self.context.actor, action_id=action.id, **values
                    )
        except DpiaDeskError as error:
            dialog.show_error(f"{error.message} {error.hint or ''}".strip())
            dialog.open()
            return
        self.controller.schedule_summary()
        self.reload()

    def actions_from_findings(self) -> list[str]:
        try:
            with self.context.write("assessment") as session:
                created = risk_service.actions_from_findings(
                    session, actor=self.context.actor, assessment_id=self.controller.assessment_id
                )
                titles = [action.title for action in created]
        except DpiaDeskError as error:
            self.controller.report("", error)
            return []
        self.controller.schedule_summary()
        self.reload()
        return titles

    def select_action(self, action_id: str) -> bool:
        row = self.action_model.row_of(action_id)
        if row >= 0:
            self.action_table.selectRow(row)
            self.action_table.setFocus()
            return True
        return False

    def focus_first(self) -> None:
        target = self.risk_table if self.register_box.isVisible() else self.action_table
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_risk_index(self) -> QModelIndex:
        return self.risk_table.currentIndex()
