"""One section of the form as a scrolling page of question cards.

The header shows the section's title, guidance and owner role, and the reviewer's latest rating
with its comment (so the author sees it next to the questions), with a "Rate this section" button
for reviewers. Questions whose condition is not met are hidden, live.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.questionnaire import Section
from dpia_desk.ui.assessment.question_widget import QuestionWidget
from dpia_desk.ui.assessment.section_model import RATING_MARK, rating_label
from dpia_desk.ui.labels import format_date, role_label
from dpia_desk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from dpia_desk.ui.assessment.controller import AssessmentController


#: Cards built with the page (about a screenful), then per event-loop turn.
FIRST_CARDS = 2
CHUNK_CARDS = 2


class SectionPage(QScrollArea):
    rate_requested = Signal(str)  # section id
    open_requested = Signal(str)  # evidence id

    def __init__(
        self, section: Section, controller: AssessmentController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.controller = controller
        self.setObjectName(f"section_{section.id}")
        self.setProperty("role", "page")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(section.title)

        body = QWidget(self)
        body.setProperty("role", "page_body")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 24)
        layout.setSpacing(12)

        self.title = heading(section.title, "title")
        self.rate_button = QPushButton(self.tr("&Rate this section…"))
        self.rate_button.setToolTip(
            self.tr("Reviewers: rate the section acceptable, improvable or to be corrected")
        )
        self.rate_button.clicked.connect(lambda: self.rate_requested.emit(section.id))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.rate_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        meta = []
        if section.owner_role:
            meta.append(self.tr("Answered by: {role}").format(role=role_label(section.owner_role)))
        self.meta = hint(" · ".join(meta))
        layout.addWidget(self.meta)
        self.meta.setVisible(bool(meta))
        if section.description:
            description = hint(" ".join(section.description.split()))
            description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(description)
        self.rating_label = QLabel()
        self.rating_label.setProperty("role", "rating")
        self.rating_label.setWordWrap(True)
        self.rating_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rating_label.setAccessibleName(self.tr("Reviewer's rating"))
        self.rating_label.hide()
        layout.addWidget(self.rating_label)
        self.not_applicable = hint(
            self.tr("This section does not apply with the answers given so far.")
        )
        self.not_applicable.hide()
        layout.addWidget(self.not_applicable)

        self.cards: dict[str, QuestionWidget] = {}  # built so far, in form order
        #: Changed while not shown: apply_state before showing it again.
        self.stale = False
        self._body = body
        self._layout = layout
        self._unbuilt = list(section.questions)
        layout.addStretch(1)
        self._build(FIRST_CARDS)
        self.setWidget(body)
        self.apply_state()
        self.show_rating()
        # The rest arrive a few cards per event-loop turn, so opening a long section never
        # holds the UI thread for long (the first screen is there at once).
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._build_more)
        if self._unbuilt:
            self._more.start()

    # --- building --------------------------------------------------------------------------

    @property
    def complete(self) -> bool:
        return not self._unbuilt

    def _build(self, count: int) -> None:
        state = self.controller.state
        for _ in range(min(count, len(self._unbuilt))):
            question = self._unbuilt.pop(0)
            card = QuestionWidget(question, self.controller, self._body)
            card.open_requested.connect(self.open_requested)
            self.cards[question.id] = card
            self._layout.insertWidget(self._layout.count() - 1, card)
            card.setVisible(question.id in state.visible_questions)

    def _build_more(self) -> None:
        self._build(CHUNK_CARDS)
        if self._unbuilt:
            self._more.start()

    def card(self, question_id: str) -> QuestionWidget | None:
        """The question's card, built now (with those before it) if it was not yet."""
        while question_id not in self.cards and self._unbuilt:
            self._build(CHUNK_CARDS)
        return self.cards.get(question_id)

    def build_all(self) -> dict[str, QuestionWidget]:
        self._build(len(self._unbuilt))
        return self.cards

    def apply_state(self) -> None:
        """Shows the questions whose conditions hold, with their current values and findings."""
        self.stale = False
        state = self.controller.state
        visible_section = self.section.id in state.visible_sections
        for question_id, card in self.cards.items():
            shown = question_id in state.visible_questions
            if shown:
                card.refresh()
            card.setVisible(shown)
        self.not_applicable.setVisible(not visible_section)

    def refresh_question(self, question_id: str, *, from_history: bool) -> None:
        card = self.cards.get(question_id)
        if card is not None:
            card.refresh(from_history=from_history)

    def set_editable(self, editable: bool) -> None:
        for card in self.cards.values():
            card.set_editable(editable)
            card.refresh()
        self.rate_button.setVisible(editable)

    def show_rating(self) -> None:
        info = self.controller.review_data.ratings.get(self.section.id)
        self.rate_button.setVisible(self.controller.editable)
        if info is None:
            self.rating_label.hide()
            return
        text = self.tr("{mark} Reviewer’s rating: {rating} — {who}, {date}").format(
            mark=RATING_MARK.get(info.rating, ""),
            rating=rating_label(info.rating),
            who=info.reviewer,
            date=format_date(info.at.date()),
        )
        if info.comment:
            text += "\n" + info.comment
        self.rating_label.setText(text)
        self.rating_label.show()

    def flush(self) -> None:
        for card in self.cards.values():
            card.flush()
