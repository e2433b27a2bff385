"""A small, quiet chart of mood and confidence per week, drawn with QPainter.

QPainter rather than Qt Charts: two short lines need no extra module, and
drawing with the palette's own roles follows light and dark by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from pathfinder.services.journal_browse import MoodPoint


class MoodChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[MoodPoint] = []
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Mood and confidence by week")

    def sizeHint(self) -> QSize:
        return QSize(260, 72)

    def set_points(self, points: list[MoodPoint]) -> None:
        self.points = points
        moods = [p.mood for p in points if p.mood is not None]
        confidences = [p.confidence for p in points if p.confidence is not None]
        if moods or confidences:
            parts = []
            if moods:
                parts.append(f"mood lately {moods[-1]:.1f} of 5")
            if confidences:
                parts.append(f"confidence {confidences[-1]:.1f} of 5")
            self.setAccessibleDescription(", ".join(parts))
        else:
            self.setAccessibleDescription("No mood or confidence recorded yet")
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        area = self.rect().adjusted(4, 6, -4, -6)
        faint = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(QPen(faint, 1, Qt.PenStyle.DotLine))
        for level in (1, 3, 5):
            y = area.bottom() - (level - 1) / 4 * area.height()
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        if len(self.points) < 2:
            return
        step = area.width() / (len(self.points) - 1)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for attribute, style in (
            ("confidence", Qt.PenStyle.DashLine),
            ("mood", Qt.PenStyle.SolidLine),
        ):
            painter.setPen(QPen(highlight, 2, style))
            previous: QPointF | None = None
            for index, point in enumerate(self.points):
                value = getattr(point, attribute)
                if value is None:
                    continue
                here = QPointF(
                    area.left() + index * step, area.bottom() - (value - 1) / 4 * area.height()
                )
                if previous is not None:
                    painter.drawLine(previous, here)
                else:
                    painter.drawEllipse(here, 1.5, 1.5)
                previous = here
