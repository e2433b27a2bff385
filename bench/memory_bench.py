"""Issue 11, figure g: peak resident memory with the large notebook after visiting every
section (`python bench/memory_bench.py`).

Each run is a child process (`python bench/memory_bench.py --child DATA_DIR`) that
opens the notebook and the main window offscreen as Pathfinder does, shows it,
visits every section and each of its tabs (`MainWindow.visit_everything()`, as
--smoke does), letting Qt process its events after each, then prints
`resource.getrusage(RUSAGE_SELF).ru_maxrss` (kilobytes on Linux) as JSON, with the
peak after the window was first shown. The window never starts its automatic
backups and does not remember its state, so a run writes nothing. The data folder
is the copy in bench/.cache/start/ (see startup_bench.py).

The child is started through a small Python launcher (LAUNCHER): on Linux a
process started straight from this one would inherit this process's peak as its
own ru_maxrss (the kernel carries the old memory's high-water mark across fork
and exec, and this process holds the whole notebook's archive by now), while the
launcher's own peak is a few MB. The child also reads VmHWM from
/proc/self/status, the peak of its own memory only, as a cross-check.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from figures import Figure  # noqa: E402
from processes import child_environment  # noqa: E402
from startup_bench import start_folder  # noqa: E402

TARGET_MB = 300.0
MARKER = "memory:"
KIB, MB = 1024, 1_000_000  # ru_maxrss counts KiB on Linux; the target is in MB
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"


def _own_peak_kb() -> int | None:
    """VmHWM: the peak resident memory of this process's own memory (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def child(data_dir: Path) -> int:
    from pathfinder.app import application
    from pathfinder.paths import Paths
    from pathfinder.store.database import close_notebook, open_notebook
    from pathfinder.views.main_window import MainWindow

    paths = Paths(data_dir)
    open_notebook(paths.database, paths.backups_dir)
    app = application()
    window = MainWindow(paths)
    window.remember_state = False
    window.show()
    app.processEvents()
    shown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    visited = []
    for key in window.visit_everything():
        app.processEvents()
        visited.append(key)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    found = {"shown_kb": shown, "peak_kb": peak, "hwm_kb": _own_peak_kb(), "visited": visited}
    print(MARKER, json.dumps(found), flush=True)
    window.close()
    app.processEvents()
    close_notebook()
    return 0


def measure_memory(database: Path, rounds: int, notes: list[str]) -> list[Figure]:
    paths = start_folder(database)
    env = child_environment()
    peak = Figure(
        "Memory: peak RSS after every section",
        "child process: window shown offscreen, every section and tab visited; ru_maxrss in MB",
        unit="MB",
        target=TARGET_MB,
        issue="g",
    )
    shown = Figure(
        "Memory: peak RSS with the window shown",
        "the same child, before visiting the sections (Today only)",
        unit="MB",
    )
    launched = [sys.executable, "-c", LAUNCHER, sys.executable, str(Path(__file__))]
    for round_number in range(rounds + 1):  # round 0 warms up and is not kept
        completed = subprocess.run(
            [*launched, "--child", str(paths.data_dir)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        lines = [line for line in completed.stdout.splitlines() if line.startswith(MARKER)]
        if completed.returncode != 0 or not lines:
            raise RuntimeError(f"the memory child failed:\n{completed.stderr[-2000:]}")
        found = json.loads(lines[-1][len(MARKER) :])
        if round_number:
            peak.samples.append(found["peak_kb"] * KIB / MB)
            shown.samples.append(found["shown_kb"] * KIB / MB)
            peak.rows = len(found["visited"])
            hwm = found["hwm_kb"]
            if hwm is not None and abs(hwm - found["peak_kb"]) > 10 * 1024:
                notes.append(
                    f"Memory: ru_maxrss {found['peak_kb'] // 1024} MiB but VmHWM "
                    f"{hwm // 1024} MiB in one run."
                )
    notes.append(f"Memory: every run visited {peak.rows} sections and tabs.")
    return [peak, shown]


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        return child(Path(sys.argv[2]))
    from figures import run_alone

    return run_alone(measure_memory, 5)


if __name__ == "__main__":
    sys.exit(main())
