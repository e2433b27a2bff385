"""A list of lines read the first time anything looks at them.

The person's timeline and roles sit on tabs behind their details. A list view
on a hidden tab doesn't ask its model for anything, so lines handed over as a
way to read them (`set_lines_later`) are read only when the tab is shown or
code reads them: showing a person skips those queries while the Details tab is
in front (about 4 ms of opening People, and of every change of person).
Whoever looks gets the lines as they are at that moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pathfinder.views.widgets.lines_model import LinesModel

Line = tuple[str, str, Any]


class LaterLinesModel(LinesModel):
    def __init__(self, parent: Any = None) -> None:
        self._read: Callable[[], list[Line]] | None = None
        self._lines: list[Line] = []
        super().__init__(parent)

    @property  # type: ignore[override]
    def lines(self) -> list[Line]:
        if self._read is not None:
            read, self._read = self._read, None
            self._lines = read()
        return self._lines

    @lines.setter
    def lines(self, lines: list[Line]) -> None:
        self._read = None
        self._lines = lines

    def set_lines_later(self, read: Callable[[], list[Line]]) -> None:
        """Show the lines `read` returns, calling it when the lines are first needed."""
        self.beginResetModel()
        self._lines = []
        self._read = read
        self.endResetModel()

    @property
    def waiting(self) -> bool:
        """True while the lines have not been read yet."""
        return self._read is not None
