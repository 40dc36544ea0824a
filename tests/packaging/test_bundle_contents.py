"""What the PyInstaller spec keeps and drops (packaging/bundle_contents.py), without building."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, load_script

bc = load_script("bundle_contents")
version_info = load_script("version_info")


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/translations/qtbase_de.qm",
        "dpia_desk/forms/dpia.yaml",
        "sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so",
    ],
)
def test_the_app_keeps_what_it_loads(dest: str) -> None:
    assert bc.keep_qt_file(dest, {"de"})


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_server.so",
        "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/Qt/translations/qtbase_fr.qm",  # no catalogue of ours in French
        "PySide6/Qt/translations/qtdeclarative_de.qm",  # QML strings
        "PySide6/Qt/translations/assistant_de.qm",
    ],
)
def test_unused_qt_parts_are_dropped(dest: str) -> None:
    assert not bc.keep_qt_file(dest, {"de"})


def test_windows_separators_are_understood() -> None:
    assert not bc.keep_qt_file("PySide6\\Qt\\plugins\\sqldrivers\\qsqlite.dll", set())
    assert bc.keep_qt_file("PySide6\\Qt\\plugins\\platforms\\qwindows.dll", set())


def test_qt_catalogues_follow_our_languages(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    assert bc.shipped_languages(tmp_path) == frozenset()
    (tmp_path / "translations" / "dpia_desk_de.qm").write_bytes(b"")
    (tmp_path / "translations" / "dpia_desk_pt_BR.qm").write_bytes(b"")
    languages = bc.shipped_languages(tmp_path)
    assert languages == {"de", "pt_BR"}
    assert bc.keep_qt_file("PySide6/Qt/translations/qtbase_pt_BR.qm", languages)
    assert bc.keep_qt_file("PySide6/Qt/translations/qt_pt.qm", languages)
    assert not bc.keep_qt_file("PySide6/Qt/translations/qtbase_es.qm", languages)


def test_data_tree_maps_folders_and_leaves_build_helpers_out(tmp_path: Path) -> None:
    (tmp_path / "templates" / "__pycache__").mkdir(parents=True)
    (tmp_path / "templates" / "reference.docx").write_bytes(b"x")
    (tmp_path / "templates" / "make_reference_docx.py").write_text("")
    (tmp_path / "templates" / "__pycache__" / "x.pyc").write_bytes(b"")
    (tmp_path / ".DS_Store").write_bytes(b"")
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "A.ttf").write_bytes(b"")
    entries = bc.data_tree(tmp_path, "dpia_desk/resources")
    assert sorted(entries) == [
        (str(tmp_path / "fonts" / "A.ttf"), "dpia_desk/resources/fonts"),
        (str(tmp_path / "templates" / "reference.docx"), "dpia_desk/resources/templates"),
    ]


def test_the_real_resources_all_go_in() -> None:
    entries = bc.data_tree(ROOT / "resources", "dpia_desk/resources")
    destinations = {Path(source).name: dest for source, dest in entries}
    assert destinations["DejaVuSans.ttf"] == "dpia_desk/resources/fonts"
    assert destinations["LICENSE-DejaVu.txt"] == "dpia_desk/resources/fonts"
    assert destinations["app.svg"] == "dpia_desk/resources/icons"
    assert destinations["app.qss"] == "dpia_desk/resources/styles"
    forms = bc.data_tree(ROOT / "forms", "dpia_desk/forms")
    assert {Path(source).name for source, _dest in forms} >= {"dpia.yaml", "form.schema.json"}


def _entry(dest: str, code: str = "BINARY") -> tuple[str, str, str]:
    return (dest, f"/src/{dest}" if code != "SYMLINK" else dest, code)


def test_libraries_only_a_dropped_plugin_needed_go_with_it() -> None:
    links = {
        "/src/PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libgtk-3.so.0", "libcairo.so.2"],
        "/src/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
        "/src/libcairo.so.2": ["libpixman-1.so.0"],
        "/src/PySide6/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libglib-2.0.so.0"],
    }
    kept = [
        _entry("PySide6/QtGui.abi3.so"),
        _entry("libQt6Gui.so.6"),
        _entry("libgtk-3.so.0"),
        _entry("libcairo.so.2"),
        _entry("libpixman-1.so.0"),
        _entry("libglib-2.0.so.0"),
        _entry("libffi-loaded-by-ctypes.so"),
        ("libcairo.so", "libcairo.so.2", "SYMLINK"),
    ]
    dropped = [_entry("PySide6/Qt/plugins/platformthemes/libqgtk3.so")]
    remaining, removed = bc.prune_orphans(kept, dropped, lambda source: links.get(source, []))
    names = {entry[0] for entry in remaining}
    # glib is still needed by Qt; the ctypes-loaded library is nobody's dependency: both stay
    assert names == {
        "PySide6/QtGui.abi3.so",
        "libQt6Gui.so.6",
        "libglib-2.0.so.0",
        "libffi-loaded-by-ctypes.so",
    }
    assert {entry[0] for entry in removed} == {
        "libgtk-3.so.0", "libcairo.so.2", "libpixman-1.so.0", "libcairo.so",
    }  # fmt: skip


def test_symlinks_to_dropped_qt_libraries_go_too() -> None:
    kept = [
        _entry("PySide6/Qt/lib/libQt6Core.so.6"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ]
    dropped = [_entry("PySide6/Qt/lib/libQt6Network.so.6")]
    remaining, removed = bc.prune_orphans(kept, dropped, lambda source: [])
    assert [entry[0] for entry in remaining] == ["PySide6/Qt/lib/libQt6Core.so.6"]
    assert [entry[0] for entry in removed] == ["libQt6Network.so.6"]


def test_no_test_tool_or_unused_toolkit_is_bundled() -> None:
    for name in ("pytest", "hypothesis", "tkinter", "PySide6.QtQml", "PySide6.QtQuick",
                 "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.Qt3DCore",
                 "PySide6.QtMultimedia", "mypy", "pypdf"):  # fmt: skip
        assert name in bc.EXCLUDED_MODULES
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"}
    assert not used & set(bc.EXCLUDED_MODULES)


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("2", (2, 0, 0, 0)),
     ("1.2.3.4.5", (1, 2, 3, 4)), ("0.0.0+source", (0, 0, 0, 0)), ("70000.1", (65535, 1, 0, 0))],
)  # fmt: skip
def test_windows_version_numbers(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert version_info.version_tuple(version) == numbers


def test_windows_version_resource_carries_the_package_version(tmp_path: Path) -> None:
    path = version_info.write_version_file(tmp_path / "v.txt", "1.4.2rc1", "dpia-desk.exe")
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates this expression
    assert isinstance(tree.body, ast.Call)
    assert "filevers=(1, 4, 2, 0)" in text
    assert "StringStruct('ProductVersion', '1.4.2rc1')" in text
    assert "StringStruct('OriginalFilename', 'dpia-desk.exe')" in text
    with pytest.raises(ValueError, match="not a release version"):
        version_info.version_tuple("dev")


def test_windows_version_resource_loads_in_pyinstaller(tmp_path: Path) -> None:
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo", exc_type=ImportError)
    path = version_info.write_version_file(tmp_path / "v.txt", "0.1.0", "dpia-desk.exe")
    loaded = versioninfo.load_version_info_from_text_file(str(path))
    assert loaded.ffi.fileVersionMS == (0 << 16) | 1


def test_package_data_brings_non_python_files_and_the_migration_scripts(tmp_path: Path) -> None:
    package = tmp_path / "dpia_desk"
    (package / "demo_data" / "acme").mkdir(parents=True)
    (package / "demo_data" / "acme" / "review.yaml").write_text("x")
    (package / "store" / "migrations" / "versions" / "__pycache__").mkdir(parents=True)
    (package / "store" / "migrations" / "env.py").write_text("")
    (package / "store" / "migrations" / "script.py.mako").write_text("")
    (package / "store" / "migrations" / "versions" / "r0001_first.py").write_text("")
    (package / "store" / "migrations" / "versions" / "__pycache__" / "r.pyc").write_bytes(b"")
    (package / "store" / "models.py").write_text("")
    (package / "__init__.py").write_text("")
    entries = {
        str(Path(source).relative_to(package)): dest
        for source, dest in bc.package_data(package, "dpia_desk")
    }
    assert entries == {
        str(Path("demo_data/acme/review.yaml")): "dpia_desk/demo_data/acme",
        str(Path("store/migrations/env.py")): "dpia_desk/store/migrations",
        str(Path("store/migrations/script.py.mako")): "dpia_desk/store/migrations",
        str(Path("store/migrations/versions/r0001_first.py")): (
            "dpia_desk/store/migrations/versions"
        ),
    }


def test_the_real_package_data_includes_the_migrations() -> None:
    entries = bc.package_data(ROOT / "src" / "dpia_desk", "dpia_desk")
    names = {Path(source).name for source, _dest in entries}
    assert {"env.py", "script.py.mako"} <= names
    assert any(name.startswith("r0001") for name in names)
    assert "about.py" not in names and "__main__.py" not in names
