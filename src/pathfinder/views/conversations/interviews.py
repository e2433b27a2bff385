"""Informational interviews, listed by stage beside the selected one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import conversations, people, questions, roles
from pathfinder.services.conversations import OUTCOME_LABELS, STAGE_LABELS, ConversationRecord
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.store.models import STAGES
from pathfinder.views.conversations.interview_detail import InterviewDetail
from pathfinder.views.formatting import relative_time, short_date
from pathfinder.views.people.dialogs import IntroductionForm
from pathfinder.views.widgets.empty_state import EmptyState
from pathfinder.views.widgets.record_form import CreateDialog
from pathfinder.views.widgets.record_table import Column, RecordTableModel
from pathfinder.views.widgets.selection import select_only_row
from pathfinder.views.widgets.tables import record_table
from pathfinder.views.widgets.undo import AlreadyDoneCommand

FIRST = (
    "An informational interview is 30 minutes with someone who does the job you are "
    "curious about. Finding out a role doesn't fit you counts as a success too."
)


def _met(record: ConversationRecord, now: datetime) -> str:
    if record.met_on is None:
        return ""
    return f"{short_date(record.met_on)} ({relative_time(record.met_on, now)})"


COLUMNS = [
    Column(
        "Stage",
        lambda c, n: (
            STAGE_LABELS[c.stage]
            + (" · thank-you overdue" if c.thank_you_overdue(n.date()) else "")
        ),
        lambda c: STAGES.index(c.stage),
    ),
    Column("Person", lambda c, _n: c.person_name),
    Column("Role explored", lambda c, _n: c.target_role),
    Column("Met", _met, lambda c: c.met_on.isoformat() if c.met_on else ""),
    Column("Outcome", lambda c, _n: OUTCOME_LABELS[c.outcome] if c.outcome else ""),
]


class OverdueAwareModel(RecordTableModel):
    """Bold rows for a thank-you that is overdue."""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            record = self.records[index.row()]
            if record.thank_you_overdue(self._clock().date()):
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


class NewConversationForm(IntroductionForm):
    """Who the conversation is with (someone here, or a new name) and the role it explores."""

    def __init__(self, today: Any, parent: QWidget | None = None) -> None:
        super().__init__(people.all_people_brief(), -1, today, parent)
        self.form.setRowVisible(1, False)  # the date row: a conversation has its own dates
        self.role = QComboBox()
        self.role.addItem("No particular role", None)
        for role in roles.list_roles():
            self.role.addItem(role.title, role.id)
        self.add_field("target_role_id", "&Role to explore", self.role)

    def values(self) -> dict[str, Any]:
        return {**super().values(), "target_role_id": self.role.currentData()}


class InterviewsView(QStackedWidget):
    draft_requested = Signal(int, object)
    reflection_requested = Signal(int)
    open_entry = Signal(int)

    def __init__(
        self,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self._clock = clock
        self._status = status
        self._filters: dict[int, int] = {}
        self.empty = EmptyState("why", FIRST, "&Start a conversation")
        self.empty.button.clicked.connect(lambda: self.new_conversation())
        self.addWidget(self.empty)
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(16, 12, 16, 8)
        row = QHBoxLayout()
        self.new_button = QPushButton("&Start a conversation…")
        self.new_button.clicked.connect(lambda: self.new_conversation())
        row.addWidget(self.new_button)
        self.role_filter = QComboBox()
        self.role_filter.setAccessibleName("Role explored")
        self.outcome_filter = QComboBox()
        self.outcome_filter.setAccessibleName("Outcome")
        self.outcome_filter.addItem("Any outcome", None)
        for key, label in OUTCOME_LABELS.items():
            self.outcome_filter.addItem(label, key)
        for combo in (self.role_filter, self.outcome_filter):
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._on_filter(c))
            row.addWidget(combo)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(self.delete_selected)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        outer.addLayout(row)
        splitter = QSplitter()
        splitter.setObjectName("conversations.interviews")
        splitter.setChildrenCollapsible(False)
        self.model = OverdueAwareModel(COLUMNS, clock, self)
        self.table = record_table(self.model, "Conversations by stage")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        splitter.addWidget(self.table)
        self.detail = InterviewDetail(clock, status)
        self.detail.setMinimumWidth(420)
        self.detail.changed.connect(self._after_save)
        self.detail.draft_requested.connect(self.draft_requested)
        self.detail.reflection_requested.connect(self.reflection_requested)
        self.detail.open_entry.connect(self.open_entry)
        splitter.addWidget(self.detail)
        splitter.setSizes([520, 560])
        outer.addWidget(splitter, 1)
        self.addWidget(content)
        self.loaded = False

    def _on_filter(self, combo: QComboBox) -> None:
        if not self.detail.flush():
            # Keep the conversation with the unsaved change on screen; the filter waits.
            combo.blockSignals(True)
            combo.setCurrentIndex(self._filters.get(id(combo), 0))
            combo.blockSignals(False)
            self._status("This conversation has a change that isn't saved yet: see the message.")
            return
        self._filters[id(combo)] = combo.currentIndex()
        self.reload()

    def _fill_roles(self) -> None:
        keep = self.role_filter.currentData()
        self.role_filter.blockSignals(True)
        self.role_filter.clear()
        self.role_filter.addItem("Any role", None)
        for role in roles.list_roles():
            self.role_filter.addItem(role.title, role.id)
        self.role_filter.setCurrentIndex(max(0, self.role_filter.findData(keep)))
        self.role_filter.blockSignals(False)

    def show_conversation(self, conversation_id: int) -> None:
        """Open one conversation, clearing the filters that could hide it."""
        for combo in (self.role_filter, self.outcome_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.reload(select_id=conversation_id)

    def reload(self, select_id: int | None = None) -> None:
        self.loaded = True
        saved = self.detail.flush()
        keep = (
            select_id
            if select_id is not None
            else (self.detail.record.id if self.detail.record else None)
        )
        self._fill_roles()
        records = conversations.list_conversations(
            self.role_filter.currentData(), self.outcome_filter.currentData()
        )
        records.sort(key=lambda c: (STAGES.index(c.stage), c.person_name.casefold()))
        self.model.set_records(records)
        any_at_all = bool(records) or bool(conversations.list_conversations())
        self.setCurrentIndex(1 if any_at_all else 0)
        self.delete_button.setEnabled(bool(records))
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and records:
            row = 0
        if row is not None:
            select_only_row(self.table, row)
            if saved:
                self.detail.show_conversation(self.model.records[row].id)
        else:
            self.detail.show_conversation(None)

    def _on_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.records[rows[0].row()] if rows else None
        if record is not None and self.detail.record and record.id == self.detail.record.id:
            return
        if not self.detail.flush():
            self._status("This conversation has a change that isn't saved yet.")
            return
        self.detail.show_conversation(record.id if record else None)

    def _after_save(self, conversation_id: int) -> None:
        record = conversations.get_conversation(conversation_id)
        if record is not None:
            self.model.replace_record(record)

    def new_conversation(self, person_id: int | None = None) -> None:
        """Start a conversation (with `person_id` already chosen when coming from People)."""
        if not self.detail.flush():
            return
        if person_id is not None:
            open_ones = [
                c
                for c in conversations.list_conversations(person_id=person_id)
                if c.stage != "closed"
            ]
            if open_ones:
                self._started(
                    open_ones[-1],
                    f"You already have a conversation going with "
                    f"{open_ones[-1].person_name}: here it is.",
                )
                return
            try:
                record = conversations.start_conversation(person_id, now=self._clock())
            except (ValidationError, StorageWriteError, RecordNotFound) as error:
                self._status(getattr(error, "message", str(error)).split("\n")[0])
                return
            self._started(record)
            return

        def create(
            who: str, existing_id: int | None, on: Any, ambiguous: bool, target_role_id: int | None
        ) -> ConversationRecord:
            if ambiguous:
                raise ValidationError(
                    "who", f"More than one person is called {who}; pick one from the list."
                )
            if existing_id is None:
                if not who:
                    raise ValidationError(
                        "who", "A conversation needs someone to talk to: pick or type a name."
                    )
                existing_id = people.add_person(who, now=self._clock()).id
            return conversations.start_conversation(existing_id, target_role_id, now=self._clock())

        dialog = CreateDialog(
            "Start a conversation",
            NewConversationForm(self._clock().date()),
            create,
            self,
            noun="conversation",
            save_text="&Start",
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self._started(dialog.created)

    def _started(self, record: ConversationRecord, message: str = "") -> None:
        for combo in (self.role_filter, self.outcome_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
            self._filters[id(combo)] = 0
        self.reload(select_id=record.id)
        self._status(message or f"Started a conversation with {record.person_name}.")

    def delete_selected(self) -> None:
        record = self.detail.record
        if record is None:
            return
        self.detail.flush()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Delete conversation",
            f"Delete the conversation with {record.person_name}?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
        asked = len(questions.questions_of(record.id))
        box.setInformativeText(
            f"Its {asked} question{'s' if asked != 1 else ''} and answers and its notes go "
            f"with it; {record.person_name} and their timeline stay as they are. "
            "You can undo this with Ctrl+Z."
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        held: dict[str, Any] = {}

        def delete_it() -> None:
            # Each delete keeps its own copy, so an undo brings back the latest state.
            held["snapshot"] = conversations.delete_conversation(record.id)

        try:
            delete_it()
        except (StorageWriteError, RecordNotFound) as error:
            self._status(getattr(error, "message", "It is gone already.").split("\n")[0])
            return
        self._undo_stack.push(
            AlreadyDoneCommand(
                f"Delete the conversation with {record.person_name}",
                self._undo_stack,
                delete_it,
                lambda: conversations.restore_conversation(held["snapshot"]),
                self.reload,
                self._status,
            )
        )
        self.reload()
        self._status("Conversation deleted. Undo with Ctrl+Z.")

    def flush(self) -> bool:
        return self.detail.flush()
