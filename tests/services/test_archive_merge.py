"""Importing into a notebook that holds something (--merge), older archives, and rollback."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from pathfinder.demo import build_demo_notebook
from pathfinder.paths import Paths
from pathfinder.services import archive_restore, interactions, journal, people, tags
from pathfinder.services.archive import MANIFEST, ArchiveError
from pathfinder.services.archive_read import read_archive
from pathfinder.services.archive_restore import restore_archive
from pathfinder.services.archive_write import write_archive
from pathfinder.services.search import index_problems, search_lines
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.migrations import LATEST_VERSION
from pathfinder.store.models import EntryTemplate, Organisation, OutreachTemplate, Setting

NOW = datetime(2026, 3, 2, 19, 30)
TODAY = date(2026, 3, 2)


def rows(sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    return list(db.connection().execute(sql, parameters).fetchall())


def everything() -> dict[str, list[tuple[Any, ...]]]:
    names = [name for (name,) in rows("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        name: sorted(rows(f'SELECT * FROM "{name}"'), key=repr)
        for name in names
        if not name.startswith("search_index")
    }


def rewrite(path: Path, changes: dict[str, bytes | None], target: Path) -> Path:
    """A copy of the zip at `path` with members replaced (or removed, for None)."""
    with zipfile.ZipFile(path) as source:
        files = {name: source.read(name) for name in source.namelist()}
    for name, data in changes.items():
        if data is None:
            files.pop(name, None)
        else:
            files[name] = data
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return target


def edit_json(path: Path, member: str) -> Any:
    with zipfile.ZipFile(path) as source:
        return json.loads(source.read(member))


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Any]:
    def open_in(name: str) -> Paths:
        close_notebook()
        paths = Paths(tmp_path / name)
        paths.ensure()
        open_notebook(paths.database, paths.backups_dir)
        return paths

    yield open_in
    close_notebook()
    db.initialize(None)


@pytest.fixture
def source_archive(opened: Any, tmp_path: Path) -> Path:
    """An archive of a small notebook with a record of every matched kind."""
    opened("source")
    ben = people.add_person("Ben Okafor", now=NOW)
    ana = people.add_person("Ana Ruiz", now=NOW, organisation="Acme Health", title="Designer")
    interactions.introduce(ben.id, ana.id, on=TODAY)
    tags.set_tags(ana.id, ["mentor", "design"])
    interactions.log_interaction(ana.id, interactions.kind_id("coffee"), on=TODAY, summary="Latte")
    journal.add_entry(
        NOW, title="Met Ana", body="Good talk", tags=["Mentor"], links=[("person", ana.id)]
    )
    Setting.create(key="friends_can_help", value="from the archive")
    OutreachTemplate.create(key="thank_you", label="Thanks", subject="Thank you", body="Hi")
    EntryTemplate.create(name="Weekly review", body="## Week", created_at=NOW, updated_at=NOW)
    return write_archive(tmp_path / "source.zip", data_dir=None, overwrite=False).path


def test_a_merge_adds_new_records_and_maps_named_ones_onto_the_notebooks(
    opened: Any, source_archive: Path
) -> None:
    target = opened("target")
    zed = people.add_person("Zed Moss", now=NOW, organisation="ACME health")
    tags.set_tags(zed.id, ["Mentor"])
    Setting.create(key="friends_can_help", value="mine")
    EntryTemplate.create(name="weekly REVIEW", body="mine", created_at=NOW, updated_at=NOW)
    before = everything()

    imported = restore_archive(
        read_archive(source_archive), merge=True, backups_dir=target.backups_dir, now=NOW
    )

    assert imported.merged
    assert imported.backup == target.backups_dir / "before-import-20260302-193000.sqlite3"
    copy = sqlite3.connect(imported.backup)
    assert copy.execute("SELECT name FROM contact").fetchall() == [("Zed Moss",)]
    copy.close()
    after = everything()
    for table, old_rows in before.items():
        if table != "sqlite_sequence":
            assert set(old_rows) <= set(after[table]), table  # nothing of the notebook changed
    assert imported.added["contact"] == 2
    assert imported.matched["organisation"] == 1 and imported.matched["entry_template"] == 1
    assert imported.matched["interaction_kind"] == 11 and imported.matched["setting"] == 1

    acme = Organisation.get(Organisation.name == "ACME health")
    assert Organisation.select().count() == 1
    ana_id, ana_org, introducer = rows(
        "SELECT id, organisation_id, introduced_by_id FROM contact WHERE name = 'Ana Ruiz'"
    )[0]
    assert ana_org == acme.id
    assert rows("SELECT name FROM contact WHERE id = ?", introducer) == [("Ben Okafor",)]
    assert ana_id > zed.id
    assert sorted(
        name
        for (name,) in rows(
            "SELECT t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id WHERE contact_id = ?",
            ana_id,
        )
    ) == ["Mentor", "design"]
    assert rows(
        "SELECT k.name FROM interaction i JOIN interaction_kind k ON k.id = i.kind_id "
        "WHERE i.contact_id = ?",
        ana_id,
    ) == [("coffee",)]
    assert rows(
        "SELECT e.title FROM journal_link l JOIN journal_entry e ON e.id = l.entry_id "
        "WHERE l.contact_id = ?",
        ana_id,
    ) == [("Met Ana",)]
    assert Setting.get_by_id("friends_can_help").value == "mine"
    assert OutreachTemplate.get_by_id("thank_you").subject == "Thank you"
    assert EntryTemplate.get().body == "mine"
    assert rows("PRAGMA foreign_key_check") == []
    assert index_problems() == []
    assert "person\tAna Ruiz\t2026-03-02" in search_lines("acme")


def test_merging_twice_adds_the_people_twice(opened: Any, source_archive: Path) -> None:
    target = opened("target")
    people.add_person("Zed Moss", now=NOW)
    contents = read_archive(source_archive)
    first = restore_archive(contents, merge=True, backups_dir=target.backups_dir, now=NOW)
    second = restore_archive(contents, merge=True, backups_dir=target.backups_dir, now=NOW)
    assert people.people_count() == 5
    assert first.backup is not None and second.backup is not None
    assert second.backup.name == "before-import-20260302-193000-2.sqlite3"
    first_copy = sqlite3.connect(first.backup)
    assert first_copy.execute("SELECT count(*) FROM contact").fetchone() == (1,)
    first_copy.close()
    assert Organisation.select().count() == 1


def test_merge_into_an_empty_notebook_restores_the_ids(opened: Any, source_archive: Path) -> None:
    target = opened("target")
    imported = restore_archive(
        read_archive(source_archive), merge=True, backups_dir=target.backups_dir
    )
    assert not imported.merged and imported.backup is None
    assert rows("SELECT id, name FROM contact ORDER BY id") == [(1, "Ben Okafor"), (2, "Ana Ruiz")]


@pytest.mark.parametrize("merge", [False, True])
def test_a_large_import_rebuilds_the_index_once_and_puts_the_triggers_back(
    opened: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, merge: bool
) -> None:
    opened("source")
    build_demo_notebook(TODAY)
    archive = write_archive(tmp_path / "demo.zip", data_dir=None, overwrite=False).path
    target = opened("target")
    if merge:
        people.add_person("Zed Moss", now=NOW, notes="hospital")
    triggers = rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    monkeypatch.setattr(archive_restore, "BULK_ROWS", 10)
    restore_archive(read_archive(archive), merge=merge, backups_dir=target.backups_dir)
    assert rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name") == (
        triggers
    )
    assert index_problems() == []
    people.add_person("Yara Lind", now=NOW)  # the triggers work again
    assert index_problems() == []
    assert search_lines("yara") == ["person\tYara Lind\t"]


@pytest.mark.parametrize("merge", [False, True])
def test_a_row_that_breaks_a_rule_rolls_everything_back(
    opened: Any, source_archive: Path, merge: bool
) -> None:
    contents = read_archive(source_archive)
    # The reader refuses this; a row only the notebook refuses is made by hand here, to
    # prove that whatever fails at INSERT undoes everything and names the row.
    goal = archive_restore.TABLES["goal"]
    row = dict.fromkeys(goal.columns, "")
    row.update(id=1, title="Find a mentor", kind="a-bogus-kind", period="total")
    row.update(target_number=None, progress=None, due_on=None)
    row.update(created_at="2026-03-02 19:30:00", updated_at="2026-03-02 19:30:00")
    contents.rows["goal"] = [tuple(row[column] for column in goal.columns)]
    target = opened("target")
    if merge:
        people.add_person("Zed Moss", now=NOW)
    before = everything()
    with pytest.raises(ArchiveError) as refused:
        restore_archive(contents, merge=merge, backups_dir=target.backups_dir)
    assert refused.value.message.startswith("data/goal.json: the row with id ")
    assert "CHECK constraint failed" in refused.value.message
    assert "\n" not in refused.value.message
    assert everything() == before


def test_a_tag_twice_on_one_entry_is_refused_by_the_reader(
    source_archive: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(source_archive) as source:
        name = next(n for n in source.namelist() if n.endswith(".md"))
        text = source.read(name).decode()
    text = text.replace('tags: ["Mentor"]', 'tags: ["Mentor", "MENTOR"]')
    manifest = edit_json(source_archive, MANIFEST)
    manifest["counts"]["journal_tag"] += 1
    bad = rewrite(
        source_archive,
        {name: text.encode(), MANIFEST: json.dumps(manifest).encode()},
        tmp_path / "bad.zip",
    )
    with pytest.raises(ArchiveError) as refused:
        read_archive(bad)
    assert refused.value.message == (
        f"{name}: another journal_tag row has the same entry_id and name "
        "(1, 'Mentor'; capitals don't count)"
    )


def older(source: Path, target: Path, goal_rows: Any = None, keep_goal: bool = False) -> Path:
    """The archive as an older Pathfinder wrote it: version - 1, without settings or reports."""
    manifest = edit_json(source, MANIFEST)
    manifest["schema_version"] = LATEST_VERSION - 1
    for table in ("setting", "report_sent"):
        manifest["counts"].pop(table)
    changes: dict[str, bytes | None] = {
        MANIFEST: json.dumps(manifest).encode(),
        "data/setting.json": None,
        "data/report_sent.json": None,
    }
    if goal_rows is not None:
        changes["data/goal.json"] = json.dumps(goal_rows).encode()
        manifest["counts"]["goal"] = len(goal_rows)
        changes[MANIFEST] = json.dumps(manifest).encode()
    return rewrite(source, changes, target)


GOAL = {
    "id": 3,
    "title": "Five conversations",
    "kind": "other",
    "target_number": 5,
    "due_on": "2026-06-30",
    "notes": "",
    "created_at": "2026-01-02 10:00:00",
    "updated_at": "2026-01-02 10:00:00",
}


def test_an_older_archive_takes_defaults_for_the_columns_it_lacks(
    opened: Any, source_archive: Path, tmp_path: Path
) -> None:
    archive = older(source_archive, tmp_path / "older.zip", goal_rows=[GOAL])
    target = opened("target")
    restore_archive(read_archive(archive), merge=False, backups_dir=target.backups_dir)
    assert rows("SELECT id, title, period, progress, target_number FROM goal") == [
        (3, "Five conversations", "total", None, 5)
    ]
    assert rows("SELECT count(*) FROM setting") == [(0,)]
    assert people.people_count() == 2


@pytest.mark.parametrize(
    ("version", "goal", "message"),
    [
        (LATEST_VERSION - 1, {**GOAL, "colour": "red"}, "has no column 'colour'"),
        (LATEST_VERSION - 1, {k: v for k, v in GOAL.items() if k != "title"}, "'title' is missing"),
        (LATEST_VERSION, GOAL, "the column 'period' is missing"),
    ],
)
def test_a_column_that_cant_be_filled_in_is_refused(
    source_archive: Path, tmp_path: Path, version: int, goal: dict[str, Any], message: str
) -> None:
    archive = older(source_archive, tmp_path / "older.zip", goal_rows=[goal])
    if version == LATEST_VERSION:
        manifest = edit_json(archive, MANIFEST)
        manifest["schema_version"] = version
        archive = rewrite(
            archive, {MANIFEST: json.dumps(manifest).encode()}, tmp_path / "current.zip"
        )
    with pytest.raises(ArchiveError, match=re.escape(message)) as refused:
        read_archive(archive)
    assert refused.value.message.startswith("data/goal.json: the row with id 3: ")
