"""Icons drawn for Pathfinder (SVG, `currentColor`), tinted with the palette's text colour.

Each icon is drawn when Qt first asks for it, at the size (and screen scale) asked
for, and kept: a window that shows seven section icons at 22 pixels draws seven
pictures, not one for every size a menu, a toolbar or an empty page might want.
A disabled icon is the normal one greyed by the style, as Qt does for any icon.

The SVG files are read beside this package's modules, where a checkout, an
installed wheel and the frozen bundle all keep them; `importlib.resources` (which
finds them in a zipped install too) only when they are not there, as importing it
costs every start a few milliseconds.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

# The sizes an icon says it has, for a platform that asks (a window icon, a tray icon);
# it is drawn at any other size asked for just as well.
ICON_SIZES = (16, 22, 24, 32, 48)
APP_ICON_SIZES = (16, 32, 48, 64, 128, 256)


_ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


@cache
def _svg_source(name: str) -> str:
    try:
        return (_ICONS / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:  # not there, or inside a zip (a path through a file)
        from importlib import resources

        packaged = resources.files("pathfinder") / "resources" / "icons" / f"{name}.svg"
        return packaged.read_text(encoding="utf-8")


def _render(svg: str, size: QSize, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    # Rounded half up, as Qt sizes the pixmap it asked for (Python's round() goes to even).
    pixmap = QPixmap(int(size.width() * ratio + 0.5), int(size.height() * ratio + 0.5))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class _SvgIconEngine(QIconEngine):
    """Draws one SVG at each size and scale asked for, the first time it is asked."""

    def __init__(self, svg: str, sizes: tuple[int, ...]) -> None:
        super().__init__()
        self._svg = svg
        self._sizes = sizes
        self._drawn: dict[tuple[int, int, int, float], QPixmap] = {}

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        # Disabled and selected icons are the style's (greyed, tinted), as for any icon.
        styled = mode in (QIcon.Mode.Disabled, QIcon.Mode.Selected)
        key = (size.width(), size.height(), mode.value if styled else 0, scale)
        pixmap = self._drawn.get(key)
        if pixmap is None:
            pixmap = _render(self._svg, size, scale)
            if styled:
                style = QApplication.style()
                pixmap = style.generatedIconPixmap(mode, pixmap, QStyleOption())
            self._drawn[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size  # a drawing fits any size

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(size, size) for size in self._sizes]

    def clone(self) -> QIconEngine:
        # Qt keeps the copy (changing a shared icon copies its engine), but PySide leaves
        # it to Python, which would delete it on return: it is kept here until Qt deletes it.
        copy = _SvgIconEngine(self._svg, self._sizes)
        _CLONES[:] = [engine for engine in _CLONES if shiboken6.isValid(engine)]
        _CLONES.append(copy)
        return copy


_CLONES: list[_SvgIconEngine] = []


def themed_icon(name: str, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> QIcon:
    """A project icon drawn in the current palette's colour for `role`."""
    colour = QApplication.palette().color(role)
    svg = _svg_source(name).replace("currentColor", colour.name())
    return QIcon(_SvgIconEngine(svg, ICON_SIZES))


def app_icon() -> QIcon:
    return QIcon(_SvgIconEngine(_svg_source("app"), APP_ICON_SIZES))
