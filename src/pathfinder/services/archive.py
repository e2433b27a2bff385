"""The archive of a whole notebook: its format, shared by writing and reading it.

`pathfinder export archive` writes everything in the notebook to a folder, or to a
.zip when the name ends in ".zip" (`archive_write`); `pathfinder import archive`
reads it back (`archive_source` opens it safely, `archive_read` checks every file,
`archive_restore` puts the rows into a notebook). The layout, inside the folder or
the zip:

    manifest.json                the format, versions, counts and id counters
    data/<table>.json            every other table, one file each (also when empty)
    journal/YYYY/YYYY-MM-DD-<id>[-<slug>].md   one journal entry per file

A data file is a JSON list of rows sorted by primary key (tables without one by
all their columns), each row an object holding every column exactly as SQLite
stores it: foreign keys by their column name (`contact_id`), dates as
`YYYY-MM-DD`, times as `YYYY-MM-DD HH:MM:SS` (a space, not ISO's `T`, so they sort
as text; with `.ffffff` when there is a fraction of a second), yes/no as 0 or 1.
It is written as
`json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=2)` and a newline.

A journal file starts with front matter between two `---` lines: one
`key: <JSON value>` line for each column of the entry, then `tags` (a list of
names) and `links` (a list of `journal_link` rows). A JSON scalar or flow list is
also valid YAML, so other tools can read it, while Pathfinder parses it back
without a YAML library. The entry's body follows the closing `---` line byte for
byte (UTF-8), up to the end of the file. The slug in the file name is a short ASCII
form of the title, for people browsing the folder; only the front matter counts.
An entry whose date can't be read is never written (`archive_write` refuses), as
the archive could not be imported again.

The manifest holds the format name, the archive version (`ARCHIVE_VERSION`), the
schema version of the notebook (`PRAGMA user_version`), the app version, when it
was exported, the number of rows of every table, and the AUTOINCREMENT counters
(`sqlite_sequence`), so a restored notebook never hands out a deleted record's id
again. Everything but `exported_at` depends only on what the notebook holds, so
exporting, importing into a fresh notebook and exporting again gives the same
files apart from that one line; zip members carry a fixed date for the same reason.

The tables and their columns come from `store.models` (a test proves a migrated
notebook matches them). No Qt here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import peewee
from playhouse.sqlite_ext import AutoIncrementField

from pathfinder.store.models import ALL_MODELS

FORMAT_NAME = "pathfinder-archive"
ARCHIVE_VERSION = 1
MANIFEST = "manifest.json"
DATA_FOLDER = "data"
JOURNAL_FOLDER = "journal"
# Journal entries, their tags and their links live in the Markdown files.
JOURNAL_TABLES = ("journal_entry", "journal_tag", "journal_link")
FRONT_MATTER_MARK = "---"
# The fixed date of every zip member (the earliest a zip can hold).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
SLUG_LENGTH = 40
# Letters NFKD leaves alone, folded as search folds them (a copy: a file name must not
# change with the search index, and a frozen migration is no library).
SLUG_FOLDS = (
    ("ø", "o"),
    ("Ø", "O"),
    ("æ", "ae"),
    ("Æ", "Ae"),
    ("œ", "oe"),
    ("Œ", "Oe"),
    ("ß", "ss"),
    ("ł", "l"),
    ("Ł", "L"),
    ("đ", "d"),
    ("Đ", "D"),
    ("ð", "d"),
    ("Ð", "D"),
    ("þ", "th"),
    ("Þ", "Th"),
    ("ı", "i"),
    ("ĳ", "ij"),
    ("Ĳ", "IJ"),
    ("ẞ", "SS"),
)


class ArchiveError(Exception):
    """An archive can't be written or read; `message` is one line for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# What a column holds: how it is checked when an archive is read.
INTEGER, BOOLEAN, TEXT, DATE, DATETIME = "integer", "boolean", "text", "date", "datetime"
_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# A time as SQLite holds a Python datetime (a date alone, or with an offset, is read too).
_DATETIME_TEXT = re.compile(
    r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([+-]\d{2}:?\d{2})?)?", re.ASCII
)


@dataclass(frozen=True)
class TableSpec:
    """One table as the archive sees it, derived from its model."""

    name: str
    columns: tuple[str, ...]
    kinds: Mapping[str, str]  # column -> INTEGER, BOOLEAN, TEXT, DATE or DATETIME
    nullable: frozenset[str]
    defaults: Mapping[str, Any]  # column -> value as stored, for columns with a default
    primary_key: tuple[str, ...]  # () for a table keyed only by SQLite's rowid
    foreign_keys: Mapping[str, str]  # column -> the table it points to
    natural_key: str | None  # a unique column other than the id (matched when merging)
    autoincrement: bool
    order_by: tuple[str, ...] = field(default=())

    @property
    def merge_key(self) -> str | None:
        """The column a merge matches rows on: the natural key, or a key of text."""
        if self.natural_key:
            return self.natural_key
        if len(self.primary_key) == 1 and self.kinds[self.primary_key[0]] == TEXT:
            return self.primary_key[0]
        return None

    @property
    def member(self) -> str:
        """Where the table lives in an archive (a file, or the journal folder)."""
        if self.name in JOURNAL_TABLES:
            return f"{JOURNAL_FOLDER}/"
        return f"{DATA_FOLDER}/{self.name}.json"


def _kind(model_field: peewee.Field) -> str:
    if isinstance(model_field, peewee.BooleanField):
        return BOOLEAN
    if isinstance(model_field, peewee.DateTimeField):
        return DATETIME
    if isinstance(model_field, peewee.DateField):
        return DATE
    if isinstance(model_field, peewee.ForeignKeyField):
        return _kind(model_field.rel_field)
    if isinstance(model_field, peewee.IntegerField):
        return INTEGER
    return TEXT


def _spec(model: type[peewee.Model]) -> TableSpec:
    meta = model._meta
    fields = list(meta.sorted_fields)
    columns = tuple(f.column_name for f in fields)
    primary = meta.primary_key
    if primary is False:
        primary_key: tuple[str, ...] = ()
    elif isinstance(primary, peewee.CompositeKey):
        primary_key = tuple(meta.fields[name].column_name for name in primary.field_names)
    else:
        primary_key = (primary.column_name,)
    defaults = {}
    for f in fields:
        if f.default is not None and not callable(f.default):
            defaults[f.column_name] = f.db_value(f.default)
    natural = [f.column_name for f in fields if f.unique and not f.primary_key]
    return TableSpec(
        name=meta.table_name,
        columns=columns,
        kinds={f.column_name: _kind(f) for f in fields},
        nullable=frozenset(f.column_name for f in fields if f.null),
        defaults=defaults,
        primary_key=primary_key,
        foreign_keys={
            f.column_name: f.rel_model._meta.table_name
            for f in fields
            if isinstance(f, peewee.ForeignKeyField)
        },
        natural_key=natural[0] if natural else None,
        autoincrement=isinstance(primary, AutoIncrementField),
        order_by=primary_key or columns,
    )


# The log of imports stays out: its row ids mean nothing in another notebook (undoing an
# import there would remove the wrong people), and an archive restored is not an import.
NOT_ARCHIVED = ("import_batch", "import_change")

# Every table, parents before children (the order the models are created in).
TABLES: dict[str, TableSpec] = {
    spec.name: spec for spec in map(_spec, ALL_MODELS) if spec.name not in NOT_ARCHIVED
}


@dataclass(frozen=True)
class Manifest:
    schema_version: int
    app_version: str
    exported_at: str
    counts: Mapping[str, int]
    sequences: Mapping[str, int]
    archive_version: int = ARCHIVE_VERSION
    format: str = FORMAT_NAME

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "archive_version": self.archive_version,
            "schema_version": self.schema_version,
            "app_version": self.app_version,
            "exported_at": self.exported_at,
            "counts": dict(self.counts),
            "sequences": dict(self.sequences),
        }


def dumps(value: Any) -> str:
    """The archive's JSON text of `value` (without the final newline)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)


def slug(title: str) -> str:
    """A short lower-case ASCII form of `title` for a file name ('' if nothing is left).

    Accents go (NFKD), and the letters that don't decompose fold as search folds them
    (ø to o, æ to ae).
    """
    for letter, plain in SLUG_FOLDS:
        title = title.replace(letter, plain)
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > SLUG_LENGTH:
        words = words[:SLUG_LENGTH]
        if "-" in words:
            words = words.rsplit("-", 1)[0]
    return words.strip("-")


def date_problem(kind: str, value: Any) -> str:
    """'' when `value` is a date (kind DATE) or a time (DATETIME) as the notebook holds
    it, else what it should have been."""
    if not isinstance(value, str):
        return "a date as text (YYYY-MM-DD)"
    if kind == DATE:
        pattern, shape = _DATE_TEXT, "a date as YYYY-MM-DD"
    else:
        pattern, shape = _DATETIME_TEXT, "a date and time as YYYY-MM-DD HH:MM:SS"
    if not pattern.fullmatch(value):
        return shape
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return "a real date"
    return ""


def journal_file_name(entry_id: int, written_at: str, title: str) -> str:
    """journal/YYYY/YYYY-MM-DD-<id>[-<slug>].md, for a `written_at` without a
    `date_problem`."""
    day = written_at[:10]
    words = slug(title)
    return f"{JOURNAL_FOLDER}/{day[:4]}/{day}-{entry_id}{'-' + words if words else ''}.md"


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
