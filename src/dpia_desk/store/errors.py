"""What can go wrong with a workspace, each with a way forward for the user.

None of these messages ever contains key material: keys, passphrases and recovery keys stay out
of exception texts (and SQL statements holding them never go through SQLAlchemy, whose errors
quote the statement).
"""

from __future__ import annotations

from pathlib import Path

from dpia_desk.errors import DpiaDeskError


class WorkspaceError(DpiaDeskError):
    """Base class of the workspace errors below."""


class WrongKeyError(WorkspaceError):
    """The key or passphrase does not decrypt the file."""

    def __init__(self, path: Path, *, mode: str) -> None:
        if mode == "passphrase":
            message = f"The passphrase does not open the workspace {path}."
            hint = "Check the passphrase (it is case-sensitive) and try again."
        elif mode == "recovery":
            message = f"The recovery key does not open the workspace {path}."
            hint = "Make sure it is the recovery key printed when this workspace was created."
        else:
            message = f"The key in this computer's keychain does not open the workspace {path}."
            hint = "Open it with its recovery key (dpia-desk recover) or its passphrase."
        super().__init__(message, hint=hint)
        self.path = path
        self.mode = mode


class NotAWorkspaceError(WorkspaceError):
    """The path is not a dpia_desk workspace (a plain SQLite file, random bytes, truncated...)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"{path} is not a dpia_desk workspace: {reason}.",
            hint="Choose the workspace file (.dpia) or create a new one with 'dpia-desk init'.",
        )
        self.path = path
        self.reason = reason


class WorkspaceExistsError(WorkspaceError):
    """A new workspace is never created over an existing file."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} already exists; a new workspace is never created over an existing file.",
            hint="Open it instead, or choose another path with --workspace.",
        )
        self.path = path


class WorkspaceNotFoundError(WorkspaceError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"There is no workspace at {path}.",
            hint="Create one with 'dpia-desk init' or 'dpia-desk demo', or pass --workspace PATH.",
        )
        self.path = path


class KeyNotAvailableError(WorkspaceError):
    """This computer's keychain holds no key for the workspace."""

    def __init__(self, path: Path, *, message: str | None = None, hint: str | None = None) -> None:
        super().__init__(
            message or f"This computer's keychain holds no key for the workspace {path}.",
            hint=hint
            or (
                "If the workspace comes from another computer or the keychain entry was removed, "
                "open it with its recovery key ('dpia-desk recover'); if it uses a passphrase, "
                "set DPIA_DESK_PASSPHRASE or pass --passphrase-file."
            ),
        )
        self.path = path


class PassphraseRequiredError(KeyNotAvailableError):
    """The workspace was created with a passphrase and none was given."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            message=f"The workspace {path} is protected by a passphrase.",
            hint="Set DPIA_DESK_PASSPHRASE, pass --passphrase-file FILE or use its recovery key.",
        )


class NoSecureKeychainError(WorkspaceError):
    """Only allow-listed keychains are used; anything else would keep the key in plain sight."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"No secure keychain is available on this computer ({detail}).",
            hint=(
                "Use a passphrase instead: set DPIA_DESK_PASSPHRASE or pass --passphrase-file FILE."
            ),
        )
        self.detail = detail


class KeychainAccessError(WorkspaceError):
    """The keychain exists but refused or failed the request (locked, D-Bus error...)."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The keychain could not be used: {detail}.",
            hint="Unlock the keychain and try again, or use the recovery key or a passphrase.",
        )


class WorkspaceInUseError(WorkspaceError):
    def __init__(self, path: Path, holder: str | None = None) -> None:
        who = f" (process {holder})" if holder else ""
        super().__init__(
            f"The workspace {path} is in use by another running dpia_desk{who}.",
            hint="Close the other window or command first, then try again.",
        )
        self.path = path


class WorkspaceTooNewError(WorkspaceError):
    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"The workspace {path} was written by a newer version of dpia_desk "
            f"(schema {revision}); this version cannot open it safely.",
            hint="Install the newer dpia_desk to open it. The file was left unchanged.",
        )
        self.path = path
        self.revision = revision


class WorkspaceDamagedError(WorkspaceError):
    def __init__(self, path: Path, problems: list[str]) -> None:
        shown = "; ".join(problems[:3]) + ("; ..." if len(problems) > 3 else "")
        super().__init__(
            f"The workspace {path} is damaged: {shown}.",
            hint=(
                "It was left as it is. Open it read-only to copy data out, or restore the latest "
                "backup ('dpia-desk restore')."
            ),
        )
        self.path = path
        self.problems = problems


class WorkspaceReadOnlyError(WorkspaceError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The workspace {path} is open read-only; nothing can be changed.",
            hint="Restore a good backup to work on it again.",
        )


class InvalidPassphraseError(WorkspaceError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"The passphrase cannot be used: {reason}.", hint="Choose another one.")


class InvalidRecoveryKeyError(WorkspaceError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            f"This is not a valid recovery key: {reason}.",
            hint="Type it again exactly as printed (groups of four letters and digits).",
        )


class CipherSettingsError(WorkspaceError):
    """The SQLCipher library in use does not have the settings every workspace relies on."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The encryption library is not configured as expected ({detail}).",
            hint="Reinstall dpia_desk; do not open workspaces with this installation.",
        )


class InvalidFieldError(DpiaDeskError):
    """A value a user typed is refused (empty name, unknown country code, bad URL...)."""

    def __init__(self, field: str, message: str, hint: str | None = None) -> None:
        super().__init__(f"{field}: {message}.", hint=hint)
        self.field = field


_LIST_COMMANDS = {
    "vendor": "dpia-desk vendor list",
    "assessment": "dpia-desk assess list",
}


class NotFoundError(DpiaDeskError):
    def __init__(self, entity: str, entity_id: str) -> None:
        listing = _LIST_COMMANDS.get(entity)
        super().__init__(
            f"No {entity} with id {entity_id} in this workspace.",
            hint=f"List them with '{listing}'." if listing else "Check the id.",
        )
        self.entity = entity
        self.entity_id = entity_id
