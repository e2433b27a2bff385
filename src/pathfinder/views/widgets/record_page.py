"""A list of records beside the selected one's details, for simple record kinds.

The details save themselves a second after typing pauses, and at once when the
selection moves or the window closes. Deleting goes through the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.widgets.autosave import Autosaver
from pathfinder.views.widgets.empty_state import EmptyState
from pathfinder.views.widgets.field_message import FieldMessage
from pathfinder.views.widgets.record_form import CreateDialog, RecordForm
from pathfinder.views.widgets.record_table import SORT_ROLE, Column, RecordTableModel
from pathfinder.views.widgets.selection import select_only_row
from pathfinder.views.widgets.tables import record_table


@dataclass(frozen=True)
class RecordKind:
    """What a page needs to know about one kind of record."""

    noun: str  # "role"
    key: str  # splitter and object names: "compass.roles"
    columns: list[Column]
    empty_icon: str
    empty_sentence: str
    load: Callable[[], list[Any]]
    create: Callable[..., Any]
    update: Callable[..., Any]
    delete: Callable[[int], dict[str, Any]]
    restore: Callable[[dict[str, Any]], None]
    make_form: Callable[[], RecordForm]


class DeleteRecordCommand(QUndoCommand):
    """A delete already done; undo puts the record back, redo deletes it again.

    If the disk refuses either step, the record stays as it is and the command
    stays where it was on the stack, so the same step can be tried again.
    """

    def __init__(
        self, page: RecordListPage, stack: QUndoStack, record: Any, snapshot: dict[str, Any]
    ) -> None:
        super().__init__(f"Delete {page.kind.noun} “{record.title}”")
        self._page = page
        self._stack = stack
        self._record_id = record.id
        self._title = record.title
        self._snapshot = snapshot
        self._done = True  # pushing calls redo(); the delete has happened already

    def redo(self) -> None:
        if self._done:
            return
        self._page.forget_pending(self._record_id)
        try:
            self._snapshot = self._page.kind.delete(self._record_id)
        except (StorageWriteError, RecordNotFound) as error:
            # Still there: step the stack back so Redo can be tried again.
            QTimer.singleShot(0, self._stack.undo)
            self._page.reload()
            self._page.report_problem(_could_not("delete", self._title, error))
            return
        self._done = True
        self._page.reload()

    def undo(self) -> None:
        if not self._done:
            return
        try:
            self._page.kind.restore(self._snapshot)
        except StorageWriteError as error:
            # Still deleted: step the stack forward again so Undo can be tried again.
            QTimer.singleShot(0, self._stack.redo)
            self._page.reload()
            self._page.report_problem(_could_not("bring back", self._title, error))
            return
        self._done = False
        self._page.reload(select_id=self._record_id)


def _could_not(what: str, title: str, error: Exception) -> str:
    reason = getattr(error, "message", str(error)).split("\n")[0]
    return (
        f"Pathfinder couldn't {what} “{title}”. {reason} "
        "Nothing changed; try again once it's fixed."
    )


class RecordListPage(QStackedWidget):
    def __init__(
        self,
        kind: RecordKind,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._undo_stack = undo_stack
        self._clock = clock
        self._status = status
        self._shown_id: int | None = None
        self._holding_selection = False
        self._autosaver = Autosaver(self._save_detail, self)

        noun = kind.noun
        self.empty = EmptyState(kind.empty_icon, kind.empty_sentence, f"&Add a {noun}")
        self.empty.button.clicked.connect(self.add_record)
        self.addWidget(self.empty)

        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(16, 16, 16, 16)
        outer.setSpacing(8)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(f"&Add {noun}…")
        self.add_button.setToolTip(f"Add a {noun} (Ctrl+N)")
        self.add_button.clicked.connect(self.add_record)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setToolTip(f"Delete the selected {noun} (Delete); you can undo it")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        splitter = QSplitter()
        splitter.setObjectName(kind.key)
        splitter.setChildrenCollapsible(False)
        self.model = RecordTableModel(kind.columns, clock, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = record_table(self.proxy, f"{noun.capitalize()}s")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        splitter.addWidget(self.table)

        self.form = kind.make_form()
        self.form.changed.connect(self._autosaver.touch)
        self.save_problem = FieldMessage()
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(12, 0, 0, 0)
        detail_layout.addWidget(self.form)
        detail_layout.addWidget(self.save_problem)
        detail_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(detail)
        scroll.setAccessibleName(f"{noun.capitalize()} details")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take focus
        scroll.setMinimumWidth(360)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([580, 400])
        outer.addWidget(splitter, 1)
        self.addWidget(content)

        delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.activated.connect(self.delete_selected)
        self.reload()

    # -- the list ------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        self._autosaver.flush()
        keep = select_id if select_id is not None else self._shown_id
        self.model.set_records(self.kind.load())
        has_records = bool(self.model.records)
        self.setCurrentIndex(1 if has_records else 0)
        if not has_records:
            self._show(None)
            return
        row = self.model.row_of(keep) if keep is not None else None
        self.select_row(row if row is not None else 0)

    def select_row(self, source_row: int) -> None:
        proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        select_only_row(self.table, proxy_index.row())

    def selected_record(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.records[self.proxy.mapToSource(rows[0]).row()]

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._holding_selection:
            return
        if not self._autosaver.flush():
            self._hold_selection()
            return
        self._show(self.selected_record())

    def _hold_selection(self) -> None:
        """Keep the record with an unsaved change selected, so the change is not thrown away."""
        row = self.model.row_of(self._shown_id) if self._shown_id is not None else None
        if row is None:
            # The record itself is gone (deleted by Redo, say): nothing left to save it to.
            self._autosaver.cancel()
            self._show(self.selected_record())
            return
        self._holding_selection = True
        try:
            self.select_row(row)
        finally:
            self._holding_selection = False
        self._status(
            f"This {self.kind.noun} has a change that isn't saved yet: see the message beside it."
        )

    def _show(self, record: Any) -> None:
        self._shown_id = record.id if record is not None else None
        self.save_problem.clear()
        self.form.setEnabled(record is not None)
        self.delete_button.setEnabled(record is not None)
        if record is not None:
            self.form.load(record)

    # -- saving, adding, deleting --------------------------------------------

    def flush(self) -> bool:
        """Save what was typed; False if a change could not be saved (it stays on screen)."""
        return self._autosaver.flush()

    def forget_pending(self, record_id: int) -> None:
        """Drop an unsaved change to a record that is about to be deleted."""
        if self._shown_id == record_id:
            self._autosaver.cancel()

    def report_problem(self, message: str) -> None:
        """Show a problem beside the form, or in the status bar when no form is showing."""
        self.save_problem.show_message(message)
        if self.currentIndex() == 1:
            self._status("Not saved: see the message beside the form.")
        else:
            self._status(message)

    def _save_detail(self) -> bool:
        if self._shown_id is None:
            return True
        self.form.clear_errors()
        self.save_problem.clear()
        try:
            record = self.kind.update(self._shown_id, now=self._clock(), **self.form.values())
        except ValidationError as error:
            self.form.show_error(error)
            return False
        except StorageWriteError as error:
            self.report_problem(error.message)
            return False
        except RecordNotFound:
            self._autosaver.cancel()
            self.reload()
            return True
        self.model.replace_record(record)
        self._status("Saved")
        return True

    def add_record(self) -> None:
        if not self.flush():
            self._hold_selection()
            return
        noun = self.kind.noun
        dialog = CreateDialog(
            f"Add a {noun}",
            self.kind.make_form(),
            lambda **values: self.kind.create(now=self._clock(), **values),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self.reload(select_id=dialog.created.id)
            self._status(f"Added {noun} “{dialog.created.title}”")
            self.form.focus_first_field()

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        # Save the last typing first, so Undo brings the record back as it was on screen.
        self.flush()
        try:
            snapshot = self.kind.delete(record.id)
        except StorageWriteError as error:
            self.report_problem(error.message)
            return
        except RecordNotFound:
            self._autosaver.cancel()
            self.reload()
            return
        self._autosaver.cancel()  # a change that could not be saved goes with the record
        self._undo_stack.push(DeleteRecordCommand(self, self._undo_stack, record, snapshot))
        self.reload()
        self._status(f"Deleted {self.kind.noun} “{record.title}”. Undo with Ctrl+Z.")
