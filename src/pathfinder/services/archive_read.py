"""Reading an archive back and checking every file of it (see `archive`).

`read_archive(path)` returns the rows of every table, checked as far as they can
be without a notebook, so that an import only starts writing once the whole
archive is known to be good:

- the manifest is there, is JSON, names this format and an archive version and a
  schema version this Pathfinder reads (a newer one is refused);
- every other file is a known table's data file or a journal entry (an unknown
  file, table or column is refused);
- every row holds the right kind of value in every column (whole numbers, 0 or 1
  for yes/no, text, dates as ISO text; no null where the notebook needs a
  value); no id appears twice; every reference points to a row in the archive;
- the manifest's counts match the rows found.

An archive of an older schema version is accepted when its columns are a subset
of today's: a column it lacks takes the column's default (or null), and a table
it lacks is empty, which is what the migrations since would have filled in. A
column that no longer exists is refused. An archive of the current version must
hold every column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pathfinder.services.archive import (
    ARCHIVE_VERSION,
    BOOLEAN,
    DATA_FOLDER,
    DATE,
    FORMAT_NAME,
    INTEGER,
    JOURNAL_FOLDER,
    JOURNAL_TABLES,
    MANIFEST,
    TABLES,
    TEXT,
    ArchiveError,
    Manifest,
    TableSpec,
)
from pathfinder.services.archive_journal import loads, parse_entry
from pathfinder.services.archive_source import MAX_TOTAL_BYTES, read_members, shown
from pathfinder.store.migrations import LATEST_VERSION

Row = tuple[Any, ...]
_DATE_TEXT = re.compile(
    r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([+-]\d{2}:?\d{2})?)?", re.ASCII
)
_INTEGER_RANGE = (-(1 << 63), (1 << 63) - 1)


@dataclass
class ArchiveContents:
    """A checked archive: its manifest and every table's rows (in `TABLES` column order)."""

    manifest: Manifest
    rows: dict[str, list[Row]] = field(default_factory=dict)
    # Where each journal row came from, for messages (the data tables come from one file).
    sources: dict[str, list[str]] = field(default_factory=dict)

    def where(self, table: str, index: int) -> str:
        if table in self.sources:
            return self.sources[table][index]
        return TABLES[table].member


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
    return type(value) is int and _INTEGER_RANGE[0] <= value <= _INTEGER_RANGE[1]


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
        if not _whole_number(number) or number < 0:
            raise ArchiveError(f"{MANIFEST}: {key} of {table} must be a whole number from 0")
    return dict(raw)


class _RowChecker:
    """Turns a row object into a tuple in column order, or says what is wrong with it."""

    def __init__(self, *, older: bool) -> None:
        self.older = older

    def row(self, spec: TableSpec, raw: Any, where: str) -> Row:
        if not isinstance(raw, dict):
            raise ArchiveError(f"{where}: a row must be a JSON object")
        unknown = [key for key in raw if key not in spec.kinds]
        if unknown:
            raise ArchiveError(
                f"{where}: the {spec.name} table has no column {shown(str(unknown[0]))!r}"
            )
        values = []
        for column in spec.columns:
            if column in raw:
                value = raw[column]
            elif self.older and (column in spec.defaults or column in spec.nullable):
                value = spec.defaults.get(column)
                value = int(value) if isinstance(value, bool) else value
            else:
                raise ArchiveError(f"{where}: the column {column!r} is missing")
            if value is None:
                if column not in spec.nullable:
                    raise ArchiveError(f"{where}: {column} can't be null")
            else:
                problem = _value_problem(spec.kinds[column], value)
                if problem:
                    raise ArchiveError(f"{where}: {column} must be {problem}")
            values.append(value)
        return tuple(values)


def _value_problem(kind: str, value: Any) -> str:
    """'' when `value` fits a column of `kind`, else what it should have been."""
    if kind == INTEGER:
        return "" if _whole_number(value) else "a whole number"
    if kind == BOOLEAN:
        return "" if type(value) is int and value in (0, 1) else "0 or 1"
    if not isinstance(value, str):
        return "text" if kind == TEXT else "a date as text (YYYY-MM-DD)"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "text without lone surrogates"
    if kind == DATE:
        if not _DATE_TEXT.fullmatch(value):
            return "a date as YYYY-MM-DD (or a date and time)"
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return "a real date"
    return ""


def _row_label(spec: TableSpec, raw: Any, index: int) -> str:
    if isinstance(raw, dict) and spec.primary_key and all(k in raw for k in spec.primary_key):
        key = ", ".join(f"{k} {shown(str(raw[k]))}" for k in spec.primary_key)
        return f"the row with {key}"
    return f"row {index + 1}"


def _table_rows(spec: TableSpec, member: str, data: bytes, checker: _RowChecker) -> list[Row]:
    raw_rows = _parse_json(member, data)
    if not isinstance(raw_rows, list):
        raise ArchiveError(f"{member}: expected a JSON list of rows")
    return [
        checker.row(spec, raw, f"{member}: {_row_label(spec, raw, index)}")
        for index, raw in enumerate(raw_rows)
    ]


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
                    f"{contents.where(spec.name, position)}: {spec.name} "
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
