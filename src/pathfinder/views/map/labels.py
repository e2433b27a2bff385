"""Which names the map can show at a zoom without two of them overlapping.

Names keep their size on screen (they ignore the view's scale) while the
circles grow and shrink, so at each zoom the names are placed again: in order
of importance, each at the first of its places (beyond its circle, then below,
above, right, left) where it covers no name already placed and no circle.
Zooming in makes room, and more names appear.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

CELL = 64.0  # pixels: the size of the grid that finds neighbours quickly
LABEL_PAD = 3.0  # pixels kept clear around a name
SMALLEST_OBSTACLE = 1.5  # pixels: the least room kept for a circle, however small


# A place for a name: a scene point, and the box's corner in pixels from that point.
Place = tuple[float, float, float, float]


@dataclass(frozen=True)
class LabelBox:
    """A name's size in pixels and the places it may go, best first."""

    places: tuple[Place, ...]
    width: float
    height: float
    always: bool = False  # shown at its first place whatever it covers (a ring's name)


def box_offset(angle: float, width: float, height: float, gap: float = 4.0) -> tuple[float, float]:
    """Where a name's box goes, relative to its anchor, to lie beyond it in direction
    `angle`: to the right of a point on the right, above one at the top, and so on."""
    cos, sin = math.cos(angle), math.sin(angle)
    norm = max(abs(cos), abs(sin)) or 1.0
    return (
        cos / norm * (width / 2 + gap) - width / 2,
        sin / norm * (height / 2 + gap / 2) - height / 2,
    )


Rect = tuple[float, float, float, float]  # left, top, right, bottom


def _cells(rect: Rect) -> list[tuple[int, int]]:
    left, top, right, bottom = rect
    return [
        (column, row)
        for column in range(math.floor(left / CELL), math.floor(right / CELL) + 1)
        for row in range(math.floor(top / CELL), math.floor(bottom / CELL) + 1)
    ]


def _clashes(
    rect: Rect, grid: dict[tuple[int, int], list[Rect]], cells: list[tuple[int, int]]
) -> bool:
    left, top, right, bottom = rect
    for cell in cells:
        for other in grid.get(cell, ()):
            if left < other[2] and other[0] < right and top < other[3] and other[1] < bottom:
                return True
    return False


def visible_labels(
    labels: list[LabelBox], circles: list[tuple[float, float, float]], scale: float
) -> list[int]:
    """For each name, in order of importance, which of its places it takes at `scale`
    (-1: none, it stays hidden).

    `circles` are (x, y, radius) in scene units; no name covers one (names are
    placed a few pixels off their own circle), and names keep `LABEL_PAD` pixels
    apart."""
    taken: dict[tuple[int, int], list[Rect]] = {}
    for x, y, radius in circles:
        size = max(radius * scale, SMALLEST_OBSTACLE)  # a dot still deserves to be seen
        # A pixel around: text that touches a circle reads as crossing it.
        reach = size + 1
        rect = (x * scale - reach, y * scale - reach, x * scale + reach, y * scale + reach)
        for cell in _cells(rect):
            taken.setdefault(cell, []).append(rect)
    names: dict[tuple[int, int], list[Rect]] = {}
    chosen = []
    for label in labels:
        choice = -1
        for number, (x, y, dx, dy) in enumerate(label.places):
            left, top = x * scale + dx, y * scale + dy
            rect = (left, top, left + label.width, top + label.height)
            padded = (left - LABEL_PAD, top - LABEL_PAD, rect[2] + LABEL_PAD, rect[3] + LABEL_PAD)
            cells = _cells(padded)
            if not label.always and (
                _clashes(rect, taken, _cells(rect)) or _clashes(padded, names, cells)
            ):
                continue
            for cell in cells:
                names.setdefault(cell, []).append(padded)
            choice = number
            break
        chosen.append(choice)
    return chosen
