"""The Questions tab of an informational interview: the questions to ask, picked from the
bank or written, and the answer noted under each.

A mixin of InterviewDetail (which lays out the rest of the pane and saves its fields);
an answer saves itself after a pause, and at once when another question is picked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListView,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import questions
from pathfinder.services.conversations import ConversationRecord
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.widgets.autosave import Autosaver
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.lines_model import PAYLOAD_ROLE, LinesModel


class InterviewQuestions:
    """The Questions tab; mixed into InterviewDetail, which provides the record and the tabs."""

    record: ConversationRecord | None
    tabs: QTabWidget
    _status: Callable[[str], None]
    _answer_for: Any  # the asked question whose answer is on screen

    def _build_questions(self) -> QWidget:
        asked = QWidget()
        asked_layout = QVBoxLayout(asked)
        self.asked = LinesModel(self)
        self.asked_view = QListView()
        self.asked_view.setModel(self.asked)
        self.asked_view.setAccessibleName("Questions to ask")
        self.asked_view.setWordWrap(True)
        self.asked_view.setSpacing(2)
        self.asked_view.selectionModel().currentChanged.connect(self._show_answer)
        asked_layout.addWidget(self.asked_view, 2)
        self.answer = BoundedTextEdit(100_000)
        self.answer.setAccessibleName("Answer")
        self.answer.setPlaceholderText("Their answer, in your words (during or after the talk)")
        self._answer_saver = Autosaver(self._save_answer, self)
        self.answer.textChanged.connect(self._answer_saver.touch)
        asked_layout.addWidget(self.answer, 1)
        buttons = QHBoxLayout()
        self.from_bank_button = QPushButton("From the bank…")
        self.from_bank_button.clicked.connect(self.add_from_bank)
        self.write_button = QPushButton("Write one…")
        self.write_button.clicked.connect(self.write_question)
        self.remove_question_button = QPushButton("Remove")
        self.remove_question_button.clicked.connect(self.remove_question)
        for button in (self.from_bank_button, self.write_button, self.remove_question_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        asked_layout.addLayout(buttons)
        return asked

    # -- showing ---------------------------------------------------------------

    def _show_questions(self) -> None:
        assert self.record is not None
        self.asked.set_lines(
            [
                (q.text + ("\n    ✓ answered" if q.answer else ""), "", q)
                for q in questions.questions_of(self.record.id)
            ]
            or [("No questions yet: pick a few from the bank, or write your own.", "", None)]
        )
        self._answer_saver.flush()
        self._answer_for = None
        self.answer.blockSignals(True)
        self.answer.clear()
        self.answer.setEnabled(False)
        self.answer.blockSignals(False)
        self.remove_question_button.setEnabled(False)

    def _current_question(self) -> Any:
        index = self.asked_view.currentIndex()
        return self.asked.data(index, PAYLOAD_ROLE) if index.isValid() else None

    def _show_answer(self) -> None:
        self._answer_saver.flush()  # saves to the question shown until now
        asked = self._current_question()
        self._answer_for = asked
        fresh = questions.get_asked(asked.id) if asked is not None else None
        self.answer.blockSignals(True)
        self.answer.setPlainText(fresh.answer if fresh else "")
        self.answer.blockSignals(False)
        self.answer.setEnabled(asked is not None)
        self.remove_question_button.setEnabled(asked is not None)

    # -- saving ----------------------------------------------------------------

    def _save_answer(self) -> bool:
        asked = self._answer_for
        if asked is None:
            return True
        try:
            questions.answer(asked.id, self.answer.toPlainText())
        except (ValidationError, StorageWriteError) as error:
            self._status(error.message.split("\n")[0])
            return False
        except RecordNotFound:
            return True
        self._mark_answered(asked.id, bool(self.answer.toPlainText().strip()))
        return True

    def _mark_answered(self, asked_id: int, answered: bool) -> None:
        for row, (_text, _tip, payload) in enumerate(self.asked.lines):
            if payload is not None and payload.id == asked_id:
                line = payload.text + ("\n    ✓ answered" if answered else "")
                self.asked.lines[row] = (line, "", payload)
                index = self.asked.index(row)
                self.asked.dataChanged.emit(index, index)

    # -- actions ---------------------------------------------------------------

    def add_from_bank(self) -> None:
        if self.record is None:
            return
        bank = questions.question_bank()
        labels = [f"{q.category_label}: {q.text}" for q in bank]
        picked, ok = QInputDialog.getItem(
            self, "Add a question", "From the bank:", labels, 0, False
        )
        if ok and picked in labels:
            self._ask(question_id=bank[labels.index(picked)].id)

    def write_question(self) -> None:
        if self.record is None:
            return
        text, ok = QInputDialog.getText(self, "Write a question", "Your question:")
        if ok and text.strip():
            self._ask(text=text)

    def _ask(self, **what: Any) -> None:
        assert self.record is not None
        try:
            questions.ask(self.record.id, **what)
        except (ValidationError, StorageWriteError) as error:
            self._status(error.message.split("\n")[0])
            return
        self._show_questions()
        self.tabs.setCurrentIndex(1)

    def remove_question(self) -> None:
        asked = self._current_question()
        if asked is None:
            return
        self._answer_saver.flush()
        fresh = questions.get_asked(asked.id)
        if fresh is not None and fresh.answer.strip():
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "Remove question",
                "Remove this question and the answer you noted?",
                QMessageBox.StandardButton.Cancel,
                self,
            )
            remove = box.addButton("&Remove", QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is not remove:
                return
        self._answer_for = None
        questions.unask(asked.id)
        self._show_questions()
