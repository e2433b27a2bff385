"""The journal list: entries newest first under a heading per month, read lazily.

Only the entries' ids and each month's count are loaded for the whole list; an
entry's heading and preview are read a page at a time, when the view first shows
that row, so 20,000 entries open nearly as quickly as twenty.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from pathfinder.services.journal import JournalFilter
from pathfinder.services.journal_browse import EntryBrief, entry_briefs, entry_index
from pathfinder.views.formatting import relative_time, short_date_time

ModelIndex = QModelIndex | QPersistentModelIndex
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_MONTH_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE = 100


def month_label(month: str, count: int) -> str:
    year, number = (int(part) for part in month.split("-"))
    name = f"{QLocale().standaloneMonthName(number)} {year}"
    return f"{name} · {count} entr{'y' if count == 1 else 'ies'}"


class JournalListModel(QAbstractListModel):
    """Rows are month headings and entries. Only the ids (newest first) and each month's
    count are held; where a row falls is worked out by bisection, so nothing is built per
    row when 20,000 entries load."""

    def __init__(self, clock: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.filter = JournalFilter()
        self.entry_ids: list[int] = []
        self._months: list[tuple[str, int]] = []
        self._heading_rows: list[int] = []  # the row of each month's heading
        self._first_entry: list[int] = []  # index in entry_ids of each month's first entry
        self._index_of: dict[int, int] | None = None  # entry id -> index, made when asked
        self._cache: dict[int, EntryBrief] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def load(self, wanted: JournalFilter | None = None) -> None:
        if wanted is not None:
            self.filter = wanted
        ids, months = entry_index(self.filter)
        heading_rows, first_entry = [], []
        seen = 0
        for number, (_month, count) in enumerate(months):
            heading_rows.append(seen + number)
            first_entry.append(seen)
            seen += count
        self.beginResetModel()
        self.entry_ids = ids
        self._months = months
        self._heading_rows = heading_rows
        self._first_entry = first_entry
        self._index_of = None
        self._cache = {}
        self.endResetModel()

    def _locate(self, row: int) -> tuple[int, int | None]:
        """(month number, index in entry_ids, or None when the row is the month's heading)."""
        month = bisect_right(self._heading_rows, row) - 1
        if self._heading_rows[month] == row:
            return month, None
        return month, row - month - 1

    def forget(self, entry_id: int) -> None:
        """An entry changed: read it again next time it is shown."""
        self._cache.pop(entry_id, None)
        row = self.row_of(entry_id)
        if row is not None:
            self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, entry_id: int) -> int | None:
        if self._index_of is None:
            self._index_of = dict(zip(self.entry_ids, range(len(self.entry_ids)), strict=True))
        index = self._index_of.get(entry_id)
        if index is None:
            return None
        month = bisect_right(self._first_entry, index) - 1
        return index + month + 1

    def entry_at(self, row: int) -> int | None:
        if not 0 <= row < self.rowCount():
            return None
        _month, index = self._locate(row)
        return None if index is None else self.entry_ids[index]

    def is_empty(self) -> bool:
        return not self.entry_ids

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entry_ids) + len(self._months)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if index.isValid() and self._locate(index.row())[1] is None:
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def _brief(self, index: int) -> EntryBrief | None:
        entry_id = self.entry_ids[index]
        brief = self._cache.get(entry_id)
        if brief is None:
            start = max(0, index - PAGE // 4)
            wanted = [
                value for value in self.entry_ids[start : start + PAGE] if value not in self._cache
            ]
            self._cache.update(entry_briefs(wanted))
            brief = self._cache.get(entry_id)
        return brief

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        month, entry_index_ = self._locate(index.row())
        if entry_index_ is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return month_label(*self._months[month])
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == IS_MONTH_ROLE:
                return True
            return None
        if role == ENTRY_ID_ROLE:
            return self.entry_ids[entry_index_]
        if role == IS_MONTH_ROLE:
            return False
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        brief = self._brief(entry_index_)
        if brief is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return short_date_time(brief.written_at)
        when = relative_time(brief.written_at, self._clock())
        marks = [when]
        if brief.mood is not None:
            marks.append(f"mood {brief.mood}/5")
        if brief.shared:
            marks.append("for your mentor")
        second = " · ".join(marks)
        if brief.preview:
            second += f" — {brief.preview[:90]}"
        return f"{brief.heading}\n{second}"
