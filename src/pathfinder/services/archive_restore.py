"""Putting a checked archive's rows into the open notebook (see `archive_read`).

An *empty* notebook holds nothing the person made. A fresh notebook is empty
although the migrations seed the interaction kinds, and the question bank seeds
its questions the first time it is opened: rows equal to those seeds don't count.

- Into an empty notebook, `restore_archive` puts every row back under its own id:
  the seeded rows of a table are replaced by the archive's (kept when the archive
  has none), and the AUTOINCREMENT counters are raised to the archive's, so no
  deleted record's id is handed out again.
- Into a notebook that holds something, it refuses (NotebookNotEmpty) unless
  `merge` is given. A merge first makes a backup (`backups/before-import-<time>`),
  then adds the archive's rows with new ids, following every reference to them.
  Rows of a table with a unique natural key map onto the notebook's row with the
  same key instead of being added twice, and the notebook's row is kept as it is:
  organisations, tags, interaction kinds and entry templates by name, questions
  by their text (all ignoring ASCII case, as the notebook compares them), outreach
  templates and settings by their key. Everything else (people, entries,
  conversations, ...) is added, so merging one archive twice adds its people twice.

Either way it is one transaction: rows go in table by table, parents first, with
`executemany`; foreign keys are checked at the end (`PRAGMA foreign_key_check`)
and any problem rolls everything back. A disk that fails or fills up on the way
is a StorageWriteError saying that nothing was imported.

The search index fills itself through migration 4's triggers as the rows go in.
An entry's tags go in before the entry itself (references are only checked at the
end): a tag added to an entry already there re-indexes the whole entry, so an
entry with a thousand tags would be indexed a thousand times. For a large archive
(`BULK_ROWS` rows or more) the triggers are lifted inside the transaction and the
index is rebuilt once at the end (`search.rebuild_index`), which is four times as
fast for 30,000 people. The triggers are put back, from their own SQL, in the same
transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import peewee

from pathfinder.services.archive import TABLES, ArchiveError, TableSpec
from pathfinder.services.archive_read import ArchiveContents, Row
from pathfinder.services.archive_rules import fold
from pathfinder.services.conversation_texts import SEED_QUESTIONS
from pathfinder.services.search import rebuild_index
from pathfinder.store.backup import backup_first
from pathfinder.store.database import db, what_went_wrong
from pathfinder.store.errors import StorageWriteError
from pathfinder.store.migrations.m0002_people import FIRST_KINDS

# What a seeded row holds (without its id and date), per seeded table.
SEEDS: dict[str, tuple[str, frozenset[tuple[Any, ...]]]] = {
    "interaction_kind": (
        "name, counts_as, retired, position",
        frozenset(
            (name, counts_as, 0, position) for position, (name, counts_as) in enumerate(FIRST_KINDS)
        ),
    ),
    "question": (
        "category, text, retired",
        frozenset((category, text, 0) for category, text in SEED_QUESTIONS),
    ),
}
# From this many rows on, the search index is rebuilt once instead of row by row.
BULK_ROWS = 5_000


def _insert_order() -> tuple[str, ...]:
    """The order rows go in: the tables' own, but an entry's tags before the entry (see
    the module's docstring)."""
    names = [name for name in TABLES if name != "journal_tag"]
    names.insert(names.index("journal_entry"), "journal_tag")
    return tuple(names)


INSERT_ORDER = _insert_order()


class NotebookNotEmpty(Exception):
    """The notebook holds the person's own records; `held` counts them by table."""

    def __init__(self, held: dict[str, int]) -> None:
        super().__init__(f"the notebook holds {held}")
        self.held = held


@dataclass(frozen=True)
class ArchiveImported:
    added: dict[str, int]  # rows added, by table
    matched: dict[str, int]  # rows that mapped onto the notebook's own (a merge only)
    merged: bool
    backup: Path | None


def what_the_notebook_holds() -> dict[str, int]:
    """The number of rows the person made, by table (seeded rows left out); {} if none."""
    connection = db.connection()
    held = {}
    for name in TABLES:
        if name in SEEDS:
            columns, seeds = SEEDS[name]
            rows = connection.execute(f'SELECT {columns} FROM "{name}"').fetchall()
            count = sum(1 for row in rows if tuple(row) not in seeds)
        else:
            count = connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        if count:
            held[name] = count
    return held


def restore_archive(
    contents: ArchiveContents, *, merge: bool, backups_dir: Path, now: datetime | None = None
) -> ArchiveImported:
    """Put `contents` into the open notebook (see the module's docstring)."""
    held = what_the_notebook_holds()
    if held and not merge:
        raise NotebookNotEmpty(held)
    backup = None
    if held:
        backup = backup_first(db.connection(), backups_dir, "before-import", now or datetime.now())
    with _import_transaction():
        connection = db.connection()
        # References are checked once every row is in (a person may be introduced by
        # someone with a higher id, and an entry's tags go in before it).
        connection.execute("PRAGMA defer_foreign_keys = ON")
        bulk = sum(map(len, contents.rows.values())) >= BULK_ROWS
        with _search_triggers_lifted(connection) if bulk else contextlib.nullcontext():
            if held:
                added, matched = _merge(connection, contents)
            else:
                added, matched = _replace(connection, contents), {}
        _check_foreign_keys(connection)
    return ArchiveImported(added, matched, merged=bool(held), backup=backup)


@contextlib.contextmanager
def _import_transaction() -> Iterator[None]:
    """One transaction for the whole import. A broken rule is an ArchiveError; a disk
    that fails is a StorageWriteError saying that nothing was imported (the transaction
    is rolled back, or SQLite already did so)."""
    try:
        with db.atomic():
            yield
    except (sqlite3.IntegrityError, peewee.IntegrityError) as error:
        raise ArchiveError(f"the archive breaks a rule of the notebook ({error})") from None
    except (sqlite3.DatabaseError, peewee.DatabaseError) as error:
        # After SQLITE_FULL, SQLite has already rolled back, so peewee's own rollback fails
        # too; the first error in the chain is the one that explains it.
        cause: BaseException = error
        while isinstance(cause.__context__, sqlite3.DatabaseError | peewee.DatabaseError):
            cause = cause.__context__
        raise StorageWriteError(_nothing_imported(str(cause))) from None


def _nothing_imported(reason: str) -> str:
    return (
        f"Nothing was imported: {what_went_wrong(reason)}. The import was undone, so the "
        "notebook is as it was before; free some space or fix the problem, then import again."
    )


@contextlib.contextmanager
def _search_triggers_lifted(connection: sqlite3.Connection) -> Iterator[None]:
    """Without the search index's triggers inside; then back, and the index rebuilt.

    Only inside a transaction: if anything fails, the rollback brings the triggers back.
    """
    triggers = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'search_*'"
    ).fetchall()
    for name, _sql in triggers:
        connection.execute(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        connection.execute(sql)
    rebuild_index()


def _insert(
    connection: sqlite3.Connection,
    spec: TableSpec,
    rows: Sequence[Row],
    contents: ArchiveContents,
    positions: Sequence[int] | None = None,
) -> None:
    """INSERT `rows` (all columns); a broken rule is an ArchiveError naming the first bad row.

    `positions` are the rows' places in the archive's table (for the message).
    """
    if not rows:
        return
    columns = ", ".join(f'"{column}"' for column in spec.columns)
    marks = ", ".join("?" for _ in spec.columns)
    sql = f'INSERT INTO "{spec.name}" ({columns}) VALUES ({marks})'
    try:
        with db.atomic():  # a savepoint: a failure undoes this table only, then we look why
            connection.executemany(sql, rows)
    except sqlite3.IntegrityError:
        pass
    else:
        return
    for index, row in enumerate(rows):
        try:
            with db.atomic():
                connection.execute(sql, row)
        except sqlite3.IntegrityError as error:
            position = positions[index] if positions is not None else index
            where = contents.where(spec.name, position)
            raise ArchiveError(
                f"{where}: a {spec.name} row breaks a rule of the notebook ({error})"
            ) from None
    raise ArchiveError(f"{spec.member}: the {spec.name} rows break a rule of the notebook")


def _replace(connection: sqlite3.Connection, contents: ArchiveContents) -> dict[str, int]:
    added = {}
    for name in INSERT_ORDER:
        spec, rows = TABLES[name], contents.rows[name]
        if name in SEEDS and rows:
            connection.execute(f'DELETE FROM "{name}"')
        _insert(connection, spec, rows, contents)
        added[name] = len(rows)
    for name, seq in contents.manifest.sequences.items():
        updated = connection.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", (seq, name)
        ).rowcount
        if not updated:
            connection.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (name, seq))
    return added


def _same(value: Any) -> Any:
    return value


def _merge(
    connection: sqlite3.Connection, contents: ArchiveContents
) -> tuple[dict[str, int], dict[str, int]]:
    new_ids: dict[str, dict[Any, Any]] = {}
    added: dict[str, int] = {}
    matched: dict[str, int] = {}
    # Every row's new id first (parents before children), then the rows in INSERT_ORDER.
    remapped: dict[str, tuple[list[Row], list[int]]] = {}
    for spec in TABLES.values():
        rows = contents.rows[spec.name]
        key_column = spec.merge_key
        key_index = spec.columns.index(key_column) if key_column else None
        # Natural keys compare as the notebook does (NOCASE); text primary keys exactly.
        compare = fold if spec.natural_key else _same
        existing: dict[Any, Any] = {}
        if key_column is not None:
            for key, row_id in connection.execute(
                f'SELECT "{key_column}", {"id" if spec.autoincrement else "NULL"} '
                f'FROM "{spec.name}"'
            ):
                existing[compare(key)] = row_id
        id_index = spec.columns.index("id") if spec.autoincrement else None
        mapping: dict[Any, Any] = {}
        kept: list[int] = []
        next_id = _next_id(connection, spec.name) if spec.autoincrement else 0
        for position, row in enumerate(rows):
            key = compare(row[key_index]) if key_index is not None else None
            if key_index is not None and key in existing:
                if id_index is not None:
                    mapping[row[id_index]] = existing[key]
                continue
            if id_index is not None:
                mapping[row[id_index]] = next_id
                if key_index is not None:
                    existing[key] = next_id
                next_id += 1
            elif key_index is not None:
                existing[key] = None
            kept.append(position)
        new_ids[spec.name] = mapping
        remap = _remapper(spec, new_ids)
        remapped[spec.name] = ([remap(rows[position]) for position in kept], kept)
        added[spec.name] = len(kept)
        matched[spec.name] = len(rows) - len(kept)
    for name in INSERT_ORDER:
        new_rows, kept = remapped[name]
        _insert(connection, TABLES[name], new_rows, contents, kept)
    return added, matched


def _next_id(connection: sqlite3.Connection, table: str) -> int:
    counter = connection.execute(
        "SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)
    ).fetchone()
    highest = connection.execute(f'SELECT max(id) FROM "{table}"').fetchone()[0]
    return max(counter[0] if counter else 0, highest or 0) + 1


def _remapper(spec: TableSpec, new_ids: dict[str, dict[Any, Any]]) -> Callable[[Row], Row]:
    """A function giving a row its new id and its references' new ids."""
    columns = [(spec.columns.index("id"), new_ids[spec.name])] if spec.autoincrement else []
    columns += [
        (spec.columns.index(column), new_ids[target])
        for column, target in spec.foreign_keys.items()
    ]

    def remap(row: Row) -> Row:
        values = list(row)
        for index, mapping in columns:
            if values[index] is not None:
                values[index] = mapping[values[index]]
        return tuple(values)

    return remap


def _check_foreign_keys(connection: sqlite3.Connection) -> None:
    problems = connection.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        table, rowid, parent, _fk = problems[0]
        raise ArchiveError(
            f"the archive's {table} row {rowid} points to a {parent} row that isn't there "
            f"({len(problems):,} such references); nothing was imported"
        )
