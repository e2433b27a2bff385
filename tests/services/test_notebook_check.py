"""Check database: healthy says so; broken links, a drifting search index and a damaged
file are each named; only the index is repaired, after a backup."""

from __future__ import annotations

from datetime import datetime

from pathfinder.paths import Paths
from pathfinder.services import journal, people
from pathfinder.services.notebook_check import check_notebook, repair_search_index
from pathfinder.services.search import search
from pathfinder.store.backups import list_backups
from pathfinder.store.database import db

NOW = datetime(2026, 3, 2, 19, 30)


def test_a_healthy_notebook_is_ok(notebook: Paths) -> None:
    people.add_person("Ana Souza", now=NOW)
    journal.add_entry(NOW, title="First talk", body="It went well")
    result = check_notebook()
    assert result.ok and result.problems == ()


def test_a_broken_link_is_named(notebook: Paths) -> None:
    person = people.add_person("Ana Souza", now=NOW, tags=["mentor"])
    db.pragma("foreign_keys", 0)
    db.execute_sql("DELETE FROM contact WHERE id = ?", [person.id])
    db.pragma("foreign_keys", 1)
    result = check_notebook()
    assert not result.ok and not result.repairable
    assert result.link_problems == (
        "1 row in contact_tag points to contact records that are gone.",
    )


def test_a_drifting_search_index_is_repaired_after_a_backup(notebook: Paths) -> None:
    journal.add_entry(NOW, title="Informational interview", body="Ask about the on-call rota")
    db.execute_sql("DELETE FROM search_index")
    result = check_notebook()
    assert result.repairable
    assert "out of step" in result.index_problems[0]
    made = repair_search_index(notebook.backups_dir, NOW)
    assert [b.path for b in list_backups(notebook.backups_dir)] == [made]
    assert made.name.startswith("before-repair-")
    assert check_notebook().ok
    assert search("rota")


def test_a_damaged_page_is_named(notebook: Paths) -> None:
    for number in range(300):
        people.add_person(f"Person {number}", now=NOW, notes="x" * 500)
    db.close()
    raw = bytearray(notebook.database.read_bytes())
    page = 4096
    raw[page * 20 : page * 20 + 200] = b"\xff" * 200  # scribble over a page
    notebook.database.write_bytes(bytes(raw))
    result = check_notebook()
    assert not result.ok and not result.repairable
    assert "damaged" in result.file_problems[0]
