"""Add or edit one AI system of a vendor (name required; description and intended purpose)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.store import InvalidFieldError
from dpia_desk.store.vendors import NAME_MAX
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.store_queries import add_ai_system, get_ai_system, update_ai_system
from dpia_desk.ui.widgets import FieldError, FittedDialog, hint, make_primary


class AISystemDialog(FittedDialog):
    """``AISystemDialog(context, vendor_id)`` adds; pass ``system_id`` to edit.

    After ``accept()``, :attr:`system_id` is the saved system's id.
    """

    def __init__(
        self,
        context: WorkspaceContext,
        vendor_id: str,
        system_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._vendor_id = vendor_id
        self.system_id = system_id
        self.setWindowTitle(
            self.tr("New AI system") if system_id is None else self.tr("Edit AI system")
        )

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setAccessibleName(self.tr("AI system name (required)"))
        self.name_edit.setPlaceholderText(self.tr("Product or feature name"))
        self.name_error = FieldError(self.name_edit)

        self.description_edit = QPlainTextEdit()
        self.description_edit.setAccessibleName(self.tr("What the system does"))
        self.description_edit.setTabChangesFocus(True)
        self.purpose_edit = QPlainTextEdit()
        self.purpose_edit.setAccessibleName(self.tr("Intended purpose"))
        self.purpose_edit.setTabChangesFocus(True)
        lines = self.fontMetrics().lineSpacing()
        for edit in (self.description_edit, self.purpose_edit):
            edit.setFixedHeight(lines * 4 + 16)
        self.save_error = FieldError(self.purpose_edit)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("Intended &purpose:"), self.purpose_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = make_primary(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(
            hint(
                self.tr(
                    "The intended purpose is what the AI Act screening starts from: who uses the "
                    "system, on whom, and for which decisions."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)
        self.preferred_width = 520

        self.name_edit.textChanged.connect(self._on_name_changed)
        if system_id is not None:
            with context.read() as session:
                row = get_ai_system(session, system_id)
            self.name_edit.setText(row.name)
            self.description_edit.setPlainText(row.description)
            self.purpose_edit.setPlainText(row.intended_purpose)
        self._on_name_changed(self.name_edit.text())

    def _on_name_changed(self, text: str) -> None:
        if text.strip():
            self.name_error.clear_error()
        self.save_button.setEnabled(bool(text.strip()))

    def save(self) -> None:
        values = {
            "name": self.name_edit.text(),
            "description": self.description_edit.toPlainText(),
            "intended_purpose": self.purpose_edit.toPlainText(),
        }
        try:
            with self._context.write("ai_system") as session:
                if self.system_id is None:
                    self.system_id = add_ai_system(
                        session, actor=self._context.actor, vendor_id=self._vendor_id, **values
                    )
                else:
                    update_ai_system(session, self.system_id, actor=self._context.actor, **values)
        except InvalidFieldError as problem:
            target = self.name_error if problem.field == "name" else self.save_error
            message = problem.message.removeprefix(f"{problem.field}: ")
            target.show_error(message[:1].upper() + message[1:])
            self.name_edit.setFocus()
            return
        self.accept()
