"""Fixtures for the desktop tests: a real workspace (in-memory keychain from the root conftest),
the synchronous work runner, the shared context, and our theme on the test QApplication.

Qt runs offscreen (root conftest); Qt warnings fail a test (pyproject ``qt_log_level_fail``).
The offscreen platform itself warns that it cannot propagate size hints to a window manager it
does not have; that one line is not about our code and is ignored here.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from dpia_desk.store import KeychainKey, Passphrase, RecoveryKey, Workspace
from dpia_desk.ui import clipboard
from dpia_desk.ui.app import create_application
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.settings import Preferences
from dpia_desk.ui.theme import apply_theme
from dpia_desk.ui.workers import SynchronousWorkRunner

OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"
#: What the offscreen platform says when a popup (a completer's list, a menu) opens: it has no
#: window manager to raise windows or grab input for. Never about our code.
OFFSCREEN_POPUP_NOISE = r"This plugin does not support (raise\(\)|grabbing the (keyboard|mouse))"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, OFFSCREEN_POPUP_NOISE))
            item.add_marker(pytest.mark.gui)


def _describe(widget: QWidget) -> str:
    name = type(widget).__name__
    details = [part for part in (widget.objectName(), widget.windowTitle()) if part]
    return f"{name}({', '.join(repr(part) for part in details)})" if details else name


def _flush_deletes() -> None:
    """Runs the deferred deletes (``deleteLater``) queued so far; plain ``processEvents`` does not
    run them outside an event loop."""
    for _round in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def no_leftover_windows(qapp: QApplication) -> Iterator[None]:
    """Fails a test that leaves top-level widgets behind.

    A widget without a parent that nobody deletes lives until interpreter exit, where PySide
    destroys it after the QApplication: a crash (SIGSEGV) after all tests passed. Every window a
    test opens must be deleted: ``qtbot.addWidget`` (closed and deleted after the test),
    ``WA_DeleteOnClose``, ``deleteLater`` after ``exec()``, or a parent. This fixture closes what
    is left, runs the deferred deletes, and names whatever survives (then deletes it, so the next
    test starts clean). It is set up before the other fixtures of the UI tests, so it checks
    after they have closed their windows.
    """
    before = {shiboken6.getCppPointer(widget)[0] for widget in QApplication.topLevelWidgets()}
    yield
    # A recovery key copied by a test leaves the clipboard as it would at quit. (Our clipboard
    # data is a Python-made QMimeData: left on the clipboard, Qt would delete it after Python
    # has finished, another crash at exit.)
    clipboard.clear_sensitive()
    _flush_deletes()
    new = [
        widget
        for widget in QApplication.topLevelWidgets()
        if shiboken6.getCppPointer(widget)[0] not in before
    ]
    for widget in new:
        widget.close()
    _flush_deletes()
    left = [widget for widget in new if shiboken6.isValid(widget)]
    left = [widget for widget in left if widget.parent() is None and widget.isWindow()]
    if not left:
        return
    names = sorted(_describe(widget) for widget in left)
    for widget in left:
        widget.deleteLater()
    _flush_deletes()
    pytest.fail(
        "top-level widgets left behind (give them a parent, qtbot.addWidget, WA_DeleteOnClose "
        "or deleteLater): " + ", ".join(names),
        pytrace=False,
    )


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    application = create_application()
    apply_theme(application, "light")
    return application


@pytest.fixture
def runner() -> SynchronousWorkRunner:
    return SynchronousWorkRunner()


@pytest.fixture
def workspace_path(isolated_home: Path) -> Path:
    return isolated_home / "data" / "test workspace.dpia"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A closed demo workspace made once per session (the demo data takes seconds to score),
    and its raw key. Made in passphrase mode under its own temporary home, so neither the
    keychain nor any test's home is touched."""
    from dpia_desk.demo import populate_demo

    folder = tmp_path_factory.mktemp("demo-template")
    saved = os.environ.get("DPIA_DESK_HOME")
    os.environ["DPIA_DESK_HOME"] = str(folder / "home")
    try:
        created, recovery = Workspace.create(folder / "demo.dpia", Passphrase("demo template"))
        try:
            populate_demo(created)
        finally:
            created.close()
    finally:
        if saved is None:
            os.environ.pop("DPIA_DESK_HOME", None)
        else:
            os.environ["DPIA_DESK_HOME"] = saved
    return folder / "demo.dpia", recovery.raw


@pytest.fixture
def workspace(request: pytest.FixtureRequest, workspace_path: Path) -> Iterator[Workspace]:
    """An open workspace in this test's home: empty, or a copy of the demo template when the
    test also asks for ``demo_workspace`` (its key then goes to this test's keychain)."""
    if "demo_workspace" in request.fixturenames:
        template, raw = request.getfixturevalue("demo_template")
        workspace_path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            source = Path(f"{template}{suffix}")
            if source.exists():
                shutil.copyfile(source, f"{workspace_path}{suffix}")
        opened = Workspace.open(workspace_path, RecoveryKey(raw))
        opened.store_key_in_keychain()
    else:
        opened, _recovery = Workspace.create(workspace_path, KeychainKey())
    yield opened
    opened.close()


@pytest.fixture
def demo_workspace(workspace: Workspace) -> Workspace:
    return workspace


@pytest.fixture
def context(
    app: QApplication, workspace: Workspace, runner: SynchronousWorkRunner
) -> WorkspaceContext:
    return WorkspaceContext(workspace, runner, Preferences(reviewer_name="Test Reviewer"))
