"""dpia_desk.about and ``dpia-desk about``: versions, licences, folders, from what is installed."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from dpia_desk import __version__, about, paths
from dpia_desk.cli import main as cli_main


def test_about_info_reports_versions_and_the_qt_version_it_is_given() -> None:
    info = about.about_info(lambda: "6.99.1")
    assert info.version == __version__
    assert info.qt == "6.99.1"
    assert info.pyside == metadata.version("PySide6-Essentials")
    assert info.python.startswith(f"{sys.version_info.major}.{sys.version_info.minor}.")
    assert info.licence == "GPL-3.0-or-later"
    assert info.frozen is False


def test_without_qt_the_pyside_release_stands_in() -> None:
    assert about.about_info().qt == metadata.version("PySide6-Essentials")


def test_third_party_packages_are_the_runtime_requirements_with_licences() -> None:
    packages = {package.name.lower(): package for package in about.third_party_packages()}
    for name in ("sqlalchemy", "sqlcipher3", "reportlab", "python-docx", "openpyxl", "keyring",
                 "alembic", "pydantic", "pyyaml", "platformdirs"):  # fmt: skip
        assert name in packages, name
    assert packages["sqlalchemy"].version == metadata.version("SQLAlchemy")
    assert packages["sqlalchemy"].licence == "MIT"
    # transitive requirements are there too (pydantic -> pydantic-core, python-docx -> lxml)
    assert "lxml" in packages
    assert {"pydantic_core", "pydantic-core"} & set(packages)
    # test tools are extras, not runtime requirements
    for name in ("pytest", "hypothesis", "mypy", "pypdf", "ruff"):
        assert name not in packages
    # sqlcipher3's metadata names no licence: its licence file does (zlib), and the note says
    # which native library it carries
    assert packages["sqlcipher3"].licence == "Zlib"
    assert "SQLCipher" in packages["sqlcipher3"].note
    assert all(package.licence != "unknown" for package in packages.values()), [
        package.name for package in packages.values() if package.licence == "unknown"
    ]


def test_an_unknown_root_distribution_gives_no_packages() -> None:
    assert about.third_party_packages("no-such-distribution-anywhere") == ()


def test_fonts_are_read_from_the_licence_files(tmp_path: Path) -> None:
    (tmp_path / "Inter-Regular.ttf").write_bytes(b"")
    (tmp_path / "Inter-Bold.ttf").write_bytes(b"")
    (tmp_path / "OFL-Inter.txt").write_text("SIL OPEN FONT LICENSE Version 1.1\n", encoding="utf-8")
    (tmp_path / "Other.ttf").write_bytes(b"")
    (tmp_path / "README.md").write_text("not a licence", encoding="utf-8")
    fonts = about.bundled_fonts(tmp_path)
    assert len(fonts) == 1
    assert fonts[0].family == "Inter"
    assert fonts[0].files == ("Inter-Bold.ttf", "Inter-Regular.ttf")
    assert fonts[0].licence == "OFL-1.1"
    assert fonts[0].licence_file == "OFL-Inter.txt"


def test_the_shipped_dejavu_fonts_and_their_licence() -> None:
    fonts = about.bundled_fonts()
    dejavu = next(font for font in fonts if font.family == "DejaVuSans")
    assert dejavu.licence == "bitstream-vera"  # the Debian copyright file's License: line
    assert "DejaVuSans.ttf" in dejavu.files
    assert dejavu.licence_file == "LICENSE-DejaVu.txt"


def test_locations_follow_dpia_desk_home(isolated_home: Path) -> None:
    where = about.locations()
    assert Path(where.workspace) == paths.default_workspace_path()
    assert Path(where.workspace).is_relative_to(isolated_home)
    assert Path(where.settings) == isolated_home / "config" / "settings.ini"
    assert Path(where.backups) == paths.default_backup_dir()
    assert Path(where.built_in_forms) == paths.forms_dir()
    chosen = isolated_home / "elsewhere.dpia"
    assert about.locations(chosen).workspace == str(chosen)


def test_text_report_names_versions_folders_and_licences() -> None:
    info = about.about_info(lambda: "6.12.0")
    text = about.about_text(info)
    assert text.startswith(f"dpia_desk {__version__} (GPL-3.0-or-later)")
    assert info.locations.workspace in text
    assert info.locations.backups in text
    assert "DejaVuSans: bitstream-vera" in text
    assert "SQLAlchemy" in text


def test_cli_about_json_is_one_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["about", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == __version__
    assert {"workspace", "settings", "backups"} <= set(document["locations"])
    assert any(package["name"] == "SQLAlchemy" for package in document["packages"])


def test_cli_about_uses_the_workspace_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert cli_main(["about", "--workspace", str(tmp_path / "w.dpia")]) == 0
    assert str(tmp_path / "w.dpia") in capsys.readouterr().out


def test_about_never_imports_qt() -> None:
    code = (
        "import sys, dpia_desk.about as a; a.about_text(a.about_info()); "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
