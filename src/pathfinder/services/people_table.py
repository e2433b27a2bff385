"""The rows of the People table: one fast query with every filter the table offers.

It returns plain tuples (no model objects) so 30,000 people load in a few tens
of milliseconds; the view sorts them itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from pathfinder.store.database import db


@dataclass(frozen=True)
class PeopleFilter:
    """What the table shows. None means "any"; `text` matches name, organisation, role,
    tags and notes."""

    text: str = ""
    level: int | None = None
    source: str | None = None
    relationship: str | None = None
    organisation_id: int | None = None
    tag: str | None = None
    hiring_power: bool | None = None
    target_field: bool | None = None
    going_cold: bool = False
    archived: bool = False  # True shows the archived people instead
    person_id: int | None = None


class PeopleRow(NamedTuple):
    id: int
    name: str
    organisation: str
    title: str
    level: int
    source: str
    relationship: str
    hiring_power: bool
    target_field: bool
    last_contact_on: str | None  # ISO date
    tags: str
    going_cold: bool


_COLD = (
    "(c.cadence_days IS NOT NULL AND "
    "date(COALESCE(c.last_contact_on, c.created_at), '+' || c.cadence_days || ' days') < ?)"
)
_TAGS = (
    "(SELECT group_concat(t.name, ', ') FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
    "WHERE ct.contact_id = c.id)"
)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def people_rows(wanted: PeopleFilter, today: date) -> list[PeopleRow]:
    """Every person the filter lets through, in no particular order."""
    conditions = ["c.archived = ?"]
    parameters: list[object] = [today.isoformat(), int(wanted.archived)]
    for words in wanted.text.split():
        pattern = _like(words)
        conditions.append(
            "(c.name LIKE ? ESCAPE '\\' OR o.name LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\'"
            f" OR {_TAGS} LIKE ? ESCAPE '\\' OR c.notes LIKE ? ESCAPE '\\')"
        )
        parameters.extend([pattern] * 5)
    for column, value in (
        ("c.level", wanted.level),
        ("c.source", wanted.source),
        ("c.relationship", wanted.relationship),
        ("c.organisation_id", wanted.organisation_id),
        ("c.id", wanted.person_id),
    ):
        if value is not None:
            conditions.append(f"{column} = ?")
            parameters.append(value)
    for column, flag in (
        ("c.hiring_power", wanted.hiring_power),
        ("c.target_field", wanted.target_field),
    ):
        if flag is not None:
            conditions.append(f"{column} = ?")
            parameters.append(int(flag))
    if wanted.tag:
        conditions.append(
            "EXISTS (SELECT 1 FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
            "WHERE ct.contact_id = c.id AND t.name = ? COLLATE NOCASE)"
        )
        parameters.append(wanted.tag)
    if wanted.going_cold:
        conditions.append(_COLD)
        parameters.append(today.isoformat())
    sql = (
        "SELECT c.id, c.name, COALESCE(o.name, ''), c.title, c.level, c.source, c.relationship,"
        f" c.hiring_power, c.target_field, c.last_contact_on, COALESCE({_TAGS}, ''), {_COLD}"
        " FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id"
        f" WHERE {' AND '.join(conditions)}"
    )
    cursor = db.execute_sql(sql, parameters)
    return [PeopleRow(*row) for row in cursor.fetchall()]


def people_row(person_id: int, today: date) -> PeopleRow | None:
    """One person's row as the table shows it, archived or not."""
    for archived in (False, True):
        rows = people_rows(PeopleFilter(archived=archived, person_id=person_id), today)
        if rows:
            return rows[0]
    return None
