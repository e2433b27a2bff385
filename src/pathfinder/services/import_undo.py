"""Taking the last import back out (File > Undo import), from what `import_write` noted.

Undo removes the people the import added, and empties the fields it filled in unless
the person has changed them since; organisations, tags and the interaction kind it
created go too, unless something uses them now (or the organisation was edited since).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pathfinder.services.import_plan import CONNECTED_KIND
from pathfinder.services.import_write import safe_backup
from pathfinder.services.interactions import refresh_last_contact
from pathfinder.store.database import db, write_transaction


@dataclass(frozen=True)
class Batch:
    id: int
    kind: str
    file_name: str
    imported_at: datetime
    summary: str


def undoable_import() -> Batch | None:
    """The last import, if it hasn't been undone (only the last one can be)."""
    row = db.execute_sql(
        "SELECT id, kind, file_name, imported_at, summary, undone_at FROM import_batch"
        " ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None or row[5] is not None:
        return None
    imported = row[3] if isinstance(row[3], datetime) else datetime.fromisoformat(str(row[3]))
    return Batch(row[0], row[1], row[2], imported, row[4])


def undo_import(batch_id: int, *, now: datetime, backups_dir: Path | None) -> int:
    """Take the import back out in one transaction (after a backup); returns how many
    people it removed. Only the last import, and only once."""
    latest = undoable_import()
    if latest is None or latest.id != batch_id:
        raise ValueError(f"import {batch_id} isn't the last one, or was undone already")
    if backups_dir is not None:
        safe_backup(backups_dir, "before-undo-import", now)
    changes = db.execute_sql(
        "SELECT target_table, row_id, other_id, action, previous FROM import_change"
        " WHERE batch_id = ? ORDER BY id DESC",
        [batch_id],
    ).fetchall()
    removed = 0
    touched: set[int] = set()
    with write_transaction():
        later: list[tuple[str, int]] = []
        for table, row_id, other_id, action, before in changes:
            if action == "filled":
                _unfill(row_id, json.loads(before))
            elif table == "contact_tag":
                db.execute_sql(
                    "DELETE FROM contact_tag WHERE contact_id = ? AND tag_id = ?",
                    [row_id, other_id],
                )
            elif table == "interaction":
                person = db.execute_sql(
                    "SELECT contact_id FROM interaction WHERE id = ?", [row_id]
                ).fetchone()
                db.execute_sql("DELETE FROM interaction WHERE id = ?", [row_id])
                if person:
                    touched.add(int(person[0]))
            elif table in ("contact", "role_held"):
                cursor = db.execute_sql(f"DELETE FROM {table} WHERE id = ?", [row_id])
                removed += cursor.rowcount if table == "contact" else 0
            else:  # organisations, tags, the interaction kind: only if nothing uses them now
                later.append((table, row_id))
        for table, row_id in later:
            _remove_if_unused(table, row_id, latest.imported_at)
        for person_id in touched:
            refresh_last_contact(person_id)
        db.execute_sql("UPDATE import_batch SET undone_at = ? WHERE id = ?", [now, batch_id])
    return removed


def _unfill(person_id: int, before: dict[str, Any]) -> None:
    for name, value in before["set"].items():
        was = before["was"].get(name)
        if name == "organisation_id":
            db.execute_sql(
                "UPDATE contact SET organisation_id = ? WHERE id = ? AND organisation_id IS ?",
                [was, person_id, value],
            )
        else:
            db.execute_sql(
                f"UPDATE contact SET {name} = ? WHERE id = ? AND {name} = ?",
                [was, person_id, value],
            )


_USERS = {
    "organisation": (
        "SELECT 1 FROM contact WHERE organisation_id = ?1"
        " UNION ALL SELECT 1 FROM role_held WHERE organisation_id = ?1"
    ),
    "tag": "SELECT 1 FROM contact_tag WHERE tag_id = ?1",
    "interaction_kind": "SELECT 1 FROM interaction WHERE kind_id = ?1",
}


def _remove_if_unused(table: str, row_id: int, imported_at: datetime) -> None:
    if db.execute_sql(_USERS[table] + " LIMIT 1", [row_id]).fetchone() is not None:
        return
    if table == "organisation":
        # One the person has edited since (marked as a target, wrote notes) is theirs now.
        edited = db.execute_sql(
            "SELECT 1 FROM organisation WHERE id = ? AND updated_at > ?",
            [row_id, imported_at.isoformat(sep=" ")],
        ).fetchone()
        if edited:
            return
    db.execute_sql(f"DELETE FROM {table} WHERE id = ?", [row_id])


def undo_costs(batch_id: int) -> dict[str, int]:
    """What undoing would take with it that the person added after the import: their
    interactions, conversations, follow-ups and journal links with the people it added."""
    added = (
        "SELECT row_id FROM import_change WHERE batch_id = ? AND target_table = 'contact'"
        " AND action = 'added'"
    )
    counts = {"people": 0, "interactions": 0, "conversations": 0, "follow-ups": 0, "entries": 0}
    for key, sql in (
        ("people", f"SELECT count(*) FROM contact WHERE id IN ({added})"),
        (
            "interactions",
            f"SELECT count(*) FROM interaction i WHERE i.contact_id IN ({added}) AND NOT EXISTS"
            " (SELECT 1 FROM interaction_kind k WHERE k.id = i.kind_id AND k.name = ?)",
        ),
        ("conversations", f"SELECT count(*) FROM conversation WHERE contact_id IN ({added})"),
        ("follow-ups", f"SELECT count(*) FROM follow_up WHERE contact_id IN ({added})"),
        (
            "entries",
            f"SELECT count(DISTINCT entry_id) FROM journal_link WHERE contact_id IN ({added})",
        ),
    ):
        parameters: list[object] = (
            [batch_id, CONNECTED_KIND] if key == "interactions" else [batch_id]
        )
        counts[key] = int(db.execute_sql(sql, parameters).fetchone()[0])
    return counts
