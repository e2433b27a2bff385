"""Follow-ups: a date and a reason to get back to someone; done or snoozed.

`due_and_overdue(today)` is what Today and the calendar export build on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError, clean_due_date, clean_text
from pathfinder.store.database import write_transaction
from pathfinder.store.models import Contact, FollowUp

REASON_LIMIT = 1_000


@dataclass(frozen=True)
class FollowUpRecord:
    id: int
    person_id: int
    person_name: str
    due_on: date
    reason: str
    done_on: date | None

    def days_overdue(self, today: date) -> int:
        return (today - self.due_on).days


def _record(row: FollowUp) -> FollowUpRecord:
    return FollowUpRecord(
        row.id, row.contact_id, row.contact.name, row.due_on, row.reason, row.done_on
    )


def _query():  # type: ignore[no-untyped-def]
    return FollowUp.select(FollowUp, Contact.name).join(Contact)


def add_follow_up(
    person_id: int, due_on: date, reason: str = "", *, now: datetime | None = None
) -> FollowUpRecord:
    due = clean_due_date("due_on", due_on)
    if due is None:
        raise ValidationError("due_on", "Pick the day to follow up.")
    cleaned = clean_text("reason", reason, limit=REASON_LIMIT)
    if Contact.get_or_none(Contact.id == person_id) is None:
        raise RecordNotFound(f"person {person_id}")
    with write_transaction():
        new_id = FollowUp.insert(
            contact=person_id, due_on=due, reason=cleaned, created_at=now or datetime.now()
        ).execute()
    return _record(_query().where(FollowUp.id == new_id).get())


def follow_ups_of(person_id: int) -> list[FollowUpRecord]:
    """A person's open follow-ups, soonest first."""
    query = _query().where((FollowUp.contact == person_id) & FollowUp.done_on.is_null())
    return [_record(row) for row in query.order_by(FollowUp.due_on)]


def due_and_overdue(today: date, limit: int | None = None) -> list[FollowUpRecord]:
    """Open follow-ups due today or earlier, most overdue first (archived people left out);
    the first `limit` of them when a limit is given."""
    query = _query().where(
        FollowUp.done_on.is_null() & (FollowUp.due_on <= today) & ~Contact.archived
    )
    query = query.order_by(FollowUp.due_on, FollowUp.id)
    if limit is not None:
        query = query.limit(limit)
    return [_record(row) for row in query]


def count_due(today: date) -> int:
    """How many open follow-ups are due today or earlier."""
    return int(
        FollowUp.select()
        .join(Contact)
        .where(FollowUp.done_on.is_null() & (FollowUp.due_on <= today) & ~Contact.archived)
        .count()
    )


def mark_done(follow_up_id: int, today: date) -> None:
    _change(follow_up_id, done_on=today)


def reopen(follow_up_id: int) -> None:
    _change(follow_up_id, done_on=None)


def snooze(follow_up_id: int, until: date) -> None:
    due = clean_due_date("due_on", until)
    if due is None:
        raise ValidationError("due_on", "Pick the day to be reminded again.")
    _change(follow_up_id, due_on=due)


def snooze_by(follow_up_id: int, today: date, days: int) -> None:
    snooze(follow_up_id, today + timedelta(days=days))


def delete_follow_up(follow_up_id: int) -> None:
    with write_transaction():
        FollowUp.delete().where(FollowUp.id == follow_up_id).execute()


def _change(follow_up_id: int, **fields: object) -> None:
    with write_transaction():
        changed = FollowUp.update(**fields).where(FollowUp.id == follow_up_id).execute()
    if not changed:
        raise RecordNotFound(f"follow-up {follow_up_id}")
