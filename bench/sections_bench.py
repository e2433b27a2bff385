"""The Today, People and Journal sections built offscreen inside the bench process, with
the large notebook open, interleaved round by round (bench/run.py).

- Today: its lists read alone (`today_view`), the section built with its first load,
  and opened again (`on_shown`, what switching to it does). Issue 11 h: 200 ms.
- People: the section built with its first load (what opening it the first time
  does: the window builds a section when it is first shown), opened again, and a
  text filter through `apply_filter_text`. Issue 11 d: 100 ms each.
- Journal (20,000 entries): built with its first load, opened again, and its lazy
  list model loaded alone with no filter and with a tag. Issue 5: "opens at once",
  held to 100 ms.

Each step is timed until Qt has processed the events it caused. A section whose
page is missing or fails is dropped with a note; the others go on.
"""

from __future__ import annotations

import gc
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from figures import Figure, machine_figure, machine_speed
from large_notebook import REFERENCE_DAY
from processes import SCREEN

from pathfinder.store.database import close_notebook, db, open_notebook

SECTION_TARGET_MS = 100.0
TODAY_TARGET_MS = 200.0
VIEW_QUERY = "Maria"
JOURNAL_TAG = "interview"  # about one entry in six

# One section's measurement: its figures, and a step run once per round with the
# notebook open (told whether this round's timings are kept).
Section = tuple[str, list[Figure], Callable[[bool], None]]


def _settle(application: Any) -> None:
    application.processEvents()


def _close_page(page: Any, application: Any) -> None:
    page.close()
    page.deleteLater()
    application.processEvents()


def _timed(application: Any, action: Callable[[], object], *, settle: bool = True) -> float:
    """Seconds `action` takes, with the events it caused processed (unless `settle` is
    false: a service call alone, which causes none)."""
    start = time.perf_counter()
    action()
    if settle:
        _settle(application)
    return time.perf_counter() - start


@contextmanager
def _page_shown(
    application: Any, make: Callable[[], Any], size: tuple[int, int] | None = (1200, 800)
) -> Iterator[tuple[Any, float, float]]:
    """A page made and shown (opening its section the first time), then shown again (as
    switching back to it does): the page and both times; closed afterwards."""
    start = time.perf_counter()
    page = make()
    try:
        if size is not None:
            page.resize(*size)
        page.show()
        _settle(application)
        built = time.perf_counter() - start
        yield page, built, _timed(application, page.on_shown)
    finally:
        _close_page(page, application)


def today_section(application: Any, now: datetime) -> Section:
    from PySide6.QtGui import QUndoStack

    from pathfinder.services.today import today_view
    from pathfinder.views.today.page import TodayPage

    undo_stack = QUndoStack()
    read = Figure(
        "Today: its lists read", "today_view(today) alone", target=TODAY_TARGET_MS, issue="h"
    )
    shown = Figure(
        "Today section: build + first load",
        "TodayPage(...) shown offscreen, events processed",
        target=TODAY_TARGET_MS,
        issue="h",
    )
    reopened = Figure(
        "Today section: open again",
        "TodayPage.on_shown(), as switching to the section does, events processed",
        target=TODAY_TARGET_MS,
    )

    def step(keep: bool) -> None:
        gc.collect()
        alone = _timed(application, lambda: today_view(now.date()), settle=False)
        with _page_shown(
            application, lambda: TodayPage(undo_stack, lambda: now, lambda _message: None)
        ) as (_page, built, again):
            pass
        if keep:
            read.samples.append(alone)
            shown.samples.append(built)
            reopened.samples.append(again)

    return "Today section", [read, shown, reopened], step


def people_section(application: Any, now: datetime) -> Section:
    from PySide6.QtGui import QUndoStack

    from pathfinder.views.people.page import PeoplePage

    undo_stack = QUndoStack()
    shown = Figure(
        "People section: build + first load",
        "PeoplePage(...) shown offscreen, events processed (opening it the first time)",
        target=SECTION_TARGET_MS,
        issue="d",
    )
    reopened = Figure(
        "People section: open again",
        "PeoplePage.on_shown(), as switching back to it does, events processed",
        target=SECTION_TARGET_MS,
        issue="d",
    )
    filtered = Figure(
        f"People section: filter {VIEW_QUERY!r}",
        "PeoplePage.apply_filter_text, events processed",
        target=SECTION_TARGET_MS,
        issue="d",
    )

    def step(keep: bool) -> None:
        gc.collect()
        with _page_shown(
            application, lambda: PeoplePage(undo_stack, lambda: now, lambda _message: None)
        ) as (page, built, again):
            narrowed = _timed(application, lambda: page.apply_filter_text(VIEW_QUERY))
            filtered.rows = len(page.model.ids)
            page.apply_filter_text("")
            _settle(application)
            shown.rows = reopened.rows = len(page.model.ids)
        if keep:
            shown.samples.append(built)
            reopened.samples.append(again)
            filtered.samples.append(narrowed)

    return "People section", [shown, reopened, filtered], step


def journal_section(application: Any, now: datetime) -> Section:
    from PySide6.QtGui import QUndoStack

    from pathfinder.services.journal import JournalFilter
    from pathfinder.views.journal.list_model import JournalListModel
    from pathfinder.views.journal.page import JournalPage

    undo_stack = QUndoStack()
    shown = Figure(
        "Journal section: build + first load",
        "JournalPage(...) shown offscreen, events processed (opens at once)",
        target=SECTION_TARGET_MS,
    )
    reopened = Figure(
        "Journal section: open again",
        "JournalPage.on_shown(), as switching to the section does, events processed",
        target=SECTION_TARGET_MS,
    )
    listed = Figure(
        "Journal list: load all",
        "JournalListModel.load(JournalFilter()) alone",
        target=SECTION_TARGET_MS,
    )
    tagged = Figure(
        f"Journal list: load tag {JOURNAL_TAG!r}",
        "JournalListModel.load(JournalFilter(tag=...)) alone",
        target=SECTION_TARGET_MS,
    )
    model = JournalListModel(lambda: now)

    def step(keep: bool) -> None:
        gc.collect()
        with _page_shown(
            application,
            lambda: JournalPage(undo_stack, lambda: now, lambda _message: None),
            size=None,
        ) as (_page, built, again):
            pass
        all_seconds = _timed(application, lambda: model.load(JournalFilter()), settle=False)
        everything = len(model.entry_ids)
        tag_seconds = _timed(
            application, lambda: model.load(JournalFilter(tag=JOURNAL_TAG)), settle=False
        )
        if keep:
            shown.samples.append(built)
            reopened.samples.append(again)
            listed.samples.append(all_seconds)
            tagged.samples.append(tag_seconds)
            shown.rows = reopened.rows = listed.rows = everything
            tagged.rows = len(model.entry_ids)

    return "Journal section", [shown, reopened, listed, tagged], step


def qt_application() -> Any:
    """The offscreen QApplication of the bench process (Qt's messages that the offscreen
    platform gives for every window are dropped; the rest go to stderr)."""
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(_mode: Any, _context: Any, message: str) -> None:
        if message != "This plugin does not support propagateSizeHints()":
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    return QApplication.instance() or QApplication([])


def measure_sections(database: Path, rounds: int, notes: list[str]) -> list[Figure]:
    application = qt_application()
    now = datetime.combine(REFERENCE_DAY, clock_time(12))
    backups = database.parent / "backups"
    sections = []
    for make in (today_section, people_section, journal_section):
        try:
            sections.append(make(application, now))
        except Exception as error:  # a section that can't be built is reported, not fatal
            traceback.print_exc()
            notes.append(f"{make.__name__}: skipped ({type(error).__name__}: {error}).")
    speed = machine_figure("sections")
    for round_number in range(rounds + 1):  # round 0 warms up and is not kept
        if round_number:
            speed.samples.append(machine_speed())
        open_notebook(database, backups)
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
    measured = [figure for _name, figures, _step in sections for figure in figures]
    return [speed, *(figure for figure in measured if figure.samples)]
