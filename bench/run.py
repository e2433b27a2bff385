"""`make bench`: how fast People opens and filters with the large notebook.

Measures, in one run and interleaved round by round (so a busy moment on a
shared machine hits every figure alike):

- a baseline: opening an empty notebook and counting its contacts;
- opening the large notebook (`open_notebook`) and loading every People row;
- the People text filter (`people_rows(PeopleFilter(text=...))`) for fixed queries;
- when the People section exists (`pathfinder.views.people.page.PeoplePage`), the
  section built offscreen with its first load, and a text filter through
  `apply_filter_text`.

Each figure is the median of the rounds, with min and max, and its ratio to the
baseline's median. Prints a table and writes bench/results.json.
Issue 3's target for the section is "well inside 100 ms" to open and to filter.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import inspect
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from large_notebook import (  # noqa: E402
    DEFAULTS,
    GENERATOR_VERSION,
    REFERENCE_DAY,
    cached_large_notebook,
    large_notebook_is_cached,
)

from pathfinder.paths import Paths  # noqa: E402
from pathfinder.services.people_table import PeopleFilter, people_rows  # noqa: E402
from pathfinder.store.database import close_notebook, db, open_notebook  # noqa: E402

RESULTS = BENCH_DIR / "results.json"
TARGET_MS = 100.0
# A common first name, a prefix, a word from organisation names, and two words.
QUERIES = ("Maria", "Har", "Cobalt", "sam manager")
VIEW_QUERY = "Maria"


@dataclass
class Figure:
    name: str
    what: str
    samples: list[float] = field(default_factory=list)  # seconds
    rows: int | None = None
    target_ms: float | None = None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1000

    def summary(self, baseline_ms: float) -> dict[str, Any]:
        median = self.median_ms
        return {
            "name": self.name,
            "what": self.what,
            "runs": len(self.samples),
            "median_ms": round(median, 2),
            "min_ms": round(min(self.samples) * 1000, 2),
            "max_ms": round(max(self.samples) * 1000, 2),
            "ratio_to_baseline": round(median / baseline_ms, 1) if baseline_ms else None,
            "rows": self.rows,
            "target_ms": self.target_ms,
            "met": None if self.target_ms is None else median <= self.target_ms,
        }


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def empty_notebook(folder: Path) -> Paths:
    paths = Paths(folder / "empty")
    paths.data_dir.mkdir(parents=True)
    open_notebook(paths.database, paths.backups_dir)
    close_notebook()
    return paths


def measure_store(database: Path, empty: Paths, rounds: int) -> list[Figure]:
    """Baseline, open + load all rows, and each text filter, interleaved per round."""
    backups = database.parent / "backups"
    baseline = Figure("baseline", "open an empty notebook and count its contacts")
    opened = Figure("open", "open_notebook on the large notebook")
    loaded = Figure("load all rows", "people_rows(PeopleFilter()) just after opening")
    both = Figure("open + load", "open_notebook, then every People row", target_ms=TARGET_MS)
    filters = {
        query: Figure(
            f"filter {query!r}", "people_rows(PeopleFilter(text=...))", target_ms=TARGET_MS
        )
        for query in QUERIES
    }
    for round_number in range(rounds + 1):  # round 0 warms the caches and is not kept
        keep = round_number > 0
        gc.collect()

        def count_empty() -> int:
            open_notebook(empty.database, empty.backups_dir)
            try:
                return int(db.execute_sql("SELECT count(*) FROM contact").fetchone()[0])
            finally:
                close_notebook()

        seconds, _ = timed(count_empty)
        if keep:
            baseline.samples.append(seconds)

        open_seconds, _ = timed(lambda: open_notebook(database, backups))
        try:
            load_seconds, rows = timed(lambda: people_rows(PeopleFilter(), REFERENCE_DAY))
            for query, figure in filters.items():
                wanted = PeopleFilter(text=query)
                seconds, found = timed(lambda wanted=wanted: people_rows(wanted, REFERENCE_DAY))
                if keep:
                    figure.samples.append(seconds)
                    figure.rows = len(found)
        finally:
            close_notebook()
        if keep:
            opened.samples.append(open_seconds)
            loaded.samples.append(load_seconds)
            both.samples.append(open_seconds + load_seconds)
            loaded.rows = both.rows = len(rows)
    db.initialize(None)
    return [baseline, opened, loaded, both, *filters.values()]


def measure_people_view(database_path: Path, rounds: int = 5) -> tuple[list[Figure], list[str]]:
    """The People section built offscreen with its first load, and a text filter.

    Skipped with a note while `pathfinder.views.people.page.PeoplePage` or its
    `apply_filter_text(text)` does not exist yet.
    """
    notes: list[str] = []
    try:
        found = importlib.util.find_spec("pathfinder.views.people.page") is not None
    except (ModuleNotFoundError, ValueError):
        found = False
    if not found:
        notes.append("People section: pathfinder.views.people.page does not exist yet; skipped.")
        return [], notes
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from pathfinder.views.people.page import PeoplePage

    application = QApplication.instance() or QApplication([])
    can_filter = hasattr(PeoplePage, "apply_filter_text")
    if not can_filter:
        notes.append("People section: PeoplePage.apply_filter_text is missing; filter skipped.")
    now = datetime.combine(REFERENCE_DAY, clock_time(12))
    backups = database_path.parent / "backups"
    undo_stack = QUndoStack()
    shown = Figure(
        "People section: build + first load",
        "PeoplePage(...) shown offscreen, events processed",
        target_ms=TARGET_MS,
    )
    filtered = Figure(
        f"People section: filter {VIEW_QUERY!r}",
        "PeoplePage.apply_filter_text, events processed",
        target_ms=TARGET_MS,
    )
    for round_number in range(rounds + 1):  # round 0 warms up and is not kept
        keep = round_number > 0
        open_notebook(database_path, backups)
        page = None
        try:
            gc.collect()
            start = time.perf_counter()
            page = PeoplePage(undo_stack, lambda: now, lambda _message: None)
            page.show()
            application.processEvents()
            if keep:
                shown.samples.append(time.perf_counter() - start)
            if can_filter:
                start = time.perf_counter()
                page.apply_filter_text(VIEW_QUERY)
                application.processEvents()
                if keep:
                    filtered.samples.append(time.perf_counter() - start)
                page.apply_filter_text("")
                application.processEvents()
        except Exception as error:
            if isinstance(error, TypeError) and page is None:
                notes.append(
                    f"PeoplePage{inspect.signature(PeoplePage)} was called as "
                    "PeoplePage(undo_stack, clock, status)."
                )
            notes.append(
                f"People section: measuring failed ({type(error).__name__}: {error}); "
                "see the traceback above."
            )
            traceback.print_exc()
            return [], notes
        finally:
            if page is not None:
                page.close()
                page.deleteLater()
                application.processEvents()
            close_notebook()
    db.initialize(None)
    return [figure for figure in (shown, filtered) if figure.samples], notes


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def print_table(summaries: list[dict[str, Any]]) -> None:
    header = f"{'figure':<38} {'median':>9} {'min':>9} {'max':>9} {'x base':>7} {'rows':>7}  target"
    print(header)
    print("-" * len(header))
    for row in summaries:
        ratio = "" if row["ratio_to_baseline"] is None else f"{row['ratio_to_baseline']:.1f}"
        rows = "" if row["rows"] is None else f"{row['rows']:,}"
        target = ""
        if row["target_ms"] is not None:
            verdict = "met" if row["met"] else "MISSED"
            target = f"<= {row['target_ms']:.0f} ms {verdict}"
        print(
            f"{row['name']:<38} {row['median_ms']:>7.1f}ms {row['min_ms']:>7.1f}ms"
            f" {row['max_ms']:>7.1f}ms {ratio:>7} {rows:>7}  {target}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="runs per figure (at least 5)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    arguments = parser.parse_args()
    rounds = max(arguments.rounds, 5)

    built = not large_notebook_is_cached()
    build_seconds, database = timed(cached_large_notebook)
    print(
        f"Large notebook: {database} "
        + (f"(built in {build_seconds:.1f} s)" if built else "(cached)")
    )
    with tempfile.TemporaryDirectory(prefix="pathfinder-bench-") as scratch:
        empty = empty_notebook(Path(scratch))
        figures = measure_store(database, empty, rounds)
    view_figures, notes = measure_people_view(database, rounds)
    for note in notes:
        print(note)

    baseline_ms = figures[0].median_ms
    summaries = [figure.summary(baseline_ms) for figure in [*figures, *view_figures]]
    print(f"\n{rounds} runs each, interleaved; 'x base' is the median over the baseline's.")
    print_table(summaries)

    results = {
        "measured_at": datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "command": "make bench",
        "notebook": {
            "path": str(database.relative_to(BENCH_DIR.parent)),
            "generator_version": GENERATOR_VERSION,
            **DEFAULTS,
            "today": REFERENCE_DAY.isoformat(),
            "build_seconds": round(build_seconds, 2) if built else None,
        },
        "rounds": rounds,
        "baseline_ms": round(baseline_ms, 2),
        "figures": summaries,
        "notes": notes,
    }
    arguments.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nWrote {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
