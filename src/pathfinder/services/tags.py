"""Tags on people: tidying, setting, adding and removing them."""

from __future__ import annotations

from collections.abc import Iterable

from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError
from pathfinder.store.database import db, write_transaction
from pathfinder.store.models import Contact, ContactTag, Tag


def clean_tag(tag: str) -> str:
    return " ".join(tag.replace(",", " ").split())[:60].strip()


def set_tags(person_id: int, tags: Iterable[str]) -> None:
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
    ids = list(person_ids)
    if Contact.select().where(Contact.id.in_(ids)).count() != len(set(ids)):
        raise RecordNotFound("one of these people")
    with write_transaction():
        tag_id = _tag_id(name)
        for person_id in ids:
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


def all_tags() -> list[str]:
    cursor = db.execute_sql("SELECT name FROM tag ORDER BY name COLLATE NOCASE")
    return [name for (name,) in cursor.fetchall()]
