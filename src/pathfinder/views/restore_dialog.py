"""File ▸ Restore from a backup: the backups, newest first, with what each holds; the
chosen one is confirmed before anything happens.

The dialog only chooses. Putting the copy in place is `store.restore`, run by the
window (or, at start, by `open_with_restore`) once the notebook is closed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from pathfinder.store.backups import Backup, Contents, contents, list_backups
from pathfinder.views.formatting import full_date_at_time, relative_time, short_date_time
from pathfinder.views.widgets.tables import record_table

ModelIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Made", "Why it was made", "People", "Journal entries", "Size")


class BackupListModel(QAbstractTableModel):
    def __init__(
        self, backups: list[tuple[Backup, Contents]], now: datetime, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.backups = backups
        self._now = now

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        backup, held = self.backups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{full_date_at_time(backup.made_at)}\n{backup.path.name}"
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        unreadable = "can't be read"
        return [
            f"{short_date_time(backup.made_at)} ({relative_time(backup.made_at, self._now)})",
            backup.reason_label,
            unreadable if held.people is None else f"{held.people:,}",
            "" if held.entries is None else f"{held.entries:,}",
            QLocale().formattedDataSize(held.size),
        ][column]


class RestoreDialog(QDialog):
    def __init__(self, backups_dir: Any, now: datetime, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.resize(760, 460)
        found = [(backup, contents(backup.path)) for backup in list_backups(backups_dir)]
        self.model = BackupListModel(found, now, self)
        layout = QVBoxLayout(self)
        words = QLabel(intro)
        words.setWordWrap(True)
        layout.addWidget(words)
        self.table = record_table(self.model, "Backups")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        if not found:
            self.table.hide()
            empty = QLabel(
                "There are no backups yet. Pathfinder makes one shortly after it starts and "
                "every half hour while you work; File ▸ Back up now makes one straight away."
            )
            empty.setWordWrap(True)
            layout.addWidget(empty, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            "&Restore this backup…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        if found:
            self.table.selectRow(0)
            self.table.setFocus()

    def _on_selection(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> tuple[Backup, Contents] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()


WINDOW_INTRO = (
    "Restoring puts your whole notebook back as it was when the backup was made. Your "
    "notebook as it is now is kept as a backup first (“Before a restore”), so you can "
    "change your mind by restoring that one."
)


def pick_backup(
    parent: QWidget | None, backups_dir: Any, now: datetime, intro: str
) -> Backup | None:
    """Show the backups; after a confirmation, the one to restore (None: cancelled)."""
    dialog = RestoreDialog(backups_dir, now, intro, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = dialog.chosen()
    if chosen is None:
        return None
    backup, held = chosen
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Restore this backup?",
        f"Put your notebook back as it was on {full_date_at_time(backup.made_at)}?",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    what = (
        f"It holds {held.people:,} people and {held.entries:,} journal entries. "
        if held.people is not None and held.entries is not None
        else ""
    )
    box.setInformativeText(
        what + "Anything added or changed since then will be in the “Before a restore” backup, "
        "not in the notebook."
    )
    restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return backup if box.clickedButton() is restore else None
