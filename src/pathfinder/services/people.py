"""People: adding, editing, tagging, archiving and deleting contacts.

A person's current organisation and title live on the contact; every change of
them is also kept as a role held, so their history builds itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from peewee import JOIN, fn

from pathfinder.services.organisations import find_or_create_organisation
from pathfinder.services.validation import (
    SHORT_TEXT_LIMIT,
    ValidationError,
    clean_choice,
    clean_text,
)
from pathfinder.store.database import db, write_transaction
from pathfinder.store.models import (
    LEVELS,
    RELATIONSHIPS,
    SOURCES,
    Contact,
    ContactTag,
    FollowUp,
    Interaction,
    RoleHeld,
    Tag,
)

# Notes are private Markdown and may be long (a pasted article); 2 MB of text.
NOTES_LIMIT = 2_000_000

LEVEL_LABELS = {1: "Inner circle", 2: "Knows me", 3: "New contact"}
LEVEL_HINTS = {
    1: "Close colleagues, friends and family who would vouch for you.",
    2: "People who know you and your work, even a little.",
    3: "People you are just getting to know, or would like to.",
}
SOURCE_LABELS = {
    "former_coworker": "Former co-worker",
    "current_coworker": "Current co-worker",
    "collaborator": "Project collaborator",
    "professor": "Professor",
    "classmate": "Classmate",
    "friend_family": "Friend or family",
    "association": "Professional association",
    "event": "Event",
    "online": "Online",
    "introduction": "Introduction",
    "other": "Other",
}
RELATIONSHIP_LABELS = {
    "mentor": "Mentor",
    "peer": "Peer",
    "hiring_manager": "Hiring manager",
    "recruiter": "Recruiter",
    "other": "Other",
}
CADENCES = {14: "Every 2 weeks", 30: "Every month", 91: "Every quarter", 182: "Every half-year"}
NAME_REQUIRED = "Every person needs a name, even just a first name."

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+(?:\s*(?:x|ext\.?)\s*[0-9]+)?$", re.IGNORECASE)


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


def clean_email(value: str) -> str:
    email = value.strip()
    if email and not _EMAIL.match(email):
        raise ValidationError(
            "email", "That doesn't look like an email address (name@example.org)."
        )
    return email


def clean_phone(value: str) -> str:
    phone = value.strip()
    digits = sum(character.isdigit() for character in phone)
    if phone and (not _PHONE.match(phone) or not 5 <= digits <= 20):
        raise ValidationError(
            "phone", "Use digits, spaces and + - ( ) only, for example +44 20 7946 0958."
        )
    return phone


def clean_url(field: str, value: str) -> str:
    """An http(s) address; 'linkedin.com/in/x' gains its missing https://."""
    url = value.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url:
        raise ValidationError(field, "That isn't a web address, for example linkedin.com/in/name.")
    return url


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    cleaners: dict[str, Any] = {
        "name": lambda v: clean_text("name", v, limit=SHORT_TEXT_LIMIT, required=NAME_REQUIRED),
        "title": lambda v: clean_text("title", v, limit=SHORT_TEXT_LIMIT),
        "email": clean_email,
        "phone": clean_phone,
        "linkedin_url": lambda v: clean_url("linkedin_url", v),
        "location": lambda v: clean_text("location", v, limit=SHORT_TEXT_LIMIT),
        "level": lambda v: int(clean_choice("level", str(v), tuple(str(x) for x in LEVELS))),
        "source": lambda v: clean_choice("source", v, SOURCES),
        "relationship": lambda v: clean_choice("relationship", v, RELATIONSHIPS),
        "hiring_power": bool,
        "target_field": bool,
        "cadence_days": lambda v: (
            None
            if v is None
            else int(clean_choice("cadence_days", str(v), tuple(str(x) for x in CADENCES)))
        ),
        "notes": lambda v: clean_text("notes", v, limit=NOTES_LIMIT),
        "introduced_by_id": lambda v: v,
        "introduced_on": lambda v: v,
    }
    unknown = set(fields) - set(cleaners) - {"organisation", "tags"}
    if unknown:
        raise TypeError(f"not a person field: {sorted(unknown)}")
    return {name: cleaners[name](value) for name, value in fields.items() if name in cleaners}


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
    cleaned = _column_fields(_clean({"name": name, **fields}))
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
        _set_tags(person_id, tags)
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
    cleaned = _column_fields(_clean(fields))
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
            _set_tags(person_id, tags)
    person = get_person(person_id)
    assert person is not None
    return person


def _record_move(person_id: int, organisation_id: int | None, title: str, today: date) -> None:
    RoleHeld.update(ended_on=today).where(
        (RoleHeld.contact == person_id) & RoleHeld.ended_on.is_null()
    ).execute()
    if organisation_id is not None or title:
        RoleHeld.insert(
            contact=person_id, organisation=organisation_id, title=title, started_on=today
        ).execute()


def clean_tag(tag: str) -> str:
    return " ".join(tag.replace(",", " ").split())[:60]


def _set_tags(person_id: int, tags: Iterable[str]) -> None:
    names = {clean_tag(tag).lower(): clean_tag(tag) for tag in tags if clean_tag(tag)}
    ContactTag.delete().where(ContactTag.contact == person_id).execute()
    for name in names.values():
        tag_id = _tag_id(name)
        ContactTag.insert(contact=person_id, tag=tag_id).on_conflict_ignore().execute()


def _tag_id(name: str) -> int:
    tag = Tag.get_or_none(Tag.name == name)
    if tag is not None:
        return int(tag.id)
    return int(Tag.insert(name=name).execute())


def add_tag(person_ids: Iterable[int], tag: str) -> None:
    name = clean_tag(tag)
    if not name:
        raise ValidationError("tag", "Type a tag first.")
    with write_transaction():
        tag_id = _tag_id(name)
        for person_id in person_ids:
            ContactTag.insert(contact=person_id, tag=tag_id).on_conflict_ignore().execute()


def remove_tag(person_ids: Iterable[int], tag: str) -> None:
    existing = Tag.get_or_none(Tag.name == clean_tag(tag))
    if existing is None:
        return
    with write_transaction():
        ContactTag.delete().where(
            (ContactTag.tag == existing.id) & ContactTag.contact.in_(list(person_ids))
        ).execute()


def ids_with_tag(person_ids: Iterable[int], tag: str) -> set[int]:
    existing = Tag.get_or_none(Tag.name == clean_tag(tag))
    if existing is None:
        return set()
    query = ContactTag.select(ContactTag.contact).where(
        (ContactTag.tag == existing.id) & ContactTag.contact.in_(list(person_ids))
    )
    return {row for (row,) in query.tuples()}


def levels_of(person_ids: Iterable[int]) -> dict[int, int]:
    query = Contact.select(Contact.id, Contact.level).where(Contact.id.in_(list(person_ids)))
    return dict(query.tuples())


def all_tags() -> list[str]:
    cursor = db.execute_sql("SELECT name FROM tag ORDER BY name COLLATE NOCASE")
    return [name for (name,) in cursor.fetchall()]


def set_level(person_ids: Iterable[int], level: int, *, now: datetime | None = None) -> None:
    if level not in LEVELS:
        raise ValidationError("level", "Choose a level from 1 to 3.")
    with write_transaction():
        Contact.update(level=level, updated_at=now or datetime.now()).where(
            Contact.id.in_(list(person_ids))
        ).execute()


def set_archived(person_ids: Iterable[int], archived: bool, *, now: datetime | None = None) -> None:
    with write_transaction():
        Contact.update(archived=archived, updated_at=now or datetime.now()).where(
            Contact.id.in_(list(person_ids))
        ).execute()


def count_what_goes_with(person_ids: Iterable[int]) -> tuple[int, int]:
    """How many people and interactions a delete would remove."""
    ids = list(person_ids)
    interactions = Interaction.select().where(Interaction.contact.in_(ids)).count()
    return len(ids), interactions


_DEPENDENTS = (ContactTag, RoleHeld, Interaction, FollowUp)


def delete_people(person_ids: Iterable[int]) -> dict[str, list[dict[str, Any]]]:
    """Delete people with everything that hangs off them; the snapshot restores it all."""
    ids = list(person_ids)
    snapshot: dict[str, list[dict[str, Any]]] = {
        "contact": [row.__data__.copy() for row in Contact.select().where(Contact.id.in_(ids))],
        "introduced": [
            {"id": row.id, "introduced_by": row.introduced_by_id}
            for row in Contact.select().where(Contact.introduced_by.in_(ids))
        ],
    }
    for model in _DEPENDENTS:
        key = model._meta.table_name
        snapshot[key] = [
            row.__data__.copy() for row in model.select().where(model.contact.in_(ids))
        ]
    with write_transaction():
        Contact.delete().where(Contact.id.in_(ids)).execute()
    return snapshot


def restore_people(snapshot: dict[str, list[dict[str, Any]]]) -> None:
    with write_transaction():
        # People first without who introduced them (that person may be restored later in
        # the same loop), then the links.
        for row in snapshot["contact"]:
            Contact.insert(**{**row, "introduced_by": None}).on_conflict_ignore().execute()
        for row in snapshot["contact"]:
            Contact.update(introduced_by=row["introduced_by"]).where(
                Contact.id == row["id"]
            ).execute()
        for model in _DEPENDENTS:
            for row in snapshot[model._meta.table_name]:
                model.insert(**row).on_conflict_ignore().execute()
        for row in snapshot["introduced"]:
            Contact.update(introduced_by=row["introduced_by"]).where(
                Contact.id == row["id"]
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
