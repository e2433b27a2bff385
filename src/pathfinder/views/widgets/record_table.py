"""A table model over a list of records, with one display and one sort value per column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    header: str
    display: Callable[[Any, datetime], str]
    sort_key: Callable[[Any], Any] | None = None


class RecordTableModel(QAbstractTableModel):
    def __init__(
        self, columns: Sequence[Column], clock: Callable[[], datetime], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._clock = clock
        self.records: list[Any] = []

    def set_records(self, records: list[Any]) -> None:
        self.beginResetModel()
        self.records = records
        self.endResetModel()

    def replace_record(self, record: Any) -> None:
        row = self.row_of(record.id)
        if row is None:
            return
        self.records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def row_of(self, record_id: int) -> int | None:
        for row, record in enumerate(self.records):
            if record.id == record_id:
                return row
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.display(record, self._clock())
        if role == SORT_ROLE:
            if column.sort_key is not None:
                return column.sort_key(record)
            return column.display(record, self._clock()).casefold()
        return None
