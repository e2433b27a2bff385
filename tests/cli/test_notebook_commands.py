"""`pathfinder backup`, `pathfinder check [--repair]` and `pathfinder restore [BACKUP]`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from pathfinder.cli import parse_args
from pathfinder.commands import run_command
from pathfinder.paths import Paths
from pathfinder.services import people
from pathfinder.store.backups import list_backups
from pathfinder.store.database import close_notebook, db, open_notebook

NOW = datetime(2026, 3, 2, 19, 30)


def run(paths: Paths, *args: str) -> int:
    try:
        return run_command(parse_args([*args, "--data-dir", str(paths.data_dir)]), paths)
    finally:
        db.initialize(None)


@pytest.fixture
def ana(paths: Paths) -> Paths:
    open_notebook(paths.database, paths.backups_dir)
    people.add_person("Ana Souza", now=NOW)
    close_notebook()
    db.initialize(None)
    return paths


def test_backup_prints_the_copy_it_made(ana: Paths, capsys) -> None:
    assert run(ana, "backup") == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.parent == ana.backups_dir and made.name.startswith("manual-")
    assert [b.path for b in list_backups(ana.backups_dir)] == [made]


def test_check_says_ok_on_a_healthy_notebook(ana: Paths, capsys) -> None:
    assert run(ana, "check") == 0
    assert capsys.readouterr().out == "ok\n"


def test_check_repairs_only_the_search_index_and_only_when_asked(ana: Paths, capsys) -> None:
    open_notebook(ana.database, ana.backups_dir)
    db.execute_sql("DELETE FROM search_index")
    close_notebook()
    assert run(ana, "check") == 1
    out = capsys.readouterr().out
    assert "out of step" in out and "check --repair" in out
    assert run(ana, "check", "--repair") == 0
    assert "rebuilt" in capsys.readouterr().out
    assert [b.reason for b in list_backups(ana.backups_dir)] == ["before-repair"]
    assert run(ana, "check") == 0


def test_check_on_a_damaged_file_points_to_restore(ana: Paths, capsys) -> None:
    raw = bytearray(ana.database.read_bytes())
    raw[40_000:48_000] = os.urandom(8_000)
    ana.database.write_bytes(bytes(raw))
    assert run(ana, "check") == 1
    captured = capsys.readouterr()
    assert "Restore from a backup" in captured.out + captured.err


def test_restore_lists_then_restores_by_name(ana: Paths, capsys) -> None:
    assert run(ana, "backup") == 0
    made = Path(capsys.readouterr().out.strip())
    open_notebook(ana.database, ana.backups_dir)
    people.add_person("Ben Okafor", now=NOW)
    close_notebook()
    assert run(ana, "restore") == 0
    listing = capsys.readouterr().out
    assert made.name in listing and "Backed up by you" in listing and "1 people" in listing
    assert run(ana, "restore", made.name) == 0
    out = capsys.readouterr().out
    assert "before-restore-" in out
    open_notebook(ana.database, ana.backups_dir)
    try:
        assert [p.name for p in people.all_people_brief()] == ["Ana Souza"]
    finally:
        close_notebook()


def test_restore_of_an_unknown_name_is_one_line(ana: Paths, capsys) -> None:
    assert run(ana, "restore", "no-such-backup.sqlite3") == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_restore_waits_for_the_window_to_close(ana: Paths, capsys) -> None:
    assert run(ana, "backup") == 0
    made = Path(capsys.readouterr().out.strip())
    window = subprocess.Popen(
        [sys.executable, "-m", "pathfinder", "--data-dir", str(ana.data_dir)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not ana.lock_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        before = ana.database.read_bytes()
        assert run(ana, "restore", made.name) == 1
        assert "close its window first" in capsys.readouterr().err
        assert ana.database.read_bytes() == before
    finally:
        window.terminate()
        window.wait(30)
