"""The "Review and sign-off" tab: status, what still blocks approval, section ratings, sign-offs.

Reviewers rate each section here (or from the section's page); each role signs off with the
sign-off dialog. Unanswered required questions are listed and open the question on activation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.services.signoff import GROUP_LABEL
from dpia_desk.ui.assessment.data import SignOffRow
from dpia_desk.ui.assessment.section_model import RATING_MARK, rating_label
from dpia_desk.ui.labels import assessment_status_label, format_datetime, role_label
from dpia_desk.ui.lists import record_table
from dpia_desk.ui.models.rows import ROW_ROLE, ColumnSpec, RowsTableModel
from dpia_desk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from dpia_desk.ui.assessment.controller import AssessmentController

QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _RatingRow:
    def __init__(
        self, section_id: str, title: str, rating: str, comment: str, reviewer: str
    ) -> None:
        self.section_id = section_id
        self.title = title
        self.rating = rating
        self.comment = comment
        self.reviewer = reviewer


def _table(model: RowsTableModel, name: str) -> QTableView:
    table = record_table(model, name, row_padding=14)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class ReviewPanel(QScrollArea):
    rate_requested = Signal(str)
    sign_off_requested = Signal()
    jump_requested = Signal(str)

    def __init__(self, controller: AssessmentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWidgetResizable(True)
        self.setProperty("role", "page")
        body = QWidget()
        body.setProperty("role", "page_body")

        self.status_label = heading("")
        self.status_hint = hint("")
        self.submit_button = QPushButton(self.tr("Send for revie&w"))
        self.submit_button.setToolTip(self.tr("Mark the assessment as ready for the reviewers"))
        self.submit_button.clicked.connect(self._toggle_status)
        self.sign_button = QPushButton(self.tr("Sign o&ff…"))
        self.sign_button.setProperty("primary", True)
        self.sign_button.clicked.connect(self.sign_off_requested)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.submit_button)
        status_row.addWidget(self.sign_button)

        self.blockers_title = heading(self.tr("Still blocking approval"))
        self.blockers = QLabel()
        self.blockers.setWordWrap(True)
        self.blockers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing = QListWidget()
        self.missing.setAccessibleName(self.tr("Unanswered required questions"))
        self.missing.setToolTip(self.tr("Double-click or press Enter to go to the question."))
        self.missing.itemActivated.connect(self._jump)
        self.missing.setMaximumHeight(180)

        self.ratings_model = RowsTableModel(
            [
                ColumnSpec(self.tr("Section"), lambda r: r.title),
                ColumnSpec(
                    self.tr("Rating"),
                    lambda r: f"{RATING_MARK.get(r.rating, '')} {rating_label(r.rating)}".strip()
                    if r.rating else self.tr("Not rated"),
                ),
                ColumnSpec(self.tr("Reviewer"), lambda r: r.reviewer),
                ColumnSpec(self.tr("Comment"), lambda r: " ".join(r.comment.split()),
                           tooltip=lambda r: r.comment or None),
            ],
            self,
        )  # fmt: skip
        self.ratings = _table(self.ratings_model, self.tr("Section ratings"))
        self.ratings.activated.connect(self._rate_row)
        self.rate_button = QPushButton(self.tr("&Rate selected section…"))
        self.rate_button.clicked.connect(lambda: self._rate_row(self.ratings.currentIndex()))

        self.signoffs_model = RowsTableModel(
            [
                ColumnSpec(self.tr("Role"), lambda r: role_label(r.role)),
                ColumnSpec(self.tr("Name"), lambda r: r.name),
                ColumnSpec(self.tr("Decision"), self._decision),
                ColumnSpec(self.tr("When"), lambda r: format_datetime(r.signed_at)),
                ColumnSpec(self.tr("Statement"), lambda r: " ".join(r.statement.split()),
                           tooltip=lambda r: r.statement or None),
            ],
            self,
        )  # fmt: skip
        self.signoffs = _table(self.signoffs_model, self.tr("Sign-offs"))
        self.no_signoffs = hint(self.tr("Nobody has signed off yet."))

        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 24)
        layout.setSpacing(10)
        layout.addLayout(status_row)
        layout.addWidget(self.status_hint)
        layout.addWidget(self.blockers_title)
        layout.addWidget(self.blockers)
        layout.addWidget(self.missing)
        ratings_head = QHBoxLayout()
        ratings_head.addWidget(heading(self.tr("Section ratings")), 1)
        ratings_head.addWidget(self.rate_button)
        layout.addLayout(ratings_head)
        layout.addWidget(
            hint(
                self.tr(
                    "A reviewer (DPO or legal) rates each section; the author sees the rating "
                    "and comment beside the section."
                )
            )
        )
        layout.addWidget(self.ratings)
        layout.addWidget(heading(self.tr("Sign-offs")))
        layout.addWidget(self.no_signoffs)
        layout.addWidget(self.signoffs)
        layout.addStretch(1)
        self.setWidget(body)

        controller.review_changed.connect(self.refresh)
        controller.state_changed.connect(self.refresh)
        controller.data_loaded.connect(self.refresh)
        self.refresh()

    def _decision(self, row: SignOffRow) -> str:
        return self.tr("Approved") if row.decision == "approve" else self.tr("Rejected")

    def refresh(self) -> None:
        controller = self.controller
        snapshot = controller.snapshot
        status = controller.review
        self.status_label.setText(
            self.tr("Status: {status} · version {version}").format(
                status=assessment_status_label(snapshot.status), version=snapshot.version
            )
        )
        editable = controller.editable
        self.sign_button.setEnabled(editable)
        self.rate_button.setEnabled(editable)
        self.submit_button.setVisible(editable)
        self.submit_button.setText(
            self.tr("Back to &draft")
            if snapshot.status == "in_review"
            else self.tr("Send for revie&w")
        )
        approved = ", ".join(GROUP_LABEL.get(g, g) for g in status.approved)
        if controller.locked:
            self.status_hint.setText(
                self.tr(
                    "This version is locked. Reopen it to make changes; that creates a new version."
                )
            )
        else:
            self.status_hint.setText(
                self.tr("Sign-offs needed from: {required}. Approved so far: {approved}.").format(
                    required=", ".join(GROUP_LABEL.get(g, g) for g in status.required),
                    approved=approved or self.tr("nobody"),
                )
            )
        missing = controller.state.missing
        blockers = []
        if missing:
            blockers.append(self.tr("%n required question(s) unanswered", "", len(missing)))
        blockers.extend(
            self.tr("Sign-off by {group} pending").format(group=GROUP_LABEL.get(g, g))
            for g in status.pending
        )
        if status.rejected:
            blockers.append(
                self.tr("Rejected by {groups}").format(
                    groups=", ".join(GROUP_LABEL.get(g, g) for g in status.rejected)
                )
            )
        show_blockers = bool(blockers) and not controller.locked
        self.blockers_title.setVisible(show_blockers)
        self.blockers.setVisible(show_blockers)
        self.blockers.setText("\n".join(f"• {line}" for line in blockers))
        self.missing.clear()
        form = controller.form
        for question_id in missing:
            item = QListWidgetItem(
                f"{form.section_of(question_id).title}: {form.question(question_id).text}"
            )
            item.setData(QUESTION_ID_ROLE, question_id)
            self.missing.addItem(item)
        self.missing.setVisible(bool(missing) and not controller.locked)
        if missing:
            row = self.missing.sizeHintForRow(0)
            self.missing.setFixedHeight(
                min(len(missing), 8) * row + 2 * self.missing.frameWidth() + 10
            )

        ratings = controller.review_data.ratings
        rows = []
        for section in form.sections:
            if section.id not in controller.state.visible_sections and section.id not in ratings:
                continue
            info = ratings.get(section.id)
            rows.append(
                _RatingRow(
                    section.id,
                    section.title,
                    info.rating if info else "",
                    info.comment if info else "",
                    info.reviewer if info else "",
                )
            )
        current = self.ratings.currentIndex().row()
        self.ratings_model.set_rows(rows)
        self._fit(self.ratings, len(rows))
        if rows and not self.ratings.property("sized"):
            self.ratings.resizeColumnsToContents()
            self.ratings.setColumnWidth(0, max(260, min(420, self.ratings.columnWidth(0))))
            self.ratings.setProperty("sized", True)
        if rows:
            self.ratings.selectRow(min(max(current, 0), len(rows) - 1))
        signoffs: tuple[SignOffRow, ...] = controller.review_data.signoffs
        self.signoffs_model.set_rows(signoffs)
        self._fit(self.signoffs, len(signoffs))
        self.signoffs.setVisible(bool(signoffs))
        self.no_signoffs.setVisible(not signoffs)

    @staticmethod
    def _fit(table: QTableView, rows: int) -> None:
        """Tall enough for every row (the page scrolls, not the table inside it)."""
        header = table.horizontalHeader().sizeHint().height()
        row = table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(header + max(1, rows) * row + 2 * table.frameWidth())

    def _toggle_status(self) -> None:
        target = "draft" if self.controller.snapshot.status == "in_review" else "in_review"
        self.controller.set_status(target)

    def _rate_row(self, index: QModelIndex) -> None:
        if not index.isValid() or not self.controller.editable:
            return
        row = self.ratings_model.index(index.row(), 0).data(ROW_ROLE)
        if isinstance(row, _RatingRow):
            self.rate_requested.emit(row.section_id)

    def _jump(self, item: QListWidgetItem) -> None:
        question_id = item.data(QUESTION_ID_ROLE)
        if isinstance(question_id, str):
            self.jump_requested.emit(question_id)
