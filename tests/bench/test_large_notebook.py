"""The large-notebook generator, run small: its rows are those the services would write."""

from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from playhouse.schema_diff import diff_models

from pathfinder.paths import Paths
from pathfinder.services.people import get_person
from pathfinder.services.people_table import PeopleFilter, people_rows
from pathfinder.store.database import APPLICATION_ID, close_notebook, db, open_notebook
from pathfinder.store.migrations import LATEST_VERSION
from pathfinder.store.models import ALL_MODELS

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "large_notebook.py"
SMALL = {"people": 300, "organisations": 40, "interactions": 1_000, "follow_ups": 50}


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("large_notebook", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Path]:
    yield generator.build_large_notebook(tmp_path / "small", **SMALL)
    close_notebook()
    db.initialize(None)


def _rows(database: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_the_counts_are_as_asked(small: Path) -> None:
    for table, expected in (
        ("contact", 300),
        ("organisation", 40),
        ("interaction", 1_000),
        ("follow_up", 50),
    ):
        assert _rows(small, f"SELECT count(*) FROM {table}") == [(expected,)]
    assert _rows(small, "SELECT count(*) > 0 FROM contact_tag") == [(1,)]
    assert _rows(small, "SELECT count(*) > 0 FROM contact WHERE introduced_by_id") == [(1,)]
    assert _rows(small, "SELECT count(*) > 0 FROM organisation WHERE is_target") == [(1,)]


def test_last_contact_is_the_newest_interaction(small: Path) -> None:
    mismatched = _rows(
        small,
        "SELECT c.id FROM contact c WHERE c.last_contact_on IS NOT "
        "(SELECT max(i.happened_on) FROM interaction i WHERE i.contact_id = c.id)",
    )
    assert mismatched == []
    assert _rows(small, "SELECT count(*) > 0 FROM contact WHERE last_contact_on") == [(1,)]


def test_everyone_with_a_job_has_it_as_their_current_role(small: Path) -> None:
    missing = _rows(
        small,
        "SELECT c.id FROM contact c WHERE (c.organisation_id IS NOT NULL OR c.title != '') "
        "AND NOT EXISTS (SELECT 1 FROM role_held r WHERE r.contact_id = c.id "
        "AND r.ended_on IS NULL AND r.organisation_id IS c.organisation_id "
        "AND r.title = c.title)",
    )
    assert missing == []
    assert _rows(small, "PRAGMA foreign_key_check") == []


def test_it_opens_as_a_notebook_and_reads_through_the_services(small: Path) -> None:
    paths = Paths(small.parent)
    open_notebook(paths.database, paths.backups_dir)
    assert db.pragma("application_id") == APPLICATION_ID
    assert db.pragma("user_version") == LATEST_VERSION
    assert not diff_models(db.obj, ALL_MODELS)
    rows = people_rows(PeopleFilter(), generator.REFERENCE_DAY)
    archived = people_rows(PeopleFilter(archived=True), generator.REFERENCE_DAY)
    assert len(rows) + len(archived) == 300
    person = get_person(rows[0].id)
    assert person is not None and person.name == rows[0].name
    assert db.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_same_seed_gives_the_same_notebook(small: Path, tmp_path: Path) -> None:
    again = generator.build_large_notebook(tmp_path / "again", **SMALL)
    other = generator.build_large_notebook(tmp_path / "other", **SMALL, seed=8)

    def dump(database: Path) -> list[tuple[object, ...]]:
        return _rows(database, "SELECT * FROM contact") + _rows(
            database, "SELECT * FROM interaction"
        )

    assert dump(again) == dump(small)
    assert dump(other) != dump(small)


def test_the_global_binding_is_left_as_it_was(notebook: Paths, tmp_path: Path) -> None:
    bound = db.obj
    generator.build_large_notebook(tmp_path / "aside", **SMALL)
    assert db.obj is bound and not bound.is_closed()
