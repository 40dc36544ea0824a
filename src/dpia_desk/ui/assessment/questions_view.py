"""The "Questions" tab: the section list, the current section's page, and the results panel.

Section pages are built the first time they are shown (the 111-question due diligence opens with
one page of at most 22 cards, not 111), and kept afterwards. Every change in the controller
re-applies visibility, progress and results at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.assessment.question_widget import QuestionWidget
from dpia_desk.ui.assessment.results_panel import ResultsPanel
from dpia_desk.ui.assessment.section_model import (
    SECTION_ID_ROLE,
    SectionDelegate,
    SectionListModel,
)
from dpia_desk.ui.assessment.section_page import SectionPage

if TYPE_CHECKING:
    from dpia_desk.ui.assessment.controller import AssessmentController


class QuestionsView(QWidget):
    rate_requested = Signal(str)  # section id
    open_requested = Signal(str)  # evidence id

    def __init__(self, controller: AssessmentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.section_model = SectionListModel(self)
        self.sections = QListView()
        self.sections.setObjectName("sectionList")
        self.sections.setModel(self.section_model)
        self.sections.setItemDelegate(SectionDelegate(self.sections))
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setAccessibleDescription(
            self.tr("Ctrl+Page Down and Ctrl+Page Up move between sections.")
        )
        self.sections.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sections.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sections.setMinimumWidth(200)
        self.sections.setUniformItemSizes(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.stack = QStackedWidget()
        self.stack.setObjectName("sectionStack")
        self.pages: dict[str, SectionPage] = {}
        self._placeholders: dict[str, QWidget] = {}
        for section in controller.form.sections:
            placeholder = QWidget()
            self._placeholders[section.id] = placeholder
            self.stack.addWidget(placeholder)

        self.results = ResultsPanel()
        self.results.setMinimumWidth(260)
        self.results.question_activated.connect(self.jump_to_question)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.sections)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.results)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([230, 640, 340])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._update_sections()
        self.results.update_results(controller.result, controller.form, controller.state)
        self.results.rebuild_now()
        self.sections.selectionModel().currentChanged.connect(self._on_current_section)
        controller.state_changed.connect(self.apply_state)
        controller.answer_applied.connect(self._answer_applied)
        controller.comment_applied.connect(self._comment_applied)
        controller.evidence_changed.connect(self._evidence_changed)
        controller.review_changed.connect(self._review_changed)
        controller.problem.connect(self._show_problem)
        first = next(
            (s.id for s in controller.form.sections if s.id in controller.state.visible_sections),
            controller.form.sections[0].id,
        )
        self.show_section(first)

        self.setTabOrder(self.sections, self.stack)
        self.setTabOrder(self.stack, self.results.tree)

    # --- sections --------------------------------------------------------------------------------

    def _update_sections(self) -> None:
        ratings = {
            section_id: (info.rating, info.comment)
            for section_id, info in self.controller.review_data.ratings.items()
        }
        self.section_model.update(self.controller.form, self.controller.state, ratings)

    def page(self, section_id: str) -> SectionPage:
        """The section's page, built now if it was not shown before."""
        page = self.pages.get(section_id)
        if page is None:
            section = self.controller.form.section(section_id)
            page = SectionPage(section, self.controller, self.stack)
            page.rate_requested.connect(self.rate_requested)
            page.open_requested.connect(self.open_requested)
            placeholder = self._placeholders.pop(section_id)
            position = self.stack.indexOf(placeholder)
            self.stack.insertWidget(position, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[section_id] = page
        return page

    def current_section_id(self) -> str | None:
        value = self.sections.currentIndex().data(SECTION_ID_ROLE)
        return value if isinstance(value, str) else None

    def current_page(self) -> SectionPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, SectionPage) else None

    def show_section(self, section_id: str) -> SectionPage:
        row = self.section_model.row_of(section_id)
        index = self.section_model.index(row, 0)
        if self.sections.currentIndex() != index:
            self.sections.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        page = self.page(section_id)
        if page.stale:
            page.apply_state()
        self.stack.setCurrentWidget(page)
        return page

    def _on_current_section(self, current: QModelIndex, _previous: QModelIndex) -> None:
        section_id = current.data(SECTION_ID_ROLE)
        if isinstance(section_id, str):
            old = self.current_page()
            if old is not None and old.section.id != section_id:
                old.flush()
            page = self.page(section_id)
            if page.stale:
                page.apply_state()
            self.stack.setCurrentWidget(page)

    def step_section(self, step: int) -> None:
        """Next (+1) or previous (-1) applicable section (Ctrl+Page Down / Ctrl+Page Up)."""
        rows = self.section_model.rows()
        current = self.sections.currentIndex().row()
        position = current + step
        while 0 <= position < len(rows):
            if rows[position].visible:
                self.show_section(rows[position].id)
                return
            position += step

    # --- questions -------------------------------------------------------------------------------

    def card(self, question_id: str) -> QuestionWidget | None:
        """The question's card (building its section's page if needed)."""
        if self.controller.form.find_question(question_id) is None:
            return None
        section = self.controller.form.section_of(question_id)
        return self.page(section.id).card(question_id)

    def jump_to_question(self, question_id: str) -> QuestionWidget | None:
        """Shows the question's section, scrolls to the question and puts focus in its answer."""
        if self.controller.form.find_question(question_id) is None:
            return None
        section = self.controller.form.section_of(question_id)
        page = self.show_section(section.id)
        card = page.card(question_id)
        assert card is not None
        if not card.isVisible() and question_id not in self.controller.state.visible_questions:
            return card
        QApplication.processEvents()  # lay the page out so the card has its geometry
        page.ensureWidgetVisible(card, 0, 24)
        card.focus_answer()
        card.flash()
        return card

    def focused_card(self) -> QuestionWidget | None:
        widget = QApplication.focusWidget()
        while widget is not None:
            if isinstance(widget, QuestionWidget):
                return widget
            widget = widget.parentWidget()
        return None

    def flush(self) -> None:
        for page in self.pages.values():
            page.flush()

    # --- following the controller ----------------------------------------------------------------

    def apply_state(self) -> None:
        """The shown page follows at once; the others when they are shown next."""
        self._update_sections()
        current = self.current_page()
        for page in self.pages.values():
            if page is current:
                page.apply_state()
            else:
                page.stale = True
        self.results.update_results(
            self.controller.result, self.controller.form, self.controller.state
        )

    def _answer_applied(self, question_id: str, from_history: bool) -> None:
        section = self.controller.form.section_of(question_id)
        page = self.pages.get(section.id)
        if page is not None:
            page.refresh_question(question_id, from_history=from_history)
        if from_history:
            # Undo/redo of an answer elsewhere: show where it happened.
            QTimer.singleShot(0, lambda: self._reveal(question_id))

    def _reveal(self, question_id: str) -> None:
        section = self.controller.form.section_of(question_id)
        page = self.show_section(section.id)
        card = page.card(question_id)
        if card is not None and card.isVisible():
            page.ensureWidgetVisible(card, 0, 24)
            card.flash()

    def _comment_applied(self, question_id: str, from_history: bool) -> None:
        self._answer_applied(question_id, from_history)

    def _evidence_changed(self) -> None:
        self.apply_state()

    def _review_changed(self) -> None:
        self._update_sections()
        for page in self.pages.values():
            page.show_rating()

    def reload(self) -> None:
        """After a lock or a review change: everything may differ."""
        editable = self.controller.editable
        for page in self.pages.values():
            page.set_editable(editable)
            page.show_rating()
        self.apply_state()

    def _show_problem(self, question_id: str, message: str, hint: str) -> None:
        if not question_id:
            return
        card = self.card(question_id)
        if card is not None:
            card.show_problem(f"{message} {hint}".strip())
