"""Opening, creating, refusing and migrating the notebook file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from peewee import SqliteDatabase, TextField
from playhouse.migrate import SqliteMigrator
from playhouse.migrate import migrate as run_migration

from pathfinder.paths import Paths
from pathfinder.store import migrations
from pathfinder.store.backup import verify_backup
from pathfinder.store.backups import make_backup
from pathfinder.store.database import (
    APPLICATION_ID,
    close_notebook,
    db,
    open_notebook,
    write_transaction,
)
from pathfinder.store.errors import (
    DamagedDatabaseError,
    DataFolderError,
    EmptyNotebookError,
    ForeignDatabaseError,
    MissingNotebookError,
    NewerDatabaseError,
    ReadOnlyNotebookError,
    StorageWriteError,
    UpgradeError,
    UpgradeFailedBeforeError,
)
from pathfinder.store.models import ALL_MODELS, WhyVersion

CURRENT = migrations.LATEST_VERSION


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_notebook(paths: Paths) -> None:
    open_notebook(paths.database, paths.backups_dir)
    close_notebook()


def test_pragmas_are_as_intended_after_open(notebook: Paths) -> None:
    assert db.pragma("journal_mode") == "wal"
    assert db.pragma("synchronous") == 2  # FULL
    assert db.pragma("foreign_keys") == 1
    assert db.pragma("application_id") == APPLICATION_ID
    assert db.pragma("user_version") == migrations.LATEST_VERSION


def schema_of(database: SqliteDatabase) -> dict[str, str]:
    rows = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'search_%'"  # the search index is no model (see m0004)
    ).fetchall()
    return {name: " ".join(sql.split()) for name, sql in rows}


def test_a_migrated_empty_notebook_matches_the_models(
    notebook: Paths, tmp_path: Path, model_drift: Callable[[], object]
) -> None:
    difference = model_drift()
    assert not difference, str(difference)
    # diff_models sees tables, columns and indexes; compare the full SQL too, so a
    # changed type, default or CHECK constraint cannot drift between model and migration.
    scratch = SqliteDatabase(str(tmp_path / "scratch.sqlite3"))
    with scratch.bind_ctx(ALL_MODELS):
        scratch.create_tables(ALL_MODELS)
    assert schema_of(db.obj) == schema_of(scratch)
    scratch.close()


def test_a_new_notebook_is_built_aside_then_moved_into_place(paths: Paths) -> None:
    make_notebook(paths)
    leftovers = [p.name for p in paths.data_dir.iterdir() if p.name.endswith(".new")]
    assert leftovers == []


def test_permissions_are_private_under_a_loose_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        paths = Paths(tmp_path / "fresh" / "data")
        paths.ensure()
        make_notebook(paths)
    finally:
        os.umask(old)
    assert paths.data_dir.stat().st_mode & 0o777 == 0o700
    assert paths.backups_dir.stat().st_mode & 0o777 == 0o700
    assert paths.database.stat().st_mode & 0o777 == 0o600


def test_a_newer_notebook_is_refused_and_left_byte_identical(paths: Paths) -> None:
    make_notebook(paths)
    connection = sqlite3.connect(paths.database)
    connection.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 5}")
    connection.close()
    before = sha256(paths.database)
    with pytest.raises(NewerDatabaseError, match="newer version of Pathfinder"):
        open_notebook(paths.database, paths.backups_dir)
    assert sha256(paths.database) == before
    assert list(paths.backups_dir.iterdir()) == []


def test_another_programs_database_is_refused_unchanged(paths: Paths) -> None:
    connection = sqlite3.connect(paths.database)
    connection.execute("CREATE TABLE songs (title TEXT)")
    connection.execute("INSERT INTO songs VALUES ('a')")
    connection.execute("PRAGMA application_id = 12345")
    connection.commit()
    connection.close()
    before = sha256(paths.database)
    with pytest.raises(ForeignDatabaseError, match="not a Pathfinder notebook"):
        open_notebook(paths.database, paths.backups_dir)
    assert sha256(paths.database) == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (os.urandom(8192), "not a database file"),
        (b"", "empty"),
    ],
)
def test_files_that_are_not_databases_are_refused_unchanged(
    paths: Paths, content: bytes, reason: str
) -> None:
    paths.database.write_bytes(content)
    with pytest.raises(DamagedDatabaseError, match=reason):
        open_notebook(paths.database, paths.backups_dir)
    assert paths.database.read_bytes() == content


def test_a_notebook_cut_in_half_is_refused_unchanged(paths: Paths) -> None:
    open_notebook(paths.database, paths.backups_dir)
    with write_transaction():
        for number in range(200):
            WhyVersion.insert(
                written_at="2026-01-01 10:00",
                updated_at="2026-01-01 10:00",
                reason="x" * 2000 + str(number),
            ).execute()
    close_notebook()
    whole = paths.database.read_bytes()
    paths.database.write_bytes(whole[: len(whole) // 2])
    before = sha256(paths.database)
    with pytest.raises(DamagedDatabaseError, match="cut short"):
        open_notebook(paths.database, paths.backups_dir)
    assert sha256(paths.database) == before


def test_an_older_notebook_is_backed_up_then_migrated(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_notebook(paths)

    def add_mood(database: SqliteDatabase) -> None:
        run_migration(SqliteMigrator(database).add_column("goal", "mood", TextField(default="")))

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, add_mood])
    monkeypatch.setattr(migrations, "LATEST_VERSION", CURRENT + 1)
    open_notebook(paths.database, paths.backups_dir)
    try:
        assert db.pragma("user_version") == CURRENT + 1
        assert "mood" in {column.name for column in db.get_columns("goal")}
    finally:
        close_notebook()
    backups = list(paths.backups_dir.iterdir())
    assert len(backups) == 1
    assert backups[0].stat().st_mode & 0o777 == 0o600
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    assert copy.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    copy.close()


def test_a_failing_migration_step_changes_nothing(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_notebook(paths)

    def broken(database: SqliteDatabase) -> None:
        database.execute_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, broken])
    monkeypatch.setattr(migrations, "LATEST_VERSION", CURRENT + 1)
    before = dump(paths.database)
    with pytest.raises(UpgradeError, match="unexpected RuntimeError") as failed:
        open_notebook(paths.database, paths.backups_dir)
    close_notebook()
    connection = sqlite3.connect(paths.database)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    connection.close()
    assert "half_done" not in tables
    assert dump(paths.database) == before
    # The user is told where the backup from just before is, and that backup checks out.
    (backup,) = paths.backups_dir.iterdir()
    assert str(backup) in failed.value.message
    verify_backup(backup)

    # The next start does not try again by itself (no new backup, the same words)…
    with pytest.raises(UpgradeFailedBeforeError, match="has not tried again") as again:
        open_notebook(paths.database, paths.backups_dir)
    assert failed.value.message in again.value.message
    assert list(paths.backups_dir.iterdir()) == [backup]
    assert dump(paths.database) == before
    # …until the person asks for it, or a fixed Pathfinder is installed.
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS[:-1], lambda _db: None])
    open_notebook(paths.database, paths.backups_dir, retry_upgrade=True)
    close_notebook()
    assert not list(paths.data_dir.glob("*.upgrade-failed.json"))


def test_a_different_version_of_pathfinder_tries_a_failed_upgrade_again(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_notebook(paths)

    def broken(database: SqliteDatabase) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, broken])
    monkeypatch.setattr(migrations, "LATEST_VERSION", CURRENT + 1)
    with pytest.raises(UpgradeError, match="disk I/O error"):
        open_notebook(paths.database, paths.backups_dir)
    monkeypatch.setattr("pathfinder.__version__", "99.0")
    with pytest.raises(UpgradeError) as tried:
        open_notebook(paths.database, paths.backups_dir)
    assert not isinstance(tried.value, UpgradeFailedBeforeError)
    assert len(list(paths.backups_dir.iterdir())) == 2


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_a_folder_where_the_notebook_should_be_is_named(paths: Paths) -> None:
    paths.database.mkdir()
    (paths.database / "inside.txt").write_text("mine")
    with pytest.raises(DataFolderError, match="there is a folder"):
        open_notebook(paths.database, paths.backups_dir)
    assert (paths.database / "inside.txt").read_text() == "mine"


def test_a_read_only_notebook_is_refused_unchanged(paths: Paths) -> None:
    make_notebook(paths)
    before = sha256(paths.database)
    os.chmod(paths.database, 0o444)
    try:
        with pytest.raises(ReadOnlyNotebookError, match="read-only"):
            open_notebook(paths.database, paths.backups_dir)
        assert sha256(paths.database) == before
    finally:
        os.chmod(paths.database, 0o600)


def test_an_empty_file_with_backups_points_to_them(paths: Paths) -> None:
    make_notebook(paths)
    make_backup(paths.database, paths.backups_dir, "automatic", datetime(2026, 3, 1, 18, 5))
    paths.database.write_bytes(b"")
    with pytest.raises(EmptyNotebookError) as refused:
        open_notebook(paths.database, paths.backups_dir)
    assert "empty (0 bytes)" in refused.value.message
    assert "1 backup of it, the newest from 01 March 2026, 18:05" in refused.value.message
    assert paths.database.read_bytes() == b""


def test_a_full_disk_is_reported_and_keeps_what_was_saved(notebook: Paths) -> None:
    with write_transaction():
        WhyVersion.insert(
            written_at="2026-01-01 10:00", updated_at="2026-01-01 10:00", reason="kept"
        ).execute()
    pages = db.pragma("page_count")
    db.pragma("max_page_count", pages)
    with pytest.raises(StorageWriteError, match="disk is full"), write_transaction():
        WhyVersion.insert(
            written_at="2026-01-02 10:00", updated_at="2026-01-02 10:00", reason="y" * 200_000
        ).execute()
    assert [row.reason for row in WhyVersion.select()] == ["kept"]


def test_a_read_only_notebook_is_reported_on_save(paths: Paths) -> None:
    make_notebook(paths)
    read_only = SqliteDatabase(f"{paths.database.as_uri()}?mode=ro", uri=True)
    db.initialize(read_only)
    try:
        with pytest.raises(StorageWriteError, match="read-only"), write_transaction():
            WhyVersion.insert(
                written_at="2026-01-01 10:00", updated_at="2026-01-01 10:00", reason="x"
            ).execute()
    finally:
        read_only.close()
        db.initialize(None)


def test_a_journal_left_by_a_deleted_notebook_is_not_replayed(paths: Paths) -> None:
    from pathfinder.services import roles

    open_notebook(paths.database, paths.backups_dir)
    roles.add_role("Old role", now=datetime(2026, 1, 1))
    # Keep the WAL around (as if the process died), then delete only the main file.
    kept_wal = paths.database.with_name("pathfinder.sqlite3-wal").read_bytes()
    assert kept_wal  # the role is only in the journal so far
    close_notebook()
    paths.database.unlink()
    paths.database.with_name("pathfinder.sqlite3-wal").write_bytes(kept_wal)
    open_notebook(paths.database, paths.backups_dir)
    try:
        assert roles.list_roles() == []
    finally:
        close_notebook()
    moved = [p.name for p in paths.backups_dir.iterdir()]
    assert any(name.startswith("orphan-") and name.endswith("-wal") for name in moved)


def test_a_failed_backup_stops_the_upgrade_and_changes_nothing(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_notebook(paths)
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, lambda _db: None])
    monkeypatch.setattr(migrations, "LATEST_VERSION", CURRENT + 1)
    paths.backups_dir.rmdir()
    paths.backups_dir.write_text("a file where the backups folder should be")
    with pytest.raises(UpgradeError, match="the backup failed"):
        open_notebook(paths.database, paths.backups_dir)
    connection = sqlite3.connect(paths.database)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    connection.close()


def test_an_upgrade_the_file_cannot_take_is_reported_and_rolled_back(paths: Paths) -> None:
    make_notebook(paths)
    connection = sqlite3.connect(paths.database)
    connection.execute("PRAGMA user_version = 0")  # as if version 1 had never been applied
    connection.close()
    with pytest.raises(UpgradeError, match="exactly as it was"):
        open_notebook(paths.database, paths.backups_dir)
    connection = sqlite3.connect(paths.database)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 0
    connection.close()
    assert len(list(paths.backups_dir.iterdir())) == 1


@pytest.mark.parametrize("how", ["foreign", "newer"])
def test_a_refused_wal_notebook_gains_no_side_files(paths: Paths, how: str) -> None:
    make_notebook(paths)
    connection = sqlite3.connect(paths.database)
    if how == "foreign":
        connection.execute("PRAGMA application_id = 12345")
    else:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = sorted(p.name for p in paths.data_dir.iterdir())
    with pytest.raises((ForeignDatabaseError, NewerDatabaseError)):
        open_notebook(paths.database, paths.backups_dir)
    assert sorted(p.name for p in paths.data_dir.iterdir()) == before


def test_an_upgrade_over_several_steps_is_all_or_nothing(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_notebook(paths)

    def good(database: SqliteDatabase) -> None:
        database.execute_sql("CREATE TABLE step_one (x)")

    def bad(_database: SqliteDatabase) -> None:
        raise sqlite3.OperationalError("no such column: y")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, good, bad])
    monkeypatch.setattr(migrations, "LATEST_VERSION", CURRENT + 2)
    with pytest.raises(UpgradeError):
        open_notebook(paths.database, paths.backups_dir)
    connection = sqlite3.connect(paths.database)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    connection.close()
    assert "step_one" not in tables


def test_a_missing_notebook_with_backups_is_not_replaced_by_an_empty_one_unasked(
    paths: Paths,
) -> None:
    make_notebook(paths)
    make_backup(paths.database, paths.backups_dir, "automatic", datetime(2026, 3, 1, 18, 5))
    paths.database.unlink()
    with pytest.raises(MissingNotebookError, match="did not start a new, empty notebook"):
        open_notebook(paths.database, paths.backups_dir, new_if_missing=False)
    assert not paths.database.exists()
    open_notebook(paths.database, paths.backups_dir, new_if_missing=True)
    close_notebook()
    assert paths.database.exists()
