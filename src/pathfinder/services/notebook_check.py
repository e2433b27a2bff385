"""Check database: is the open notebook whole, are its links intact, is search in step?

Three checks: SQLite's `integrity_check` (every page and index of the file),
`foreign_key_check` (no row points to a record that is gone) and the search index
(FTS5's own check, then row by row). Only the search index can be repaired here: it
is rebuilt from the notebook, after a backup. Anything else is a case for Restore.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from peewee import DatabaseError

from pathfinder.services.search import index_problems, rebuild_index
from pathfinder.store.backup import backup_first
from pathfinder.store.database import db, write_transaction

MOST_LISTED = 5


@dataclass(frozen=True)
class CheckResult:
    file_problems: tuple[str, ...] = ()
    link_problems: tuple[str, ...] = ()
    index_problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.file_problems or self.link_problems or self.index_problems)

    @property
    def problems(self) -> tuple[str, ...]:
        return self.file_problems + self.link_problems + self.index_problems

    @property
    def repairable(self) -> bool:
        """Only the search index is wrong: rebuilding it puts everything right."""
        return bool(self.index_problems) and not (self.file_problems or self.link_problems)


def check_notebook() -> CheckResult:
    file_problems = _file_problems()
    link_problems = _link_problems() if not file_problems else []
    try:
        search = index_problems() if not file_problems else []
    except (DatabaseError, sqlite3.DatabaseError) as error:
        search = [f"The search index can't be read ({error})."]
    return CheckResult(tuple(file_problems), tuple(link_problems), tuple(search))


def _file_problems() -> list[str]:
    try:
        rows = [row[0] for row in db.execute_sql("PRAGMA integrity_check(20)").fetchall()]
    except (DatabaseError, sqlite3.DatabaseError) as error:
        return [f"The notebook file is damaged ({error})."]
    if rows == ["ok"]:
        return []
    listed = "; ".join(rows[:MOST_LISTED])
    more = f" (and {len(rows) - MOST_LISTED} more)" if len(rows) > MOST_LISTED else ""
    return [f"The notebook file is damaged: {listed}{more}."]


def _link_problems() -> list[str]:
    try:
        rows = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    except (DatabaseError, sqlite3.DatabaseError) as error:
        return [f"The links between records can't be checked ({error})."]
    counts = Counter((str(table), str(parent)) for table, _rowid, parent, _fk in rows)
    return [
        f"{count:,} row{'s' if count != 1 else ''} in {table} point{'' if count != 1 else 's'} "
        f"to {parent} records that are gone."
        for (table, parent), count in sorted(counts.items())
    ]


def repair_search_index(backups_dir: Path, now: datetime) -> Path:
    """Back up, then rebuild the search index; the backup's path. StorageWriteError when
    either step can't be written (nothing changed then)."""
    backup = backup_first(db.connection(), backups_dir, "before-repair", now)
    with write_transaction():
        rebuild_index()
    return backup
