"""Make every copy of the app icon from its master drawing, resources/pathfinder.svg.

- src/pathfinder/resources/icons/app.svg: a byte-for-byte copy, which the app loads
  (views/icons.py app_icon()); tests/test_packaging.py checks the two are identical.
- packaging/icons/pathfinder-<size>.png for 16 to 512 pixels (the Linux package's
  hicolor icons), pathfinder.ico (Windows: the EXEs and the installer) and
  pathfinder.icns (macOS: the .app bundle).

Qt's QSvgRenderer draws each size from the SVG (offscreen, so no screen is needed), the
same renderer the app uses; Pillow only writes the PNG, .ico and .icns files, from those
drawings, so small sizes are drawn at their size rather than scaled down from a large one.
The outputs are meant to be committed; run `make icons` after changing the master.

Usage: python scripts/render_icons.py [--out packaging/icons]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "resources" / "pathfinder.svg"
APP_COPY = ROOT / "src" / "pathfinder" / "resources" / "icons" / "app.svg"
OUT = ROOT / "packaging" / "icons"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# What Pillow writes into an .icns: 32 to 1024 pixels (16 px comes from the 32 px image).
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)


def draw(svg: bytes, size: int) -> QImage:
    """The SVG drawn by Qt at `size` x `size` pixels (tests/test_packaging.py compares the
    packaged PNGs with it)."""
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit(f"{MASTER}: Qt can't read this SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def render(svg: bytes, size: int) -> Image:
    """The SVG drawn by Qt at `size` x `size` pixels, as an RGBA Pillow image."""
    from PIL import Image as PillowImage
    from PySide6.QtGui import QImage

    rgba = draw(svg, size).convertToFormat(QImage.Format.Format_RGBA8888)
    return PillowImage.frombuffer(
        "RGBA", (size, size), bytes(rgba.constBits()), "raw", "RGBA", rgba.bytesPerLine(), 1
    )


def make_all(out: Path) -> list[Path]:
    """Copy the master to the package and write every icon file into `out`."""
    from PySide6.QtGui import QGuiApplication

    svg = MASTER.read_bytes()
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # alive while drawing
    written = [APP_COPY]
    shutil.copyfile(MASTER, APP_COPY)

    out.mkdir(parents=True, exist_ok=True)
    images = {size: render(svg, size) for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    for size in PNG_SIZES:
        path = out / f"pathfinder-{size}.png"
        images[size].save(path, format="PNG", optimize=True)
        written.append(path)

    ico = out / "pathfinder.ico"
    # 32-bit BMP entries rather than PNG ones: every Windows tool reads them (the resource
    # compilers behind PyInstaller and Inno Setup included).
    images[256].save(
        ico,
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != 256],
        bitmap_format="bmp",
    )
    written.append(ico)

    icns = out / "pathfinder.icns"
    images[1024].save(
        icns, format="ICNS", append_images=[images[size] for size in ICNS_SIZES if size != 1024]
    )
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in make_all(args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
