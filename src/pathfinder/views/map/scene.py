"""The map's picture: a `Layout` turned into bands, lines, circles and names.

Plain items only (no Python painting), each made in one call
(`addEllipse(rect, pen, brush)` and the like), so 2,000 people draw quickly.
Names keep their size on screen; they are placed again at each zoom where they
don't overlap (`labels.visible_labels`), and a name's item is only made the
first time it is shown. Colours come from the palette, except the fixed
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
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from pathfinder.services.network_layout import (
    YOU_RADIUS,
    Layout,
    PlacedNode,
)
from pathfinder.views.map.labels import LabelBox, box_offset, visible_labels

MARGIN = 60.0  # scene units around the outermost circle


def _alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def _mix(colour: QColor, base: QColor, share: float) -> QColor:
    """`colour` as if laid at `share` opacity on `base`, but opaque: Qt draws opaque
    lines several times faster, and crossing lines don't darken into a blot."""
    return QColor.fromRgbF(
        colour.redF() * share + base.redF() * (1 - share),
        colour.greenF() * share + base.greenF() * (1 - share),
        colour.blueF() * share + base.blueF() * (1 - share),
    )


def _cosmetic(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)  # the same width in pixels at every zoom
    return pen


class MapScene(QGraphicsScene):
    """The drawn map, with a way back from a point to the circle there.

    Items go in drawing order (bands, lines, circles, the choice ring, names), so
    none needs a z-value of its own.
    """

    def __init__(self, layout: Layout, palette: QPalette, font: QFont) -> None:
        super().__init__()
        self._build(layout, palette, font)

    def _build(self, layout: Layout, palette: QPalette, font: QFont) -> None:
        self.layout = layout
        self.nodes: dict[str, PlacedNode] = {node.key: node for node in layout.nodes}
        text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        self._base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
        self.setBackgroundBrush(self._base)
        self._backdrop = QBrush(_alpha(palette.color(QPalette.ColorRole.Base), 225))
        reach = layout.extent + MARGIN
        self.setSceneRect(QRectF(-reach, -reach, 2 * reach, 2 * reach))
        self._widest = {
            ring.level: max(n.radius for n in layout.nodes if n.level == ring.level)
            for ring in layout.rings
        }
        self._add_rings(text)
        self._add_edges(text)
        self.circles = self._add_nodes(palette, text)
        self.selection_mark = self.addEllipse(
            QRectF(), _cosmetic(palette.color(QPalette.ColorRole.Highlight), 3)
        )
        self.selection_mark.hide()
        self._plan_labels(text, font)

    # -- building ------------------------------------------------------------

    def _add_rings(self, text: QColor) -> None:
        brush = QBrush(_mix(text, self._base, 0.055))
        for ring in self.layout.rings:
            widest = self._widest[ring.level]
            inner, outer = ring.inner - widest - 8, ring.outer + widest + 8
            path = QPainterPath()
            path.addEllipse(QPointF(0, 0), outer, outer)
            path.addEllipse(QPointF(0, 0), inner, inner)  # odd-even fill: a band
            self.addPath(path, QPen(Qt.PenStyle.NoPen), brush)

    def _add_edges(self, text: QColor) -> None:
        # Many lines (organisations grouped) are drawn fainter, so they don't hide the rest.
        share = min(0.43, max(0.11, 0.43 * math.sqrt(150 / max(len(self.layout.edges), 1))))
        colour = _mix(text, self._base, share)
        pens: dict[int, QPen] = {}
        for edge in self.layout.edges:
            pen = pens.get(edge.count) or pens.setdefault(
                edge.count, _cosmetic(colour, 1.2 + math.log2(edge.count))
            )
            self.addLine(edge.x1, edge.y1, edge.x2, edge.y2, pen)

    def _add_nodes(self, palette: QPalette, text: QColor) -> dict[str, QGraphicsEllipseItem]:
        outline = _cosmetic(_mix(text, self._base, 0.43), 1.0)
        group_outline = _cosmetic(_mix(text, self._base, 0.67), 2.0)
        brushes: dict[str, QBrush] = {}
        circles = {}
        for node in self.layout.nodes:
            r = node.radius
            if node.kind == "you":
                pen = QPen(Qt.PenStyle.NoPen)
                brush = QBrush(palette.color(QPalette.ColorRole.Highlight))
            else:
                pen = group_outline if node.kind == "group" else outline
                brush = brushes.get(node.colour) or brushes.setdefault(
                    node.colour, QBrush(QColor(node.colour))
                )
            circles[node.key] = self.addEllipse(node.x - r, node.y - r, 2 * r, 2 * r, pen, brush)
        return circles

    def _plan_labels(self, text: QColor, font: QFont) -> None:
        """Every name's places, in order of importance: the rings', yours, the larger
        organisations', then people (nearest ring first, most in touch first), then
        the organisations of one person."""
        ring_font = QFont(font)
        ring_font.setBold(True)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        organisation_font = QFont(small)
        organisation_font.setItalic(True)
        muted = QBrush(_alpha(text, 150))
        plain = QBrush(text)
        # (rank, words, places as (x, y, direction), font, brush)
        entries: list[
            tuple[tuple[object, ...], str, list[tuple[float, float, float]], QFont, QBrush]
        ]
        entries = []
        rings = []
        below = YOU_RADIUS
        for ring in self.layout.rings:
            # Centred in the gap inside the ring's band, on a backdrop (see show_labels_for).
            above = ring.inner - self._widest[ring.level] - 8
            rings.append(((0, ring.level), ring.label, [(0.0, -(above + below) / 2, math.nan)]))
            below = ring.outer + self._widest[ring.level] + 8
        entries += [(*ring, ring_font, muted) for ring in rings]
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
                places.append(
                    (
                        node.x + node.radius * cos / norm,
                        node.y + node.radius * sin / norm,
                        direction,
                    )
                )
            entries.append((rank, node.label, places, small, plain))
        for cluster in self.layout.clusters:
            rank = (2, -cluster.people, cluster.level) if cluster.people > 1 else (4, cluster.level)
            inwards = [(cluster.x, cluster.y, cluster.angle + math.pi)]  # away from the people
            entries.append(
                ((*rank, cluster.text.casefold()), cluster.text, inwards, organisation_font, muted)
            )
        entries.sort(key=lambda entry: entry[0])
        metrics = {id(f): QFontMetricsF(f) for f in (ring_font, small, organisation_font)}
        self._words: list[tuple[str, QFont, QBrush]] = []
        self._boxes: list[LabelBox] = []
        for _rank, words, places, label_font, brush in entries:
            measure = metrics[id(label_font)]
            width, height = measure.horizontalAdvance(words), measure.height()
            boxes = tuple(
                (x, y, -width / 2, -height / 2)
                if math.isnan(direction)
                else (x, y, *box_offset(direction, width, height))
                for x, y, direction in places
            )
            self._words.append((words, label_font, brush))
            self._boxes.append(LabelBox(boxes, width, height, always=_rank[0] == 0))
        self._label_items: dict[int, QGraphicsSimpleTextItem] = {}
        self._places = [-1] * len(self._boxes)  # which place each name has (-1: hidden)
        self._shown_at: float | None = None

    # -- at a zoom -----------------------------------------------------------

    def show_labels_for(self, scale: float) -> None:
        """Show the names that fit at this zoom without overlapping."""
        if self._shown_at == scale:
            return
        self._shown_at = scale
        circles = [(node.x, node.y, node.radius) for node in self.layout.nodes]
        chosen = visible_labels(self._boxes, circles, scale)
        self._move_labels(chosen)

    def _move_labels(self, chosen: list[int]) -> None:
        for number, place in enumerate(chosen):
            if place == self._places[number]:
                continue
            self._places[number] = place
            item = self._label_items.get(number)
            if place < 0:
                if item is not None:
                    item.hide()
                continue
            if item is None:
                words, label_font, brush = self._words[number]
                if self._boxes[number].always:
                    self._add_backdrop(self._boxes[number])
                item = self.addSimpleText(words, label_font)
                item.setBrush(brush)
                # The name keeps its size on screen; its offset still applies, in pixels.
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                self._label_items[number] = item
            else:
                item.show()
            x, y, dx, dy = self._boxes[number].places[place]
            item.setPos(x, y)
            item.setTransform(QTransform.fromTranslate(dx, dy))

    def _add_backdrop(self, box: LabelBox) -> None:
        """A rounded patch of the base colour behind a name shown over the circles."""
        x, y, dx, dy = box.places[0]
        path = QPainterPath()
        path.addRoundedRect(
            QRectF(dx - 6, dy - 1, box.width + 12, box.height + 2), box.height / 2, box.height / 2
        )
        backdrop = self.addPath(path, QPen(Qt.PenStyle.NoPen), self._backdrop)
        backdrop.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        backdrop.setPos(x, y)

    @property
    def label_boxes(self) -> list[LabelBox]:
        """Every name's box and places, in order of importance."""
        return list(self._boxes)

    def visible_label_texts(self) -> list[str]:
        return [
            self._words[number][0]
            for number, place in enumerate(self._places)
            if place >= 0 and number in self._label_items
        ]

    def node_at(self, x: float, y: float, reach: float) -> PlacedNode | None:
        """The circle at scene point (x, y), or the nearest one within `reach`."""
        best: tuple[float, str] | None = None
        for node in self.layout.nodes:
            if abs(node.x - x) > node.radius + reach or abs(node.y - y) > node.radius + reach:
                continue
            distance = math.hypot(node.x - x, node.y - y) - node.radius
            if distance <= reach and (best is None or (distance, node.key) < best):
                best = (distance, node.key)
        return self.nodes[best[1]] if best else None

    def mark(self, key: str | None) -> None:
        """Ring the chosen circle (or none)."""
        node = self.nodes.get(key) if key else None
        if node is None:
            self.selection_mark.hide()
            return
        r = node.radius + 4
        self.selection_mark.setRect(node.x - r, node.y - r, 2 * r, 2 * r)
        self.selection_mark.show()
