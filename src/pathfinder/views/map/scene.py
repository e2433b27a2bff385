"""The map's picture: a `Layout` turned into circles, lines and names on a scene.

Plain items only (no Python painting), so 2,000 people draw quickly: a band per
ring, a line per introduction, a circle per person or organisation, and names
that keep their size on screen and are shown only where they don't overlap
(`labels.visible_labels`). Colours come from the palette, except the fixed
category colours the layout chose.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPalette,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from pathfinder.services.network_map import Layout, PlacedNode
from pathfinder.views.map.labels import LabelBox, box_offset, visible_labels

NODE_KEY = 0  # item data: the key of the node a circle draws
BAND_Z, EDGE_Z, NODE_Z, MARK_Z, LABEL_Z = -2, -1, 1, 2, 3


def _alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


class MapScene(QGraphicsScene):
    """The drawn map, with a way back from a circle to its node."""

    def __init__(self, layout: Layout, palette: QPalette, font: QFont) -> None:
        super().__init__()
        self.layout = layout
        self.nodes: dict[str, PlacedNode] = {node.key: node for node in layout.nodes}
        self.circles: dict[str, QGraphicsEllipseItem] = {}
        self._labels: list[QGraphicsSimpleTextItem] = []
        self._places: list[int] = []  # which place each name has (-1: hidden)
        self._boxes: list[LabelBox] = []
        self._shown_at: float | None = None
        text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        self.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        self._add_rings(text)
        self._add_edges(text)
        self._add_nodes(palette, text)
        self._add_labels(text, font)
        margin = 40.0
        reach = layout.extent + margin
        self.setSceneRect(QRectF(-reach, -reach, 2 * reach, 2 * reach))
        self.selection_mark = QGraphicsEllipseItem()
        mark_pen = QPen(palette.color(QPalette.ColorRole.Highlight), 3)
        mark_pen.setCosmetic(True)
        self.selection_mark.setPen(mark_pen)
        self.selection_mark.setZValue(MARK_Z)
        self.selection_mark.hide()
        self.addItem(self.selection_mark)

    # -- building ------------------------------------------------------------

    def _add_rings(self, text: QColor) -> None:
        brush = QBrush(_alpha(text, 14))
        for ring in self.layout.rings:
            widest = max(
                (node.radius for node in self.layout.nodes if node.level == ring.level),
                default=0.0,
            )
            inner, outer = ring.inner - widest - 8, ring.outer + widest + 8
            path = QPainterPath()
            path.addEllipse(QPointF(0, 0), outer, outer)
            path.addEllipse(QPointF(0, 0), inner, inner)  # odd-even fill: a band
            band = QGraphicsPathItem(path)
            band.setBrush(brush)
            band.setPen(Qt.PenStyle.NoPen)
            band.setZValue(BAND_Z)
            self.addItem(band)

    def _add_edges(self, text: QColor) -> None:
        colour = _alpha(text, 110)
        for edge in self.layout.edges:
            pen = QPen(colour, 1.2 + math.log2(edge.count))
            pen.setCosmetic(True)  # the same width at every zoom
            line = QGraphicsLineItem(edge.x1, edge.y1, edge.x2, edge.y2)
            line.setPen(pen)
            line.setZValue(EDGE_Z)
            self.addItem(line)

    def _add_nodes(self, palette: QPalette, text: QColor) -> None:
        outline = QPen(_alpha(text, 170), 1.0)
        outline.setCosmetic(True)
        group_outline = QPen(_alpha(text, 200), 2.0)
        group_outline.setCosmetic(True)
        for node in self.layout.nodes:
            r = node.radius
            circle = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r)
            circle.setPos(node.x, node.y)
            if node.kind == "you":
                circle.setBrush(palette.color(QPalette.ColorRole.Highlight))
                circle.setPen(Qt.PenStyle.NoPen)
            else:
                circle.setBrush(QColor(node.colour))
                circle.setPen(group_outline if node.kind == "group" else outline)
                if node.kind == "person":
                    circle.setCursor(Qt.CursorShape.PointingHandCursor)
            circle.setData(NODE_KEY, node.key)
            circle.setZValue(NODE_Z)
            self.addItem(circle)
            self.circles[node.key] = circle

    def _add_labels(self, text: QColor, font: QFont) -> None:
        """Names in order of importance: the rings', yours, the larger organisations',
        then people (nearest ring first, most talked-to first), then the rest."""
        ring_font = QFont(font)
        ring_font.setBold(True)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        organisation_font = QFont(small)
        organisation_font.setItalic(True)
        muted = _alpha(text, 150)
        # (rank, words, places as (x, y, direction), font, colour)
        entries: list[
            tuple[tuple[object, ...], str, list[tuple[float, float, float]], QFont, QColor]
        ] = []
        for ring in self.layout.rings:
            widest = max(n.radius for n in self.layout.nodes if n.level == ring.level)
            above = ring.inner - widest - 12
            entries.append(
                ((0, ring.level), ring.label, [(0.0, -above, -math.pi / 2)], ring_font, muted)
            )
        for node in self.layout.nodes:
            if node.kind == "you":
                rank: tuple[object, ...] = (1,)
                directions = [math.pi / 2]
            else:
                rank = (3, node.level, -node.interactions, node.label.casefold(), node.key)
                directions = [node.angle, math.pi / 2, -math.pi / 2, 0.0, math.pi]
            places = []
            for direction in directions:
                # Anchored on the circle's bounding square, so the name never covers it.
                cos, sin = math.cos(direction), math.sin(direction)
                norm = max(abs(cos), abs(sin)) or 1.0
                x = node.x + node.radius * cos / norm
                y = node.y + node.radius * sin / norm
                places.append((x, y, direction))
            entries.append((rank, node.label, places, small, text))
        for cluster in self.layout.clusters:
            rank = (2, -cluster.people, cluster.level) if cluster.people > 1 else (4, cluster.level)
            inwards = cluster.angle + math.pi  # towards the centre, away from the people
            entries.append(
                (
                    (*rank, cluster.text.casefold()),
                    cluster.text,
                    [(cluster.x, cluster.y, inwards)],
                    organisation_font,
                    muted,
                )
            )
        entries.sort(key=lambda entry: entry[0])
        metrics: dict[int, QFontMetricsF] = {}
        for _rank, words, places, label_font, colour in entries:
            measure = metrics.setdefault(id(label_font), QFontMetricsF(label_font))
            width, height = measure.horizontalAdvance(words), measure.height()
            boxes = tuple(
                (x, y, *box_offset(direction, width, height)) for x, y, direction in places
            )
            item = QGraphicsSimpleTextItem(words)
            item.setFont(label_font)
            item.setBrush(colour)
            # The name keeps its size on screen (its offset still applies, in pixels).
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            item.setZValue(LABEL_Z)
            item.hide()
            self.addItem(item)
            self._labels.append(item)
            self._boxes.append(LabelBox(boxes, width, height))
        self._places = [-1] * len(self._labels)

    # -- at a zoom -----------------------------------------------------------

    def show_labels_for(self, scale: float) -> None:
        """Show the names that fit at this zoom without overlapping."""
        if self._shown_at == scale:
            return
        self._shown_at = scale
        circles = [(node.x, node.y, node.radius) for node in self.layout.nodes]
        chosen = visible_labels(self._boxes, circles, scale)
        for number, (item, box, place) in enumerate(
            zip(self._labels, self._boxes, chosen, strict=True)
        ):
            if place == self._places[number]:
                continue
            self._places[number] = place
            if place < 0:
                item.hide()
                continue
            x, y, dx, dy = box.places[place]
            item.setPos(x, y)
            item.setTransform(QTransform.fromTranslate(dx, dy))
            item.show()

    def visible_label_texts(self) -> list[str]:
        return [item.text() for item in self._labels if item.isVisible()]

    def node_of(self, item: QGraphicsItem | None) -> PlacedNode | None:
        if item is None:
            return None
        key = item.data(NODE_KEY)
        return self.nodes.get(key) if isinstance(key, str) else None

    def mark(self, key: str | None) -> None:
        """Ring the chosen circle (or none)."""
        node = self.nodes.get(key) if key else None
        if node is None:
            self.selection_mark.hide()
            return
        r = node.radius + 4
        self.selection_mark.setRect(-r, -r, 2 * r, 2 * r)
        self.selection_mark.setPos(node.x, node.y)
        self.selection_mark.show()
