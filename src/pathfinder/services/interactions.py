"""Interactions with people (their timeline) and the editable list of interaction kinds.

Logging or removing an interaction keeps the person's `last_contact_on` current,
which is what resets their stay-in-touch clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from peewee import fn

from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError, clean_text
from pathfinder.store.database import write_transaction
from pathfinder.store.models import Contact, FollowUp, Interaction, InteractionKind

NOTES_LIMIT = 2_000_000
SUMMARY_LIMIT = 1_000


@dataclass(frozen=True)
class Kind:
    id: int
    name: str
    counts_as: str
    retired: bool


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a person's timeline: an interaction, an introduction or a follow-up."""

    on: date
    what: Literal["interaction", "introduced_by", "introduced", "follow_up"]
    title: str
    detail: str
    interaction_id: int | None = None
    other_person_id: int | None = None


def kinds(include_retired: bool = False) -> list[Kind]:
    query = InteractionKind.select().order_by(InteractionKind.position, InteractionKind.id)
    if not include_retired:
        query = query.where(~InteractionKind.retired)
    return [Kind(k.id, k.name, k.counts_as, k.retired) for k in query]


def kind_id(name: str) -> int:
    kind = InteractionKind.get_or_none(InteractionKind.name == name.strip())
    if kind is None:
        raise LookupError(f"no interaction kind called {name!r}")
    return int(kind.id)


def add_kind(name: str) -> Kind:
    cleaned = clean_text("name", name, limit=60, required="Name the new kind.")
    if InteractionKind.get_or_none(InteractionKind.name == cleaned):
        raise ValidationError("name", f"There is already a kind called {cleaned}.")
    position = InteractionKind.select(fn.max(InteractionKind.position)).scalar() or 0
    with write_transaction():
        new_id = InteractionKind.insert(name=cleaned, position=position + 1).execute()
    return Kind(new_id, cleaned, "", False)


# Kinds Pathfinder logs by itself (a meeting, a thank-you, an event, a sent draft), found by
# name: they keep their names.
OWN_KINDS = ("informational interview", "thank-you", "event", "message")


def rename_kind(kind_to_rename: int, name: str) -> None:
    cleaned = clean_text("name", name, limit=60, required="A kind needs a name.")
    current = InteractionKind.get_or_none(InteractionKind.id == kind_to_rename)
    if current is not None and current.name.casefold() in OWN_KINDS and cleaned != current.name:
        raise ValidationError(
            "name",
            f"Pathfinder logs “{current.name}” by itself (for conversations, events and "
            "drafts), so it keeps its name. Add a kind of your own instead.",
        )
    clash = InteractionKind.get_or_none(
        (InteractionKind.name == cleaned) & (InteractionKind.id != kind_to_rename)
    )
    if clash is not None:
        raise ValidationError("name", f"There is already a kind called {clash.name}.")
    with write_transaction():
        InteractionKind.update(name=cleaned).where(InteractionKind.id == kind_to_rename).execute()


def retire_kind(kind_to_retire: int, retired: bool = True) -> None:
    """Hide a kind from new interactions; those already logged keep it."""
    with write_transaction():
        InteractionKind.update(retired=retired).where(
            InteractionKind.id == kind_to_retire
        ).execute()


def log_interaction(
    person_id: int,
    kind: int,
    *,
    on: date | None = None,
    summary: str = "",
    notes: str = "",
    now: datetime | None = None,
) -> int:
    """Log an interaction (today by default); returns its id."""
    now = now or datetime.now()
    on = on or now.date()
    if not on.year >= 1900:
        raise ValidationError("on", "That date is out of range.")
    if on > now.date():
        raise ValidationError(
            "on", "That day hasn't happened yet. To plan a conversation, add a follow-up."
        )
    cleaned_summary = clean_text("summary", summary, limit=SUMMARY_LIMIT)
    cleaned_notes = clean_text("notes", notes, limit=NOTES_LIMIT)
    if Contact.get_or_none(Contact.id == person_id) is None:
        raise RecordNotFound(f"person {person_id}")
    with write_transaction():
        interaction_id = Interaction.insert(
            contact=person_id,
            happened_on=on,
            kind=kind,
            summary=cleaned_summary,
            notes=cleaned_notes,
            created_at=now,
        ).execute()
        refresh_last_contact(person_id)
    return int(interaction_id)


def delete_interaction(interaction_id: int) -> dict[str, Any]:
    row = Interaction.get_or_none(Interaction.id == interaction_id)
    if row is None:
        raise RecordNotFound(f"interaction {interaction_id}")
    snapshot: dict[str, Any] = dict(row.__data__)
    with write_transaction():
        row.delete_instance()
        refresh_last_contact(snapshot["contact"])
    return snapshot


def restore_interaction(snapshot: dict[str, Any]) -> None:
    with write_transaction():
        Interaction.insert(**snapshot).on_conflict_ignore().execute()
        refresh_last_contact(snapshot["contact"])


def refresh_last_contact(person_id: int) -> None:
    """Set `last_contact_on` to the newest interaction (this restarts the stay-in-touch clock)."""
    newest = (
        Interaction.select(fn.max(Interaction.happened_on))
        .where(Interaction.contact == person_id)
        .scalar()
    )
    Contact.update(last_contact_on=newest).where(Contact.id == person_id).execute()


def timeline(person_id: int) -> list[TimelineEntry]:
    """Everything that happened with a person, newest first."""
    entries: list[TimelineEntry] = []
    query = (
        Interaction.select(Interaction, InteractionKind.name)
        .join(InteractionKind)
        .where(Interaction.contact == person_id)
    )
    for row in query:
        entries.append(
            TimelineEntry(
                row.happened_on,
                "interaction",
                row.kind.name.capitalize(),
                row.summary,
                interaction_id=row.id,
            )
        )
    person = Contact.get_or_none(Contact.id == person_id)
    if person is not None and person.introduced_by_id is not None:
        introducer = Contact.get_or_none(Contact.id == person.introduced_by_id)
        if introducer is not None:
            entries.append(
                TimelineEntry(
                    person.introduced_on or person.created_at.date(),
                    "introduced_by",
                    f"Introduced by {introducer.name}",
                    "",
                    other_person_id=introducer.id,
                )
            )
    for other in Contact.select().where(Contact.introduced_by == person_id):
        entries.append(
            TimelineEntry(
                other.introduced_on or other.created_at.date(),
                "introduced",
                f"Introduced you to {other.name}",
                "",
                other_person_id=other.id,
            )
        )
    for follow_up in FollowUp.select().where(
        (FollowUp.contact == person_id) & FollowUp.done_on.is_null(False)
    ):
        entries.append(
            TimelineEntry(follow_up.done_on, "follow_up", "Followed up", follow_up.reason)
        )
    entries.sort(key=lambda entry: entry.on, reverse=True)
    return entries


def introduce(introducer_id: int, person_id: int, *, on: date | None = None) -> None:
    """Record that `introducer_id` introduced the user to `person_id`."""
    if introducer_id == person_id:
        raise ValidationError("introduced_by", "Someone can't introduce you to themselves.")
    if Contact.select().where(Contact.id.in_([introducer_id, person_id])).count() != 2:
        raise RecordNotFound(f"person {introducer_id} or {person_id}")
    with write_transaction():
        Contact.update(introduced_by=introducer_id, introduced_on=on or date.today()).where(
            Contact.id == person_id
        ).execute()


def forget_introduction(person_id: int) -> None:
    """Remove who introduced the user to `person_id` (a link made by mistake)."""
    with write_transaction():
        Contact.update(introduced_by=None, introduced_on=None).where(
            Contact.id == person_id
        ).execute()


def interaction_count(person_id: int) -> int:
    return int(Interaction.select().where(Interaction.contact == person_id).count())


def person_of(interaction_id: int) -> int | None:
    """Whose timeline the interaction is on (None if it is gone)."""
    row = Interaction.get_or_none(Interaction.id == interaction_id)
    return None if row is None else int(row.contact_id)
