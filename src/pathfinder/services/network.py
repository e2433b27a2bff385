"""Reading the network as a whole: who is going cold, who to contact next, giving back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import fn

from pathfinder.services.contact_fields import LEVEL_LABELS
from pathfinder.store.database import db
from pathfinder.store.models import Interaction, InteractionKind

# Who to contact next, group by group (see `who_to_contact_next`).
_HIRING = "c.hiring_power AND c.target_field"
_GROUPS = (
    _HIRING,
    f"NOT ({_HIRING}) AND coalesce(o.is_target, 0)",
    f"NOT ({_HIRING}) AND NOT coalesce(o.is_target, 0)",
)


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


# When the stay-in-touch clock started, in SQL (as a Julian day number): the last
# interaction, else the day added; and the day a cadence lapses. Both are indexed
# (migration 8) with these very expressions, under these very conditions (the index
# on the first is only for queries that say `c.level IS NOT NULL`).
_CLOCK_START = "julianday(coalesce(c.last_contact_on, date(c.created_at)))"
_LAPSES = f"{_CLOCK_START} + c.cadence_days"
_COLD = f"NOT c.archived AND c.cadence_days IS NOT NULL AND {_LAPSES} < julianday(:today)"
_DAYS = f"CAST(julianday(:today) - {_CLOCK_START} AS INTEGER)"  # since the clock started


def going_cold_ids(today: date) -> set[int]:
    """People whose stay-in-touch cadence has lapsed since the last interaction."""
    rows = db.execute_sql(
        f"SELECT c.id FROM contact AS c WHERE {_COLD}", {"today": today.isoformat()}
    ).fetchall()
    return {person_id for (person_id,) in rows}


def going_cold(today: date, limit: int | None = None) -> list[Suggestion]:
    """The people going cold, most important first (level, then longest lapsed).

    Read in the order of the `contact_lapses` index, so only the few shown are read
    even when thousands have lapsed."""
    rows = db.execute_sql(
        f"SELECT c.id, c.name, coalesce(o.name, ''), c.last_contact_on IS NOT NULL, {_DAYS} "
        f"FROM contact AS c LEFT JOIN organisation AS o ON o.id = c.organisation_id "
        f"WHERE {_COLD} ORDER BY c.level, {_LAPSES}, lower(c.name), c.id LIMIT :limit",
        {"today": today.isoformat(), "limit": -1 if limit is None else limit},
    ).fetchall()
    return [
        Suggestion(
            person_id,
            name,
            organisation,
            f"{days} days since you last talked"
            if contacted
            else f"added {days} days ago, not contacted yet",
        )
        for person_id, name, organisation, contacted, days in rows
    ]


def who_to_contact_next(today: date, limit: int | None = 5) -> list[Suggestion]:
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
    plan exists for them. Ranked in SQL: with 30,000 people only the few shown are read.
    """
    rows: list[tuple[Any, ...]] = []
    for group in _GROUPS:
        left = -1 if limit is None else limit - len(rows)
        if left == 0:
            break
        # Each group read in the order of the `contact_clock_start` index, up to the few
        # still wanted.
        rows += db.execute_sql(
            "SELECT c.id, c.name, coalesce(o.name, ''), c.level, "
            f"c.hiring_power AND c.target_field, coalesce(o.is_target, 0), "
            f"c.last_contact_on IS NOT NULL, {_DAYS} "
            "FROM contact AS c LEFT JOIN organisation AS o ON o.id = c.organisation_id "
            f"WHERE NOT c.archived AND c.level IS NOT NULL AND {group} "
            "AND c.id NOT IN (SELECT contact_id "
            "FROM follow_up WHERE done_on IS NULL AND due_on > :today) "
            f"ORDER BY c.level, {_CLOCK_START}, lower(c.name), c.id LIMIT :limit",
            {"today": today.isoformat(), "limit": left},
        ).fetchall()
    suggestions = []
    for person_id, name, organisation, level, hiring, target_org, contacted, days in rows:
        if hiring:
            reasons = ["hiring power", "target field"]
        elif target_org:
            reasons = [f"at {organisation}, a target organisation"]
        else:
            reasons = [LEVEL_LABELS[level].lower()]
        reasons.append(f"{days} days since last contact" if contacted else "not contacted yet")
        suggestions.append(Suggestion(person_id, name, organisation, " · ".join(reasons)))
    return suggestions


def giving_back(person_id: int | None = None) -> GivingBack:
    """How often the person gave and received, for one contact or overall."""
    if person_id is None:
        # Counted kind by kind through the interaction_kind_id index: with 100,000
        # interactions, a tenth of a millisecond instead of ten.
        counts = dict(
            db.execute_sql(
                "SELECT k.counts_as, sum((SELECT count(*) FROM interaction AS i "
                "WHERE i.kind_id = k.id)) FROM interaction_kind AS k "
                "WHERE k.counts_as != '' GROUP BY k.counts_as"
            ).fetchall()
        )
        return GivingBack(gave=counts.get("gave", 0), received=counts.get("received", 0))
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
