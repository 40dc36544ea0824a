"""Screenshots of the desktop app for the README and for visual review: ``make screenshots``.

Runs the real widgets on a demo workspace in a throw-away ``DPIA_DESK_HOME`` and saves PNGs to
``docs/screenshots/``. It uses the X display when there is one (``xvfb-run -a python
docs/make_screenshots.py``) and Qt's offscreen platform otherwise; either way each window is
captured with ``QWidget.grab()``, so nothing else on the screen gets in.

The keychain is an in-memory one made here (never the user's), so the first-run dialog shows the
keychain choice as it looks on a desktop with a keychain.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1280, 800)


def _prepare_environment(home: Path) -> None:
    os.environ["DPIA_DESK_HOME"] = str(home)
    os.environ.pop("DPIA_DESK_PASSPHRASE", None)
    os.environ["DPIA_DESK_TRUSTED_KEYRINGS"] = "__main__.ScreenshotKeyring"
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="dpia-shots-") as temporary:
        home = Path(temporary)
        _prepare_environment(home)
        return _shoot(home, out)


def _shoot(home: Path, out: Path) -> int:
    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget

    class ScreenshotKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.secrets.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.secrets[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.secrets.pop((service, username), None)

    # keys.py names trusted backends by module and class: make this one "__main__.ScreenshotKeyring"
    ScreenshotKeyring.__module__ = "__main__"
    ScreenshotKeyring.__qualname__ = "ScreenshotKeyring"
    keyring.set_keyring(ScreenshotKeyring())

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

    def settle(milliseconds: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        target = out / f"{name}.png"
        if not widget.grab().save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target)

    apply_theme(app, "light")

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
