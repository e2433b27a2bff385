"""The network map's data: who is on it.

`map_data()` reads the people a `MapFilter` lets through, how often the user
talked with each, and who introduced whom, in two queries. Where each of them
sits is `network_layout.layout()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pathfinder.store.database import db


@dataclass(frozen=True)
class MapFilter:
    """Who the map shows. None means "any"; archived people only when asked."""

    tag: str | None = None
    level: int | None = None
    source: str | None = None
    target_field: bool = False
    include_archived: bool = False


@dataclass(frozen=True)
class MapPerson:
    id: int
    name: str
    organisation_id: int | None
    organisation: str
    level: int
    source: str
    relationship: str
    interactions: int
    last_contact_on: date | None


@dataclass(frozen=True)
class Introduction:
    introducer_id: int
    person_id: int


@dataclass(frozen=True)
class NetworkMap:
    people: tuple[MapPerson, ...]  # by id
    introductions: tuple[Introduction, ...]  # both people on the map
    everyone: int  # people in the notebook (not archived), whatever the filter


def map_data(wanted: MapFilter) -> NetworkMap:
    """The people `wanted` lets through, and the introductions between them."""
    conditions: list[str] = []
    parameters: list[object] = []
    if not wanted.include_archived:
        conditions.append("+c.archived = 0")  # a scan beats the index nearly all share
    for column, value in (("c.level", wanted.level), ("c.source", wanted.source)):
        if value is not None:
            conditions.append(f"{column} = ?")
            parameters.append(value)
    if wanted.target_field:
        conditions.append("c.target_field = 1")
    if wanted.tag:
        conditions.append(
            "c.id IN (SELECT ct.contact_id FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
            "WHERE t.name = ? COLLATE NOCASE)"
        )
        parameters.append(wanted.tag)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    cursor = db.execute_sql(
        "SELECT c.id, c.name, c.organisation_id, COALESCE(o.name, ''), c.level, c.source,"
        " c.relationship, (SELECT count(*) FROM interaction i WHERE i.contact_id = c.id),"
        " c.last_contact_on, c.introduced_by_id"
        " FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id"
        f" {where} ORDER BY c.id",
        parameters,
    )
    people: list[MapPerson] = []
    introduced: list[tuple[int, int]] = []
    for row in cursor.fetchall():
        last = row[8]
        people.append(
            MapPerson(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                date.fromisoformat(str(last)[:10]) if last else None,
            )
        )
        if row[9] is not None:
            introduced.append((row[9], row[0]))
    shown = {person.id for person in people}
    everyone = db.execute_sql("SELECT count(*) FROM contact WHERE +archived = 0").fetchone()[0]
    return NetworkMap(
        tuple(people),
        tuple(Introduction(a, b) for a, b in introduced if a in shown),
        int(everyone),
    )


def notebook_changes() -> int:
    """A number that grows with every row written to the notebook since it was opened
    (SQLite's count for this connection): the same number means the same data."""
    return int(db.connection().total_changes)
