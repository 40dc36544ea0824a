"""The encrypted workspace: one SQLCipher 4 file holding vendors, assessments and their audit trail.

Opening and creating (what the GUI and the CLI call)::

    from dpia_desk.store import KeychainKey, Passphrase, RecoveryKey, Workspace

    workspace, recovery = Workspace.create(path, KeychainKey())   # or Passphrase("...")
    show_once(recovery.text())          # 14 groups of 4 characters; never logged
    workspace = Workspace.open(path, KeychainKey())                # or Passphrase / RecoveryKey
    workspace = Workspace.open(path, key, read_only=True)         # damaged files: look, not touch
    with workspace.session() as session:       # BEGIN IMMEDIATE ... COMMIT (rollback on error)
        vendor = add_vendor(session, actor=workspace.actor, name="Acme", country="DE")
    with workspace.read_session() as session:  # reads only
        rows = list_vendors(session, "acm", order_by="name", offset=0, limit=100)
    report = workspace.check()                 # IntegrityReport(problems=[...]); .ok
    workspace.problems                         # damage found on open (read-only mode banner)
    workspace.close()                          # or use ``with Workspace.open(...) as workspace:``

Trust (issue 7):
    workspace.verify_audit_trail() -> ChainReport      # .ok, .first_broken, .reason, .events
    workspace.backup(target) -> BackupInfo             # online, encrypted, verified
    restore_backup(backup, target, key, replace=True)  # dpia_desk.store.restore
    automatic_backup(workspace, keep=7)                # daily rotating backups
    find_backups(workspace.salt) -> list[Path]         # newest first: "restore latest good"
    workspace.rekey(KeychainKey() | Passphrase(new)) -> (RecoveryKey, BackupInfo)
    workspace.erase_vendor(id) / workspace.erase_assessment(id) -> ErasurePlan
    vendor_erasure_plan(session, id).describe()        # the confirmation text
    workspace.fold_wal()                               # checkpoint + truncate the WAL

Damage: every page's SQLCipher HMAC (and every WAL frame) is checked on open
(:mod:`dpia_desk.store.damage`); a damaged workspace does not open for writing
(:class:`WorkspaceDamagedError`, file untouched) but opens with ``read_only=True``, listing the
damage in ``workspace.problems``. A WAL left by a crash triggers the full checks on open.
``open(..., defer_page_scan=True)`` checks only the first and last page and leaves the rest to
``workspace.verify_pages()`` (the desktop app runs it in the background after its first screen).

Errors (all :class:`dpia_desk.errors.DpiaDeskError`, each with a ``hint``):
:class:`WorkspaceNotFoundError`, :class:`WorkspaceExistsError` (create never overwrites),
:class:`NotAWorkspaceError` (plain SQLite, random bytes, truncated or empty file, folder),
:class:`WrongKeyError`, :class:`KeyNotAvailableError` (keychain entry missing: offer the recovery
key; subclass :class:`PassphraseRequiredError` when the workspace is known to use a passphrase),
:class:`NoSecureKeychainError` (offer a passphrase), :class:`KeychainAccessError`,
:class:`WorkspaceInUseError`, :class:`WorkspaceTooNewError`, :class:`WorkspaceDamagedError`,
:class:`WorkspaceReadOnlyError`, :class:`WorkspaceWriteError` (disk full or write failure: the
change was rolled back), :class:`InvalidFieldError`, :class:`NotFoundError`. A failed open never
changes the file.

After opening with a :class:`RecoveryKey` (or a passphrase), ``workspace.store_key_in_keychain()``
keeps the key in this computer's keychain so the next open needs nothing.

Keys: see :mod:`dpia_desk.store.keys` for how a file's keychain entry is found (service
``dpia_desk``, user ``workspace:<salt hex>``, the salt being the file's first 16 bytes) and which
keychains are trusted; :mod:`dpia_desk.store.recovery` for the recovery key format;
:mod:`dpia_desk.store.engine` for the per-connection PRAGMAs; :mod:`dpia_desk.store.audit` for
the hash-chained audit trail; :mod:`dpia_desk.store.backup` for online backups.

Vendors (:mod:`dpia_desk.store.vendors`): ``add_vendor``, ``get_vendor``, ``update_vendor``,
``set_vendor_summary``, ``count_vendors(session, filter_text)``,
``list_vendors(session, filter_text, order_by, descending, offset, limit) -> list[VendorRow]``.
The same listing without SQLAlchemy (:mod:`dpia_desk.store.vendor_list`, what the desktop app's
first screen uses)::

    with workspace.read_connection() as connection:       # sqlcipher3, one read transaction
        total = count_matching(connection, "acm")
        rows = list_matching(connection, "acm", "ai_act_tier", True, 0, 200)

Start-up cost: the names above are imported on first use (PEP 562), so ``import dpia_desk.store``
loads nothing heavy; opening a workspace and listing vendors import neither SQLAlchemy nor Alembic,
and ``keyring`` only when the keychain is consulted. SQLAlchemy comes with the first session.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dpia_desk.store.audit import ChainReport, record_event, verify_chain
    from dpia_desk.store.erasure import ErasurePlan, assessment_erasure_plan, vendor_erasure_plan
    from dpia_desk.store.errors import (
        InvalidFieldError,
        KeychainAccessError,
        KeyNotAvailableError,
        NoSecureKeychainError,
        NotAWorkspaceError,
        NotFoundError,
        PassphraseRequiredError,
        WorkspaceDamagedError,
        WorkspaceError,
        WorkspaceExistsError,
        WorkspaceInUseError,
        WorkspaceNotFoundError,
        WorkspaceReadOnlyError,
        WorkspaceTooNewError,
        WrongKeyError,
    )
    from dpia_desk.store.hardening import WorkspaceWriteError
    from dpia_desk.store.keys import KeychainKey, KeySource, Passphrase
    from dpia_desk.store.recovery import RecoveryKey
    from dpia_desk.store.restore import automatic_backup, find_backups, restore_backup
    from dpia_desk.store.vendor_list import VendorRow, count_matching, list_matching
    from dpia_desk.store.vendors import (
        add_vendor,
        count_vendors,
        get_vendor,
        list_vendors,
        set_vendor_summary,
        update_vendor,
    )
    from dpia_desk.store.workspace import IntegrityReport, Workspace, current_actor

#: Where each public name lives (imported on first access, see the module docstring).
_EXPORTS: dict[str, str] = {
    "ChainReport": "audit",
    "record_event": "audit",
    "verify_chain": "audit",
    "ErasurePlan": "erasure",
    "assessment_erasure_plan": "erasure",
    "vendor_erasure_plan": "erasure",
    "InvalidFieldError": "errors",
    "KeychainAccessError": "errors",
    "KeyNotAvailableError": "errors",
    "NoSecureKeychainError": "errors",
    "NotAWorkspaceError": "errors",
    "NotFoundError": "errors",
    "PassphraseRequiredError": "errors",
    "WorkspaceDamagedError": "errors",
    "WorkspaceError": "errors",
    "WorkspaceExistsError": "errors",
    "WorkspaceInUseError": "errors",
    "WorkspaceNotFoundError": "errors",
    "WorkspaceReadOnlyError": "errors",
    "WorkspaceTooNewError": "errors",
    "WrongKeyError": "errors",
    "WorkspaceWriteError": "hardening",
    "KeychainKey": "keys",
    "KeySource": "keys",
    "Passphrase": "keys",
    "RecoveryKey": "recovery",
    "automatic_backup": "restore",
    "find_backups": "restore",
    "restore_backup": "restore",
    "VendorRow": "vendor_list",
    "count_matching": "vendor_list",
    "list_matching": "vendor_list",
    "add_vendor": "vendors",
    "count_vendors": "vendors",
    "get_vendor": "vendors",
    "list_vendors": "vendors",
    "set_vendor_summary": "vendors",
    "update_vendor": "vendors",
    "IntegrityReport": "workspace",
    "Workspace": "workspace",
    "current_actor": "workspace",
}

__all__ = [
    "ChainReport",
    "ErasurePlan",
    "IntegrityReport",
    "InvalidFieldError",
    "KeyNotAvailableError",
    "KeySource",
    "KeychainAccessError",
    "KeychainKey",
    "NoSecureKeychainError",
    "NotAWorkspaceError",
    "NotFoundError",
    "Passphrase",
    "PassphraseRequiredError",
    "RecoveryKey",
    "VendorRow",
    "Workspace",
    "WorkspaceDamagedError",
    "WorkspaceError",
    "WorkspaceExistsError",
    "WorkspaceInUseError",
    "WorkspaceNotFoundError",
    "WorkspaceReadOnlyError",
    "WorkspaceTooNewError",
    "WorkspaceWriteError",
    "WrongKeyError",
    "add_vendor",
    "assessment_erasure_plan",
    "automatic_backup",
    "count_matching",
    "count_vendors",
    "current_actor",
    "find_backups",
    "get_vendor",
    "list_matching",
    "list_vendors",
    "record_event",
    "restore_backup",
    "set_vendor_summary",
    "update_vendor",
    "vendor_erasure_plan",
    "verify_chain",
]


def __getattr__(name: str) -> Any:
    # PEP 562: a name is imported from its module the first time it is asked for, then kept.
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
