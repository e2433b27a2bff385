"""The People table's model: the ids in order, and the rows on screen fetched as needed.

A QSortFilterProxyModel would call back into Python for every comparison and
every row, which at 30,000 people takes seconds. Here the filter is SQL, the
sort is one Python sort of (id, key) pairs, and a person's full row is read
only when the table shows it, a page at a time. That keeps opening the section
and filtering it within tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from pathfinder.services.contact_fields import LEVEL_LABELS, SOURCE_LABELS
from pathfinder.services.people_table import (
    PeopleFilter,
    PeopleRow,
    people_ids,
    people_row,
    people_rows_by_id,
)
from pathfinder.views.formatting import relative_time

ModelIndex = QModelIndex | QPersistentModelIndex


def _last_contact(row: PeopleRow, now: datetime) -> str:
    if row.last_contact_on is None:
        return "never"
    return relative_time(date.fromisoformat(str(row.last_contact_on)), now)


def _source_label(value: str) -> str:
    return SOURCE_LABELS.get(value, value)


# (header, display, sort key in people_ids, label for sorting)
COLUMNS: list[
    tuple[str, Callable[[PeopleRow, datetime], str], str, Callable[[str], str] | None]
] = [
    ("Name", lambda r, _n: r.name, "name", None),
    ("Organisation", lambda r, _n: r.organisation, "organisation", None),
    ("Role", lambda r, _n: r.title, "title", None),
    ("Level", lambda r, _n: LEVEL_LABELS[r.level], "level", None),
    ("How you know them", lambda r, _n: _source_label(r.source), "source", _source_label),
    ("Last contact", _last_contact, "last_contact", None),
    ("Tags", lambda r, _n: r.tags, "tags", None),
]
PAGE = 200
SCANS_BEFORE_POSITIONS = 8
NAME_COLUMN = 0
LAST_CONTACT_COLUMN = 5
_ITALIC = QFont()
_ITALIC.setItalic(True)
# The roles answered: the view asks for seven roles of every cell it paints, and most
# are answered with None after one look in a set.
_SHOWN_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole})
_COLD_ROLES = frozenset({Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole})
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)


class PeopleTableModel(QAbstractTableModel):
    def __init__(self, clock: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.ids: list[int] = []
        self._positions: dict[int, int] | None = {}  # None: not made for these ids yet
        self._scans = 0  # look-ups since the ids changed, answered without _positions
        self._cache: dict[int, PeopleRow] = {}
        self.filter = PeopleFilter()
        self._sort: tuple[int, Qt.SortOrder] = (NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self._loaded = False

    # -- loading -------------------------------------------------------------

    def load(self, wanted: PeopleFilter | None = None) -> None:
        if wanted is not None:
            self.filter = wanted
        ids = self._sorted_ids()
        self._loaded = True
        self.beginResetModel()
        self._set_ids(ids)
        self._cache.clear()
        self.endResetModel()

    def _sorted_ids(self) -> list[int]:
        column, order = self._sort
        _header, _display, key, label = COLUMNS[column]
        return people_ids(
            self.filter, self._clock().date(), key, order == Qt.SortOrder.DescendingOrder, label
        )

    def _set_ids(self, ids: list[int]) -> None:
        self.ids = ids
        # Where each person is, made when needed: for 30,000 people it takes a few ms
        # that opening the section (which selects the first row) doesn't need.
        self._positions = None
        self._scans = 0

    def _rows_by_person(self) -> dict[int, int]:
        if self._positions is None:
            self._positions = {person_id: row for row, person_id in enumerate(self.ids)}
        return self._positions

    def row_at(self, row: int) -> PeopleRow:
        """The person on a row, reading a page of rows around it when needed."""
        person_id = self.ids[row]
        found = self._cache.get(person_id)
        if found is None:
            start = max(0, row - PAGE // 4)
            wanted = [i for i in self.ids[start : start + PAGE] if i not in self._cache]
            if len(self._cache) > 20 * PAGE:
                self._cache.clear()
            self._cache.update(people_rows_by_id(wanted, self._clock().date()))
            found = self._cache[person_id]
        return found

    @property
    def rows(self) -> list[PeopleRow]:
        """Every row, in order (reads them all: for small lists and tests)."""
        return [self.row_at(row) for row in range(len(self.ids))]

    def refresh_person(self, person_id: int) -> None:
        """Show one person's new values, in place (the sort order waits for the next load)."""
        row = self.row_of(person_id)
        updated = people_row(person_id, self._clock().date())
        if row is None or updated is None:
            return
        self._cache[person_id] = updated
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, person_id: int) -> int | None:
        """The row a person is on, or None. The first few look-ups after a load search
        the ids (a quarter of a millisecond among 30,000, where making _positions takes
        ten times that: coming back to People looks up just the person shown)."""
        if self._positions is None and self._scans < SCANS_BEFORE_POSITIONS:
            self._scans += 1
            try:
                return self.ids.index(person_id)
            except ValueError:
                return None
        return self._rows_by_person().get(person_id)

    # -- Qt's model interface -------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in _SHOWN_ROLES:
            if not index.isValid():
                return None
            return COLUMNS[index.column()][1](self.row_at(index.row()), self._clock())
        if role not in _COLD_ROLES or index.column() != LAST_CONTACT_COLUMN:
            return None
        if not index.isValid() or not self.row_at(index.row()).going_cold:
            return None
        if role == _TOOLTIP_ROLE:
            return "Going cold: longer than the stay-in-touch rhythm you set."
        return _ITALIC

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._sort == (column, order) and self._loaded:
            return
        self._sort = (column, order)
        if not self._loaded:
            return  # the first load sorts
        ids = self._sorted_ids()
        self.layoutAboutToBeChanged.emit()
        # Selections hold persistent indexes: move them with their people.
        persistent = self.persistentIndexList()
        moving = [(self.ids[index.row()], index.column()) for index in persistent]
        self._set_ids(ids)
        positions = self._rows_by_person()
        self.changePersistentIndexList(
            persistent,
            [
                self.index(positions[person_id], column)
                if person_id in positions
                else QModelIndex()
                for person_id, column in moving
            ],
        )
        self.layoutChanged.emit()
