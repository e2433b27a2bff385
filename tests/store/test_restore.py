"""Restore: the notebook as it was is kept first (a backup, or the damaged file renamed),
then a checked copy of the backup takes its place; a bad backup changes nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pathfinder.paths import Paths
from pathfinder.services import people
from pathfinder.store import restore as store_restore
from pathfinder.store.backups import list_backups, make_backup
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.restore import RestoreError, restore_backup

NOW = datetime(2026, 3, 2, 19, 30)


def names(paths: Paths) -> list[str]:
    open_notebook(paths.database, paths.backups_dir)
    try:
        return [p.name for p in people.all_people_brief()]
    finally:
        close_notebook()
        db.initialize(None)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def with_backup(paths: Paths) -> Path:
    """A notebook with Ana, backed up, then Ben added after the backup."""
    open_notebook(paths.database, paths.backups_dir)
    people.add_person("Ana Souza", now=NOW)
    made = make_backup(paths.database, paths.backups_dir, "automatic", NOW)
    people.add_person("Ben Okafor", now=NOW)
    close_notebook()
    db.initialize(None)
    return made


def test_a_restore_can_itself_be_undone(paths: Paths, with_backup: Path) -> None:
    restored = restore_backup(with_backup, paths.database, paths.backups_dir, NOW)
    assert names(paths) == ["Ana Souza"]
    assert restored.damaged is None and restored.set_aside is not None
    assert restored.set_aside.name.startswith("before-restore-")
    assert paths.database.stat().st_mode & 0o777 == 0o600
    # Restoring the copy set aside brings Ben back.
    restore_backup(restored.set_aside, paths.database, paths.backups_dir, NOW + timedelta(1))
    assert sorted(names(paths)) == ["Ana Souza", "Ben Okafor"]


def test_a_damaged_notebook_is_kept_byte_for_byte_as_damaged(
    paths: Paths, with_backup: Path
) -> None:
    paths.database.write_bytes(os.urandom(64 * 1024))
    wal = paths.database.with_name(paths.database.name + "-wal")
    wal.write_bytes(b"left by the damaged file")
    before = sha256(paths.database)
    restored = restore_backup(with_backup, paths.database, paths.backups_dir, NOW)
    assert restored.set_aside is None
    assert restored.damaged == paths.data_dir / "pathfinder.sqlite3.20260302-193000.damaged"
    assert sha256(restored.damaged) == before
    assert restored.damaged.with_name(restored.damaged.name + "-wal").read_bytes() == (
        b"left by the damaged file"
    )
    assert not wal.exists()  # never replayed into the restored notebook
    assert names(paths) == ["Ana Souza"]


@pytest.mark.parametrize("how", ["noise", "foreign", "newer"])
def test_a_backup_that_is_not_usable_changes_nothing(
    paths: Paths, with_backup: Path, how: str
) -> None:
    bad = paths.backups_dir / "automatic-20260301-100000.sqlite3"
    if how == "noise":
        bad.write_bytes(os.urandom(8192))
    elif how == "foreign":
        with sqlite3.connect(bad) as other:
            other.execute("CREATE TABLE songs (title)")
    else:
        bad.write_bytes(with_backup.read_bytes())
        with sqlite3.connect(bad) as newer:
            newer.execute("PRAGMA user_version = 999")
    before = sha256(paths.database)
    kept = [b.path for b in list_backups(paths.backups_dir)]
    with pytest.raises(RestoreError, match=r"can't be used|newer version"):
        restore_backup(bad, paths.database, paths.backups_dir, NOW)
    assert sha256(paths.database) == before
    assert [b.path for b in list_backups(paths.backups_dir)] == kept
    assert sorted(p.name for p in paths.data_dir.iterdir()) == sorted(
        ["backups", "logs", "pathfinder.sqlite3"]
    )


def test_a_disk_failing_midway_leaves_the_notebook_as_it_was(
    paths: Paths, with_backup: Path, monkeypatch
) -> None:
    before = sha256(paths.database)

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_restore, "make_backup", full)
    with pytest.raises(RestoreError, match="No space left"):
        restore_backup(with_backup, paths.database, paths.backups_dir, NOW)
    assert sha256(paths.database) == before
    assert not paths.database.with_name("pathfinder.sqlite3.restoring").exists()
    assert sorted(names(paths)) == ["Ana Souza", "Ben Okafor"]


def test_a_missing_notebook_is_restored_too(paths: Paths, with_backup: Path) -> None:
    paths.database.unlink()
    restored = restore_backup(with_backup, paths.database, paths.backups_dir, NOW)
    assert restored.set_aside is None and restored.damaged is None
    assert names(paths) == ["Ana Souza"]


def test_a_refused_last_rename_leaves_the_notebook_in_its_place(
    paths: Paths, with_backup: Path, monkeypatch
) -> None:
    noise = os.urandom(64 * 1024)
    paths.database.write_bytes(noise)
    real_replace = os.replace

    def refuse(source: object, target: object) -> None:
        if Path(str(target)) == paths.database:
            raise PermissionError(13, "The file is in use by another program")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(store_restore.os, "replace", refuse)
    with pytest.raises(RestoreError, match="still in its place"):
        restore_backup(with_backup, paths.database, paths.backups_dir, NOW)
    assert paths.database.read_bytes() == noise
    assert not paths.database.with_name("pathfinder.sqlite3.restoring").exists()


def test_saves_still_in_the_log_after_a_kill_go_into_the_copy_set_aside(
    paths: Paths, with_backup: Path, tmp_path: Path
) -> None:
    # The state a kill leaves: a save committed to the write-ahead log only.
    open_notebook(paths.database, paths.backups_dir)
    db.pragma("wal_autocheckpoint", 0)
    people.add_person("Chen Wei", now=NOW)
    killed = Paths(tmp_path / "killed")
    killed.ensure()
    for suffix in ("", "-wal"):
        source = paths.database.with_name(paths.database.name + suffix)
        (killed.data_dir / source.name).write_bytes(source.read_bytes())
    close_notebook()
    db.initialize(None)
    assert killed.database.with_name("pathfinder.sqlite3-wal").stat().st_size > 0
    restored = restore_backup(with_backup, killed.database, killed.backups_dir, NOW)
    assert names(killed) == ["Ana Souza"]
    assert restored.set_aside is not None
    with sqlite3.connect(restored.set_aside) as aside:
        held = {row[0] for row in aside.execute("SELECT name FROM contact")}
    assert held == {"Ana Souza", "Ben Okafor", "Chen Wei"}


def test_a_folder_in_the_notebooks_place_is_not_touched(paths: Paths, with_backup: Path) -> None:
    paths.database.unlink()
    paths.database.mkdir()
    with pytest.raises(RestoreError, match="there is a folder"):
        restore_backup(with_backup, paths.database, paths.backups_dir, NOW)
    assert paths.database.is_dir()


def test_stopping_before_the_last_rename_loses_no_save_from_the_log(
    paths: Paths, with_backup: Path, monkeypatch
) -> None:
    open_notebook(paths.database, paths.backups_dir)
    db.pragma("wal_autocheckpoint", 0)
    people.add_person("Chen Wei", now=NOW)
    snapshot = {
        suffix: paths.database.with_name(paths.database.name + suffix).read_bytes()
        for suffix in ("", "-wal")
    }
    close_notebook()
    db.initialize(None)
    for suffix, content in snapshot.items():  # as a kill left it
        paths.database.with_name(paths.database.name + suffix).write_bytes(content)
    real_replace = os.replace

    def refuse(source: object, target: object) -> None:
        if Path(str(target)) == paths.database:
            raise OSError(5, "Input/output error")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(store_restore.os, "replace", refuse)
    with pytest.raises(RestoreError):
        restore_backup(with_backup, paths.database, paths.backups_dir, NOW)
    monkeypatch.undo()
    assert sorted(names(paths)) == ["Ana Souza", "Ben Okafor", "Chen Wei"]
