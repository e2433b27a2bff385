"""Target roles: the jobs worth exploring, and where each stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pathfinder.services.records import delete_record, restore_record, update_record
from pathfinder.services.validation import (
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    clean_choice,
    clean_text,
)
from pathfinder.store.database import write_transaction
from pathfinder.store.models import ROLE_STATUSES, Conversation, TargetRole

ROLE_STATUS_LABELS = {
    "exploring": "Exploring",
    "talking": "Talking to people",
    "fits": "Fits me",
    "doesnt_fit": "Doesn't fit me",
}
ROLE_STATUS_HINTS = {
    "exploring": "Curious about it; nobody asked yet.",
    "talking": "Learning about it from people who do it.",
    "fits": "What you learned says this could be yours.",
    "doesnt_fit": "A real finding: you spared yourself years on the wrong path.",
}
TITLE_REQUIRED = "Give the role a title, for example “UX researcher”."


@dataclass(frozen=True)
class Role:
    id: int
    title: str
    industry: str
    status: str
    notes: str
    created_at: datetime
    updated_at: datetime

    @property
    def status_label(self) -> str:
        return ROLE_STATUS_LABELS[self.status]


def _from_row(row: TargetRole) -> Role:
    return Role(
        row.id, row.title, row.industry, row.status, row.notes, row.created_at, row.updated_at
    )


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    cleaners = {
        "title": lambda v: clean_text("title", v, limit=SHORT_TEXT_LIMIT, required=TITLE_REQUIRED),
        "industry": lambda v: clean_text("industry", v, limit=SHORT_TEXT_LIMIT),
        "status": lambda v: clean_choice("status", v, ROLE_STATUSES),
        "notes": lambda v: clean_text("notes", v, limit=LONG_TEXT_LIMIT),
    }
    unknown = set(fields) - set(cleaners)
    if unknown:
        raise TypeError(f"not a role field: {sorted(unknown)}")
    return {name: cleaners[name](value) for name, value in fields.items()}


def list_roles() -> list[Role]:
    """Every role, in the order they were added."""
    return [_from_row(row) for row in TargetRole.select().order_by(TargetRole.id)]


def get_role(role_id: int) -> Role | None:
    row = TargetRole.get_or_none(TargetRole.id == role_id)
    return _from_row(row) if row else None


def add_role(
    title: str,
    industry: str = "",
    status: str = "exploring",
    notes: str = "",
    *,
    now: datetime | None = None,
) -> Role:
    now = now or datetime.now()
    fields = _clean({"title": title, "industry": industry, "status": status, "notes": notes})
    with write_transaction():
        row_id = TargetRole.insert(created_at=now, updated_at=now, **fields).execute()
    return _from_row(TargetRole.get_by_id(row_id))


def update_role(role_id: int, *, now: datetime | None = None, **fields: Any) -> Role:
    update_record(TargetRole, role_id, _clean(fields), now or datetime.now())
    return _from_row(TargetRole.get_by_id(role_id))


def delete_role(role_id: int) -> dict[str, Any]:
    """Delete a role; the conversations exploring it keep going without one, and the
    snapshot remembers them, so an undo links them again."""
    exploring = [
        conversation_id
        for (conversation_id,) in Conversation.select(Conversation.id)
        .where(Conversation.target_role == role_id)
        .tuples()
    ]
    snapshot = delete_record(TargetRole, role_id)
    return {**snapshot, "_conversations": exploring}


def restore_role(snapshot: dict[str, Any]) -> None:
    record = {key: value for key, value in snapshot.items() if key != "_conversations"}
    restore_record(TargetRole, record)
    exploring = snapshot.get("_conversations", [])
    if exploring:
        with write_transaction():
            Conversation.update(target_role=record["id"]).where(
                Conversation.id.in_(exploring) & Conversation.target_role.is_null()
            ).execute()
