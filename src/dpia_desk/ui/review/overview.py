"""The review overview: every step of a guided vendor review at a glance.

For each step (intake, AI Act screening, DPIA screening, DPIA, due diligence, FRIA, LL144): its
need (needed, optional, not needed, waiting) with the reason and the references behind it, its
state and progress, its owner roles, the result in a few words, and a Start/Open button. The
proposed next step is outlined and named; what still blocks sign-off is listed on top. The
overview is read on the work runner and refreshed (debounced) after changes elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.services.review_plan import PlannedStep
from dpia_desk.ui.assessment.flow_layout import FlowWidget
from dpia_desk.ui.assessment.refs import ref_text, ref_tooltip
from dpia_desk.ui.assessment.results_model import headline
from dpia_desk.ui.assessment.style import apply_window_style, badge_style
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.delegates import badge_colors
from dpia_desk.ui.icons import app_icon
from dpia_desk.ui.labels import format_date, role_label
from dpia_desk.ui.review.queries import OverviewData, StepInfo, load_overview
from dpia_desk.ui.theme import current_theme
from dpia_desk.ui.widgets import Banner, heading, hint
from dpia_desk.ui.workers import WorkContext

REFRESH_DELAY_MS = 400

_NEED_BADGE = {
    "needed": "tier:high",
    "optional": "tier:limited",
    "not_needed": "tier:out_of_scope",
    "waiting": "tier:",
}


def need_label(need: str) -> str:
    return {
        "needed": QCoreApplication.translate("ReviewOverview", "Needed"),
        "optional": QCoreApplication.translate("ReviewOverview", "Optional"),
        "not_needed": QCoreApplication.translate("ReviewOverview", "Not needed"),
        "waiting": QCoreApplication.translate("ReviewOverview", "Waiting"),
    }.get(need, need)


def state_label(step: PlannedStep) -> str:
    progress = step.progress
    words = {
        "not_started": QCoreApplication.translate("ReviewOverview", "Not started"),
        "complete": QCoreApplication.translate("ReviewOverview", "Complete"),
        "in_review": QCoreApplication.translate("ReviewOverview", "In review"),
        "approved": QCoreApplication.translate("ReviewOverview", "Approved"),
        "rejected": QCoreApplication.translate("ReviewOverview", "Rejected"),
    }
    if step.state == "in_progress" and progress is not None:
        return QCoreApplication.translate(
            "ReviewOverview", "In progress: {done} of {total} required answers"
        ).format(done=progress.required_answered, total=progress.required)
    return words.get(step.state, step.state)


def plan_text(text: str) -> str:
    """The plan's sentences, offered to translators under their own context."""
    return QCoreApplication.translate("ReviewPlan", text)


def _badge(label: QLabel, badge: str) -> None:
    background, foreground, border = badge_colors(badge, current_theme())
    label.setStyleSheet(
        badge_style(background.name(), foreground.name(), border.name() if border else None)
    )


class StepCard(QFrame):
    start_requested = Signal(str)  # form id
    open_requested = Signal(str)  # assessment id

    def __init__(
        self, number: int, step: PlannedStep, info: StepInfo, is_next: bool, editable: bool
    ) -> None:
        super().__init__()
        self.step = step
        self.setProperty("role", "step")
        self.setProperty("next", is_next)
        self.setObjectName(f"step_{step.form_id}")
        title = heading(self.tr("{number}. {title}").format(number=number, title=info.title))
        self.need = QLabel(need_label(step.need))
        self.need.setProperty("role", "badge")
        _badge(self.need, _NEED_BADGE.get(step.need, "tier:"))
        self.need.setToolTip(self.tr("Whether this step is needed, and why (below)"))
        self.next_label = QLabel(self.tr("Proposed next step"))
        self.next_label.setProperty("role", "badge")
        _badge(self.next_label, "grade:a")

        self.button = QPushButton()
        if step.progress is not None:
            self.button.setText(self.tr("Open"))
            assessment_id = step.progress.assessment_id
            self.button.clicked.connect(lambda: self.open_requested.emit(assessment_id))
        else:
            self.button.setText(
                self.tr("Start anyway") if step.need == "not_needed" else self.tr("Start")
            )
            self.button.setEnabled(editable and step.need != "waiting")
            self.button.clicked.connect(lambda: self.start_requested.emit(step.form_id))
            if step.need == "waiting":
                self.button.setToolTip(plan_text(step.reason))
        self.button.setProperty("primary", is_next)
        self.button.setAccessibleName(
            self.tr("{action} {title}").format(action=self.button.text(), title=info.title)
        )
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(title, 1)
        top.addWidget(self.next_label, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.need, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.next_label.setVisible(is_next)

        self.reason = QLabel(plan_text(step.reason))
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        chips = FlowWidget(spacing=4)
        for ref in step.refs:
            chip = QLabel(ref_text(ref))
            chip.setProperty("role", "chip")
            chip.setToolTip(ref_tooltip(ref))
            chips.add_widget(chip)

        facts: list[str] = [self.tr("State: {state}").format(state=state_label(step))]
        result_text = ""
        if info.result is not None and step.progress is not None:
            top_line = headline(info.result, info.form, dpia_risk=info.dpia_risk)
            result_text = f"{top_line.title}: {top_line.badge_text}"
            facts.append(self.tr("Result: {result}").format(result=result_text))
        if step.depth:
            facts.append(self.tr("Depth: {depth}").format(depth=step.depth))
        if info.owner_roles:
            facts.append(
                self.tr("Answered by: {roles}").format(
                    roles=", ".join(role_label(role) for role in info.owner_roles)
                )
            )
        self.facts = hint(" · ".join(facts))
        self.result_text = result_text

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.reason)
        layout.addWidget(chips)
        layout.addWidget(self.facts)
        self.setAccessibleName(info.title)
        self.setAccessibleDescription(
            " ".join([need_label(step.need) + ".", plan_text(step.reason), self.facts.text()])
        )


def _overview_job(_work: WorkContext, context: WorkspaceContext, review_id: str) -> OverviewData:
    with context.workspace.read_session() as session:
        return load_overview(session, review_id)


class ReviewOverviewWidget(QWidget):
    start_step_requested = Signal(str)  # form id
    open_assessment_requested = Signal(str)
    loaded = Signal()

    def __init__(
        self, context: WorkspaceContext, review_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.review_id = review_id
        self.data: OverviewData | None = None
        self.cards: dict[str, StepCard] = {}
        self.setAccessibleName(self.tr("Review overview"))

        self.title = heading("", "title")
        self.subtitle = hint("")
        self.blockers_box = Banner("", "warning")
        self.blockers_box.setAccessibleName(self.tr("What still blocks sign-off"))
        self.clear_box = Banner(self.tr("Nothing blocks the sign-off of this review."), "info")
        self.clear_box.hide()
        self.next_hint = hint("")

        self.steps_body = QWidget()
        self.steps_body.setProperty("role", "page_body")
        self.steps_layout = QVBoxLayout(self.steps_body)
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        self.steps_layout.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setProperty("role", "page")
        scroll.setWidget(self.steps_body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.blockers_box)
        layout.addWidget(self.clear_box)
        layout.addWidget(self.next_hint)
        layout.addWidget(scroll, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._loading = False
        self._again = False
        context.changed.connect(self._on_changed)

    def _on_changed(self, kind: str) -> None:
        if kind in ("answer", "assessment", "vendor", "ai_system", "review"):
            self._timer.start()

    def refresh(self) -> None:
        """Reads the overview on the work runner; the cards are rebuilt when it arrives."""
        self._timer.stop()
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.context.runner.submit(
            _overview_job,
            self.context,
            self.review_id,
            description="review overview",
            owner=self,
            on_result=self._loaded,
            on_error=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        import sys

        sys.excepthook(type(error), error, error.__traceback__)

    def _loaded(self, data: object) -> None:
        self._loading = False
        assert isinstance(data, OverviewData)
        self.show_data(data)
        if self._again:
            self._again = False
            self.refresh()

    def show_data(self, data: OverviewData) -> None:
        focused = self.focusWidget()
        focused_step = None
        for form_id, card in self.cards.items():
            if focused is not None and (focused is card.button):
                focused_step = form_id
        self.data = data
        self.title.setText(data.title)
        subtitle = self.tr("Guided review of {vendor}, started {date}").format(
            vendor=data.vendor_name, date=format_date(data.started_at.date(), long=True)
        )
        if data.ai_system_name:
            subtitle += " · " + self.tr("AI system: {name}").format(name=data.ai_system_name)
        self.subtitle.setText(subtitle)
        titles = {form_id: info.title for form_id, info in data.steps.items()}
        blockers = [self._blocker_text(text, titles) for text in data.plan.blockers]
        self.blockers_box.set_text(
            self.tr("What still blocks sign-off:") + "\n" + "\n".join(f"• {b}" for b in blockers)
        )
        self.blockers_box.setVisible(bool(blockers))
        self.clear_box.setVisible(not blockers)
        next_step = data.plan.next_step
        self.next_hint.setText(
            self.tr("Proposed next step: {title}.").format(title=titles[next_step.form_id])
            if next_step is not None
            else self.tr("Every needed step is done.")
        )

        while self.steps_layout.count():
            item = self.steps_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        self.cards = {}
        editable = not self.context.read_only
        for number, step in enumerate(data.plan.steps, start=1):
            card = StepCard(
                number,
                step,
                data.steps[step.form_id],
                next_step is not None and step.form_id == next_step.form_id,
                editable,
            )
            card.start_requested.connect(self.start_step_requested)
            card.open_requested.connect(self.open_assessment_requested)
            self.cards[step.form_id] = card
            self.steps_layout.addWidget(card)
            card.show()  # a child now: shown at once, not after the next event loop turn
        self.steps_layout.addStretch(1)
        previous: QWidget = self.title
        for card in self.cards.values():
            QWidget.setTabOrder(previous, card.button)
            previous = card.button
        if focused_step in self.cards:
            self.cards[focused_step].button.setFocus()
        self.loaded.emit()

    def _blocker_text(self, text: str, titles: dict[str, str]) -> str:
        form_id, separator, rest = text.partition(": ")
        if separator and form_id in titles:
            return f"{titles[form_id]}: {plan_text(rest)}"
        return plan_text(text)

    def focus_next_step(self) -> None:
        if self.data is not None and self.data.plan.next_step is not None:
            card = self.cards.get(self.data.plan.next_step.form_id)
            if card is not None:
                card.button.setFocus()
                return
        first = next(iter(self.cards.values()), None)
        if first is not None:
            first.button.setFocus()


class ReviewWindow(QMainWindow):
    def __init__(
        self,
        context: WorkspaceContext,
        review_id: str,
        on_start: Callable[[str, str], None],
        on_open: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setObjectName("reviewWindow")
        self.setWindowIcon(app_icon())
        apply_window_style(self)
        self.context = context
        self.review_id = review_id
        self.overview = ReviewOverviewWidget(context, review_id)
        self.overview.start_step_requested.connect(lambda form_id: on_start(review_id, form_id))
        self.overview.open_assessment_requested.connect(on_open)
        self._focused_once = False
        self.overview.loaded.connect(self._show_title)
        self.setCentralWidget(self.overview)
        self.setWindowTitle(self.tr("Review overview"))
        refresh = self.menuBar().addMenu(self.tr("&View"))
        action = refresh.addAction(self.tr("&Refresh"))
        action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Refresh), QKeySequence("F5")]
                            if QKeySequence(QKeySequence.StandardKey.Refresh) != QKeySequence("F5")
                            else [QKeySequence("F5")])  # fmt: skip
        action.triggered.connect(self.overview.refresh)
        close = refresh.addAction(self.tr("&Close"))
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.resize(900, 760)

    def _show_title(self) -> None:
        if not self._focused_once:
            self._focused_once = True
            self.overview.focus_next_step()
        if self.overview.data is not None:
            self.setWindowTitle(
                self.tr("{title} — review overview").format(title=self.overview.data.title)
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.changed.disconnect(self.overview._on_changed)
        super().closeEvent(event)
