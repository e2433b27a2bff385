"""`make bench`: how fast People, search and the Journal are with the large notebook.

Measures, in one run and interleaved round by round (so a busy moment on a
shared machine hits every figure alike):

- a baseline: opening an empty notebook and counting its contacts;
- opening the large notebook (`open_notebook`) and loading every People row;
- the People text filter (`people_rows(PeopleFilter(text=...))`) for fixed queries;
- search over everything (`pathfinder.services.search.search(text)`) for ten fixed
  queries: common words, two- and three-letter prefixes (as typed so far), two
  words, a person's name, a word found only in journal entries. One figure over
  all (query, round) timings, with its 95th percentile, and one per query;
- the People section (`PeoplePage`) built offscreen with its first load, and a
  text filter through `apply_filter_text`;
- the Journal section (`JournalPage`, 20,000 entries) built offscreen with its
  first load, and opened again (`on_shown`, what switching to it does);
- the journal list's lazy model alone: `JournalListModel.load()` with no filter
  and with a tag filter.

A section whose page is missing or fails is skipped with a note. Each figure is
the median of the rounds, with min and max, and its ratio to the baseline's
median. Prints a table and writes bench/results.json.
Targets: issue 3, "well inside 100 ms" for People to open and to filter; issue 5,
search in a median of 20 ms or less (95th percentile 50 ms), and the journal
list "opens at once" (100 ms).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import inspect
import json
import math
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
from pathfinder.services.search import search  # noqa: E402
from pathfinder.store.database import close_notebook, db, open_notebook  # noqa: E402

RESULTS = BENCH_DIR / "results.json"
TARGET_MS = 100.0
# A common first name, a prefix, a word from organisation names, and two words.
QUERIES = ("Maria", "Har", "Cobalt", "sam manager")
VIEW_QUERY = "Maria"
SEARCH_TARGET_MS = 20.0
SEARCH_P95_TARGET_MS = 50.0
# Common words, prefixes as typed so far, two words, a person's name, and a word
# found only in journal entries.
SEARCH_QUERIES = (
    "interview",
    "manager",
    "mentor",
    "ma",
    "re",
    "con",
    "portfolio feedback",
    "senior designer",
    "Maria Santoro",
    "imposter",
)
JOURNAL_TAG = "interview"  # about one entry in six


@dataclass
class Figure:
    name: str
    what: str
    samples: list[float] = field(default_factory=list)  # seconds
    rows: int | None = None
    target_ms: float | None = None
    p95_target_ms: float | None = None  # also report the 95th percentile, held to this

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1000

    @property
    def p95_ms(self) -> float:
        """The 95th percentile (nearest rank) of the samples."""
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] * 1000

    def summary(self, baseline_ms: float) -> dict[str, Any]:
        median = self.median_ms
        met = None if self.target_ms is None else median <= self.target_ms
        result = {
            "name": self.name,
            "what": self.what,
            "runs": len(self.samples),
            "median_ms": round(median, 2),
            "min_ms": round(min(self.samples) * 1000, 2),
            "max_ms": round(max(self.samples) * 1000, 2),
            "ratio_to_baseline": round(median / baseline_ms, 1) if baseline_ms else None,
            "rows": self.rows,
            "target_ms": self.target_ms,
            "met": met,
        }
        if self.p95_target_ms is not None:
            p95 = self.p95_ms
            result["p95_ms"] = round(p95, 2)
            result["p95_target_ms"] = self.p95_target_ms
            result["met"] = bool(met is not False and p95 <= self.p95_target_ms)
        return result


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
    """Baseline, open + load all rows, each text filter and each search, interleaved per
    round."""
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
    searched = Figure(
        f"search, {len(SEARCH_QUERIES)} queries",
        "search(text) for every query, each (query, round) one sample",
        target_ms=SEARCH_TARGET_MS,
        p95_target_ms=SEARCH_P95_TARGET_MS,
    )
    searches = {
        query: Figure(f"  search {query!r}", "search(text); rows: hits shown")
        for query in SEARCH_QUERIES
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
            for query, figure in searches.items():
                seconds, groups = timed(lambda query=query: search(query))
                if keep:
                    figure.samples.append(seconds)
                    figure.rows = sum(len(group.hits) for group in groups)
                    searched.samples.append(seconds)
        finally:
            close_notebook()
        if keep:
            opened.samples.append(open_seconds)
            loaded.samples.append(load_seconds)
            both.samples.append(open_seconds + load_seconds)
            loaded.rows = both.rows = len(rows)
    db.initialize(None)
    return [baseline, opened, loaded, both, *filters.values(), searched, *searches.values()]


# One section's measurement: its figures, and a step run once per round with the
# notebook open (told whether this round's timings are kept).
Section = tuple[str, list[Figure], Callable[[bool], None]]


def _has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ModuleNotFoundError, ValueError):
        return False


def _close_page(page: Any, application: Any) -> None:
    page.close()
    page.deleteLater()
    application.processEvents()


def people_section(application: Any, now: datetime, notes: list[str]) -> Section | None:
    """The People section built offscreen with its first load, and a text filter.

    Skipped with a note while `pathfinder.views.people.page.PeoplePage` does not exist;
    the filter is skipped while `apply_filter_text(text)` does not.
    """
    if not _has_module("pathfinder.views.people.page"):
        notes.append("People section: pathfinder.views.people.page does not exist yet; skipped.")
        return None
    from PySide6.QtGui import QUndoStack

    from pathfinder.views.people.page import PeoplePage

    can_filter = hasattr(PeoplePage, "apply_filter_text")
    if not can_filter:
        notes.append("People section: PeoplePage.apply_filter_text is missing; filter skipped.")
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

    def step(keep: bool) -> None:
        gc.collect()
        start = time.perf_counter()
        try:
            page = PeoplePage(undo_stack, lambda: now, lambda _message: None)
        except TypeError:
            notes.append(
                f"PeoplePage{inspect.signature(PeoplePage)} was called as "
                "PeoplePage(undo_stack, clock, status)."
            )
            raise
        try:
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
        finally:
            _close_page(page, application)

    return "People section", [shown, filtered], step


TODAY_TARGET_MS = 200.0


def today_section(application: Any, now: datetime, notes: list[str]) -> Section | None:
    """Today's figures read alone (`today_view`), and the Today section built offscreen with
    its first load and opened again (issue 6: "well under 200 ms")."""
    if not _has_module("pathfinder.views.today.page"):
        notes.append("Today section: pathfinder.views.today.page does not exist; skipped.")
        return None
    from PySide6.QtGui import QUndoStack

    from pathfinder.services.today import today_view
    from pathfinder.views.today.page import TodayPage

    undo_stack = QUndoStack()
    read = Figure("Today: its lists read", "today_view(today) alone", target_ms=TODAY_TARGET_MS)
    shown = Figure(
        "Today section: build + first load",
        "TodayPage(...) shown offscreen, events processed",
        target_ms=TODAY_TARGET_MS,
    )
    reopened = Figure(
        "Today section: open again",
        "TodayPage.on_shown(), as switching to the section does, events processed",
        target_ms=TODAY_TARGET_MS,
    )

    def step(keep: bool) -> None:
        gc.collect()
        start = time.perf_counter()
        today_view(now.date())
        alone = time.perf_counter() - start
        start = time.perf_counter()
        page = TodayPage(undo_stack, lambda: now, lambda _message: None)
        try:
            page.resize(1200, 800)
            page.show()
            application.processEvents()
            built = time.perf_counter() - start
            start = time.perf_counter()
            page.on_shown()
            application.processEvents()
            again = time.perf_counter() - start
        finally:
            _close_page(page, application)
        if keep:
            read.samples.append(alone)
            shown.samples.append(built)
            reopened.samples.append(again)

    return "Today section", [read, shown, reopened], step


def journal_section(application: Any, now: datetime, notes: list[str]) -> Section | None:
    """The Journal section built offscreen with its first load, opened again, and its
    list model loaded alone (no filter, and one tag).

    Skipped with a note while `pathfinder.views.journal.page.JournalPage` does not exist.
    """
    if not _has_module("pathfinder.views.journal.page"):
        notes.append("Journal section: pathfinder.views.journal.page does not exist; skipped.")
        return None
    from PySide6.QtGui import QUndoStack

    from pathfinder.services.journal import JournalFilter
    from pathfinder.views.journal.list_model import JournalListModel
    from pathfinder.views.journal.page import JournalPage

    undo_stack = QUndoStack()
    shown = Figure(
        "Journal section: build + first load",
        "JournalPage(...) shown offscreen, events processed (opens at once)",
        target_ms=TARGET_MS,
    )
    reopened = Figure(
        "Journal section: open again",
        "JournalPage.on_shown(), as switching to the section does, events processed",
        target_ms=TARGET_MS,
    )
    listed = Figure(
        "Journal list: load all",
        "JournalListModel.load(JournalFilter()) alone",
        target_ms=TARGET_MS,
    )
    tagged = Figure(
        f"Journal list: load tag {JOURNAL_TAG!r}",
        "JournalListModel.load(JournalFilter(tag=...)) alone",
        target_ms=TARGET_MS,
    )
    model = JournalListModel(lambda: now)

    def step(keep: bool) -> None:
        gc.collect()
        start = time.perf_counter()
        page = JournalPage(undo_stack, lambda: now, lambda _message: None)
        try:
            page.show()
            application.processEvents()
            built = time.perf_counter() - start
            start = time.perf_counter()
            page.on_shown()
            application.processEvents()
            again = time.perf_counter() - start
        finally:
            _close_page(page, application)
        all_seconds, _ = timed(lambda: model.load(JournalFilter()))
        everything = len(model.entry_ids)
        tag_seconds, _ = timed(lambda: model.load(JournalFilter(tag=JOURNAL_TAG)))
        if keep:
            shown.samples.append(built)
            reopened.samples.append(again)
            listed.samples.append(all_seconds)
            tagged.samples.append(tag_seconds)
            shown.rows = reopened.rows = listed.rows = everything
            tagged.rows = len(model.entry_ids)

    return "Journal section", [shown, reopened, listed, tagged], step


def measure_sections(database_path: Path, rounds: int = 5) -> tuple[list[Figure], list[str]]:
    """The Today, People and Journal sections offscreen, interleaved round by round.

    A section that fails is dropped with a note (and its traceback); the others go on.
    """
    notes: list[str] = []
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(_mode: Any, _context: Any, message: str) -> None:
        # The offscreen platform says this for every window shown; the rest is news.
        if message != "This plugin does not support propagateSizeHints()":
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    application = QApplication.instance() or QApplication([])
    now = datetime.combine(REFERENCE_DAY, clock_time(12))
    backups = database_path.parent / "backups"
    sections = [
        section
        for make in (today_section, people_section, journal_section)
        if (section := make(application, now, notes)) is not None
    ]
    for round_number in range(rounds + 1):  # round 0 warms up and is not kept
        open_notebook(database_path, backups)
        try:
            for section in list(sections):
                name, _figures, step = section
                try:
                    step(round_number > 0)
                except Exception as error:
                    traceback.print_exc()
                    notes.append(
                        f"{name}: measuring failed ({type(error).__name__}: {error}); "
                        "see the traceback above."
                    )
                    sections.remove(section)
        finally:
            close_notebook()
    db.initialize(None)
    return [
        figure for _name, figures, _step in sections for figure in figures if figure.samples
    ], notes


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
            target = f"<= {row['target_ms']:.0f} ms"
            if "p95_ms" in row:
                target += f", p95 {row['p95_ms']:.1f}ms <= {row['p95_target_ms']:.0f} ms"
            target += f" {verdict}"
        print(
            f"{row['name']:<38} {row['median_ms']:>7.1f}ms {row['min_ms']:>7.1f}ms"
            f" {row['max_ms']:>7.1f}ms {ratio:>7} {rows:>7}  {target}"
        )


def map_figures(database: Path, rounds: int, notes: list[str]) -> list[Figure]:
    """The Map drawn from the large notebook (see bench/map_bench.py): read, placed, built
    and painted once; the target (issue 6) is under a second for 2,000 people."""
    try:
        from map_bench import measure_map

        measured = measure_map(database, rounds)
    except Exception as error:
        traceback.print_exc()
        notes.append(f"Map: measuring failed ({type(error).__name__}: {error}).")
        return []
    figures = []
    for name, figure in measured["figures"].items():
        drawn = figure["drawn"]
        figures.append(
            Figure(
                f"Map: {name} ({drawn['circles']:,} circles)",
                figure["what"],
                samples=list(figure["samples_s"]),
                rows=drawn["people"],
                target_ms=figure["target_ms"],
            )
        )
    return figures


def other_figures(database: Path, rounds: int, notes: list[str]) -> list[Figure]:
    """The mentor report (bench/report_bench.py) and the whole archive
    (bench/archive_bench.py), each measured by its own module."""
    figures = []
    for label, module, function in (
        ("Report", "report_bench", "measure_report"),
        ("Archive", "archive_bench", "measure_archive"),
        ("Archive", "archive_bench", "measure_import"),
        ("Import", "import_bench", "measure_linkedin_import"),
    ):
        try:
            measure = getattr(importlib.import_module(module), function)
            measured = measure(database, rounds)
        except Exception as error:
            traceback.print_exc()
            notes.append(f"{label}: measuring failed ({type(error).__name__}: {error}).")
            continue
        if "figures" not in measured:  # one figure, described at the top level
            rows = measured.get("rows")
            measured = {
                "figures": {
                    measured.get("figure", "whole notebook to .zip"): {
                        **measured,
                        "rows": rows.get("contact") if isinstance(rows, dict) else rows,
                    }
                }
            }
        for name, figure in measured["figures"].items():
            figures.append(
                Figure(
                    f"{label}: {name}",
                    figure["what"],
                    samples=list(figure["samples_s"]),
                    rows=figure.get("rows"),
                    target_ms=figure.get("target_ms"),
                )
            )
    return figures


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
    view_figures, notes = measure_sections(database, rounds)
    view_figures += map_figures(database, rounds, notes)
    view_figures += other_figures(database, rounds, notes)
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
