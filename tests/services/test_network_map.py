"""The network map's data and layout: who is on it, where they sit, and the same
picture every time."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, datetime
from itertools import combinations

from pathfinder.paths import Paths
from pathfinder.services import interactions, network_layout, network_map, people, people_bulk
from pathfinder.services.network_layout import (
    SOURCE_COLOURS,
    Layout,
    PlacedNode,
    layout,
)
from pathfinder.services.network_map import (
    Introduction,
    MapFilter,
    MapPerson,
    NetworkMap,
    map_data,
)

ADDED = datetime(2026, 1, 5, 9, 0)
LATER = datetime(2026, 3, 1, 9, 0)


def add(name: str, **fields) -> int:
    return people.add_person(name, now=ADDED, **fields).id


def small_notebook() -> dict[str, int]:
    """Eight people on three rings; Ana introduced Ben and Cleo; one is archived."""
    coffee = interactions.kind_id("coffee")
    ids = {
        "ana": add("Ana Ruiz", level=1, source="friend_family", organisation="Sparkwell"),
        "ben": add("Ben Okafor", level=2, source="introduction", organisation="Sparkwell"),
        "cleo": add("Cleo Marsh", level=2, source="introduction", organisation="Acme Health"),
        "dev": add("Dev Patel", level=3, source="event", tags=["climate"]),
        "eve": add("Eve Long", level=3, source="online", organisation="Acme Health"),
        "fay": add("Fay Ito", level=3, source="event", target_field=True, tags=["climate"]),
        "gus": add("Gus Berg", level=1, source="classmate", relationship="mentor"),
        "old": add("Old Friend", level=1, source="classmate"),
    }
    interactions.introduce(ids["ana"], ids["ben"], on=date(2026, 1, 10))
    interactions.introduce(ids["ana"], ids["cleo"], on=date(2026, 1, 12))
    interactions.introduce(ids["old"], ids["gus"], on=date(2026, 1, 12))
    for day in (2, 9, 16, 23):
        interactions.log_interaction(ids["ana"], coffee, on=date(2026, 2, day), now=LATER)
    interactions.log_interaction(ids["ben"], coffee, on=date(2026, 2, 20), now=LATER)
    people_bulk.set_archived([ids["old"]], True)
    return ids


def by_person(placed: Layout) -> dict[int, PlacedNode]:
    return {node.person_id: node for node in placed.nodes if node.person_id is not None}


def test_the_map_holds_the_people_and_their_introductions(notebook: Paths) -> None:
    ids = small_notebook()
    network = map_data(MapFilter())

    assert network.everyone == 7  # the archived friend is not counted
    assert [person.name for person in network.people] == [
        "Ana Ruiz",
        "Ben Okafor",
        "Cleo Marsh",
        "Dev Patel",
        "Eve Long",
        "Fay Ito",
        "Gus Berg",
    ]
    ana = network.people[0]
    assert ana == MapPerson(
        ids["ana"],
        "Ana Ruiz",
        ana.organisation_id,
        "Sparkwell",
        1,
        "friend_family",
        "other",
        4,
        date(2026, 2, 23),
    )
    assert network.people[3].organisation_id is None and network.people[3].organisation == ""
    # Old Friend introduced Gus, but is archived: that line has no end to draw.
    assert network.introductions == (
        Introduction(ids["ana"], ids["ben"]),
        Introduction(ids["ana"], ids["cleo"]),
    )
    archived_too = map_data(MapFilter(include_archived=True))
    assert len(archived_too.people) == 8
    assert Introduction(ids["old"], ids["gus"]) in archived_too.introductions


def test_filters_narrow_the_map(notebook: Paths) -> None:
    ids = small_notebook()

    def names(wanted: MapFilter) -> list[str]:
        return [person.name for person in map_data(wanted).people]

    assert names(MapFilter(level=2)) == ["Ben Okafor", "Cleo Marsh"]
    assert names(MapFilter(source="event")) == ["Dev Patel", "Fay Ito"]
    assert names(MapFilter(tag="CLIMATE")) == ["Dev Patel", "Fay Ito"]
    assert names(MapFilter(tag="climate", level=3, target_field=True)) == ["Fay Ito"]
    assert names(MapFilter(tag="nobody")) == []
    # Ben is on the map without Ana, so his introduction is not.
    assert map_data(MapFilter(level=2)).introductions == ()
    assert map_data(MapFilter(level=2)).everyone == 7
    assert ids


def test_the_layout_puts_you_in_the_centre_and_the_levels_on_rings(notebook: Paths) -> None:
    ids = small_notebook()
    placed = layout(map_data(MapFilter()))
    you = placed.nodes[0]
    assert (you.key, you.x, you.y, you.label) == ("you", 0.0, 0.0, "You")
    nodes = by_person(placed)
    assert set(nodes) == set(ids.values()) - {ids["old"]}

    def distance(node: PlacedNode) -> float:
        return math.hypot(node.x, node.y)

    rings = {
        level: [distance(n) for n in nodes.values() if n.level == level] for level in (1, 2, 3)
    }
    assert max(rings[1]) < min(rings[2]) and max(rings[2]) < min(rings[3])
    assert [ring.label for ring in placed.rings] == ["Inner circle", "Knows me", "New contact"]
    # Size follows how often you were in touch; colour follows how you know them.
    assert nodes[ids["ana"]].radius > nodes[ids["ben"]].radius > nodes[ids["dev"]].radius
    assert nodes[ids["ana"]].colour == SOURCE_COLOURS["friend_family"]
    assert nodes[ids["dev"]].colour == SOURCE_COLOURS["event"]
    # Lines run from the introducer to whom they introduced.
    assert [(e.source, e.target) for e in placed.edges] == [
        (f"person:{ids['ana']}", f"person:{ids['ben']}"),
        (f"person:{ids['ana']}", f"person:{ids['cleo']}"),
    ]
    edge = placed.edges[0]
    assert (edge.x1, edge.y1) == (nodes[ids["ana"]].x, nodes[ids["ana"]].y)
    assert (edge.x2, edge.y2) == (nodes[ids["ben"]].x, nodes[ids["ben"]].y)
    assert [(entry.label, entry.count) for entry in placed.legend] == [
        ("Classmate", 1),
        ("Friend or family", 1),
        ("Event", 2),
        ("Online", 1),
        ("Introduction", 2),
    ]
    assert (placed.people, placed.introductions, placed.collapsed) == (7, 2, False)
    assert placed.extent >= max(distance(n) + n.radius for n in nodes.values()) - 1e-9


def test_colour_by_relationship(notebook: Paths) -> None:
    ids = small_notebook()
    placed = layout(map_data(MapFilter()), colour_by="relationship")
    nodes = by_person(placed)
    assert nodes[ids["gus"]].category == "mentor"
    assert nodes[ids["gus"]].colour == network_layout.RELATIONSHIP_COLOURS["mentor"]
    assert [(entry.label, entry.count) for entry in placed.legend] == [("Mentor", 1), ("Other", 6)]


def person(number: int, level: int, organisation: int | None, interactions: int = 0) -> MapPerson:
    name = f"Person {number:04d}"
    where = f"Organisation {organisation:03d}" if organisation is not None else ""
    return MapPerson(number, name, organisation, where, level, "other", "other", interactions, None)


def crowd(count: int) -> NetworkMap:
    """`count` people over three levels and many organisations of different sizes."""
    members = [
        person(n, 1 + n % 3, None if n % 11 == 0 else (n * 7) % 53, (n * 13) % 30)
        for n in range(1, count + 1)
    ]
    introductions = tuple(Introduction(n, n + 5) for n in range(1, count - 5, 9))
    return NetworkMap(tuple(members), introductions, count)


def test_the_same_people_always_give_the_same_picture() -> None:
    network = crowd(400)
    first = layout(network)
    assert layout(network) == first
    # The order they were read in doesn't matter either.
    shuffled = replace(network, people=tuple(reversed(network.people)))
    assert layout(shuffled).nodes == first.nodes
    assert layout(shuffled).edges == first.edges


def test_people_are_grouped_by_organisation_in_name_order() -> None:
    placed = layout(crowd(120))
    on_ring = [node for node in placed.nodes if node.level == 2]
    organisations = [node.organisation for node in on_ring]
    # Around the ring (in placing order) each organisation comes once, in name order,
    # and the people without one come last.
    runs = [name for i, name in enumerate(organisations) if i == 0 or organisations[i - 1] != name]
    assert runs == [*sorted(set(organisations) - {""}), ""]
    for name in set(organisations):
        group = [node.label for node in on_ring if node.organisation == name]
        assert group == sorted(group)


def test_no_two_circles_overlap_even_when_crowded() -> None:
    placed = layout(crowd(2000))
    assert not placed.collapsed
    nodes = placed.nodes
    for ring in placed.rings:
        ring_nodes = [n for n in nodes if n.level == ring.level]
        assert all(
            ring.inner - 1e-6 <= math.hypot(n.x, n.y) <= ring.outer + 1e-6 for n in ring_nodes
        )
    cell = 40.0
    grid: dict[tuple[int, int], list[PlacedNode]] = {}
    for node in nodes:
        grid.setdefault((int(node.x // cell), int(node.y // cell)), []).append(node)
    for (column, row), here in grid.items():
        near = [
            other
            for dc in (-1, 0, 1)
            for dr in (-1, 0, 1)
            for other in grid.get((column + dc, row + dr), [])
        ]
        for node in here:
            for other in near:
                if other.key != node.key:
                    gap = math.hypot(node.x - other.x, node.y - other.y)
                    assert gap >= node.radius + other.radius, (node.key, other.key)
    assert all(math.hypot(a.x - b.x, a.y - b.y) > 0 for a, b in combinations(nodes[:50], 2))


def test_above_the_threshold_each_organisation_on_a_ring_is_one_node() -> None:
    network = NetworkMap(
        (
            person(1, 2, 7),
            person(2, 2, 7),
            person(3, 2, 7),
            person(4, 2, 9),  # alone at their organisation on this ring: still a person
            person(5, 3, 7),
            person(6, 3, None),
            person(7, 3, None),
        ),
        (Introduction(1, 2), Introduction(1, 5), Introduction(2, 5), Introduction(4, 6)),
        7,
    )
    assert not layout(network, collapse_above=7).collapsed
    placed = layout(network, collapse_above=6)
    assert placed.collapsed
    nodes = {node.key: node for node in placed.nodes}
    assert set(nodes) == {"you", "group:2:7", "person:4", "person:5", "group:3:-"}
    assert (nodes["group:2:7"].people, nodes["group:2:7"].label) == (3, "Organisation 007 (3)")
    assert nodes["group:2:7"].person_id is None and nodes["group:2:7"].kind == "group"
    assert nodes["group:3:-"].label == "No organisation (2)"
    assert nodes["person:4"].person_id == 4
    assert nodes["group:2:7"].radius > nodes["person:4"].radius
    # Two introductions inside the group leave no line; two into person 5 make one.
    assert [(e.source, e.target, e.count) for e in placed.edges] == [
        ("group:2:7", "person:5", 2),
        ("person:4", "group:3:-", 1),
    ]
    assert placed.introductions == 4
    assert placed.clusters == ()  # a group names itself


def test_the_full_large_map_collapses_by_default() -> None:
    placed = layout(crowd(2500))
    assert placed.collapsed
    assert len(placed.nodes) < 2500
    assert sum(node.people for node in placed.nodes if node.kind != "you") == 2500


def test_notebook_changes_grow_with_every_write(notebook: Paths) -> None:
    before = network_map.notebook_changes()
    add("Someone new")
    assert network_map.notebook_changes() > before
