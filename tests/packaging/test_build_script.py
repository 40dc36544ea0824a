"""packaging/build.py's own logic (sizes, tarball layout), on a fake bundle: no PyInstaller run."""

from __future__ import annotations

import stat
import sys
import tarfile
from pathlib import Path

import pytest

from tests.packaging.conftest import load_script

build = load_script("build")
bc = load_script("bundle_contents")
make_icons = load_script("make_icons")


def _fake_bundle(root: Path) -> Path:
    folder = root / "dpia-desk"
    (folder / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (folder / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms").mkdir(parents=True)
    (folder / "_internal" / "sqlcipher3").mkdir()
    (folder / "dpia-desk").write_bytes(b"x" * 100)
    (folder / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(b"x" * 5000)
    (folder / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms" / "a.so").write_bytes(
        b"x" * 300
    )
    (folder / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms" / "b.so").write_bytes(
        b"x" * 200
    )
    (folder / "_internal" / "sqlcipher3" / "_sqlite3.so").write_bytes(b"x" * 1000)
    (folder / "_internal" / "libpython3.so").write_bytes(b"x" * 2000)
    if sys.platform != "win32":
        (folder / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/Qt/lib/libQt6Core.so.6")
    return folder


def test_sizes_group_qt_libraries_one_by_one_and_packages_whole(tmp_path: Path) -> None:
    folder = _fake_bundle(tmp_path)
    total, count, groups = build.bundle_sizes(folder)
    assert total == 100 + 5000 + 300 + 200 + 1000 + 2000  # symlinks are not counted twice
    assert count == 6
    assert groups["PySide6/Qt/lib/libQt6Core.so.6"] == 5000
    assert groups["PySide6/Qt/plugins/platforms"] == 500
    assert groups["sqlcipher3"] == 1000
    assert groups["libpython3.so"] == 2000
    assert groups["dpia-desk"] == 100


def test_print_sizes_reports_the_total_and_the_largest_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    info = build.print_sizes(_fake_bundle(tmp_path), top=2)
    out = capsys.readouterr().out
    assert "in 6 files" in out
    assert [part["part"] for part in info["top"]] == [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "libpython3.so",
    ]
    assert info["total_bytes"] == 8600


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the tarball is Linux's format")
def test_linux_tarball_carries_bundle_desktop_files_icons_and_installer(tmp_path: Path) -> None:
    folder = _fake_bundle(tmp_path)
    archive = build.linux_tarball(folder, tmp_path, "1.2.3")
    assert archive.name.startswith("dpia-desk-1.2.3-linux-")
    assert archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        members = {member.name: member for member in tar.getmembers()}
        top = "dpia-desk-1.2.3"
        assert f"{top}/dpia-desk" in members
        assert members[f"{top}/_internal/libQt6Core.so.6"].issym()
        assert f"{top}/share/applications/{bc.APP_ID}.desktop" in members
        assert f"{top}/share/icons/hicolor/scalable/apps/{bc.APP_ID}.svg" in members
        for size in make_icons.PNG_SIZES:
            assert f"{top}/share/icons/hicolor/{size}x{size}/apps/{bc.APP_ID}.png" in members
        installer = members[f"{top}/install-desktop-entry.sh"]
        assert installer.mode & stat.S_IXUSR
        assert all(member.uid == 0 and member.uname == "" for member in members.values())
        metainfo = tar.extractfile(f"{top}/share/metainfo/{bc.APP_ID}.metainfo.xml")
        assert metainfo is not None
        assert b'<release version="1.2.3"' in metainfo.read()
    assert not (tmp_path / f"{bc.APP_ID}.metainfo.xml").exists()  # the stamped copy is cleaned up
