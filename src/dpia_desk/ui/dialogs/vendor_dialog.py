"""Add or edit a vendor, with validation messages next to the fields.

The dialog checks each field as the user leaves it (and all of them on OK) with the store's own
validators, so the message shown is the one the store would give; on OK it saves in one committed
change and closes. A refusal from the store at save time lands next to its field too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.store import InvalidFieldError, add_vendor, get_vendor, update_vendor
from dpia_desk.store.models import ContractStatus, DpaStatus
from dpia_desk.store.vendors import (
    NAME_MAX,
    normalize_country,
    normalize_name,
    normalize_website,
)
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.labels import (
    contract_status_label,
    country_choices,
    country_code_for,
    country_name,
    date_edit_format,
    dpa_status_label,
)
from dpia_desk.ui.widgets import FieldError, FittedDialog, hint, make_primary

#: Long enough for any country's name as Qt spells it.
COUNTRY_TEXT_MAX = 60


class VendorDialog(FittedDialog):
    """``VendorDialog(context)`` adds; ``VendorDialog(context, vendor_id)`` edits.

    After ``accept()``, :attr:`vendor_id` is the saved vendor's id.
    """

    def __init__(
        self,
        context: WorkspaceContext,
        vendor_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.vendor_id = vendor_id
        self.setWindowTitle(self.tr("New vendor") if vendor_id is None else self.tr("Edit vendor"))

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setAccessibleName(self.tr("Vendor name (required)"))
        self.name_edit.setPlaceholderText(self.tr("Company name"))
        self.name_error = FieldError(self.name_edit)

        self.country_edit = QLineEdit()
        self.country_edit.setMaxLength(COUNTRY_TEXT_MAX)
        self.country_edit.setAccessibleName(self.tr("Country (code or name)"))
        self.country_edit.setPlaceholderText(self.tr("DE or Germany"))
        self.country_edit.setMaximumWidth(
            self.fontMetrics().horizontalAdvance("United Kingdom (GB)") + 24
        )
        completer = QCompleter(country_choices(), self.country_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.country_edit.setCompleter(completer)
        self.country_name = QLabel("")
        self.country_name.setProperty("role", "hint")
        self.country_error = FieldError(self.country_edit)
        country_row = QHBoxLayout()
        country_row.addWidget(self.country_edit)
        country_row.addWidget(self.country_name, 1)

        self.website_edit = QLineEdit()
        self.website_edit.setAccessibleName(self.tr("Website"))
        self.website_edit.setPlaceholderText("https://")
        self.website_error = FieldError(self.website_edit)

        self.contract_combo = QComboBox()
        self.contract_combo.setAccessibleName(self.tr("Contract status"))
        for status in ContractStatus:
            self.contract_combo.addItem(contract_status_label(status.value), status.value)
        self.dpa_combo = QComboBox()
        self.dpa_combo.setAccessibleName(self.tr("Data processing agreement status"))
        for dpa in DpaStatus:
            self.dpa_combo.addItem(dpa_status_label(dpa.value), dpa.value)

        self.review_check = QCheckBox(self.tr("Plan the next review on"))
        self.review_date = QDateEdit()
        self.review_date.setDisplayFormat(date_edit_format())
        self.review_date.setCalendarPopup(True)
        self.review_date.setAccessibleName(self.tr("Next review date"))
        self.review_date.setDate(QDate.currentDate().addYears(1))
        self.review_date.setEnabled(False)
        self.review_check.toggled.connect(self.review_date.setEnabled)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_check)
        review_row.addWidget(self.review_date)
        review_row.addStretch(1)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)

        self.save_error = FieldError(self.notes_edit)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow("", self.name_error)
        country_label = QLabel(self.tr("&Country:"))
        country_label.setBuddy(self.country_edit)
        form.addRow(country_label, country_row)
        form.addRow("", self.country_error)
        form.addRow(self.tr("&Website:"), self.website_edit)
        form.addRow("", self.website_error)
        form.addRow(self.tr("C&ontract:"), self.contract_combo)
        form.addRow(self.tr("&DPA:"), self.dpa_combo)
        review_label = QLabel(self.tr("Re&view:"))
        review_label.setBuddy(self.review_check)
        form.addRow(review_label, review_row)
        form.addRow(self.tr("No&tes:"), self.notes_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = make_primary(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(hint(self.tr("Only the name is required; the rest can follow later.")))
        layout.addLayout(form)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)
        self.preferred_width = 520

        self.name_edit.textChanged.connect(self._on_name_changed)
        self.name_edit.editingFinished.connect(self.validate_name)
        self.country_edit.textChanged.connect(self._on_country_changed)
        self.country_edit.editingFinished.connect(self.validate_country)
        self.website_edit.textChanged.connect(lambda _text: self.website_error.clear_error())
        self.website_edit.editingFinished.connect(self.validate_website)

        if vendor_id is not None:
            self._load(vendor_id)
        self._on_name_changed(self.name_edit.text())

    def _load(self, vendor_id: str) -> None:
        with self._context.read() as session:
            vendor = get_vendor(session, vendor_id)
            self.name_edit.setText(vendor.name)
            self.country_edit.setText(vendor.country or "")
            self.website_edit.setText(vendor.website or "")
            self.contract_combo.setCurrentIndex(
                self.contract_combo.findData(vendor.contract_status)
            )
            self.dpa_combo.setCurrentIndex(self.dpa_combo.findData(vendor.dpa_status))
            if vendor.next_review_date is not None:
                self.review_check.setChecked(True)
                day = vendor.next_review_date
                self.review_date.setDate(QDate(day.year, day.month, day.day))
            self.notes_edit.setPlainText(vendor.notes)

    # --- validation ----------------------------------------------------------------------------

    def _on_name_changed(self, text: str) -> None:
        if text.strip():
            self.name_error.clear_error()
        self.save_button.setEnabled(bool(text.strip()))

    def _on_country_changed(self, text: str) -> None:
        self.country_error.clear_error()
        self.country_name.setText(country_name(country_code_for(text)))

    def _check(self, error: FieldError, check: object) -> bool:
        try:
            check()  # type: ignore[operator]
        except InvalidFieldError as problem:
            error.show_error(_field_message(problem))
            return False
        error.clear_error()
        return True

    def validate_name(self) -> bool:
        return self._check(self.name_error, lambda: normalize_name(self.name_edit.text()))

    def validate_country(self) -> bool:
        """A name or a chosen "Finland (FI)" becomes its code, then the store's check runs."""
        code = country_code_for(self.country_edit.text())
        if code != self.country_edit.text():
            self.country_edit.setText(code)
        return self._check(self.country_error, lambda: normalize_country(code))

    def validate_website(self) -> bool:
        return self._check(self.website_error, lambda: normalize_website(self.website_edit.text()))

    def validate(self) -> bool:
        results = [self.validate_name(), self.validate_country(), self.validate_website()]
        for ok, widget in zip(
            results, (self.name_edit, self.country_edit, self.website_edit), strict=True
        ):
            if not ok:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return False
        return True

    # --- saving --------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        review: date | None = None
        if self.review_check.isChecked():
            chosen = self.review_date.date()
            review = date(chosen.year(), chosen.month(), chosen.day())
        return {
            "name": self.name_edit.text(),
            "country": country_code_for(self.country_edit.text()),
            "website": self.website_edit.text(),
            "contract_status": str(self.contract_combo.currentData()),
            "dpa_status": str(self.dpa_combo.currentData()),
            "next_review_date": review,
            "notes": self.notes_edit.toPlainText(),
        }

    def save(self) -> None:
        if not self.validate():
            return
        values = self.values()
        try:
            with self._context.write("vendor") as session:
                if self.vendor_id is None:
                    name = str(values.pop("name"))
                    vendor = add_vendor(session, actor=self._context.actor, name=name, **values)
                    self.vendor_id = vendor.id
                else:
                    update_vendor(session, self.vendor_id, actor=self._context.actor, **values)
        except InvalidFieldError as problem:
            errors = {
                "name": self.name_error,
                "country": self.country_error,
                "website": self.website_error,
            }
            errors.get(problem.field, self.save_error).show_error(_field_message(problem))
            return
        self.accept()


def _field_message(problem: InvalidFieldError) -> str:
    """The store's message without its ``field:`` prefix, with the hint when there is one."""
    text = problem.message
    prefix = f"{problem.field}: "
    if text.startswith(prefix):
        text = text[len(prefix) :]
    text = text[:1].upper() + text[1:].rstrip(".")
    return f"{text}. {problem.hint}" if problem.hint else f"{text}."
