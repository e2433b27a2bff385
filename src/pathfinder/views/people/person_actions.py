"""What can be done from a person's detail: log, follow up, introduce, edit the history.

A mixin of PersonDetail (which lays the pane out and saves the fields); each
action asks through a small dialog, then shows the person again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QListView,
)

from pathfinder.services import followups, interactions, organisations, people
from pathfinder.services.people import Person
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.formatting import full_date
from pathfinder.views.people.dialogs import (
    FollowUpForm,
    InteractionForm,
    IntroductionForm,
    PastRoleForm,
    ask_for_date,
)
from pathfinder.views.widgets.lines_model import PAYLOAD_ROLE, LinesModel
from pathfinder.views.widgets.record_form import CreateDialog


class PersonActions:
    """Actions of the person detail; mixed into PersonDetail, which provides the widgets."""

    person: Person | None
    _clock: Callable[[], datetime]
    _status: Callable[[str], None]

    def _create(
        self, title: str, form: Any, create: Callable[..., Any], noun: str, save_text: str
    ) -> Any:
        dialog = CreateDialog(title, form, create, self, noun=noun, save_text=save_text)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.created
        return None

    def log_interaction(self) -> None:
        person = self.person
        if person is None or not self.flush():
            return
        today = self._clock().date()
        created = self._create(
            f"Log an interaction with {person.name}",
            InteractionForm(today),
            lambda **v: interactions.log_interaction(person.id, now=self._clock(), **v),
            "interaction",
            "&Log it",
        )
        if created is not None:
            self._after_change(person.id, "Logged. Their stay-in-touch clock starts again.")

    def add_follow_up(self) -> None:
        person = self.person
        if person is None or not self.flush():
            return
        created = self._create(
            f"Follow up with {person.name}",
            FollowUpForm(self._clock().date()),
            lambda **v: followups.add_follow_up(person.id, now=self._clock(), **v),
            "follow-up",
            "&Plan it",
        )
        if created is not None:
            self.tabs.setCurrentIndex(2)
            self._after_change(person.id, f"Follow-up planned for {full_date(created.due_on)}.")

    def _pick_person(
        self, title: str, on_pick: Callable[[int, Any], None], make_new: Callable[[str, Any], int]
    ) -> int | None:
        """Ask for a person (someone here, or a new name); None if cancelled."""
        person = self.person
        if person is None or not self.flush():
            return None

        def create(who: str, existing_id: int | None, on: Any, ambiguous: bool) -> int:
            if ambiguous:
                raise ValidationError(
                    "who", f"More than one person is called {who}; pick one from the list."
                )
            if existing_id is not None:
                on_pick(existing_id, on)
                return existing_id
            if not who:
                raise ValidationError("who", "Type a name, or pick someone from the list.")
            return make_new(who, on)

        form = IntroductionForm(people.all_people_brief(), person.id, self._clock().date())
        return self._create(title, form, create, "introduction", "&Save")

    def record_introduction(self) -> None:
        """“Introduced me to…”: someone here, or a new person introduced by this one."""
        person = self.person
        if person is None:
            return
        created = self._pick_person(
            f"Who did {person.first_name} introduce you to?",
            lambda other, on: interactions.introduce(person.id, other, on=on),
            lambda who, on: (
                people.add_person(
                    who,
                    source="introduction",
                    introduced_by_id=person.id,
                    introduced_on=on,
                    now=self._clock(),
                ).id
            ),
        )
        if created is not None:
            self.people_changed.emit()
            self._after_change(person.id, "Introduction saved on both timelines.")

    def record_introducer(self) -> None:
        """“Introduced by…”: who introduced you to this person."""
        person = self.person
        if person is None:
            return
        created = self._pick_person(
            f"Who introduced you to {person.first_name}?",
            lambda other, on: interactions.introduce(other, person.id, on=on),
            lambda who, on: self._new_introducer(who, person.id, on),
        )
        if created is not None:
            self.people_changed.emit()
            self._after_change(person.id, "Introduction saved on both timelines.")

    def _new_introducer(self, name: str, person_id: int, on: Any) -> int:
        introducer = people.add_person(name, now=self._clock())
        interactions.introduce(introducer.id, person_id, on=on)
        return introducer.id

    def forget_introducer(self) -> None:
        person = self.person
        if person is None or person.introduced_by_id is None or not self.flush():
            return
        try:
            interactions.forget_introduction(person.id)
        except StorageWriteError as error:
            self._status(error.message.split("\n")[0])
            return
        self._after_change(person.id, "The introduction link is gone; everything else stays.")

    def _after_change(self, person_id: int, message: str) -> None:
        self.show_person(person_id)
        self.person_changed.emit(person_id)
        self._status(message)

    def _current_follow_up(self) -> int | None:
        index = self.follow_ups_view.currentIndex()
        return self.follow_ups.data(index, PAYLOAD_ROLE) if index.isValid() else None

    def _follow_up_action(self, action: Callable[[int], None], message: str) -> None:
        follow_up_id = self._current_follow_up()
        if follow_up_id is None or self.person is None:
            return
        try:
            action(follow_up_id)
        except (StorageWriteError, RecordNotFound) as error:
            self._status(getattr(error, "message", "That follow-up is gone already."))
            return
        self._after_change(self.person.id, message)
        self.tabs.setCurrentIndex(2)

    def _done(self) -> None:
        today = self._clock().date()
        self._follow_up_action(lambda fid: followups.mark_done(fid, today), "Done. Well done.")

    def _snooze(self, days: int) -> None:
        today = self._clock().date()
        self._follow_up_action(
            lambda fid: followups.snooze_by(fid, today, days),
            f"Snoozed for {days} day{'s' if days > 1 else ''}.",
        )

    def _snooze_until(self) -> None:
        tomorrow = self._clock().date() + timedelta(days=1)
        until = ask_for_date(self, "Snooze until", tomorrow, earliest=tomorrow)
        if until is not None:
            self._follow_up_action(
                lambda fid: followups.snooze(fid, until), f"Snoozed until {full_date(until)}."
            )

    def _open_linked_person(self, index: QModelIndex) -> None:
        entry = self.timeline.data(index, PAYLOAD_ROLE)
        journal_entry_id = getattr(entry, "journal_entry_id", None)
        if journal_entry_id is not None:
            self.open_entry.emit(journal_entry_id)
        elif entry is not None and entry.other_person_id is not None:
            self.open_person.emit(entry.other_person_id)

    def _current(self, view: QListView, model: LinesModel) -> Any:
        index = view.currentIndex()
        return model.data(index, PAYLOAD_ROLE) if index.isValid() else None

    def _update_timeline_buttons(self) -> None:
        entry = self._current(self.timeline_view, self.timeline)
        self.delete_entry_button.setEnabled(entry is not None and entry.interaction_id is not None)

    def _update_role_buttons(self) -> None:
        role = self._current(self.roles_view, self.roles)
        self.delete_role_button.setEnabled(role is not None and role.ended_on is not None)

    def delete_timeline_entry(self) -> None:
        entry = self._current(self.timeline_view, self.timeline)
        person = self.person
        if entry is None or entry.interaction_id is None or person is None:
            return
        interaction_id = entry.interaction_id
        try:
            snapshot = interactions.delete_interaction(interaction_id)
        except (StorageWriteError, RecordNotFound) as error:
            self._status(getattr(error, "message", "That entry is gone already.").split("\n")[0])
            return
        self.undoable.emit(
            f"Delete “{entry.title}” of {full_date(entry.on)}",
            lambda: interactions.delete_interaction(interaction_id),
            lambda: interactions.restore_interaction(snapshot),
        )
        self._after_change(person.id, "Entry deleted. Undo with Ctrl+Z.")

    def add_past_role(self) -> None:
        person = self.person
        if person is None or not self.flush():
            return
        created = self._create(
            f"A past role of {person.name}",
            PastRoleForm(self._clock().date()),
            lambda **v: organisations.add_past_role(person.id, now=self._clock(), **v),
            "past role",
            "&Save",
        )
        if created is not None:
            self.tabs.setCurrentIndex(3)
            self._after_change(person.id, "Past role saved.")

    def delete_past_role(self) -> None:
        role = self._current(self.roles_view, self.roles)
        person = self.person
        if role is None or role.ended_on is None or person is None:
            return
        try:
            snapshot = organisations.delete_past_role(role.id)
        except (StorageWriteError, RecordNotFound) as error:
            self._status(getattr(error, "message", "That role is gone already.").split("\n")[0])
            return
        self.undoable.emit(
            "Delete a past role",
            lambda: organisations.delete_past_role(role.id),
            lambda: organisations.restore_past_role(snapshot),
        )
        self._after_change(person.id, "Role deleted. Undo with Ctrl+Z.")
