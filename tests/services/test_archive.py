"""The archive: every row and field survives export and import, byte for byte."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from pathfinder.demo import build_demo_notebook
from pathfinder.paths import Paths
from pathfinder.services import interactions, journal, people, questions
from pathfinder.services.archive import MANIFEST, TABLES, ZIP_DATE, dumps, journal_file_name, slug
from pathfinder.services.archive_journal import entry_files, parse_entry
from pathfinder.services.archive_read import read_archive
from pathfinder.services.archive_restore import (
    NotebookNotEmpty,
    restore_archive,
    what_the_notebook_holds,
)
from pathfinder.services.archive_write import table_json, write_archive
from pathfinder.services.files import ExportError
from pathfinder.services.search import index_problems, search_lines
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.migrations import LATEST_VERSION

NOW = datetime(2026, 3, 2, 19, 30)
TODAY = date(2026, 3, 2)


def dump_notebook() -> dict[str, Any]:
    """Every row of every table as SQLite stores it, and the id counters."""
    connection = db.connection()
    result: dict[str, Any] = {}
    for spec in TABLES.values():
        columns = ", ".join(f'"{column}"' for column in spec.columns)
        result[spec.name] = sorted(
            connection.execute(f'SELECT {columns} FROM "{spec.name}"').fetchall(), key=repr
        )
    result["sqlite_sequence"] = sorted(
        connection.execute("SELECT name, seq FROM sqlite_sequence").fetchall()
    )
    return result


def zip_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def folder_files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


def without_exported_at(files: dict[str, bytes]) -> dict[str, bytes]:
    manifest = json.loads(files[MANIFEST])
    del manifest["exported_at"]
    return {**files, MANIFEST: dumps(manifest).encode()}


@pytest.fixture
def switch(tmp_path: Path) -> Iterator[Any]:
    """Open a fresh notebook in a new folder (closing the current one); returns its Paths."""
    made = []

    def fresh(name: str) -> Paths:
        close_notebook()
        paths = Paths(tmp_path / name)
        paths.ensure()
        open_notebook(paths.database, paths.backups_dir)
        made.append(paths)
        return paths

    yield fresh
    close_notebook()
    db.initialize(None)


def round_trip(source: Paths, switch: Any, tmp_path: Path) -> tuple[dict[str, bytes], Paths]:
    """Export the open notebook, import it into a fresh one, export again; the files."""
    before = dump_notebook()
    first = write_archive(tmp_path / "first.zip", data_dir=source.data_dir, overwrite=False)
    restored = switch("restored")
    imported = restore_archive(
        read_archive(first.path), merge=False, backups_dir=restored.backups_dir
    )
    assert not imported.merged and imported.backup is None
    assert dump_notebook() == before
    assert index_problems() == []
    second = write_archive(tmp_path / "second.zip", data_dir=restored.data_dir, overwrite=False)
    files = zip_files(first.path)
    assert without_exported_at(zip_files(second.path)) == without_exported_at(files)
    return files, restored


def test_the_demo_notebook_comes_back_whole(notebook: Paths, switch: Any, tmp_path: Path) -> None:
    build_demo_notebook(TODAY)
    questions.question_bank()  # the bank is seeded the first time it is opened
    files, _restored = round_trip(notebook, switch, tmp_path)
    manifest = json.loads(files[MANIFEST])
    assert manifest["format"] == "pathfinder-archive"
    assert manifest["schema_version"] == LATEST_VERSION
    everyone = people.people_count()
    assert manifest["counts"]["contact"] == len(json.loads(files["data/contact.json"])) == everyone
    assert manifest["counts"]["journal_entry"] == sum(name.endswith(".md") for name in files) > 30
    assert manifest["counts"]["question"] > 0
    assert set(manifest["counts"]) == set(TABLES)
    assert manifest["sequences"]["contact"] == everyone


def test_the_folder_holds_the_same_files_as_the_zip(notebook: Paths, tmp_path: Path) -> None:
    build_demo_notebook(TODAY)
    as_zip = write_archive(tmp_path / "a.zip", data_dir=notebook.data_dir, overwrite=False, now=NOW)
    folder = write_archive(tmp_path / "a", data_dir=notebook.data_dir, overwrite=False, now=NOW)
    assert not folder.as_zip and folder.path.is_dir()
    assert folder_files(folder.path) == zip_files(as_zip.path)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    again = write_archive(tmp_path / "b.zip", data_dir=notebook.data_dir, overwrite=False, now=NOW)
    assert again.path.read_bytes() == as_zip.path.read_bytes()  # the same bytes, every time
    with zipfile.ZipFile(as_zip.path) as archive:
        infos = archive.infolist()
    assert infos[0].filename == MANIFEST
    assert {info.date_time for info in infos} == {ZIP_DATE}


def test_a_data_file_is_sorted_json_of_every_column(notebook: Paths, tmp_path: Path) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW, organisation="Acme", email="ana@example.org")
    people.add_person("Ben Okafor", now=NOW, organisation="Acme")
    written = write_archive(tmp_path / "a.zip", data_dir=notebook.data_dir, overwrite=False)
    files = zip_files(written.path)
    rows = json.loads(files["data/contact.json"])
    assert [row["id"] for row in rows] == [ana.id, ana.id + 1]
    assert set(rows[0]) == set(TABLES["contact"].columns)
    assert rows[0]["organisation_id"] == rows[1]["organisation_id"]
    assert (rows[0]["email"], rows[0]["archived"], rows[0]["created_at"]) == (
        "ana@example.org",
        0,
        "2026-03-02 19:30:00",
    )
    text = files["data/contact.json"].decode()
    assert text == json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    assert files["data/setting.json"] == b"[]\n"


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [(1, None, "x\x00y\u2028", 3)],
        [(2, 'é"\\', -5, 0), (3, "", 2**62, 1), (4, "line\nbreak", 0, None)],
    ],
)
def test_the_fast_table_json_equals_json_dumps(rows: list[tuple[Any, ...]]) -> None:
    columns = ["id", "b%s", "a", "Z"]
    expected = json.dumps(
        [dict(zip(columns, row, strict=True)) for row in rows],
        ensure_ascii=False,
        sort_keys=True,
        indent=2,
    )
    assert table_json(columns, rows) == expected


def test_a_journal_file_has_front_matter_and_the_body_byte_for_byte(
    notebook: Paths, tmp_path: Path
) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW)
    body = "First line\r\n---\nnot: front matter\n\u2028 and \x85 and \ufeff\n\n"
    entry = journal.add_entry(
        NOW,
        title="Coffee with Ana: “great” ---\nday",
        body=body,
        mood=4,
        tags=["mentor", "Coffee"],
        links=[("person", ana.id)],
    )
    files = zip_files(write_archive(tmp_path / "a.zip", data_dir=None, overwrite=False).path)
    name = f"journal/2026/2026-03-02-{entry.id}-coffee-with-ana-great-day.md"
    data = files[name]
    head, _, rest = data.partition(b"\n---\n")
    assert rest == body.encode()
    lines = head.decode().split("\n")
    assert lines[0] == "---"
    assert f"id: {entry.id}" in lines and "mood: 4" in lines and "shared: 0" in lines
    assert 'title: "Coffee with Ana: “great” ---\\nday"' in lines
    assert 'tags: ["Coffee", "mentor"]' in lines
    link = json.loads(next(line for line in lines if line.startswith("links: "))[7:])
    assert link == [
        {
            "contact_id": ana.id,
            "conversation_id": None,
            "entry_id": entry.id,
            "event_id": None,
            "id": link[0]["id"],
        }
    ]
    parsed = parse_entry(name, data)
    assert parsed.entry["body"] == body and parsed.tags == ["Coffee", "mentor"]


def test_unsafe_characters_in_front_matter_are_escaped_and_read_back() -> None:
    entry = {column: "" for column in TABLES["journal_entry"].columns}
    entry.update(id=1, mood=None, confidence=None, shared=0, title="a\u2028b\x85c\ufeffd\x7f")
    [data] = entry_files([entry], {1: ["t\u2029"]}, {})
    front = data.decode().split("\n---\n")[0]
    assert "\u2028" not in front and "\\u2028" in front and "\\u2029" in front
    assert parse_entry("x.md", data).entry["title"] == "a\u2028b\x85c\ufeffd\x7f"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Coffee with Ana", "coffee-with-ana"),
        ("Ærø — café!", "aero-cafe"),
        ("", ""),
        ("日本語", ""),
        ("a" * 60, "a" * 40),
        ("one two three four five six seven eight nine", "one-two-three-four-five-six-seven-eight"),
    ],
)
def test_file_names_carry_a_short_ascii_slug(title: str, expected: str) -> None:
    assert slug(title) == expected
    assert journal_file_name(7, "2026-03-02 10:00:00", title).startswith(
        "journal/2026/2026-03-02-7"
    )


def test_an_entry_whose_date_cant_be_read_is_never_written(notebook: Paths, tmp_path: Path) -> None:
    """Its archive could never be imported again (the reader refuses the date)."""
    entry = journal.add_entry(NOW, title="Odd", body="x")
    db.connection().execute(
        "UPDATE journal_entry SET written_at = 'garbage' WHERE id = ?", (entry.id,)
    )
    for name in ("a.zip", "a"):
        with pytest.raises(ExportError) as refused:
            write_archive(tmp_path / name, data_dir=None, overwrite=False)
        assert refused.value.message.startswith(
            f"Journal entry {entry.id} has a date Pathfinder can't read ('garbage')"
        )
    assert list(tmp_path.iterdir()) == [notebook.data_dir]


def test_a_deleted_records_id_is_never_handed_out_again(
    notebook: Paths, switch: Any, tmp_path: Path
) -> None:
    for name in ("Ana", "Ben"):
        people.add_person(name, now=NOW)
    cleo = people.add_person("Cleo", now=NOW)
    db.connection().execute("DELETE FROM contact WHERE id = ?", (cleo.id,))
    written = write_archive(tmp_path / "a.zip", data_dir=None, overwrite=False)
    switch("restored")
    restore_archive(read_archive(written.path), merge=False, backups_dir=tmp_path)
    assert people.add_person("Dara", now=NOW).id == cleo.id + 1


def test_a_fresh_notebook_with_its_seeds_counts_as_empty(notebook: Paths) -> None:
    questions.question_bank()
    assert what_the_notebook_holds() == {}
    kind = interactions.kinds()[0]
    db.connection().execute("UPDATE interaction_kind SET name = 'chat' WHERE id = ?", (kind.id,))
    assert what_the_notebook_holds() == {"interaction_kind": 1}


def test_an_archive_without_kinds_keeps_the_seeded_ones(
    notebook: Paths, switch: Any, tmp_path: Path
) -> None:
    written = write_archive(tmp_path / "a.zip", data_dir=None, overwrite=False)
    contents = read_archive(written.path)
    contents.rows["interaction_kind"] = []
    switch("restored")
    seeded = interactions.kinds()
    assert len(seeded) == 11
    restore_archive(contents, merge=False, backups_dir=tmp_path)
    assert interactions.kinds() == seeded


def test_a_notebook_with_records_is_refused_without_merge(notebook: Paths, tmp_path: Path) -> None:
    people.add_person("Ana", now=NOW)
    written = write_archive(tmp_path / "a.zip", data_dir=None, overwrite=False)
    before = dump_notebook()
    with pytest.raises(NotebookNotEmpty) as refused:
        restore_archive(read_archive(written.path), merge=False, backups_dir=tmp_path)
    assert refused.value.held == {"contact": 1}
    assert dump_notebook() == before


def modes(root: Path) -> dict[str, int]:
    return {
        path.relative_to(root).as_posix(): path.stat().st_mode & 0o777
        for path in [root, *root.rglob("*")]
    }


@pytest.mark.skipif(os.name != "posix", reason="Unix file modes")
def test_the_archive_is_private_like_the_notebook(notebook: Paths, tmp_path: Path) -> None:
    """Every private note is in it: files 0600, folders 0700, whatever the umask."""
    journal.add_entry(NOW, title="Private", body="x", tags=["t"])
    previous = os.umask(0o022)
    try:
        as_zip = write_archive(tmp_path / "a.zip", data_dir=None, overwrite=False).path
        (tmp_path / "b.zip").write_bytes(b"earlier")
        (tmp_path / "b.zip").chmod(0o644)
        replaced = write_archive(tmp_path / "b.zip", data_dir=None, overwrite=True).path
        folder = write_archive(tmp_path / "a", data_dir=None, overwrite=False).path
    finally:
        os.umask(previous)
    assert as_zip.stat().st_mode & 0o777 == 0o600
    assert replaced.stat().st_mode & 0o777 == 0o600
    with zipfile.ZipFile(as_zip) as archive:
        assert {info.external_attr >> 16 & 0o777 for info in archive.infolist()} == {0o600}
    found = modes(folder)
    assert {"data/contact.json", "journal/2026", "manifest.json"} <= set(found)
    assert found == {name: 0o700 if (folder / name).is_dir() else 0o600 for name in found}


def test_many_tags_index_an_entry_once(notebook: Paths, switch: Any, tmp_path: Path) -> None:
    """Below BULK_ROWS the search triggers run; a tag going in after its entry would
    re-index the whole entry each time (an entry with 3,000 tags and a long body took
    minutes). SQLite counts the rows the triggers write too."""
    tags = [f"tag{number}" for number in range(300)]
    journal.add_entry(NOW, title="Tagged", body="word " * 1000, tags=tags)
    written = write_archive(tmp_path / "a.zip", data_dir=None, overwrite=False)
    contents = read_archive(written.path)
    rows = sum(map(len, contents.rows.values()))
    switch("restored")
    connection = db.connection()
    before = connection.total_changes
    restore_archive(contents, merge=False, backups_dir=tmp_path)
    changes = connection.total_changes - before
    assert changes < rows + 100, (changes, rows)  # not 2 index writes per tag
    assert index_problems() == []
    [line] = search_lines("tag299")
    assert "\tTagged\t" in line
