"""Where each person on the network map sits, as plain data (no Qt).

`layout()` places the people of a `NetworkMap` with no screen and no randomness,
so the same data always gives the same picture: the user at (0, 0), one ring per
level (inner circle nearest), and on each ring the people grouped by
organisation. Above `collapse_above` people, each organisation on a ring becomes
one node with a count.

The colours are Paul Tol's colour-blind-safe qualitative sets ("muted", with
"bright" blue and green and "light" orange in place of the darkest ones): all
of middle lightness, so each keeps its contrast on a white and on a near-black
base. The view outlines every node in the palette's text colour as well.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

from pathfinder.services.contact_fields import LEVEL_LABELS, RELATIONSHIP_LABELS, SOURCE_LABELS
from pathfinder.services.network_map import MapPerson, NetworkMap
from pathfinder.store.models import RELATIONSHIPS, SOURCES

COLLAPSE_ABOVE = 2000
SOURCE_COLOURS = {
    "former_coworker": "#4477AA",
    "current_coworker": "#88CCEE",
    "collaborator": "#228833",
    "professor": "#DDCC77",
    "classmate": "#CC6677",
    "friend_family": "#AA4499",
    "association": "#44AA99",
    "event": "#EE8866",
    "online": "#999933",
    "introduction": "#882255",
    "other": "#BBBBBB",
}
RELATIONSHIP_COLOURS = {
    "mentor": "#4477AA",
    "peer": "#44AA99",
    "hiring_manager": "#CC6677",
    "recruiter": "#DDCC77",
    "other": "#BBBBBB",
}
COLOUR_BY = {
    "source": (SOURCES, SOURCE_LABELS, SOURCE_COLOURS),
    "relationship": (RELATIONSHIPS, RELATIONSHIP_LABELS, RELATIONSHIP_COLOURS),
}

# Distances in scene units (a pixel at 100 %).
YOU_RADIUS = 18.0
RING_STARTS = (120.0, 240.0, 360.0)  # the smallest radius of each level's ring
NODE_GAP = 10.0  # between two nodes side by side
CLUSTER_GAP = 26.0  # at least this much between two organisations on a ring
WEDGE_SPARE = 120.0  # at most this much more, from the room a ring has to spare
BAND_GAP = 70.0  # between a ring's outermost track and the next ring
LABEL_GAP = 6.0  # between a cluster and its organisation's name (on its inner side)


@dataclass(frozen=True)
class PlacedNode:
    """One circle: the user ("you"), a person, or an organisation's people on a ring
    ("group")."""

    key: str  # "you", "person:<id>" or "group:<level>:<organisation id or ->"
    kind: str
    x: float
    y: float
    radius: float
    label: str
    category: str  # the person's source or relationship; a group's most common one
    colour: str  # "#rrggbb"; "" for the user
    level: int  # 0 for the user
    person_id: int | None
    organisation: str
    people: int  # 1 for a person
    interactions: int  # a group's are added up
    last_contact_on: date | None  # a group's newest
    angle: float  # radians, the direction from the centre (labels go outwards)


@dataclass(frozen=True)
class PlacedEdge:
    source: str  # node keys: from the introducer to whom they introduced
    target: str
    x1: float
    y1: float
    x2: float
    y2: float
    count: int  # introductions drawn as this line (more than one between groups)


@dataclass(frozen=True)
class Ring:
    level: int
    label: str
    inner: float  # the radius of its first track of nodes
    outer: float  # of its last


@dataclass(frozen=True)
class ClusterLabel:
    text: str
    x: float
    y: float
    angle: float
    level: int
    people: int


@dataclass(frozen=True)
class LegendEntry:
    category: str
    label: str
    colour: str
    count: int


@dataclass(frozen=True)
class Layout:
    nodes: tuple[PlacedNode, ...]  # the user first, then ring by ring, in ring order
    edges: tuple[PlacedEdge, ...]
    rings: tuple[Ring, ...]
    clusters: tuple[ClusterLabel, ...]
    legend: tuple[LegendEntry, ...]
    colour_by: str
    collapsed: bool
    people: int
    introductions: int
    extent: float  # the radius that holds every node


def person_radius(interactions: int) -> float:
    return min(4.0 + 3.0 * math.sqrt(interactions), 16.0)


def group_radius(people: int) -> float:
    return min(8.0 + 2.0 * math.sqrt(people), 40.0)


@dataclass
class _Slot:
    """A node before it is placed."""

    key: str
    radius: float
    people: list[MapPerson]


def _name_key(person: MapPerson) -> tuple[str, int]:
    return (person.name.casefold(), person.id)


def _clusters(people: list[MapPerson]) -> list[tuple[str, list[MapPerson]]]:
    """People grouped by organisation (ordered by name), each group ordered by name;
    people with no organisation last."""
    grouped: dict[int | None, list[MapPerson]] = {}
    for person in people:
        grouped.setdefault(person.organisation_id, []).append(person)
    order = sorted(
        (key for key in grouped if key is not None),
        key=lambda key: (grouped[key][0].organisation.casefold(), key),
    )
    result = [(grouped[key][0].organisation, sorted(grouped[key], key=_name_key)) for key in order]
    if None in grouped:
        result.append(("No organisation", sorted(grouped[None], key=_name_key)))
    return result


def _columns(sizes: list[int], tracks: int) -> tuple[list[list[tuple[int, int]]], list[bool]]:
    """Lay a ring's clusters (their sizes, in order) into columns of `tracks` cells.

    Returns each column's (track, slot number) cells, and whether a column starts a
    new wedge. An organisation with at least `tracks` people gets a wedge of its
    own; smaller ones share columns, one empty cell apart.
    """
    columns: list[list[tuple[int, int]]] = []
    wedges: list[bool] = []
    fill = tracks
    number = 0
    wedge_ends = True
    for size in sizes:
        big = size >= tracks
        if big or wedge_ends:
            fill = tracks
        elif 0 < fill < tracks:
            fill += 1
        new_wedge = big or wedge_ends
        for _slot in range(size):
            if fill >= tracks:
                columns.append([])
                wedges.append(new_wedge)
                new_wedge = False
                fill = 0
            columns[-1].append((fill, number))
            fill += 1
            number += 1
        wedge_ends = big
    return columns, wedges


def _width(columns: list[list[tuple[int, int]]], wedges: list[bool], radii: list[float]) -> float:
    spans = sum(2 * max(radii[n] for _track, n in column) + NODE_GAP for column in columns)
    return spans + CLUSTER_GAP * sum(wedges)


def _place_band(
    clusters: list[list[_Slot]], least: float
) -> tuple[list[tuple[float, float, float]], list[tuple[float, float]], float, float]:
    """Place one ring's clusters around a circle of radius `least` or more, and outwards.

    A crowded ring gets more tracks, or a larger circle: whichever keeps its
    outermost track nearest the centre. Room to spare is shared equally between
    the wedges. Returns each slot's (x, y, angle) in order, each cluster's
    (angle, radius) for its name (on its side facing the centre), and the radii
    of the first and last track.
    """
    sizes = [len(cluster) for cluster in clusters]
    radii = [slot.radius for cluster in clusters for slot in cluster]
    pitch = 2 * max(radii) + NODE_GAP
    best: tuple[float, int, list[list[tuple[int, int]]], list[bool], float] | None = None
    tracks = 1
    # A track more moves the outermost one a pitch outwards: stop once that alone
    # would reach beyond the best so far.
    while tracks <= len(radii) and (best is None or least + (tracks - 1) * pitch < best[0]):
        columns, wedges = _columns(sizes, tracks)
        needed = _width(columns, wedges, radii)
        outer = max(least, needed / (2 * math.pi)) + (tracks - 1) * pitch
        if best is None or outer < best[0]:
            best = (outer, tracks, columns, wedges, needed)
        tracks += 1
    assert best is not None
    _outer, tracks, columns, wedges, needed = best
    start = max(least, needed / (2 * math.pi))
    # Room to spare widens the gaps between wedges (up to a limit, so that one wedge
    # doesn't leave a hole), and what is left spreads the columns.
    spare = 2 * math.pi * start - needed
    gap = CLUSTER_GAP + min(spare / sum(wedges), WEDGE_SPARE)
    spread = (spare - (gap - CLUSTER_GAP) * sum(wedges)) / len(columns)
    placed: list[tuple[float, float, float]] = [(0.0, 0.0, 0.0)] * len(radii)
    angle = -math.pi / 2 - gap / start / 2  # the first wedge starts at the top, clockwise
    for column, wedge in zip(columns, wedges, strict=True):
        if wedge:
            angle += gap / start
        span = (2 * max(radii[n] for _track, n in column) + NODE_GAP + spread) / start
        middle = angle + span / 2
        angle += span
        for track, number in column:
            radius = start + track * pitch
            placed[number] = (radius * math.cos(middle), radius * math.sin(middle), middle)
    names = []
    first = 0
    for size in sizes:
        members = placed[first : first + size]
        angles = [angle for _x, _y, angle in members]
        edge = min(math.hypot(x, y) - radii[first + i] for i, (x, y, _a) in enumerate(members))
        names.append(((min(angles) + max(angles)) / 2, edge - LABEL_GAP))
        first += size
    return placed, names, start, start + (tracks - 1) * pitch


def _group_slots(level: int, people: list[MapPerson]) -> list[_Slot]:
    """One slot per organisation on the ring (a group of one stays a person)."""
    slots = []
    for _name, members in _clusters(people):
        if len(members) == 1:
            slots.append(
                _Slot(f"person:{members[0].id}", person_radius(members[0].interactions), members)
            )
        else:
            organisation = members[0].organisation_id
            key = f"group:{level}:{'-' if organisation is None else organisation}"
            slots.append(_Slot(key, group_radius(len(members)), members))
    return slots


def _category(people: list[MapPerson], colour_by: str) -> str:
    order = COLOUR_BY[colour_by][0]
    counts = Counter(getattr(person, colour_by) for person in people)
    return min(
        counts,
        key=lambda value: (-counts[value], order.index(value) if value in order else len(order)),
    )


def _node(slot: _Slot, level: int, x: float, y: float, angle: float, colour_by: str) -> PlacedNode:
    members = slot.people
    one = members[0]
    category = _category(members, colour_by)
    colours = COLOUR_BY[colour_by][2]
    is_group = slot.key.startswith("group:")
    dates = [p.last_contact_on for p in members if p.last_contact_on is not None]
    return PlacedNode(
        key=slot.key,
        kind="group" if is_group else "person",
        x=x,
        y=y,
        radius=slot.radius,
        label=f"{one.organisation or 'No organisation'} ({len(members)})" if is_group else one.name,
        category=category,
        colour=colours.get(category, colours["other"]),
        level=level,
        person_id=None if is_group else one.id,
        organisation=one.organisation,
        people=len(members),
        interactions=sum(p.interactions for p in members),
        last_contact_on=max(dates) if dates else None,
        angle=angle,
    )


def layout(
    network: NetworkMap, collapse_above: int = COLLAPSE_ABOVE, colour_by: str = "source"
) -> Layout:
    """Where everyone goes. The same network always gives the same layout."""
    order, labels, colours = COLOUR_BY[colour_by]
    collapsed = len(network.people) > collapse_above
    by_level: dict[int, list[MapPerson]] = {}
    for person in network.people:
        by_level.setdefault(person.level, []).append(person)
    nodes = [
        PlacedNode("you", "you", 0.0, 0.0, YOU_RADIUS, "You", "", "", 0, None, "", 0, 0, None, 0.0)
    ]
    rings: list[Ring] = []
    cluster_labels: list[ClusterLabel] = []
    key_of: dict[int, str] = {}
    reach = YOU_RADIUS
    for level in sorted(by_level):
        if collapsed:
            named = [("", _group_slots(level, by_level[level]))]
        else:
            named = [
                (name, [_Slot(f"person:{p.id}", person_radius(p.interactions), [p]) for p in group])
                for name, group in _clusters(by_level[level])
            ]
        clusters = [slots for _name, slots in named]
        largest = max(slot.radius for slots in clusters for slot in slots)
        least = max(RING_STARTS[min(level, 3) - 1], reach + BAND_GAP + largest)
        placed, name_places, inner, outer = _place_band(clusters, least)
        slots = [slot for cluster in clusters for slot in cluster]
        for slot, (x, y, angle) in zip(slots, placed, strict=True):
            nodes.append(_node(slot, level, x, y, angle, colour_by))
            for person in slot.people:
                key_of[person.id] = slot.key
        if not collapsed:
            for (name, slots_named), (angle, radius) in zip(named, name_places, strict=True):
                if slots_named[0].people[0].organisation_id is None:
                    continue  # the people with no organisation go unnamed
                cluster_labels.append(
                    ClusterLabel(
                        name,
                        radius * math.cos(angle),
                        radius * math.sin(angle),
                        angle,
                        level,
                        len(slots_named),
                    )
                )
        rings.append(Ring(level, LEVEL_LABELS.get(level, f"Level {level}"), inner, outer))
        reach = outer + largest
    positions = {node.key: node for node in nodes}
    lines: Counter[tuple[str, str]] = Counter()
    for introduction in network.introductions:
        pair = (key_of[introduction.introducer_id], key_of[introduction.person_id])
        if pair[0] != pair[1]:
            lines[pair] += 1
    edges = tuple(
        PlacedEdge(a, b, positions[a].x, positions[a].y, positions[b].x, positions[b].y, count)
        for (a, b), count in sorted(lines.items())
    )
    counts = Counter(getattr(person, colour_by) for person in network.people)
    legend = tuple(
        LegendEntry(
            value, labels.get(value, value), colours.get(value, colours["other"]), counts[value]
        )
        for value in [*order, *sorted(set(counts) - set(order))]
        if counts[value]
    )
    return Layout(
        nodes=tuple(nodes),
        edges=edges,
        rings=tuple(rings),
        clusters=tuple(cluster_labels),
        legend=legend,
        colour_by=colour_by,
        collapsed=collapsed,
        people=len(network.people),
        introductions=len(network.introductions),
        extent=reach,
    )
