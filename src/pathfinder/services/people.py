"""People: adding, editing, tagging, archiving and deleting contacts.

A person's current organisation and title live on the contact; every change of
them is also kept as a role held, so their history builds itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import JOIN, fn

from pathfinder.services.contact_fields import clean_fields
from pathfinder.services.organisations import find_or_create_organisation
from pathfinder.services.tags import set_tags
from pathfinder.services.validation import ValidationError
from pathfinder.store.database import write_transaction
from pathfinder.store.models import Contact, ContactTag, RoleHeld, Tag


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    organisation: str
    organisation_id: int | None
    title: str
    email: str
    phone: str
    linkedin_url: str
    location: str
    level: int
    source: str
    relationship: str
    hiring_power: bool
    target_field: bool
    cadence_days: int | None
    notes: str
    archived: bool
    introduced_by_id: int | None
    introduced_on: date | None
    last_contact_on: date | None
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name


def _column_fields(cleaned: dict[str, Any]) -> dict[str, Any]:
    renamed = dict(cleaned)
    if "introduced_by_id" in renamed:
        renamed["introduced_by"] = renamed.pop("introduced_by_id")
    return renamed


def get_person(person_id: int) -> Person | None:
    rows = _people_query().where(Contact.id == person_id)
    people = _to_people(rows)
    return people[0] if people else None


def get_people(person_ids: Iterable[int]) -> list[Person]:
    return _to_people(_people_query().where(Contact.id.in_(list(person_ids))))


def find_people_by_name(name: str) -> list[Person]:
    query = _people_query().where(fn.lower(Contact.name) == name.strip().lower())
    return _to_people(query)


def _people_query():  # type: ignore[no-untyped-def]
    from pathfinder.store.models import Organisation

    return Contact.select(Contact, Organisation.name.alias("organisation_name")).join(
        Organisation, on=(Contact.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER
    )


def _to_people(query: Any) -> list[Person]:
    rows = list(query.dicts())
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    tags: dict[int, list[str]] = {person_id: [] for person_id in ids}
    tag_rows = (
        ContactTag.select(ContactTag.contact, Tag.name)
        .join(Tag)
        .where(ContactTag.contact.in_(ids))
        .order_by(fn.lower(Tag.name))
        .tuples()
    )
    for person_id, tag in tag_rows:
        tags[person_id].append(tag)
    return [
        Person(
            id=row["id"],
            name=row["name"],
            organisation=row["organisation_name"] or "",
            organisation_id=row["organisation"],
            title=row["title"],
            email=row["email"],
            phone=row["phone"],
            linkedin_url=row["linkedin_url"],
            location=row["location"],
            level=row["level"],
            source=row["source"],
            relationship=row["relationship"],
            hiring_power=bool(row["hiring_power"]),
            target_field=bool(row["target_field"]),
            cadence_days=row["cadence_days"],
            notes=row["notes"],
            archived=bool(row["archived"]),
            introduced_by_id=row["introduced_by"],
            introduced_on=row["introduced_on"],
            last_contact_on=row["last_contact_on"],
            tags=tuple(tags[row["id"]]),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )
        for row in rows
    ]


def add_person(
    name: str,
    *,
    now: datetime | None = None,
    organisation: str = "",
    tags: Iterable[str] = (),
    **fields: Any,
) -> Person:
    """Add a person; only the name is required. `organisation` is a name, created if new."""
    now = now or datetime.now()
    cleaned = _column_fields(clean_fields({"name": name, **fields}))
    with write_transaction():
        organisation_id = find_or_create_organisation(organisation, now=now)
        person_id = Contact.insert(
            organisation=organisation_id, created_at=now, updated_at=now, **cleaned
        ).execute()
        if organisation_id is not None or cleaned.get("title"):
            RoleHeld.insert(
                contact=person_id,
                organisation=organisation_id,
                title=cleaned.get("title", ""),
                started_on=None,
            ).execute()
        set_tags(person_id, tags)
    person = get_person(person_id)
    assert person is not None
    return person


def update_person(person_id: int, *, now: datetime | None = None, **fields: Any) -> Person:
    """Change some fields. A new organisation or title ends the current role held."""
    now = now or datetime.now()
    current = get_person(person_id)
    if current is None:
        from pathfinder.services.records import RecordNotFound

        raise RecordNotFound(f"person {person_id}")
    tags = fields.pop("tags", None)
    organisation = fields.pop("organisation", None)
    if fields.get("introduced_by_id") == person_id:
        raise ValidationError("introduced_by", "Someone can't introduce you to themselves.")
    cleaned = _column_fields(clean_fields(fields))
    with write_transaction():
        if organisation is not None:
            cleaned["organisation"] = find_or_create_organisation(organisation, now=now)
        moved = (
            cleaned.get("organisation", current.organisation_id) != current.organisation_id
            or cleaned.get("title", current.title) != current.title
        )
        Contact.update(updated_at=now, **cleaned).where(Contact.id == person_id).execute()
        if moved:
            _record_move(
                person_id,
                cleaned.get("organisation", current.organisation_id),
                cleaned.get("title", current.title),
                now.date(),
            )
        if tags is not None:
            set_tags(person_id, tags)
    person = get_person(person_id)
    assert person is not None
    return person


def _record_move(person_id: int, organisation_id: int | None, title: str, today: date) -> None:
    current = RoleHeld.get_or_none((RoleHeld.contact == person_id) & RoleHeld.ended_on.is_null())
    if current is not None and current.started_on == today:
        # A role begun today is still being written (or corrected): change it in place.
        if organisation_id is None and not title:
            current.delete_instance()
        else:
            RoleHeld.update(organisation=organisation_id, title=title).where(
                RoleHeld.id == current.id
            ).execute()
        return
    RoleHeld.update(ended_on=today).where(
        (RoleHeld.contact == person_id) & RoleHeld.ended_on.is_null()
    ).execute()
    if organisation_id is not None or title:
        RoleHeld.insert(
            contact=person_id, organisation=organisation_id, title=title, started_on=today
        ).execute()


@dataclass(frozen=True)
class PersonBrief:
    id: int
    name: str
    organisation: str


def all_people_brief() -> list[PersonBrief]:
    """Everyone not archived, by name: for pickers."""
    from pathfinder.store.models import Organisation

    query = (
        Contact.select(Contact.id, Contact.name, fn.coalesce(Organisation.name, ""))
        .join(Organisation, on=(Contact.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
        .where(~Contact.archived)
        .order_by(fn.lower(Contact.name))
        .tuples()
    )
    return [PersonBrief(*row) for row in query]


def people_count() -> int:
    return int(Contact.select().where(~Contact.archived).count())
