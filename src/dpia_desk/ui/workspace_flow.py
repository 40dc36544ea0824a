"""Opening a workspace from the desktop, from first run to every error, never a traceback.

:meth:`WorkspaceOpener.open` returns an open :class:`~dpia_desk.store.Workspace` or ``None`` when
the user chose to quit:

* no file at the path: the first-run dialog creates one (``FirstRunDialog``);
* a passphrase given on the command line (``--passphrase-file`` or ``DPIA_DESK_PASSPHRASE``) is
  tried first; otherwise the keychain, silently;
* the workspace uses a passphrase, the keychain lacks its key, or no secure keychain exists:
  ``UnlockDialog`` asks for the passphrase or the recovery key;
* any other store error (in use, too new, damaged, not a workspace, keychain refused):
  ``StoreErrorDialog`` explains it and offers the ways forward (try again, recovery key,
  read-only, another file, a new file, quit).

The silent attempts run on the UI thread before any window is shown (the keychain key needs no
KDF; a command-line passphrase costs one KDF at start-up); interactive unlocking and creation run
on the work runner so the dialogs stay responsive.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from dpia_desk.errors import DpiaDeskError
from dpia_desk.store import (
    KeychainKey,
    KeyNotAvailableError,
    NoSecureKeychainError,
    Passphrase,
    PassphraseRequiredError,
    Workspace,
    WorkspaceDamagedError,
    WorkspaceError,
    WrongKeyError,
)
from dpia_desk.store.keys import KeySource, keychain_available
from dpia_desk.ui.dialogs.store_error import Choice
from dpia_desk.ui.widgets import disposing
from dpia_desk.ui.workers import Runner

#: lupdate extracts translate("Context", "literal") calls; keep both arguments literal.
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from dpia_desk.ui.dialogs.unlock import UnlockMode

# The dialogs are imported where they are shown: a start that unlocks silently never loads them.

log = logging.getLogger(__name__)


#: Give up after this many rounds of error dialogs (a loop the user cannot leave is a bug).
MAX_ROUNDS = 50


class WorkspaceOpener:
    def __init__(
        self,
        runner: Runner,
        *,
        passphrase: str | None = None,
        parent: QWidget | None = None,
        defer_page_scan: bool = False,
    ) -> None:
        self.runner = runner
        self.parent = parent
        self._passphrase = passphrase
        #: The silent open checks only the first and last page; the caller runs
        #: ``Workspace.verify_pages`` afterwards (see ``Workspace.open``).
        self.defer_page_scan = defer_page_scan
        self.created = False
        self.demo_loaded = False
        self.path: Path | None = None

    def open(self, path: Path) -> Workspace | None:
        path = path.expanduser().absolute()
        pending: DpiaDeskError | None = None
        for _round in range(MAX_ROUNDS):
            self.path = path
            if pending is None:
                if not path.exists() and not path.is_symlink():
                    return self._first_run(path)
                try:
                    return self._silent_open(path)
                except DpiaDeskError as error:
                    pending = error
            outcome = self._handle(path, pending)
            pending = None
            if isinstance(outcome, Workspace) or outcome is None:
                return outcome
            if isinstance(outcome, DpiaDeskError):
                pending = outcome
                continue
            path = outcome  # try again (same or another path)
        return None

    # --- steps ---------------------------------------------------------------------------------

    def _silent_open(self, path: Path) -> Workspace:
        source: KeySource = (
            Passphrase(self._passphrase) if self._passphrase is not None else KeychainKey()
        )
        return Workspace.open(path, source, defer_page_scan=self.defer_page_scan)

    def _first_run(self, path: Path) -> Workspace | None:
        from dpia_desk.ui.dialogs.first_run import FirstRunDialog

        with disposing(FirstRunDialog(path, self.runner, self.parent)) as dialog:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            workspace, demo_loaded = dialog.workspace, dialog.demo_loaded
        if workspace is None:
            return None
        # Closed after creation without "finish": keep it open all the same, it exists now.
        self.created = True
        self.demo_loaded = accepted and demo_loaded
        return workspace

    def _unlock(
        self, path: Path, mode: UnlockMode, message: str | None
    ) -> Workspace | DpiaDeskError | None:
        from dpia_desk.ui.dialogs.unlock import ERROR_RESULT, UnlockDialog

        dialog = UnlockDialog(
            path, self.runner, mode, message,
            keychain_available=keychain_available(), parent=self.parent,
        )  # fmt: skip
        with disposing(dialog):
            result = dialog.exec()
            workspace, error = dialog.workspace, dialog.error
        if result == QDialog.DialogCode.Accepted and workspace is not None:
            return workspace
        if result == ERROR_RESULT and error is not None:
            return error
        return None

    def _handle(self, path: Path, error: DpiaDeskError) -> Workspace | DpiaDeskError | Path | None:
        """One error: an unlock dialog or an error dialog. Returns the workspace, the next error,
        the path to try next, or None to quit."""
        log.info("workspace not opened: %s", error.message)
        if isinstance(error, PassphraseRequiredError):
            return self._unlock(path, "passphrase", None)
        if isinstance(error, WrongKeyError) and self._passphrase is not None:
            self._passphrase = None  # the command-line passphrase is wrong: ask
            return self._unlock(path, "passphrase", error.message)
        if isinstance(error, KeyNotAvailableError):
            return self._unlock(
                path,
                "recovery",
                translate(
                    "WorkspaceOpener",
                    "This computer's keychain holds no key for this workspace (it may come from "
                    "another computer). Enter its recovery key, or its passphrase if it has one.",
                ),
            )
        if isinstance(error, NoSecureKeychainError):
            return self._unlock(
                path,
                "passphrase",
                translate(
                    "WorkspaceOpener",
                    "No secure keychain is available on this computer. Enter the workspace's "
                    "passphrase or its recovery key.",
                ),
            )
        from dpia_desk.ui.dialogs.store_error import StoreErrorDialog

        with disposing(StoreErrorDialog(error, self.parent)) as dialog:
            dialog.exec()
            choice = dialog.choice
        return self._after_choice(path, error, choice)

    def _after_choice(
        self, path: Path, error: DpiaDeskError, choice: Choice
    ) -> Workspace | DpiaDeskError | Path | None:
        if choice == Choice.RETRY:
            return path
        if choice == Choice.RECOVERY_KEY:
            return self._unlock(path, "recovery", None)
        if choice == Choice.PASSPHRASE:
            return self._unlock(path, "passphrase", None)
        if choice == Choice.READ_ONLY and isinstance(error, WorkspaceDamagedError):
            source: KeySource = (
                Passphrase(self._passphrase) if self._passphrase is not None else KeychainKey()
            )
            try:
                return Workspace.open(path, source, read_only=True)
            except WorkspaceError as second:
                return second
        if choice == Choice.OTHER_FILE:
            chosen, _filter = QFileDialog.getOpenFileName(
                self.parent,
                translate("WorkspaceOpener", "Open a workspace"),
                str(path.parent),
                translate("WorkspaceOpener", "dpia_desk workspaces (*.dpia);;All files (*)"),
            )
            return Path(chosen) if chosen else path
        if choice == Choice.NEW_FILE:
            chosen, _filter = QFileDialog.getSaveFileName(
                self.parent,
                translate("WorkspaceOpener", "Create a workspace"),
                str(path.parent / "workspace.dpia"),
                translate("WorkspaceOpener", "dpia_desk workspaces (*.dpia)"),
            )
            if not chosen:
                return path
            target = Path(chosen)
            return target if target.suffix == ".dpia" else target.with_name(target.name + ".dpia")
        return None
