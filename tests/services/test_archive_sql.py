"""The archive's files made by SQLite are the very bytes Python would make, and a SQLite
that can't make them falls back to Python."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pathfinder.paths import Paths
from pathfinder.services import journal, people
from pathfinder.services.archive import TABLES
from pathfinder.services.archive_write import (
    _journal_members,
    _journal_members_in_python,
    _select,
    table_json,
    table_text,
    write_archive,
)
from pathfinder.store.database import db

NOW = datetime(2026, 3, 2, 19, 30)
# Every character JSON escapes, the ones YAML readers stumble on, printf's own
# marks, quotes, and text outside the Basic Multilingual Plane.
HOSTILE = "".join(map(chr, range(32))) + '\x7f\x85\u2028\u2029\ufeff"\\/%s%%d%n😀 Ærø'


def hostile_notebook() -> None:
    """People, entries, tags and links full of hostile text, some written past the
    services' own cleaning, straight into the columns."""
    ana = people.add_person("Ana Ruiz", now=NOW, organisation="Acme", email="ana@example.org")
    ben = people.add_person("Ben Okafor", now=NOW)
    for number in range(3):
        entry = journal.add_entry(
            NOW,
            title=f"Entry {number} “{HOSTILE[40:]}”",
            body=f"Body {number}\n---\n{HOSTILE}\n",
            mood=number + 1,
            tags=["zeta", "alpha", f"tag {number} %s"],
            links=[("person", ben.id), ("person", ana.id)] if number else [],
        )
    connection = db.connection()
    with db.atomic():
        connection.execute(
            "UPDATE contact SET notes = ?, title = ? WHERE id = ?", (HOSTILE, HOSTILE, ana.id)
        )
        connection.execute(
            "UPDATE journal_entry SET title = ?, prompt = ?, body = ? WHERE id = ?",
            (HOSTILE, "a\x00b", "body with a NUL \x00 inside", entry.id),
        )
        connection.execute("UPDATE contact SET notes = ? WHERE id = ?", (str(2**62), ben.id))


def test_sqlite_makes_every_data_file_as_python_does(notebook: Paths) -> None:
    hostile_notebook()
    connection = db.connection()
    for spec in TABLES.values():
        assert table_text(connection, spec) == table_json(spec.columns, _select(connection, spec))
    notes = table_text(connection, TABLES["contact"])
    assert "\\u0000" in notes and "\\u001f" in notes and "%n" in notes


def test_sqlite_makes_every_journal_file_as_python_does(notebook: Paths) -> None:
    hostile_notebook()
    connection = db.connection()
    by_sqlite = list(_journal_members(connection))
    assert by_sqlite == list(_journal_members_in_python(connection))
    assert len(by_sqlite) == 3
    last = by_sqlite[-1][1].decode()
    assert "\\u2028" in last and "\u2028" not in last.split("\n---\n")[0]
    assert 'tags: ["alpha", "tag 2 %s", "zeta"]' in last
    assert last.endswith("body with a NUL \x00 inside")


def test_without_sqlites_json_the_archive_is_made_in_python(
    notebook: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile_notebook()
    made = write_archive(tmp_path / "sqlite.zip", data_dir=None, overwrite=False, now=NOW)

    def refuse(*_: Any) -> str:
        raise RuntimeError("no JSON here")

    db.connection().create_function("json_quote", 1, refuse)
    in_python = write_archive(tmp_path / "python.zip", data_dir=None, overwrite=False, now=NOW)
    assert in_python.path.read_bytes() == made.path.read_bytes()
    with zipfile.ZipFile(in_python.path) as archive:
        assert archive.testzip() is None
