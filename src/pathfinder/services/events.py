"""Events: conferences, webinars, meetups, workshops, association meetings, and who
was met there (each person met gets an "event" entry on their timeline)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pathfinder.services import interactions, journal
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import (
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    ValidationError,
    clean_choice,
    clean_text,
)
from pathfinder.store.database import write_transaction
from pathfinder.store.models import EVENT_KINDS, Contact, Event, EventPerson, Interaction

EVENT_KIND_LABELS = {
    "conference": "Conference",
    "webinar": "Webinar",
    "meetup": "Meetup",
    "workshop": "Workshop",
    "association": "Association meeting",
    "other": "Other",
}
NAME_REQUIRED = "Give the event a name, for example “EdTech meetup, March”."


@dataclass(frozen=True)
class EventRecord:
    id: int
    name: str
    happened_on: date
    kind: str
    place: str
    notes: str
    people: tuple[tuple[int, str], ...]  # (person id, name) of those met there

    @property
    def title(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        return EVENT_KIND_LABELS[self.kind]


def _clean_day(value: date | None) -> date:
    if value is None:
        raise ValidationError("happened_on", "Pick the day of the event.")
    return value


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    cleaners: dict[str, Any] = {
        "name": lambda v: clean_text("name", v, limit=SHORT_TEXT_LIMIT, required=NAME_REQUIRED),
        "happened_on": _clean_day,
        "kind": lambda v: clean_choice("kind", v, EVENT_KINDS),
        "place": lambda v: clean_text("place", v, limit=SHORT_TEXT_LIMIT),
        "notes": lambda v: clean_text("notes", v, limit=LONG_TEXT_LIMIT),
    }
    return {name: cleaners[name](value) for name, value in fields.items()}


def _record(row: Event) -> EventRecord:
    met = (
        EventPerson.select(EventPerson.contact, Contact.name)
        .join(Contact)
        .where(EventPerson.event == row.id)
        .order_by(Contact.name)
        .tuples()
    )
    return EventRecord(
        row.id, row.name, row.happened_on, row.kind, row.place, row.notes, tuple(met)
    )


def list_events() -> list[EventRecord]:
    """Every event, the most recent first."""
    return [_record(row) for row in Event.select().order_by(Event.happened_on.desc(), Event.id)]


def get_event(event_id: int) -> EventRecord | None:
    row = Event.get_or_none(Event.id == event_id)
    return _record(row) if row else None


def add_event(
    name: str,
    happened_on: date,
    kind: str = "meetup",
    place: str = "",
    notes: str = "",
    *,
    now: datetime | None = None,
) -> EventRecord:
    fields = _clean(
        {"name": name, "happened_on": happened_on, "kind": kind, "place": place, "notes": notes}
    )
    with write_transaction():
        new_id = Event.insert(created_at=now or datetime.now(), **fields).execute()
    found = get_event(int(new_id))
    assert found is not None
    return found


def update_event(event_id: int, *, now: datetime | None = None, **fields: Any) -> EventRecord:
    today = (now or datetime.now()).date()
    new_day = fields.get("happened_on")
    if (
        new_day is not None
        and new_day > today
        and EventPerson.select().where(EventPerson.event == event_id).exists()
    ):
        raise ValidationError(
            "happened_on", "You met people there, so it has happened: pick a past day."
        )
    with write_transaction():
        if not Event.update(**_clean(fields)).where(Event.id == event_id).execute():
            raise RecordNotFound(f"event {event_id}")
        row = Event.get_by_id(event_id)
        # The timeline entries of the people met follow the event's date.
        for link in EventPerson.select().where(EventPerson.event == event_id):
            if link.interaction_id is not None:
                Interaction.update(happened_on=row.happened_on).where(
                    Interaction.id == link.interaction_id
                ).execute()
                interactions.refresh_last_contact(link.contact_id)
    found = get_event(event_id)
    assert found is not None
    return found


def met_at_event(event_id: int, person_id: int, *, now: datetime | None = None) -> None:
    """Record meeting someone there; their timeline gets an "event" entry on that day."""
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise RecordNotFound(f"event {event_id}")
    if event.happened_on > (now or datetime.now()).date():
        raise ValidationError(
            "who", "This event hasn't happened yet; add the people you met once it has."
        )
    if (
        EventPerson.get_or_none(
            (EventPerson.event == event_id) & (EventPerson.contact == person_id)
        )
        is not None
    ):
        raise ValidationError("person", "They are on this event's list already.")
    with write_transaction():
        interaction_id = interactions.log_interaction(
            person_id,
            interactions.kind_id("event"),
            on=event.happened_on,
            summary=f"Met at {event.name}",
            now=now,
        )
        EventPerson.insert(event=event_id, contact=person_id, interaction=interaction_id).execute()


def not_met_at_event(event_id: int, person_id: int) -> None:
    link = EventPerson.get_or_none(
        (EventPerson.event == event_id) & (EventPerson.contact == person_id)
    )
    if link is None:
        return
    with write_transaction():
        EventPerson.delete().where(
            (EventPerson.event == event_id) & (EventPerson.contact == person_id)
        ).execute()
        if link.interaction_id is not None:
            interactions.delete_interaction(link.interaction_id)


def delete_event(event_id: int) -> dict[str, Any]:
    """Delete an event; the people and their timelines stay."""
    row = Event.get_or_none(Event.id == event_id)
    if row is None:
        raise RecordNotFound(f"event {event_id}")
    snapshot = {
        "event": dict(row.__data__),
        "people": [
            dict(link.__data__)
            for link in EventPerson.select().where(EventPerson.event == event_id)
        ],
        "journal_links": journal.links_snapshot(event_ids=[event_id]),
    }
    with write_transaction():
        row.delete_instance()
    return snapshot


def restore_event(snapshot: dict[str, Any]) -> None:
    with write_transaction():
        Event.insert(**snapshot["event"]).on_conflict_ignore().execute()
        for link in snapshot["people"]:
            link = dict(link)
            if Contact.get_or_none(Contact.id == link["contact"]) is None:
                continue
            if (
                link.get("interaction") is not None
                and Interaction.get_or_none(Interaction.id == link["interaction"]) is None
            ):
                link["interaction"] = None
            EventPerson.insert(**link).on_conflict_ignore().execute()
        journal.restore_links(snapshot.get("journal_links", []))
