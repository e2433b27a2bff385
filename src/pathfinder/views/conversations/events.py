"""Events: where you went, and whom you met there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import events, people
from pathfinder.services.events import EVENT_KIND_LABELS, EventRecord
from pathfinder.services.validation import LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT, ValidationError
from pathfinder.views.formatting import short_date
from pathfinder.views.people.dialogs import IntroductionForm, date_edit, to_date, to_qdate
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.headings import subheading
from pathfinder.views.widgets.lines_model import PAYLOAD_ROLE, LinesModel
from pathfinder.views.widgets.record_form import CreateDialog, RecordForm
from pathfinder.views.widgets.record_page import RecordKind, RecordListPage
from pathfinder.views.widgets.record_table import Column


class EventForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setMaxLength(SHORT_TEXT_LIMIT)
        self.name.setPlaceholderText("For example: EdTech meetup, March")
        self.name.textEdited.connect(self.emit_changed)
        self.add_field("name", "&Name", self.name)
        self.happened_on = date_edit(date.today())
        self.happened_on.dateChanged.connect(self.emit_changed)
        self.add_field("happened_on", "&Date", self.happened_on)
        self.kind = QComboBox()
        for key, label in EVENT_KIND_LABELS.items():
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self.emit_changed)
        self.add_field("kind", "&Kind", self.kind)
        self.place = QLineEdit()
        self.place.setMaxLength(SHORT_TEXT_LIMIT)
        self.place.setPlaceholderText("A place or a link")
        self.place.textEdited.connect(self.emit_changed)
        self.add_field("place", "&Where", self.place)
        self.notes = BoundedTextEdit(LONG_TEXT_LIMIT)
        self.notes.setPlaceholderText("Talks worth remembering, ideas, who to follow up with")
        self.notes.textChanged.connect(self.emit_changed)
        self.add_field("notes", "N&otes", self.notes)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "happened_on": to_date(self.happened_on.date()),
            "kind": self.kind.currentData(),
            "place": self.place.text(),
            "notes": self.notes.toPlainText(),
        }

    def set_record(self, record: EventRecord) -> None:
        self.name.setText(record.name)
        self.happened_on.setDate(to_qdate(record.happened_on))
        self.kind.setCurrentIndex(self.kind.findData(record.kind))
        self.place.setText(record.place)
        self.notes.setPlainText(record.notes)


class EventWithPeopleForm(EventForm):
    """The event's fields, and below them the people met there."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._status = status
        self._event_id: int | None = None
        self.happened_on.setDate(to_qdate(clock().date()))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(subheading("People you met there"))
        self.people = LinesModel(self)
        view = QListView()
        view.setModel(self.people)
        view.setAccessibleName("People you met there")
        column.addWidget(view)
        self.people_view = view
        row = QHBoxLayout()
        self.met_button = QPushButton("I met someone there…")
        self.met_button.clicked.connect(self.add_person_met)
        row.addWidget(self.met_button)
        self.remove_met_button = QPushButton("Not met there")
        self.remove_met_button.setToolTip(
            "Take them off this list, and the entry off their timeline"
        )
        self.remove_met_button.clicked.connect(self.remove_person_met)
        row.addWidget(self.remove_met_button)
        row.addStretch(1)
        column.addLayout(row)
        self.form.addRow(box)
        self._people_box = box
        box.setVisible(False)  # only once the event exists

    def set_record(self, record: EventRecord) -> None:
        super().set_record(record)
        self._event_id = record.id
        self._people_box.setVisible(True)
        self.people.set_lines(
            [(name, "", person_id) for person_id, name in record.people]
            or [("Nobody yet.", "", None)]
        )

    def remove_person_met(self) -> None:
        index = self.people_view.currentIndex()
        person_id = self.people.data(index, PAYLOAD_ROLE) if index.isValid() else None
        if self._event_id is None or person_id is None:
            return
        name = self.people.data(index)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Not met there",
            f"Take {name} off this event, and the entry off their timeline?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        remove = box.addButton("&Take off", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not remove:
            return
        events.not_met_at_event(self._event_id, person_id)
        record = events.get_event(self._event_id)
        if record is not None:
            self.load(record)
        self._status("Taken off the list, and the entry off their timeline.")

    def add_person_met(self) -> None:
        if self._event_id is None:
            return
        event_id = self._event_id

        def create(who: str, existing_id: int | None, on: Any, ambiguous: bool) -> int:
            if ambiguous:
                raise ValidationError(
                    "who", f"More than one person is called {who}; pick one from the list."
                )
            if existing_id is None:
                if not who:
                    raise ValidationError("who", "Type a name, or pick someone from the list.")
                existing_id = people.add_person(who, source="event", now=self._clock()).id
            events.met_at_event(event_id, existing_id, now=self._clock())
            return existing_id

        form = IntroductionForm(people.all_people_brief(), -1, self._clock().date())
        form.form.setRowVisible(1, False)
        dialog = CreateDialog("Who did you meet there?", form, create, self, noun="person")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            record = events.get_event(event_id)
            if record is not None:
                self.load(record)
            self._status("Added, with an “event” entry on their timeline.")


def _add_event(now: datetime | None = None, **values: Any) -> EventRecord:
    return events.add_event(now=now, **values)


def _update_event(event_id: int, now: datetime | None = None, **values: Any) -> EventRecord:
    values.pop("people", None)
    return events.update_event(event_id, now=now, **values)


def events_kind(clock: Callable[[], datetime], status: Callable[[str], None]) -> RecordKind:
    return RecordKind(
        noun="event",
        key="conversations.events",
        columns=[
            Column(
                "Date", lambda e, _n: short_date(e.happened_on), lambda e: e.happened_on.isoformat()
            ),
            Column("Event", lambda e, _n: e.name),
            Column("Kind", lambda e, _n: e.kind_label),
            Column("People met", lambda e, _n: str(len(e.people)), lambda e: len(e.people)),
        ],
        empty_icon="people",
        empty_sentence=(
            "Conferences, webinars, meetups and association evenings: note where you went "
            "and whom you met, and each of them gets the event on their timeline."
        ),
        load=events.list_events,
        create=_add_event,
        update=_update_event,
        delete=events.delete_event,
        restore=events.restore_event,
        make_form=lambda: EventWithPeopleForm(clock, status),
    )


class EventsView(RecordListPage):
    def __init__(
        self,
        undo_stack: Any,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(events_kind(clock, status), undo_stack, clock, status, parent)
        self.loaded = True
