"""First run: create the workspace, show the recovery key once, then demo data or an empty start.

Three pages in one dialog:

1. how the key is kept: the keychain (one sentence; disabled with the reason when this computer
   has no secure keychain) or a passphrase (one sentence; typed twice);
2. the recovery key, shown once, with "Copy" and "Save as PDF"; "Continue" stays disabled until
   "I have stored the recovery key" is ticked, and the dialog cannot be closed before that;
3. "Load demo data" or "Start empty".

Creating (the passphrase KDF takes a noticeable moment) and loading the demo run on the work
runner, so the dialog stays responsive. After ``accept()``, :attr:`workspace` is open.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.errors import DpiaDeskError
from dpia_desk.store import KeychainKey, Passphrase, RecoveryKey, Workspace
from dpia_desk.ui.dialogs.recovery_key import RecoveryKeyPanel
from dpia_desk.ui.icons import app_icon
from dpia_desk.ui.passphrase_fields import KeyModeChoice, KeyModeTexts
from dpia_desk.ui.widgets import (
    Banner,
    FittedDialog,
    fit_height,
    heading,
    hint,
    indented,
    make_primary,
)
from dpia_desk.ui.workers import Runner, WorkContext


def _create(
    _work: WorkContext, path: Path, source: KeychainKey | Passphrase
) -> tuple[Workspace, RecoveryKey]:
    return Workspace.create(path, source)


def _populate_demo(_work: WorkContext, workspace: Workspace) -> object:
    from dpia_desk.demo import populate_demo

    return populate_demo(workspace)


class FirstRunDialog(FittedDialog):
    PAGE_KEY_MODE, PAGE_RECOVERY, PAGE_START = range(3)

    def __init__(self, path: Path, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.runner = runner
        self.workspace: Workspace | None = None
        self.recovery: RecoveryKey | None = None
        self.demo_loaded = False
        self._busy = False
        self.setWindowTitle(self.tr("Welcome to dpia_desk"))
        self.setWindowIcon(app_icon())

        self.pages = QStackedWidget()
        self.pages.addWidget(self._key_mode_page())
        self.pages.addWidget(self._recovery_page())
        self.pages.addWidget(self._start_page())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.pages)
        self.preferred_width = 560

    # --- page 1: keychain or passphrase --------------------------------------------------------

    def _key_mode_page(self) -> QWidget:
        page = QWidget()
        self.key_choice = KeyModeChoice(
            KeyModeTexts(
                keychain=self.tr("Keep the key in the &keychain (recommended)"),
                keychain_name=self.tr("Keychain mode"),
                keychain_note=self.tr(
                    "The workspace opens without a password while you are signed in to this "
                    "computer; its key stays in your account's keychain."
                ),
                passphrase=self.tr("Protect it with a &passphrase"),
                passphrase_name=self.tr("Passphrase mode"),
                passphrase_note=self.tr(
                    "You type the passphrase each time you open the workspace. Choose a long one "
                    "you will remember: besides it, only the recovery key shown next opens the "
                    "file."
                ),
                passphrase_field=self.tr("Passphrase"),
                confirm_field=self.tr("Passphrase again"),
            ),
            prefer_passphrase=False,
        )
        # Its parts, under the names the rest of the dialog (and its tests) use.
        self.keychain_radio = self.key_choice.keychain_radio
        self.keychain_note = self.key_choice.keychain_note
        self.passphrase_radio = self.key_choice.passphrase_radio
        self.passphrase_form = self.key_choice.passphrase_form
        self.passphrase_edit = self.passphrase_form.passphrase_edit
        self.passphrase_error = self.passphrase_form.passphrase_error
        self.confirm_edit = self.passphrase_form.confirm_edit
        self.confirm_error = self.passphrase_form.confirm_error

        self.create_error = Banner("", "warning")
        self.create_error.hide()
        self.create_button = QPushButton(self.tr("&Create workspace"))
        make_primary(self.create_button)
        self.create_button.clicked.connect(self.create_workspace)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.busy_label = hint("")

        intro = hint(self.tr("Everything you record is kept in one encrypted file:"))
        where = QLabel(str(self.path))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setAccessibleName(self.tr("Workspace file"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.busy_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading(self.tr("Create your workspace"), "title"))
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addWidget(heading(self.tr("How should the key be kept?")))
        layout.addWidget(self.key_choice)
        layout.addWidget(self.create_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def create_workspace(self) -> None:
        if self._busy:
            return
        source = self.key_choice.key_source()
        if source is None:
            return
        self.create_error.hide()
        self._set_busy(True, self.tr("Creating the encrypted workspace…"))
        self.runner.submit(
            _create,
            self.path,
            source,
            description="create workspace",
            on_result=self._created,
            on_error=self._create_failed,
        )

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.busy_label.setText(text if busy else "")
        for widget in (self.create_button, self.cancel_button, self.finish_button):
            widget.setEnabled(not busy)
        self.key_choice.set_busy(busy)

    def _created(self, result: tuple[Workspace, RecoveryKey]) -> None:
        self._set_busy(False)
        self.workspace, self.recovery = result
        self.recovery_panel.set_key(self.recovery, self.path)
        if self.workspace.opened_with == "passphrase":
            self.recovery_intro.setText(
                self.tr(
                    "If the passphrase is ever forgotten, this recovery key still opens the "
                    "workspace. It is shown only now: copy it or save it as a PDF, and keep it "
                    "somewhere safe."
                )
            )
        self.pages.setCurrentIndex(self.PAGE_RECOVERY)
        fit_height(self)
        self.copy_button.setFocus()

    def _create_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, DpiaDeskError):
            text = error.message + (f" {error.hint}" if error.hint else "")
            self.create_error.set_text(text)
            self.create_error.show()
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # --- page 2: the recovery key --------------------------------------------------------------

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        self.recovery_panel = RecoveryKeyPanel(
            self.tr(
                "If this computer's keychain is ever lost (a new laptop, a reinstalled system), "
                "this recovery key still opens the workspace. It is shown only now: copy it or "
                "save it as a PDF, and keep it somewhere safe."
            )
        )
        panel = self.recovery_panel
        # The panel's parts, under the names the rest of the dialog (and its tests) use.
        self.recovery_intro = panel.intro
        self.key_label = panel.key_label
        self.copy_button = panel.copy_button
        self.pdf_button = panel.pdf_button
        self.key_feedback = panel.feedback
        self.stored_check = panel.stored_check
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        panel.stored.connect(self.continue_button.setEnabled)
        self.continue_button.setEnabled(False)
        make_primary(self.continue_button)
        self.continue_button.clicked.connect(self._to_start_page)

        bottom = QHBoxLayout()
        bottom.addWidget(self.stored_check, 1)
        bottom.addWidget(self.continue_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Your recovery key"), "title"))
        layout.addWidget(panel)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return page

    def copy_key(self) -> None:
        self.recovery_panel.copy_key()

    def choose_pdf(self) -> None:
        self.recovery_panel.choose_pdf()

    def save_pdf(self, target: Path) -> None:
        self.recovery_panel.save_pdf(target)

    def _to_start_page(self) -> None:
        if self.stored_check.isChecked():
            self.pages.setCurrentIndex(self.PAGE_START)
            fit_height(self)
            self.finish_button.setFocus()

    # --- page 3: demo data or empty ------------------------------------------------------------

    def _start_page(self) -> QWidget:
        page = QWidget()
        self.demo_radio = QRadioButton(self.tr("Load &demo data"))
        self.demo_note = hint(
            self.tr(
                "A few fictional HR-tech vendors and their AI systems, to explore the app. "
                "You can delete them later."
            )
        )
        self.empty_radio = QRadioButton(self.tr("Start &empty"))
        self.empty_note = hint(self.tr("An empty registry, ready for your first vendor."))
        group = QButtonGroup(self)
        group.addButton(self.demo_radio)
        group.addButton(self.empty_radio)
        self.demo_radio.setChecked(True)
        self.start_error = Banner("", "warning")
        self.start_error.hide()
        self.finish_busy = hint("")
        self.finish_button = QPushButton(self.tr("&Open dpia_desk"))
        make_primary(self.finish_button)
        self.finish_button.clicked.connect(self.finish)

        bottom = QHBoxLayout()
        bottom.addWidget(self.finish_busy, 1)
        bottom.addWidget(self.finish_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(heading(self.tr("How do you want to start?"), "title"))
        layout.addSpacing(8)
        layout.addWidget(self.demo_radio)
        layout.addWidget(indented(self.demo_note))
        layout.addWidget(self.empty_radio)
        layout.addWidget(indented(self.empty_note))
        layout.addWidget(self.start_error)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return page

    def finish(self) -> None:
        if self._busy or self.workspace is None:
            return
        if not self.demo_radio.isChecked():
            self.accept()
            return
        self._set_busy(True)
        self.finish_busy.setText(self.tr("Loading the demo data…"))
        self.runner.submit(
            _populate_demo,
            self.workspace,
            description="demo data",
            on_result=self._demo_loaded,
            on_error=self._demo_failed,
        )

    def _demo_loaded(self, _summary: object) -> None:
        self._set_busy(False)
        self.demo_loaded = True
        self.accept()

    def _demo_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.finish_busy.setText("")
        if isinstance(error, DpiaDeskError):
            self.start_error.set_text(
                self.tr("The demo data could not be loaded: {reason}").format(reason=str(error))
            )
            self.start_error.show()
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # --- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        page = self.pages.currentIndex()
        if self._busy:
            return
        if page == self.PAGE_RECOVERY:
            # The key is shown only once: closing before it was stored is not offered.
            self.recovery_panel.remind()
            return
        if page == self.PAGE_START:
            self.accept()  # closing here means "start empty"
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy or self.pages.currentIndex() == self.PAGE_RECOVERY:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Focus set while the page was being built is lost; with no keychain the passphrase is
        # the only choice, so typing should go straight into it.
        if self.pages.currentIndex() == self.PAGE_KEY_MODE and self.passphrase_radio.isChecked():
            self.passphrase_edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
