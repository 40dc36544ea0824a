"""After an import: what came in, and for a CNIL PIA what went where and what did not fit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.widgets import FittedDialog, beside_symbol, heading, hint, make_primary

if TYPE_CHECKING:
    from dpia_desk.exchange import ImportReport
    from dpia_desk.ui.export_actions import AssessmentLabel


def _lines(lines: list[str], empty: str, name: str) -> QListWidget:
    view = QListWidget()
    view.setAccessibleName(name)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.addItems(lines or [empty])
    return view


class ImportReportDialog(FittedDialog):
    """``exec()`` returns :attr:`OPEN` when the user wants the imported assessment opened."""

    OPEN = 2

    def __init__(
        self, report: ImportReport, label: AssessmentLabel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Import finished"))
        cnil = report.format == "cnil_pia"
        source = self.tr("a CNIL PIA export") if cnil else self.tr("a dpia_desk assessment file")
        what = label.form_title
        if label.version > 1:
            what += " " + self.tr("(version {n})").format(n=label.version)
        self.title_label = heading(
            self.tr("{form} for {vendor} was imported").format(form=what, vendor=label.vendor_name)
        )
        summary = self.tr("From {file}, {source}.").format(file=report.source, source=source)
        if cnil:
            summary += " " + self.tr(
                "It is a draft here: a CNIL validation is not a sign-off in this workspace. The "
                "original export is attached to it as evidence."
            )
        if report.backup is not None:
            summary += " " + self.tr("A backup of the workspace was written first: {path}").format(
                path=str(report.backup)
            )
        self.summary_label = hint(summary)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mapped = _lines(
            report.mapped, self.tr("Nothing to list."), self.tr("What was carried over")
        )
        self.unmapped = _lines(
            report.unmapped,
            self.tr("Everything found a place."),
            self.tr("What did not find its own place"),
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.mapped, self.tr("Carried over ({n})").format(n=len(report.mapped)))
        self.tabs.addTab(
            self.unmapped, self.tr("Not in its own place ({n})").format(n=len(report.unmapped))
        )
        if report.unmapped:
            self.tabs.setCurrentWidget(self.unmapped)
        show_lists = bool(report.mapped or report.unmapped)
        self.tabs.setVisible(show_lists)

        self.open_button = QPushButton(self.tr("&Open the assessment"))
        make_primary(self.open_button)
        self.open_button.clicked.connect(lambda: self.done(self.OPEN))
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)

        top = beside_symbol("info", self.title_label, self.summary_label, spacing=6)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.preferred_width = 620
        if show_lists:
            self.resize(620, 480)
