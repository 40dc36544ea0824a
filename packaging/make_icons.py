"""Render the app icon (``resources/icons/app.svg``) into the files desktops and installers need.

Writes, from the one SVG:

- ``resources/icons/app-<N>.png`` for N in :data:`PNG_SIZES` (the freedesktop hicolor sizes; the
  Linux tarball installs them as ``hicolor/<N>x<N>/apps/org.dpiadesk.DpiaDesk.png``);
- ``packaging/icons/dpia_desk.ico`` (Windows: executable, installer, shortcuts);
- ``packaging/icons/dpia_desk.icns`` (macOS app bundle).

Qt's SVG renderer draws each size from the vector (no blurry downscaling of one big bitmap);
Pillow (already installed as a reportlab dependency) packs the ICO and ICNS containers.

Run after changing ``app.svg``: ``.venv/bin/python packaging/make_icons.py``; ``--check`` exits 1
when a committed file is missing or differs from a fresh render (used by the packaging tests).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
PNG_DIR = ROOT / "resources" / "icons"
ICON_DIR = ROOT / "packaging" / "icons"
ICO = ICON_DIR / "dpia_desk.ico"
ICNS = ICON_DIR / "dpia_desk.icns"

#: Sizes of the hicolor theme a desktop looks for (menus 16-48, launchers 64-256, HiDPI 512).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Windows picks from these for title bars, Explorer views and the installer (256 = "jumbo").
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Every size Pillow's ICNS writer stores (ic07..ic14, retina variants share pixels).
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


def png_path(size: int) -> Path:
    return PNG_DIR / f"app-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, as PNG bytes (Qt, offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        render_png.app = QGuiApplication([])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs say bytes; str works
    buffer.close()
    return bytes(data.data())


def build_all(svg: Path = SVG) -> dict[Path, bytes]:
    """Every output file's path and content, rendered in memory."""
    from PIL import Image

    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    rendered = {size: render_png(svg, size) for size in sizes}
    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in rendered.items()}
    out: dict[Path, bytes] = {png_path(size): rendered[size] for size in PNG_SIZES}

    ico = io.BytesIO()
    largest = images[max(ICO_SIZES)]
    largest.save(
        ico,
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != max(ICO_SIZES)],
    )
    out[ICO] = ico.getvalue()

    icns = io.BytesIO()
    images[1024].save(
        icns, format="ICNS", append_images=[images[size] for size in ICNS_SIZES if size != 1024]
    )
    out[ICNS] = icns.getvalue()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="only compare with the committed files; exit 1 if stale",
    )
    args = parser.parse_args(argv)
    files = build_all()
    if args.check:
        stale = [
            path for path, data in files.items() if not path.is_file() or path.read_bytes() != data
        ]
        for path in stale:
            print(f"stale or missing: {path.relative_to(ROOT)}", file=sys.stderr)
        if stale:
            print("run: python packaging/make_icons.py", file=sys.stderr)
        return 1 if stale else 0
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
