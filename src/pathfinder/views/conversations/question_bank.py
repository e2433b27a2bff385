"""The question bank: good questions by category, how often each was asked, and your own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import questions
from pathfinder.services.conversation_texts import QUESTION_CATEGORIES
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.widgets.field_message import FieldMessage
from pathfinder.views.widgets.record_table import Column, RecordTableModel
from pathfinder.views.widgets.tables import record_table

COLUMNS = [
    Column(
        "Category",
        lambda q, _n: q.category_label,
        lambda q: (
            list(QUESTION_CATEGORIES).index(q.category) if q.category in QUESTION_CATEGORIES else 99
        ),
    ),
    Column("Question", lambda q, _n: q.text + (" (retired)" if q.retired else "")),
    Column("Asked", lambda q, _n: str(q.times_used), lambda q: q.times_used),
]


class QuestionBankView(QWidget):
    def __init__(
        self,
        clock: Callable[[], object],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._status = status
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        row = QHBoxLayout()
        self.add_button = QPushButton("&New question…")
        self.edit_button = QPushButton("Edit…")
        self.retire_button = QPushButton("Retire")
        for button in (self.add_button, self.edit_button, self.retire_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = RecordTableModel(COLUMNS, clock, self)  # type: ignore[arg-type]
        self.table = record_table(self.model, "Question bank", wrap=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.problem = FieldMessage()
        layout.addWidget(self.problem)
        self.add_button.clicked.connect(self.add_question)
        self.edit_button.clicked.connect(self.edit_question)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.loaded = False

    def reload(self) -> None:
        self.loaded = True
        self.model.set_records(questions.question_bank(include_retired=True))
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _selected(self) -> questions.BankQuestion | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.records[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self._selected()
        self.edit_button.setEnabled(chosen is not None)
        self.retire_button.setEnabled(chosen is not None)
        self.retire_button.setText("Bring back" if chosen and chosen.retired else "Retire")

    def _ask(self, title: str, category: str = "path", text: str = "") -> tuple[str, str] | None:
        labels = list(QUESTION_CATEGORIES.values())
        chosen, ok = QInputDialog.getItem(
            self, title, "Category:", labels, list(QUESTION_CATEGORIES).index(category), False
        )
        if not ok:
            return None
        question, ok = QInputDialog.getText(self, title, "Question:", text=text)
        if not ok:
            return None
        return list(QUESTION_CATEGORIES)[labels.index(chosen)], question

    def _run(self, action: Callable[[], object]) -> bool:
        self.problem.clear()
        try:
            action()
        except (ValidationError, StorageWriteError) as error:
            self.problem.show_message(error.message)
            return False
        return True

    def add_question(self) -> None:
        answer = self._ask("New question")
        if answer and self._run(lambda: questions.add_question(*answer)):
            self.reload()
            self._status("Question added to the bank.")

    def edit_question(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        answer = self._ask("Edit question", chosen.category, chosen.text)
        if answer and self._run(lambda: questions.edit_question(chosen.id, *answer)):
            self.reload()

    def toggle_retired(self) -> None:
        chosen = self._selected()
        if chosen is not None and self._run(
            lambda: questions.retire_question(chosen.id, not chosen.retired)
        ):
            self.reload()
