"""The bench's own helpers: figures and ratios, the tables, timing child processes, the
start hook, and the jrnl journal written from a notebook. Quick: no large notebook."""

from __future__ import annotations

import importlib
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from pathfinder.app import BENCH_EXIT_WHEN_IDLE, IDLE_MARKER
from pathfinder.paths import Paths
from pathfinder.store.database import close_notebook, db

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _bench(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:  # as `python bench/run.py` has it
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


figures = _bench("figures")
processes = _bench("processes")


def test_a_figure_gives_its_median_spread_and_percentile_in_milliseconds() -> None:
    figure = figures.Figure("f", "what", samples=[0.010, 0.030, 0.020, 0.200], target=25.0)
    summary = figure.summary()
    assert (summary["median"], summary["min"], summary["max"]) == (25.0, 10.0, 200.0)
    assert summary["met"] is True and summary["target"] == "<= 25 ms"
    assert figure.p95 == pytest.approx(200.0)  # nearest rank: the highest of four
    figure.p95_target = 50.0
    assert figure.met is False  # the median is in, the tail is not


def test_a_figure_without_a_target_is_neither_met_nor_missed() -> None:
    assert figures.Figure("f", "w", samples=[1.0]).met is None
    memory = figures.Figure("m", "w", samples=[290.0, 310.0, 305.0], unit="MB", target=300.0)
    assert memory.median == 305.0 and memory.met is False


def test_ratios_hold_ours_against_theirs_both_ways() -> None:
    ours = figures.Figure("ours", "w", samples=[0.3, 0.4, 0.5])
    theirs = figures.Figure("theirs", "w", samples=[0.1, 0.2, 0.1])
    slower = figures.Ratio("r", "w", ours, theirs, at_most=3.0)
    assert slower.value == pytest.approx(4.0) and slower.met is False
    assert slower.value_words() == "4.00x" and slower.target_words() == "<= 3x"
    assert slower.per_round() == pytest.approx([3.0, 2.0, 5.0])
    faster = figures.Ratio("r", "w", theirs, ours, at_least_faster=10.0)
    assert faster.value_words() == "4.0x faster" and faster.met is False
    assert figures.Ratio("r", "w", theirs, ours, at_least_faster=3.0).met is True
    assert faster.summary()["met"] is False and faster.summary()["ratio"] == 0.25


def test_the_tables_show_every_figure_and_its_verdict() -> None:
    met = figures.Figure("Search | all", "w", samples=[0.005], target=20.0, issue="b")
    missed = figures.Figure("Start", "w", samples=[0.5], target=100.0, issue="a")
    free = figures.Figure("Open", "w", samples=[12.5])
    text = figures.text_table([missed, met, free])
    lines = text.splitlines()
    assert len(lines) == 5 and set(lines[1]) == {"-"}
    assert lines[2].startswith("a  Start") and lines[2].endswith("MISSED")
    assert lines[3].endswith("met") and "12.5 s" in lines[4]
    markdown = figures.markdown_table([met])
    assert "Search \\| all" in markdown  # a pipe in a name doesn't open a column
    assert markdown.splitlines()[2].count(" | ") == 7


def test_children_run_with_bytecode_and_offscreen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("PATHFINDER_DATA_DIR", "/somewhere/real")
    env = processes.child_environment({"EXTRA": "1"})
    assert "PYTHONDONTWRITEBYTECODE" not in env and "PATHFINDER_DATA_DIR" not in env
    assert env["PYTHONPYCACHEPREFIX"].endswith(os.path.join("bench", ".cache", "pycache"))
    assert env["QT_QPA_PLATFORM"].startswith("offscreen:configfile=")
    assert Path(env["QT_QPA_PLATFORM"].split("=", 1)[1]).is_file()
    assert env["EXTRA"] == "1"


def test_a_child_is_timed_until_its_marker(tmp_path: Path) -> None:
    env = dict(os.environ)
    script = "import time; print('warming'); print('ready', flush=True); time.sleep(0.3)"
    seconds = processes.time_until_marker([sys.executable, "-c", script], "ready", env)
    assert 0 < seconds < 0.3 + 5  # the sleep after the marker is not counted … mostly
    with pytest.raises(processes.ChildFailed, match="never printed"):
        processes.time_until_marker([sys.executable, "-c", "print('no')"], "ready", env)
    failing = "import sys; print('ready', flush=True); sys.exit('broken')"
    with pytest.raises(processes.ChildFailed, match=r"(?s)exit status 1.*broken"):
        processes.time_until_marker([sys.executable, "-c", failing], "ready", env)
    out = tmp_path / "out"
    assert processes.time_run([sys.executable, "-c", "print(42)"], env, out) > 0
    assert out.read_text().strip() == "42"


def test_the_bare_window_and_pathfinder_say_when_they_are_idle(paths: Paths) -> None:
    startup = _bench("startup_bench")
    env = processes.child_environment({BENCH_EXIT_WHEN_IDLE: "1"})
    bare = [sys.executable, str(startup.BARE_WINDOW)]
    assert processes.time_until_marker(bare, startup.BARE_MARKER, env) > 0
    command = startup.pathfinder_command(paths)  # a new notebook in an empty folder
    assert processes.time_until_marker(command, IDLE_MARKER, env) > 0
    assert (paths.data_dir / "window-state.ini").exists()  # it closed as a person would


@pytest.fixture
def small_notebook(tmp_path: Path) -> Iterator[Path]:
    generator = _bench("large_notebook")
    database = generator.build_large_notebook(
        tmp_path / "small",
        people=60,
        organisations=8,
        interactions=200,
        follow_ups=10,
        conversations=10,
        journal_entries=40,
    )
    yield database
    close_notebook()
    db.initialize(None)


def test_the_jrnl_journal_holds_every_entry_oldest_first(small_notebook: Path) -> None:
    jrnl_bench = _bench("jrnl_bench")
    text = jrnl_bench.journal_text(small_notebook)
    connection = sqlite3.connect(small_notebook)
    entries = connection.execute(
        "SELECT written_at, title, body FROM journal_entry ORDER BY written_at, id"
    ).fetchall()
    connection.close()
    # jrnl starts an entry at each line that opens with a date in its time format.
    starts = re.findall(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d)\] (.*)$", text, re.MULTILINE)
    assert len(starts) == len(entries) == 40
    for (stamp, first_line), (written_at, title, body) in zip(starts, entries, strict=True):
        assert stamp == str(written_at)[:16]
        assert first_line == (title or body.splitlines()[0])
    assert [stamp for stamp, _line in starts] == sorted(stamp for stamp, _line in starts)
    # Every body is there, word for word, and entries are apart by a blank line.
    assert all(body in text for _written, _title, body in entries)
    assert "\n\n[" in text and not text.startswith("\n")
