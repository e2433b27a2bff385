"""Backups: each one checked before it gets its name, rotation over a simulated year and
more, knowing when the notebook changed, and copies taken while another thread writes."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pathfinder.paths import Paths
from pathfinder.services import journal, people
from pathfinder.store import backups as store_backups
from pathfinder.store.backup import BadBackupError, backup_first, verify_backup
from pathfinder.store.backups import (
    MOST_KEPT,
    BackupSession,
    changed_since_last_backup,
    list_backups,
    make_backup,
    remember_backed_up,
    rotate,
)
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.errors import StorageWriteError

NOW = datetime(2026, 3, 2, 19, 30)


def test_a_backup_is_a_checked_private_copy(notebook: Paths) -> None:
    people.add_person("Ana Souza", now=NOW)
    made = make_backup(notebook.database, notebook.backups_dir, "manual", NOW)
    assert made.name == "manual-20260302-193000.sqlite3"
    verify_backup(made)
    assert made.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(made) as copy:
        assert copy.execute("SELECT name FROM contact").fetchall() == [("Ana Souza",)]
    again = make_backup(notebook.database, notebook.backups_dir, "manual", NOW)
    assert again.name == "manual-20260302-193000-2.sqlite3"
    assert [b.path for b in list_backups(notebook.backups_dir)] == [again, made]


def test_a_copy_that_does_not_check_out_never_gets_a_name(notebook: Paths, monkeypatch) -> None:
    def bad(_path: Path) -> None:
        raise BadBackupError("it is damaged (page 3)")

    monkeypatch.setattr("pathfinder.store.backup.verify_backup", bad)
    with pytest.raises(StorageWriteError, match="backup failed"):
        backup_first(db.connection(), notebook.backups_dir, "before-import", NOW)
    assert list(notebook.backups_dir.iterdir()) == []


def test_verify_refuses_foreign_and_damaged_files(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(BadBackupError, match="not a Pathfinder notebook"):
        verify_backup(foreign)
    noise = tmp_path / "noise.sqlite3"
    noise.write_bytes(os.urandom(4096))
    with pytest.raises(BadBackupError):
        verify_backup(noise)


# -- rotation -------------------------------------------------------------------------


def touch_backup(folder: Path, reason: str, moment: datetime) -> Path:
    path = folder / f"{reason}-{moment:%Y%m%d-%H%M%S}.sqlite3"
    path.write_bytes(b"")
    return path


def test_rotation_over_400_days_keeps_a_bounded_spread(tmp_path: Path) -> None:
    """A person who works most evenings for two hours (a copy at start, every 30 minutes,
    and an import now and then), simulated with a fake clock for 400 days."""
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2025, 10, 1, 19, 0)
    newest = None
    for day in range(400):
        if day % 7 in (2, 5):  # two evenings off a week
            continue
        for half_hour in range(5):
            moment = start + timedelta(days=day, minutes=30 * half_hour)
            newest = touch_backup(folder, "automatic", moment)
            if day % 30 == 0 and half_hour == 2:
                newest = touch_backup(folder, "before-import", moment + timedelta(seconds=1))
            rotate(folder, moment, known_good=newest)
            kept = list_backups(folder)
            assert len(kept) <= MOST_KEPT
            assert newest in [b.path for b in kept]
    now = start + timedelta(days=399, hours=3)
    kept = list_backups(folder)
    days = {b.made_at.date() for b in kept}
    # Every evening of the last fortnight that was worked, a copy from each of the last
    # eight weeks and twelve months, and the whole last evening.
    worked = {(start + timedelta(days=d)).date() for d in range(386, 400) if d % 7 not in (2, 5)}
    assert worked <= days
    months = {(b.made_at.year, b.made_at.month) for b in kept}
    assert len(months) == 12
    weeks = {b.made_at.isocalendar()[:2] for b in kept}
    assert len(weeks) >= 8
    last_evening = [b for b in kept if now - b.made_at < timedelta(hours=24)]
    assert len(last_evening) == 5
    assert len(kept) <= MOST_KEPT


def test_rotation_keeps_the_newest_good_copy_however_old(notebook: Paths) -> None:
    folder = notebook.backups_dir
    good = make_backup(notebook.database, folder, "automatic", NOW - timedelta(days=1200))
    damaged = []
    for month in range(30):  # later copies, one a month, that no longer check out
        copy = touch_backup(folder, "automatic", NOW - timedelta(days=900 - 30 * month))
        copy.write_bytes(b"not a database")
        damaged.append(copy)
    removed = rotate(folder, NOW)
    assert good.exists()  # the only copy that still checks out
    assert set(removed) <= set(damaged[:18]) and len(removed) >= 15  # the latest months stay


def test_a_clock_set_wrong_never_makes_the_history_look_old(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    made = [
        touch_backup(folder, "automatic", NOW - timedelta(days=day)) for day in range(0, 400, 9)
    ]
    kept = set(made) - set(rotate(folder, NOW, check=lambda _p: None))
    # A year ahead: nothing more goes. Back to 2000: every copy is "after now" and stays.
    for wrong in (NOW + timedelta(days=365), datetime(2000, 1, 1)):
        rotate(folder, wrong, check=lambda _p: None)
        assert {b.path for b in list_backups(folder)} == kept
    # Copies made while the clock said 2000 don't crowd out the real recent ones.
    for minute in range(30):
        touch_backup(folder, "automatic", datetime(2000, 1, 1, 10, minute))
    rotate(folder, datetime(2000, 1, 1, 11), check=lambda _p: None)
    assert kept <= {b.path for b in list_backups(folder)}


def test_copies_made_before_a_change_last_a_week(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    undo = touch_backup(folder, "before-restore", NOW - timedelta(days=5))
    for half_hour in range(200):  # five days of copies every half hour since
        touch_backup(
            folder, "automatic", NOW - timedelta(days=5) + timedelta(minutes=30 * (half_hour + 1))
        )
    rotate(folder, NOW, check=lambda _p: None)
    assert undo.exists()


def test_rotation_leaves_other_files_and_recent_partials_alone(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    mine = folder / "copied by hand.sqlite3"
    mine.write_bytes(b"x")
    orphan = folder / "orphan-20200101-000000-pathfinder.sqlite3-wal"
    orphan.write_bytes(b"x")
    fresh = folder / "automatic-20260302-193000.sqlite3.partial"
    fresh.write_bytes(b"x")
    stale = folder / "automatic-20200101-000000.sqlite3.partial"
    stale.write_bytes(b"x")
    os.utime(stale, (0, 0))
    rotate(folder, datetime.now(), check=lambda _p: None)
    assert mine.exists() and orphan.exists() and fresh.exists()
    assert not stale.exists()


# -- has it changed since the last copy? -----------------------------------------------


def test_changes_since_the_last_backup_are_noticed(paths: Paths) -> None:
    state = paths.backup_state_file
    assert not changed_since_last_backup(paths.database, state, paths.backups_dir)  # none yet
    open_notebook(paths.database, paths.backups_dir)
    close_notebook()
    assert changed_since_last_backup(paths.database, state, paths.backups_dir)  # no backup
    make_backup(paths.database, paths.backups_dir, "automatic", NOW)
    remember_backed_up(paths.database, state)
    assert not changed_since_last_backup(paths.database, state, paths.backups_dir)
    open_notebook(paths.database, paths.backups_dir)
    close_notebook()  # only looked at
    assert not changed_since_last_backup(paths.database, state, paths.backups_dir)
    open_notebook(paths.database, paths.backups_dir)
    people.add_person("Ana Souza", now=NOW)
    close_notebook()
    db.initialize(None)
    assert changed_since_last_backup(paths.database, state, paths.backups_dir)


def test_a_session_copies_only_when_something_changed(notebook: Paths) -> None:
    session = BackupSession(
        notebook.database,
        notebook.backups_dir,
        notebook.backup_state_file,
        changed_at_start=False,
        changes=lambda: db.connection().total_changes,
        clock=lambda: NOW,
    )
    assert not session.due()
    people.add_person("Ana Souza", now=NOW)
    assert session.due()
    mark = session.mark()
    session.copy()
    session.copied(mark)
    assert not session.due()
    people.add_person("Ben Okafor", now=NOW)
    session.finish()  # the last copy, with the notebook still open
    assert len(list_backups(notebook.backups_dir)) == 2
    close_notebook()
    session.closed()
    assert not changed_since_last_backup(
        notebook.database, notebook.backup_state_file, notebook.backups_dir
    )


def test_a_session_that_could_not_copy_leaves_the_change_for_next_start(
    notebook: Paths, monkeypatch
) -> None:
    session = BackupSession(
        notebook.database,
        notebook.backups_dir,
        notebook.backup_state_file,
        changed_at_start=True,
        changes=lambda: db.connection().total_changes,
    )

    def full(*_args: object, **_kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_backups, "make_backup", full)
    session.finish()
    close_notebook()
    session.closed()
    assert not notebook.backup_state_file.exists()


# -- a copy taken while another thread writes ------------------------------------------


def test_copies_taken_while_another_thread_saves_are_consistent(notebook: Paths) -> None:
    stop = threading.Event()
    written: list[int] = []
    failures: list[BaseException] = []

    def writer() -> None:
        try:
            number = 0
            while not stop.is_set():
                number += 1
                entry = journal.add_entry(
                    NOW, title=f"Entry {number}", body=f"Body {number} – é ✓ " * 20, tags=["t"]
                )
                written.append(entry.id)
        except BaseException as error:  # reported below
            failures.append(error)
        finally:
            db.close()

    thread = threading.Thread(target=writer)
    thread.start()
    copies = []
    try:
        while len(copies) < 8:
            if len(written) >= len(copies) * 5:
                moment = NOW + timedelta(seconds=len(copies))
                copies.append(make_backup(notebook.database, notebook.backups_dir, "t", moment))
    finally:
        stop.set()
        thread.join(30)
    assert not failures
    counts = []
    for copy in copies:
        with sqlite3.connect(copy) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            connection.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
            rows = connection.execute("SELECT id, title, body FROM journal_entry").fetchall()
            tags = connection.execute("SELECT count(*) FROM journal_tag").fetchone()[0]
            indexed = connection.execute("SELECT count(*) FROM search_index").fetchone()[0]
        # Whole saves only: each entry with its tag and its search row, its text intact.
        assert tags == len(rows) == indexed
        for _entry_id, title, body in rows:
            number = int(title.split()[1])
            assert body == f"Body {number} – é ✓ " * 20
        counts.append(len(rows))
    assert counts == sorted(counts) and counts[-1] > counts[0]


def test_a_copy_of_the_notebook_before_a_restore_says_nothing_about_the_restored_one(
    notebook: Paths,
) -> None:
    changes = [2050]
    session = BackupSession(
        notebook.database,
        notebook.backups_dir,
        notebook.backup_state_file,
        changed_at_start=False,
        changes=lambda: changes[0],
    )
    old = session.mark()  # a copy of the old notebook starts…
    changes[0] = 0
    session.restart()  # …a restore opens a new connection, counting from 0…
    changes[0] = 20  # …twenty rows are written…
    session.copied(old)  # …and the old copy's news arrives late.
    assert session.due()


def test_backups_made_before_a_change_keep_the_folder_bounded(notebook: Paths) -> None:
    start = datetime(2026, 1, 1, 9)
    for number in range(MOST_KEPT + 40):
        backup_first(
            db.connection(), notebook.backups_dir, "before-import", start + timedelta(hours=number)
        )
    assert len(list_backups(notebook.backups_dir)) <= MOST_KEPT
