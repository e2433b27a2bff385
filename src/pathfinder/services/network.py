"""Reading the network as a whole: who is going cold, who to contact next, giving back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from peewee import JOIN, fn

from pathfinder.services.contact_fields import LEVEL_LABELS
from pathfinder.store.models import Contact, FollowUp, Interaction, InteractionKind, Organisation


@dataclass(frozen=True)
class Suggestion:
    person_id: int
    name: str
    organisation: str
    reason: str


@dataclass(frozen=True)
class GivingBack:
    gave: int
    received: int


def _clock_start(last_contact_on: date | None, created: object) -> date:
    """The stay-in-touch clock runs from the last interaction, or from when they were added."""
    if last_contact_on is not None:
        return last_contact_on
    return created.date() if hasattr(created, "date") else date.fromisoformat(str(created)[:10])


def going_cold_ids(today: date) -> set[int]:
    """People whose stay-in-touch cadence has lapsed since the last interaction."""
    query = Contact.select(
        Contact.id, Contact.cadence_days, Contact.last_contact_on, Contact.created_at
    ).where(~Contact.archived & Contact.cadence_days.is_null(False))
    cold = set()
    for person_id, cadence, last, created in query.tuples():
        if _clock_start(last, created) + timedelta(days=cadence) < today:
            cold.add(person_id)
    return cold


def going_cold(today: date, limit: int | None = None) -> list[Suggestion]:
    """The people going cold, most important first (level, then longest lapsed)."""
    ids = going_cold_ids(today)
    query = (
        Contact.select(Contact, Organisation.name)
        .join(Organisation, on=(Contact.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
        .where(Contact.id.in_(list(ids)))
    )
    rows = []
    for row in query:
        start = _clock_start(row.last_contact_on, row.created_at)
        lapsed = (today - start).days - row.cadence_days
        organisation = row.organisation.name if row.organisation_id else ""
        reason = (
            f"{(today - start).days} days since you last talked"
            if row.last_contact_on
            else f"added {(today - start).days} days ago, not contacted yet"
        )
        rows.append(
            (
                row.level,
                -lapsed,
                row.name.lower(),
                Suggestion(row.id, row.name, organisation, reason),
            )
        )
    rows.sort(key=lambda item: item[:3])
    suggestions = [item[3] for item in rows]
    return suggestions[:limit] if limit else suggestions


def who_to_contact_next(today: date, limit: int = 5) -> list[Suggestion]:
    """A ranked list of people worth reaching out to, each with its reason.

    The order, from the networking advice Pathfinder is built on:

    1. people with hiring power who work in the target field;
    2. then people at a target organisation;
    3. then everyone else.

    Within each group, closer people come first (inner circle, then people who
    know you, then new contacts: asking people who already trust you is easiest),
    and among equals the one you have not talked to for longest comes first;
    someone never contacted counts from the day they were added. Archived people,
    and people who already have a follow-up planned for later, are left out: a
    plan exists for them.
    """
    planned = {
        person_id
        for (person_id,) in FollowUp.select(FollowUp.contact)
        .where(FollowUp.done_on.is_null() & (FollowUp.due_on > today))
        .tuples()
    }
    query = (
        Contact.select(
            Contact.id,
            Contact.name,
            Contact.level,
            Contact.hiring_power,
            Contact.target_field,
            Contact.last_contact_on,
            Contact.created_at,
            Organisation.name,
            Organisation.is_target,
        )
        .join(Organisation, on=(Contact.organisation == Organisation.id), join_type=JOIN.LEFT_OUTER)
        .where(~Contact.archived)
        .tuples()
    )
    ranked = []
    for (
        person_id,
        name,
        level,
        hiring,
        target_field,
        last,
        created,
        organisation,
        target_org,
    ) in query:
        if person_id in planned:
            continue
        if hiring and target_field:
            group, reasons = 0, ["hiring power", "target field"]
        elif target_org:
            group, reasons = 1, [f"at {organisation}, a target organisation"]
        else:
            group, reasons = 2, [LEVEL_LABELS[level].lower()]
        start = _clock_start(last, created)
        days = (today - start).days
        reasons.append(f"{days} days since last contact" if last else "not contacted yet")
        ranked.append(
            (
                group,
                level,
                -days,
                name.lower(),
                person_id,
                Suggestion(person_id, name, organisation or "", " · ".join(reasons)),
            )
        )
    ranked.sort(key=lambda item: item[:5])
    return [item[5] for item in ranked[:limit]]


def giving_back(person_id: int | None = None) -> GivingBack:
    """How often the person gave and received, for one contact or overall."""
    query = (
        Interaction.select(InteractionKind.counts_as, fn.count(Interaction.id))
        .join(InteractionKind)
        .where(InteractionKind.counts_as != "")
        .group_by(InteractionKind.counts_as)
    )
    if person_id is not None:
        query = query.where(Interaction.contact == person_id)
    counts = dict(query.tuples())
    return GivingBack(gave=counts.get("gave", 0), received=counts.get("received", 0))
