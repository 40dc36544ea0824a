"""Screenshots of the desktop app for the README and for visual review: ``make screenshots``.

Runs the real widgets on a demo workspace in a throw-away ``DPIA_DESK_HOME`` and saves PNGs to
``docs/screenshots/``. It uses the X display when there is one (``xvfb-run -a python
docs/make_screenshots.py``) and Qt's offscreen platform otherwise; either way each window is
captured with ``QWidget.grab()``, so nothing else on the screen gets in.

The keychain is an in-memory one (``screenshot_support.py``; never the user's), so the first-run
dialog shows the keychain choice as it looks on a desktop with a keychain.

``--trust`` takes only the export and trust shots (export progress and done dialogs, the change
key dialog and its new recovery key, restore, delete vendor, the audit trail status, and a
damaged workspace open read-only with its banner); by default they come after the others.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from screenshot_support import install_memory_keyring, prepare_environment, save_png, settle

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1280, 800)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    parser.add_argument(
        "--trust", action="store_true", help="only the export and trust dialogs and banners"
    )
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="dpia-shots-") as temporary:
        home = Path(temporary)
        prepare_environment(home)
        return _shoot(home, out, trust_only=args.trust)


def _shoot(home: Path, out: Path, *, trust_only: bool = False) -> int:
    from PySide6.QtWidgets import QWidget

    install_memory_keyring()

    from dpia_desk.demo import populate_demo
    from dpia_desk.store import list_vendors
    from dpia_desk.ui.app import create_application
    from dpia_desk.ui.context import WorkspaceContext
    from dpia_desk.ui.dialogs.first_run import FirstRunDialog
    from dpia_desk.ui.dialogs.unlock import UnlockDialog
    from dpia_desk.ui.main_window import MainWindow
    from dpia_desk.ui.pages.vendors import VendorsPage
    from dpia_desk.ui.theme import apply_theme
    from dpia_desk.ui.workers import SynchronousWorkRunner

    app = create_application()
    runner = SynchronousWorkRunner()

    def save(widget: QWidget, name: str) -> None:
        target = out / f"{name}.png"
        save_png(widget, target)
        print(target)

    apply_theme(app, "light")
    if trust_only:
        _shoot_trust(home, out, runner, settle, save)
        return 0

    # First run: the key choice and the recovery key page, on a path that does not exist yet.
    first_path = home / "data" / "workspace.dpia"
    first = FirstRunDialog(first_path, runner)
    first.show()
    save(first, "first-run")
    first.create_workspace()
    save(first, "first-run-recovery-key")
    first.stored_check.setChecked(True)
    first.continue_button.click()
    save(first, "first-run-start")
    first.finish_button.click()  # loads the demo data on the runner
    workspace = first.workspace
    first.close()
    if workspace is None:
        raise SystemExit("the first-run dialog did not create the workspace")

    unlock = UnlockDialog(home / "data" / "shared.dpia", runner, "passphrase")
    unlock.show()
    save(unlock, "unlock")
    unlock.close()

    populate_demo(workspace)
    context = WorkspaceContext(workspace, runner)
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        window = MainWindow(context)
        window.resize(*SIZE)
        window.show()
        window.show_page(0)
        save(window, f"main-window-{theme}")
        vendors = window.page("vendors")
        assert isinstance(vendors, VendorsPage)
        with workspace.read_session() as session:
            rows = list_vendors(session)
        with_systems = next((row for row in rows if row.country == "US"), rows[0])
        vendors.table.selectRow(rows.index(with_systems))
        vendors.show_vendor(with_systems.id)
        save(window, f"vendor-panel-{theme}")
        window.close()
        window.deleteLater()
        settle()
    workspace.close()
    apply_theme(app, "light")
    _shoot_trust(home, out, runner, settle, save)
    return 0


def _shoot_trust(
    home: Path,
    out: Path,
    runner: Any,
    settle: Callable[..., None],
    save: Callable[[Any, str], None],
) -> None:
    """Export progress and done, change key, restore, delete vendor, audit status, damage."""
    from PySide6.QtWidgets import QProgressDialog
    from sqlalchemy import select

    from dpia_desk import reports
    from dpia_desk.demo import populate_demo
    from dpia_desk.paths import default_backup_dir
    from dpia_desk.store import Passphrase, Workspace, find_backups, vendor_erasure_plan
    from dpia_desk.store.models import Assessment, Vendor
    from dpia_desk.ui.context import WorkspaceContext
    from dpia_desk.ui.dialogs.erase_dialog import EraseDialog
    from dpia_desk.ui.dialogs.rekey_dialog import RekeyDialog
    from dpia_desk.ui.dialogs.restore_dialog import RestoreDialog
    from dpia_desk.ui.main_window import MainWindow

    path = home / "data" / "trust.dpia"
    workspace, _recovery = Workspace.create(path, Passphrase("screenshots only"))
    populate_demo(workspace)
    backups = default_backup_dir()
    backups.mkdir(parents=True, exist_ok=True)
    workspace.backup(backups / "trust-20261120-091500.dpia")
    context = WorkspaceContext(workspace, runner)
    window = MainWindow(context)
    window.resize(*SIZE)
    window.show()
    settle()
    with workspace.read_session() as session:
        assessment_id, vendor_id, vendor_name = session.execute(
            select(Assessment.id, Vendor.id, Vendor.name)
            .join(Vendor, Vendor.id == Assessment.vendor_id)
            .where(Assessment.form_id == "dpia")
            .order_by(Vendor.name)
        ).first()  # type: ignore[misc]

    # The export's progress dialog, caught half-way through writing the Word document.
    real_writer = reports.write_dpia_docx
    caught: list[bool] = []

    def writer_with_a_pause(report: Any, target: Any, progress: Any = None) -> None:
        def relay(done: int, total: int) -> None:
            progress(done, total)
            if not caught and total and done >= total // 2:
                caught.append(True)
                dialog = window.findChild(QProgressDialog, "progressDialog")
                if dialog is not None:
                    dialog.show()
                    save(dialog, "export-progress")

        real_writer(report, target, relay)

    reports.write_dpia_docx = writer_with_a_pause  # type: ignore[assignment]
    try:
        exported = home / "exports" / "Attrition Analytics - DPIA - 2026-11-27.docx"
        exported.parent.mkdir(parents=True, exist_ok=True)
        window.exports.export_assessment_to("docx", assessment_id, exported)
    finally:
        reports.write_dpia_docx = real_writer  # type: ignore[assignment]
    done = window.exports.done_dialog
    if done is not None:
        save(done, "export-done")
        done.close()

    rekey = RekeyDialog(workspace, runner, window)
    rekey.passphrase_radio.setChecked(True)
    rekey.show()
    save(rekey, "rekey")
    rekey.passphrase_edit.setText("a long new passphrase")
    rekey.confirm_edit.setText("a long new passphrase")
    rekey.change_key()
    save(rekey, "rekey-recovery-key")
    rekey.recovery_panel.stored_check.setChecked(True)
    rekey.accept()
    rekey.deleteLater()

    restore = RestoreDialog(path, find_backups(workspace.salt), window)
    restore.show()
    save(restore, "restore")
    restore.close()
    restore.deleteLater()

    with workspace.read_session() as session:
        plan = vendor_erasure_plan(session, vendor_id).describe()
    erase = EraseDialog("vendor", vendor_name, plan, window)
    erase.show()
    save(erase, "delete-vendor")
    erase.close()
    erase.deleteLater()

    window.verify_audit_trail()
    save(window, "audit-verified")
    window.close()
    window.deleteLater()
    settle()
    workspace.close()

    # A damaged workspace: one byte flipped in its last page, opened read-only.
    data = bytearray(path.read_bytes())
    data[len(data) - 4096 + 1000] ^= 0x20
    path.write_bytes(bytes(data))
    damaged = Workspace.open(path, Passphrase("a long new passphrase"), read_only=True)
    window = MainWindow(WorkspaceContext(damaged, runner))
    window.resize(*SIZE)
    window.show()
    window.show_page(0)
    save(window, "damaged-workspace")
    window.close()
    window.deleteLater()
    settle()
    damaged.close()


if __name__ == "__main__":
    sys.exit(main())
