"""Build the desktop bundle for this OS into ``dist/`` (``make package`` runs this).

Steps: PyInstaller with ``packaging/dpia_desk.spec`` (one-folder build) -> a check that no Qt
library the kept plugins need was pruned (Linux) -> the bundle size, in total and by its largest
parts -> on Linux the tarball ``dist/dpia-desk-<version>-linux-x86_64.tar.gz`` with the desktop
files, icons and AppStream metainfo; on Windows the Inno Setup installer when ``iscc`` is on PATH.
``dist/build-info.json`` records the version, the sizes and the build time.

The version is read from the installed package's metadata (its one source is pyproject.toml) and
handed to every tool that needs it.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bundle_contents as bc  # noqa: E402
from version_info import version_tuple  # noqa: E402

SPEC = HERE / "dpia_desk.spec"
LINUX_DIR = HERE / "linux"
WINDOWS_ISS = HERE / "windows" / "dpia_desk.iss"


def package_version() -> str:
    try:
        return importlib.metadata.version("dpia-desk")
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit(
            "dpia-desk is not installed in this Python; run `pip install -e .` first "
            "(the bundle's version comes from the package metadata)"
        ) from None


def bundle_dir(dist: Path) -> Path:
    """The built folder: the .app on macOS, the one-folder directory elsewhere."""
    if sys.platform == "darwin":
        return dist / bc.MAC_APP_NAME
    return dist / bc.EXE_NAME


def run_pyinstaller(dist: Path, work: Path, *, clean: bool) -> None:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(SPEC),
    ]  # fmt: skip
    if clean:
        command.insert(3, "--clean")
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)


def _size_group(relative: Path) -> str:
    parts = relative.parts
    if parts and parts[0] == "_internal":
        parts = parts[1:]
    if parts[:2] == ("PySide6", "Qt") and len(parts) > 3:
        # Qt's libraries one by one (they are the bulk), its plugins by folder
        return "/".join(parts[:4])
    if len(parts) > 1:
        return parts[0]
    return parts[0] if parts else "."


def bundle_sizes(folder: Path) -> tuple[int, int, Counter[str]]:
    """Total bytes, file count and bytes by component (Qt libraries one by one, packages whole)."""
    groups: Counter[str] = Counter()
    total = 0
    count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            total += size
            count += 1
            groups[_size_group(path.relative_to(folder))] += size
    return total, count, groups


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB"


def print_sizes(folder: Path, top: int = 15) -> dict[str, object]:
    total, count, groups = bundle_sizes(folder)
    print(f"\nbundle: {folder} -- {_mib(total)} in {count} files")
    print(f"largest parts (top {top}):")
    for name, size in groups.most_common(top):
        print(f"  {_mib(size):>10}  {100 * size / total:5.1f}%  {name}")
    return {
        "total_bytes": total,
        "files": count,
        "top": [{"part": name, "bytes": size} for name, size in groups.most_common(top)],
    }


def missing_qt_libraries(folder: Path) -> dict[str, list[str]]:
    """Linux: Qt/PySide libraries that a bundled library needs but the bundle lacks (ldd)."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return {}
    missing: dict[str, list[str]] = {}
    environment = {key: value for key, value in os.environ.items() if key != "LD_LIBRARY_PATH"}
    for path in sorted(folder.rglob("*.so*")):
        if path.is_symlink() or "PySide6" not in path.parts:
            continue
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=environment, check=False
        )
        names = [
            line.split("=>")[0].strip()
            for line in result.stdout.splitlines()
            if "not found" in line
        ]
        ours = [name for name in names if name.startswith(("libQt6", "libpyside6", "libshiboken6"))]
        if ours:
            missing[str(path.relative_to(folder))] = ours
    return missing


def metainfo_for_version(text: str, version: str, today: str) -> str:
    """The metainfo with a ``<release>`` for ``version`` (added on top when it has none).

    The package version stays the one source: a release built without its own entry still tells
    software centres which version they install.
    """
    if re.search(rf'<release\s+version="{re.escape(version)}"', text):
        return text
    entry = f'<release version="{version}" date="{today}"/>'
    if "<releases>" in text:
        return text.replace("<releases>", f"<releases>\n    {entry}", 1)
    return text.replace("</component>", f"  <releases>\n    {entry}\n  </releases>\n</component>")


def linux_tarball(folder: Path, dist: Path, version: str) -> Path:
    """``dist/dpia-desk-<version>-linux-x86_64.tar.gz``: the bundle plus desktop integration.

    Layout: ``dpia-desk-<version>/`` holds the bundle (``dpia-desk``, ``_internal/``), ``share/``
    (desktop entry, metainfo, hicolor icons) and ``install-desktop-entry.sh``.
    """
    machine = platform.machine() or "x86_64"
    top = f"dpia-desk-{version}"
    archive = dist / f"{top}-linux-{machine}.tar.gz"
    metainfo = dist / f"{bc.APP_ID}.metainfo.xml"
    metainfo.write_text(
        metainfo_for_version(
            (LINUX_DIR / metainfo.name).read_text(encoding="utf-8"),
            version,
            datetime.date.today().isoformat(),
        ),
        encoding="utf-8",
    )
    share = {
        f"share/applications/{bc.APP_ID}.desktop": LINUX_DIR / f"{bc.APP_ID}.desktop",
        f"share/metainfo/{bc.APP_ID}.metainfo.xml": metainfo,
        f"share/icons/hicolor/scalable/apps/{bc.APP_ID}.svg": ROOT / "resources/icons/app.svg",
    }
    from make_icons import PNG_SIZES, png_path

    for size in PNG_SIZES:
        share[f"share/icons/hicolor/{size}x{size}/apps/{bc.APP_ID}.png"] = png_path(size)

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        # Neutral ownership: the builder's uid and user name stay out of the archive.
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    tmp = archive.with_suffix(".partial")
    with tarfile.open(tmp, "w:gz", compresslevel=9) as tar:
        tar.add(folder, arcname=top, filter=normalise)
        for name, source in share.items():
            tar.add(source, arcname=f"{top}/{name}", filter=normalise)
        tar.add(LINUX_DIR / "install-desktop-entry.sh", arcname=f"{top}/install-desktop-entry.sh",
                filter=normalise)  # fmt: skip
    tmp.replace(archive)
    metainfo.unlink()
    return archive


def windows_installer(dist: Path, version: str) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    command = [
        iscc or "iscc", f"/DAppVersion={version}",
        f"/DAppVersionNumeric={'.'.join(map(str, version_tuple(version)))}",
        f"/DSourceDir={bundle_dir(dist)}",
        f"/DOutputDir={dist}", str(WINDOWS_ISS),
    ]  # fmt: skip
    if iscc is None:
        print("Inno Setup (iscc) is not on PATH; build the installer with:")
        print("  " + subprocess.list2cmdline(command))
        return None
    print("+", subprocess.list2cmdline(command), flush=True)
    subprocess.run(command, check=True)
    return dist / f"dpia-desk-{version}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the dpia_desk desktop bundle.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--no-archive", action="store_true", help="skip the tarball / installer")
    args = parser.parse_args(argv)

    version = package_version()
    dist: Path = args.dist.resolve()
    started = time.monotonic()
    run_pyinstaller(dist, args.work.resolve(), clean=args.clean)
    built = time.monotonic() - started
    folder = bundle_dir(dist)
    if not folder.is_dir():
        raise SystemExit(f"PyInstaller finished but {folder} is missing")

    missing = missing_qt_libraries(folder)
    if missing:
        for library, names in missing.items():
            print(f"missing for {library}: {', '.join(names)}", file=sys.stderr)
        raise SystemExit("the bundle lacks Qt libraries its plugins need; see bundle_contents.py")

    info: dict[str, object] = {
        "version": version,
        "platform": sys.platform,
        "machine": platform.machine(),
        "python": platform.python_version(),
        "pyinstaller_seconds": round(built, 1),
        "bundle": str(folder.relative_to(dist)),
        "size": print_sizes(folder),
    }
    if not args.no_archive:
        if sys.platform.startswith("linux"):
            archive = linux_tarball(folder, dist, version)
            info["archive"] = archive.name
            info["archive_bytes"] = archive.stat().st_size
            print(f"\ntarball: {archive} ({_mib(archive.stat().st_size)})")
        elif sys.platform == "win32":
            installer = windows_installer(dist, version)
            if installer is not None:
                info["archive"] = installer.name
        elif sys.platform == "darwin":
            print("\nnext: sign and notarise the app (packaging/README.md, 'macOS').")
    info["total_seconds"] = round(time.monotonic() - started, 1)
    (dist / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"\ndpia-desk {version} built in {info['total_seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
