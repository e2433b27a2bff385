"""Goals: what the person wants from their networking, optionally with a number and a date,
and their progress, counted from the notebook wherever something can be counted."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from pathfinder.services.records import delete_record, restore_record, update_record
from pathfinder.services.validation import (
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    ValidationError,
    clean_choice,
    clean_due_date,
    clean_target_number,
    clean_text,
)
from pathfinder.store.database import write_transaction
from pathfinder.store.models import (
    GOAL_KINDS,
    GOAL_PERIODS,
    Contact,
    Conversation,
    Goal,
    Interaction,
    InteractionKind,
    JournalEntry,
)

GOAL_KIND_LABELS = {
    "interviews": "Informational interviews",
    "new_people": "New contacts",
    "journal": "Journal entries",
    "given": "Things given",
    "mentor": "Find a mentor",
    "job": "Land a job",
    "industry": "Learn the industry",
    "other": "Something else",
}
# The kinds nothing in the notebook can count: the person keeps the count by hand.
MANUAL_KINDS = ("job", "industry", "other")
# Kinds counted over the goal's whole stretch, never per week or month.
WHOLE_STRETCH_KINDS = (*MANUAL_KINDS, "mentor")
PERIOD_LABELS = {"total": "Altogether", "week": "Each week", "month": "Each month"}
PROGRESS_LIMIT = 100_000
TITLE_REQUIRED = "Give the goal a title, for example “Five informational interviews”."


@dataclass(frozen=True)
class GoalRecord:
    id: int
    title: str
    kind: str
    target_number: int | None
    due_on: date | None
    notes: str
    created_at: datetime
    updated_at: datetime
    period: str = "total"
    progress: int | None = None

    @property
    def kind_label(self) -> str:
        return GOAL_KIND_LABELS[self.kind]

    @property
    def counted(self) -> bool:
        """Progress comes from the notebook (not kept by hand)."""
        return self.kind not in MANUAL_KINDS


def _from_row(row: Goal) -> GoalRecord:
    return GoalRecord(
        row.id,
        row.title,
        row.kind,
        row.target_number,
        row.due_on,
        row.notes,
        row.created_at,
        row.updated_at,
        row.period,
        row.progress,
    )


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    cleaners: dict[str, Callable[[Any], Any]] = {
        "title": lambda v: clean_text("title", v, limit=SHORT_TEXT_LIMIT, required=TITLE_REQUIRED),
        "kind": lambda v: clean_choice("kind", v, GOAL_KINDS),
        "target_number": lambda v: clean_target_number("target_number", v),
        "due_on": lambda v: clean_due_date("due_on", v),
        "notes": lambda v: clean_text("notes", v, limit=LONG_TEXT_LIMIT),
        "period": lambda v: clean_choice("period", v, GOAL_PERIODS),
        "progress": lambda v: _clean_progress(v),
    }
    unknown = set(fields) - set(cleaners)
    if unknown:
        raise TypeError(f"not a goal field: {sorted(unknown)}")
    cleaned = {name: cleaners[name](value) for name, value in fields.items()}
    if cleaned.get("kind") in WHOLE_STRETCH_KINDS:
        cleaned["period"] = "total"  # a mentor found, or a count kept by hand, has no week
    return cleaned


def list_goals() -> list[GoalRecord]:
    """Every goal, in the order they were added."""
    query = Goal.select().order_by(Goal.id)
    return [_from_row(row) for row in query]


def get_goal(goal_id: int) -> GoalRecord | None:
    row = Goal.get_or_none(Goal.id == goal_id)
    return _from_row(row) if row else None


def add_goal(
    title: str,
    kind: str = "other",
    target_number: int | None = None,
    due_on: date | None = None,
    notes: str = "",
    *,
    now: datetime | None = None,
    period: str = "total",
    progress: int | None = None,
) -> GoalRecord:
    now = now or datetime.now()
    fields = _clean(
        {
            "title": title,
            "kind": kind,
            "target_number": target_number,
            "due_on": due_on,
            "notes": notes,
            "period": period,
            "progress": progress,
        }
    )
    with write_transaction():
        row_id = Goal.insert(created_at=now, updated_at=now, **fields).execute()
    return _from_row(Goal.get_by_id(row_id))


def update_goal(goal_id: int, *, now: datetime | None = None, **fields: Any) -> GoalRecord:
    update_record(Goal, goal_id, _clean(fields), now or datetime.now())
    return _from_row(Goal.get_by_id(goal_id))


def delete_goal(goal_id: int) -> dict[str, Any]:
    return delete_record(Goal, goal_id)


def restore_goal(snapshot: dict[str, Any]) -> None:
    restore_record(Goal, snapshot)


def _clean_progress(value: int | None) -> int | None:
    if value is None:
        return None
    if not 0 <= value <= PROGRESS_LIMIT:
        raise ValidationError("progress", f"Use a number from 0 to {PROGRESS_LIMIT:,}.")
    return value


# -- progress -----------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    goal: GoalRecord
    done: int
    target: int | None
    expected: float | None  # how many would be done by now at an even pace
    status: str  # "done", "on_track", "behind", "ended" (its date passed), "open" (no pace)
    since: date  # the start of the stretch counted

    @property
    def words(self) -> str:
        """ "3 of 10 · on track", "2 this week (goal: 2) · done", "1 mentor found"."""
        what = f"{self.done} of {self.target}" if self.target else f"{self.done} so far"
        if self.goal.period == "week":
            what = f"{self.done} this week" + (f" (goal: {self.target})" if self.target else "")
        elif self.goal.period == "month":
            what = f"{self.done} this month" + (f" (goal: {self.target})" if self.target else "")
        status = {
            "done": "done",
            "on_track": "on track",
            "behind": "behind",
            "ended": "its date has passed",
            "open": "",
        }[self.status]
        return f"{what} · {status}" if status else what


def period_start(goal: GoalRecord, today: date) -> date:
    if goal.kind in WHOLE_STRETCH_KINDS:
        return goal.created_at.date()
    if goal.period == "week":
        return today - timedelta(days=today.weekday())
    if goal.period == "month":
        return today.replace(day=1)
    return goal.created_at.date()


def count_between(kind: str, first: date, last: date) -> int:
    """How many things of a counted kind happened from `first` to `last` (inclusive)."""
    start, end = datetime.combine(first, time.min), datetime.combine(last, time.max)
    if kind == "interviews":
        return int(Conversation.select().where(Conversation.met_on.between(first, last)).count())
    if kind == "new_people":
        return int(
            Contact.select()
            .where(Contact.created_at.between(start, end) & (Contact.level == 3))
            .count()
        )
    if kind == "journal":
        return int(JournalEntry.select().where(JournalEntry.written_at.between(start, end)).count())
    if kind == "given":
        return int(
            Interaction.select()
            .join(InteractionKind)
            .where(
                Interaction.happened_on.between(first, last) & (InteractionKind.counts_as == "gave")
            )
            .count()
        )
    if kind == "mentor":  # found at any time, and still in the network
        return int(
            Contact.select().where((Contact.relationship == "mentor") & ~Contact.archived).count()
        )
    raise ValueError(f"{kind!r} is not counted from the notebook")


def progress_of(goal: GoalRecord, today: date) -> Progress:
    since = period_start(goal, today)
    # A goal with a date counts what happened by that date, not after it.
    until = min(today, goal.due_on) if goal.period == "total" and goal.due_on else today
    done = count_between(goal.kind, since, until) if goal.counted else (goal.progress or 0)
    target = goal.target_number or (1 if goal.kind == "mentor" else None)
    expected = _expected(goal, target, since, today)
    if target is not None and done >= target:
        status = "done"
    elif goal.period == "total" and goal.due_on is not None and today > goal.due_on:
        status = "ended"
    elif target is None or expected is None:
        status = "open"
    elif done >= int(expected):  # whole steps: one of two on a Tuesday is on track
        status = "on_track"
    else:
        status = "behind"
    return Progress(goal, done, target, expected, status, since)


def _expected(goal: GoalRecord, target: int | None, since: date, today: date) -> float | None:
    if target is None:
        return None
    if goal.period == "week":
        return target * (today.weekday() + 1) / 7
    if goal.period == "month":
        days = calendar.monthrange(today.year, today.month)[1]
        return target * today.day / days
    if goal.due_on is None:
        return None
    span = (goal.due_on - since).days
    if span <= 0 or today >= goal.due_on:
        return float(target)
    return target * max(0, (today - since).days) / span


def all_progress(today: date) -> list[Progress]:
    return [progress_of(goal, today) for goal in list_goals()]
