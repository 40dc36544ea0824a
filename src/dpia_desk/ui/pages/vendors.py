"""The vendor registry page: filter-as-you-type, a lazy sortable table, and a vendor panel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui import settings
from dpia_desk.ui.context import WorkspaceContext, WorkspaceVendorSource
from dpia_desk.ui.delegates import BadgeDelegate
from dpia_desk.ui.icons import icon
from dpia_desk.ui.labels import grade_label, tier_label, verdict_label
from dpia_desk.ui.lists import filter_as_you_type, record_table, search_field, table_or_message
from dpia_desk.ui.models.vendor_table import (
    VENDOR_ID_ROLE,
    Column,
    VendorTableModel,
    review_date_text,
)
from dpia_desk.ui.pages import Page
from dpia_desk.ui.pages.vendor_detail import ASSESSMENT_ID_ROLE, VendorDetailPanel
from dpia_desk.ui.theme import current_theme
from dpia_desk.ui.widgets import disposing, heading, hint

NAME_MIN_WIDTH = 200


class VendorsPage(Page):
    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setAccessibleName(self.tr("Vendors"))
        self.model = VendorTableModel(WorkspaceVendorSource(context), self, runner=context.runner)
        self._fitting = False

        title = heading(self.tr("Vendors"), "title")
        self.count_label = hint("")
        self.filter_edit = search_field(
            self.tr("Filter by name…"), self.tr("Filter vendors by name")
        )
        self.filter_edit.setMinimumWidth(260)
        self.new_button = QPushButton(
            icon("add", current_theme().color("accent_text")), self.tr("&New vendor…")
        )
        self.new_button.setProperty("primary", True)
        self.new_button.setAccessibleName(self.tr("Add a new vendor"))
        self.new_button.clicked.connect(self.add_vendor)
        # Several rows selected (Ctrl/Shift+click or Shift+arrows): compare them side by side.
        self.compare_button = QPushButton(icon("compare"), self.tr("&Compare selected"))
        self.compare_button.setAccessibleName(self.tr("Compare the selected vendors"))
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.compare_selected)

        self._debounce = filter_as_you_type(self.filter_edit, self.apply_filter)
        self.filter_edit.installEventFilter(self)

        self.table = record_table(
            self.model,
            self.tr("Vendor registry"),
            row_padding=16,
            metrics=self.fontMetrics(),
            multiple=True,
        )
        self.table.setObjectName("vendorTable")
        self.badges = BadgeDelegate(self.table)
        for column in (Column.TIER, Column.VERDICT, Column.GRADE):
            self.table.setItemDelegateForColumn(column, self.badges)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self._size_columns()
        saved = settings.read_bytes("vendors/header")
        if saved is not None:
            header.restoreState(saved)
        header.sectionResized.connect(self._on_section_resized)
        # The header spans the viewport: its resizes are the viewport's. (Asking the table for its
        # viewport makes PySide resolve every lazily loaded QtWidgets class, about 10 ms that
        # the first screen need not pay: the viewport's class is private to Qt.)
        self._header = self.table.horizontalHeader()
        self._header.installEventFilter(self)
        self.table.activated.connect(self.open_vendor)
        self.table.doubleClicked.connect(self.open_vendor)

        self.table_stack, self.empty_label = table_or_message(self.table)

        self.panel = VendorDetailPanel(context)
        self.panel.hide()
        self.panel.close_requested.connect(self.close_panel)
        self.panel.edit_requested.connect(self.edit_vendor)
        self.panel.add_system_requested.connect(self.add_ai_system)
        self.panel.edit_system_requested.connect(self.edit_ai_system)
        # The guided review and the assessment workspace (ui/review/windows.py).
        self.panel.review_requested.connect(self.start_review)
        self.panel.assessment_requested.connect(self.open_assessment)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table_stack)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)

        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(title)
        head.addWidget(self.count_label, 1, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignBottom)
        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(self.filter_edit, 1)
        tools.addStretch(1)
        tools.addWidget(self.new_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addLayout(tools)
        layout.addWidget(self.splitter, 1)

        self.setTabOrder(self.filter_edit, self.new_button)
        self.setTabOrder(self.new_button, self.table)
        self.setTabOrder(self.table, self.compare_button)
        self.setTabOrder(self.compare_button, self.panel.edit_button)
        self.table.selectionModel().selectionChanged.connect(self._update_compare_button)
        self.model.modelReset.connect(self._update_compare_button)

        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.panel)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.close_panel)

        self.model.count_changed.connect(self._show_count)
        context.changed.connect(self._on_data_changed)
        self._show_count(self.model.rowCount())
        if context.read_only:  # a damaged workspace: look, do not touch
            for button in (
                self.new_button,
                self.panel.edit_button,
                self.panel.add_system_button,
                self.panel.review_button,
            ):
                button.setEnabled(False)
                button.setToolTip(self.tr("The workspace is open read-only."))

    # --- layout helpers ----------------------------------------------------------------------

    def _size_columns(self) -> None:
        """Column widths from the header texts and the widest badge, never from the data
        (measuring the data would read thousands of rows)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        tiers = ("prohibited", "high", "limited", "minimal", "out_of_scope", None)
        verdicts = ("required", "likely_required", "consider", "not_required", None)
        samples = {
            Column.COUNTRY: "MM",
            Column.TIER: max((tier_label(code) for code in tiers), key=metrics.horizontalAdvance),
            Column.VERDICT: max(
                (verdict_label(code) for code in verdicts), key=metrics.horizontalAdvance
            ),
            Column.GRADE: grade_label(None),
            Column.FINDINGS: "999",
            Column.NEXT_REVIEW: review_date_text(date(2099, 12, 31), date.max),  # overdue
        }
        for column, sample in samples.items():
            width = max(
                metrics.horizontalAdvance(str(sample)) + 2 * 8 + 2 * 6,  # badge + cell padding
                # the style's need for the title (padding and sort arrow included)
                header.sectionSizeFromContents(column).width(),
            )
            header.resizeSection(column, width)

    # --- filtering -----------------------------------------------------------------------------

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.filter_edit.text())

    def _show_count(self, count: int) -> None:
        filtered = bool(self.model.filter_text)
        if filtered:
            text = self.tr("%n matching vendor(s)", "", count)
        else:
            text = self.tr("%n vendor(s)", "", count)
        self.count_label.setText(text)
        if count == 0:
            self.empty_label.setText(
                self.tr("No vendor matches “{text}”.").format(text=self.model.filter_text)
                if filtered
                else self.tr("No vendors yet. Add the first one with “New vendor” (Ctrl+N).")
            )
            self.table_stack.setCurrentWidget(self.empty_label)
        else:
            self.table_stack.setCurrentWidget(self.table)

    def _fit_name_column(self) -> None:
        """The name column takes the room the others leave, but never less than
        ``NAME_MIN_WIDTH`` (then the table scrolls sideways)."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(column) for column in Column if column != Column.NAME)
        available = self._header.width() - others
        self._fitting = True
        header.resizeSection(Column.NAME, max(NAME_MIN_WIDTH, available))
        self._fitting = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != Column.NAME and not self._fitting:
            self._fit_name_column()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._header and event.type() == QEvent.Type.Resize:
            self._fit_name_column()
            return False
        # Down arrow in the filter field moves into the results, as in a search box.
        if (
            watched is self.filter_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    # --- vendors -------------------------------------------------------------------------------

    def current_vendor_id(self) -> str | None:
        index = self.table.currentIndex()
        value = index.data(VENDOR_ID_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else None

    def current_assessment_id(self) -> str | None:
        """The assessment selected in the open vendor panel (File > Export acts on it)."""
        if self.panel.vendor_id is None:
            return None
        item = self.panel.assessments.currentItem()
        value = item.data(ASSESSMENT_ID_ROLE) if item is not None else None
        return value if isinstance(value, str) else None

    def selected_vendor_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self.model.index(row, Column.NAME).data(VENDOR_ID_ROLE) for row in rows]
        return [vendor_id for vendor_id in ids if isinstance(vendor_id, str)]

    def _update_compare_button(self) -> None:
        self.compare_button.setEnabled(len(self.selected_vendor_ids()) >= 2)

    def compare_selected(self) -> None:
        from dpia_desk.ui.compare import show_comparison

        chosen = self.selected_vendor_ids()
        if len(chosen) >= 2:
            show_comparison(self, chosen)

    def open_vendor(self, index: QModelIndex) -> None:
        vendor_id = index.data(VENDOR_ID_ROLE)
        if isinstance(vendor_id, str):
            self.show_vendor(vendor_id)

    def show_vendor(self, vendor_id: str) -> None:
        self.panel.show_vendor(vendor_id)
        self.panel.show()
        if self.splitter.sizes()[1] == 0:
            total = sum(self.splitter.sizes())
            wanted = max(340, self.panel.minimumSizeHint().width(), total // 3)
            panel = min(wanted, total - NAME_MIN_WIDTH)
            self.splitter.setSizes([total - panel, panel])

    def close_panel(self) -> None:
        self.panel.hide()
        self.panel.vendor_id = None
        self.table.setFocus()

    def add_vendor(self) -> None:
        from dpia_desk.ui.dialogs.vendor_dialog import VendorDialog

        if self.context.read_only:
            return

        with disposing(VendorDialog(self.context, parent=self)) as dialog:
            added = dialog.vendor_id if dialog.exec() else None
        if added is not None:
            self.status_message.emit(self.tr("Vendor added."))
            self.show_vendor(added)

    def edit_vendor(self, vendor_id: str) -> None:
        from dpia_desk.ui.dialogs.vendor_dialog import VendorDialog

        if self.context.read_only:
            return

        with disposing(VendorDialog(self.context, vendor_id, parent=self)) as dialog:
            saved = dialog.exec()
        if saved:
            self.status_message.emit(self.tr("Vendor saved."))

    def add_ai_system(self, vendor_id: str) -> None:
        from dpia_desk.ui.dialogs.ai_system_dialog import AISystemDialog

        if self.context.read_only:
            return

        with disposing(AISystemDialog(self.context, vendor_id, parent=self)) as dialog:
            added = dialog.exec()
        if added:
            self.status_message.emit(self.tr("AI system added."))

    def edit_ai_system(self, vendor_id: str, system_id: str) -> None:
        from dpia_desk.ui.dialogs.ai_system_dialog import AISystemDialog

        if self.context.read_only:
            return

        with disposing(AISystemDialog(self.context, vendor_id, system_id, parent=self)) as dialog:
            saved = dialog.exec()
        if saved:
            self.status_message.emit(self.tr("AI system saved."))

    def start_review(self, vendor_id: str) -> None:
        from dpia_desk.ui.review.windows import ask_start_review

        ask_start_review(self.context, vendor_id, self)

    def open_assessment(self, assessment_id: str) -> None:
        from dpia_desk.ui.review.windows import open_assessment

        open_assessment(self.context, assessment_id, self)

    def _table_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        vendor_id = index.data(VENDOR_ID_ROLE) if index.isValid() else None
        if not isinstance(vendor_id, str):
            return
        menu = QMenu(self)
        menu.addAction(self.tr("&Open"), lambda: self.show_vendor(vendor_id))
        menu.addAction(self.tr("Start &review…"), lambda: self.start_review(vendor_id))
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _on_data_changed(self, kind: str) -> None:
        if kind in ("vendor", "ai_system", "assessment", "demo"):
            self.model.reload()
            self.panel.reload()

    # --- page protocol -------------------------------------------------------------------------

    def activated(self) -> None:
        self.panel.reload()

    def focus_primary(self) -> None:
        self.filter_edit.setFocus()

    def save_state(self) -> None:
        settings.write_value("vendors/header", self.table.horizontalHeader().saveState())
