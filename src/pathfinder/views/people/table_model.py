"""The People table's model: plain rows from one query, sorted and shown here.

A QSortFilterProxyModel would call back into Python for every comparison and
every row, which at 30,000 people takes seconds; filtering happens in the query
and sorting is one Python sort of the row list, so both stay in milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from pathfinder.services.people import LEVEL_LABELS, SOURCE_LABELS
from pathfinder.services.people_table import PeopleFilter, PeopleRow, people_row, people_rows
from pathfinder.views.formatting import relative_time

ModelIndex = QModelIndex | QPersistentModelIndex


def _last_contact(row: PeopleRow, now: datetime) -> str:
    if row.last_contact_on is None:
        return "never"
    return relative_time(date.fromisoformat(str(row.last_contact_on)), now)


# (header, display, sort key)
COLUMNS: list[tuple[str, Callable[[PeopleRow, datetime], str], Callable[[PeopleRow], Any]]] = [
    ("Name", lambda r, _n: r.name, lambda r: r.name.casefold()),
    ("Organisation", lambda r, _n: r.organisation, lambda r: r.organisation.casefold()),
    ("Role", lambda r, _n: r.title, lambda r: r.title.casefold()),
    ("Level", lambda r, _n: LEVEL_LABELS[r.level], lambda r: r.level),
    (
        "How you know them",
        lambda r, _n: SOURCE_LABELS.get(r.source, r.source),
        lambda r: SOURCE_LABELS.get(r.source, r.source),
    ),
    ("Last contact", _last_contact, lambda r: str(r.last_contact_on or "")),
    ("Tags", lambda r, _n: r.tags, lambda r: r.tags.casefold()),
]
NAME_COLUMN = 0
_ITALIC = QFont()
_ITALIC.setItalic(True)


class PeopleTableModel(QAbstractTableModel):
    def __init__(self, clock: Callable[[], datetime], parent: Any = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.rows: list[PeopleRow] = []
        self.filter = PeopleFilter()
        self._sort: tuple[int, Qt.SortOrder] = (NAME_COLUMN, Qt.SortOrder.AscendingOrder)

    # -- loading -------------------------------------------------------------

    def load(self, wanted: PeopleFilter | None = None) -> None:
        if wanted is not None:
            self.filter = wanted
        rows = people_rows(self.filter, self._clock().date())
        self.beginResetModel()
        self.rows = self._sorted(rows)
        self.endResetModel()

    def refresh_person(self, person_id: int) -> None:
        """Show one person's new values, in place (the sort order waits for the next load)."""
        row = self.row_of(person_id)
        updated = people_row(person_id, self._clock().date())
        if row is None or updated is None:
            return
        self.rows[row] = updated
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, person_id: int) -> int | None:
        for row, person in enumerate(self.rows):
            if person.id == person_id:
                return row
        return None

    # -- Qt's model interface -------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[index.column()][1](person, self._clock())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5 and person.going_cold:
            return "Going cold: longer than the stay-in-touch rhythm you set."
        if role == Qt.ItemDataRole.FontRole and index.column() == 5 and person.going_cold:
            return _ITALIC
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        # Selections hold persistent indexes: move them with their people.
        persistent = self.persistentIndexList()
        ids = [self.rows[index.row()].id for index in persistent]
        self.rows = self._sorted(self.rows)
        new_rows = {person.id: row for row, person in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(new_rows[person_id], index.column())
                for person_id, index in zip(ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[PeopleRow]) -> list[PeopleRow]:
        column, order = self._sort
        key = COLUMNS[column][2]
        return sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
