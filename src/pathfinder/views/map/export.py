"""Saving the map as a PNG or SVG picture: the whole map, its legend beside it and a
caption saying what it shows.

A picture is written under a temporary name in the same folder and renamed when
complete, so a failed save never leaves half a file under the chosen name.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QImageWriter,
    QPaintDevice,
    QPainter,
    QPalette,
)
from PySide6.QtSvg import QSvgGenerator

from pathfinder.views.map.legend import legend_lines, legend_size, paint_legend
from pathfinder.views.map.scene import MapScene

LONGEST_SIDE = 2400.0  # pixels across the map in a saved picture, at most
MARGIN = 24.0


CAPTION_FLAGS = int(
    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
)


def _caption_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.9)
    return small


def _plan(
    scene: MapScene, font: QFont, caption: str
) -> tuple[float, QRectF, QPointF, QRectF, QSize]:
    """The picture's scale, where the map, legend and caption go, and its size: the
    map on the left, the legend beside it with the caption (wrapped) under it."""
    source = scene.sceneRect()
    scale = min(LONGEST_SIDE / source.width(), 1.5)
    side = source.width() * scale
    legend = legend_size(scene.layout, font)
    column = max(legend.width(), 240)
    wrapped = QFontMetricsF(_caption_font(font)).boundingRect(
        QRectF(0, 0, column - 24, 10_000), CAPTION_FLAGS, caption
    )
    caption_area = QRectF(
        MARGIN + side + 12, MARGIN + legend.height() + 8, column - 24, wrapped.height()
    )
    width = side + column + 2 * MARGIN
    height = max(side, caption_area.bottom() - MARGIN) + 2 * MARGIN
    map_area = QRectF(MARGIN, MARGIN, side, side)
    legend_at = QPointF(MARGIN + side, MARGIN)
    return scale, map_area, legend_at, caption_area, QSize(int(width), int(height))


def _draw(
    device: QPaintDevice,
    scene: MapScene,
    palette: QPalette,
    font: QFont,
    caption: str,
    scale: float,
) -> None:
    _paint(device, scene, palette, font, caption, scale)


def _paint(
    device: QPaintDevice,
    scene: MapScene,
    palette: QPalette,
    font: QFont,
    caption: str,
    scale: float,
) -> None:
    _scale, map_area, legend_at, caption_area, size = _plan(scene, font, caption)
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError("the file could not be opened for writing")
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        painter.fillRect(
            QRectF(0, 0, size.width(), size.height()), palette.color(QPalette.ColorRole.Base)
        )
        mark = scene.selection_mark.isVisible()
        scene.selection_mark.hide()
        scene.show_labels_for(scale)  # the names that fit at the picture's scale
        scene.render(painter, map_area, scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        scene.selection_mark.setVisible(mark)
        paint_legend(painter, legend_at, legend_lines(scene.layout), palette, font)
        painter.setFont(_caption_font(font))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(caption_area, CAPTION_FLAGS, caption)
    finally:
        painter.end()


def _write(path: Path, render: Callable[[QBuffer], None]) -> None:
    """Draw into memory, then write the bytes whole beside `path`, flush them to the disk
    and rename them into place: a disk that fills up leaves the earlier picture as it was."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render(buffer)
    buffer.close()
    data = bytes(buffer.data().data())
    if not data:
        raise OSError("nothing could be drawn")
    # A short temporary name: a long chosen name must not fail for its ".part" twin.
    temporary = path.with_name(f".pathfinder-map-{os.getpid()}.part")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def save_png(
    path: Path, scene: MapScene, palette: QPalette, font: QFont, caption: str, view_scale: float
) -> None:
    """Write the map as a PNG (at twice the pixels, for sharp text); OSError if it can't."""
    scale, _map, _legend, _caption, size = _plan(scene, font, caption)

    def write(target: QBuffer) -> None:
        image = QImage(size * 2, QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise OSError("there isn't enough memory for a picture this large")
        image.setDevicePixelRatio(2)
        try:
            _draw(image, scene, palette, font, caption, scale)
        finally:
            scene.show_labels_for(view_scale)
        writer = QImageWriter(target, b"png")
        if not writer.write(image):
            raise OSError(writer.errorString().lower())

    _write(path, write)


def save_svg(
    path: Path, scene: MapScene, palette: QPalette, font: QFont, caption: str, view_scale: float
) -> None:
    """Write the map as an SVG drawing; OSError if it can't."""
    scale, _map, _legend, _caption, size = _plan(scene, font, caption)

    def write(target: QBuffer) -> None:
        generator = QSvgGenerator()
        generator.setOutputDevice(target)
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle("Your network")
        generator.setDescription(caption)
        try:
            _draw(generator, scene, palette, font, caption, scale)
        finally:
            scene.show_labels_for(view_scale)

    _write(path, write)
