"""The trust actions of the desktop: backup, restore, change key, integrity check, erasure.

:class:`TrustController` works for the main window. What can be done with the workspace open
runs here on the work runner (backup, key change, integrity check, erasure, checking a backup
before a restore); what needs the workspace closed (restoring over it, switching to a restored
copy) is asked of the application controller through :attr:`TrustController.restore_requested`
with a :class:`RestoreRequest`, because only it may close and reopen the session.

Erasure asks first, with the store's own account of what goes
(:func:`~dpia_desk.store.vendor_erasure_plan`), and for a vendor wants its name typed out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from dpia_desk.errors import DpiaDeskError
from dpia_desk.paths import default_backup_dir
from dpia_desk.ui.crash import report_error
from dpia_desk.ui.labels import format_datetime
from dpia_desk.ui.progress import CancelFlag, ProgressJob, run_with_progress
from dpia_desk.ui.widgets import disposing
from dpia_desk.ui.workers import WorkContext

if TYPE_CHECKING:
    from dpia_desk.store import ErasurePlan, IntegrityReport, KeySource, Workspace
    from dpia_desk.ui.context import WorkspaceContext

#: lupdate extracts translate("Context", "literal") calls; keep both arguments literal.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class RestoreRequest:
    """Restore ``backup`` (opened with ``key``) over the workspace, or into ``target``."""

    backup: Path
    key: KeySource
    target: Path | None = None  # None: replace the open workspace

    @property
    def replaces(self) -> bool:
        return self.target is None


@dataclass(frozen=True)
class GoodBackup:
    path: Path
    written: datetime


# --- jobs ------------------------------------------------------------------------------------


def backup_job(work: WorkContext, _cancel: CancelFlag, workspace: Workspace, target: Path) -> Any:
    work.progress(0, 0, "")
    return workspace.backup(target)


def check_backup_job(_work: WorkContext, _cancel: CancelFlag, backup: Path, key: KeySource) -> Path:
    """The backup opens with ``key`` and passes the integrity checks (else the store's error)."""
    from dpia_desk.store.backup import verify_backup
    from dpia_desk.store.workspace import unlock_for_copy

    verify_backup(backup, key=unlock_for_copy(backup, key))
    return backup


def latest_good_backup_job(
    _work: WorkContext, cancel: CancelFlag, salt: bytes, key: KeySource
) -> GoodBackup | None:
    """The newest backup of this workspace that opens with ``key`` and passes its checks."""
    from dpia_desk.store import find_backups

    for candidate in find_backups(salt):
        cancel.check()
        try:
            check_backup_job(_work, cancel, candidate, key)
        except DpiaDeskError:
            continue  # damaged, or made with another key: try the next older one
        return GoodBackup(candidate, datetime.fromtimestamp(candidate.stat().st_mtime).astimezone())
    return None


def integrity_job(work: WorkContext, _cancel: CancelFlag, workspace: Workspace) -> IntegrityReport:
    work.progress(0, 0, "")
    return workspace.check()


def erase_job(
    _work: WorkContext, _cancel: CancelFlag, workspace: Workspace, kind: str, id_: str
) -> Any:
    if kind == "vendor":
        return workspace.erase_vendor(id_)
    return workspace.erase_assessment(id_)


def key_for_backup(text: str) -> KeySource:
    """What the user typed for an older backup: its recovery key, else a passphrase."""
    from dpia_desk.store import Passphrase, RecoveryKey
    from dpia_desk.store.errors import InvalidRecoveryKeyError

    try:
        return RecoveryKey.parse(text)
    except InvalidRecoveryKeyError:
        return Passphrase(text)


# --- the controller --------------------------------------------------------------------------


class TrustController(QObject):
    """See the module docstring."""

    status_message = Signal(str)
    #: A RestoreRequest for the application controller (it closes and reopens the session).
    restore_requested = Signal(object)
    #: The workspace has a new key (a passphrase given at start-up is no longer valid).
    key_changed = Signal()
    #: ("vendor" | "assessment", id) after an erasure.
    erased = Signal(str, str)

    def __init__(self, context: WorkspaceContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.last_job: ProgressJob | None = None
        # The dialogs last shown (tests and screenshots look at them).
        self.message_box: QMessageBox | None = None
        self.rekey_dialog: QWidget | None = None
        self.erase_dialog: QWidget | None = None
        self.last_report: IntegrityReport | None = None

    @property
    def workspace(self) -> Workspace:
        return self.context.workspace

    # --- backup -----------------------------------------------------------------------------

    def backup(self) -> ProgressJob | None:
        folder = default_backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        suggestion = folder / f"{self.workspace.path.stem}-{stamp}.dpia"
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Back up the workspace"),
            str(suggestion),
            self.tr("dpia_desk workspaces (*.dpia)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix != ".dpia":
            target = target.with_name(target.name + ".dpia")
        return self.run_backup(target)

    def run_backup(self, target: Path) -> ProgressJob:
        def written(info: Any) -> None:
            self.status_message.emit(
                self.tr("Backup written and verified: {path}").format(path=str(info.path))
            )
            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(self.tr("Backup"))
            box.setText(self.tr("The backup is written and verified."))
            box.setInformativeText(
                self.tr(
                    "{path}\n\nIt is encrypted and opens with the same key, passphrase or "
                    "recovery key as the workspace has now."
                ).format(path=str(info.path))
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.message_box = box
            box.open()

        self.last_job = run_with_progress(
            self.window, self.context.runner, backup_job, self.workspace, target,
            title=self.tr("Backup"), text=self.tr("Writing and verifying the backup…"),
            cancellable=False, description="backup",
            on_result=written, on_error=self.failed,
        )  # fmt: skip
        return self.last_job

    # --- restore ----------------------------------------------------------------------------

    def restore(self) -> None:
        """Choose a backup (list or file) and where to restore it, check it, then ask the
        application controller to do it."""
        from dpia_desk.store import find_backups
        from dpia_desk.ui.dialogs.restore_dialog import RestoreDialog

        backups = find_backups(self.workspace.salt)
        with disposing(RestoreDialog(self.workspace.path, backups, self.window)) as dialog:
            if not dialog.exec() or dialog.chosen is None:
                return
            backup, into_new = dialog.chosen, dialog.into_new_file
        target: Path | None = None
        if into_new:
            target = self.ask_new_file(backup)
            if target is None:
                return
        self.check_then_restore(backup, target, self.workspace.recovery_key())

    def ask_new_file(self, backup: Path) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Restore into a new workspace file"),
            str(self.workspace.path.with_name(f"{self.workspace.path.stem} (restored).dpia")),
            self.tr("dpia_desk workspaces (*.dpia)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        return target if target.suffix == ".dpia" else target.with_name(target.name + ".dpia")

    def check_then_restore(self, backup: Path, target: Path | None, key: KeySource) -> None:
        """Checks the backup with ``key`` (asking for an older key if it was made with one),
        then emits :attr:`restore_requested`."""
        from dpia_desk.store import KeyNotAvailableError, WrongKeyError

        def checked(_path: object) -> None:
            self.restore_requested.emit(RestoreRequest(backup, key, target))

        def failed(error: BaseException) -> None:
            if isinstance(error, WrongKeyError | KeyNotAvailableError):
                older = self.ask_backup_key(backup)
                if older is not None:
                    self.check_then_restore(backup, target, older)
                return
            self.failed(error)

        self.last_job = run_with_progress(
            self.window, self.context.runner, check_backup_job, backup, key,
            title=self.tr("Restore"), text=self.tr("Checking the backup…"), cancellable=False,
            description="check backup", on_result=checked, on_error=failed,
        )  # fmt: skip

    def ask_backup_key(self, backup: Path) -> KeySource | None:
        """The backup was made with an earlier key: its recovery key or passphrase."""
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Restore"),
            self.tr(
                "{name} was made with an earlier key. Enter the recovery key or the passphrase "
                "the workspace had then:"
            ).format(name=backup.name),
            QLineEdit.EchoMode.Password,
        )
        return key_for_backup(text) if ok and text else None

    def restore_latest(self) -> None:
        """The damaged-workspace banner's button: the newest backup that passes its checks."""

        def found(result: object) -> None:
            if result is None:
                self.failed(
                    DpiaDeskError(
                        self.tr("No good backup of this workspace was found."),
                        hint=self.tr(
                            "Backups are looked for in {folder}. Choose one elsewhere with "
                            "File > Restore from backup…"
                        ).format(folder=str(default_backup_dir())),
                    )
                )
                return
            assert isinstance(result, GoodBackup)
            if self.confirm_restore_latest(result):
                self.restore_requested.emit(
                    RestoreRequest(result.path, self.workspace.recovery_key())
                )

        self.last_job = run_with_progress(
            self.window, self.context.runner, latest_good_backup_job,
            self.workspace.salt, self.workspace.recovery_key(),
            title=self.tr("Restore"), text=self.tr("Looking for the latest good backup…"),
            cancellable=True, description="find backup", on_result=found, on_error=self.failed,
        )  # fmt: skip

    def confirm_restore_latest(self, backup: GoodBackup) -> bool:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore"))
        box.setText(
            self.tr("Restore the backup of {when}?").format(when=format_datetime(backup.written))
        )
        box.setInformativeText(
            self.tr(
                "The workspace is closed and replaced by {name}. The damaged file is first "
                "copied, as it is, to the backup folder. Changes made after the backup are not "
                "in it."
            ).format(name=backup.path.name)
        )
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        with disposing(box):
            box.exec()
            return box.clickedButton() is restore

    # --- key --------------------------------------------------------------------------------

    def change_key(self) -> bool:
        from dpia_desk.ui.dialogs.rekey_dialog import RekeyDialog

        if self.context.read_only:
            self.failed(_read_only_error())
            return False
        with disposing(RekeyDialog(self.workspace, self.context.runner, self.window)) as dialog:
            self.rekey_dialog = dialog
            dialog.exec()
            changed = dialog.changed
        self.rekey_dialog = None
        if changed:
            self.key_changed.emit()
            self.context.notify_changed("workspace")
            self.status_message.emit(self.tr("The workspace has a new key."))
        return changed

    # --- integrity --------------------------------------------------------------------------

    def check_integrity(self) -> ProgressJob:
        def checked(report: Any) -> None:
            box = QMessageBox(self.window)
            box.setWindowTitle(self.tr("Integrity check"))
            if report.ok:
                box.setIcon(QMessageBox.Icon.Information)
                box.setText(self.tr("No problems found."))
                box.setInformativeText(
                    self.tr(
                        "Every page and journal frame passed its authentication check, and "
                        "SQLite's and SQLCipher's integrity checks found nothing."
                    )
                )
            else:
                box.setIcon(QMessageBox.Icon.Warning)
                box.setText(self.tr("The workspace is damaged."))
                box.setInformativeText(
                    self.tr(
                        "Problems found: {count}. Stop working in it, restore the latest good "
                        "backup (File > Restore from backup…), and keep this file for analysis."
                    ).format(count=len(report.problems))
                )
                box.setDetailedText("\n".join(report.problems))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.message_box = box
            self.last_report = report
            box.open()

        self.last_job = run_with_progress(
            self.window, self.context.runner, integrity_job, self.workspace,
            title=self.tr("Integrity check"),
            text=self.tr("Checking every page of the workspace…"), cancellable=False,
            description="integrity check", on_result=checked, on_error=self.failed,
        )  # fmt: skip
        return self.last_job

    # --- erasure ----------------------------------------------------------------------------

    def delete_vendor(self, vendor_id: str | None) -> bool:
        return self._erase("vendor", vendor_id)

    def delete_assessment(self, assessment_id: str | None) -> bool:
        return self._erase("assessment", assessment_id)

    def _erase(self, kind: str, id_: str | None) -> bool:
        from dpia_desk.store import assessment_erasure_plan, get_vendor, vendor_erasure_plan
        from dpia_desk.ui.dialogs.erase_dialog import EraseDialog
        from dpia_desk.ui.export_actions import read_assessment_label

        if id_ is None:
            self.failed(
                DpiaDeskError(
                    self.tr("Nothing is selected."),
                    hint=self.tr("Select the vendor or assessment to delete first."),
                )
            )
            return False
        if self.context.read_only:
            self.failed(_read_only_error())
            return False
        try:
            with self.context.read() as session:
                if kind == "vendor":
                    name = get_vendor(session, id_).name
                    plan = vendor_erasure_plan(session, id_)
                else:
                    label = read_assessment_label(session, id_)
                    name = f"{label.form_title} · {label.vendor_name}"
                    if label.version > 1:
                        name += f" (v{label.version})"
                    plan = assessment_erasure_plan(session, id_)
        except DpiaDeskError as error:
            self.failed(error)
            return False
        with disposing(EraseDialog(kind, name, plan.describe(), self.window)) as dialog:
            self.erase_dialog = dialog
            confirmed = bool(self.confirm_erasure(dialog))
        self.erase_dialog = None
        if not confirmed:
            return False
        self._close_windows_of(plan)

        def erased(_plan: object) -> None:
            self.context.notify_changed("vendor")
            self.context.notify_changed("assessment")
            self.erased.emit(kind, id_)
            self.status_message.emit(
                self.tr("“{name}” was deleted from the workspace.").format(name=name)
            )

        self.last_job = run_with_progress(
            self.window, self.context.runner, erase_job, self.workspace, kind, id_,
            title=self.tr("Delete"), text=self.tr("Deleting and overwriting the data…"),
            cancellable=False, description=f"erase {kind}", on_result=erased,
            on_error=self.failed,
        )  # fmt: skip
        return True

    def confirm_erasure(self, dialog: QWidget) -> int:
        """Shows the confirmation (tests replace this)."""
        from dpia_desk.ui.dialogs.erase_dialog import EraseDialog

        assert isinstance(dialog, EraseDialog)
        return dialog.exec()

    def _close_windows_of(self, plan: ErasurePlan) -> None:
        """Assessment and review windows showing what goes are closed first (an assessment
        window saves what is pending when it closes, which must happen before the erasure)."""
        from PySide6.QtWidgets import QApplication

        assessments = set(plan.ids.get("assessment", []))
        reviews = set(plan.ids.get("review", []))
        for widget in QApplication.topLevelWidgets():
            if widget.isHidden() or getattr(widget, "context", None) is not self.context:
                continue
            controller = getattr(widget, "controller", None)
            if getattr(controller, "assessment_id", None) in assessments or (
                getattr(widget, "review_id", None) in reviews
            ):
                widget.close()

    # --- errors -----------------------------------------------------------------------------

    def failed(self, error: BaseException) -> None:
        report_error(error, self.window)


def _read_only_error() -> DpiaDeskError:
    return DpiaDeskError(
        translate("TrustController", "This workspace is open read-only."),
        hint=translate(
            "TrustController",
            "It was opened read-only because it is damaged; restore a good backup to change it.",
        ),
    )
