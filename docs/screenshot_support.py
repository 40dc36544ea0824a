"""What the screenshot scripts (``docs/make_*screenshots.py``) share: a throw-away environment,
an in-memory keychain, and letting the event loop run before a window is grabbed.

The scripts import it as a top-level module (their own folder is first on ``sys.path``). Like
them, it imports Qt and keyring only inside the functions, after :func:`prepare_environment`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

#: The store trusts keychains by "module.Class" (DPIA_DESK_TRUSTED_KEYRINGS): this one's name.
_KEYRING_NAME = f"{__name__}.ScreenshotKeyring"


def prepare_environment(home: Path, *, keychain: bool = True, pseudo: bool = False) -> None:
    """Points dpia_desk at ``home``, trusts the in-memory keychain (``keychain``), turns on the
    pseudo-translation (``pseudo``), and uses Qt's offscreen platform when there is no display."""
    os.environ["DPIA_DESK_HOME"] = str(home)
    os.environ.pop("DPIA_DESK_PASSPHRASE", None)
    if keychain:
        os.environ["DPIA_DESK_TRUSTED_KEYRINGS"] = _KEYRING_NAME
    if pseudo:
        os.environ["DPIA_DESK_PSEUDO_TR"] = "1"
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def install_memory_keyring() -> None:
    """A keychain in this process's memory (never the user's), so the app shows the keychain
    choice as it looks on a desktop that has one."""
    import keyring
    from keyring.backend import KeyringBackend

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

    ScreenshotKeyring.__module__, ScreenshotKeyring.__qualname__ = _KEYRING_NAME.rsplit(".", 1)
    keyring.set_keyring(ScreenshotKeyring())


def settle(milliseconds: int = 150) -> None:
    """Runs the event loop for a moment: pending layouts, paints and short timers happen."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def save_png(widget: QWidget, target: Path, *, settle_ms: int = 150) -> QImage:
    """Settles, grabs ``widget`` (only it, nothing else on the screen) and writes ``target``;
    returns the image. Stops the script when the file cannot be written."""
    settle(settle_ms)
    image = widget.grab().toImage()
    if not image.save(str(target)):
        raise SystemExit(f"could not write {target}")
    return image
