"""Issue 11, figure a: a whole Pathfinder start with the large notebook against a bare
PySide6 process showing an empty QMainWindow, in the same rounds
(`python bench/startup_bench.py`).

"Shown and idle", for both: the time from starting the process until it prints a
marker line from a zero-delay QTimer queued after `show()`. Such a timer runs
once the event loop has run what was queued before it: for Pathfinder that is
the start-up work `app.run_app` queues behind the window (the offer of unsaved
journal words, the reminder of follow-ups), so the marker means the window is
up and nothing started with it is still waiting. Pathfinder prints it when
PATHFINDER_BENCH_EXIT_WHEN_IDLE=1 (`app.BENCH_EXIT_WHEN_IDLE`, read only by
`run_app`), then closes its window as a person would; the bare process
(bench/bare_window.py) does the same. Both run `python -m …` with the same
interpreter and environment (processes.child_environment: offscreen, bytecode
cached). Rounds alternate the two; round 0 warms up and is not kept.

Backups: Pathfinder copies the notebook (190 MB) 1.5 s after a start, and at
quit, when it changed since the last copy. The starts run on a copy of the
large notebook in bench/.cache/start/ that is made once; the first start on
it (a warm-up, not timed) finds no backup and copies at quit, writing
backup-state.json. From then on a start finds the notebook as it was left
after its last copy, writes nothing, and copies nothing: `measure_start` checks
that no copy appeared while it timed.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from figures import Figure, Ratio  # noqa: E402
from processes import CACHE, child_environment, time_until_marker  # noqa: E402

from pathfinder.app import BENCH_EXIT_WHEN_IDLE, IDLE_MARKER  # noqa: E402
from pathfinder.paths import Paths  # noqa: E402
from pathfinder.store.backups import changed_since_last_backup, list_backups  # noqa: E402

BARE_WINDOW = BENCH_DIR / "bare_window.py"
BARE_MARKER = "bare: shown and idle"
START_FOLDER = CACHE / "start"
TARGET_RATIO = 3.0


def start_folder(database: Path) -> Paths:
    """A data folder holding a copy of the large notebook at `database`, made once (again
    when the large notebook is rebuilt): the whole-process runs use it, so the cached
    notebook's own folder never gets a log, a lock, window state or backups."""
    paths = Paths(START_FOLDER)
    marker = database.parent / "built.json"
    copied = START_FOLDER / "copied-from.json"
    wanted = {"built": marker.read_text(encoding="utf-8"), "file": str(database)}
    try:
        if json.loads(copied.read_text(encoding="utf-8")) == wanted and paths.database.exists():
            return paths
    except (OSError, ValueError):
        pass
    shutil.rmtree(START_FOLDER, ignore_errors=True)
    START_FOLDER.mkdir(parents=True)
    START_FOLDER.chmod(0o700)
    shutil.copy2(database, paths.database)
    copied.write_text(json.dumps(wanted), encoding="utf-8")
    return paths


def pathfinder_command(paths: Paths, *arguments: str) -> list[str]:
    """Pathfinder as its console script runs it (`pathfinder` is `pathfinder.__main__`)."""
    return [sys.executable, "-m", "pathfinder", *arguments, "--data-dir", str(paths.data_dir)]


def measure_start(database: Path, rounds: int, notes: list[str]) -> list[Figure | Ratio]:
    paths = start_folder(database)
    env = child_environment({BENCH_EXIT_WHEN_IDLE: "1"})
    pathfinder = Figure(
        "Start: Pathfinder, large notebook",
        "python -m pathfinder until the window is shown and idle (marker from a QTimer "
        "queued after show() and the start-up work)",
    )
    bare = Figure(
        "Start: bare PySide6 QMainWindow",
        "python bench/bare_window.py until its empty QMainWindow is shown and idle",
    )
    for round_number in range(rounds + 1):  # round 0 warms up (and settles the backup)
        ours = time_until_marker(pathfinder_command(paths), IDLE_MARKER, env)
        theirs = time_until_marker([sys.executable, str(BARE_WINDOW)], BARE_MARKER, env)
        if round_number == 0:
            copies = len(list_backups(paths.backups_dir))
            changed = changed_since_last_backup(
                paths.database, paths.backup_state_file, paths.backups_dir
            )
            if changed:
                notes.append(
                    "Start: the notebook still differs from its last backup after the "
                    "warm-up start, so each start will back it up at quit (not timed)."
                )
            continue
        pathfinder.samples.append(ours)
        bare.samples.append(theirs)
    made = len(list_backups(paths.backups_dir)) - copies
    if made:
        notes.append(f"Start: {made} backup(s) were made during the timed starts.")
    else:
        notes.append(
            f"Start: no backup made during the {rounds} timed starts (the warm-up start "
            "settled the backup state of the copy in bench/.cache/start/)."
        )
    ratio = Ratio(
        "Start: Pathfinder / bare window",
        "whole-process start to shown and idle, Pathfinder over a bare PySide6 window",
        pathfinder,
        bare,
        at_most=TARGET_RATIO,
        issue="a",
    )
    return [ratio, pathfinder, bare]


def main() -> int:
    from figures import run_alone

    return run_alone(measure_start, 7)


if __name__ == "__main__":
    sys.exit(main())
