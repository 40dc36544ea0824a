"""The review dialogs: rate a section, and sign off (name, decision, statement).

Both are opened with ``open()`` (window-modal, non-blocking) by the window; they call the
controller themselves and stay open with the reason when the change is refused. A refused
approval lists the unanswered required questions; activating one closes the dialog and jumps to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.errors import DpiaDeskError
from dpia_desk.services.errors import SignOffBlockedError
from dpia_desk.services.signoff import GROUP_LABEL, ROLE_GROUP, ROLES
from dpia_desk.ui.assessment.section_model import rating_label
from dpia_desk.ui.labels import role_label
from dpia_desk.ui.widgets import FieldError, heading, hint

if TYPE_CHECKING:
    from dpia_desk.ui.assessment.controller import AssessmentController

RATINGS = ("acceptable", "improvable", "to_be_corrected")
QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RateSectionDialog(QDialog):
    def __init__(
        self, controller: AssessmentController, section_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.section_id = section_id
        section = controller.form.section(section_id)
        self.setWindowTitle(self.tr("Rate a section"))
        self.setAccessibleName(self.tr("Rate the section {title}").format(title=section.title))
        existing = controller.review_data.ratings.get(section_id)

        self.group = QButtonGroup(self)
        words = {
            "acceptable": self.tr("&Acceptable"),
            "improvable": self.tr("&Improvable"),
            "to_be_corrected": self.tr("&To be corrected"),
        }
        choices = QHBoxLayout()
        self.buttons: dict[str, QRadioButton] = {}
        for position, code in enumerate(RATINGS):
            button = QRadioButton(words[code])
            button.setAccessibleName(rating_label(code))
            self.group.addButton(button, position)
            self.buttons[code] = button
            choices.addWidget(button)
        choices.addStretch(1)
        self.buttons[existing.rating if existing else "acceptable"].setChecked(True)
        self.comment = QPlainTextEdit(existing.comment if existing else "")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What should the author change or check?"))
        self.comment.setAccessibleName(self.tr("Comment for the author"))
        self.reviewer = QLineEdit(controller.context.actor)
        self.reviewer.setAccessibleName(self.tr("Reviewer"))
        self.error = FieldError(self.reviewer)

        form = QFormLayout()
        form.addRow(self.tr("Rating:"), choices)
        comment_label = QLabel(self.tr("&Comment:"))
        comment_label.setBuddy(self.comment)
        form.addRow(comment_label, self.comment)
        reviewer_label = QLabel(self.tr("Re&viewer:"))
        reviewer_label.setBuddy(self.reviewer)
        form.addRow(reviewer_label, self.reviewer)

        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save rating"))
        self.box.accepted.connect(self.save)
        self.box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(section.title))
        layout.addWidget(
            hint(self.tr("The author sees the rating and the comment beside the section."))
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.box)
        self.resize(520, 320)

    def rating(self) -> str:
        return RATINGS[max(0, self.group.checkedId())]

    def save(self) -> None:
        reviewer = " ".join(self.reviewer.text().split())
        if not reviewer:
            self.error.show_error(self.tr("Name the reviewer."))
            return
        if self.controller.rate_section(
            self.section_id, self.rating(), self.comment.toPlainText(), reviewer
        ):
            self.accept()
        else:
            self.error.show_error(self.tr("The rating was not saved."))


class SignOffDialog(QDialog):
    """One role's decision. :attr:`jump_requested` carries a missing question's id."""

    jump_requested = Signal(str)

    def __init__(self, controller: AssessmentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        context = controller.context
        self.setWindowTitle(self.tr("Sign off"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Signing as"))
        status = controller.review
        for code in ROLES:
            group = ROLE_GROUP[code]
            state = ""
            if group in status.approved:
                state = self.tr(" (approved)")
            elif group in status.rejected:
                state = self.tr(" (rejected)")
            elif group not in status.required:
                state = self.tr(" (not required)")
            self.role.addItem(role_label(code) + state, code)
        default_role = context.preferences.reviewer_role
        pending_roles = [code for code in ROLES if ROLE_GROUP[code] in status.pending]
        preferred = default_role if ROLE_GROUP.get(default_role) in status.pending else (
            pending_roles[0] if pending_roles else default_role
        )  # fmt: skip
        self.role.setCurrentIndex(max(0, self.role.findData(preferred)))
        self.name = QLineEdit(context.actor)
        self.name.setAccessibleName(self.tr("Your name"))
        self.decision_group = QButtonGroup(self)
        self.approve = QRadioButton(self.tr("A&pprove"))
        self.reject_button = QRadioButton(self.tr("Re&ject"))
        self.decision_group.addButton(self.approve, 0)
        self.decision_group.addButton(self.reject_button, 1)
        self.approve.setChecked(True)
        decisions = QHBoxLayout()
        decisions.addWidget(self.approve)
        decisions.addWidget(self.reject_button)
        decisions.addStretch(1)
        self.statement = QPlainTextEdit()
        self.statement.setTabChangesFocus(True)
        self.statement.setPlaceholderText(
            self.tr("E.g. “The HR sections are complete and accurate to my knowledge.”")
        )
        self.statement.setAccessibleName(self.tr("Statement"))
        self.name_error = FieldError(self.name)

        self.blocked = QLabel()
        self.blocked.setProperty("role", "error")
        self.blocked.setWordWrap(True)
        self.blocked.hide()
        self.missing = QListWidget()
        self.missing.setAccessibleName(self.tr("Unanswered required questions"))
        self.missing.setToolTip(self.tr("Double-click or press Enter to go to the question."))
        self.missing.hide()
        self.missing.itemActivated.connect(self._jump)

        form = QFormLayout()
        role_label_widget = QLabel(self.tr("Signing &as:"))
        role_label_widget.setBuddy(self.role)
        form.addRow(role_label_widget, self.role)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Decision:"), decisions)
        statement_label = QLabel(self.tr("&Statement:"))
        statement_label.setBuddy(self.statement)
        form.addRow(statement_label, self.statement)

        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sign off"))
        self.box.accepted.connect(self.save)
        self.box.rejected.connect(self.reject)

        pending = ", ".join(GROUP_LABEL.get(g, g) for g in status.pending) or self.tr("none")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sign off this assessment")))
        layout.addWidget(
            hint(
                self.tr(
                    "Each role signs off its sections. When every role has approved, the "
                    "assessment is approved and locked. Still to sign: {pending}."
                ).format(pending=pending)
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.blocked)
        layout.addWidget(self.missing)
        layout.addWidget(self.box)
        self.resize(560, 420)

    def decision(self) -> str:
        return "reject" if self.reject_button.isChecked() else "approve"

    def save(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self.name_error.show_error(self.tr("Name the person signing."))
            self.name.setFocus()
            return
        self.name_error.clear_error()
        try:
            self.controller.sign_off(
                str(self.role.currentData()), name, self.decision(), self.statement.toPlainText()
            )
        except SignOffBlockedError as error:
            self.show_missing(error.missing)
            return
        except DpiaDeskError as error:
            self.blocked.setText(f"{error.message} {error.hint or ''}".strip())
            self.blocked.show()
            self.missing.hide()
            return
        self.accept()

    def show_missing(self, missing: tuple[str, ...]) -> None:
        form = self.controller.form
        self.blocked.setText(
            self.tr(
                "Approval refused: {count} required question(s) are unanswered. Answer them, or "
                "record a rejection instead. Double-click a question to go to it."
            ).format(count=len(missing))
        )
        self.blocked.show()
        self.missing.clear()
        for question_id in missing:
            section = form.section_of(question_id)
            item = QListWidgetItem(f"{section.title}: {form.question(question_id).text}")
            item.setData(QUESTION_ID_ROLE, question_id)
            self.missing.addItem(item)
        self.missing.show()
        self.missing.setCurrentRow(0)
        self.missing.setFocus()

    def _jump(self, item: QListWidgetItem) -> None:
        question_id = item.data(QUESTION_ID_ROLE)
        if isinstance(question_id, str):
            self.reject()
            self.jump_requested.emit(question_id)
