"""The journal list: entries newest first under a heading per month, read lazily.

Only (id, month) pairs are loaded for the whole list; an entry's heading and
preview are read a page at a time, when the view first shows that row, so
20,000 entries open as quickly as twenty.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from pathfinder.services.journal import EntryBrief, JournalFilter, entry_briefs, entry_ids
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
    def __init__(self, clock: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.filter = JournalFilter()
        # Each row is ("month", "YYYY-MM", count) or ("entry", id, month).
        self.rows: list[tuple[str, Any, Any]] = []
        self.entry_ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, EntryBrief] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def load(self, wanted: JournalFilter | None = None) -> None:
        if wanted is not None:
            self.filter = wanted
        pairs = entry_ids(self.filter)
        counts: dict[str, int] = {}
        for _entry_id, month in pairs:
            counts[month] = counts.get(month, 0) + 1
        rows: list[tuple[str, Any, Any]] = []
        current = None
        for entry_id, month in pairs:
            if month != current:
                rows.append(("month", month, counts[month]))
                current = month
            rows.append(("entry", entry_id, month))
        self.beginResetModel()
        self.rows = rows
        self.entry_ids = [entry_id for entry_id, _month in pairs]
        self._row_of = {value: row for row, (kind, value, _x) in enumerate(rows) if kind == "entry"}
        self._cache = {}
        self.endResetModel()

    def forget(self, entry_id: int) -> None:
        """An entry changed: read it again next time it is shown."""
        self._cache.pop(entry_id, None)
        row = self._row_of.get(entry_id)
        if row is not None:
            self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, entry_id: int) -> int | None:
        return self._row_of.get(entry_id)

    def entry_at(self, row: int) -> int | None:
        if 0 <= row < len(self.rows) and self.rows[row][0] == "entry":
            return int(self.rows[row][1])
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if index.isValid() and self.rows[index.row()][0] == "month":
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def _brief(self, row: int) -> EntryBrief | None:
        entry_id = self.rows[row][1]
        brief = self._cache.get(entry_id)
        if brief is None:
            start = max(0, row - PAGE // 4)
            wanted = [
                value
                for kind, value, _m in self.rows[start : start + PAGE]
                if kind == "entry" and value not in self._cache
            ]
            self._cache.update(entry_briefs(wanted))
            brief = self._cache.get(entry_id)
        return brief

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, value, extra = self.rows[index.row()]
        if kind == "month":
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return month_label(value, extra)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == IS_MONTH_ROLE:
                return True
            return None
        if role == ENTRY_ID_ROLE:
            return value
        if role == IS_MONTH_ROLE:
            return False
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        brief = self._brief(index.row())
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
