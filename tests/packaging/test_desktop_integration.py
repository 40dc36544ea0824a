"""Desktop files, icons and installer scripts: valid, consistent, versioned from one place."""

from __future__ import annotations

import configparser
import plistlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from tests.packaging.conftest import PACKAGING, ROOT, load_script

bc = load_script("bundle_contents")
make_icons = load_script("make_icons")
build = load_script("build")

DESKTOP = PACKAGING / "linux" / f"{bc.APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{bc.APP_ID}.metainfo.xml"


def _xml(text: str) -> ET.Element:
    return ET.fromstring(text)  # noqa: S314 (our own committed metainfo, not untrusted input)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_bundle_with_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == bc.EXE_NAME
    assert entry["Icon"] == bc.APP_ID
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")


def test_the_gui_names_its_desktop_file() -> None:
    # Wayland finds the window's icon and name through the desktop file's base name.
    from dpia_desk.ui.app import DESKTOP_FILE

    assert DESKTOP_FILE == bc.APP_ID == DESKTOP.stem


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validate_accepts_it() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_metainfo_names_the_app_the_desktop_file_and_the_binary() -> None:
    root = _xml(METAINFO.read_text(encoding="utf-8"))
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == bc.APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == bc.EXE_NAME
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("metadata_license") == "CC0-1.0"


def _appstream_validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_appstreamcli_validates_the_metainfo() -> None:
    result = _appstream_validate(METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr
    # Infos are fine (older AppStream does not know <developer> yet); warnings and errors not.
    assert not re.search(r"^[WE]: ", result.stdout, re.MULTILINE), result.stdout


def test_the_built_metainfo_lists_the_version_being_built(tmp_path: Path) -> None:
    text = METAINFO.read_text(encoding="utf-8")
    assert build.metainfo_for_version(text, "0.1.0", "2030-01-01") == text  # already listed
    newer = build.metainfo_for_version(text, "9.8.7", "2030-01-01")
    releases = _xml(newer).findall("releases/release")
    assert releases[0].get("version") == "9.8.7"
    assert releases[0].get("date") == "2030-01-01"
    assert len(releases) == len(_xml(text).findall("releases/release")) + 1
    if shutil.which("appstreamcli"):
        stamped = tmp_path / METAINFO.name
        stamped.write_text(newer, encoding="utf-8")
        assert _appstream_validate(stamped).returncode == 0


@pytest.mark.parametrize("size", make_icons.PNG_SIZES)
def test_hicolor_png_icons_exist_in_every_size(size: int) -> None:
    with Image.open(make_icons.png_path(size)) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        # drawn, not blank: the corners are transparent, the centre is not
        corner = image.getpixel((0, 0))
        centre = image.getpixel((size // 2, size // 2))
        assert isinstance(corner, tuple) and isinstance(centre, tuple)
        assert corner[3] < 64
        assert centre[3] == 255


def test_windows_and_macos_icons_hold_their_sizes() -> None:
    with Image.open(make_icons.ICO) as ico:
        assert ico.format == "ICO"
        assert set(ico.info["sizes"]) == {(size, size) for size in make_icons.ICO_SIZES}
    with Image.open(make_icons.ICNS) as icns:
        assert icns.format == "ICNS"
        assert (512, 512, 2) in icns.info["sizes"]  # the 1024 px retina icon
        assert (16, 16, 2) in icns.info["sizes"]


def test_icons_are_rendered_from_the_app_svg(tmp_path: Path) -> None:
    assert make_icons.SVG == ROOT / "resources" / "icons" / "app.svg"
    png = make_icons.render_png(make_icons.SVG, 32)
    rendered = tmp_path / "32.png"
    rendered.write_bytes(png)
    with Image.open(rendered) as fresh, Image.open(make_icons.png_path(32)) as committed:
        assert fresh.size == committed.size
        # the same drawing (renderers may differ in the last bit of antialiasing)
        pixels = zip(
            fresh.convert("RGBA").tobytes(), committed.convert("RGBA").tobytes(), strict=True
        )
        difference = sum(abs(a - b) for a, b in pixels)
        assert difference / (32 * 32 * 4) < 2


def test_install_script_installs_the_files_the_tarball_carries() -> None:
    script = (PACKAGING / "linux" / "install-desktop-entry.sh").read_text(encoding="utf-8")
    assert f"APP_ID={bc.APP_ID}" in script
    assert "--uninstall" in script
    if shutil.which("sh"):
        subprocess.run(
            ["sh", "-n", str(PACKAGING / "linux" / "install-desktop-entry.sh")], check=True
        )


def test_inno_setup_script_takes_the_version_from_the_build() -> None:
    iss = (PACKAGING / "windows" / "dpia_desk.iss").read_text(encoding="utf-8")
    assert "AppVersion={#AppVersion}" in iss
    assert re.search(r"#error .*AppVersion", iss), "a build without a version must fail"
    assert not re.search(r"\b\d+\.\d+\.\d+\b", iss.split("[Setup]")[1]), "a hard-coded version"
    assert "PrivilegesRequired=lowest" in iss  # per-user install
    assert "PrivilegesRequiredOverridesAllowed=dialog" in iss
    assert "{autoprograms}" in iss  # Start menu entry
    assert "NOT removed" in iss  # the uninstaller says the workspace stays
    assert "[UninstallDelete]" not in iss  # and deletes nothing beyond the installed files


def test_macos_entitlements_are_a_valid_plist_without_the_sandbox() -> None:
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as stream:
        entitlements = plistlib.load(stream)
    assert entitlements.get("com.apple.security.cs.allow-unsigned-executable-memory") is True
    assert "com.apple.security.app-sandbox" not in entitlements
    assert "com.apple.security.cs.disable-library-validation" not in entitlements


def test_spec_names_the_bundle_identifier_and_plist_keys() -> None:
    spec = (PACKAGING / "dpia_desk.spec").read_text(encoding="utf-8")
    for key in ("NSHighResolutionCapable", "LSMinimumSystemVersion",
                "NSRequiresAquaSystemAppearance", "CFBundleShortVersionString"):  # fmt: skip
        assert f'"{key}"' in spec
    assert "bundle_identifier=bc.APP_ID" in spec
    assert 'copy_metadata("dpia-desk", recursive=True)' in spec
    assert bc.APP_ID == "org.dpiadesk.DpiaDesk"
