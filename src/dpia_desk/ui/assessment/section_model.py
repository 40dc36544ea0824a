"""The section list: title, progress ("5/8"), owner role and the reviewer's rating of each section.

:class:`SectionListModel` is a flat list model over the form's sections; hidden sections (their
condition is not met) stay listed but disabled, so the list does not jump while answering.
:class:`SectionDelegate` paints title, progress, a role badge and the rating marker; every part is
also text (``AccessibleTextRole``, tooltip), never colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from dpia_desk.questionnaire import Form, FormState
from dpia_desk.ui.labels import role_label
from dpia_desk.ui.theme import current_theme

AnyIndex = QModelIndex | QPersistentModelIndex

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2  # "5/8"
OWNER_ROLE = Qt.ItemDataRole.UserRole + 3  # role label or ""
RATING_ROLE = Qt.ItemDataRole.UserRole + 4  # rating code or ""
COMPLETE_ROLE = Qt.ItemDataRole.UserRole + 5  # bool
VISIBLE_ROLE = Qt.ItemDataRole.UserRole + 6  # bool


def rating_label(code: str) -> str:
    return {
        "acceptable": QCoreApplication.translate("SectionList", "Acceptable"),
        "improvable": QCoreApplication.translate("SectionList", "Improvable"),
        "to_be_corrected": QCoreApplication.translate("SectionList", "To be corrected"),
    }.get(code, code.replace("_", " ").capitalize())


#: A marker that reads without colour: ✓ acceptable, ~ improvable, ! to be corrected.
RATING_MARK = {"acceptable": "✓", "improvable": "~", "to_be_corrected": "!"}


@dataclass(frozen=True, slots=True)
class SectionRow:
    id: str
    title: str
    visible: bool
    answered: int
    required: int
    required_answered: int
    total: int
    owner_role: str | None
    rating: str
    rating_comment: str


class SectionListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SectionRow] = []

    def rows(self) -> list[SectionRow]:
        return list(self._rows)

    def update(self, form: Form, state: FormState, ratings: dict[str, tuple[str, str]]) -> None:
        """Same sections as before: changed rows only (selection and focus stay); else a reset."""
        rows = []
        for section in form.sections:
            section_state = state.section(section.id)
            progress = section_state.progress
            rating, comment = ratings.get(section.id, ("", ""))
            rows.append(
                SectionRow(
                    section.id,
                    section.title,
                    section_state.visible,
                    progress.answered,
                    progress.required,
                    progress.required_answered,
                    progress.total,
                    section.owner_role,
                    rating,
                    comment,
                )
            )
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[number] = new
                index = self.index(number, 0)
                self.dataChanged.emit(index, index)

    def row_of(self, section_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.id == section_id:
                return number
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self._rows[index.row()].visible:
            flags |= Qt.ItemFlag.ItemIsEnabled
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == SECTION_ID_ROLE:
            return row.id
        if role == PROGRESS_ROLE:
            return self.progress_text(row)
        if role == OWNER_ROLE:
            return role_label(row.owner_role) if row.owner_role else ""
        if role == RATING_ROLE:
            return row.rating
        if role == COMPLETE_ROLE:
            return self.is_complete(row)
        if role == VISIBLE_ROLE:
            return row.visible
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(row)
        return None

    @staticmethod
    def is_complete(row: SectionRow) -> bool:
        if not row.visible:
            return False
        if row.required:
            return row.required_answered == row.required
        return row.answered == row.total

    @staticmethod
    def progress_text(row: SectionRow) -> str:
        if not row.visible:
            return "—"
        if row.required:
            return f"{row.required_answered}/{row.required}"
        return f"{row.answered}/{row.total}"

    def describe(self, row: SectionRow) -> str:
        if not row.visible:
            return QCoreApplication.translate(
                "SectionList", "{title}: not applicable with the answers so far"
            ).format(title=row.title)
        parts = [
            QCoreApplication.translate(
                "SectionList", "{title}: {done} of {total} required questions answered"
            ).format(title=row.title, done=row.required_answered, total=row.required)
        ]
        if row.owner_role:
            parts.append(
                QCoreApplication.translate("SectionList", "answered by {role}").format(
                    role=role_label(row.owner_role)
                )
            )
        if row.rating:
            parts.append(
                QCoreApplication.translate("SectionList", "rated {rating}").format(
                    rating=rating_label(row.rating)
                )
            )
        return "; ".join(parts)


_PAD = 10
_GAP = 6


class SectionDelegate(QStyledItemDelegate):
    """Two lines: the title (with the rating mark), then progress and the owner role."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(1.0, option.font.pointSizeF() * 0.9))
        lines = metrics.height() + QFontMetrics(small).height() + _GAP // 2
        return QSize(200, lines + 2 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        theme = current_theme()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        main = theme.color("highlighted_text" if selected else "text")
        muted = theme.color("muted")
        if not enabled:
            main = muted

        rect: QRect = option.rect.adjusted(_PAD, _PAD - 2, -_PAD, -_PAD + 2)
        font = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(1.0, option.font.pointSizeF() * 0.9))
        metrics = QFontMetrics(font)
        small_metrics = QFontMetrics(small)

        rating = index.data(RATING_ROLE) or ""
        mark = RATING_MARK.get(rating, "")
        painter.save()
        # line 1: title, and the rating mark at the right
        mark_width = 0
        if mark:
            mark_font = QFont(font)
            mark_font.setBold(True)
            painter.setFont(mark_font)
            mark_color = theme.color("error") if rating == "to_be_corrected" else main
            painter.setPen(QPen(mark_color))
            mark_width = QFontMetrics(mark_font).horizontalAdvance(mark) + 4
            painter.drawText(
                QRect(rect.right() - mark_width, rect.top(), mark_width, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                mark,
            )
        painter.setFont(font)
        painter.setPen(QPen(main))
        title_rect = QRect(rect.left(), rect.top(), rect.width() - mark_width - 4, metrics.height())
        painter.drawText(
            title_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        # line 2: progress, then the role
        painter.setFont(small)
        second_top = rect.top() + metrics.height() + _GAP // 2
        progress = str(index.data(PROGRESS_ROLE) or "")
        complete = bool(index.data(COMPLETE_ROLE))
        if complete and enabled:
            progress += " ✓"
        painter.setPen(QPen(main if selected else muted))
        progress_width = small_metrics.horizontalAdvance(progress) + 10
        painter.drawText(
            QRect(rect.left(), second_top, progress_width, small_metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            progress,
        )
        owner = str(index.data(OWNER_ROLE) or "")
        if owner:
            available = rect.width() - progress_width
            shown = small_metrics.elidedText(owner, Qt.TextElideMode.ElideRight, available)
            painter.drawText(
                QRect(rect.left() + progress_width, second_top, available, small_metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
        painter.restore()
