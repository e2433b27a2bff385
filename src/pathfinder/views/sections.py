"""The section pages in navigation order, each built the first time it is asked for, and
what the navigation shows of a section before its page exists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from pathfinder.views.compass.page import CompassPage
    from pathfinder.views.conversations.page import ConversationsPage
    from pathfinder.views.journal.page import JournalPage
    from pathfinder.views.map.page import MapPage
    from pathfinder.views.people.page import PeoplePage
    from pathfinder.views.report.page import ReportPage
    from pathfinder.views.today.page import TodayPage

    Section = (
        TodayPage
        | CompassPage
        | PeoplePage
        | ConversationsPage
        | JournalPage
        | MapPage
        | ReportPage
    )


@dataclass(frozen=True)
class SectionSpec:
    """What the navigation and the menus show of a section before its page exists (the
    page class says the same; `_build_section` checks it)."""

    key: str
    title: str
    icon: str


SECTIONS = (
    SectionSpec("today", "Today", "today"),
    SectionSpec("compass", "Compass", "compass"),
    SectionSpec("people", "People", "people"),
    SectionSpec("conversations", "Conversations", "why"),
    SectionSpec("journal", "Journal", "journal"),
    SectionSpec("map", "Map", "map"),
    SectionSpec("report", "Report", "report"),
)
TODAY, COMPASS, PEOPLE, CONVERSATIONS, JOURNAL, MAP, REPORT = range(len(SECTIONS))


class Sections(Sequence["Section"]):
    """The section pages in navigation order; each is built the first time it is asked for.

    Iterating builds every page (tests and --smoke want them all); `built()` gives only
    those that exist, which is all that saving, flushing and remembering need.
    """

    def __init__(self, build: Callable[[int], Section]) -> None:
        self._pages: list[Section | None] = [None] * len(SECTIONS)
        self._build = build

    def __len__(self) -> int:
        return len(self._pages)

    @overload
    def __getitem__(self, row: int) -> Section: ...

    @overload
    def __getitem__(self, row: slice) -> list[Section]: ...

    def __getitem__(self, row: int | slice) -> Section | list[Section]:
        if isinstance(row, slice):
            return [self[index] for index in range(*row.indices(len(self)))]
        row = range(len(self))[row]  # IndexError for a row out of range, as a list says
        page = self._pages[row]
        if page is None:
            page = self._pages[row] = self._build(row)
        return page

    def is_built(self, row: int) -> bool:
        return self._pages[row] is not None

    def built(self) -> list[Section]:
        return [page for page in self._pages if page is not None]

    def index(self, page: Any, start: int = 0, stop: int | None = None) -> int:
        """The row of a page (only a built page can be asked about, so nothing is built)."""
        for row, built in enumerate(self._pages[start:stop], start=start):
            if built is page:
                return row
        raise ValueError("not a section of this window")

    def __contains__(self, page: object) -> bool:
        return any(built is page for built in self._pages)
