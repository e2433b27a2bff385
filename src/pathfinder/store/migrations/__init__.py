"""Numbered schema migrations over `PRAGMA user_version`.

Each step is a module with `up(database)` that declares frozen copies of the
models it touches, so later changes to `models.py` never alter an old step.
Steps are listed here explicitly (no directory scan), which also works inside a
frozen installer bundle. Each runs in one transaction together with the
version bump, so a failed step leaves the notebook exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from pathfinder.store.migrations import (
    m0001_compass,
    m0002_people,
    m0003_conversations,
    m0004_journal,
    m0005_goal_progress,
    m0006_reports,
    m0007_imports,
    m0008_ranking_indexes,
)

Step = Callable[[SqliteDatabase], None]

STEPS: list[Step] = [
    m0001_compass.up,
    m0002_people.up,
    m0003_conversations.up,
    m0004_journal.up,
    m0005_goal_progress.up,
    m0006_reports.up,
    m0007_imports.up,
    m0008_ranking_indexes.up,
]
LATEST_VERSION = len(STEPS)


def migrate(database: SqliteDatabase) -> int:
    """Bring `database` up to LATEST_VERSION; return the version it started at."""
    start = int(database.pragma("user_version"))
    if start >= LATEST_VERSION:
        return start
    with database.atomic():
        for version in range(start + 1, LATEST_VERSION + 1):
            STEPS[version - 1](database)
        database.pragma("user_version", LATEST_VERSION)
    return start
