"""The map's view: zoom (wheel, keys, buttons), pan (drag), a name on hover, and a
click (or Enter) that opens a person.

Small circles are easy to miss, so a click or a hover finds the nearest circle
within a few pixels. The arrow keys step through the circles in ring order.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView, QToolTip, QWidget

from pathfinder.services.contact_fields import LEVEL_LABELS
from pathfinder.services.network_layout import COLOUR_BY, PlacedNode
from pathfinder.views.formatting import relative_time
from pathfinder.views.map.scene import MapScene

MAX_SCALE = 4.0
LARGEST_FIT = 1.5  # a map of three people isn't blown up to fill the screen
STEP = 1.25  # one press of + or the button
GROUP_ZOOM = 2.0  # a click on an organisation's circle
NAME_ROOM_X, NAME_ROOM_Y = 130, 24  # pixels kept around the map when it is fitted
REACH = 6  # pixels around the pointer in which a circle counts as hit
LABELS_AFTER_MS = 80  # names are placed again once zooming pauses


def describe(node: PlacedNode, colour_by: str, now: datetime) -> str:
    """What hovering over a circle says: who, where, and when you were last in touch."""
    if node.kind == "you":
        return "You, at the centre of your network"
    labels = COLOUR_BY[colour_by][1]
    if node.last_contact_on is None:
        touch = "Nothing logged yet"
    else:
        times = f"{node.interactions} time{'s' if node.interactions != 1 else ''}"
        touch = f"In touch {times}, most recently {relative_time(node.last_contact_on, now)}"
    ring = LEVEL_LABELS.get(node.level, "")
    if node.kind == "group":
        where = node.organisation or "No organisation"
        return "\n".join(
            (
                f"{where}: {node.people} people ({ring})",
                f"Mostly {labels.get(node.category, node.category).lower()}",
                touch,
                "Narrow the filters to see each person.",
            )
        )
    return "\n".join(
        (
            node.label,
            f"{node.organisation or 'No organisation'} · {ring}",
            f"{labels.get(node.category, node.category)} · {touch}",
        )
    )


class MapView(QGraphicsView):
    person_activated = Signal(int)

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Nothing moves by itself: repaint what changed, and the whole view on a zoom.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Map of your network")
        self.setAccessibleDescription(
            "Arrow keys choose a person, Enter opens them; plus and minus zoom, 0 fits."
        )
        self._press: QPoint | None = None
        self._pointing = False  # the pointer is over a person (a pointing hand)
        self._chosen: str | None = None
        self._fitted = True  # the map follows the view's size until the user zooms
        self._labels_timer = QTimer(self)
        self._labels_timer.setSingleShot(True)
        self._labels_timer.setInterval(LABELS_AFTER_MS)
        self._labels_timer.timeout.connect(self.place_labels)

    def map_scene(self) -> MapScene | None:
        scene = self.scene()
        return scene if isinstance(scene, MapScene) else None

    def set_map(self, scene: MapScene, keep_view: bool) -> None:
        """Show a new picture; `keep_view` keeps the zoom and the centre (same people)."""
        transform = self.transform()
        centre = self.mapToScene(self.viewport().rect().center())
        previous = self.scene()
        self.setScene(scene)
        if previous is not None:
            previous.deleteLater()
        if keep_view and not self._fitted:
            self.setTransform(transform)
            self.centerOn(centre)
        else:
            self.fit()
        if self._chosen not in scene.nodes:
            self._chosen = None
        scene.mark(self._chosen)
        self.place_labels()

    # -- zoom ----------------------------------------------------------------

    def zoom(self) -> float:
        return float(self.transform().m11())

    def fit_scale(self) -> float:
        scene = self.map_scene()
        if scene is None:
            return 1.0
        rect = scene.sceneRect()
        view = self.viewport().rect()
        # Room for the names beyond the outermost circles, which keep their size.
        width, height = (
            max(view.width() - 2 * NAME_ROOM_X, 50),
            max(view.height() - 2 * NAME_ROOM_Y, 50),
        )
        return min(width / rect.width(), height / rect.height(), LARGEST_FIT)

    def fit(self) -> None:
        """The whole map in view."""
        scene = self.map_scene()
        if scene is None:
            return
        scale = max(self.fit_scale(), 0.01)
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(scene.sceneRect().center())
        self._fitted = True
        self.place_labels()

    def zoom_by(self, factor: float, under_mouse: bool = False) -> None:
        current = self.zoom()
        lowest = min(self.fit_scale() * 0.5, 1.0)
        wanted = min(max(current * factor, lowest), MAX_SCALE)
        if math.isclose(wanted, current):
            return
        if not under_mouse:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(wanted / current, wanted / current)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._fitted = False
        self._labels_timer.start()

    def place_labels(self) -> None:
        self._labels_timer.stop()
        scene = self.map_scene()
        if scene is not None:
            scene.show_labels_for(self.zoom())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if not delta:
            super().wheelEvent(event)
            return
        self.zoom_by(2 ** (delta / 480), under_mouse=True)  # a notch is about 19 %
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    # -- choosing ------------------------------------------------------------

    def node_at(self, point: QPoint) -> PlacedNode | None:
        """The circle under `point` (in the viewport), or the nearest one a few pixels off."""
        scene = self.map_scene()
        if scene is None:
            return None
        spot = self.mapToScene(point)
        return scene.node_at(spot.x(), spot.y(), REACH / max(self.zoom(), 1e-6))

    def choose(self, key: str | None) -> None:
        scene = self.map_scene()
        self._chosen = key
        if scene is not None:
            scene.mark(key)

    def chosen(self) -> PlacedNode | None:
        scene = self.map_scene()
        return scene.nodes.get(self._chosen) if scene and self._chosen else None

    def activate(self, node: PlacedNode) -> None:
        """Open a person; an organisation's circle zooms in on its people's place."""
        self.choose(node.key)
        if node.person_id is not None:
            self.person_activated.emit(node.person_id)
        elif node.kind == "group":
            self.centerOn(node.x, node.y)
            self.zoom_by(GROUP_ZOOM)

    def step(self, offset: int) -> None:
        """Choose the next (or previous) circle, in ring order, and say who it is."""
        scene = self.map_scene()
        if scene is None:
            return
        keys = [node.key for node in scene.layout.nodes if node.kind != "you"]
        if not keys:
            return
        index = keys.index(self._chosen) if self._chosen in keys else (-1 if offset > 0 else 0)
        node = scene.nodes[keys[(index + offset) % len(keys)]]
        self.choose(node.key)
        self.ensureVisible(scene.circles[node.key], 40, 40)
        spot = self.mapFromScene(node.x, node.y)
        QToolTip.showText(
            self.viewport().mapToGlobal(spot),
            describe(node, scene.layout.colour_by, self._clock()),
            self.viewport(),
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        node = self.node_at(event.position().toPoint())
        pointing = node is not None and node.person_id is not None
        if pointing != self._pointing:  # only on a change: each call has a cost
            self._pointing = pointing
            self.viewport().setCursor(
                Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.OpenHandCursor
            )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        point = event.position().toPoint()
        if (point - press).manhattanLength() >= QApplication.startDragDistance():
            return  # that was a drag
        node = self.node_at(point)
        if node is not None:
            self.activate(node)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            node = self.chosen()
            if node is not None:
                self.activate(node)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            scene = self.map_scene()
            node = self.node_at(event.pos())
            if node is None or scene is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(
                    event.globalPos(),
                    describe(node, scene.layout.colour_by, self._clock()),
                    self.viewport(),
                )
            return True
        return super().viewportEvent(event)
