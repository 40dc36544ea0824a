"""Exports and imports from the desktop: the DPIA (Word, PDF), the vendor scorecard, the
assessment exchange file (JSON), the portfolio (CSV, XLSX), and importing an assessment.

:class:`ExportController` does the work for one window: it proposes a file name (vendor, form,
date; see :func:`suggested_file_name`), runs the writer on the work runner behind a progress
dialog (determinate when the writer reports progress; Cancel raises
:class:`~dpia_desk.reports.ExportCancelled` from the writer's progress callback, and the writers
write atomically, so a cancelled or failed export leaves no file), then offers "Open file" and
"Show in folder" (:class:`~dpia_desk.ui.dialogs.export_done.ExportDoneDialog`). Failures the
user can do something about (disk full, no permission, a refused import) are one message with
the way forward; anything else is a bug and goes to the crash dialog.

:func:`add_export_menu` puts the actions into a menu; the main window's File menu uses it with
"the assessment selected on the current page", an assessment window with its own assessment.

Imports (:meth:`ExportController.import_file`): the file is read and recognised first (our
exchange file or a CNIL PIA export); a CNIL PIA names no vendor, so the user picks one; an
assessment already in the workspace can be added as its next version. Afterwards the pages
refresh (``context.notify_changed``) and a report says what was imported and, for a CNIL PIA,
what was carried over where and what was not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from dpia_desk.errors import DpiaDeskError
from dpia_desk.ui import settings
from dpia_desk.ui.crash import report_error
from dpia_desk.ui.icons import icon
from dpia_desk.ui.progress import CancelFlag, ProgressJob, run_with_progress
from dpia_desk.ui.widgets import disposing
from dpia_desk.ui.workers import WorkCancelled, WorkContext

# SQLAlchemy, the store and the writers load when an export or import runs, not at start-up.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from dpia_desk.exchange import ImportMode
    from dpia_desk.store import Workspace
    from dpia_desk.ui.context import WorkspaceContext

#: lupdate extracts translate("Context", "literal") calls; keep both arguments literal.
translate = QCoreApplication.translate

#: QSettings key of the folder the last export went to (the next one is proposed there).
LAST_FOLDER_KEY = "exports/last_folder"
#: Longest piece of a proposed file name taken from user text (vendor, form title).
NAME_PART_LIMIT = 60


@dataclass(frozen=True)
class ExportKind:
    key: str  # docx, pdf, scorecard, json, csv, xlsx
    extension: str
    for_assessment: bool


KINDS: dict[str, ExportKind] = {
    kind.key: kind
    for kind in (
        ExportKind("docx", ".docx", True),
        ExportKind("pdf", ".pdf", True),
        ExportKind("scorecard", ".pdf", True),
        ExportKind("json", ".json", True),
        ExportKind("csv", ".csv", False),
        ExportKind("xlsx", ".xlsx", False),
    )
}


# --- file names ------------------------------------------------------------------------------

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def file_name_part(text: str, limit: int = NAME_PART_LIMIT) -> str:
    """``text`` made safe as part of a file name on every platform: no path separators, no
    characters Windows refuses, no control or format characters (a right-to-left override
    would disguise the extension), single spaces, no leading or trailing dots, at most
    ``limit`` characters."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    text = _FORBIDDEN.sub(" ", text)
    text = " ".join(text.split()).strip(" .")
    if len(text) > limit:
        text = text[:limit].rstrip(" .")
    return text


def suggested_file_name(parts: list[str], extension: str, on: date | None = None) -> str:
    """``"Vendor - Form - 2026-11-27.docx"`` from the non-empty, sanitised parts."""
    cleaned = [part for part in (file_name_part(p) for p in parts) if part]
    cleaned.append((on or date.today()).isoformat())
    # The date always ends the name, so it is never a bare device name (CON, NUL...) that
    # Windows refuses.
    return " - ".join(cleaned) + extension


def with_extension(path: Path, extension: str) -> Path:
    """The chosen path, with ``extension`` added when the user typed a name without it."""
    return path if path.suffix.lower() == extension else path.with_name(path.name + extension)


@dataclass(frozen=True)
class AssessmentLabel:
    """What a file name and a message say about an assessment."""

    assessment_id: str
    vendor_name: str
    ai_system_name: str | None
    form_title: str
    version: int


def read_assessment_label(session: Session, assessment_id: str) -> AssessmentLabel:
    """Columns only (the frozen form can be large; its title comes out in SQL)."""
    from sqlalchemy import func, select

    from dpia_desk.store import NotFoundError
    from dpia_desk.store.models import AISystem, Assessment, Vendor

    title = func.json_extract(Assessment.form_snapshot, "$.title")
    row = session.execute(
        select(Vendor.name, AISystem.name, title, Assessment.form_id, Assessment.version)
        .select_from(Assessment)
        .join(Vendor, Vendor.id == Assessment.vendor_id)
        .outerjoin(AISystem, AISystem.id == Assessment.ai_system_id)
        .where(Assessment.id == assessment_id)
    ).first()
    if row is None:
        raise NotFoundError("assessment", assessment_id)
    vendor, system, form_title, form_id, version = row
    return AssessmentLabel(
        assessment_id, str(vendor), system, str(form_title or form_id), int(version)
    )


def default_folder() -> Path:
    remembered = settings.read_str(LAST_FOLDER_KEY)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


# --- jobs (on the work runner) -----------------------------------------------------------------


@dataclass(frozen=True)
class ExportOutcome:
    kind: str
    path: Path
    size: int
    count: int | None = None  # vendors in a portfolio


def _progress_callback(work: WorkContext, cancel: CancelFlag) -> Callable[[int, int], None]:
    """The writers' ``progress(done, total)``: forwards to the dialog and stops the writer,
    by raising ExportCancelled, once the user cancelled."""
    from dpia_desk.reports import ExportCancelled

    def progress(done: int, total: int) -> None:
        if cancel.is_set:
            raise ExportCancelled
        work.progress(done, total, "")

    return progress


def _written(kind: str, path: Path, count: int | None = None) -> ExportOutcome:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return ExportOutcome(kind, path, size, count)


def _could_not_write(path: Path, error: OSError) -> DpiaDeskError:
    from dpia_desk.reports import ExportError

    return ExportError(
        f"Cannot write {path}: {error.strerror or error}.",
        hint="Check that the folder exists, that you may write to it and that the disk has "
        "room, or choose another folder. Nothing was written.",
    )


def export_assessment_job(
    work: WorkContext,
    cancel: CancelFlag,
    workspace: Workspace,
    kind: str,
    assessment_id: str,
    target: Path,
    author: str,
) -> ExportOutcome:
    from dpia_desk import reports
    from dpia_desk.reports import ExportCancelled

    work.progress(0, 0, "")
    try:
        with workspace.read_session() as session:
            if kind == "json":
                from dpia_desk import exchange

                cancel.check()
                exchange.export_assessment(session, assessment_id, target)
            elif kind == "scorecard":
                card = reports.build_scorecard(session, assessment_id)
                cancel.check()
                reports.write_scorecard_pdf(card, target)
            else:
                report = reports.build_report(session, assessment_id, author=author)
                cancel.check()
                writer = reports.write_dpia_docx if kind == "docx" else reports.write_dpia_pdf
                writer(report, target, _progress_callback(work, cancel))
    except ExportCancelled:
        raise WorkCancelled from None
    except OSError as error:
        raise _could_not_write(target, error) from None
    return _written(kind, target)


def export_portfolio_job(
    work: WorkContext, cancel: CancelFlag, workspace: Workspace, kind: str, target: Path
) -> ExportOutcome:
    from dpia_desk import reports
    from dpia_desk.reports import ExportCancelled

    work.progress(0, 0, "")
    try:
        with workspace.read_session() as session:
            rows = reports.build_portfolio(session)
        cancel.check()
        writer = reports.write_portfolio_csv if kind == "csv" else reports.write_portfolio_xlsx
        writer(rows, target)
    except ExportCancelled:
        raise WorkCancelled from None
    except OSError as error:
        raise _could_not_write(target, error) from None
    return _written(kind, target, len(rows))


def inspect_import_job(_work: WorkContext, cancel: CancelFlag, path: Path) -> str:
    """The file's format (``dpia_desk.assessment`` or ``cnil_pia``), or the refusal."""
    from dpia_desk.exchange import detect_format, read_json_file

    loaded = read_json_file(path)
    cancel.check()
    return detect_format(loaded)


def import_job(
    _work: WorkContext,
    _cancel: CancelFlag,
    workspace: Workspace,
    path: Path,
    actor: str,
    vendor_id: str | None,
    mode: ImportMode,
) -> Any:
    from dpia_desk.exchange import import_file

    # No cancel from here on: the import is one transaction, after a backup.
    return import_file(workspace, path, actor=actor, vendor_id=vendor_id, mode=mode)


# --- the controller --------------------------------------------------------------------------


class ExportController(QObject):
    """Exports and imports for one window; see the module docstring."""

    #: A short message for the window's status bar.
    status_message = Signal(str)
    #: After a successful export: the ExportOutcome.
    exported = Signal(object)
    #: After a successful import: the ImportReport.
    imported = Signal(object)

    def __init__(self, context: WorkspaceContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        #: The job running or last run (tests and screenshots look at its dialog).
        self.last_job: ProgressJob | None = None
        #: The dialogs last shown (tests and screenshots look at them).
        self.done_dialog: QWidget | None = None
        self.report_dialog: QWidget | None = None
        #: The menu actions, when :func:`add_assessment_menu` made them.
        self.actions: ExportActions | None = None
        #: The vendor selected in the window, proposed first when a CNIL PIA needs one.
        self.current_vendor: Callable[[], str | None] = lambda: None

    # --- choosing a file --------------------------------------------------------------------

    def _ask_target(self, title: str, name: str, file_filter: str, extension: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window, title, str(default_folder() / name), file_filter
        )
        if not chosen:
            return None
        target = with_extension(Path(chosen), extension)
        settings.write_value(LAST_FOLDER_KEY, str(target.parent))
        return target

    def _titles(self, kind: str) -> tuple[str, str, str]:
        """(save dialog title, file filter, what the file is) for ``kind``."""
        return {
            "docx": (
                self.tr("Export the DPIA as Word"),
                self.tr("Word documents (*.docx)"),
                self.tr("DPIA"),
            ),
            "pdf": (
                self.tr("Export the DPIA as PDF"),
                self.tr("PDF documents (*.pdf)"),
                self.tr("DPIA"),
            ),
            "scorecard": (
                self.tr("Export the vendor scorecard"),
                self.tr("PDF documents (*.pdf)"),
                self.tr("Scorecard"),
            ),
            "json": (
                self.tr("Export the assessment file"),
                self.tr("dpia_desk assessment files (*.json)"),
                self.tr("Assessment"),
            ),
            "csv": (
                self.tr("Export the portfolio as CSV"),
                self.tr("CSV files (*.csv)"),
                self.tr("Portfolio"),
            ),
            "xlsx": (
                self.tr("Export the portfolio as Excel"),
                self.tr("Excel workbooks (*.xlsx)"),
                self.tr("Portfolio"),
            ),
        }[kind]

    # --- exports ----------------------------------------------------------------------------

    def export_assessment(self, kind: str, assessment_id: str | None) -> ProgressJob | None:
        """Asks for the file (a proposed name), then exports; None when nothing was started."""
        if assessment_id is None:
            self._nothing_selected()
            return None
        try:
            with self.context.read() as session:
                label = read_assessment_label(session, assessment_id)
        except DpiaDeskError as error:
            self._failed(error)
            return None
        title, file_filter, what = self._titles(kind)
        parts = [label.vendor_name]
        if label.ai_system_name:
            parts.append(label.ai_system_name)
        parts.append(what if kind == "scorecard" else label.form_title)
        if label.version > 1:
            parts.append(f"v{label.version}")
        extension = KINDS[kind].extension
        target = self._ask_target(
            title, suggested_file_name(parts, extension), file_filter, extension
        )
        if target is None:
            return None
        return self.export_assessment_to(kind, assessment_id, target)

    def export_assessment_to(self, kind: str, assessment_id: str, target: Path) -> ProgressJob:
        texts = {
            "docx": self.tr("Writing the DPIA as a Word document…"),
            "pdf": self.tr("Writing the DPIA as a PDF…"),
            "scorecard": self.tr("Writing the vendor scorecard…"),
            "json": self.tr("Writing the assessment file with its attachments…"),
        }
        job = run_with_progress(
            self.window, self.context.runner, export_assessment_job,
            self.context.workspace, kind, assessment_id, target, self.context.actor,
            title=self.tr("Export"), text=texts[kind], cancellable=True,
            description=f"export {kind}",
            on_result=self._export_done, on_error=self._failed, on_cancelled=self._cancelled,
        )  # fmt: skip
        self.last_job = job
        return job

    def export_portfolio(self, kind: str) -> ProgressJob | None:
        title, file_filter, what = self._titles(kind)
        extension = KINDS[kind].extension
        name = suggested_file_name([self.context.workspace.path.stem, what], extension)
        target = self._ask_target(title, name, file_filter, extension)
        if target is None:
            return None
        return self.export_portfolio_to(kind, target)

    def export_portfolio_to(self, kind: str, target: Path) -> ProgressJob:
        job = run_with_progress(
            self.window, self.context.runner, export_portfolio_job,
            self.context.workspace, kind, target,
            title=self.tr("Export"), text=self.tr("Writing every vendor with its key figures…"),
            cancellable=True, description=f"export portfolio {kind}",
            on_result=self._export_done, on_error=self._failed, on_cancelled=self._cancelled,
        )  # fmt: skip
        self.last_job = job
        return job

    def _export_done(self, outcome: object) -> None:
        assert isinstance(outcome, ExportOutcome)
        from dpia_desk.ui.dialogs.export_done import ExportDoneDialog

        self.status_message.emit(self.tr("Exported to {path}").format(path=str(outcome.path)))
        self.exported.emit(outcome)
        dialog = ExportDoneDialog(outcome.path, outcome.size, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.done_dialog = dialog
        dialog.open()

    def _cancelled(self) -> None:
        self.status_message.emit(self.tr("Export cancelled; no file was written."))

    # --- import -----------------------------------------------------------------------------

    def import_file(self) -> ProgressJob | None:
        if self.context.read_only:
            self._failed(_read_only_error())
            return None
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import an assessment"),
            str(default_folder()),
            self.tr("Assessment files: dpia_desk or CNIL PIA (*.json);;All files (*)"),
        )
        if not chosen:
            return None
        return self.import_from(Path(chosen))

    def import_from(
        self, path: Path, vendor_id: str | None = None, mode: ImportMode = "refuse"
    ) -> ProgressJob:
        """Recognises the file, asks what it must (vendor, new version), then imports."""

        def recognised(kind: object) -> None:
            chosen = vendor_id
            if kind == "cnil_pia" and chosen is None:
                chosen = self.choose_vendor(path)
                if chosen is None:
                    self.status_message.emit(self.tr("Import cancelled; nothing was imported."))
                    return
            self._run_import(path, chosen, mode)

        job = run_with_progress(
            self.window, self.context.runner, inspect_import_job, path,
            title=self.tr("Import"), text=self.tr("Reading {name}…").format(name=path.name),
            cancellable=True, description="inspect import",
            on_result=recognised, on_error=self._failed,
        )  # fmt: skip
        self.last_job = job
        return job

    def choose_vendor(self, path: Path) -> str | None:
        """The vendor a CNIL PIA is about (the dialog); tests replace this."""
        from dpia_desk.ui.dialogs.vendor_picker import VendorPickerDialog

        with disposing(VendorPickerDialog(self.context, path.name, self.window)) as dialog:
            selected = self.current_vendor()
            if selected is not None:
                dialog.select(selected)
            return dialog.vendor_id if dialog.exec() else None

    def _run_import(self, path: Path, vendor_id: str | None, mode: ImportMode) -> None:
        def failed(error: BaseException) -> None:
            from dpia_desk.exchange import AssessmentExistsError

            if isinstance(error, AssessmentExistsError) and mode == "refuse":
                if self.confirm_new_version(error):
                    self._run_import(path, vendor_id, "new_version")
                return
            self._failed(error)

        self.last_job = run_with_progress(
            self.window, self.context.runner, import_job,
            self.context.workspace, path, self.context.actor, vendor_id, mode,
            title=self.tr("Import"),
            text=self.tr("Checking and importing {name}…").format(name=path.name),
            cancellable=False, description="import",
            on_result=self._imported, on_error=failed,
        )  # fmt: skip

    def confirm_new_version(self, error: DpiaDeskError) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import"))
        box.setText(self.tr("This assessment is already in the workspace."))
        box.setInformativeText(
            self.tr(
                "Import the file as the next version of it? That works when the newest version "
                "is approved or rejected; the file's sign-offs are not carried over."
            )
        )
        add = box.addButton(self.tr("Import as &new version"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        with disposing(box):
            box.exec()
            return box.clickedButton() is add

    def _imported(self, report: object) -> None:
        from dpia_desk.exchange import ImportReport
        from dpia_desk.ui.dialogs.import_report import ImportReportDialog

        assert isinstance(report, ImportReport)
        self.context.notify_changed("vendor")
        self.context.notify_changed("assessment")
        self.imported.emit(report)
        self.status_message.emit(self.tr("Assessment imported."))
        with self.context.read() as session:
            label = read_assessment_label(session, report.assessment_id)
        with disposing(ImportReportDialog(report, label, self.window)) as dialog:
            self.report_dialog = dialog
            wants_open = dialog.exec() == ImportReportDialog.OPEN
        self.report_dialog = None
        if wants_open:
            from dpia_desk.ui.review.windows import open_assessment

            open_assessment(self.context, report.assessment_id, self.window)

    # --- errors -----------------------------------------------------------------------------

    def _nothing_selected(self) -> None:
        self._failed(
            DpiaDeskError(
                self.tr("No assessment is selected."),
                hint=self.tr(
                    "Select one in the Assessments list or in a vendor's panel, or export from "
                    "the assessment's own window."
                ),
            )
        )

    def _failed(self, error: BaseException) -> None:
        report_error(error, self.window)


def _read_only_error() -> DpiaDeskError:
    return DpiaDeskError(
        translate("ExportController", "This workspace is open read-only."),
        hint=translate(
            "ExportController", "Nothing can be imported into it until it opens normally."
        ),
    )


# --- menus -----------------------------------------------------------------------------------


@dataclass
class ExportActions:
    """The actions :func:`add_export_menu` made (tests and enabling look them up here)."""

    docx: QAction
    pdf: QAction
    scorecard: QAction
    json: QAction
    csv: QAction | None = None
    xlsx: QAction | None = None
    import_: QAction | None = None

    @property
    def for_assessment(self) -> list[QAction]:
        return [self.docx, self.pdf, self.scorecard, self.json]


def add_export_menu(
    menu: QMenu,
    controller: ExportController,
    current_assessment: Callable[[], str | None],
    *,
    portfolio: bool = True,
    importing: bool = True,
    submenu: bool = True,
) -> ExportActions:
    """Adds "Export" (a submenu) and, optionally, the portfolio exports and "Import
    assessment…" to ``menu``. The assessment exports act on ``current_assessment()`` and are
    enabled only while it names one (checked each time the menu opens)."""
    if submenu:
        export_menu = menu.addMenu(icon("export"), translate("ExportController", "&Export"))
        export_menu.setObjectName("exportMenu")
    else:
        export_menu = menu

    def assessment_action(text: str, kind: str) -> QAction:
        action = export_menu.addAction(text)
        action.setObjectName(f"export_{kind}")
        action.triggered.connect(
            lambda _checked=False: controller.export_assessment(kind, current_assessment())
        )
        return action

    actions = ExportActions(
        docx=assessment_action(translate("ExportController", "DPIA as &Word…"), "docx"),
        pdf=assessment_action(translate("ExportController", "DPIA as &PDF…"), "pdf"),
        scorecard=assessment_action(
            translate("ExportController", "Vendor &scorecard (PDF)…"), "scorecard"
        ),
        json=assessment_action(translate("ExportController", "&Assessment file (JSON)…"), "json"),
    )
    if portfolio:
        export_menu.addSeparator()
        actions.csv = export_menu.addAction(translate("ExportController", "Portfolio as &CSV…"))
        actions.csv.setObjectName("export_csv")
        actions.csv.triggered.connect(lambda _checked=False: controller.export_portfolio("csv"))
        actions.xlsx = export_menu.addAction(
            translate("ExportController", "Portfolio as E&xcel (XLSX)…")
        )
        actions.xlsx.setObjectName("export_xlsx")
        actions.xlsx.triggered.connect(lambda _checked=False: controller.export_portfolio("xlsx"))
    if importing:
        actions.import_ = menu.addAction(translate("ExportController", "&Import assessment…"))
        actions.import_.setObjectName("import_assessment")
        actions.import_.setEnabled(not controller.context.read_only)
        actions.import_.triggered.connect(lambda _checked=False: controller.import_file())

    def refresh() -> None:
        selected = current_assessment() is not None
        for action in actions.for_assessment:
            action.setEnabled(selected)

    menu.aboutToShow.connect(refresh)
    if export_menu is not menu:
        export_menu.aboutToShow.connect(refresh)
    refresh()
    return actions


def add_assessment_menu(
    window: QMainWindow, context: WorkspaceContext, assessment_id: Callable[[], str]
) -> ExportController:
    """The hook of an assessment window (``ui/assessment/window.py``): an Export menu (Alt+X;
    Alt+F is the window's "Sign off") acting on the window's own assessment. Call it before the
    window adds its other menus, so it comes first; keep the returned controller (it holds the
    menu's actions)."""
    exports = ExportController(context, window)
    exports.status_message.connect(lambda text: window.statusBar().showMessage(text, 5000))
    menu = window.menuBar().addMenu(translate("ExportController", "E&xport"))
    menu.setObjectName("exportMenu")
    exports.actions = add_export_menu(
        menu, exports, assessment_id, portfolio=False, importing=False, submenu=False
    )
    return exports
