"""Writing the archive of the open notebook to a .zip or a folder (see `archive`).

Everything is read in one read transaction, so the archive is one consistent
moment of the notebook even if something writes meanwhile. Before anything is
written the manifest is made (the row counts) and every journal entry's date is
checked. Then the files are made one by one, in order, and written as they come:

- a .zip through `files.write_atomically`: a temporary file beside the
  destination, flushed, then renamed over it. Worker threads compress the files
  while the next ones are made (`zip_writer`);
- a folder through `archive_folder`, which never replaces anything but an
  earlier archive.

A data file's JSON text is made by SQLite itself when it can (`table_text`): its
`json_quote` gives the same text as Python's encoder for the values a notebook
holds, about twice as fast, and SQLite lets go of Python's interpreter lock while
it works, so the workers compress the journal meanwhile. The journal goes first
for that reason.

The archive holds every private note, so it is written as the notebook is: files
readable by their owner only (0600; zip members say so too, for unzip), folders
0700. Nothing is ever written inside Pathfinder's data folder.
"""

from __future__ import annotations

import itertools
import json
import operator
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, BinaryIO

from pathfinder import __version__
from pathfinder.services import zip_writer
from pathfinder.services.archive import (
    DATETIME,
    JOURNAL_TABLES,
    MANIFEST,
    TABLES,
    Manifest,
    TableSpec,
    date_problem,
    dumps,
    journal_file_name,
)
from pathfinder.services.archive_folder import (
    FILE_MODE,
    Member,
    check_folder_destination,
    write_folder,
)
from pathfinder.services.archive_journal import entry_file, entry_files, front_matter_query
from pathfinder.services.archive_source import shown
from pathfinder.services.files import ExportError, write_atomically
from pathfinder.store.database import db

# zlib's fastest level: for the 30,000-person notebook it compresses in a third of
# level 6's time, into a tenth more bytes (24 MB instead of 21).
ZIP_LEVEL = 1
_FLAT_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=("\x00", ": "))


@dataclass(frozen=True)
class ArchiveWritten:
    path: Path
    counts: dict[str, int]
    members: int
    as_zip: bool


def is_zip_destination(destination: Path) -> bool:
    return destination.suffix.lower() == ".zip"


def write_archive(
    destination: Path,
    *,
    data_dir: Path | None,
    overwrite: bool,
    now: datetime | None = None,
) -> ArchiveWritten:
    """Write the open notebook's archive to `destination` (a .zip, or else a folder).

    Raises FileExists when the destination exists and `overwrite` is false,
    DestinationError when it can't be used at all (inside the data folder, in a
    folder that doesn't exist, an unrelated folder or a file in the way), and
    ExportError when an entry's date can't be read or the disk fails; whatever was
    at `destination` is left as it was.
    """
    as_zip = is_zip_destination(destination)
    if not as_zip:
        # Checked before reading anything, so a refusal is quick.
        check_folder_destination(destination, data_dir, overwrite=overwrite)
    with db.atomic():
        manifest = read_manifest(now or datetime.now())
        members = archive_members(manifest)
        if as_zip:
            path = write_atomically(
                destination,
                lambda handle: write_zip(handle, members),
                data_dir=data_dir,
                overwrite=overwrite,
                mode=FILE_MODE,
            )
        else:
            path = write_folder(destination, members, data_dir, overwrite=overwrite)
    files = 1 + len(TABLES) - len(JOURNAL_TABLES) + manifest.counts["journal_entry"]
    return ArchiveWritten(path, dict(manifest.counts), files, as_zip)


def read_manifest(now: datetime) -> Manifest:
    """The manifest of the notebook as it is (call it inside a transaction, with the
    members read in the same one).

    Raises ExportError when a journal entry's date can't be read: the reader would
    refuse the entry, and with it the whole archive.
    """
    connection = db.connection()
    schema_version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    counts = {
        name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in TABLES
    }
    known = ", ".join(f"'{name}'" for name in TABLES)
    sequences = dict(
        connection.execute(
            f"SELECT name, seq FROM sqlite_sequence WHERE name IN ({known}) ORDER BY name"
        ).fetchall()
    )
    for entry_id, written_at in connection.execute(
        "SELECT id, written_at FROM journal_entry ORDER BY id"
    ):
        if date_problem(DATETIME, written_at):
            raise ExportError(
                f"Journal entry {entry_id} has a date Pathfinder can't read "
                f"({shown(repr(written_at))[:60]}), so an archive holding it could "
                "not be imported again. Nothing was written."
            )
    return Manifest(
        schema_version=schema_version,
        app_version=__version__,
        exported_at=now.isoformat(timespec="seconds"),
        counts=counts,
        sequences=sequences,
    )


def archive_members(manifest: Manifest) -> Iterator[Member]:
    """Every file of the archive, manifest first, in a fixed order, each read from the
    notebook when it is asked for (inside the manifest's transaction)."""
    connection = db.connection()
    yield MANIFEST, (dumps(manifest.to_json()) + "\n").encode("utf-8")
    yield from _journal_members(connection)
    for name, spec in TABLES.items():
        if name not in JOURNAL_TABLES:
            yield spec.member, (table_text(connection, spec) + "\n").encode("utf-8")


def _select(connection: Any, spec: TableSpec) -> list[tuple[Any, ...]]:
    columns = ", ".join(f'"{column}"' for column in spec.columns)
    rows: list[tuple[Any, ...]] = connection.execute(
        f'SELECT {columns} FROM "{spec.name}" ORDER BY {_order(spec)}'
    ).fetchall()
    return rows


def _order(spec: TableSpec) -> str:
    return ", ".join(f'"{column}"' for column in spec.order_by)


def _journal_members(connection: Any) -> Iterator[Member]:
    try:
        # All at once, before the workers are busy: row by row, each step would have
        # to win Python's lock back from them.
        rows = connection.execute(*front_matter_query()).fetchall()
    except sqlite3.OperationalError:  # a SQLite built without JSON
        yield from _journal_members_in_python(connection)
        return
    for entry_id, written_at, title, front_matter, body in rows:
        yield journal_file_name(entry_id, written_at, title or ""), entry_file(front_matter, body)


def _journal_members_in_python(connection: Any) -> Iterator[Member]:
    entry_spec, tag_spec, link_spec = (TABLES[name] for name in JOURNAL_TABLES)
    tags: dict[int, list[str]] = defaultdict(list)
    for entry_id, name in _select(connection, tag_spec):
        tags[entry_id].append(name)
    links: dict[int, list[dict[str, Any]]] = defaultdict(list)
    entry_index = link_spec.columns.index("entry_id")
    for row in _select(connection, link_spec):
        links[row[entry_index]].append(dict(zip(link_spec.columns, row, strict=True)))
    entries = [
        dict(zip(entry_spec.columns, row, strict=True)) for row in _select(connection, entry_spec)
    ]
    names = (
        journal_file_name(entry["id"], entry["written_at"], entry["title"] or "")
        for entry in entries
    )
    yield from zip(names, entry_files(entries, tags, links), strict=True)


def table_text(connection: Any, spec: TableSpec) -> str:
    """`table_json` of the table's rows, made by SQLite.

    Each row is one `printf` of its columns through `json_quote`, and the rows are
    joined by `group_concat` over a subquery in key order. SQLite documents that
    order as unspecified but keeps it (an aggregate stops the subquery from being
    flattened or its ORDER BY dropped); tests/services/test_archive_sql.py would
    see a change, and SQLite 3.44's `group_concat(… ORDER BY …)` can say it outright.

    `json_quote` writes integers, text and NULL as Python's encoder does: every
    column of a notebook holds one of those. A real number (only an edit from
    outside could put one there) would be written with SQLite's 15 digits, where
    Python writes 17, and an archive holding either is refused on import anyway. A
    blob, or a SQLite without JSON, makes SQLite fail, and `table_json` is used.
    """
    columns = sorted(spec.columns)
    quoted = ", ".join(f'json_quote("{column}")' for column in columns)
    try:
        (text,) = connection.execute(
            f"SELECT group_concat(row, ?) FROM (SELECT printf(?, {quoted}) AS row "
            f'FROM "{spec.name}" ORDER BY {_order(spec)})',
            (",\n", _row_layout(columns)),
        ).fetchone()
    except sqlite3.OperationalError:  # a blob, or a SQLite built without JSON
        return table_json(spec.columns, _select(connection, spec))
    return f"[\n{text}\n]" if text is not None else "[]"


def _row_layout(sorted_columns: Sequence[str]) -> str:
    """One row of a data file, with %s where each value goes (keys sorted, indent 2)."""
    keys = [encode_basestring(column).replace("%", "%%") for column in sorted_columns]
    return "  {\n" + ",\n".join(f"    {key}: %s" for key in keys) + "\n  }"


def table_json(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """`dumps([dict(zip(columns, row)) for row in rows])`, about five times as fast.

    The rows are flat, so every value of the table is encoded by json's C encoder in
    one call, with a NUL as the separator (an encoded value never holds a raw NUL:
    JSON escapes it), and the indented layout is filled in around them.
    """
    if not rows:
        return "[]"
    order = sorted(range(len(columns)), key=lambda index: columns[index])
    template = _row_layout([columns[index] for index in order])
    pick = operator.itemgetter(*order) if len(order) > 1 else (lambda row: (row[order[0]],))
    flat = list(itertools.chain.from_iterable(map(pick, rows)))
    encoded = _FLAT_ENCODER.encode(flat)[1:-1].split("\x00")
    width = len(order)
    return (
        "[\n"
        + ",\n".join(
            template % tuple(encoded[start : start + width])
            for start in range(0, len(encoded), width)
        )
        + "\n]"
    )


def write_zip(handle: BinaryIO, members: Iterable[Member]) -> None:
    """The members as a zip with fixed dates and modes, so equal files give equal bytes."""
    zip_writer.write_zip(handle, members, level=ZIP_LEVEL, mode=FILE_MODE)
