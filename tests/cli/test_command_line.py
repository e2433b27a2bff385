"""The program as a user or an installer starts it: whole processes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from pathfinder import __version__
from pathfinder.paths import Paths
from pathfinder.store.database import close_notebook, open_notebook


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pathfinder", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def no_display_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return env


def test_version_needs_no_display_and_no_qt() -> None:
    result = run("--version", env=no_display_env())
    assert result.returncode == 0
    assert result.stdout.strip() == f"Pathfinder {__version__}"
    code = (
        "import sys\n"
        "from pathfinder.__main__ import main\n"
        "try:\n    main(['--version'])\n"
        "except SystemExit:\n    pass\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    probe = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=no_display_env(),
        check=True,
    )
    assert probe.stdout.strip().endswith("False")


def test_help_describes_the_options() -> None:
    result = run("--help", env=no_display_env())
    assert result.returncode == 0
    for option in ("--data-dir", "--smoke", "--version"):
        assert option in result.stdout


def test_an_unknown_argument_prints_usage_and_exits_2(tmp_path: Path) -> None:
    result = run("--frobnicate", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 2
    assert "usage: pathfinder" in result.stderr
    assert not (tmp_path / "data").exists()


def test_smoke_builds_every_section_and_exits_0(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run("--smoke", "--data-dir", str(data), env=no_display_env())
    assert result.returncode == 0, result.stderr
    assert "smoke: visited compass/History" in result.stdout
    assert "smoke: visited journal/Entries" in result.stdout
    assert "smoke: visited today/Now" in result.stdout
    assert "smoke: visited map/Network" in result.stdout
    assert "smoke: searched" in result.stdout
    assert "smoke: report written" in result.stdout
    assert "smoke: ok" in result.stdout
    assert (data / "pathfinder.sqlite3").exists()


def test_the_environment_variable_chooses_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "via-env"
    env = {**os.environ, "PATHFINDER_DATA_DIR": str(data)}
    assert run("--smoke", env=env).returncode == 0
    assert (data / "pathfinder.sqlite3").exists()


def test_a_newer_notebook_stops_the_start_with_a_message(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    close_notebook()
    connection = sqlite3.connect(paths.database)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    result = run("--smoke", "--data-dir", str(paths.data_dir))
    assert result.returncode == 1
    assert "newer version of Pathfinder" in result.stderr
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before


def test_a_notebook_that_cannot_be_upgraded_gets_a_message_not_a_traceback(
    tmp_path: Path,
) -> None:
    paths = Paths(tmp_path / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    close_notebook()
    connection = sqlite3.connect(paths.database)
    connection.execute("PRAGMA user_version = 0")
    connection.close()
    result = run("--smoke", "--data-dir", str(paths.data_dir))
    assert result.returncode == 1
    assert "Upgrading your notebook" in result.stderr
    assert "Traceback" not in result.stderr


def demo_env(tmp_path: Path) -> dict[str, str]:
    """The user's data folder and the temporary folder both point inside `tmp_path`."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    return {
        **no_display_env(),
        "PATHFINDER_DATA_DIR": str(tmp_path / "real-data"),
        "TMPDIR": str(temporary),
    }


def test_demo_smoke_runs_in_a_temporary_folder_and_leaves_the_data_folder_alone(
    tmp_path: Path,
) -> None:
    env = demo_env(tmp_path)
    result = run("--demo", "--smoke", env=env)
    assert result.returncode == 0, result.stderr
    assert "smoke: ok" in result.stdout
    assert not (tmp_path / "real-data").exists()
    # The demo's folder is thrown away at the end.
    assert list((tmp_path / "tmp").iterdir()) == []


def test_demo_hands_the_window_a_filled_notebook_of_its_own(tmp_path: Path) -> None:
    env = demo_env(tmp_path)
    code = (
        "import sys\n"
        "import pathfinder.app\n"
        "from pathfinder.__main__ import main\n"
        "def probe(paths, smoke=False, demo=False, backups=None):\n"
        "    from pathfinder.services.people import people_count\n"
        "    print(paths.data_dir.name, people_count(), (paths.data_dir / 'logs').is_dir(), demo)\n"
        "    return 0\n"
        "pathfinder.app.run_app = probe\n"
        "sys.exit(main(['--demo', '--smoke']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    folder, count, has_logs, told = result.stdout.split()
    assert folder.startswith("pathfinder-demo-")
    assert int(count) >= 25
    assert has_logs == "True"
    assert told == "True"  # the window is told it shows the demo
    assert not (tmp_path / "real-data").exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_demo_with_a_data_folder_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run("--demo", "--data-dir", str(data), env=demo_env(tmp_path))
    assert result.returncode == 2
    assert "usage: pathfinder" in result.stderr
    assert "--demo" in result.stderr
    assert not data.exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_help_mentions_the_demo() -> None:
    result = run("--help", env=no_display_env())
    assert "--demo" in result.stdout


def test_search_prints_one_match_per_line_and_exits_0(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    from datetime import date, datetime

    from pathfinder.services import events, journal, people

    people.add_person("Bjørn Østergaard", now=datetime(2026, 3, 1, 9))
    events.add_event("Design meetup", date(2026, 2, 12), now=datetime(2026, 3, 1, 9))
    journal.add_entry(datetime(2026, 3, 1, 9), title="After the design meetup", body="Good")
    close_notebook()
    result = run("search", "design", "--data-dir", str(paths.data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "event\tDesign meetup\t2026-02-12",
        "journal entry\tAfter the design meetup\t2026-03-01",
    ]
    folded = run("--data-dir", str(paths.data_dir), "search", "ostergaard")
    assert folded.stdout.splitlines() == ["person\tBjørn Østergaard\t"]
    for hostile in ('"', "NEAR(", "AND", "-", "*", "(((", "nothing-matches-this"):
        quiet = run("--data-dir", str(paths.data_dir), "search", hostile)
        assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", ""), hostile


def test_search_never_creates_a_notebook(tmp_path: Path) -> None:
    result = run("search", "anything", "--data-dir", str(tmp_path / "none"))
    assert result.returncode == 0
    assert not (tmp_path / "none").exists()


def test_search_with_a_bad_limit_exits_2(tmp_path: Path) -> None:
    result = run("search", "x", "--limit", "0", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "--limit" in result.stderr.splitlines()[-1]


def test_search_leaves_an_older_notebook_alone(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    close_notebook()
    connection = sqlite3.connect(paths.database)
    connection.execute("PRAGMA user_version = 3")
    connection.close()
    before = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    result = run("search", "ana", "--data-dir", str(paths.data_dir))
    assert result.returncode == 1
    assert "earlier Pathfinder" in result.stderr
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before


def test_search_lines_stay_one_line_each(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    from datetime import datetime

    from pathfinder.services import people

    people.add_person("Tab\tName\nNext", now=datetime(2026, 3, 1, 9))
    close_notebook()
    result = run("search", "tab", "--data-dir", str(paths.data_dir), "--limit", "1000")
    assert result.stdout == "person\tTab Name Next\t\n"
    too_many = run("search", "tab", "--data-dir", str(paths.data_dir), "--limit", "1001")
    assert too_many.returncode == 2
