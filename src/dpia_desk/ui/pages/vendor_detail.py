"""The vendor panel beside the registry: facts, AI systems and assessments of one vendor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.icons import icon
from dpia_desk.ui.labels import (
    assessment_status_label,
    contract_status_label,
    country_name,
    dpa_status_label,
    format_date,
    grade_label,
    tier_label,
    verdict_label,
)
from dpia_desk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from dpia_desk.ui.store_queries import VendorDetail

SYSTEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ASSESSMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class VendorDetailPanel(QFrame):
    """Shows one vendor; the buttons ask the page to open the matching dialogs."""

    edit_requested = Signal(str)  # vendor id
    add_system_requested = Signal(str)  # vendor id
    edit_system_requested = Signal(str, str)  # vendor id, system id
    assessment_requested = Signal(str)  # assessment id (the assessment workspace opens it)
    review_requested = Signal(str)  # vendor id: start (or reopen) a guided review
    close_requested = Signal()

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.vendor_id: str | None = None
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Vendor details"))
        self.setMinimumWidth(300)

        self.title = heading("", "title")
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Close the vendor panel (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close vendor details"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.close_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fact_labels: dict[str, QLabel] = {}
        for key, label in (
            ("country", self.tr("Country:")),
            ("website", self.tr("Website:")),
            ("contract", self.tr("Contract:")),
            ("dpa", self.tr("DPA:")),
            ("review", self.tr("Next review:")),
            ("results", self.tr("Results:")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == "website":
                value.setTextFormat(Qt.TextFormat.PlainText)
            self._fact_labels[key] = value
            self.facts.addRow(label, value)

        self.edit_button = QPushButton(icon("edit"), self.tr("E&dit vendor…"))
        self.edit_button.clicked.connect(lambda: self._emit_vendor(self.edit_requested))
        self.review_button = QPushButton(icon("assessments"), self.tr("Start &review…"))
        self.review_button.setToolTip(self.tr("A guided review: intake first, then each next step"))
        self.review_button.clicked.connect(lambda: self._emit_vendor(self.review_requested))

        self.systems = QListWidget()
        self.systems.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.systems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.systems.setAccessibleName(self.tr("AI systems of this vendor"))
        self.systems.itemActivated.connect(self._on_system_activated)
        self.add_system_button = QPushButton(icon("add"), self.tr("Add &AI system…"))
        self.add_system_button.clicked.connect(lambda: self._emit_vendor(self.add_system_requested))
        self.no_systems = hint(self.tr("No AI system recorded for this vendor."))

        self.assessments = QListWidget()
        self.assessments.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.assessments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.assessments.setAccessibleName(self.tr("Assessments of this vendor"))
        self.assessments.itemActivated.connect(self._on_assessment_activated)
        self.no_assessments = hint(self.tr("No assessment yet."))

        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setProperty("role", "hint")
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        systems_head = QHBoxLayout()
        systems_head.addWidget(heading(self.tr("AI systems")), 1)
        systems_head.addWidget(self.add_system_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(self.facts)
        layout.addWidget(self.notes)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_button)
        edit_row.addWidget(self.review_button)
        edit_row.addStretch(1)
        layout.addLayout(edit_row)
        layout.addSpacing(8)
        layout.addLayout(systems_head)
        layout.addWidget(self.no_systems)
        layout.addWidget(self.systems, 1)
        layout.addSpacing(8)
        layout.addWidget(heading(self.tr("Assessments")))
        layout.addWidget(self.no_assessments)
        layout.addWidget(self.assessments, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def _emit_vendor(self, signal: SignalInstance) -> None:
        if self.vendor_id is not None:
            signal.emit(self.vendor_id)

    def _on_system_activated(self, item: QListWidgetItem) -> None:
        system_id = item.data(SYSTEM_ID_ROLE)
        if self.vendor_id is not None and isinstance(system_id, str):
            self.edit_system_requested.emit(self.vendor_id, system_id)

    def _on_assessment_activated(self, item: QListWidgetItem) -> None:
        assessment_id = item.data(ASSESSMENT_ID_ROLE)
        if isinstance(assessment_id, str):
            self.assessment_requested.emit(assessment_id)

    def show_vendor(self, vendor_id: str) -> None:
        # Imported here: its queries need SQLAlchemy, which start-up leaves for later.
        from dpia_desk.ui.store_queries import vendor_detail

        with self._context.read() as session:
            detail = vendor_detail(session, vendor_id)
        self.vendor_id = vendor_id
        self._fill(detail)

    def reload(self) -> None:
        if self.vendor_id is not None:
            self.show_vendor(self.vendor_id)

    def _fill(self, detail: VendorDetail) -> None:
        self.title.setText(detail.name)
        country = detail.country or ""
        if country and country_name(country):
            country = f"{country_name(country)} ({country})"
        facts = self._fact_labels
        facts["country"].setText(country or self.tr("Not recorded"))
        facts["website"].setText(detail.website or self.tr("Not recorded"))
        facts["contract"].setText(contract_status_label(detail.contract_status))
        facts["dpa"].setText(dpa_status_label(detail.dpa_status))
        facts["review"].setText(
            format_date(detail.next_review_date, long=True)
            if detail.next_review_date
            else self.tr("Not planned")
        )
        results = self.tr("{tier}; {verdict}; grade {grade}").format(
            tier=tier_label(detail.ai_act_tier),
            verdict=verdict_label(detail.dpia_verdict),
            grade=grade_label(detail.grade),
        )
        if detail.provisional:
            results += " " + self.tr("(provisional: forms still have required questions open)")
        facts["results"].setText(results)
        self.notes.setText(detail.notes)
        self.notes.setVisible(bool(detail.notes))

        self.systems.clear()
        for system in detail.ai_systems:
            item = QListWidgetItem(icon("ai_system"), system.name)
            item.setData(SYSTEM_ID_ROLE, system.id)
            item.setToolTip(system.intended_purpose or system.description)
            self.systems.addItem(item)
        self.systems.setVisible(bool(detail.ai_systems))
        self.no_systems.setVisible(not detail.ai_systems)

        self.assessments.clear()
        for assessment in detail.assessments:
            # The status first: long form titles are elided at the end.
            text = self.tr("{status} · {form} v{version}").format(
                form=assessment.form_title,
                version=assessment.version,
                status=assessment_status_label(assessment.status),
            )
            if assessment.ai_system_name:
                text += f" ({assessment.ai_system_name})"
            item = QListWidgetItem(icon("assessments"), text)
            item.setData(ASSESSMENT_ID_ROLE, assessment.id)
            item.setToolTip(text)
            self.assessments.addItem(item)
        self.assessments.setVisible(bool(detail.assessments))
        self.no_assessments.setVisible(not detail.assessments)
