"""One question as a card: its text and required mark, help on demand, legal references as chips,
the answer editor, the finding a choice raises, a comment, and evidence attachments (a file
dialog or files dropped onto the card).

Help, comment editor and the attachment list are created the first time they are needed: a
section of the 111-question due diligence holds up to 22 cards, and most of them never show help.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.questionnaire import EvidenceQuestion, Question
from dpia_desk.services.assessments import MAX_COMMENT_LENGTH
from dpia_desk.ui.assessment.editors import AnswerEditor, PlainTextEditor, editor_for
from dpia_desk.ui.assessment.flow_layout import FlowWidget
from dpia_desk.ui.assessment.refs import ref_source_title, ref_text, ref_tooltip
from dpia_desk.ui.labels import role_label
from dpia_desk.ui.theme import current_theme

if TYPE_CHECKING:
    from dpia_desk.ui.assessment.controller import AssessmentController
    from dpia_desk.ui.assessment.data import EvidenceItem

SEVERITY_WORDS = ("low", "medium", "high", "critical")


def local_files(mime: QMimeData) -> list[Path]:
    """The local files of a drag, or [] if anything else is dragged (web links, text)."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [Path(url.toLocalFile()) for url in urls]


def _size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1_048_576:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1_048_576:.1f} MB"


class AttachmentChip(QFrame):
    """A stored file: its name opens it, × removes it."""

    def __init__(self, item: EvidenceItem, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setProperty("role", "attachment")
        self.open_button = QToolButton()
        self.open_button.setProperty("role", "link")
        self.open_button.setText(item.filename)
        self.open_button.setToolTip(
            self.tr("Open {name} ({size}), added by {who}").format(
                name=item.filename, size=_size_text(item.size), who=item.added_by
            )
        )
        self.open_button.setAccessibleName(
            self.tr("Open attachment {name}").format(name=item.filename)
        )
        self.remove_button = QToolButton()
        self.remove_button.setText("×")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setToolTip(self.tr("Remove this attachment"))
        self.remove_button.setAccessibleName(
            self.tr("Remove attachment {name}").format(name=item.filename)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 2, 0)
        layout.setSpacing(0)
        layout.addWidget(self.open_button)
        layout.addWidget(self.remove_button)
        # only once it has a parent: setVisible on a parentless widget shows a window
        self.remove_button.setVisible(editable)


class QuestionWidget(QFrame):
    """See the module docstring. All changes go to the controller."""

    #: The user asked to open an attachment (the window writes it to a private temp file).
    open_requested = Signal(str)

    def __init__(
        self, question: Question, controller: AssessmentController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.controller = controller
        self.question_id = question.id
        self.setProperty("role", "question")
        self.setObjectName(f"question_{question.id}")
        # Preferred, not Maximum: the card's height follows its width (wrapped text), and a
        # maximum taken from sizeHint() would centre a shorter card in the taller slot.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        editable = controller.editable
        self._editable = editable
        self.is_evidence = isinstance(question, EvidenceQuestion)

        self.text_label = QLabel()
        self.text_label.setProperty("role", "question_text")
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if question.required:
            # The mark follows the text (rich text); its meaning is in the accessible name.
            self.text_label.setTextFormat(Qt.TextFormat.RichText)
            color = current_theme().colors["error"]
            self.text_label.setText(
                f"{html.escape(question.text)}&nbsp;<span style='color:{color}'>*</span>"
            )
            self.text_label.setToolTip(self.tr("Required"))
        else:
            self.text_label.setTextFormat(Qt.TextFormat.PlainText)
            self.text_label.setText(question.text)
        self.text_label.setAccessibleName(self._accessible_question())
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(self.text_label, 1)
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setProperty("role", "help")
        self.help_button.setCheckable(True)
        self.help_button.setToolTip(self.tr("Show help and references (F1)"))
        self.help_button.setAccessibleName(self.tr("Help for this question"))
        self.help_button.toggled.connect(self.show_help)
        head.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)

        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 12, 14, 12)
        self.body.setSpacing(8)
        self.body.addLayout(head)

        self.chips: list[QLabel] = []
        if question.refs:
            chips = FlowWidget(spacing=4)
            for ref in question.refs:
                chip = QLabel(ref_text(ref))
                chip.setProperty("role", "chip")
                chip.setToolTip(ref_tooltip(ref))
                chip.setAccessibleName(ref_text(ref))
                chip.setAccessibleDescription(ref_source_title(ref))
                chips.add_widget(chip)
                self.chips.append(chip)
            self.body.addWidget(chips)

        self.help_label: QLabel | None = None
        self._help_index = self.body.count()

        self.editor: AnswerEditor | None = editor_for(question)
        if self.editor is not None:
            self.editor.set_accessible_name(self._accessible_question())
            self.editor.committed.connect(self._answer_committed)
            self.body.addWidget(self.editor)

        self.finding_label = QLabel()
        self.finding_label.setProperty("role", "finding")
        self.finding_label.setWordWrap(True)
        self.finding_label.hide()
        self.body.addWidget(self.finding_label)
        self.problem_label = QLabel()
        self.problem_label.setProperty("role", "error")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.hide()
        self.body.addWidget(self.problem_label)

        # footer: comment, attach, clear
        self.comment_button = QToolButton()
        self.comment_button.setProperty("role", "link")
        self.comment_button.clicked.connect(self.open_comment)
        self.attach_button = QToolButton()
        self.attach_button.setProperty("role", "link")
        self.attach_button.setText(
            self.tr("Attach evidence…") if question.evidence_requested or self.is_evidence
            else self.tr("Attach file…")
        )  # fmt: skip
        self.attach_button.setToolTip(
            self.tr("Add a file (or drop files onto this question); it is stored encrypted")
        )
        self.attach_button.clicked.connect(self.choose_files)
        self.clear_button = QToolButton()
        self.clear_button.setProperty("role", "link")
        self.clear_button.setText(self.tr("Clear answer"))
        self.clear_button.setAccessibleName(self.tr("Clear the answer to this question"))
        self.clear_button.clicked.connect(lambda: self._answer_committed(None))
        self.owner_hint = QLabel()
        self.owner_hint.setProperty("role", "hint")
        owner = controller.form.owner_role_of(question.id)
        if owner:
            self.owner_hint.setText(role_label(owner))
            self.owner_hint.setToolTip(
                self.tr("Answered by: {role}").format(role=role_label(owner))
            )
        # a wrapping row: longer translations move to a second line instead of widening the card
        self.footer = FlowWidget(spacing=4)
        for widget in (self.comment_button, self.attach_button, self.clear_button, self.owner_hint):
            self.footer.add_widget(widget)
        self.body.addWidget(self.footer)

        self.attachments: FlowWidget | None = None
        self.comment_editor: PlainTextEditor | None = None
        self._flash_timer: QTimer | None = None
        self._shown_attachments: tuple[object, ...] = ()

        self.setAccessibleName(self._accessible_question())
        self.set_editable(editable)
        self.refresh()

    # --- what it shows ---------------------------------------------------------------------------

    def _accessible_question(self) -> str:
        text = self.question.text
        return (
            self.tr("{question} (required)").format(question=text)
            if self.question.required
            else text
        )

    def refresh(self, *, from_history: bool = False) -> None:
        """Shows the controller's current answer, comment, finding and attachments."""
        controller = self.controller
        value = controller.answers.get(self.question_id)
        editor = self.editor
        if (
            editor is not None
            and (from_history or not editor.is_typing())
            and editor.value() != value
        ):
            editor.set_value(value)
        comment = controller.comments.get(self.question_id, "")
        self._show_comment_state(comment, from_history=from_history)
        self._show_finding()
        self._show_attachments()
        self.clear_button.setVisible(
            self._editable and self.editor is not None and value is not None
        )

    def _show_finding(self) -> None:
        flags = [f for f in self.controller.state.flags if f.question_id == self.question_id]
        if not flags:
            if not self.finding_label.isHidden():
                self.finding_label.hide()
            return
        lines = []
        for flag in flags:
            severity = {
                "low": self.tr("Low"),
                "medium": self.tr("Medium"),
                "high": self.tr("High"),
                "critical": self.tr("Critical"),
            }.get(flag.severity, flag.severity)
            lines.append(
                self.tr("⚠ Finding ({severity}): {text}").format(severity=severity, text=flag.text)
            )
        self.finding_label.setText("\n".join(lines))
        self.finding_label.show()

    def _show_comment_state(self, comment: str, *, from_history: bool) -> None:
        if comment and self.comment_editor is None:
            self._make_comment_editor()
        if self.comment_editor is not None and (
            from_history or not self.comment_editor.is_typing()
        ):
            self.comment_editor.set_value(comment)
        has_editor = self.comment_editor is not None and self.comment_editor.isVisible()
        self.comment_button.setText(self.tr("Hide comment") if has_editor else self.tr("Comment…"))
        self.comment_button.setVisible(self._editable or bool(comment))

    def _show_attachments(self) -> None:
        items = self.controller.evidence_of(self.question_id)
        if not items and self.attachments is None:
            return
        shown = (tuple(items), self._editable)
        if shown == self._shown_attachments:
            return
        self._shown_attachments = shown
        if self.attachments is None:
            self.attachments = FlowWidget(spacing=4)
            self.body.insertWidget(self.body.count() - 1, self.attachments)
        flow = self.attachments
        flow.clear()
        for item in items:
            chip = AttachmentChip(item, self._editable)
            chip.open_button.clicked.connect(
                lambda _c=False, eid=item.id: self.open_requested.emit(eid)
            )
            chip.remove_button.clicked.connect(
                lambda _c=False, eid=item.id: self.controller.remove_attachment(eid)
            )
            flow.add_widget(chip)
        self.attachments.setVisible(bool(items))

    def attachment_chips(self) -> list[AttachmentChip]:
        if self.attachments is None:
            return []
        return [
            chip for chip in self.attachments.findChildren(AttachmentChip) if not chip.isHidden()
        ]

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        if self.editor is not None:
            self.editor.set_editable(editable)
        if self.comment_editor is not None:
            self.comment_editor.set_editable(editable)
        self.attach_button.setVisible(editable)
        self.setAcceptDrops(editable)

    def show_problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.setVisible(bool(message))
        target = self.editor.focus_widget() if self.editor is not None else self
        target.setAccessibleDescription(message)

    # --- help ------------------------------------------------------------------------------------

    def show_help(self, shown: bool) -> None:
        if shown and self.help_label is None:
            self.help_label = QLabel(self._help_html())
            self.help_label.setProperty("role", "help")
            self.help_label.setWordWrap(True)
            self.help_label.setTextFormat(Qt.TextFormat.RichText)
            self.help_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self.help_label.setAccessibleName(self.tr("Help"))
            self.body.insertWidget(self._help_index, self.help_label)
        if self.help_label is not None:
            self.help_label.setVisible(shown)
        if self.help_button.isChecked() != shown:
            self.help_button.setChecked(shown)

    def toggle_help(self) -> None:
        self.show_help(not self.help_button.isChecked())

    def _help_html(self) -> str:
        parts: list[str] = []
        if self.question.help:
            for paragraph in self.question.help.strip().split("\n\n"):
                parts.append(f"<p>{html.escape(' '.join(paragraph.split()))}</p>")
        else:
            parts.append(f"<p>{html.escape(self.tr('No further guidance for this question.'))}</p>")
        if self.question.refs:
            items = "".join(
                f"<li><b>{html.escape(ref_text(ref))}</b>"
                + (f" — {html.escape(ref_source_title(ref))}" if ref_source_title(ref) else "")
                + "</li>"
                for ref in self.question.refs
            )
            parts.append(f"<p>{html.escape(self.tr('References:'))}</p><ul>{items}</ul>")
        if self.question.evidence_requested:
            parts.append(
                "<p>"
                + html.escape(
                    self.tr("Evidence is requested: attach the document that supports the answer.")
                )
                + "</p>"
            )
        return "".join(parts)

    # --- comment --------------------------------------------------------------------------------

    def _make_comment_editor(self) -> PlainTextEditor:
        editor = PlainTextEditor(None, MAX_COMMENT_LENGTH)
        editor.edit.setPlaceholderText(
            self.tr("A note for the other reviewers (saved as you type)")
        )
        editor.set_accessible_name(
            self.tr("Comment on: {question}").format(question=self.question.text)
        )
        line = editor.edit.fontMetrics().lineSpacing()
        editor.edit.setMinimumHeight(line * 2 + 16)
        editor.committed.connect(
            lambda value: self.controller.comment(self.question_id, value or "")
        )
        editor.set_editable(self._editable)
        self.body.insertWidget(self.body.count() - 1, editor)
        self.comment_editor = editor
        return editor

    def open_comment(self) -> None:
        editor = self.comment_editor or self._make_comment_editor()
        if editor.isVisible() and not self.controller.comments.get(self.question_id):
            editor.flush()
            editor.hide()
        else:
            editor.show()
            editor.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_comment_state(
            self.controller.comments.get(self.question_id, ""), from_history=False
        )

    # --- answering ------------------------------------------------------------------------------

    def _answer_committed(self, value: Any) -> None:
        self.show_problem("")
        self.controller.answer(self.question_id, value)
        self.clear_button.setVisible(
            self._editable
            and self.editor is not None
            and self.controller.answers.get(self.question_id) is not None
        )

    def flush(self) -> None:
        if self.editor is not None:
            self.editor.flush()
        if self.comment_editor is not None:
            self.comment_editor.flush()

    def focus_answer(self) -> None:
        target: QWidget = (
            self.editor.focus_widget() if self.editor is not None else self.attach_button
        )
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def flash(self) -> None:
        """Briefly outlines the card (after a jump to it)."""
        self._set_property("flash", True)
        if self._flash_timer is None:
            self._flash_timer = QTimer(self)
            self._flash_timer.setSingleShot(True)
            self._flash_timer.setInterval(1200)
            self._flash_timer.timeout.connect(lambda: self._set_property("flash", False))
        self._flash_timer.start()

    def _set_property(self, name: str, value: bool) -> None:
        self.setProperty(name, value)
        self.style().unpolish(self)
        self.style().polish(self)

    # --- evidence -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach evidence to this question"),
            "",
            self.tr("All files (*)"),
        )
        if names:
            self.controller.attach_files(self.question_id, [Path(name) for name in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._editable and local_files(event.mimeData()):
            event.acceptProposedAction()
            self._set_property("dropping", True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_property("dropping", False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_property("dropping", False)
        paths = local_files(event.mimeData())
        if not self._editable or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.controller.attach_files(self.question_id, paths)


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
