"""Organisations: where people work or worked, and which ones the person is aiming for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import JOIN, fn

from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import (
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    ValidationError,
    clean_text,
)
from pathfinder.store.database import db, write_transaction
from pathfinder.store.models import Contact, Organisation, RoleHeld

NAME_REQUIRED = "Give the organisation a name."


@dataclass(frozen=True)
class OrganisationRecord:
    id: int
    name: str
    industry: str
    is_target: bool
    notes: str
    people_now: int


@dataclass(frozen=True)
class RoleRecord:
    """A role a person holds or held at an organisation."""

    person_id: int
    person_name: str
    organisation: str
    title: str
    started_on: date | None
    ended_on: date | None
    id: int = 0


def find_or_create_organisation(name: str, *, now: datetime | None = None) -> int | None:
    """The id of the organisation called `name` (any case), created if new; None for blank."""
    cleaned = clean_text("organisation", name, limit=SHORT_TEXT_LIMIT)
    if not cleaned:
        return None
    existing = Organisation.get_or_none(Organisation.name == cleaned)
    if existing is not None:
        return int(existing.id)
    now = now or datetime.now()
    with write_transaction():
        return int(Organisation.insert(name=cleaned, created_at=now, updated_at=now).execute())


def add_organisation(
    name: str,
    industry: str = "",
    is_target: bool = False,
    notes: str = "",
    *,
    now: datetime | None = None,
) -> OrganisationRecord:
    """Create an organisation; a name already there (in any case) is refused."""
    cleaned = clean_text("name", name, limit=SHORT_TEXT_LIMIT, required=NAME_REQUIRED)
    if Organisation.get_or_none(Organisation.name == cleaned) is not None:
        raise ValidationError("name", f"{cleaned} is already in your list.")
    now = now or datetime.now()
    with write_transaction():
        new_id = Organisation.insert(
            name=cleaned,
            industry=clean_text("industry", industry, limit=SHORT_TEXT_LIMIT),
            is_target=is_target,
            notes=clean_text("notes", notes, limit=LONG_TEXT_LIMIT),
            created_at=now,
            updated_at=now,
        ).execute()
    record = get_organisation(int(new_id))
    assert record is not None
    return record


def organisation_names() -> list[str]:
    return [name for _id, name in organisation_choices()]


def list_organisations() -> list[OrganisationRecord]:
    people = (
        Contact.select(Contact.organisation, fn.count(Contact.id).alias("n"))
        .where(~Contact.archived & Contact.organisation.is_null(False))
        .group_by(Contact.organisation)
        .tuples()
    )
    counts = dict(people)
    query = Organisation.select(
        Organisation.id,
        Organisation.name,
        Organisation.industry,
        Organisation.is_target,
        Organisation.notes,
    ).order_by(fn.lower(Organisation.name))
    return [
        OrganisationRecord(org_id, name, industry, bool(target), notes, counts.get(org_id, 0))
        for org_id, name, industry, target, notes in query.tuples()
    ]


def organisation_choices() -> list[tuple[int, str]]:
    """(id, name) of every organisation, by name: for pickers and filters."""
    # Plain SQL: this feeds pickers every time People opens, with thousands of rows.
    cursor = db.execute_sql("SELECT id, name FROM organisation ORDER BY name COLLATE NOCASE")
    return cursor.fetchall()


def get_organisation(organisation_id: int) -> OrganisationRecord | None:
    row = Organisation.get_or_none(Organisation.id == organisation_id)
    if row is None:
        return None
    people_now = (
        Contact.select()
        .where((Contact.organisation == organisation_id) & ~Contact.archived)
        .count()
    )
    return OrganisationRecord(
        row.id, row.name, row.industry, bool(row.is_target), row.notes, people_now
    )


def update_organisation(
    organisation_id: int, *, now: datetime | None = None, **fields: Any
) -> OrganisationRecord:
    cleaners: dict[str, Callable[[Any], Any]] = {
        "name": lambda v: clean_text("name", v, limit=SHORT_TEXT_LIMIT, required=NAME_REQUIRED),
        "industry": lambda v: clean_text("industry", v, limit=SHORT_TEXT_LIMIT),
        "is_target": bool,
        "notes": lambda v: clean_text("notes", v, limit=LONG_TEXT_LIMIT),
    }
    cleaned = {name: cleaners[name](value) for name, value in fields.items()}
    if "name" in cleaned:
        clash = Organisation.get_or_none(
            (Organisation.name == cleaned["name"]) & (Organisation.id != organisation_id)
        )
        if clash is not None:
            raise ValidationError("name", f"There is already an organisation called {clash.name}.")
    with write_transaction():
        changed = (
            Organisation.update(updated_at=now or datetime.now(), **cleaned)
            .where(Organisation.id == organisation_id)
            .execute()
        )
    if not changed:
        raise RecordNotFound(f"organisation {organisation_id}")
    record = get_organisation(organisation_id)
    assert record is not None
    return record


def _roles_query():  # type: ignore[no-untyped-def]
    return (
        RoleHeld.select(
            RoleHeld.contact.alias("person_id"),
            Contact.name.alias("person_name"),
            fn.coalesce(Organisation.name, "").alias("organisation"),
            RoleHeld.title,
            RoleHeld.started_on,
            RoleHeld.ended_on,
            RoleHeld.id.alias("role_id"),
        )
        .join(Contact, on=(RoleHeld.contact == Contact.id))
        .switch(RoleHeld)
        .join(
            Organisation, on=(RoleHeld.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER
        )
    )


def _role(row: dict[str, Any]) -> RoleRecord:
    def as_date(value: Any) -> date | None:
        return date.fromisoformat(value) if isinstance(value, str) else value

    return RoleRecord(
        row["person_id"],
        row["person_name"],
        row["organisation"],
        row["title"],
        as_date(row["started_on"]),
        as_date(row["ended_on"]),
        row["role_id"],
    )


def add_past_role(
    person_id: int,
    organisation: str,
    title: str,
    started_on: date | None,
    ended_on: date,
    *,
    now: datetime | None = None,
) -> int:
    """Record a role the person held before (their current one lives on their record)."""
    cleaned_title = clean_text("title", title, limit=SHORT_TEXT_LIMIT)
    if not organisation.strip() and not cleaned_title:
        raise ValidationError("organisation", "Name the organisation, the job title, or both.")
    if started_on is not None and started_on > ended_on:
        raise ValidationError("started_on", "The start comes after the end; check the dates.")
    if ended_on > (now or datetime.now()).date():
        raise ValidationError("ended_on", "A past role ends today at the latest.")
    if Contact.get_or_none(Contact.id == person_id) is None:
        raise RecordNotFound(f"person {person_id}")
    with write_transaction():
        organisation_id = find_or_create_organisation(organisation, now=now)
        return int(
            RoleHeld.insert(
                contact=person_id,
                organisation=organisation_id,
                title=cleaned_title,
                started_on=started_on,
                ended_on=ended_on,
            ).execute()
        )


def delete_past_role(role_id: int) -> dict[str, Any]:
    """Remove a past role (a current role changes through the person's record)."""
    row = RoleHeld.get_or_none((RoleHeld.id == role_id) & RoleHeld.ended_on.is_null(False))
    if row is None:
        raise RecordNotFound(f"past role {role_id}")
    snapshot: dict[str, Any] = dict(row.__data__)
    with write_transaction():
        row.delete_instance()
    return snapshot


def restore_past_role(snapshot: dict[str, Any]) -> None:
    if RoleHeld.get_or_none(RoleHeld.id == snapshot["id"]) is not None:
        return
    with write_transaction():
        RoleHeld.insert(**snapshot).execute()


def roles_at(organisation_id: int) -> tuple[list[RoleRecord], list[RoleRecord]]:
    """The people at an organisation now, and those who were there before."""
    query = (
        _roles_query()
        .where((RoleHeld.organisation == organisation_id) & ~Contact.archived)
        .order_by(fn.lower(Contact.name))
    )
    now: list[RoleRecord] = []
    before: list[RoleRecord] = []
    for row in query.dicts():
        record = _role(row)
        (now if record.ended_on is None else before).append(record)
    return now, before


def roles_of(person_id: int) -> list[RoleRecord]:
    """A person's roles, current first, then the most recent."""
    query = (
        _roles_query()
        .where(RoleHeld.contact == person_id)
        .order_by(RoleHeld.ended_on.is_null(False), RoleHeld.ended_on.desc(), RoleHeld.id.desc())
    )
    return [_role(row) for row in query.dicts()]
