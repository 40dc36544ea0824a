"""Add or edit a risk (CNIL severity and likelihood before and after measures) and an action.

The dialogs collect plain values (:meth:`RiskDialog.values`, :meth:`ActionDialog.values`); the
risks panel saves them through the services and shows a refusal in the dialog.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.scoring import load_rules
from dpia_desk.ui.labels import date_edit_format
from dpia_desk.ui.risks.data import ActionRow, RiskRow
from dpia_desk.ui.risks.models import action_status_label
from dpia_desk.ui.risks.scales import level_advice, level_label, level_of, scale
from dpia_desk.ui.widgets import FieldError, hint


def _scale_combo(name: str, *, optional: bool, accessible: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible)
    if optional:
        combo.addItem(QCoreApplication.translate("Risks", "Not rated yet"), None)
    for point in scale(name):
        combo.addItem(f"{point.value} {point.label}", point.value)
        combo.setItemData(combo.count() - 1, point.text, Qt.ItemDataRole.ToolTipRole)
    return combo


def _select(combo: QComboBox, value: Any) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


def _labelled(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class RiskDialog(QDialog):
    def __init__(self, risk: RiskRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit risk") if risk else self.tr("Add a risk"))
        self.title = QLineEdit(risk.title if risk else "")
        self.title.setMaxLength(300)
        self.title.setAccessibleName(self.tr("Risk title"))
        self.feared_event = QComboBox()
        self.feared_event.setEditable(True)
        self.feared_event.setAccessibleName(self.tr("Feared event"))
        for text in load_rules().dpia.feared_events.values():
            self.feared_event.addItem(QCoreApplication.translate("Cnil", text))
        self.feared_event.setCurrentText(risk.feared_event if risk else "")
        self.sources = QPlainTextEdit("\n".join(risk.sources) if risk else "")
        self.sources.setTabChangesFocus(True)
        self.sources.setPlaceholderText(self.tr("One per line, e.g. a malicious insider"))
        self.sources.setAccessibleName(self.tr("Risk sources"))
        self.impacts = QPlainTextEdit("\n".join(risk.impacts) if risk else "")
        self.impacts.setTabChangesFocus(True)
        self.impacts.setPlaceholderText(self.tr("One per line, e.g. loss of a job opportunity"))
        self.impacts.setAccessibleName(self.tr("Impacts on the people concerned"))
        for edit in (self.sources, self.impacts):
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)

        self.severity = _scale_combo(
            "severity", optional=False, accessible=self.tr("Severity before measures")
        )
        self.likelihood = _scale_combo(
            "likelihood", optional=False, accessible=self.tr("Likelihood before measures")
        )
        self.residual_severity = _scale_combo(
            "severity", optional=True, accessible=self.tr("Severity after measures")
        )
        self.residual_likelihood = _scale_combo(
            "likelihood", optional=True, accessible=self.tr("Likelihood after measures")
        )
        _select(self.severity, risk.severity if risk and risk.severity else 2)
        _select(self.likelihood, risk.likelihood if risk and risk.likelihood else 2)
        _select(self.residual_severity, risk.residual_severity if risk else None)
        _select(self.residual_likelihood, risk.residual_likelihood if risk else None)
        self.measures = QPlainTextEdit(risk.measures if risk else "")
        self.measures.setTabChangesFocus(True)
        self.measures.setPlaceholderText(self.tr("The measures that bring the risk down"))
        self.measures.setAccessibleName(self.tr("Measures"))
        self.measures.setFixedHeight(self.measures.fontMetrics().lineSpacing() * 4 + 14)
        self.level = QLabel()
        self.level.setWordWrap(True)
        self.level.setAccessibleName(self.tr("Resulting risk level"))
        self.error = FieldError(self.title)

        before = QHBoxLayout()
        before.addWidget(self.severity, 1)
        before.addWidget(QLabel("×"))
        before.addWidget(self.likelihood, 1)
        after = QHBoxLayout()
        after.addWidget(self.residual_severity, 1)
        after.addWidget(QLabel("×"))
        after.addWidget(self.residual_likelihood, 1)

        form = QFormLayout()
        form.addRow(_labelled(self.tr("&Title:"), self.title), self.title)
        form.addRow("", self.error)
        form.addRow(_labelled(self.tr("&Feared event:"), self.feared_event), self.feared_event)
        form.addRow(_labelled(self.tr("&Sources:"), self.sources), self.sources)
        form.addRow(_labelled(self.tr("&Impacts:"), self.impacts), self.impacts)
        form.addRow(_labelled(self.tr("&Before measures:"), self.severity), before)
        form.addRow(_labelled(self.tr("&Measures:"), self.measures), self.measures)
        form.addRow(_labelled(self.tr("&After measures:"), self.residual_severity), after)
        form.addRow(self.tr("Level:"), self.level)

        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.box.accepted.connect(self._check)
        self.box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                self.tr(
                    "Rate severity and likelihood on the CNIL scales (1 negligible to 4 maximum), "
                    "before the measures and after them."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.box)
        for combo in (
            self.severity,
            self.likelihood,
            self.residual_severity,
            self.residual_likelihood,
        ):
            combo.currentIndexChanged.connect(self._show_level)
        self._show_level()
        self.resize(600, 560)

    def _show_level(self) -> None:
        severity, likelihood = self.severity.currentData(), self.likelihood.currentData()
        before = level_of(severity, likelihood)
        text = self.tr("Before measures: {level}.").format(level=level_label(before))
        residual_s, residual_l = (
            self.residual_severity.currentData(),
            self.residual_likelihood.currentData(),
        )
        if residual_s is not None and residual_l is not None:
            after = level_of(residual_s, residual_l)
            text += " " + self.tr("After measures: {level}. {advice}").format(
                level=level_label(after), advice=level_advice(after)
            )
        else:
            text += " " + level_advice(before)
        self.level.setText(text)

    def _check(self) -> None:
        if not self.title.text().strip():
            self.error.show_error(self.tr("Give the risk a title."))
            self.title.setFocus()
            return
        self.error.clear_error()
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.show_error(message)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "feared_event": self.feared_event.currentText().strip(),
            "sources": self.sources.toPlainText(),
            "impacts": self.impacts.toPlainText(),
            "severity": self.severity.currentData(),
            "likelihood": self.likelihood.currentData(),
            "residual_severity": self.residual_severity.currentData(),
            "residual_likelihood": self.residual_likelihood.currentData(),
            "measures": self.measures.toPlainText().strip(),
        }


class ActionDialog(QDialog):
    STATUSES = ("open", "in_progress", "done")

    def __init__(
        self,
        action: ActionRow | None = None,
        risks: dict[str, str] | None = None,
        *,
        risk_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit action") if action else self.tr("Add an action"))
        self.title = QLineEdit(action.title if action else "")
        self.title.setMaxLength(300)
        self.title.setAccessibleName(self.tr("Action"))
        self.owner = QLineEdit(action.owner if action else "")
        self.owner.setMaxLength(200)
        self.owner.setAccessibleName(self.tr("Owner"))
        self.owner.setPlaceholderText(self.tr("Who does it"))
        self.has_due = QCheckBox(self.tr("&Due by"))
        self.due = QDateEdit()
        self.due.setDisplayFormat(date_edit_format())
        self.due.setCalendarPopup(True)
        self.due.setAccessibleName(self.tr("Due date"))
        due = action.due_date if action and action.due_date else None
        self.has_due.setChecked(due is not None)
        start = due or date.today()
        self.due.setDate(QDate(start.year, start.month, start.day))
        self.due.setEnabled(due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for code in self.STATUSES:
            self.status.addItem(action_status_label(code), code)
        _select(self.status, action.status if action else "open")
        self.risk = QComboBox()
        self.risk.setAccessibleName(self.tr("Risk it treats"))
        self.risk.addItem(self.tr("None"), None)
        for key, title in (risks or {}).items():
            if not key.startswith("form:"):
                self.risk.addItem(title, key)
        _select(self.risk, action.risk_id if action else risk_id)
        self.error = FieldError(self.title)

        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)
        form = QFormLayout()
        form.addRow(_labelled(self.tr("&Action:"), self.title), self.title)
        form.addRow("", self.error)
        form.addRow(_labelled(self.tr("&Owner:"), self.owner), self.owner)
        form.addRow(self.tr("Due:"), due_row)
        form.addRow(_labelled(self.tr("&Status:"), self.status), self.status)
        form.addRow(_labelled(self.tr("&Risk:"), self.risk), self.risk)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.box.accepted.connect(self._check)
        self.box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.box)
        self.resize(480, 280)

    def _check(self) -> None:
        if not self.title.text().strip():
            self.error.show_error(self.tr("Say what is to be done."))
            self.title.setFocus()
            return
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.show_error(message)

    def values(self) -> dict[str, Any]:
        chosen = self.due.date()
        return {
            "title": self.title.text().strip(),
            "owner": self.owner.text().strip(),
            "due_date": date(chosen.year(), chosen.month(), chosen.day())
            if self.has_due.isChecked()
            else None,
            "status": self.status.currentData(),
            "risk_id": self.risk.currentData(),
        }
