"""A workspace could not be opened: say why, and offer the ways forward as buttons.

The store's messages name CLI commands in their hints; here each error gets the desktop's own way
forward (:func:`guidance`), and the buttons that carry it out. :attr:`StoreErrorDialog.choice`
says which one the user took.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.errors import DpiaDeskError
from dpia_desk.store import (
    KeychainAccessError,
    KeyNotAvailableError,
    NoSecureKeychainError,
    NotAWorkspaceError,
    WorkspaceDamagedError,
    WorkspaceInUseError,
    WorkspaceNotFoundError,
    WorkspaceTooNewError,
    WrongKeyError,
)
from dpia_desk.ui.icons import app_icon
from dpia_desk.ui.widgets import FittedDialog, beside_symbol, heading, make_primary

#: lupdate extracts translate("Context", "literal") calls; keep both arguments literal.
translate = QCoreApplication.translate


class Choice(Enum):
    RETRY = "retry"
    RECOVERY_KEY = "recovery"
    PASSPHRASE = "passphrase"  # noqa: S105 (a choice name, not a secret)
    READ_ONLY = "read_only"
    OTHER_FILE = "other_file"
    NEW_FILE = "new_file"
    QUIT = "quit"


@dataclass(frozen=True)
class Guidance:
    title: str
    way_forward: str
    choices: tuple[Choice, ...]


def guidance(error: DpiaDeskError) -> Guidance:
    """What the desktop says and offers for each store error (first choice is the default)."""
    if isinstance(error, WorkspaceInUseError):
        return Guidance(
            translate("StoreErrorDialog", "The workspace is already open"),
            translate(
                "StoreErrorDialog",
                "Another dpia_desk window or command is using it. Close it, then try again.",
            ),
            (Choice.RETRY, Choice.OTHER_FILE, Choice.QUIT),
        )
    if isinstance(error, WorkspaceTooNewError):
        return Guidance(
            translate("StoreErrorDialog", "This workspace needs a newer dpia_desk"),
            translate(
                "StoreErrorDialog",
                "It was saved by a newer version, which this one cannot read safely. Install the "
                "newer version to open it; the file was not changed.",
            ),
            (Choice.OTHER_FILE, Choice.QUIT),
        )
    if isinstance(error, WorkspaceDamagedError):
        return Guidance(
            translate("StoreErrorDialog", "The workspace is damaged"),
            translate(
                "StoreErrorDialog",
                "It was left as it is. You can open it read-only to look at and copy out what is "
                "readable, or open a backup (backups are in the backups folder next to it).",
            ),
            (Choice.READ_ONLY, Choice.OTHER_FILE, Choice.QUIT),
        )
    if isinstance(error, NotAWorkspaceError):
        return Guidance(
            translate("StoreErrorDialog", "This file is not a dpia_desk workspace"),
            translate(
                "StoreErrorDialog",
                "Choose your workspace file (it ends in .dpia), or create a new workspace.",
            ),
            (Choice.OTHER_FILE, Choice.NEW_FILE, Choice.QUIT),
        )
    if isinstance(error, WorkspaceNotFoundError):
        return Guidance(
            translate("StoreErrorDialog", "The workspace was not found"),
            translate("StoreErrorDialog", "Choose where it is now, or create a new workspace."),
            (Choice.OTHER_FILE, Choice.NEW_FILE, Choice.QUIT),
        )
    if isinstance(error, NoSecureKeychainError):
        return Guidance(
            translate("StoreErrorDialog", "No secure keychain on this computer"),
            translate(
                "StoreErrorDialog",
                "Open the workspace with its passphrase or its recovery key instead.",
            ),
            (Choice.PASSPHRASE, Choice.RECOVERY_KEY, Choice.QUIT),
        )
    if isinstance(error, KeychainAccessError):
        return Guidance(
            translate("StoreErrorDialog", "The keychain could not be used"),
            translate(
                "StoreErrorDialog",
                "Unlock your keychain and try again, or open the workspace with its recovery key.",
            ),
            (Choice.RETRY, Choice.RECOVERY_KEY, Choice.QUIT),
        )
    if isinstance(error, KeyNotAvailableError | WrongKeyError):
        return Guidance(
            translate("StoreErrorDialog", "The key of this workspace is not on this computer"),
            translate(
                "StoreErrorDialog",
                "Open it with its recovery key; it can then be kept in this computer's keychain.",
            ),
            (Choice.RECOVERY_KEY, Choice.PASSPHRASE, Choice.QUIT),
        )
    return Guidance(
        translate("StoreErrorDialog", "The workspace could not be opened"),
        translate("StoreErrorDialog", "Try again, or choose another workspace."),
        (Choice.RETRY, Choice.OTHER_FILE, Choice.QUIT),
    )


def _choice_text(choice: Choice) -> str:
    return {
        Choice.RETRY: translate("StoreErrorDialog", "&Try again"),
        Choice.RECOVERY_KEY: translate("StoreErrorDialog", "Use the &recovery key…"),
        Choice.PASSPHRASE: translate("StoreErrorDialog", "Use a &passphrase…"),
        Choice.READ_ONLY: translate("StoreErrorDialog", "Open &read-only"),
        Choice.OTHER_FILE: translate("StoreErrorDialog", "&Open another workspace…"),
        Choice.NEW_FILE: translate("StoreErrorDialog", "&Create a new workspace…"),
        Choice.QUIT: translate("StoreErrorDialog", "&Quit"),
    }[choice]


class StoreErrorDialog(FittedDialog):
    def __init__(self, error: DpiaDeskError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.choice = Choice.QUIT
        advice = guidance(error)
        self.setWindowTitle(self.tr("dpia_desk"))
        self.setWindowIcon(app_icon())

        self.title_label = heading(advice.title, "title")
        self.message_label = QLabel(error.message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.way_label = QLabel(advice.way_forward)
        self.way_label.setWordWrap(True)

        top = beside_symbol(
            "warning", self.title_label, self.message_label, self.way_label, spacing=8
        )

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons: dict[Choice, QPushButton] = {}
        for position, choice in enumerate(advice.choices):
            button = QPushButton(_choice_text(choice))
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            if position == 0:
                make_primary(button)
            self.buttons[choice] = button
        # The way out goes left of the others, the default right-most.
        for choice in reversed(advice.choices):
            buttons.addWidget(self.buttons[choice])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.preferred_width = 520

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice == Choice.QUIT:
            self.reject()
        else:
            self.accept()
