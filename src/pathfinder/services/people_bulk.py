"""Changes to many people at once: level, archive, delete (with what undo needs)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from pathfinder.services import journal
from pathfinder.services.validation import ValidationError
from pathfinder.store.backup import backup_first
from pathfinder.store.database import db, write_transaction
from pathfinder.store.models import (
    LEVELS,
    Contact,
    ContactTag,
    Conversation,
    ConversationIntroduction,
    ConversationQuestion,
    Event,
    EventPerson,
    FollowUp,
    Interaction,
    RoleHeld,
)


def levels_of(person_ids: Iterable[int]) -> dict[int, int]:
    query = Contact.select(Contact.id, Contact.level).where(Contact.id.in_(list(person_ids)))
    return dict(query.tuples())


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


def count_conversations(person_ids: Iterable[int]) -> int:
    """How many informational interviews a delete of these people would take with it."""
    return int(Conversation.select().where(Conversation.contact.in_(list(person_ids))).count())


_DEPENDENTS = (ContactTag, RoleHeld, Interaction, FollowUp)


def back_up(backups_dir: Path, now: datetime) -> Path:
    """A backup before deleting several people (StorageWriteError: nothing deleted)."""
    return backup_first(db.connection(), backups_dir, "before-delete", now)


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
    # Conversations and events hang off people too (deleted with them by the database).
    conversations = [
        row.__data__.copy() for row in Conversation.select().where(Conversation.contact.in_(ids))
    ]
    conversation_ids = [row["id"] for row in conversations]
    snapshot["conversation"] = conversations
    snapshot["conversation_question"] = [
        row.__data__.copy()
        for row in ConversationQuestion.select().where(
            ConversationQuestion.conversation.in_(conversation_ids)
        )
    ]
    snapshot["conversation_introduction"] = [
        row.__data__.copy()
        for row in ConversationIntroduction.select().where(
            ConversationIntroduction.conversation.in_(conversation_ids)
            | ConversationIntroduction.contact.in_(ids)
        )
    ]
    snapshot["event_person"] = [
        row.__data__.copy() for row in EventPerson.select().where(EventPerson.contact.in_(ids))
    ]
    snapshot["journal_link"] = journal.links_snapshot(
        contact_ids=ids, conversation_ids=conversation_ids
    )
    with write_transaction():
        Contact.delete().where(Contact.id.in_(ids)).execute()
    return snapshot


def restore_people(snapshot: dict[str, list[dict[str, Any]]]) -> None:
    """Put deleted people back with everything that hung off them.

    A link to someone who is not there any more is left empty, and an
    introduction recorded since the delete is not overwritten.
    """
    with write_transaction():
        # People first without who introduced them (that person may be restored later
        # in the same loop), then the links.
        for row in snapshot["contact"]:
            Contact.insert(**{**row, "introduced_by": None}).on_conflict_ignore().execute()
        links = [
            *(
                {"id": row["id"], "introduced_by": row["introduced_by"]}
                for row in snapshot["contact"]
            ),
            *snapshot["introduced"],
        ]
        present = {
            person_id
            for (person_id,) in Contact.select(Contact.id)
            .where(
                Contact.id.in_(
                    [link["introduced_by"] for link in links if link["introduced_by"] is not None]
                )
            )
            .tuples()
        }
        for link in links:
            if link["introduced_by"] in present:
                Contact.update(introduced_by=link["introduced_by"]).where(
                    (Contact.id == link["id"]) & Contact.introduced_by.is_null()
                ).execute()
        for model in _DEPENDENTS:
            for row in snapshot[model._meta.table_name]:
                model.insert(**row).on_conflict_ignore().execute()
        for row in snapshot.get("conversation", []):
            Conversation.insert(**row).on_conflict_ignore().execute()
        for row in snapshot.get("conversation_question", []):
            ConversationQuestion.insert(**row).on_conflict_ignore().execute()
        people_now = {pid for (pid,) in Contact.select(Contact.id).tuples()}
        conversations_now = {cid for (cid,) in Conversation.select(Conversation.id).tuples()}
        for row in snapshot.get("conversation_introduction", []):
            if row["contact"] in people_now and row["conversation"] in conversations_now:
                ConversationIntroduction.insert(**row).on_conflict_ignore().execute()
        for row in snapshot.get("event_person", []):
            if Event.get_or_none(Event.id == row["event"]) is not None:
                EventPerson.insert(**row).on_conflict_ignore().execute()
        journal.restore_links(snapshot.get("journal_link", []))
