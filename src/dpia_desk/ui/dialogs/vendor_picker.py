"""Choose the vendor a CNIL PIA is about (it names none): filter as you type, pick one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.store import list_vendors
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.lists import filter_as_you_type, search_field
from dpia_desk.ui.widgets import FittedDialog, heading, hint, make_primary

#: The list shows at most this many matches; typing narrows it.
SHOWN = 200
VENDOR_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class VendorPickerDialog(FittedDialog):
    def __init__(
        self, context: WorkspaceContext, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.vendor_id: str | None = None
        self.setWindowTitle(self.tr("Which vendor is this PIA about?"))
        self.filter_edit = search_field(self.tr("Filter vendors…"), self.tr("Filter vendors"))
        self.vendors = QListWidget()
        self.vendors.setAccessibleName(self.tr("Vendors"))
        self.vendors.itemActivated.connect(lambda _item: self._accept_choice())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Import for this vendor"))
        make_primary(self.ok_button)
        self.buttons.accepted.connect(self._accept_choice)
        self.buttons.rejected.connect(self.reject)
        self._debounce = filter_as_you_type(
            self.filter_edit, self.reload, delay_ms=120, on_enter=False
        )
        self.vendors.currentItemChanged.connect(
            lambda current, _previous: self.ok_button.setEnabled(current is not None)
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Which vendor is this PIA about?")))
        layout.addWidget(
            hint(
                self.tr(
                    "{file} is a CNIL PIA export, which does not name the vendor. The imported "
                    "assessment is added to the vendor you choose."
                ).format(file=file_name)
            )
        )
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.vendors, 1)
        layout.addWidget(self.buttons)
        self.preferred_width = 480
        self.resize(480, 460)
        self.reload()

    def reload(self) -> None:
        with self.context.read() as session:
            rows = list_vendors(session, self.filter_edit.text(), "name", False, 0, SHOWN)
        self.vendors.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name} ({row.country})" if row.country else row.name)
            item.setData(VENDOR_ID_ROLE, row.id)
            self.vendors.addItem(item)
        if rows:
            self.vendors.setCurrentRow(0)
        self.ok_button.setEnabled(bool(rows))

    def select(self, vendor_id: str) -> bool:
        for row in range(self.vendors.count()):
            if self.vendors.item(row).data(VENDOR_ID_ROLE) == vendor_id:
                self.vendors.setCurrentRow(row)
                return True
        return False

    def _accept_choice(self) -> None:
        item = self.vendors.currentItem()
        value = item.data(VENDOR_ID_ROLE) if item is not None else None
        if isinstance(value, str):
            self.vendor_id = value
            self.accept()
