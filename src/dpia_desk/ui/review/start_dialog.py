"""Start a guided review of a vendor (optionally of one of its AI systems), or open one already
under way for it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.labels import format_date
from dpia_desk.ui.review.queries import vendor_reviews, vendor_systems
from dpia_desk.ui.widgets import heading, hint

REVIEW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class StartReviewDialog(QDialog):
    """Accepting starts a new review with :meth:`choice`; :attr:`open_review_requested` opens
    an existing one instead."""

    open_review_requested = Signal(str)

    def __init__(
        self,
        context: WorkspaceContext,
        vendor_id: str,
        ai_system_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vendor_id = vendor_id
        with context.read() as session:
            vendor_name, systems = vendor_systems(session, vendor_id)
            reviews = vendor_reviews(session, vendor_id)
        self.setWindowTitle(self.tr("Start a review"))
        self.system = QComboBox()
        self.system.setAccessibleName(self.tr("What to review"))
        self.system.addItem(self.tr("The vendor as a whole"), None)
        for system in systems:
            self.system.addItem(self.tr("AI system: {name}").format(name=system.name), system.id)
        self.system.setCurrentIndex(max(0, self.system.findData(ai_system_id)))
        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.title.setPlaceholderText(self.tr("Optional; by default the vendor (and system) name"))
        self.title.setAccessibleName(self.tr("Review title"))
        form = QFormLayout()
        scope_label = QLabel(self.tr("&Review:"))
        scope_label.setBuddy(self.system)
        form.addRow(scope_label, self.system)
        title_label = QLabel(self.tr("&Title:"))
        title_label.setBuddy(self.title)
        form.addRow(title_label, self.title)

        # parented at once: without reviews they stay out of the layout (and would otherwise be
        # top-level widgets nobody deletes)
        self.existing = QListWidget(self)
        self.existing.setAccessibleName(self.tr("Reviews already started for this vendor"))
        names = {system.id: system.name for system in systems}
        for review in reviews:
            scope = names.get(review.ai_system_id or "", "")
            text = self.tr("{title} — started {date}").format(
                title=review.title, date=format_date(review.started_at.date())
            )
            if scope and scope not in review.title:
                text += f" ({scope})"
            item = QListWidgetItem(text)
            item.setData(REVIEW_ID_ROLE, review.id)
            self.existing.addItem(item)
        self.existing.itemActivated.connect(self._open_existing)
        self.open_button = QPushButton(self.tr("&Open selected review"), self)
        self.open_button.clicked.connect(lambda: self._open_existing(self.existing.currentItem()))
        if reviews:
            self.existing.setCurrentRow(0)

        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start review"))
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(vendor_name))
        layout.addWidget(
            hint(
                self.tr(
                    "A review starts with the intake; the app then proposes each next step "
                    "from the answers so far, with the reason."
                )
            )
        )
        layout.addLayout(form)
        if reviews:
            layout.addWidget(heading(self.tr("Reviews under way")))
            layout.addWidget(self.existing)
            layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self.existing.hide()
            self.open_button.hide()
            layout.addStretch(1)  # spare height above the buttons, not between the texts
        layout.addWidget(self.box)
        self.resize(520, 420 if reviews else 240)

    def choice(self) -> tuple[str | None, str | None]:
        system = self.system.currentData()
        title = " ".join(self.title.text().split()) or None
        return (system if isinstance(system, str) else None), title

    def _open_existing(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        review_id = item.data(REVIEW_ID_ROLE)
        if isinstance(review_id, str):
            self.reject()
            self.open_review_requested.emit(review_id)
