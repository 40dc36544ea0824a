"""What goes into the PyInstaller bundle and what stays out, as data the spec and the tests share.

The spec (``dpia_desk.spec``) imports this module; keeping the lists here lets the packaging tests
check them without running PyInstaller, and ``packaging/README.md`` explains each choice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath

APP_ID = "org.dpiadesk.DpiaDesk"  # reverse-DNS id: .desktop, metainfo, macOS bundle identifier
EXE_NAME = "dpia-desk"  # the executable (and the one-folder directory) name
WINDOWS_CLI_EXE = "dpia-desk-cli"  # Windows only: a console twin of the windowed executable
MAC_APP_NAME = "dpia_desk.app"
MAC_MINIMUM_SYSTEM = "12.0"  # Qt 6.12 supports macOS 12 (Monterey) and later

#: Python packages never needed at run time: test and dev tools, other GUI toolkits, and the Qt
#: modules the app does not import (PySide6-Essentials ships them; the hooks would follow any
#: stray import into them). Keep in step with the "Excluded" table in packaging/README.md.
EXCLUDED_MODULES: tuple[str, ...] = (
    # tests and development tools
    "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "jsonschema", "pypdf", "apsw",
    "build", "pip", "setuptools", "pkg_resources", "wheel", "IPython", "pydoc_data", "lib2to3",
    "unittest", "doctest", "test", "idlelib",
    # optional extras of our dependencies: Mako's syntax highlighting, the test harnesses of
    # SQLAlchemy and Alembic. (SQLAlchemy's other dialects stay: alembic.ddl imports them all.)
    "pygments", "sqlalchemy.testing", "alembic.testing",
    # other GUI toolkits and heavy optional libraries that libraries import opportunistically
    "tkinter", "_tkinter", "turtle", "turtledemo", "numpy", "matplotlib", "PyQt5", "PyQt6",
    "PySide2",
    # Qt modules we do not use (we use QtCore, QtGui, QtWidgets, QtSvg only)
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQmlFeatures", "PySide6.QtQuick",
    "PySide6.QtQuickControls2", "PySide6.QtQuickTest", "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtDBus", "PySide6.QtConcurrent", "PySide6.QtPrintSupport", "PySide6.QtSvgWidgets",
    "PySide6.QtLabsStyleKit", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.Qt3DCore", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtPdf",
    "PySide6.QtCharts", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
)  # fmt: skip

#: Qt plugin folders (under ``PySide6/Qt/plugins``) kept whole or in part. Everything else under
#: ``plugins/`` is dropped: QML tooling, SQL drivers (we use sqlcipher3, not QtSql), TLS and
#: network information (no QtNetwork), embedded-Linux platforms (eglfs, linuxfb, vnc, evdev).
QT_PLUGIN_KEEP: dict[str, tuple[str, ...] | None] = {
    # None keeps the folder whole; a tuple keeps the plugins whose file stem contains one of them
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa", "qdirect2d"),
    # The xdg portal theme gives native file dialogs through D-Bus; the GTK 3 theme would drag
    # GTK, cairo and pango from the build machine into the bundle and clash with the user's own.
    "platformthemes": ("qxdgdesktopportal",),
    "platforminputcontexts": ("compose", "ibus"),  # accents and dead keys; not the QML keyboard
    "imageformats": ("qsvg", "qico", "qjpeg", "qgif", "qicns"),
    "iconengines": None,  # the SVG icon engine draws app.svg
    "styles": None,  # Windows 11 / macOS native styles
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": None,
    "wayland-shell-integration": None,
}

_QT_PREFIX = PurePosixPath("PySide6/Qt")
_QM = re.compile(r"^(?P<catalogue>[a-z]+)_(?P<lang>[A-Za-z_]+)\.qm$")
#: Qt's own catalogues we need for a language (button boxes, file dialogs, shortcuts).
QT_CATALOGUES = frozenset({"qt", "qtbase"})

#: Qt shared libraries that only the dropped modules and plugins load.
_QT_LIBRARY_DROP = re.compile(
    r"(Qt6?)(Qml|Quick|Network|Pdf|VirtualKeyboard|Designer|Help|Sql|Test|OpenGLWidgets|"
    r"WebEngine|Multimedia|3D|Charts|Graphs|LabsStyleKit|ShaderTools|UiTools|EglFS|EglFs)",
)


def shipped_languages(resources: Path) -> frozenset[str]:
    """Languages with a catalogue of ours (``resources/translations/dpia_desk_<lang>.qm``)."""
    folder = resources / "translations"
    return frozenset(path.stem.removeprefix("dpia_desk_") for path in folder.glob("dpia_desk_*.qm"))


def keep_qt_file(dest: str, languages: Iterable[str]) -> bool:
    """Whether a bundle entry (its destination path) from Qt's tree stays in the bundle.

    Entries outside ``PySide6/Qt`` are kept; the caller filters the rest with this.
    """
    path = PurePosixPath(dest.replace("\\", "/"))
    if path.parts[:2] != _QT_PREFIX.parts:
        return True
    inner = path.parts[2:]
    if not inner:
        return True
    if inner[0] == "translations":
        match = _QM.match(path.name)
        if match is None:
            return False
        lang = match.group("lang")
        wanted = {language.split("_")[0] for language in languages} | set(languages)
        return match.group("catalogue") in QT_CATALOGUES and lang in wanted
    if inner[0] == "plugins" and len(inner) >= 2:
        folder = inner[1]
        if folder not in QT_PLUGIN_KEEP:
            return False
        wanted_plugins = QT_PLUGIN_KEEP[folder]
        return wanted_plugins is None or any(name in path.name for name in wanted_plugins)
    if inner[0] in ("qml", "resources", "libexec") and _unused_qt_data(path):
        return False
    return not (inner[0] == "lib" and _QT_LIBRARY_DROP.search(path.name))


def _unused_qt_data(path: PurePosixPath) -> bool:
    # qml/ is QML only; resources/ and libexec/ hold QtWebEngine's data and helper process.
    return path.parts[2] == "qml" or "webengine" in path.name.lower()


def keep_data_file(source: Path) -> bool:
    """Files of ``forms/`` and ``resources/`` that the running app reads.

    Build helpers (``*.py`` such as ``templates/make_reference_docx.py``) and caches stay out.
    """
    return not (
        source.suffix in (".py", ".pyc", ".pyo")
        or "__pycache__" in source.parts
        or source.name.startswith(".")
    )


def data_tree(source_root: Path, bundle_root: str) -> list[tuple[str, str]]:
    """``(source file, destination folder)`` pairs for PyInstaller's ``datas``."""
    entries: list[tuple[str, str]] = []
    for path in sorted(source_root.rglob("*")):
        if path.is_file() and keep_data_file(path.relative_to(source_root)):
            destination = PurePosixPath(bundle_root) / path.parent.relative_to(source_root)
            entries.append((str(path), str(destination)))
    return entries


#: A PyInstaller TOC entry: (destination name, source name, type code).
TocEntry = tuple[str, str, str]


def _basename(dest: str) -> str:
    return PurePosixPath(dest.replace("\\", "/")).name


def prune_orphans(
    kept: Sequence[TocEntry], dropped: Sequence[TocEntry], needed: Callable[[str], Iterable[str]]
) -> tuple[list[TocEntry], list[TocEntry]]:
    """Remove the shared libraries that only dropped entries needed.

    PyInstaller collects a plugin's dependencies before the spec can drop the plugin; a library
    reachable (through ``needed``: a binary's source path -> the library names it links) from a
    dropped entry and from no kept entry goes too. Libraries reachable from neither (loaded by
    ctypes, for instance) stay. Symbolic links whose target went are removed with it.
    Returns (kept entries, removed entries).
    """
    by_name: dict[str, list[TocEntry]] = {}
    for entry in kept:
        if entry[2] != "SYMLINK":
            by_name.setdefault(_basename(entry[0]), []).append(entry)

    def closure(start: Iterable[TocEntry]) -> set[str]:
        seen: set[str] = set()
        stack = [entry for entry in start if entry[2] != "SYMLINK"]
        while stack:
            entry = stack.pop()
            for name in needed(entry[1]):
                base = PurePosixPath(name).name
                if base in seen:
                    continue
                seen.add(base)
                stack.extend(by_name.get(base, []))
        return seen

    # Candidates: what the dropped entries linked. A candidate stays when something outside the
    # candidates (an extension module, a kept plugin, libpython) still reaches it.
    candidates = closure(dropped) & set(by_name)
    roots = [entry for entry in kept if _basename(entry[0]) not in candidates]
    orphans = candidates - closure(roots)
    removed = [entry for entry in kept if entry[2] != "SYMLINK" and _basename(entry[0]) in orphans]
    removed_dests = {PurePosixPath(entry[0].replace("\\", "/")) for entry in removed}
    removed_dests |= {PurePosixPath(entry[0].replace("\\", "/")) for entry in dropped}
    remaining: list[TocEntry] = []
    for entry in kept:
        if entry in removed:
            continue
        if entry[2] == "SYMLINK":
            dest = PurePosixPath(entry[0].replace("\\", "/"))
            target = _normalise(dest.parent / entry[1].replace("\\", "/"))
            if target in removed_dests or _basename(entry[0]) in orphans:
                removed.append(entry)
                continue
        remaining.append(entry)
    return remaining, removed


def _normalise(path: PurePosixPath) -> PurePosixPath:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


#: Package folders whose Python files are also data: Alembic loads env.py and versions/*.py from
#: the migrations folder by path, not through the import system.
PYTHON_AS_DATA: tuple[str, ...] = ("store/migrations",)


def package_data(package_dir: Path, bundle_root: str) -> list[tuple[str, str]]:
    """Files inside the package that are not modules (demo data, templates), plus the Python
    files of :data:`PYTHON_AS_DATA`, as ``(source file, destination folder)`` pairs.

    PyInstaller collects modules by import analysis and nothing else; without these the bundle
    would lack, for instance, ``dpia_desk/demo_data`` that the ``demo`` command reads.
    """
    entries: list[tuple[str, str]] = []
    for path in sorted(package_dir.rglob("*")):
        relative = path.relative_to(package_dir)
        if not path.is_file() or "__pycache__" in relative.parts or path.name.startswith("."):
            continue
        as_data = any(relative.is_relative_to(folder) for folder in PYTHON_AS_DATA)
        if path.suffix in (".py", ".pyc", ".pyo", ".pyi") and not as_data:
            continue
        destination = PurePosixPath(bundle_root) / PurePosixPath(*relative.parent.parts)
        entries.append((str(path), str(destination)))
    return entries
