"""One informational interview: its stage, dates, questions, notes, outcome and introductions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import conversations, journal_browse, people, roles
from pathfinder.services.conversations import (
    NOTES_LIMIT,
    STAGE_LABELS,
    ConversationRecord,
)
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.store.models import STAGES
from pathfinder.views.conversations.interview_form import InterviewForm
from pathfinder.views.conversations.interview_questions import InterviewQuestions
from pathfinder.views.formatting import full_date
from pathfinder.views.people.dialogs import IntroductionForm
from pathfinder.views.widgets.autosave import Autosaver
from pathfinder.views.widgets.field_message import FieldMessage
from pathfinder.views.widgets.headings import subheading
from pathfinder.views.widgets.lines_model import PAYLOAD_ROLE, LinesModel
from pathfinder.views.widgets.markdown_editor import MarkdownEditor
from pathfinder.views.widgets.record_form import CreateDialog


class InterviewDetail(InterviewQuestions, QWidget):
    changed = Signal(int)  # the conversation's id, after any save
    draft_requested = Signal(int, object)  # person id, target role id
    reflection_requested = Signal(int)  # write a journal entry about this conversation
    open_entry = Signal(int)  # a journal entry about it

    def __init__(
        self,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._status = status
        self.record: ConversationRecord | None = None
        self._saved: dict[str, Any] = {}
        self._autosaver = Autosaver(self._save, self)
        self._answer_for: Any = None  # the asked question whose answer is on screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        self.heading = subheading("")
        layout.addWidget(self.heading)
        stage_row = QHBoxLayout()
        stage_row.addWidget(QLabel("Stage:"))
        self.stage = QComboBox()
        self.stage.setAccessibleName("Stage")
        for key, text in STAGE_LABELS.items():
            self.stage.addItem(text, key)
        self.stage.activated.connect(lambda _i: self.move_to(self.stage.currentData()))
        stage_row.addWidget(self.stage)
        self.next_button = QPushButton("Next stage")
        self.next_button.clicked.connect(self.next_stage)
        stage_row.addWidget(self.next_button)
        self.draft_button = QPushButton("Draft a message…")
        self.draft_button.clicked.connect(self._ask_for_draft)
        stage_row.addWidget(self.draft_button)
        self.reflect_button = QPushButton("Write a reflection")
        self.reflect_button.setToolTip(
            "A journal entry about this conversation, with questions to think it over"
        )
        self.reflect_button.clicked.connect(
            lambda: (
                self.record is not None
                and self.flush()
                and self.reflection_requested.emit(self.record.id)
            )
        )
        stage_row.addWidget(self.reflect_button)
        stage_row.addStretch(1)
        layout.addLayout(stage_row)
        self.stage_hint = QLabel()
        self.stage_hint.setWordWrap(True)
        layout.addWidget(self.stage_hint)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("About this conversation")
        details = QWidget()
        details_layout = QVBoxLayout(details)
        self.form = InterviewForm()
        self.form.changed.connect(self._autosaver.touch)
        details_layout.addWidget(self.form)
        self.problem = FieldMessage()
        details_layout.addWidget(self.problem)
        details_layout.addStretch(1)
        self.tabs.addTab(details, "Details")

        self.tabs.addTab(self._build_questions(), "Questions")

        self.research = MarkdownEditor(NOTES_LIMIT, "Research notes")
        self.research.setPlaceholderText(
            "What you learned about them beforehand: their path, their work, what to ask "
            "that a website can't answer"
        )
        self.meeting = MarkdownEditor(NOTES_LIMIT, "Meeting notes")
        self.meeting.setPlaceholderText("What you heard, in Markdown")
        for editor in (self.research, self.meeting):
            editor.textChanged.connect(self._autosaver.touch)
        self.tabs.addTab(self.research, "Research")
        self.tabs.addTab(self.meeting, "Meeting")

        intros = QWidget()
        intros_layout = QVBoxLayout(intros)
        self.intros = LinesModel(self)
        intros_view = QListView()
        intros_view.setModel(self.intros)
        intros_view.setAccessibleName("People they introduced you to")
        intros_layout.addWidget(intros_view, 1)
        self.introduce_button = QPushButton("They introduced me to…")
        self.introduce_button.clicked.connect(self.add_introduction)
        intros_layout.addWidget(self.introduce_button)
        self.tabs.addTab(intros, "Introduced")

        # The journal entries about this conversation (the other end of their links).
        reflections = QWidget()
        reflections_layout = QVBoxLayout(reflections)
        self.reflections = LinesModel(self)
        self.reflections_view = QListView()
        self.reflections_view.setModel(self.reflections)
        self.reflections_view.setAccessibleName("Journal entries about this conversation")
        self.reflections_view.activated.connect(self._open_reflection)
        reflections_layout.addWidget(self.reflections_view, 1)
        self.tabs.addTab(reflections, "Journal")
        for index, full in enumerate(
            ("", "", "", "Meeting notes", "People they introduced you to", "Journal entries")
        ):
            if full:
                self.tabs.setTabToolTip(index, full)
        layout.addWidget(self.tabs, 1)
        self.show_conversation(None)

    # -- showing ---------------------------------------------------------------

    def show_conversation(self, conversation_id: int | None) -> None:
        self.record = (
            conversations.get_conversation(conversation_id) if conversation_id is not None else None
        )
        record = self.record
        self.setEnabled(record is not None)
        if record is None:
            self.heading.setText("")
            self.stage_hint.setText("Pick a conversation, or start one from a person.")
            return
        self.heading.setText(record.title)
        self.stage.setCurrentIndex(STAGES.index(record.stage))
        self.next_button.setEnabled(record.stage != STAGES[-1])
        self.stage_hint.setText(self._hint(record))
        self.form.fill_roles([(role.id, role.title) for role in roles.list_roles()])
        self.form.load(record)
        self._saved = self.form.values()
        for editor, text in (
            (self.research, record.research_notes),
            (self.meeting, record.meeting_notes),
        ):
            editor.blockSignals(True)
            editor.setPlainText(text)
            editor.blockSignals(False)
        self._show_questions()
        self.intros.set_lines(
            [
                (name, "", person_id)
                for person_id, name in conversations.introduced_through(record.id)
            ]
            or [("Nobody yet. Asking “who else should I talk to?” helps.", "", None)]
        )
        self.reflections.set_lines(
            [
                (f"{full_date(mention.written_at)} · {mention.heading}", "", mention.entry_id)
                for mention in journal_browse.entries_about_conversation(record.id)
            ]
            or [("Nothing written yet. “Write a reflection” starts an entry about it.", "", None)]
        )

    def _hint(self, record: ConversationRecord) -> str:
        today = self._clock().date()
        if record.thank_you_overdue(today):
            return "A thank-you is overdue: send one today, even a short one."
        if record.stage == "met":
            return "Send a thank-you within two days."
        if record.stage == "idea":
            return "Next: ask for 30 minutes (“Draft a message…” helps)."
        if record.stage == "scheduled":
            return "Prepare: research them and pick a few questions."
        return ""

    # -- saving ----------------------------------------------------------------

    def flush(self) -> bool:
        return self._autosaver.flush() and self._answer_saver.flush()

    def _save(self) -> bool:
        if self.record is None:
            return True
        values = {
            **self.form.values(),
            "research_notes": self.research.toPlainText(),
            "meeting_notes": self.meeting.toPlainText(),
        }
        changed = {k: v for k, v in values.items() if v != self._saved.get(k)}
        if not changed:
            return True
        self.form.clear_errors()
        self.problem.clear()
        try:
            record = conversations.update_conversation(self.record.id, now=self._clock(), **changed)
        except ValidationError as error:
            if error.field in self.form.messages:
                self.form.show_error(error)
            else:
                self.problem.show_message(error.message)
            return False
        except StorageWriteError as error:
            self.problem.show_message(error.message)
            return False
        except RecordNotFound:
            self._autosaver.cancel()
            return True
        self._saved = values
        self.record = record
        self._status("Saved")
        self.changed.emit(record.id)
        return True

    # -- actions ---------------------------------------------------------------

    def move_to(self, stage: str) -> None:
        record = self.record
        if record is None or stage == record.stage or not self.flush():
            if record is not None:
                self.stage.setCurrentIndex(STAGES.index(record.stage))
            return
        forget = False
        if STAGES.index(stage) < STAGES.index("met") and record.met_on is not None:
            forget = self._ask_forget_meeting(record.person_name)
            if forget is None:
                self.stage.setCurrentIndex(STAGES.index(record.stage))
                return
        try:
            moved = conversations.move_to_stage(
                record.id,
                stage,
                today=self._clock().date(),
                now=self._clock(),
                forget_meeting=bool(forget),
            )
        except (ValidationError, StorageWriteError) as error:
            self.problem.show_message(error.message)
            self.tabs.setCurrentIndex(0)
            self.stage.setCurrentIndex(STAGES.index(record.stage))
            return
        self.show_conversation(moved.id)
        self.changed.emit(moved.id)
        added = {
            "met": "An informational interview is on their timeline now.",
            "thanked": "The thank-you is on their timeline now.",
        }
        self._status(added.get(stage, f"Moved to “{STAGE_LABELS[stage]}”."))

    def _ask_forget_meeting(self, name: str) -> bool | None:
        """Moving back before "met": was the meeting real? None means cancel."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Back before the meeting",
            f"Did you meet {name}? If not, the meeting (and any thank-you) "
            "comes off their timeline.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        keep = box.addButton("We &met: keep it", QMessageBox.ButtonRole.AcceptRole)
        remove = box.addButton("&Not yet: remove it", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is remove:
            return True
        return False if clicked is keep else None

    def next_stage(self) -> None:
        if self.record is not None and self.record.stage != STAGES[-1]:
            self.move_to(STAGES[STAGES.index(self.record.stage) + 1])

    def add_introduction(self) -> None:
        record = self.record
        if record is None or not self.flush():
            return

        def create(who: str, existing_id: int | None, on: Any, ambiguous: bool) -> int:
            if ambiguous:
                raise ValidationError(
                    "who", f"More than one person is called {who}; pick one from the list."
                )
            return conversations.record_introduction(
                record.id, existing_id=existing_id, name=who, on=on, now=self._clock()
            )

        form = IntroductionForm(people.all_people_brief(), record.person_id, self._clock().date())
        dialog = CreateDialog(
            f"Who did {record.person_name} introduce you to?",
            form,
            create,
            self,
            noun="introduction",
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_conversation(record.id)
            self.tabs.setCurrentIndex(4)
            self._status("Introduction saved; they are in People now.")

    def _ask_for_draft(self) -> None:
        if self.record is not None:
            self.draft_requested.emit(self.record.person_id, self.record.target_role_id)

    def _open_reflection(self, index: QModelIndex) -> None:
        entry_id = self.reflections.data(index, PAYLOAD_ROLE)
        if isinstance(entry_id, int) and self.flush():
            self.open_entry.emit(entry_id)
