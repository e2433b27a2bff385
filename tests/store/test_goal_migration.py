"""Migration 5 rebuilds the goal table: every goal keeps its id, and no id is reused."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from pathfinder.store import migrations


def test_goals_survive_the_rebuild_with_their_ids(tmp_path: Path) -> None:
    database = SqliteDatabase(str(tmp_path / "v4.sqlite3"), pragmas={"foreign_keys": 1})
    with database.atomic():
        for step in migrations.STEPS[:4]:
            step(database)
        database.pragma("user_version", 4)
    for title, kind in (("Mentor", "mentor"), ("Job", "job"), ("Gone", "other")):
        database.execute_sql(
            "INSERT INTO goal (title, kind, target_number, notes, created_at, updated_at) "
            "VALUES (?, ?, 2, 'n', '2026-01-01 09:00:00', '2026-01-01 09:00:00')",
            (title, kind),
        )
    database.execute_sql("DELETE FROM goal WHERE title = 'Gone'")  # id 3 must stay unused

    assert migrations.migrate(database) == 4
    rows = database.execute_sql(
        "SELECT id, title, kind, period, target_number, progress FROM goal ORDER BY id"
    ).fetchall()
    assert rows == [(1, "Mentor", "mentor", "total", 2, None), (2, "Job", "job", "total", 2, None)]
    database.execute_sql(
        "INSERT INTO goal (title, kind, period, notes, created_at, updated_at) "
        "VALUES ('New', 'journal', 'week', '', '2026-02-01 09:00:00', '2026-02-01 09:00:00')"
    )
    assert database.execute_sql("SELECT max(id) FROM goal").fetchone() == (4,)
    database.close()
