"""Screenshots of the Compare and Dashboard pages, light and dark, on the demo workspace.

Writes ``docs/screenshots/compare.png``, ``compare-dark.png``, ``dashboard.png`` and
``dashboard-dark.png`` (and, with ``--grayscale``, greyscale copies next to them, to check that
nothing rests on colour alone). Runs the real main window on a fresh demo workspace in a
throw-away ``DPIA_DESK_HOME`` (passphrase mode, so no keychain is involved), with Qt's offscreen
platform unless there is a display (``xvfb-run -a python docs/make_compare_screenshots.py``);
each window is captured with ``QWidget.grab()``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from screenshot_support import prepare_environment, save_png, settle

OUT = Path(__file__).resolve().parent / "screenshots"
COMPARE_SIZE = (1360, 1010)
DASHBOARD_SIZE = (1280, 940)
#: The vendors compared: a good, a middling, a capped and a failing scorecard.
COMPARED = ("TalentSift GmbH", "HireBot Oy", "Attrition Analytics B.V.", "FocusMeter Inc.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    parser.add_argument(
        "--grayscale", action="store_true", help="also write greyscale copies (*-grayscale.png)"
    )
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dpia-compare-shots-") as temporary:
        home = Path(temporary)
        prepare_environment(home, keychain=False)
        return _shoot(home, out, grayscale=args.grayscale)


def _shoot(home: Path, out: Path, *, grayscale: bool) -> int:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

    from dpia_desk.demo import demo_id, populate_demo
    from dpia_desk.store import Passphrase, Workspace
    from dpia_desk.ui.app import create_application
    from dpia_desk.ui.compare import show_comparison
    from dpia_desk.ui.context import WorkspaceContext
    from dpia_desk.ui.main_window import MainWindow
    from dpia_desk.ui.settings import Preferences
    from dpia_desk.ui.theme import apply_theme
    from dpia_desk.ui.workers import SynchronousWorkRunner

    app = create_application()

    def save(widget: QWidget, name: str) -> None:
        target = out / f"{name}.png"
        image = save_png(widget, target, settle_ms=200)
        print(target)
        if grayscale:
            gray = out / f"{name}-grayscale.png"
            image.convertToFormat(QImage.Format.Format_Grayscale8).save(str(gray))
            print(gray)

    workspace, _recovery = Workspace.create(home / "data" / "demo.dpia", Passphrase("screens"))
    populate_demo(workspace)
    context = WorkspaceContext(workspace, SynchronousWorkRunner(), Preferences())
    for theme in ("light", "dark"):
        suffix = "" if theme == "light" else "-dark"
        apply_theme(app, theme)
        window = MainWindow(context)

        window.resize(*COMPARE_SIZE)
        window.show()
        show_comparison(window, [demo_id("vendor", name) for name in COMPARED])
        save(window, f"compare{suffix}")

        window.resize(*DASHBOARD_SIZE)
        window.show_page(window.navigation_model.row_of("dashboard"))
        save(window, f"dashboard{suffix}")
        window.close()
        window.deleteLater()
        settle(200)
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
