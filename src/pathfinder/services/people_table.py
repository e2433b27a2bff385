"""The rows of the People table: every filter the table offers, in plain SQL.

At 30,000 people, building every row takes longer than a window may wait, so
the table asks first for the ids in order (`people_ids`, a sort key per person,
sorted here) and then for the full rows of the ones on screen
(`people_rows_by_id`). `people_rows` returns everything at once, for tests and
small lists.

Opening the section asks for everyone by name; that list is read from the name
index, which holds (name, id) in a few hundred pages instead of the table's
thousands and comes nearly sorted, so the sort that follows has little to do
(`make bench`: 19 instead of 38 ms with 30,000 people). A text filter matches
each organisation and each tag once, not once per person who has it: the
people whose organisation or tag matches are then found through their indexes
(the query for "Maria" among 30,000 people: 17 instead of 37 ms).
"""

from __future__ import annotations

from collections.abc import Callable
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
# The people whose tags, as the table shows them (_TAGS), match a pattern: computed once
# for the query, where `_TAGS LIKE ?` would run a query per person.
_TAGGED_LIKE = (
    "c.id IN (SELECT ct.contact_id FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
    "GROUP BY ct.contact_id HAVING group_concat(t.name, ', ') LIKE ? ESCAPE '\\')"
)
# The same for a word with no comma in it, which can't reach across the ", " between two
# tags: it matches the tags shown when it matches one of them. The few tags are matched,
# then their people found through the tag index, instead of joining every person's tags.
_A_TAG_LIKE = (
    "c.id IN (SELECT ct.contact_id FROM contact_tag ct WHERE ct.tag_id IN "
    "(SELECT t.id FROM tag t WHERE t.name LIKE ? ESCAPE '\\'))"
)
# Whether the person's organisation matches: each organisation is matched once (there
# are far fewer than people) rather than once for every person who works there.
_ORGANISATION_LIKE = (
    "c.organisation_id IN (SELECT org.id FROM organisation org WHERE org.name LIKE ? ESCAPE '\\')"
)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(wanted: PeopleFilter, today: date) -> tuple[str, list[object]]:
    # "+c.archived" keeps SQLite off the archived index: nearly everyone shares one
    # value, and a plain scan is faster than a walk through that index.
    conditions = ["+c.archived = ?"]
    parameters: list[object] = [int(wanted.archived)]
    for word in wanted.text.split():
        tagged = _TAGGED_LIKE if "," in word else _A_TAG_LIKE
        conditions.append(
            f"(c.name LIKE ? ESCAPE '\\' OR {_ORGANISATION_LIKE} OR c.title LIKE ? ESCAPE '\\'"
            f" OR c.notes LIKE ? ESCAPE '\\' OR {tagged})"
        )
        parameters.extend([_like(word)] * 5)
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
    return " AND ".join(conditions), parameters


_FROM = " FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id"
_ROW_COLUMNS = (
    "SELECT c.id, c.name, COALESCE(o.name, ''), c.title, c.level, c.source, c.relationship,"
    f" c.hiring_power, c.target_field, c.last_contact_on, COALESCE({_TAGS}, ''), {_COLD}"
)

# What each sortable column sorts by, in SQL; the sort itself happens in Python.
SORT_KEYS = {
    "name": "c.name",
    "organisation": "COALESCE(o.name, '')",
    "title": "c.title",
    "level": "c.level",
    "source": "c.source",
    "last_contact": "COALESCE(c.last_contact_on, '')",
    "tags": f"COALESCE({_TAGS}, '')",
}


def people_rows(wanted: PeopleFilter, today: date) -> list[PeopleRow]:
    """Every person the filter lets through, in no particular order."""
    where, parameters = _where(wanted, today)
    cursor = db.execute_sql(
        f"{_ROW_COLUMNS}{_FROM} WHERE {where}", [today.isoformat(), *parameters]
    )
    return [PeopleRow(*row) for row in cursor.fetchall()]


def people_ids(
    wanted: PeopleFilter,
    today: date,
    sort: str = "name",
    descending: bool = False,
    label: Callable[[str], str] | None = None,
) -> list[int]:
    """The ids the filter lets through, sorted by `sort` (a SORT_KEYS name), then by name.

    `label` turns a stored value into the words the table shows, so a column of
    labels sorts the way it reads.
    """
    if sort == "name" and wanted == PeopleFilter():
        return _everyone_by_name(descending)
    where, parameters = _where(wanted, today)
    # The organisation is joined only when the sort needs it.
    source = _FROM if sort == "organisation" else " FROM contact c"
    if sort == "name":
        cursor = db.execute_sql(f"SELECT c.id, c.name{source} WHERE {where}", parameters)
        rows = cursor.fetchall()
        rows.sort(key=lambda row: row[1].casefold(), reverse=descending)
        return [row[0] for row in rows]
    cursor = db.execute_sql(
        f"SELECT c.id, {SORT_KEYS[sort]}, c.name{source} WHERE {where}", parameters
    )
    keyed = cursor.fetchall()

    def key(row: tuple[int, object, str]) -> tuple[object, str]:
        value = label(str(row[1])) if label else row[1]
        return (value.casefold() if isinstance(value, str) else value, row[2].casefold())

    keyed.sort(key=key, reverse=descending)
    return [row[0] for row in keyed]


def _everyone_by_name(descending: bool) -> list[int]:
    """`people_ids(PeopleFilter())`, read from the name index: the same order (by folded
    name, then by id, which is the order a scan of the table gives equal names)."""
    archived = {row[0] for row in db.execute_sql("SELECT id FROM contact WHERE archived = 1")}
    rows = db.execute_sql("SELECT id, name FROM contact ORDER BY name").fetchall()
    if descending:
        rows.sort(key=lambda row: (row[1].casefold(), -row[0]), reverse=True)
    else:
        rows.sort(key=lambda row: (row[1].casefold(), row[0]))
    # The archived few are left out after the sort, in the pass that takes the ids.
    return [person_id for person_id, _name in rows if person_id not in archived]


def people_rows_by_id(ids: list[int], today: date) -> dict[int, PeopleRow]:
    """The full rows of these people (archived or not)."""
    found: dict[int, PeopleRow] = {}
    for start in range(0, len(ids), 500):  # SQLite caps the number of parameters
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        cursor = db.execute_sql(
            f"{_ROW_COLUMNS}{_FROM} WHERE c.id IN ({marks})", [today.isoformat(), *chunk]
        )
        for row in cursor.fetchall():
            found[row[0]] = PeopleRow(*row)
    return found


def people_row(person_id: int, today: date) -> PeopleRow | None:
    """One person's row as the table shows it, archived or not."""
    return people_rows_by_id([person_id], today).get(person_id)
