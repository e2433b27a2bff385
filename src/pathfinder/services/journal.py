"""The journal: dated reflections in Markdown, with tags, mood and confidence, and links
to the people, conversations and events they are about."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from peewee import JOIN, fn

from pathfinder.services.journal_validation import clean_fields, clean_tags
from pathfinder.services.records import RecordNotFound
from pathfinder.store.database import db, write_transaction
from pathfinder.store.models import (
    Contact,
    Conversation,
    Event,
    JournalEntry,
    JournalLink,
    JournalTag,
)

LINK_KINDS = ("person", "conversation", "event")
CHUNK = 500  # ids per query: well inside SQLite's limit on parameters
_LINK_COLUMN = {"person": "contact", "conversation": "conversation", "event": "event"}


@dataclass(frozen=True)
class Link:
    kind: str  # "person", "conversation" or "event"
    target_id: int
    label: str


@dataclass
class Entry:
    id: int
    written_at: datetime
    title: str
    body: str
    mood: int | None
    confidence: int | None
    shared: bool
    prompt: str
    tags: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return entry_heading(self.title, self.body)


_MARKUP = re.compile(r"\*\*|__|`|^\s*(?:#+|>|[-*+]|\d+\.)\s+", re.MULTILINE)


def entry_heading(title: str, body: str) -> str:
    """What an entry is called in lists: its title, else its first line of text."""
    if title.strip():
        return title.strip()
    for line in body.splitlines():
        text = _MARKUP.sub("", line).replace("*", "").strip()
        text = " ".join(text.split())
        if text:
            return text if len(text) <= 80 else text[:79].rstrip() + "…"
    return "Untitled entry"


def word_count(text: str) -> int:
    return len(text.split())


# -- entries ------------------------------------------------------------------


def add_entry(
    now: datetime,
    *,
    tags: Iterable[str] = (),
    links: Iterable[tuple[str, int]] = (),
    **fields: Any,
) -> Entry:
    """Write a new entry (dated `now` unless `written_at` says otherwise)."""
    cleaned = clean_fields(now, {"written_at": now, **fields})
    tag_names = clean_tags(tags)
    with write_transaction():
        row = JournalEntry.create(**cleaned, created_at=now, updated_at=now)
        for name in tag_names:
            JournalTag.create(entry=row.id, name=name)
        for kind, target_id in links:
            _insert_link(row.id, kind, target_id)
    return get_entry(row.id)


def update_entry(entry_id: int, now: datetime, **fields: Any) -> bool:
    """Save the fields that changed; True if anything did."""
    row = JournalEntry.get_or_none(JournalEntry.id == entry_id)
    if row is None:
        raise RecordNotFound(f"journal entry {entry_id}")
    cleaned = clean_fields(now, fields)
    changed = {name: value for name, value in cleaned.items() if getattr(row, name) != value}
    if not changed:
        return False
    with write_transaction():
        JournalEntry.update(**changed, updated_at=now).where(JournalEntry.id == entry_id).execute()
    return True


def get_entry(entry_id: int) -> Entry:
    row = JournalEntry.get_or_none(JournalEntry.id == entry_id)
    if row is None:
        raise RecordNotFound(f"journal entry {entry_id}")
    return Entry(
        id=row.id,
        written_at=row.written_at,
        title=row.title,
        body=row.body,
        mood=row.mood,
        confidence=row.confidence,
        shared=row.shared,
        prompt=row.prompt,
        tags=tags_of(entry_id),
        links=links_of(entry_id),
    )


def entry_exists(entry_id: int) -> bool:
    return JournalEntry.select().where(JournalEntry.id == entry_id).exists()


def delete_entry(entry_id: int) -> dict[str, Any]:
    row = JournalEntry.get_or_none(JournalEntry.id == entry_id)
    if row is None:
        raise RecordNotFound(f"journal entry {entry_id}")
    snapshot = {
        "entry": dict(row.__data__),
        "tags": [t.name for t in JournalTag.select().where(JournalTag.entry == entry_id)],
        "links": [
            dict(link.__data__)
            for link in JournalLink.select().where(JournalLink.entry == entry_id)
        ],
    }
    with write_transaction():
        row.delete_instance()
    return snapshot


def restore_entry(snapshot: dict[str, Any]) -> None:
    """Put a deleted entry back, with the links whose other end is still there."""
    with write_transaction():
        JournalEntry.insert(**snapshot["entry"]).on_conflict_ignore().execute()
        for name in snapshot["tags"]:
            JournalTag.insert(
                entry=snapshot["entry"]["id"], name=name
            ).on_conflict_ignore().execute()
        restore_links(snapshot["links"])


# -- tags -----------------------------------------------------------------------


def tags_of(entry_id: int) -> list[str]:
    query = JournalTag.select(JournalTag.name).where(JournalTag.entry == entry_id)
    return sorted((name for (name,) in query.tuples()), key=str.casefold)


def set_tags(entry_id: int, names: Iterable[str]) -> bool:
    """Give the entry exactly these tags; True if that changed anything."""
    wanted = clean_tags(names)
    current = tags_of(entry_id)
    if {n.casefold() for n in wanted} == {n.casefold() for n in current} and sorted(
        wanted, key=str.casefold
    ) == current:
        return False
    with write_transaction():
        JournalTag.delete().where(JournalTag.entry == entry_id).execute()
        for name in wanted:
            JournalTag.create(entry=entry_id, name=name)
    return True


def tags_in_use() -> list[tuple[str, int]]:
    """Every journal tag with how many entries carry it, most used first."""
    count = fn.COUNT(JournalTag.entry)
    query = (
        JournalTag.select(fn.MIN(JournalTag.name), count)
        .group_by(JournalTag.name)
        .order_by(count.desc(), fn.MIN(JournalTag.name))
    )
    return [(name, number) for name, number in _rows(query)]


# -- links ----------------------------------------------------------------------


def _insert_link(entry_id: int, kind: str, target_id: int) -> bool:
    if kind not in LINK_KINDS:
        raise ValueError(f"unknown link kind {kind!r}")
    target_model = {"person": Contact, "conversation": Conversation, "event": Event}[kind]
    if not target_model.select().where(target_model.id == target_id).exists():
        raise RecordNotFound(f"{kind} {target_id}")
    column = _LINK_COLUMN[kind]
    inserted = (
        JournalLink.insert(entry=entry_id, **{column: target_id}).on_conflict_ignore().execute()
    )
    return bool(inserted)


def add_link(entry_id: int, kind: str, target_id: int) -> bool:
    """Link the entry to a person, conversation or event; False if it already was."""
    if not entry_exists(entry_id):
        raise RecordNotFound(f"journal entry {entry_id}")
    already = any(link.kind == kind and link.target_id == target_id for link in links_of(entry_id))
    if already:
        return False
    with write_transaction():
        _insert_link(entry_id, kind, target_id)
    return True


def remove_link(entry_id: int, kind: str, target_id: int) -> bool:
    column = getattr(JournalLink, _LINK_COLUMN[kind])
    with write_transaction():
        removed = (
            JournalLink.delete()
            .where((JournalLink.entry == entry_id) & (column == target_id))
            .execute()
        )
    return bool(removed)


def links_of(entry_id: int) -> list[Link]:
    conversation_person = Contact.alias()
    query = (
        JournalLink.select(
            JournalLink.contact,
            Contact.name,
            JournalLink.conversation,
            conversation_person.name,
            JournalLink.event,
            Event.name,
        )
        .join_from(JournalLink, Contact, JOIN.LEFT_OUTER, on=(JournalLink.contact == Contact.id))
        .join_from(
            JournalLink,
            Conversation,
            JOIN.LEFT_OUTER,
            on=(JournalLink.conversation == Conversation.id),
        )
        .join_from(
            Conversation,
            conversation_person,
            JOIN.LEFT_OUTER,
            on=(Conversation.contact == conversation_person.id),
        )
        .join_from(JournalLink, Event, JOIN.LEFT_OUTER, on=(JournalLink.event == Event.id))
        .where(JournalLink.entry == entry_id)
        .order_by(JournalLink.id)
        .tuples()
    )
    links: list[Link] = []
    for contact_id, name, conversation_id, with_name, event_id, event_name in query:
        if contact_id is not None:
            links.append(Link("person", contact_id, name))
        elif conversation_id is not None:
            links.append(Link("conversation", conversation_id, f"Conversation with {with_name}"))
        elif event_id is not None:
            links.append(Link("event", event_id, event_name))
    return links


def links_snapshot(
    *,
    contact_ids: Sequence[int] = (),
    conversation_ids: Sequence[int] = (),
    event_ids: Sequence[int] = (),
) -> list[dict[str, Any]]:
    """The links a delete of these records will take with it (for its undo). Asked in
    chunks, so 30,000 people stay within SQLite's limit on query parameters."""
    found: dict[int, dict[str, Any]] = {}
    for column, ids in (
        (JournalLink.contact, contact_ids),
        (JournalLink.conversation, conversation_ids),
        (JournalLink.event, event_ids),
    ):
        listed = list(ids)
        for start in range(0, len(listed), CHUNK):
            chunk = listed[start : start + CHUNK]
            for row in JournalLink.select().where(column.in_(chunk)):
                found[row.id] = dict(row.__data__)
    return list(found.values())


def restore_links(rows: Iterable[dict[str, Any]]) -> None:
    """Put links back where both ends still exist (call inside a transaction)."""
    for row in rows:
        if not entry_exists(row["entry"]):
            continue
        targets = (
            (Contact, row.get("contact")),
            (Conversation, row.get("conversation")),
            (Event, row.get("event")),
        )
        if all(
            target_id is None or model.select().where(model.id == target_id).exists()
            for model, target_id in targets
        ):
            JournalLink.insert(**row).on_conflict_ignore().execute()


def _as_datetime(value: datetime | str) -> datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


# -- reading lists of entries ------------------------------------------------------


@dataclass(frozen=True)
class JournalFilter:
    tag: str = ""
    mood: int | None = None
    shared_only: bool = False
    person_id: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.tag or self.mood is not None or self.shared_only or self.person_id)


def entry_ids(wanted: JournalFilter = JournalFilter()) -> list[tuple[int, str]]:
    """(id, "YYYY-MM") of the entries that pass the filter, newest first."""
    # coerce(False): the month is text, not a date for peewee to parse 20,000 times.
    query = _filtered(
        JournalEntry.select(
            JournalEntry.id, fn.SUBSTR(JournalEntry.written_at, 1, 7).coerce(False)
        ),
        wanted,
    )
    query = query.order_by(JournalEntry.written_at.desc(), JournalEntry.id.desc())
    return _rows(query)


def _filtered(query: Any, wanted: JournalFilter) -> Any:
    if wanted.tag:
        query = query.where(
            JournalEntry.id.in_(
                JournalTag.select(JournalTag.entry).where(JournalTag.name == wanted.tag)
            )
        )
    if wanted.mood is not None:
        query = query.where(JournalEntry.mood == wanted.mood)
    if wanted.shared_only:
        query = query.where(JournalEntry.shared == True)  # noqa: E712 (SQL, not Python)
    if wanted.person_id is not None:
        query = query.where(
            JournalEntry.id.in_(
                JournalLink.select(JournalLink.entry).where(
                    (JournalLink.contact == wanted.person_id)
                    | JournalLink.conversation.in_(
                        Conversation.select(Conversation.id).where(
                            Conversation.contact == wanted.person_id
                        )
                    )
                )
            )
        )
    return query


def _rows(query: Any) -> list[Any]:
    """The plain rows of a query, without peewee's per-row conversion (3x faster on
    tens of thousands of rows)."""
    return list(db.execute_sql(*query.sql()).fetchall())


def entry_count() -> int:
    return JournalEntry.select().count()
