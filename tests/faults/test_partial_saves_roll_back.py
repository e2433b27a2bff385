"""An error partway through a save of many rows leaves nothing half-written.

The error is injected on the Nth row itself: a temporary trigger (on the connection only,
never in the notebook's schema) calls a function that raises on its Nth call, so SQLite
fails inside the very statement that writes the rows, whether peewee or a plain
`executemany` runs it. A few saves get a Python error between rows instead. Either way
every table, the search index and the schema must be exactly as before (`iterdump`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from pathfinder.paths import Paths
from pathfinder.services import (
    archive_restore,
    conversations,
    interactions,
    journal,
    people,
    people_bulk,
)
from pathfinder.services.archive_read import read_archive
from pathfinder.services.archive_restore import restore_archive
from pathfinder.services.archive_write import write_archive
from pathfinder.services.import_plan import ImportDefaults, commit_import, plan_import
from pathfinder.services.import_rows import ImportedPerson, ParsedFile
from pathfinder.services.import_undo import undo_import
from pathfinder.services.import_write import _Writer
from pathfinder.services.search import index_problems
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.errors import StorageWriteError

NOW = datetime(2026, 3, 2, 19, 30)
TODAY = date(2026, 3, 2)


class Injected(Exception):
    """The error a test puts into a save."""


def dump() -> list[str]:
    """Every table, index, trigger and row of the notebook, as SQL."""
    assert not db.in_transaction()
    return list(db.connection().iterdump())


@contextlib.contextmanager
def fail_on_row(table: str, statement: str, n: int) -> Iterator[Callable[[], int]]:
    """Make the `n`th row that `statement` (INSERT, UPDATE or DELETE) touches in `table`
    fail; yields how many rows were reached."""
    connection = db.connection()
    reached = 0

    def fault() -> int:
        nonlocal reached
        reached += 1
        if reached == n:
            raise Injected(f"row {n} of {table}")
        return 0

    connection.create_function("pf_fault", 0, fault)
    name = f"pf_fault_{table}_{statement.lower()}"
    connection.execute(
        f'CREATE TEMP TRIGGER "{name}" BEFORE {statement} ON "{table}" BEGIN SELECT pf_fault(); END'
    )
    try:
        yield lambda: reached
    finally:
        connection.execute(f'DROP TRIGGER temp."{name}"')


def fail_on_call(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str, n: int
) -> Callable[[], int]:
    """Make the `n`th call of `owner.name` raise Injected; returns how many calls came."""
    original = getattr(owner, name)
    calls = 0

    def wrapped(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == n:
            raise Injected(f"call {n} of {name}")
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, wrapped)
    return lambda: calls


def still_saves() -> None:
    """The connection is usable after the failure (no transaction or savepoint left open)."""
    person = people.add_person("Saved After", now=NOW)
    assert people.get_person(person.id) is not None
    assert index_problems() == []


def busiest_people(count: int) -> list[int]:
    """The `count` people with the most interactions, and everyone in a conversation."""
    rows = db.execute_sql(
        "SELECT contact_id FROM interaction GROUP BY contact_id ORDER BY count(*) DESC, "
        "contact_id LIMIT ?",
        [count],
    ).fetchall()
    talked = db.execute_sql("SELECT DISTINCT contact_id FROM conversation").fetchall()
    return sorted({person_id for (person_id,) in [*rows, *talked]})


# -- deleting and restoring people (one DELETE cascading, then many INSERTs) -----------


@pytest.mark.parametrize(
    ("table", "n"),
    [("contact", 3), ("interaction", 7), ("conversation", 2), ("follow_up", 1)],
)
def test_deleting_people_fails_on_a_row_and_changes_nothing(
    demo: Paths, table: str, n: int
) -> None:
    ids = busiest_people(5)
    before = dump()
    with fail_on_row(table, "DELETE", n) as reached, pytest.raises(StorageWriteError):
        people_bulk.delete_people(ids)
    assert reached() == n  # it failed in the middle, not before the rows
    assert dump() == before
    still_saves()


@pytest.mark.parametrize(("table", "n"), [("interaction", 6), ("conversation_question", 2)])
def test_undoing_a_delete_fails_on_a_row_and_changes_nothing(
    demo: Paths, table: str, n: int
) -> None:
    ids = busiest_people(6)
    snapshot = people_bulk.delete_people(ids)
    assert len(snapshot[table]) > n
    before = dump()
    with fail_on_row(table, "INSERT", n) as reached, pytest.raises(StorageWriteError):
        people_bulk.restore_people(snapshot)
    assert reached() == n
    assert dump() == before
    people_bulk.restore_people(snapshot)  # and it can still be undone whole
    still_saves()


def test_setting_the_level_of_many_fails_on_a_row_and_changes_nothing(demo: Paths) -> None:
    ids = [person_id for (person_id,) in db.execute_sql("SELECT id FROM contact").fetchall()]
    before = dump()
    with fail_on_row("contact", "UPDATE", 9), pytest.raises(StorageWriteError):
        people_bulk.set_level(ids, 1, now=NOW)
    assert dump() == before


# -- conversations ----------------------------------------------------------------------


def test_restoring_a_conversation_with_its_questions_fails_and_changes_nothing(
    demo: Paths,
) -> None:
    ((conversation_id, asked),) = db.execute_sql(
        "SELECT conversation_id, count(*) FROM conversation_question GROUP BY 1 "
        "ORDER BY 2 DESC, 1 LIMIT 1"
    ).fetchall()
    assert asked >= 3
    snapshot = conversations.delete_conversation(conversation_id)
    before = dump()
    with fail_on_row("conversation_question", "INSERT", 3), pytest.raises(StorageWriteError):
        conversations.restore_conversation(snapshot)
    assert dump() == before
    conversations.restore_conversation(snapshot)
    assert db.execute_sql(
        "SELECT count(*) FROM conversation_question WHERE conversation_id = ?", [conversation_id]
    ).fetchone() == (asked,)


def test_moving_to_thanked_fails_between_its_two_timeline_entries(
    demo: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = people.add_person("Uma Varga", now=NOW)
    conversation = conversations.start_conversation(person.id, now=NOW)
    before = dump()
    calls = fail_on_call(monkeypatch, interactions, "log_interaction", 2)
    with pytest.raises(Injected):
        conversations.move_to_stage(conversation.id, "thanked", today=TODAY, now=NOW)
    assert calls() == 2  # the meeting was logged, then the thank-you failed
    assert dump() == before


# -- the journal ------------------------------------------------------------------------


def test_a_new_entry_fails_on_its_second_tag_and_changes_nothing(demo: Paths) -> None:
    ids = busiest_people(2)
    before = dump()
    with fail_on_row("journal_tag", "INSERT", 2), pytest.raises(StorageWriteError):
        journal.add_entry(
            NOW,
            title="Half an entry",
            body="Never saved",
            tags=["one", "two", "three"],
            links=[("person", ids[0]), ("person", ids[1])],
        )
    assert dump() == before


# -- imports and their undo ----------------------------------------------------------


def connections_file() -> ParsedFile:
    people_in_file = [
        ImportedPerson(
            line,
            f"Imported Person {line}",
            organisation=f"Org {line % 3}",
            title="Engineer",
            email=f"person{line}@example.org",
            connected_on=date(2025, 1, line),
        )
        for line in range(2, 12)
    ]
    # Two people already in the demo notebook, to be filled in.
    known = db.execute_sql(
        "SELECT c.name, o.name FROM contact c JOIN organisation o ON o.id = c.organisation_id"
        " WHERE c.email = '' ORDER BY c.id LIMIT 2"
    )
    for offset, (name, organisation) in enumerate(known.fetchall()):
        people_in_file.append(
            ImportedPerson(
                20 + offset, name, organisation=organisation, email=f"known{offset}@example.org"
            )
        )
    return ParsedFile("linkedin", "Connections.csv", tuple(people_in_file))


def import_plan_with_fills() -> object:
    plan = plan_import(connections_file(), ImportDefaults(level=2, tags=("Imported",)))
    actions = [row.action for row in plan.rows]
    assert actions.count("new") == 10 and actions.count("fill") == 2
    return plan


@pytest.mark.parametrize(
    ("table", "statement", "n"),
    [
        ("contact", "INSERT", 6),
        ("contact", "UPDATE", 2),
        ("interaction", "INSERT", 4),
        ("contact_tag", "INSERT", 3),
        ("import_change", "INSERT", 5),
    ],
)
def test_an_import_fails_on_a_row_and_changes_nothing(
    demo: Paths, table: str, statement: str, n: int
) -> None:
    plan = import_plan_with_fills()
    before = dump()
    with fail_on_row(table, statement, n) as reached, pytest.raises(StorageWriteError):
        commit_import(plan, now=NOW, backups_dir=None)  # type: ignore[arg-type]
    assert reached() == n
    assert dump() == before
    still_saves()


def test_a_full_disk_during_an_import_is_a_storage_error(notebook: Paths) -> None:
    many = [
        ImportedPerson(line, f"Full Disk {line}", organisation="Acme", notes="n" * 300)
        for line in range(2, 300)
    ]
    plan = plan_import(ParsedFile("linkedin", "Connections.csv", tuple(many)), ImportDefaults())
    before = dump()
    pages = db.pragma("page_count")
    for room in range(12):  # the disk fills up at a different statement each time
        db.pragma("max_page_count", pages + room)
        with pytest.raises(StorageWriteError, match="disk is full"):
            commit_import(plan, now=NOW, backups_dir=None)
        assert dump() == before


def test_an_import_fails_between_people_it_fills_in(
    demo: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = import_plan_with_fills()
    before = dump()
    calls = fail_on_call(monkeypatch, _Writer, "fill_person", 2)
    with pytest.raises(Injected):
        commit_import(plan, now=NOW, backups_dir=demo.backups_dir)  # type: ignore[arg-type]
    assert calls() == 2
    assert dump() == before


@pytest.mark.parametrize(("table", "n"), [("contact", 4), ("role_held", 2)])
def test_undoing_an_import_fails_on_a_row_and_changes_nothing(
    demo: Paths, table: str, n: int
) -> None:
    result = commit_import(import_plan_with_fills(), now=NOW, backups_dir=None)  # type: ignore[arg-type]
    before = dump()
    with fail_on_row(table, "DELETE", n) as reached, pytest.raises(StorageWriteError):
        undo_import(result.batch_id, now=NOW, backups_dir=None)
    assert reached() == n
    assert dump() == before
    assert undo_import(result.batch_id, now=NOW, backups_dir=None) == 10  # still undoable


# -- archive imports (merge into a notebook that holds something, or a fresh one) ---------


@pytest.fixture
def demo_archive(demo: Paths, tmp_path: Path) -> Path:
    return write_archive(tmp_path / "demo.zip", data_dir=demo.data_dir, overwrite=False).path


@pytest.mark.parametrize("bulk", [False, True])
@pytest.mark.parametrize(("table", "n"), [("journal_entry", 5), ("contact", 20)])
def test_an_archive_merge_fails_on_a_row_and_changes_nothing(
    demo: Paths,
    demo_archive: Path,
    monkeypatch: pytest.MonkeyPatch,
    bulk: bool,
    table: str,
    n: int,
) -> None:
    if bulk:  # the search index's triggers are lifted during the import: they come back
        monkeypatch.setattr(archive_restore, "BULK_ROWS", 1)
    contents = read_archive(demo_archive)
    before = dump()
    with fail_on_row(table, "INSERT", n) as reached, pytest.raises(StorageWriteError):
        restore_archive(contents, merge=True, backups_dir=demo.backups_dir, now=NOW)
    assert reached() == n
    assert dump() == before
    still_saves()


def test_an_archive_into_a_fresh_notebook_fails_and_leaves_it_fresh(
    demo: Paths, demo_archive: Path, tmp_path: Path
) -> None:
    contents = read_archive(demo_archive)
    close_notebook()
    fresh = Paths(tmp_path / "fresh")
    fresh.ensure()
    open_notebook(fresh.database, fresh.backups_dir)
    before = dump()
    with fail_on_row("interaction", "INSERT", 30), pytest.raises(StorageWriteError):
        restore_archive(contents, merge=False, backups_dir=fresh.backups_dir, now=NOW)
    assert dump() == before
    assert archive_restore.what_the_notebook_holds() == {}
