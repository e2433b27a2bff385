"""Shared steps for simple records (roles, goals): update, delete with undo, restore."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pathfinder.store.database import write_transaction
from pathfinder.store.models import RecordModel


class RecordNotFound(LookupError):
    """The record was deleted meanwhile (for example in another window)."""


def update_record(
    model: type[RecordModel], record_id: int, fields: dict[str, Any], now: datetime
) -> None:
    with write_transaction():
        changed = model.update(updated_at=now, **fields).where(model.id == record_id).execute()
    if not changed:
        raise RecordNotFound(f"{model.__name__} {record_id}")


def delete_record(model: type[RecordModel], record_id: int) -> dict[str, Any]:
    """Delete one record and return a snapshot that `restore_record` puts back."""
    row = model.get_or_none(model.id == record_id)
    if row is None:
        raise RecordNotFound(f"{model.__name__} {record_id}")
    snapshot: dict[str, Any] = dict(row.__data__)
    with write_transaction():
        model.delete().where(model.id == record_id).execute()
    return snapshot


def restore_record(model: type[RecordModel], snapshot: dict[str, Any]) -> None:
    """Put a deleted record back under its own id (ids are never reused).

    Restoring a record that is already back changes nothing.
    """
    if model.get_or_none(model.id == snapshot["id"]) is not None:
        return
    with write_transaction():
        model.insert(**snapshot).execute()
