"""Icons drawn for Pathfinder (SVG, `currentColor`), tinted with the palette's text colour.

One way to find an asset: `importlib.resources`, which works from a checkout,
an installed wheel and a frozen bundle alike.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

ICON_SIZES = (16, 22, 24, 32, 48)  # menus, the sections list, toolbars, empty pages


@cache
def _svg_source(name: str) -> str:
    return (resources.files("pathfinder") / "resources" / "icons" / f"{name}.svg").read_text(
        encoding="utf-8"
    )


def _render(svg: str, size: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def themed_icon(name: str, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> QIcon:
    """A project icon drawn in the current palette's colour for `role`."""
    palette = QApplication.palette()
    colour: QColor = palette.color(role)
    svg = _svg_source(name).replace("currentColor", colour.name())
    ratio = QApplication.instance().devicePixelRatio() if QApplication.instance() else 1.0
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_render(svg, size, ratio))
    return icon


def app_icon() -> QIcon:
    svg = _svg_source("app")
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addPixmap(_render(svg, size, 1.0))
    return icon
