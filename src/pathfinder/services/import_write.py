"""Writing an import's plan into the notebook (`import_undo` takes it back out).

Called inside one transaction by `import_plan.commit_import`. Every row added is noted
in `import_change` (people, organisations, tags, roles, "connected" entries, an
interaction kind), and every field filled in on someone already there with the value
it had and the value it got, so undoing can put back exactly that.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pathfinder.services.import_plan import (
    CONNECTED_KIND,
    ImportPlan,
    PlanRow,
    _checked,
    before_json,
    fold,
)
from pathfinder.services.search import indexed_afterwards
from pathfinder.store.backup import backup_first
from pathfinder.store.database import db

Change = tuple[int, str, int, int | None, str, str]  # batch, table, row, other, action, before
BULK_PEOPLE = 500  # from this many people added, the search index is filled in one go
BULK_TABLES = ("contact", "organisation", "interaction")
# Every column of a new person that SQL would otherwise leave without a value.
NEW_PERSON: dict[str, Any] = {
    "title": "",
    "email": "",
    "phone": "",
    "linkedin_url": "",
    "location": "",
    "level": 3,
    "source": "other",
    "relationship": "other",
    "hiring_power": False,
    "target_field": False,
    "notes": "",
    "archived": False,
}


def _nocase(name: str) -> str:
    """How SQLite's NOCASE compares: ASCII letters folded, everything else as written."""
    if name.isascii():
        return name.lower()
    return "".join(ch.lower() if ch.isascii() else ch for ch in name)


class _Writer:
    def __init__(self, batch_id: int, now: datetime) -> None:
        self.batch_id = batch_id
        self.now = now
        self.changes: list[Change] = []
        organisations = db.execute_sql("SELECT id, name FROM organisation").fetchall()
        tags = db.execute_sql("SELECT id, name FROM tag").fetchall()
        self.organisations = {_nocase(name): row_id for row_id, name in organisations}
        self.tags = {_nocase(name): row_id for row_id, name in tags}
        # "Acme Saúde" is "ACME SAUDE": SQLite's NOCASE only folds ASCII, so the names are
        # also looked up folded (accents and all case), after an exact match.
        self.organisations_folded = {fold(name): row_id for row_id, name in organisations}
        self.tags_folded = {fold(name): row_id for row_id, name in tags}

        self._kind: int | None = None
        self.new_tags: list[tuple[int, int]] = []
        self.now_text = now.isoformat(sep=" ")
        self.new_people: list[tuple[Any, ...]] = []
        self.new_roles: list[tuple[int, int | None, str]] = []
        self.person_columns: list[str] = []
        # Ids are handed out here, after both the highest id and the AUTOINCREMENT
        # counter, so the people can be written in one statement (the caller's
        # transaction keeps anyone else from writing meanwhile).
        self.next_person_id = 1 + int(
            db.execute_sql(
                "SELECT max(coalesce((SELECT max(id) FROM contact), 0),"
                " coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'contact'), 0))"
            ).fetchone()[0]
        )
        self.new_connections: list[tuple[int, date, int, str, datetime]] = []

    def note(
        self,
        table: str,
        row_id: int,
        action: str = "added",
        other: int | None = None,
        before: str = "",
    ) -> None:
        self.changes.append((self.batch_id, table, row_id, other, action, before))

    def organisation(self, name: str) -> int | None:
        name = " ".join(name.split())
        if not name:
            return None
        key = _nocase(name)
        if key not in self.organisations and fold(name) in self.organisations_folded:
            self.organisations[key] = self.organisations_folded[fold(name)]
        if key not in self.organisations:
            cursor = db.execute_sql(
                "INSERT INTO organisation (name, industry, is_target, notes, created_at,"
                " updated_at) VALUES (?, '', 0, '', ?, ?)",
                [name, self.now, self.now],
            )
            self.organisations[key] = int(cursor.lastrowid)
            self.organisations_folded[fold(name)] = self.organisations[key]
            self.note("organisation", self.organisations[key])
        return self.organisations[key]

    def tag(self, name: str) -> int:
        key = _nocase(name)
        if key not in self.tags and fold(name) in self.tags_folded:
            self.tags[key] = self.tags_folded[fold(name)]
        if key not in self.tags:
            cursor = db.execute_sql("INSERT INTO tag (name) VALUES (?)", [name])
            self.tags[key] = int(cursor.lastrowid)
            self.tags_folded[fold(name)] = self.tags[key]
            self.note("tag", self.tags[key])
        return self.tags[key]

    def connected_kind(self) -> int:
        if self._kind is None:
            row = db.execute_sql(
                "SELECT id FROM interaction_kind WHERE name = ?", [CONNECTED_KIND]
            ).fetchone()
            if row is None:
                cursor = db.execute_sql(
                    "INSERT INTO interaction_kind (name, counts_as, retired, position)"
                    " VALUES (?, '', 0, (SELECT COALESCE(max(position), 0) + 1"
                    " FROM interaction_kind))",
                    [CONNECTED_KIND],
                )
                self._kind = int(cursor.lastrowid)
                self.note("interaction_kind", self._kind)
            else:
                self._kind = int(row[0])
        return self._kind

    def connection(self, person_id: int, on: date) -> None:
        cursor = db.execute_sql(
            "INSERT INTO interaction (contact_id, happened_on, kind_id, summary, notes,"
            " created_at) VALUES (?, ?, ?, ?, '', ?)",
            [person_id, on, self.connected_kind(), "Connected on LinkedIn", self.now],
        )
        self.note("interaction", int(cursor.lastrowid))
        db.execute_sql(
            "UPDATE contact SET last_contact_on = ? WHERE id = ?"
            " AND (last_contact_on IS NULL OR last_contact_on < ?)",
            [on, person_id, on],
        )

    def role(self, person_id: int, organisation_id: int | None, title: str) -> None:
        cursor = db.execute_sql(
            "INSERT INTO role_held (contact_id, organisation_id, title) VALUES (?, ?, ?)",
            [person_id, organisation_id, title],
        )
        self.note("role_held", int(cursor.lastrowid))

    def add_person(self, row: PlanRow, plan: ImportPlan) -> None:
        """Queue a new person under the next id (written all together by `flush_new`)."""
        fields = {**NEW_PERSON, **(row.cleaned or _checked(row.person, plan.defaults))}
        organisation_id = self.organisation(row.person.organisation)
        connected = row.person.connected_on if row.add_connection else None
        person_id = self.next_person_id
        self.next_person_id += 1
        self.new_people.append(
            (
                person_id,
                organisation_id,
                self.now_text,
                self.now_text,
                connected.isoformat() if connected else None,
                *(_plain(value) for value in fields.values()),
            )
        )
        self.person_columns = [
            "id",
            "organisation_id",
            "created_at",
            "updated_at",
            "last_contact_on",
            *fields,
        ]
        self.note("contact", person_id)
        if organisation_id is not None or fields.get("title"):
            # goes with the person (deleted with them): no note needed
            self.new_roles.append((person_id, organisation_id, fields.get("title", "")))
        for tag in row.tags_to_add:
            self.new_tags.append((person_id, self.tag(tag)))
        if connected is not None:
            self.new_connections.append(
                (person_id, connected, self.connected_kind(), "Connected on LinkedIn", self.now)
            )

    def flush_new(self) -> None:
        """The people added, their roles, tags and "connected" entries: one statement each."""
        cursor = db.connection().cursor()
        if self.new_people:
            marks = ", ".join("?" * len(self.person_columns))
            cursor.executemany(
                f"INSERT INTO contact ({', '.join(self.person_columns)}) VALUES ({marks})",
                self.new_people,
            )
        cursor.executemany(
            "INSERT INTO role_held (contact_id, organisation_id, title) VALUES (?, ?, ?)",
            self.new_roles,
        )
        cursor.executemany(
            "INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) VALUES (?, ?)", self.new_tags
        )
        cursor.executemany(
            "INSERT INTO interaction (contact_id, happened_on, kind_id, summary, notes,"
            " created_at) VALUES (?, ?, ?, ?, '', ?)",
            [
                (person, on.isoformat(), kind, summary, now.isoformat(sep=" "))
                for person, on, kind, summary, now in self.new_connections
            ],
        )

    def fill_person(self, row: PlanRow, plan: ImportPlan) -> None:
        assert row.match_id is not None
        person_id = row.match_id
        cleaned = row.cleaned or _checked(row.person, plan.defaults)
        filled = {name: cleaned[name] for name in row.fills}
        if row.organisation_fill:
            filled["organisation_id"] = self.organisation(row.organisation_fill)
            self.role(person_id, filled["organisation_id"], cleaned.get("title", ""))
        if filled:
            current = db.execute_sql(
                f"SELECT {', '.join(filled)} FROM contact WHERE id = ?", [person_id]
            ).fetchone()
            assignments = ", ".join(f"{name} = ?" for name in filled)
            db.execute_sql(
                f"UPDATE contact SET {assignments}, updated_at = ? WHERE id = ?",
                [*filled.values(), self.now, person_id],
            )
            self.note(
                "contact",
                person_id,
                "filled",
                before=before_json({"was": dict(zip(filled, current, strict=True)), "set": filled}),
            )
        for tag in row.tags_to_add:
            tag_id = self.tag(tag)
            cursor = db.execute_sql(
                "INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) VALUES (?, ?)",
                [person_id, tag_id],
            )
            if cursor.rowcount:
                self.note("contact_tag", person_id, other=tag_id)
        if row.add_connection and row.person.connected_on is not None:
            self.connection(person_id, row.person.connected_on)


def safe_backup(backups_dir: Path, name: str, now: datetime) -> Path:
    """A backup before an import or its undo (StorageWriteError if the disk refuses)."""
    return backup_first(db.connection(), backups_dir, name, now)


def _plain(value: Any) -> Any:
    """A value as peewee would store it (dates and times as text, booleans as 0/1)."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return int(value) if isinstance(value, bool) else value


def write_plan(plan: ImportPlan, now: datetime) -> tuple[int, int, int]:
    """Write the rows the person chose; returns (batch id, people added, people filled in)."""
    counts = plan.counts()
    summary = f"{counts['new']} added, {counts['fill']} filled in"
    cursor = db.execute_sql(
        "INSERT INTO import_batch (kind, file_name, imported_at, summary) VALUES (?, ?, ?, ?)",
        [plan.parsed.kind, plan.parsed.file_name, now, summary],
    )
    writer = _Writer(int(cursor.lastrowid), now)
    added = filled = 0
    bulk = counts["new"] >= BULK_PEOPLE
    with indexed_afterwards(BULK_TABLES) if bulk else contextlib.nullcontext():
        for row in plan.rows:
            if row.action == "new":
                writer.add_person(row, plan)
                added += 1
            elif row.action == "fill":
                writer.fill_person(row, plan)
                filled += 1
        writer.flush_new()
    for start in range(0, len(writer.changes), 500):
        chunk = writer.changes[start : start + 500]
        db.execute_sql(
            "INSERT INTO import_change (batch_id, target_table, row_id, other_id, action, previous)"
            " VALUES " + ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(chunk)),
            [value for change in chunk for value in change],
        )
    return writer.batch_id, added, filled
