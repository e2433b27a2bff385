"""One person: their details (saving themselves), timeline, follow-ups and roles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import followups, interactions, journal_browse, people
from pathfinder.services.contact_fields import LEVEL_LABELS
from pathfinder.services.network import giving_back
from pathfinder.services.organisations import roles_of
from pathfinder.services.people import Person
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.formatting import full_date, relative_time
from pathfinder.views.people.later_lines import LaterLinesModel, Line
from pathfinder.views.people.person_actions import PersonActions
from pathfinder.views.people.person_form import PersonForm
from pathfinder.views.widgets.autosave import Autosaver
from pathfinder.views.widgets.field_message import FieldMessage
from pathfinder.views.widgets.headings import subheading
from pathfinder.views.widgets.lines_model import LinesModel


@dataclass(frozen=True)
class JournalMentionLine:
    """A journal entry about the person, shown on their timeline."""

    journal_entry_id: int
    interaction_id: None = None
    other_person_id: None = None


class PersonDetail(PersonActions, QWidget):
    """The right-hand side of People. `person_changed(id)` after any save."""

    person_changed = Signal(int)
    people_changed = Signal()  # someone was added (an introduction)
    open_person = Signal(int)
    conversation_requested = Signal(int)  # start an informational interview with them
    open_entry = Signal(int)  # a journal entry about them
    undoable = Signal(str, object, object)  # text, redo, undo: an action that has happened

    def __init__(
        self,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._status = status
        self.person: Person | None = None
        self._autosaver = Autosaver(self._save, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.setSpacing(8)
        self.heading = subheading("")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        actions = QHBoxLayout()
        self.log_button = QPushButton("Log intera&ction…")
        self.log_button.setToolTip("Log a coffee, a call, a message… (today by default)")
        self.follow_up_button = QPushButton("Follo&w up…")
        self.introduce_button = QPushButton("&Introduced me to…")
        self.conversation_button = QPushButton("Plan a conversation")
        self.conversation_button.setToolTip("Start an informational interview with them")
        self.conversation_button.clicked.connect(
            lambda: (
                self.person is not None
                and self.flush()
                and self.conversation_requested.emit(self.person.id)
            )
        )
        # Two rows, so the labels stay whole in a narrow pane.
        more = QHBoxLayout()
        for row, buttons in (
            (actions, (self.log_button, self.follow_up_button)),
            (more, (self.introduce_button, self.conversation_button)),
        ):
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("About this person")
        self.form = PersonForm()
        self.form.changed.connect(self._autosaver.touch)
        self.form.edited.connect(self._autosaver.mark)
        self._saved_values: dict[str, Any] = {}
        self.save_problem = FieldMessage()
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 8, 8, 8)
        details_layout.addWidget(self.form)
        details_layout.addWidget(self.save_problem)
        details_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(details)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setAccessibleName("Details")
        self.tabs.addTab(scroll, "Details")

        self.timeline = LaterLinesModel(self)
        self.timeline_view = self._list_view(self.timeline, "Timeline, newest first")
        self.timeline_view.activated.connect(self._open_linked_person)
        self.introducer_button = QPushButton("Who introduced you…")
        self.introducer_button.clicked.connect(self.record_introducer)
        self.forget_introducer_button = QPushButton("Remove that link")
        self.forget_introducer_button.clicked.connect(self.forget_introducer)
        self.delete_entry_button = QPushButton("Delete this entry")
        self.delete_entry_button.setToolTip("Delete the selected interaction (you can undo it)")
        self.delete_entry_button.clicked.connect(self.delete_timeline_entry)
        self.timeline_view.selectionModel().currentChanged.connect(self._update_timeline_buttons)
        self.tabs.addTab(
            self._page(
                self.timeline_view,
                self.introducer_button,
                self.forget_introducer_button,
                self.delete_entry_button,
            ),
            "Timeline",
        )

        self.follow_ups = LinesModel(self)
        follow_up_page = QWidget()
        follow_up_layout = QVBoxLayout(follow_up_page)
        follow_up_layout.setContentsMargins(0, 8, 0, 0)
        self.follow_ups_view = self._list_view(self.follow_ups, "Open follow-ups")
        follow_up_layout.addWidget(self.follow_ups_view, 1)
        follow_up_buttons = QHBoxLayout()
        self.done_button = QPushButton("Done")
        self.snooze_button = QPushButton("Snooze")
        snooze_menu = QMenu(self.snooze_button)
        snooze_menu.addAction("A day", lambda: self._snooze(1))
        snooze_menu.addAction("A week", lambda: self._snooze(7))
        snooze_menu.addAction("Until a date…", self._snooze_until)
        self.snooze_button.setMenu(snooze_menu)
        for button in (self.done_button, self.snooze_button):
            follow_up_buttons.addWidget(button)
        follow_up_buttons.addStretch(1)
        follow_up_layout.addLayout(follow_up_buttons)
        self.tabs.addTab(follow_up_page, "Follow-ups")

        self.roles = LaterLinesModel(self)
        self.roles_view = self._list_view(self.roles, "Roles, current first")
        self.add_role_button = QPushButton("Add a past role…")
        self.add_role_button.clicked.connect(self.add_past_role)
        self.delete_role_button = QPushButton("Delete this role")
        self.delete_role_button.clicked.connect(self.delete_past_role)
        self.roles_view.selectionModel().currentChanged.connect(self._update_role_buttons)
        self.tabs.addTab(
            self._page(self.roles_view, self.add_role_button, self.delete_role_button), "Roles"
        )
        layout.addWidget(self.tabs, 1)

        self.log_button.clicked.connect(self.log_interaction)
        self.follow_up_button.clicked.connect(self.add_follow_up)
        self.introduce_button.clicked.connect(self.record_introduction)
        self.done_button.clicked.connect(self._done)
        self.show_person(None)

    def _page(self, view: QListView, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(view, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _list_view(self, model: LinesModel, name: str) -> QListView:
        view = QListView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setWordWrap(True)
        view.setSpacing(2)
        view.setAlternatingRowColors(True)
        return view

    # -- showing -------------------------------------------------------------

    def show_person(self, person_id: int | None) -> None:
        self.person = people.get_person(person_id) if person_id is not None else None
        person = self.person
        self.save_problem.clear()
        for widget in (
            self.tabs,
            self.log_button,
            self.follow_up_button,
            self.introduce_button,
            self.conversation_button,
        ):
            widget.setEnabled(person is not None)
        if person is None:
            self.heading.setText("")
            self.summary.setText("Pick someone on the left to see everything about them here.")
            for model in (self.timeline, self.follow_ups, self.roles):
                model.set_lines([])
            return
        self.form.load(person)
        self.form.refresh_suggestions()
        self._saved_values = self.form.values()
        self._show_summary(person)
        self._show_lists(person.id)

    def _show_summary(self, person: Person) -> None:
        self.heading.setText(person.name)
        where = " at ".join(part for part in (person.title, person.organisation) if part)
        balance = giving_back(person.id)
        last = (
            f"last talked {relative_time(person.last_contact_on, self._clock())}"
            if person.last_contact_on
            else "not contacted yet"
        )
        parts = [
            where,
            LEVEL_LABELS[person.level],
            last,
            f"you gave {balance.gave} · received {balance.received}",
        ]
        self.summary.setText(" · ".join(part for part in parts if part))

    def _show_lists(self, person_id: int) -> None:
        """The timeline and the roles are read when their tab is shown (or code reads
        them); the follow-ups now, as the Done and Snooze buttons depend on them."""
        self.timeline.set_lines_later(lambda: self._timeline_lines(person_id))
        now = self._clock()
        self.follow_ups.set_lines(
            [
                (
                    f"{full_date(item.due_on)} ({relative_time(item.due_on, now)}) · {item.reason}",
                    "",
                    item.id,
                )
                for item in followups.follow_ups_of(person_id)
            ]
        )
        has_follow_ups = bool(self.follow_ups.lines)
        self.done_button.setEnabled(has_follow_ups)
        self.snooze_button.setEnabled(has_follow_ups)
        if has_follow_ups:
            self.follow_ups_view.setCurrentIndex(self.follow_ups.index(0))
        self.roles.set_lines_later(lambda: self._role_lines(person_id))
        introduced = self.person is not None and self.person.introduced_by_id is not None
        self.forget_introducer_button.setEnabled(introduced)
        self._update_timeline_buttons()
        self._update_role_buttons()

    def _timeline_lines(self, person_id: int) -> list[Line]:
        dated: list[tuple[date, Line]] = [
            (
                entry.on,
                (
                    f"{full_date(entry.on)} · {entry.title}"
                    + (f": {entry.detail}" if entry.detail else ""),
                    "Press Enter to open this person" if entry.other_person_id else "",
                    entry,
                ),
            )
            for entry in interactions.timeline(person_id)
        ]
        dated += [
            (
                mention.written_at.date(),
                (
                    f"{full_date(mention.written_at)} · Journal: {mention.heading}",
                    "Press Enter to read this entry",
                    JournalMentionLine(mention.entry_id),
                ),
            )
            for mention in journal_browse.entries_about_person(person_id)
        ]
        dated.sort(key=lambda pair: pair[0], reverse=True)  # stable: same-day order is kept
        return [line for _day, line in dated] or [
            (
                "Nothing logged yet. “Log interaction” keeps a record of each conversation.",
                "",
                None,
            )
        ]

    def _role_lines(self, person_id: int) -> list[Line]:
        return [
            (
                " at ".join(part for part in (role.title, role.organisation) if part)
                + (" (now)" if role.ended_on is None else f" (until {full_date(role.ended_on)})"),
                "",
                role,
            )
            for role in roles_of(person_id)
        ]

    def refresh(self) -> None:
        if self.person is not None:
            self.show_person(self.person.id)

    # -- saving --------------------------------------------------------------

    def flush(self) -> bool:
        return self._autosaver.flush()

    def forget_pending(self) -> None:
        self._autosaver.cancel()

    def _save(self) -> bool:
        """Save the fields that changed. A field that is refused stays on screen with its
        message, and the others are saved anyway."""
        if self.person is None:
            return True
        self.form.clear_errors()
        self.save_problem.clear()
        values = self.form.values()
        changed = {
            name: value for name, value in values.items() if value != self._saved_values.get(name)
        }
        refused: list[ValidationError] = []
        person = self.person
        while changed:
            try:
                person = people.update_person(self.person.id, now=self._clock(), **changed)
                break
            except ValidationError as error:
                refused.append(error)
                changed.pop(error.field, None)
            except StorageWriteError as error:
                self.save_problem.show_message(error.message)
                self._status("Not saved: see the message beside the form.")
                return False
            except RecordNotFound:
                self._autosaver.cancel()
                self.show_person(None)
                return True
        self._saved_values = {**self._saved_values, **changed}
        for error in refused:
            self.form.show_error(error)
        if person is not self.person:
            self.person = person
            self._show_summary(person)
            self._status("Saved" if not refused else "Saved, except the field marked below.")
            self.person_changed.emit(person.id)
        if refused:
            self.tabs.setCurrentIndex(0)
            return False
        return True
