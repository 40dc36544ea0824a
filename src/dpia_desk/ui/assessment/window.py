"""The assessment window: questions, risks and actions, review and sign-off of one assessment.

One window per open assessment (see :mod:`dpia_desk.ui.review.windows`), so its undo history
(Ctrl+Z, Ctrl+Shift+Z) belongs to it and ends when it closes. Keyboard: Ctrl+Page Down / Page Up
change section, F1 shows the focused question's help, Alt+Q/A/S switch tabs, and every control
is reachable with Tab. A locked (approved or rejected) version opens read-only with a banner and
a "Reopen as new version" action.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.assessment.controller import AssessmentController
from dpia_desk.ui.assessment.dialogs import RateSectionDialog, SignOffDialog
from dpia_desk.ui.assessment.question_widget import open_file
from dpia_desk.ui.assessment.questions_view import QuestionsView
from dpia_desk.ui.assessment.review_panel import ReviewPanel
from dpia_desk.ui.assessment.style import apply_window_style, badge_style
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.delegates import badge_colors
from dpia_desk.ui.icons import app_icon
from dpia_desk.ui.labels import assessment_status_label, format_time
from dpia_desk.ui.risks.panel import RisksPanel
from dpia_desk.ui.theme import current_theme
from dpia_desk.ui.widgets import Banner, heading, hint

_STATUS_BADGE = {
    "draft": "tier:",
    "in_review": "tier:limited",
    "approved": "tier:minimal",
    "rejected": "tier:high",
}


class AssessmentWindow(QMainWindow):
    #: The user asked for another assessment (a reopened version) or the review overview.
    open_assessment_requested = Signal(str)
    open_review_requested = Signal(str)

    def __init__(self, controller: AssessmentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.controller = controller
        self.context: WorkspaceContext = controller.context
        controller.setParent(self)
        self.setObjectName("assessmentWindow")
        self.setWindowIcon(app_icon())
        apply_window_style(self)
        self.dialog: RateSectionDialog | SignOffDialog | None = None

        data = controller.data
        form = controller.form
        self.title = heading("", "title")
        subtitle = form.title
        if data.ai_system_name:
            subtitle += " · " + data.ai_system_name
        self.subtitle = hint(subtitle)
        self.status_badge = QLabel()
        self.status_badge.setProperty("role", "badge")
        self.review_button = QToolButton()
        self.review_button.setProperty("role", "link")
        self.review_button.setText(self.tr("Review overview"))
        self.review_button.setToolTip(
            self.tr("Every step of this vendor review, and what comes next")
        )
        self.review_button.clicked.connect(self.open_review)
        head = QHBoxLayout()
        head.setSpacing(12)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.review_button.setVisible(data.review_id is not None)

        self.banner = Banner("", "warning")
        self.reopen_button = QPushButton(self.tr("Re&open as new version"))
        self.reopen_button.clicked.connect(self.reopen)
        self.newer_button = QPushButton(self.tr("Open the &newer version"))
        self.newer_button.clicked.connect(self._open_newer)
        banner_layout = self.banner.layout()
        assert isinstance(banner_layout, QHBoxLayout)
        banner_layout.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignVCenter)
        banner_layout.addWidget(self.newer_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.questions = QuestionsView(controller)
        self.risks = RisksPanel(controller)
        self.review = ReviewPanel(controller)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.questions, self.tr("&Questions"))
        self.tabs.addTab(self.risks, self.tr("Risks and &actions"))
        self.tabs.addTab(self.review, self.tr("Review and &sign-off"))

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(16, 12, 16, 0)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_status_bar()

        self.questions.rate_requested.connect(self.rate_section)
        self.questions.open_requested.connect(self.open_attachment)
        self.review.rate_requested.connect(self.rate_section)
        self.review.sign_off_requested.connect(self.sign_off)
        self.review.jump_requested.connect(self.jump_to_question)
        self.risks.question_requested.connect(self.jump_to_question)
        # The results panel states the DPIA's risk level as the register and the document do.
        self.risks.dpia_risk_changed.connect(self.questions.results.set_dpia_risk)
        if self.risks.data is not None and self.risks.data.is_dpia:
            self.questions.results.set_dpia_risk(self.risks.data.outcome)
        controller.data_loaded.connect(self._data_loaded)
        controller.review_changed.connect(self._show_status)
        controller.problem.connect(self._show_problem)
        controller.reopened.connect(self._reopened)
        self._show_status()
        self.resize(1280, 820)

    # --- actions and menus -----------------------------------------------------------------------

    def _action(
        self, text: str, slot: object, *shortcuts: QKeySequence | QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        stack = self.controller.undo_stack
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        redo_keys: list[QKeySequence | str] = ["Ctrl+Shift+Z"]
        standard = QKeySequence(QKeySequence.StandardKey.Redo)
        if not standard.isEmpty() and standard != QKeySequence("Ctrl+Shift+Z"):
            redo_keys.append(standard)
        self.redo_action = self._action(self.tr("&Redo"), self.redo, *redo_keys)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.next_section_action = self._action(
            self.tr("&Next section"), lambda: self.questions.step_section(1), "Ctrl+PgDown"
        )
        self.previous_section_action = self._action(
            self.tr("&Previous section"), lambda: self.questions.step_section(-1), "Ctrl+PgUp"
        )
        self.help_action = self._action(
            self.tr("Help for the current &question"), self.toggle_help, "F1"
        )
        self.rate_action = self._action(self.tr("&Rate the current section…"), self._rate_current)
        self.sign_off_action = self._action(self.tr("&Sign off…"), self.sign_off)
        self.reopen_action = self._action(self.tr("Re&open as new version"), self.reopen)
        self.overview_action = self._action(self.tr("Review &overview"), self.open_review)
        self.close_action = self._action(
            self.tr("&Close"), self.close, QKeySequence.StandardKey.Close
        )

        menus = self.menuBar()
        # Export: this assessment as Word, PDF, scorecard or JSON (ui/export_actions.py).
        from dpia_desk.ui.export_actions import add_assessment_menu

        self.exports = add_assessment_menu(
            self, self.context, lambda: self.controller.assessment_id
        )
        edit = menus.addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(self.close_action)
        go = menus.addMenu(self.tr("&Go"))
        go.addAction(self.next_section_action)
        go.addAction(self.previous_section_action)
        review = menus.addMenu(self.tr("Re&view"))
        review.addAction(self.rate_action)
        review.addAction(self.sign_off_action)
        review.addAction(self.reopen_action)
        review.addSeparator()
        review.addAction(self.overview_action)
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.help_action)

    def _undo_text(self, text: str) -> None:
        self.undo_action.setText(
            self.tr("&Undo {change}").format(change=text) if text else self.tr("&Undo")
        )

    def _redo_text(self, text: str) -> None:
        self.redo_action.setText(
            self.tr("&Redo {change}").format(change=text) if text else self.tr("&Redo")
        )

    def undo(self) -> None:
        """Saves typing in progress first, so Ctrl+Z takes back the latest change."""
        self.questions.flush()
        self.controller.undo_stack.undo()

    def redo(self) -> None:
        self.questions.flush()
        self.controller.undo_stack.redo()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("Save state"))
        self.saved_label.setText(self.tr("Every change is saved at once."))
        bar.addPermanentWidget(self.saved_label)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(4000)
        self._quiet.timeout.connect(lambda: self.saved_label.setText(self.tr("All changes saved")))
        self.context.saved.connect(self._saved)

    def _saved(self) -> None:
        self.saved_label.setText(self.tr("Saved ✓"))
        if self.context.last_saved is not None:
            self.saved_label.setToolTip(
                self.tr("Last saved at {time}.").format(time=format_time(self.context.last_saved))
            )
        self._quiet.start()

    # --- status and locking ----------------------------------------------------------------------

    def _show_status(self) -> None:
        controller = self.controller
        data = controller.data
        snapshot = controller.snapshot
        self.title.setText(data.vendor_name)
        self.setWindowTitle(
            self.tr("{vendor} — {form} (version {version})").format(
                vendor=data.vendor_name, form=controller.form.title, version=snapshot.version
            )
        )
        status = snapshot.status
        text = assessment_status_label(status)
        background, foreground, border = badge_colors(
            _STATUS_BADGE.get(status, "tier:"), current_theme()
        )
        self.status_badge.setText(
            self.tr("{status} · v{version}").format(status=text, version=snapshot.version)
        )
        self.status_badge.setStyleSheet(
            badge_style(background.name(), foreground.name(), border.name() if border else None)
        )
        self.status_badge.setAccessibleName(
            self.tr("Status: {status}, version {version}").format(
                status=text, version=snapshot.version
            )
        )
        locked = controller.locked
        if locked:
            words = self.tr("approved") if status == "approved" else self.tr("rejected")
            message = self.tr(
                "This version is {status} and locked: it can be read, not changed."
            ).format(status=words)
            if data.newer_version_id:
                message += " " + self.tr("It has been reopened as a newer version.")
            else:
                message += " " + self.tr(
                    "Reopening creates version {next} and keeps this one."
                ).format(next=snapshot.version + 1)
            self.banner.set_text(message)
        elif self.context.read_only:
            self.banner.set_text(
                self.tr("The workspace is open read-only: nothing can be changed.")
            )
        self.banner.setVisible(locked or self.context.read_only)
        self.reopen_button.setVisible(
            locked and data.newer_version_id is None and not self.context.read_only
        )
        self.newer_button.setVisible(locked and data.newer_version_id is not None)
        self.reopen_action.setEnabled(self.reopen_button.isVisible())
        self.rate_action.setEnabled(controller.editable)
        self.sign_off_action.setEnabled(controller.editable)
        self.overview_action.setEnabled(data.review_id is not None)

    def _data_loaded(self) -> None:
        self.questions.reload()
        self._show_status()

    def _show_problem(self, question_id: str, message: str, hint_text: str) -> None:
        if not question_id:
            self.statusBar().showMessage(f"{message} {hint_text}".strip(), 8000)

    # --- commands -------------------------------------------------------------------------------

    def toggle_help(self) -> None:
        card = self.questions.focused_card()
        if card is None:
            page = self.questions.current_page()
            if page is None:
                return
            card = next((c for c in page.cards.values() if c.isVisible()), None)
            if card is None:
                return
        card.toggle_help()

    def jump_to_question(self, question_id: str) -> None:
        self.tabs.setCurrentWidget(self.questions)
        card = self.questions.jump_to_question(question_id)
        if card is not None:
            # Again once a closing dialog has handed focus back to this window.
            QTimer.singleShot(0, card.focus_answer)

    def _rate_current(self) -> None:
        section_id = self.questions.current_section_id()
        if section_id is not None:
            self.rate_section(section_id)

    def rate_section(self, section_id: str) -> None:
        if not self.controller.editable:
            return
        dialog = RateSectionDialog(self.controller, section_id, self)
        self.dialog = dialog
        dialog.open()

    def sign_off(self) -> None:
        if not self.controller.editable:
            return
        self.questions.flush()
        dialog = SignOffDialog(self.controller, self)
        dialog.jump_requested.connect(self.jump_to_question)
        self.dialog = dialog
        dialog.open()

    def reopen(self) -> None:
        self.controller.reopen()

    def _reopened(self, assessment_id: str) -> None:
        self.open_assessment_requested.emit(assessment_id)
        self.close()

    def _open_newer(self) -> None:
        newer = self.controller.data.newer_version_id
        if newer is not None:
            self.open_assessment_requested.emit(newer)

    def open_review(self) -> None:
        review_id = self.controller.data.review_id
        if review_id is not None:
            self.open_review_requested.emit(review_id)

    def open_attachment(self, evidence_id: str) -> Path:
        path = self.controller.export_attachment(evidence_id)
        if not open_file(path):
            self.statusBar().showMessage(
                self.tr("No program opens this kind of file; a copy is at {path}").format(
                    path=str(path)
                ),
                10000,
            )
        return path

    def show_tab(self, name: str) -> None:
        widget = {"questions": self.questions, "risks": self.risks, "review": self.review}[name]
        self.tabs.setCurrentWidget(widget)

    # --- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.questions.flush()
        if self.controller.summary_pending:
            self.controller.refresh_summary_now()
        self.controller.clean_up()
        self.context.saved.disconnect(self._saved)
        super().closeEvent(event)
