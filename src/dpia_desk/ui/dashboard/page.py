"""The Dashboard page: what needs doing across the workspace, most urgent first.

Four figures at the top (reviews overdue, reviews due within 30 days, overdue actions, blocked
reviews), then the lists behind them: reviews due (the window chosen: 30, 60 or 90 days),
overdue actions, open reviews with what blocks their sign-off, and the vendors counted by AI Act
tier and by grade.

Loading comes in two jobs on the work runner, so the UI thread only shows results:

1. the SQL part (:func:`dpia_desk.services.dashboard.dashboard` without blockers): due reviews,
   overdue actions and the counts, a few milliseconds even for 100,000 vendors;
2. the blockers (:func:`dpia_desk.services.dashboard.blocked_reviews`), which score each open
   review's steps; it reports progress, and is cancelled when the page is hidden or the user
   opens something (the runner runs one job at a time, and opening must not wait for it).

The page refreshes when shown (also by F5) and, while visible, shortly after a change elsewhere.
Enter or double-click opens what a row names: the vendor, the action in its assessment, the
review's overview.
"""

from __future__ import annotations

import itertools
import sys
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.errors import DpiaDeskError
from dpia_desk.services.dashboard import (
    BLOCKER_LIMIT,
    DUE_WINDOWS,
    BlockedReview,
    BlockedReviews,
    Dashboard,
    DueReview,
    OverdueAction,
    ReviewBlocker,
    blocked_reviews,
    dashboard,
)
from dpia_desk.ui.compare.bars import BarDelegate
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.crash import error_box
from dpia_desk.ui.dashboard.models import ROW_ROLE, Field, RecordTableModel
from dpia_desk.ui.labels import format_date, grade_label, tier_label
from dpia_desk.ui.lists import record_table
from dpia_desk.ui.pages import Page
from dpia_desk.ui.widgets import heading, hint
from dpia_desk.ui.workers import WorkCancelled, WorkContext, WorkHandle

REFRESH_DELAY_MS = 1500
#: Rows a list shows before it scrolls inside the page.
MAX_VISIBLE_ROWS = 8
_REFRESH_KINDS = frozenset(
    {"vendor", "ai_system", "assessment", "action", "risk", "review", "demo", "signoff"}
)
_SERIOUS = frozenset({"prohibited", "prior_consultation", "critical_findings"})
_TIERS: tuple[str | None, ...] = ("prohibited", "high", "limited", "minimal", "out_of_scope", None)
_GRADES: tuple[str | None, ...] = ("A", "B", "C", "D", "E", None)


def _summary_job(_work: WorkContext, context: WorkspaceContext, today: date) -> Dashboard:
    with context.workspace.read_session() as session:
        return dashboard(session, today, blocker_limit=0)


def _blockers_job(work: WorkContext, context: WorkspaceContext, limit: int) -> BlockedReviews:
    def progress(done: int, total: int) -> None:
        work.progress(done, total, "")
        work.check_cancelled()

    with context.workspace.read_session() as session:
        return blocked_reviews(session, limit=limit, progress=progress)


class CountRow:
    """One line of the tier or grade counts."""

    __slots__ = ("badge", "count", "label", "share")

    def __init__(self, badge: str, label: str, count: int, total: int) -> None:
        self.badge = badge
        self.label = label
        self.count = count
        self.share = count / total if total else 0.0


class SummaryTile(QFrame):
    """A figure and what it counts; the accessible name reads both."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.caption = caption
        self.value = QLabel("–")
        self.value.setProperty("role", "title")
        self.label = hint(caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_value(self, value: int, attention: bool = False) -> None:
        self.value.setText(str(value))
        # The palette's bright text is the theme's error colour (ui/theme.py).
        self.value.setStyleSheet("color: palette(bright-text);" if attention and value else "")
        self.setAccessibleName(f"{self.caption}: {value}")


class DashboardPage(Page):
    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Dashboard"))
        self.board: Dashboard | None = None
        self.blocked: BlockedReviews | None = None
        self.today = date.today()
        self._generation = 0
        self._summary_handle: WorkHandle | None = None
        self._blockers_handle: WorkHandle | None = None

        title = heading(self.tr("Dashboard"), "title")
        self.as_of_label = hint("")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the dashboard"))
        self.refresh_button.setToolTip(self.tr("Read the workspace again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(title)
        head.addWidget(self.as_of_label, 1, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.refresh_button)

        # --- tiles -----------------------------------------------------------------------------
        self.overdue_tile = SummaryTile(self.tr("Reviews overdue"))
        self.due_tile = SummaryTile(self.tr("Reviews due in 30 days"))
        self.actions_tile = SummaryTile(self.tr("Overdue actions"))
        self.blocked_tile = SummaryTile(self.tr("Reviews with blockers"))
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for tile in (self.overdue_tile, self.due_tile, self.actions_tile, self.blocked_tile):
            tiles.addWidget(tile)

        # --- reviews due -----------------------------------------------------------------------
        self.window_combo = QComboBox()
        self.window_combo.setAccessibleName(self.tr("Reviews due within"))
        for days in DUE_WINDOWS:
            self.window_combo.addItem(self.tr("Passed or due within %n day(s)", "", days), days)
        self.window_combo.currentIndexChanged.connect(lambda _index: self._show_due())
        self.due_model = RecordTableModel(
            [
                Field(self.tr("Vendor"), lambda r: r.vendor_name),
                Field(self.tr("Next review"), lambda r: format_date(r.next_review_date)),
                Field(self.tr("When"), self._when, attention=lambda r: r.days_left < 0),
                Field(
                    self.tr("AI Act tier"),
                    lambda r: tier_label(r.ai_act_tier),
                    badge=lambda r: f"tier:{r.ai_act_tier or ''}",
                    provisional=lambda r: "tier" in r.provisional,
                    tooltip=lambda r: self._provisional_tip(r, "tier"),
                ),
                Field(
                    self.tr("Grade"),
                    lambda r: grade_label(r.grade),
                    badge=lambda r: f"grade:{r.grade or ''}",
                    provisional=lambda r: "grade" in r.provisional,
                    tooltip=lambda r: self._provisional_tip(r, "grade"),
                ),
            ],
            self,
        )
        self.due_table = self._table(self.due_model, self.tr("Reviews due"))
        self.due_table.activated.connect(self._open_vendor)
        self.due_count = hint("")
        self.due_empty = hint("")

        # --- overdue actions -------------------------------------------------------------------
        self.actions_model = RecordTableModel(
            [
                Field(self.tr("Action"), lambda r: r.title, tooltip=lambda r: r.title),
                Field(self.tr("Owner"), lambda r: r.owner or self.tr("Nobody yet")),
                Field(self.tr("Due"), lambda r: format_date(r.due_date)),
                Field(
                    self.tr("Overdue by"),
                    lambda r: self.tr("%n day(s)", "", r.days_overdue),
                    attention=lambda r: True,
                ),
                Field(self.tr("Vendor"), lambda r: r.vendor_name),
                Field(
                    self.tr("Assessment"),
                    self._assessment_text,
                    tooltip=self._assessment_tooltip,
                ),
            ],
            self,
        )
        self.actions_table = self._table(self.actions_model, self.tr("Overdue actions"))
        self.actions_table.activated.connect(self._open_action)
        self.actions_count = hint("")
        self.actions_empty = hint("")

        # --- reviews with blockers -------------------------------------------------------------
        self.blocked_model = RecordTableModel(
            [
                Field(self.tr("Review"), lambda r: r.title, tooltip=lambda r: r.title),
                Field(
                    self.tr("Blocks sign-off"),
                    self._blockers_text,
                    tooltip=self._blockers_tooltip,
                    attention=lambda r: r.worst.kind in _SERIOUS,
                ),
                Field(self.tr("Next step"), lambda r: r.next_step_title or self.tr("None")),
            ],
            self,
        )
        self.blocked_table = self._table(
            self.blocked_model, self.tr("Reviews with blockers"), stretch=1
        )
        self.blocked_table.activated.connect(self._open_review)
        self.blocked_count = hint("")
        self.blocked_empty = hint("")

        # --- counts ----------------------------------------------------------------------------
        self.tier_model = RecordTableModel(
            [
                Field(self.tr("AI Act tier"), lambda r: r.label, badge=lambda r: r.badge),
                Field(self.tr("Vendors"), self._count_text, bar=lambda r: r.share),
            ],
            self,
        )
        self.grade_model = RecordTableModel(
            [
                Field(self.tr("Grade"), lambda r: r.label, badge=lambda r: r.badge),
                Field(self.tr("Vendors"), self._count_text, bar=lambda r: r.share),
            ],
            self,
        )
        count_sample = "99,999 (100%)"
        self.tier_table = self._table(
            self.tier_model, self.tr("Vendors by AI Act tier"), stretch=1, value_sample=count_sample
        )
        self.grade_table = self._table(
            self.grade_model, self.tr("Vendors by grade"), stretch=1, value_sample=count_sample
        )

        # --- layout ----------------------------------------------------------------------------
        content = QWidget()
        content.setObjectName("dashboardContent")
        body = QVBoxLayout(content)
        body.setContentsMargins(24, 20, 24, 16)
        body.setSpacing(12)
        body.addLayout(head)
        body.addLayout(tiles)

        due_head = self._section_head(self.tr("Reviews due"), self.due_count)
        due_head.addWidget(self.window_combo)
        body.addLayout(due_head)
        body.addWidget(self.due_table)
        body.addWidget(self.due_empty)
        body.addLayout(self._section_head(self.tr("Overdue actions"), self.actions_count))
        body.addWidget(self.actions_table)
        body.addWidget(self.actions_empty)
        body.addLayout(self._section_head(self.tr("Reviews with blockers"), self.blocked_count))
        body.addWidget(self.blocked_table)
        body.addWidget(self.blocked_empty)

        counts = QGridLayout()
        counts.setHorizontalSpacing(16)
        counts.setVerticalSpacing(8)
        counts.addWidget(heading(self.tr("Vendors by AI Act tier")), 0, 0)
        counts.addWidget(heading(self.tr("Vendors by grade")), 0, 1)
        counts.addWidget(self.tier_table, 1, 0)
        counts.addWidget(self.grade_table, 1, 1)
        counts.setColumnStretch(0, 1)
        counts.setColumnStretch(1, 1)
        body.addLayout(counts)
        body.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("dashboardScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

        order = [
            self.refresh_button,
            self.window_combo,
            self.due_table,
            self.actions_table,
            self.blocked_table,
            self.tier_table,
            self.grade_table,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._stale = True
        context.changed.connect(self._on_changed)

    # --- building helpers ----------------------------------------------------------------------

    def _table(
        self,
        model: RecordTableModel,
        name: str,
        *,
        stretch: int = 0,
        value_sample: str | None = None,
    ) -> QTableView:
        table = record_table(model, name, row_padding=14, metrics=self.fontMetrics())
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Column widths from the first rows only: measuring all 500 a list may hold would cost
        # the UI thread a tenth of a second per refresh (the delegates are Python).
        header.setResizeContentsPrecision(4 * MAX_VISIBLE_ROWS)
        # One column takes the room the others leave; the others fit their contents (the lists
        # are short: the service caps them).
        for column in range(model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        if value_sample is not None:
            table.setItemDelegate(BarDelegate(table, value_sample=value_sample))
        else:
            table.setItemDelegate(BarDelegate(table))
        model.modelReset.connect(lambda: self._fit(table))
        self._fit(table)
        return table

    @staticmethod
    def _section_head(title: str, count: QLabel) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        label = heading(title)
        label.setWordWrap(False)
        row.addWidget(label)
        row.addWidget(count, 1, Qt.AlignmentFlag.AlignBottom)
        return row

    def _fit(self, table: QTableView) -> None:
        """As tall as its rows (up to MAX_VISIBLE_ROWS, then it scrolls), and hidden when empty
        (a sentence says so instead)."""
        model = table.model()
        rows = model.rowCount()
        table.setVisible(rows > 0)
        shown = max(1, min(rows, MAX_VISIBLE_ROWS))
        height = (
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        table.setFixedHeight(height)

    # --- texts ---------------------------------------------------------------------------------

    def _provisional_tip(self, row: Any, figure: str) -> str | None:
        if figure not in row.provisional:
            return None
        return self.tr(
            "Provisional: the form it comes from still has required questions unanswered."
        )

    def _when(self, row: DueReview) -> str:
        if row.days_left < 0:
            return self.tr("%n day(s) overdue", "", -row.days_left)
        if row.days_left == 0:
            return self.tr("Today")
        return self.tr("In %n day(s)", "", row.days_left)

    def _assessment_text(self, row: OverdueAction) -> str:
        if row.assessment_version > 1:
            return self.tr("{form} (version {version})").format(
                form=row.form_title, version=row.assessment_version
            )
        return row.form_title

    def _assessment_tooltip(self, row: OverdueAction) -> str:
        text = self._assessment_text(row)
        if row.ai_system_name:
            text = self.tr("{form} of {system}").format(form=text, system=row.ai_system_name)
        return text

    def blocker_text(self, blocker: ReviewBlocker, *, short: bool = False) -> str:
        step = blocker.form_title or blocker.form_id or ""
        kind = blocker.kind
        if kind == "prohibited":
            return self.tr("Prohibited practice (AI Act Art. 5)")
        if kind == "prior_consultation":
            return self.tr("Consult the supervisory authority (GDPR Art. 36)")
        if kind == "critical_findings":
            return self.tr("%n critical finding(s) open", "", blocker.count or 0)
        if kind == "rejected":
            return self.tr("{step} rejected at sign-off").format(step=step)
        if kind == "not_started":
            return self.tr("{step} not started").format(step=step)
        if kind == "unanswered" and short:
            return self.tr("{step} incomplete").format(step=step)
        if kind == "unanswered":
            return self.tr("{step}: required questions unanswered").format(step=step)
        return blocker.text

    def _blockers_text(self, row: BlockedReview) -> str:
        """The most serious blocker, and how many more (all of them in the tooltip)."""
        worst = self.blocker_text(row.worst, short=True)
        more = len(row.blockers) - 1
        if more:
            return self.tr("{worst} (+%n more)", "", more).format(worst=worst)
        return worst

    def _blockers_tooltip(self, row: BlockedReview) -> str:
        ordered = sorted(row.blockers, key=lambda blocker: blocker.rank)
        return "\n".join(f"• {self.blocker_text(blocker)}" for blocker in ordered)

    def _count_text(self, row: CountRow) -> str:
        percent = round(row.share * 100)
        return self.tr("{count} ({percent}%)").format(count=row.count, percent=percent)

    # --- loading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads the workspace again on the work runner (see the module docstring)."""
        self._refresh_timer.stop()
        self._stale = False
        self._cancel_jobs()
        self._generation += 1
        generation = self._generation
        self.today = date.today()
        self.as_of_label.setText(self.tr("Loading…"))

        def summary(result: object) -> None:
            if generation != self._generation:
                return
            assert isinstance(result, Dashboard)
            self.show_dashboard(result)
            self._load_blockers(generation)

        self._summary_handle = self.context.runner.submit(
            _summary_job,
            self.context,
            self.today,
            description="dashboard",
            owner=self,
            on_result=summary,
            on_error=lambda error: self._failed(error, generation),
        )

    def _load_blockers(self, generation: int) -> None:
        self.blocked_count.setText(self.tr("Checking the open reviews…"))

        def arrived(result: object) -> None:
            if generation != self._generation:
                return
            assert isinstance(result, BlockedReviews)
            self.show_blocked(result)

        def progress(done: int, total: int, _text: str) -> None:
            if generation == self._generation and total:
                self.blocked_count.setText(
                    self.tr("Checking the open reviews… {done} of {total}").format(
                        done=done, total=total
                    )
                )

        self._blockers_handle = self.context.runner.submit(
            _blockers_job,
            self.context,
            BLOCKER_LIMIT,
            description="dashboard blockers",
            owner=self,
            on_result=arrived,
            on_error=lambda error: self._failed(error, generation),
            on_progress=progress,
            on_cancelled=lambda: self._blockers_cancelled(generation),
        )

    def _cancel_jobs(self) -> None:
        for handle in (self._summary_handle, self._blockers_handle):
            if handle is not None and not handle.is_done:
                handle.cancel()

    def _blockers_cancelled(self, generation: int) -> None:
        if generation == self._generation:
            self._stale = True
            self.blocked_count.setText(self.tr("Not checked: refresh to check the open reviews."))

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation or isinstance(error, WorkCancelled):
            return
        self._stale = True
        self.as_of_label.setText(self.tr("The dashboard could not be read."))
        if isinstance(error, DpiaDeskError):
            error_box(error, self).open()
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # --- showing -------------------------------------------------------------------------------

    def show_dashboard(self, board: Dashboard) -> None:
        self.board = board
        self.as_of_label.setText(
            self.tr("As of {date} · %n vendor(s)", "", board.vendor_count).format(
                date=format_date(board.today, long=True)
            )
        )
        counts = board.due_counts
        self.overdue_tile.set_value(counts.overdue, attention=True)
        self.due_tile.set_value(counts.within.get(30, 0))
        self.actions_tile.set_value(board.overdue_action_count, attention=True)
        self._show_due()

        self.actions_model.set_rows(board.overdue_actions)
        shown = len(board.overdue_actions)
        total = board.overdue_action_count
        self.actions_count.setText(
            self.tr("%n overdue", "", total)
            if shown == total
            else self.tr("The {shown} longest overdue of {total}").format(shown=shown, total=total)
        )
        self.actions_empty.setText(self.tr("No action is past its due date.") if not total else "")
        self.actions_empty.setVisible(not total)

        total_vendors = board.vendor_count
        self.tier_model.set_rows(
            [
                CountRow(f"tier:{code or ''}", tier_label(code), board.tier_counts.get(code, 0),
                         total_vendors)
                for code in _TIERS
            ]
            + [
                CountRow(f"tier:{code}", tier_label(code), count, total_vendors)
                for code, count in board.tier_counts.items()
                if code not in _TIERS
            ]
        )  # fmt: skip
        self.grade_model.set_rows(
            [
                CountRow(f"grade:{code or ''}", self._grade_word(code),
                         board.grade_counts.get(code, 0), total_vendors)
                for code in _GRADES
            ]
        )  # fmt: skip

    def _grade_word(self, code: str | None) -> str:
        return grade_label(code) if code else self.tr("No grade yet")

    def _show_due(self) -> None:
        board = self.board
        if board is None:
            return
        days = self.window_combo.currentData()
        days = days if isinstance(days, int) else DUE_WINDOWS[0]
        rows = [row for row in board.due_reviews if row.days_left <= days]
        self.due_model.set_rows(rows)
        total = board.due_counts.total(days)
        overdue = board.due_counts.overdue
        text = self.tr("%n vendor(s)", "", total)
        if overdue:
            text += " · " + self.tr("%n overdue", "", overdue)
        if len(rows) < total:
            text += " · " + self.tr("the first {shown} shown").format(shown=len(rows))
        self.due_count.setText(text)
        self.due_empty.setText(
            self.tr("No review is due within %n day(s).", "", days) if not rows else ""
        )
        self.due_empty.setVisible(not rows)

    def show_blocked(self, blocked: BlockedReviews) -> None:
        self.blocked = blocked
        self.blocked_model.set_rows(blocked.reviews)
        self.blocked_tile.set_value(len(blocked.reviews), attention=False)
        if blocked.checked < blocked.open_reviews:
            text = self.tr(
                "%n blocked, of the {checked} open reviews due soonest ({total} open in all)",
                "",
                len(blocked.reviews),
            ).format(checked=blocked.checked, total=blocked.open_reviews)
        else:
            text = self.tr("%n of {total} open review(s)", "", len(blocked.reviews)).format(
                total=blocked.open_reviews
            )
        self.blocked_count.setText(text)
        self.blocked_empty.setText(
            self.tr("Nothing blocks the sign-off of the open reviews.")
            if not blocked.reviews
            else ""
        )
        self.blocked_empty.setVisible(not blocked.reviews)

    # --- opening -------------------------------------------------------------------------------

    def _row(self, index: QModelIndex) -> Any:
        return index.data(ROW_ROLE) if index.isValid() else None

    def _open_vendor(self, index: QModelIndex) -> None:
        row = self._row(index)
        if not isinstance(row, DueReview):
            return
        window = self.window()
        navigation_model = getattr(window, "navigation_model", None)
        if navigation_model is None or navigation_model.row_of("vendors") < 0:
            return
        self._cancel_jobs()
        window.show_page(navigation_model.row_of("vendors"))  # type: ignore[attr-defined]
        window.page("vendors").show_vendor(row.vendor_id)  # type: ignore[attr-defined]

    def _open_action(self, index: QModelIndex) -> None:
        row = self._row(index)
        if isinstance(row, OverdueAction):
            from dpia_desk.ui.review.windows import open_action

            self._cancel_jobs()
            open_action(self.context, row.action_id, self)

    def _open_review(self, index: QModelIndex) -> None:
        row = self._row(index)
        if isinstance(row, BlockedReview):
            from dpia_desk.ui.review.windows import open_review

            self._cancel_jobs()
            open_review(self.context, row.review_id, self)

    # --- page protocol -------------------------------------------------------------------------

    def _on_changed(self, kind: str) -> None:
        if kind not in _REFRESH_KINDS:
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def activated(self) -> None:
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden: the open reviews need not be checked now (and must not hold up the runner).
        if self._blockers_handle is not None and not self._blockers_handle.is_done:
            self._blockers_handle.cancel()
        super().hideEvent(event)

    def focus_primary(self) -> None:
        (self.due_table if self.due_table.isVisible() else self.refresh_button).setFocus()
