"""First run, unlock and store-error dialogs, driven through their real widgets."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dpia_desk.demo import DEMO_VENDORS
from dpia_desk.store import (
    KeychainKey,
    KeyNotAvailableError,
    NotAWorkspaceError,
    Passphrase,
    RecoveryKey,
    Workspace,
    WorkspaceDamagedError,
    WorkspaceInUseError,
    WorkspaceTooNewError,
    count_vendors,
)
from dpia_desk.store.keys import delete_key
from dpia_desk.ui.dialogs.first_run import FirstRunDialog
from dpia_desk.ui.dialogs.store_error import Choice, StoreErrorDialog, guidance
from dpia_desk.ui.dialogs.unlock import ERROR_RESULT, UnlockDialog
from dpia_desk.ui.workers import SynchronousWorkRunner
from dpia_desk.ui.workspace_flow import WorkspaceOpener
from tests.memory_keyring import MemoryKeyring


def _first_run(qtbot: QtBot, path: Path, runner: SynchronousWorkRunner) -> FirstRunDialog:
    dialog = FirstRunDialog(path, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_first_run_creates_a_keychain_workspace_with_demo_data(
    qtbot: QtBot,
    app: object,
    workspace_path: Path,
    runner: SynchronousWorkRunner,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    dialog = _first_run(qtbot, workspace_path, runner)
    assert dialog.keychain_radio.isEnabled() and dialog.keychain_radio.isChecked()
    assert not dialog.passphrase_form.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert workspace_path.is_file()
    assert memory_keyring.secrets  # the key went to the keychain
    assert dialog.pages.currentIndex() == FirstRunDialog.PAGE_RECOVERY
    assert dialog.recovery is not None
    key_text = dialog.recovery.text()
    assert RecoveryKey.parse(dialog.key_label.text()) == dialog.recovery  # shown in two lines

    # The key page cannot be left before the user confirms.
    assert not dialog.continue_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible() and dialog.pages.currentIndex() == FirstRunDialog.PAGE_RECOVERY
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == key_text
    pdf = tmp_path / "key.pdf"
    dialog.save_pdf(pdf)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert key_text.split("-")[0] in text and key_text.split("-")[-1] in text
    dialog.stored_check.setChecked(True)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == FirstRunDialog.PAGE_START

    assert dialog.demo_radio.isChecked()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert dialog.demo_loaded
    workspace = dialog.workspace
    assert workspace is not None
    with workspace.read_session() as session:
        assert count_vendors(session) == len(DEMO_VENDORS)
    workspace.close()
    reopened = Workspace.open(workspace_path, KeychainKey())
    reopened.close()


def test_first_run_passphrase_mode_checks_the_passphrase(
    qtbot: QtBot, app: object, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    dialog = _first_run(qtbot, workspace_path, runner)
    dialog.passphrase_radio.setChecked(True)
    assert dialog.passphrase_form.isEnabled()
    qtbot.keyClicks(dialog.passphrase_edit, "short")
    dialog.create_workspace()
    assert dialog.passphrase_error.isVisible()
    assert not workspace_path.exists()

    dialog.passphrase_edit.setText("grüne Wiese 42 ' \" %")
    dialog.confirm_edit.setText("grüne Wiese 42")
    dialog.create_workspace()
    assert dialog.confirm_error.isVisible()
    assert not workspace_path.exists()

    dialog.confirm_edit.setText("grüne Wiese 42 ' \" %")
    dialog.create_workspace()
    assert dialog.pages.currentIndex() == FirstRunDialog.PAGE_RECOVERY
    assert "passphrase" in dialog.recovery_intro.text()
    dialog.stored_check.setChecked(True)
    dialog.continue_button.click()
    dialog.empty_radio.setChecked(True)
    dialog.finish_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.demo_loaded
    assert dialog.workspace is not None
    dialog.workspace.close()
    Workspace.open(workspace_path, Passphrase("grüne Wiese 42 ' \" %")).close()


def test_first_run_without_a_secure_keychain(
    qtbot: QtBot, app: object, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    keyring.set_keyring(FailKeyring())
    dialog = _first_run(qtbot, workspace_path, runner)
    assert not dialog.keychain_radio.isEnabled()
    assert dialog.passphrase_radio.isChecked()
    assert "Not available" in dialog.keychain_note.text()


def test_first_run_by_keyboard_alone_without_a_keychain(
    qtbot: QtBot, app: object, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    """Typing goes straight into the passphrase, Tab to its confirmation, and Enter creates the
    workspace (it once pressed Cancel: QDialog had made Cancel its default button)."""
    keyring.set_keyring(FailKeyring())
    dialog = _first_run(qtbot, workspace_path, runner)
    qtbot.waitUntil(lambda: dialog.passphrase_edit.hasFocus())
    qtbot.keyClicks(dialog.passphrase_edit, "correct horse battery")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter must not cancel the dialog"
    assert dialog.confirm_error.isVisible()
    assert dialog.confirm_edit.hasFocus()
    qtbot.keyClicks(dialog.confirm_edit, "correct horse battery")
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == FirstRunDialog.PAGE_RECOVERY
    assert workspace_path.exists()
    dialog.stored_check.setChecked(True)
    dialog.continue_button.click()
    dialog.empty_radio.setChecked(True)
    dialog.finish_button.click()
    assert dialog.workspace is not None
    dialog.workspace.close()


def test_first_run_reports_a_store_error_inline(
    qtbot: QtBot, app: object, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    workspace_path.parent.mkdir(parents=True)
    workspace_path.write_bytes(b"")  # appeared after the dialog opened
    dialog = _first_run(qtbot, workspace_path, runner)
    dialog.create_workspace()
    assert dialog.create_error.isVisible()
    assert "already exists" in dialog.create_error.label.text()
    assert dialog.pages.currentIndex() == FirstRunDialog.PAGE_KEY_MODE
    assert dialog.create_button.isEnabled()


def test_unlock_wrong_then_right_passphrase(
    qtbot: QtBot, app: object, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    Workspace.create(workspace_path, Passphrase("the right one"))[0].close()
    dialog = UnlockDialog(workspace_path, runner, "passphrase")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase_edit, "the wrong one")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.passphrase_error.isVisible()
    assert "does not open" in dialog.passphrase_error.text()
    assert dialog.workspace is None

    dialog.passphrase_edit.setText("the right one")
    assert not dialog.passphrase_error.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.workspace is not None and not dialog.workspace.closed
    dialog.workspace.close()


def test_unlock_with_the_recovery_key_and_remember_it(
    qtbot: QtBot,
    app: object,
    workspace_path: Path,
    runner: SynchronousWorkRunner,
    memory_keyring: MemoryKeyring,
) -> None:
    workspace, recovery = Workspace.create(workspace_path, KeychainKey())
    salt = workspace.salt
    workspace.close()
    delete_key(salt)
    with pytest.raises(KeyNotAvailableError):
        Workspace.open(workspace_path, KeychainKey())

    dialog = UnlockDialog(workspace_path, runner, "recovery", "The keychain lost its key.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.mode == "recovery" and dialog.banner.isVisible()
    qtbot.keyClicks(dialog.recovery_edit, "0000-1111")
    dialog.unlock()
    assert dialog.recovery_error.isVisible()  # malformed: caught before any open
    dialog.recovery_edit.setText(recovery.text().lower().replace("-", " "))
    assert dialog.remember_check.isChecked()
    dialog.unlock()
    assert dialog.workspace is not None
    dialog.workspace.close()
    Workspace.open(workspace_path, KeychainKey()).close()  # the key is back in the keychain


def test_unlock_passes_other_store_errors_to_the_flow(
    qtbot: QtBot, app: object, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    workspace = Workspace.create(workspace_path, Passphrase("a passphrase"))[0]
    try:
        dialog = UnlockDialog(workspace_path, runner, "passphrase")
        qtbot.addWidget(dialog)
        dialog.passphrase_edit.setText("a passphrase")
        dialog.unlock()  # the workspace is still open above: in use
        assert dialog.result() == ERROR_RESULT
        assert isinstance(dialog.error, WorkspaceInUseError)
    finally:
        workspace.close()


@pytest.mark.parametrize(
    ("error", "first_choice"),
    [
        (WorkspaceInUseError(Path("w.dpia"), "123"), Choice.RETRY),
        (WorkspaceTooNewError(Path("w.dpia"), "0099"), Choice.OTHER_FILE),
        (WorkspaceDamagedError(Path("w.dpia"), ["page 3 is bad"]), Choice.READ_ONLY),
        (NotAWorkspaceError(Path("w.dpia"), "random bytes"), Choice.OTHER_FILE),
        (KeyNotAvailableError(Path("w.dpia")), Choice.RECOVERY_KEY),
    ],
)
def test_every_store_error_has_a_way_forward(
    qtbot: QtBot, app: object, error: Exception, first_choice: Choice
) -> None:
    assert isinstance(
        error,
        WorkspaceInUseError
        | WorkspaceTooNewError
        | WorkspaceDamagedError
        | NotAWorkspaceError
        | KeyNotAvailableError,
    )
    advice = guidance(error)
    assert advice.choices[0] == first_choice
    assert Choice.QUIT in advice.choices
    dialog = StoreErrorDialog(error)
    qtbot.addWidget(dialog)
    assert dialog.message_label.text() == error.message
    assert dialog.buttons[first_choice].isDefault()
    dialog.buttons[first_choice].click()
    assert dialog.choice == first_choice


def test_opener_unlocks_silently_from_the_keychain(
    app: object, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    Workspace.create(workspace_path, KeychainKey())[0].close()
    workspace = WorkspaceOpener(runner).open(workspace_path)
    assert workspace is not None and workspace.opened_with == "keychain"
    workspace.close()


def test_opener_uses_a_command_line_passphrase(
    app: object, workspace_path: Path, runner: SynchronousWorkRunner
) -> None:
    Workspace.create(workspace_path, Passphrase("from a file"))[0].close()
    workspace = WorkspaceOpener(runner, passphrase="from a file").open(workspace_path)
    assert workspace is not None and workspace.opened_with == "passphrase"
    workspace.close()


def test_opener_shows_the_error_dialog_and_quits_on_request(
    app: object,
    workspace_path: Path,
    runner: SynchronousWorkRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace_path.parent.mkdir(parents=True)
    workspace_path.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    shown: list[str] = []

    def fake_exec(dialog: StoreErrorDialog) -> int:
        shown.append(type(dialog.error).__name__)
        dialog.choice = Choice.QUIT
        return 0

    monkeypatch.setattr(StoreErrorDialog, "exec", fake_exec)
    assert WorkspaceOpener(runner).open(workspace_path) is None
    assert shown == ["NotAWorkspaceError"]
    assert workspace_path.read_bytes().startswith(b"SQLite format 3")


def test_opener_retries_after_the_other_instance_closed(
    app: object,
    workspace_path: Path,
    runner: SynchronousWorkRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    holder = Workspace.create(workspace_path, KeychainKey())[0]

    def close_other_and_retry(dialog: StoreErrorDialog) -> int:
        assert isinstance(dialog.error, WorkspaceInUseError)
        holder.close()
        dialog.choice = Choice.RETRY
        return 1

    monkeypatch.setattr(StoreErrorDialog, "exec", close_other_and_retry)
    workspace = WorkspaceOpener(runner).open(workspace_path)
    assert workspace is not None
    workspace.close()
