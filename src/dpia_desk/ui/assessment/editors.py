"""One answer editor per question type, all with the same small interface.

An editor shows a value (:meth:`AnswerEditor.set_value`, silent: it never emits) and emits
:attr:`AnswerEditor.committed` with the new value when the user has finished a change: at once for
choices, on focus-out, Enter or a pause in typing for text and numbers (never per keystroke).
Values are the canonical answer values of ``forms/FORMAT.md``; ``None`` means "no answer".

Choice labels can be long (up to a sentence), so radio buttons and check boxes with long labels
get a wrapping label beside them that forwards clicks; the button keeps the full label as its
accessible name.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.questionnaire import (
    DateQuestion,
    LongTextQuestion,
    MultiChoiceQuestion,
    NumberQuestion,
    Question,
    ScaleQuestion,
    SingleChoiceQuestion,
    TextQuestion,
)
from dpia_desk.ui.labels import date_edit_format

#: Text and number editors save after this pause in typing (and on focus-out / Enter).
TYPING_PAUSE_MS = 900
#: Up to this many choices (with short labels) are radio buttons; more make a combo box.
MAX_RADIO_CHOICES = 7
#: Labels longer than this wrap in a label beside the button.
WRAP_LABEL_AFTER = 40
#: A whole-number spin box cannot go beyond this.
INT_LIMIT = 2_147_483_000
FLOAT_LIMIT = 1e12


class AnswerEditor(QWidget):
    committed = Signal(object)

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._editable = True

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for child in self.findChildren(QWidget):
            if isinstance(child, QAbstractButton | QComboBox | QAbstractSpinBox):
                child.setEnabled(editable)
            elif isinstance(child, QLineEdit | QPlainTextEdit):
                child.setReadOnly(not editable)

    def focus_widget(self) -> QWidget:
        return self

    def flush(self) -> None:
        """Commits a pending (typed, not yet saved) change now."""

    def has_pending(self) -> bool:
        return False

    def is_typing(self) -> bool:
        """True while the user is in the middle of editing (the value shown must not jump)."""
        return False

    def set_accessible_name(self, name: str) -> None:
        self.setAccessibleName(name)
        self.focus_widget().setAccessibleName(name)


class _ClickLabel(QLabel):
    """A wrapping label that clicks its button (long choice labels)."""

    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__(text)
        self._button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._button.isEnabled():
            self._button.setFocus(Qt.FocusReason.MouseFocusReason)
            self._button.click()
        super().mouseReleaseEvent(event)


def _add_choice(layout: QGridLayout, row: int, button: QAbstractButton, label: str) -> None:
    button.setAccessibleName(label)
    if len(label) <= WRAP_LABEL_AFTER:
        button.setText(label)
        layout.addWidget(button, row, 0, 1, 2)
    else:
        layout.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(_ClickLabel(label, button), row, 1)


class SegmentedEditor(AnswerEditor):
    """Yes/no, yes/partly/no/n.a. and scales: a row of radio buttons styled as segments."""

    def __init__(
        self, question: Question, options: list[tuple[Any, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self._values: list[Any] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for position, (value, label) in enumerate(options):
            button = QRadioButton(label)
            button.setProperty("segment", "first" if position == 0 else "middle")
            if position == len(options) - 1:
                button.setProperty("segment", "last" if position else "only")
            button.setAccessibleName(label)
            self.group.addButton(button, position)
            self._values.append(value)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.idClicked.connect(self._clicked)

    @property
    def buttons(self) -> list[QAbstractButton]:
        return self.group.buttons()

    def _clicked(self, position: int) -> None:
        self.committed.emit(self._values[position])

    def value(self) -> Any:
        position = self.group.checkedId()
        return self._values[position] if position >= 0 else None

    def set_value(self, value: Any) -> None:
        position = self._values.index(value) if value in self._values else -1
        if position >= 0:
            self.group.button(position).setChecked(True)
        else:
            checked = self.group.checkedButton()
            if checked is not None:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)

    def focus_widget(self) -> QWidget:
        return self.group.checkedButton() or self.group.buttons()[0]

    def set_accessible_name(self, name: str) -> None:
        self.setAccessibleName(name)


class RadioListEditor(AnswerEditor):
    """A single choice among a few options, one radio button per line."""

    def __init__(self, question: SingleChoiceQuestion, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self._ids = [choice.id for choice in question.options]
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(4)
        layout.setColumnStretch(1, 1)
        for row, choice in enumerate(question.options):
            button = QRadioButton()
            self.group.addButton(button, row)
            _add_choice(layout, row, button, choice.label or choice.id)
        self.group.idClicked.connect(lambda row: self.committed.emit(self._ids[row]))

    @property
    def buttons(self) -> list[QAbstractButton]:
        return self.group.buttons()

    def value(self) -> Any:
        row = self.group.checkedId()
        return self._ids[row] if row >= 0 else None

    def set_value(self, value: Any) -> None:
        checked = self.group.checkedButton()
        if value in self._ids:
            self.group.button(self._ids.index(value)).setChecked(True)
        elif checked is not None:
            self.group.setExclusive(False)
            checked.setChecked(False)
            self.group.setExclusive(True)

    def focus_widget(self) -> QWidget:
        return self.group.checkedButton() or self.group.buttons()[0]

    def set_accessible_name(self, name: str) -> None:
        self.setAccessibleName(name)


class ComboEditor(AnswerEditor):
    """A single choice among many options."""

    def __init__(self, question: SingleChoiceQuestion, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(24)
        self.combo.addItem(self.tr("Choose…"), None)
        for choice in question.options:
            label = choice.label or choice.id
            self.combo.addItem(label, choice.id)
            self.combo.setItemData(self.combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        self.combo.activated.connect(lambda row: self.committed.emit(self.combo.itemData(row)))

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        row = self.combo.findData(value) if value is not None else 0
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(0, row))
        self.combo.blockSignals(False)

    def focus_widget(self) -> QWidget:
        return self.combo


class MultiChoiceEditor(AnswerEditor):
    """Check boxes; an exclusive choice (such as "none of these") clears the others and back."""

    def __init__(self, question: MultiChoiceQuestion, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.boxes: dict[str, QCheckBox] = {}
        self._exclusive = {choice.id for choice in question.choices if choice.exclusive}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(4)
        layout.setColumnStretch(1, 1)
        for row, choice in enumerate(question.choices):
            box = QCheckBox()
            _add_choice(layout, row, box, choice.label or choice.id)
            box.clicked.connect(lambda checked, cid=choice.id: self._clicked(cid, checked))
            self.boxes[choice.id] = box

    def _clicked(self, choice_id: str, checked: bool) -> None:
        if checked:
            clear = (
                [cid for cid in self.boxes if cid != choice_id]
                if choice_id in self._exclusive
                else list(self._exclusive)
            )
            for cid in clear:
                self.boxes[cid].setChecked(False)
        self.committed.emit(self.value())

    def value(self) -> Any:
        chosen = [cid for cid, box in self.boxes.items() if box.isChecked()]
        return chosen or None

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list | tuple) else set()
        for cid, box in self.boxes.items():
            box.setChecked(cid in chosen)

    def focus_widget(self) -> QWidget:
        return next(iter(self.boxes.values()))

    def set_accessible_name(self, name: str) -> None:
        self.setAccessibleName(name)


class _Debounced(AnswerEditor):
    """Editors that save after a pause, on focus-out and on Enter."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)

    def _edited(self) -> None:
        self._pending = True
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if self._pending:
            self._pending = False
            self.committed.emit(self.value())

    def has_pending(self) -> bool:
        return self._pending

    def is_typing(self) -> bool:
        return self._pending or self.focus_widget().hasFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            self.flush()
        return super().eventFilter(watched, event)


class LineTextEditor(_Debounced):
    def __init__(self, question: TextQuestion, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.edit = QLineEdit()
        self.edit.setMaxLength(question.max_length)
        self.edit.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.edit.textEdited.connect(lambda _text: self._edited())
        self.edit.returnPressed.connect(self.flush)
        self.edit.installEventFilter(self)

    def value(self) -> Any:
        text = self.edit.text()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if text != self.edit.text():
            self.edit.setText(text)
        self._pending = False

    def focus_widget(self) -> QWidget:
        return self.edit


class PlainTextEditor(_Debounced):
    """Long text, with a character count near the limit (the limit is enforced as typed)."""

    def __init__(
        self, question: LongTextQuestion | None, max_length: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(question, parent)  # type: ignore[arg-type]
        self.max_length = max_length
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        line = self.edit.fontMetrics().lineSpacing()
        self.edit.setMinimumHeight(line * 4 + 16)
        self.edit.setMaximumHeight(line * 10 + 16)
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        self.count.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.count, 0, Qt.AlignmentFlag.AlignRight)
        self.edit.textChanged.connect(self._changed)
        self.edit.installEventFilter(self)
        self._setting = False

    def _changed(self) -> None:
        if self._setting:
            return
        text = self.edit.toPlainText()
        if len(text) > self.max_length:
            # Typed or pasted beyond the limit: keep what fits, say so.
            self._setting = True
            cursor = self.edit.textCursor()
            position = min(cursor.position(), self.max_length)
            self.edit.setPlainText(text[: self.max_length])
            cursor = self.edit.textCursor()
            cursor.setPosition(position)
            self.edit.setTextCursor(cursor)
            self._setting = False
            text = text[: self.max_length]
        used = len(text)
        near = used >= self.max_length * 0.8
        self.count.setVisible(near)
        if near:
            self.count.setText(
                self.tr("{used} of {limit} characters").format(
                    used=f"{used:,}", limit=f"{self.max_length:,}"
                )
            )
        self._edited()

    def value(self) -> Any:
        text = self.edit.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        if text != self.edit.toPlainText():
            self._setting = True
            self.edit.setPlainText(text)
            self._setting = False
        self._pending = False

    def focus_widget(self) -> QWidget:
        return self.edit


class NumberEditor(_Debounced):
    """A spin box with the unit and bounds; its lowest position reads "Not answered"."""

    def __init__(self, question: NumberQuestion, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.integer = question.integer
        box: QSpinBox | QDoubleSpinBox
        if question.integer:
            box = QSpinBox()
            low = int(question.min) if question.min is not None else -INT_LIMIT
            high = int(question.max) if question.max is not None else INT_LIMIT
            box.setRange(low - 1, high)
            self._sentinel: float = low - 1
        else:
            box = QDoubleSpinBox()
            box.setDecimals(2)
            low_f = float(question.min) if question.min is not None else -FLOAT_LIMIT
            high_f = float(question.max) if question.max is not None else FLOAT_LIMIT
            box.setRange(low_f - 1, high_f)
            self._sentinel = low_f - 1
        box.setSpecialValueText(self.tr("Not answered"))
        box.setGroupSeparatorShown(True)
        box.setKeyboardTracking(False)
        box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        if question.unit:
            box.setSuffix(f" {question.unit}")
        box.setMinimumWidth(160)
        self.box = box
        self._show(self._sentinel)
        self.range_hint = QLabel(self._range_text(question))
        self.range_hint.setProperty("role", "hint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addWidget(self.range_hint, 1)
        box.valueChanged.connect(lambda _value: self._edited())
        box.editingFinished.connect(self.flush)
        box.installEventFilter(self)

    def _show(self, number: float) -> None:
        if isinstance(self.box, QSpinBox):
            self.box.setValue(int(number))
        else:
            self.box.setValue(float(number))

    def _range_text(self, question: NumberQuestion) -> str:
        def show(number: float) -> str:
            return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"

        if question.min is not None and question.max is not None:
            return self.tr("from {low} to {high}").format(
                low=show(question.min), high=show(question.max)
            )
        if question.min is not None:
            return self.tr("at least {low}").format(low=show(question.min))
        if question.max is not None:
            return self.tr("at most {high}").format(high=show(question.max))
        return ""

    def value(self) -> Any:
        number = self.box.value()
        if number <= self._sentinel:
            return None
        return int(number) if self.integer else float(number)

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self._show(value if isinstance(value, int | float) else self._sentinel)
        self.box.blockSignals(False)
        self._pending = False

    def focus_widget(self) -> QWidget:
        return self.box


class DateEditor(_Debounced):
    """A date with a calendar; its lowest position reads "Not answered"."""

    def __init__(self, question: DateQuestion, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.edit = QDateEdit()
        self.edit.setDisplayFormat(date_edit_format())
        self.edit.setCalendarPopup(True)
        low = question.min or date(1900, 1, 1)
        high = question.max or date(2199, 12, 31)
        self._sentinel = QDate(low.year, low.month, low.day).addDays(-1)
        self.edit.setDateRange(self._sentinel, QDate(high.year, high.month, high.day))
        self.edit.setSpecialValueText(self.tr("Not answered"))
        self.edit.setDate(self._sentinel)
        self.edit.setMinimumWidth(160)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.edit.dateChanged.connect(lambda _date: self._edited())
        self.edit.editingFinished.connect(self.flush)
        self.edit.installEventFilter(self)
        calendar = self.edit.calendarWidget()
        calendar.clicked.connect(lambda _date: self.flush())

    def value(self) -> Any:
        chosen = self.edit.date()
        if chosen <= self._sentinel:
            return None
        return date(chosen.year(), chosen.month(), chosen.day()).isoformat()

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        if isinstance(value, str):
            day = date.fromisoformat(value)
            self.edit.setDate(QDate(day.year, day.month, day.day))
        else:
            self.edit.setDate(self._sentinel)
        self.edit.blockSignals(False)
        self._pending = False

    def focus_widget(self) -> QWidget:
        return self.edit


def editor_for(question: Question, parent: QWidget | None = None) -> AnswerEditor | None:
    """The editor of a question; None for evidence questions (the attachments are the answer)."""
    kind = question.kind
    if kind in ("yes_no", "yes_no_partial_na"):
        return SegmentedEditor(
            question, [(c.id, c.label or c.id) for c in question.options], parent
        )
    if isinstance(question, ScaleQuestion):
        options = [
            (point, f"{point} {question.labels[point]}" if point in question.labels else str(point))
            for point in question.points
        ]
        return SegmentedEditor(question, options, parent)
    if isinstance(question, SingleChoiceQuestion):
        long_labels = sum(len(c.label or "") > WRAP_LABEL_AFTER for c in question.options)
        if len(question.options) <= MAX_RADIO_CHOICES or long_labels:
            return RadioListEditor(question, parent)
        return ComboEditor(question, parent)
    if isinstance(question, MultiChoiceQuestion):
        return MultiChoiceEditor(question, parent)
    if isinstance(question, TextQuestion):
        return LineTextEditor(question, parent)
    if isinstance(question, LongTextQuestion):
        return PlainTextEditor(question, question.max_length, parent)
    if isinstance(question, NumberQuestion):
        return NumberEditor(question, parent)
    if isinstance(question, DateQuestion):
        return DateEditor(question, parent)
    return None
