"""What the map's colours, sizes and lines mean: drawn on the palette's base colour,
beside the map and into a saved picture alike (shapes and text, so an SVG keeps
them as shapes and text)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pathfinder.services.network_layout import Layout

COLOUR_BY_WORDS = {"source": "How you know them", "relationship": "Relationship"}
PAD = 12.0
SWATCH = 16.0

# (what is drawn beside the words, the words, the category colour if any)
Line = tuple[str, str, str]


def legend_lines(layout: Layout) -> list[Line]:
    lines: list[Line] = [("title", f"Colour: {COLOUR_BY_WORDS[layout.colour_by].lower()}", "")]
    lines += [
        ("swatch", f"{entry.label} · {entry.count:,}", entry.colour) for entry in layout.legend
    ]
    size = (
        "Larger: more people, or in touch more"
        if layout.collapsed
        else "Larger: in touch more often"
    )
    lines += [("gap", "", ""), ("size", size, ""), ("line", "Line: who introduced whom", "")]
    if layout.collapsed:
        lines.append(("group", "Thick edge: an organisation", ""))
    return lines


def _size(lines: list[Line], font: QFont) -> QSize:
    bold = QFont(font)
    bold.setBold(True)
    plain, strong = QFontMetricsF(font), QFontMetricsF(bold)
    width = max(
        (strong if kind == "title" else plain).horizontalAdvance(words)
        + (0 if kind == "title" else SWATCH + 8)
        for kind, words, _colour in lines
    )
    height = sum(plain.height() * (0.5 if kind == "gap" else 1.35) for kind, _w, _c in lines)
    return QSize(int(width + 2 * PAD + 1), int(height + 2 * PAD + 1))


def paint_legend(
    painter: QPainter, origin: QPointF, lines: list[Line], palette: QPalette, font: QFont
) -> None:
    """Draw the legend with its top-left corner at `origin`, on the palette's base."""
    size = _size(lines, font)
    text = palette.color(QPalette.ColorRole.Text)
    outline = QColor(text)
    outline.setAlpha(140)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(origin, size.toSizeF()), palette.color(QPalette.ColorRole.Base))
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(font)
    y = origin.y() + PAD
    left = origin.x() + PAD
    for kind, words, colour in lines:
        step = metrics.height() * (0.5 if kind == "gap" else 1.35)
        middle = y + step / 2
        painter.setPen(QPen(outline, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind == "swatch":
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QPointF(left + SWATCH / 2, middle), 6, 6)
        elif kind == "size":
            painter.drawEllipse(QPointF(left + 2.5, middle + 2.5), 2.5, 2.5)
            painter.drawEllipse(QPointF(left + SWATCH - 5.5, middle), 5.5, 5.5)
        elif kind == "line":
            painter.drawLine(QPointF(left, middle + 4), QPointF(left + SWATCH, middle - 4))
        elif kind == "group":
            painter.setPen(QPen(outline, 2))
            painter.drawEllipse(QPointF(left + SWATCH / 2, middle), 6, 6)
        if words:
            painter.setFont(bold if kind == "title" else font)
            painter.setPen(text)
            x = left if kind == "title" else left + SWATCH + 8
            painter.drawText(
                QRectF(x, y, size.width(), step),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                words,
            )
        y += step
    painter.restore()


def legend_size(layout: Layout, font: QFont) -> QSize:
    return _size(legend_lines(layout), font)


class Legend(QWidget):
    """The legend beside the map."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Legend")

    def show_layout(self, layout: Layout) -> None:
        self._lines = legend_lines(layout)
        self.setAccessibleDescription("; ".join(words for _kind, words, _c in self._lines if words))
        self.updateGeometry()
        self.update()

    def texts(self) -> list[str]:
        return [words for _kind, words, _colour in self._lines if words]

    def sizeHint(self) -> QSize:
        return _size(self._lines, self.font()) if self._lines else QSize(0, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._lines:
            return
        painter = QPainter(self)
        paint_legend(painter, QPointF(0, 0), self._lines, self.palette(), self.font())
        painter.end()
