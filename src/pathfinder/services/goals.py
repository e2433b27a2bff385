"""Goals: what the person wants from their networking, optionally with a number and a date.

Progress figures come with the sections that produce the data; the records live here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pathfinder.services.records import delete_record, restore_record, update_record
from pathfinder.services.validation import (
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    clean_choice,
    clean_due_date,
    clean_target_number,
    clean_text,
)
from pathfinder.store.database import write_transaction
from pathfinder.store.models import GOAL_KINDS, Goal

GOAL_KIND_LABELS = {
    "mentor": "Find a mentor",
    "job": "Land a job",
    "industry": "Learn the industry",
    "other": "Something else",
}
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

    @property
    def kind_label(self) -> str:
        return GOAL_KIND_LABELS[self.kind]


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
    )


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    cleaners = {
        "title": lambda v: clean_text("title", v, limit=SHORT_TEXT_LIMIT, required=TITLE_REQUIRED),
        "kind": lambda v: clean_choice("kind", v, GOAL_KINDS),
        "target_number": lambda v: clean_target_number("target_number", v),
        "due_on": lambda v: clean_due_date("due_on", v),
        "notes": lambda v: clean_text("notes", v, limit=LONG_TEXT_LIMIT),
    }
    unknown = set(fields) - set(cleaners)
    if unknown:
        raise TypeError(f"not a goal field: {sorted(unknown)}")
    return {name: cleaners[name](value) for name, value in fields.items()}


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
) -> GoalRecord:
    now = now or datetime.now()
    fields = _clean(
        {
            "title": title,
            "kind": kind,
            "target_number": target_number,
            "due_on": due_on,
            "notes": notes,
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
