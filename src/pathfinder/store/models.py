"""The notebook's tables, as the current code sees them.

Tables arrive by migration as sections land (see `migrations/`); a test proves
that a freshly migrated notebook matches these models exactly.
Times are the user's local wall-clock time, as they would write it in a diary.
"""

from __future__ import annotations

from peewee import (
    SQL,
    Check,
    DateField,
    DateTimeField,
    IntegerField,
    NodeList,
    TextField,
)
from playhouse.sqlite_ext import AutoIncrementField

from pathfinder.store.database import BaseModel

ROLE_STATUSES = ("exploring", "talking", "fits", "doesnt_fit")
GOAL_KINDS = ("mentor", "job", "industry", "other")


def _one_of(column: str, values: tuple[str, ...]) -> SQL | NodeList:
    listed = ", ".join(f"'{value}'" for value in values)
    return Check(f"{column} IN ({listed})")


class RecordModel(BaseModel):
    """A table whose rows are numbered records (not a table of its own).

    AUTOINCREMENT means an id is never handed out twice, so undoing a delete can
    put a record back under its own id without colliding with a newer one.
    """

    id = AutoIncrementField()


class WhyVersion(RecordModel):
    """One dated version of the person's why; the newest is the current one."""

    written_at = DateTimeField(index=True)
    updated_at = DateTimeField()
    coming_from = TextField(default="")
    going_to = TextField(default="")
    reason = TextField(default="")


class TargetRole(RecordModel):
    title = TextField()
    industry = TextField(default="")
    status = TextField(default="exploring", constraints=[_one_of("status", ROLE_STATUSES)])
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()


class Goal(RecordModel):
    title = TextField()
    kind = TextField(default="other", constraints=[_one_of("kind", GOAL_KINDS)])
    target_number = IntegerField(null=True)
    due_on = DateField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()


ALL_MODELS: list[type[BaseModel]] = [WhyVersion, TargetRole, Goal]
