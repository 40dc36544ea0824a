"""The live results panel: a headline badge, then the result tree with its reasons.

The tree wraps long sentences (reasons are sentences, not labels): :class:`WrappingDelegate`
computes each row's height for the width it gets, and :class:`ResultsTree` lays the rows out again
when that width changes. What the user expanded stays expanded when the results change.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.questionnaire import Form, FormState
from dpia_desk.scoring import DpiaRiskOutcome, ScoreResult
from dpia_desk.ui.assessment.results_model import (
    KEY_ROLE,
    QUESTION_ID_ROLE,
    ResultsModel,
    build_result_tree,
    headline,
)
from dpia_desk.ui.assessment.style import badge_style
from dpia_desk.ui.delegates import badge_colors
from dpia_desk.ui.theme import current_theme
from dpia_desk.ui.widgets import heading, hint

AnyIndex = QModelIndex | QPersistentModelIndex


class WrappingDelegate(QStyledItemDelegate):
    """Word-wrapped rows whose height follows the column width."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def _depth(self, index: AnyIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return depth

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        indent = self._view.indentation() * (
            self._depth(index) + (1 if self._view.rootIsDecorated() else 0)
        )
        width = max(80, self._view.viewport().width() - indent - 4)
        metrics = opt.fontMetrics
        text_rect = metrics.boundingRect(
            QRect(0, 0, width - 12, 100_000),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
            opt.text,
        )
        return QSize(width, text_rect.height() + 10)

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideNone


class ResultsTree(QTreeView):
    question_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAnimated(False)
        self.setItemDelegate(WrappingDelegate(self))
        self._last_width = 0
        self.activated.connect(self._activated)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        if width != self._last_width:
            self._last_width = width
            self.scheduleDelayedItemsLayout()

    def _activated(self, index: QModelIndex) -> None:
        question_id = index.data(QUESTION_ID_ROLE)
        if isinstance(question_id, str) and question_id:
            self.question_activated.emit(question_id)
        elif self.model() is not None and self.model().hasChildren(index):
            self.setExpanded(index, not self.isExpanded(index))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activated(self.currentIndex())
            return
        super().keyPressEvent(event)


class ResultsPanel(QFrame):
    """See the module docstring; :meth:`update_results` after every change."""

    question_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Results"))
        self.title = heading(self.tr("Results"))
        self.headline_title = QLabel()
        self.headline_title.setProperty("role", "hint")
        self.badge = QLabel()
        self.badge.setProperty("role", "badge")
        self.badge.setAccessibleName(self.tr("Result"))
        self.detail = hint("")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = ResultsModel(self)
        self.tree = ResultsTree()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Results and their reasons"))
        self.tree.setAccessibleDescription(
            self.tr("Expand a result to see the reasons, sources and answers behind it.")
        )
        self.tree.question_activated.connect(self.question_activated)
        self.explain = hint(self.tr("Expand a result to see why: sources and answers."))
        self._expanded: set[str] = set()
        self.tree.expanded.connect(lambda index: self._track(index, True))
        self.tree.collapsed.connect(lambda index: self._track(index, False))
        self._pending: tuple[ScoreResult | None, Form, FormState] | None = None
        self._last: tuple[ScoreResult | None, Form, FormState] | None = None
        self._dpia_risk: DpiaRiskOutcome | None = None
        self._shown: object = None
        self._rebuild = QTimer(self)
        self._rebuild.setSingleShot(True)
        self._rebuild.setInterval(0)
        self._rebuild.timeout.connect(self.rebuild_now)

        badge_row = QHBoxLayout()
        badge_row.setSpacing(8)
        badge_row.addWidget(self.headline_title)
        badge_row.addWidget(self.badge)
        badge_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(badge_row)
        layout.addWidget(self.detail)
        layout.addWidget(self.explain)
        layout.addWidget(self.tree, 1)

    def set_dpia_risk(self, outcome: DpiaRiskOutcome | None) -> None:
        """A DPIA's risks rated together with its register's (the risks tab reports them): the
        headline and the risks shown here then say what the register and the document say."""
        self._dpia_risk = outcome
        if self._last is not None:
            self.update_results(*self._last)

    def update_results(self, result: ScoreResult | None, form: Form, state: FormState) -> None:
        """The badge at once; the tree on the next event-loop turn (a burst of changes costs
        one rebuild, and the answer that caused it is already on screen)."""
        top = headline(result, form, dpia_risk=self._dpia_risk)
        self.headline_title.setText(top.title)
        self.badge.setText(top.badge_text)
        self.badge.setAccessibleName(f"{top.title}: {top.badge_text}")
        theme = current_theme()
        background, foreground, border = badge_colors(top.badge or "none:", theme)
        style = badge_style(background.name(), foreground.name(), border.name() if border else None)
        if style != self.badge.styleSheet():
            self.badge.setStyleSheet(style)
        self.detail.setText(top.detail)
        self.detail.setVisible(bool(top.detail))
        self._pending = (result, form, state)
        self._last = (result, form, state)
        self._rebuild.start()

    def rebuild_now(self) -> None:
        """Rebuilds the tree if what it shows changed, keeping what the user expanded."""
        self._rebuild.stop()
        if self._pending is None:
            return
        result, form, state = self._pending
        self._pending = None
        document = json.dumps(result.to_json(), sort_keys=True, default=str) if result else ""
        register = (
            json.dumps(self._dpia_risk.to_json(), sort_keys=True, default=str)
            if self._dpia_risk is not None
            else ""
        )
        signature = (form.id, document, register, state.missing, tuple(f.key for f in state.flags))
        if signature == self._shown:
            return
        self._shown = signature
        current = self.tree.currentIndex().data(KEY_ROLE)
        scroll = self.tree.verticalScrollBar().value()
        expanded = set(self._expanded)
        self.model.set_nodes(build_result_tree(result, form, state, dpia_risk=self._dpia_risk))
        for key in expanded:
            index = self.model.index_of(key)
            if index.isValid():
                self.tree.setExpanded(index, True)
        if isinstance(current, str):
            index = self.model.index_of(current)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self.tree.verticalScrollBar().setValue(scroll)

    def _track(self, index: QModelIndex, expanded: bool) -> None:
        key = index.data(KEY_ROLE)
        if isinstance(key, str):
            if expanded:
                self._expanded.add(key)
            else:
                self._expanded.discard(key)

    def expanded_keys(self) -> list[str]:
        return sorted(self._expanded)

    def expand_key(self, key: str, *, recursive: bool = False) -> QModelIndex:
        index = self.model.index_of(key)
        if index.isValid():
            if recursive:
                self.tree.expandRecursively(index)
            else:
                self.tree.expand(index)
        return index
