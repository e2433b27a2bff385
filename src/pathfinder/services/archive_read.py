"""Reading an archive back and checking every file of it (see `archive`).

`read_archive(path)` returns the rows of every table, checked as far as they can
be without a notebook, so that an import only starts writing once the whole
archive is known to be good:

- the manifest is there, is JSON, names this format and an archive version and a
  schema version this Pathfinder reads (a newer one is refused);
- every other file is a known table's data file or a journal entry (an unknown
  file, table or column is refused);
- every row holds the right kind of value in every column (whole numbers, 0 or 1
  for yes/no, text, dates and times as the notebook stores them; no null where
  the notebook needs a value), keeps the notebook's own rules (`archive_rules`:
  its choices and ranges, a link's one target, nothing twice that must be
  unique) and its limits (ids, counters, the length of a text); every reference
  points to a row in the archive;
- the manifest's counts match the rows found.

Every message is one line naming the file and, in a data file, the row.

An archive of an older schema version is accepted when its columns are a subset
of today's: a column it lacks takes the column's default (or null), and a table
it lacks is empty, which is what the migrations since would have filled in. A
column that no longer exists is refused. An archive of the current version must
hold every column.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from pathfinder.services.archive import (
    ARCHIVE_VERSION,
    DATA_FOLDER,
    FORMAT_NAME,
    JOURNAL_FOLDER,
    JOURNAL_TABLES,
    MANIFEST,
    TABLES,
    ArchiveError,
    Manifest,
    TableSpec,
)
from pathfinder.services.archive_journal import loads, parse_entry
from pathfinder.services.archive_rules import (
    INTEGER_RANGE,
    MAX_ID,
    MAX_SEQUENCE_GAP,
    RULES,
    ValueCheck,
    fold,
    row_rule_problem,
    value_check,
)
from pathfinder.services.archive_source import MAX_TOTAL_BYTES, read_members, shown
from pathfinder.store.migrations import LATEST_VERSION

Row = tuple[Any, ...]


@dataclass
class ArchiveContents:
    """A checked archive: its manifest and every table's rows (in `TABLES` column order)."""

    manifest: Manifest
    rows: dict[str, list[Row]] = field(default_factory=dict)
    # Where each journal row came from, for messages (the data tables come from one file).
    sources: dict[str, list[str]] = field(default_factory=dict)

    def file_of(self, table: str, index: int) -> str:
        """The file the table's row number `index` came from."""
        if table in self.sources:
            return self.sources[table][index]
        return TABLES[table].member

    def where(self, table: str, index: int) -> str:
        """The file and, in a data file, the row: 'data/contact.json: the row with id 3'."""
        if table in self.sources:
            return self.sources[table][index]
        spec = TABLES[table]
        row = dict(zip(spec.columns, self.rows[table][index], strict=True))
        return f"{spec.member}: {_row_label(spec, row, index)}"


def read_archive(path: Path, *, max_total_bytes: int = MAX_TOTAL_BYTES) -> ArchiveContents:
    """Read and check the archive at `path`; raises ArchiveError (one line) if anything is off."""
    members = read_members(path, max_total_bytes=max_total_bytes)
    if MANIFEST not in members:
        raise ArchiveError(
            f"{path.name}: {MANIFEST} is missing, so this isn't a Pathfinder archive"
        )
    manifest = parse_manifest(members.pop(MANIFEST))
    checker = _RowChecker(older=manifest.schema_version < LATEST_VERSION)
    contents = ArchiveContents(manifest, {name: [] for name in TABLES})
    for name in JOURNAL_TABLES:
        contents.sources[name] = []
    journal = []
    for name in sorted(members):
        data = members[name]
        if name.startswith(f"{DATA_FOLDER}/") and name.endswith(".json") and name.count("/") == 1:
            table = name[len(DATA_FOLDER) + 1 : -len(".json")]
            spec = TABLES.get(table)
            if spec is None or table in JOURNAL_TABLES:
                raise ArchiveError(f"{shown(name)}: a Pathfinder notebook has no table {table!r}")
            contents.rows[table] = _table_rows(spec, name, data, checker)
        elif name.startswith(f"{JOURNAL_FOLDER}/") and name.endswith(".md"):
            journal.append(name)
        else:
            raise ArchiveError(f"{shown(name)}: not part of a Pathfinder archive")
    for name in journal:
        _add_entry(contents, name, members[name], checker)
    for table in JOURNAL_TABLES:  # in key order, as the data files are
        indexes = [TABLES[table].columns.index(column) for column in TABLES[table].order_by]
        paired = sorted(
            zip(contents.rows[table], contents.sources[table], strict=True),
            key=lambda pair: (tuple(pair[0][i] for i in indexes), pair[1]),
        )
        contents.rows[table] = [row for row, _source in paired]
        contents.sources[table] = [source for _row, source in paired]
    _check_counts(contents)
    _check_keys(contents)
    _check_unique(contents)
    _check_sequences(contents)
    return contents


def _parse_json(member: str, data: bytes) -> Any:
    try:
        return loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ArchiveError(f"{member}: not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise ArchiveError(
            f"{member}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except (ValueError, RecursionError) as error:
        raise ArchiveError(f"{member}: not valid JSON ({error})") from None


def _whole_number(value: Any) -> bool:
    return type(value) is int and INTEGER_RANGE[0] <= value <= INTEGER_RANGE[1]


def parse_manifest(data: bytes) -> Manifest:
    raw = _parse_json(MANIFEST, data)
    if not isinstance(raw, dict):
        raise ArchiveError(f"{MANIFEST}: not a manifest (expected a JSON object)")
    if raw.get("format") != FORMAT_NAME:
        raise ArchiveError(f"{MANIFEST}: not a Pathfinder archive (format is not {FORMAT_NAME!r})")
    archive_version: Any = raw.get("archive_version")
    schema_version: Any = raw.get("schema_version")
    if not _whole_number(archive_version) or archive_version < 1:
        raise ArchiveError(f"{MANIFEST}: archive_version must be a whole number from 1")
    if archive_version > ARCHIVE_VERSION:
        raise ArchiveError(
            f"{MANIFEST}: written by a newer Pathfinder (archive format {archive_version}; this "
            f"version reads up to {ARCHIVE_VERSION}). Install the newer version to import it."
        )
    if not _whole_number(schema_version) or schema_version < 1:
        raise ArchiveError(f"{MANIFEST}: schema_version must be a whole number from 1")
    if schema_version > LATEST_VERSION:
        raise ArchiveError(
            f"{MANIFEST}: written by a newer Pathfinder (notebook format {schema_version}; "
            f"this version reads up to {LATEST_VERSION}). Install the newer version to import it."
        )
    counts = _table_numbers(raw.get("counts"), "counts", autoincrement_only=False)
    sequences = _table_numbers(raw.get("sequences", {}), "sequences", autoincrement_only=True)
    exported_at, app_version = raw.get("exported_at", ""), raw.get("app_version", "")
    if not isinstance(exported_at, str) or not isinstance(app_version, str):
        raise ArchiveError(f"{MANIFEST}: exported_at and app_version must be text")
    return Manifest(
        schema_version=schema_version,
        app_version=app_version,
        exported_at=exported_at,
        counts=counts,
        sequences=sequences,
        archive_version=archive_version,
    )


def _table_numbers(raw: Any, key: str, *, autoincrement_only: bool) -> dict[str, int]:
    if not isinstance(raw, dict):
        raise ArchiveError(f"{MANIFEST}: {key} must be an object of table names and numbers")
    for table, number in raw.items():
        spec = TABLES.get(table)
        if spec is None or (autoincrement_only and not spec.autoincrement):
            raise ArchiveError(f"{MANIFEST}: {key} names {shown(table)!r}, not a table it can have")
        if not _whole_number(number) or not 0 <= number <= MAX_ID:
            raise ArchiveError(
                f"{MANIFEST}: {key} of {table} must be a whole number from 0 to {MAX_ID:,}"
            )
    return dict(raw)


Where = str | Callable[[], str]  # a place for messages, or how to say it (only on failure)


class _RowChecker:
    """Turns a row object into a tuple in column order, or says what is wrong with it."""

    def __init__(self, *, older: bool) -> None:
        self.older = older
        self.checks: dict[str, list[tuple[str, ValueCheck]]] = {}  # built once per table

    def row(self, spec: TableSpec, raw: Any, where: Where) -> Row:
        if not isinstance(raw, dict):
            raise ArchiveError(f"{_place(where)}: a row must be a JSON object")
        unknown = [key for key in raw if key not in spec.kinds]
        if unknown:
            raise ArchiveError(
                f"{_place(where)}: the {spec.name} table has no column {shown(str(unknown[0]))!r}"
            )
        checks = self.checks.get(spec.name)
        if checks is None:
            checks = self.checks[spec.name] = [
                (column, value_check(spec, column)) for column in spec.columns
            ]
        values = []
        for column, check in checks:
            if column in raw:
                value = raw[column]
            elif self.older and (column in spec.defaults or column in spec.nullable):
                value = spec.defaults.get(column)
                value = int(value) if isinstance(value, bool) else value
            else:
                raise ArchiveError(f"{_place(where)}: the column {column!r} is missing")
            if value is None:
                if column not in spec.nullable:
                    raise ArchiveError(f"{_place(where)}: {column} can't be null")
            else:
                problem = check(value)
                if problem:
                    raise ArchiveError(f"{_place(where)}: {column} must be {problem}")
            values.append(value)
        if RULES[spec.name].exactly_one:
            problem = row_rule_problem(spec.name, dict(zip(spec.columns, values, strict=True)))
            if problem:
                raise ArchiveError(f"{_place(where)}: {problem}")
        return tuple(values)


def _place(where: Where) -> str:
    return where if isinstance(where, str) else where()


def _row_label(spec: TableSpec, raw: Any, index: int) -> str:
    if isinstance(raw, dict) and spec.primary_key and all(k in raw for k in spec.primary_key):
        key = ", ".join(f"{k} {_brief(str(raw[k]))}" for k in spec.primary_key)
        return f"the row with {key}"
    return f"row {index + 1}"


def _brief(text: str) -> str:
    """`text` on one line, and short enough for a message."""
    return shown(text if len(text) <= 60 else text[:60] + "...")


def _table_rows(spec: TableSpec, member: str, data: bytes, checker: _RowChecker) -> list[Row]:
    raw_rows = _parse_json(member, data)
    if not isinstance(raw_rows, list):
        raise ArchiveError(f"{member}: expected a JSON list of rows")
    return [
        checker.row(spec, raw, partial(_row_place, member, spec, raw, index))
        for index, raw in enumerate(raw_rows)
    ]


def _row_place(member: str, spec: TableSpec, raw: Any, index: int) -> str:
    return f"{member}: {_row_label(spec, raw, index)}"


def _add_entry(contents: ArchiveContents, member: str, data: bytes, check: _RowChecker) -> None:
    parsed = parse_entry(member, data)
    entry_spec, tag_spec, link_spec = (TABLES[name] for name in JOURNAL_TABLES)
    entry = check.row(entry_spec, parsed.entry, member)
    contents.rows["journal_entry"].append(entry)
    contents.sources["journal_entry"].append(member)
    entry_id = entry[entry_spec.columns.index("id")]
    for name in parsed.tags:
        tag = check.row(tag_spec, {"entry_id": entry_id, "name": name}, f"{member}: tags")
        contents.rows["journal_tag"].append(tag)
        contents.sources["journal_tag"].append(member)
    for link in parsed.links:
        if link.get("entry_id", entry_id) != entry_id:
            raise ArchiveError(f"{member}: a link belongs to another entry")
        checked = check.row(link_spec, {**link, "entry_id": entry_id}, f"{member}: links")
        contents.rows["journal_link"].append(checked)
        contents.sources["journal_link"].append(member)


def _check_counts(contents: ArchiveContents) -> None:
    counts: Mapping[str, int] = contents.manifest.counts
    for name, rows in contents.rows.items():
        said = counts.get(name, 0)
        if said != len(rows):
            raise ArchiveError(
                f"{MANIFEST}: says {said:,} {name} rows, but {TABLES[name].member} holds "
                f"{len(rows):,} (a file is missing or was changed)"
            )


def _check_keys(contents: ArchiveContents) -> None:
    """No primary key twice; every reference points to a row of the archive."""
    keys: dict[str, set[Any]] = {}
    for spec in TABLES.values():
        if not spec.primary_key:
            continue
        indexes = [spec.columns.index(column) for column in spec.primary_key]
        seen: set[Any] = set()
        for position, row in enumerate(contents.rows[spec.name]):
            key = tuple(row[i] for i in indexes) if len(indexes) > 1 else row[indexes[0]]
            if key in seen:
                raise ArchiveError(
                    f"{contents.file_of(spec.name, position)}: {spec.name} "
                    f"{', '.join(spec.primary_key)} {shown(str(key))} appears twice"
                )
            seen.add(key)
        keys[spec.name] = seen
    for spec in TABLES.values():
        for column, target in spec.foreign_keys.items():
            index = spec.columns.index(column)
            known = keys[target]
            for position, row in enumerate(contents.rows[spec.name]):
                value = row[index]
                if value is not None and value not in known:
                    raise ArchiveError(
                        f"{contents.where(spec.name, position)}: {column} {value} points to no "
                        f"{target} in the archive"
                    )


def _check_unique(contents: ArchiveContents) -> None:
    """No two rows share what a unique index of the notebook keeps apart (a tag's name,
    an entry's tag, ...), compared as the notebook compares it."""
    for spec in TABLES.values():
        rules = RULES[spec.name]
        for columns in rules.unique:
            indexes = [spec.columns.index(column) for column in columns]
            folds = [fold if column in rules.nocase else None for column in columns]
            seen: set[tuple[Any, ...]] = set()
            for position, row in enumerate(contents.rows[spec.name]):
                values = tuple(row[i] for i in indexes)
                if None in values:
                    continue  # SQLite lets any number of rows hold null
                key = tuple(f(v) if f else v for f, v in zip(folds, values, strict=True))
                if key in seen:
                    shown_values = ", ".join(_brief(repr(value)) for value in values)
                    capitals = "; capitals don't count" if any(folds) else ""
                    raise ArchiveError(
                        f"{contents.where(spec.name, position)}: another {spec.name} row has "
                        f"the same {' and '.join(columns)} ({shown_values}{capitals})"
                    )
                seen.add(key)


def _check_sequences(contents: ArchiveContents) -> None:
    """A counter may run ahead of its table's highest id (deleted records), but not far."""
    for table, counter in contents.manifest.sequences.items():
        index = TABLES[table].columns.index("id")
        highest = max((row[index] for row in contents.rows[table]), default=0)
        if counter > highest + MAX_SEQUENCE_GAP:
            raise ArchiveError(
                f"{MANIFEST}: the sequences counter of {table} is {counter:,}, but its highest "
                f"id is {highest:,}; a counter can be at most {MAX_SEQUENCE_GAP:,} above it"
            )
