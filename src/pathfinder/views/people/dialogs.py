"""Small dialogs of the People section: log an interaction, plan a follow-up, record an
introduction, and edit the list of interaction kinds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import interactions
from pathfinder.services.followups import REASON_LIMIT
from pathfinder.services.interactions import NOTES_LIMIT, SUMMARY_LIMIT
from pathfinder.services.organisations import organisation_names
from pathfinder.services.people import PersonBrief
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.field_message import FieldMessage
from pathfinder.views.widgets.record_form import RecordForm


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    return edit


def ask_for_date(
    parent: QWidget, title: str, start: date, earliest: date | None = None
) -> date | None:
    """A small dialog with one date (not before `earliest`); None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    picker = date_edit(start)
    if earliest is not None:
        picker.setMinimumDate(to_qdate(earliest))
    picker.setAccessibleName(title)
    layout.addWidget(picker)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return to_date(picker.date())


class InteractionForm(RecordForm):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on = date_edit(today)
        self.add_field("on", "&Date", self.on)
        self.kind = QComboBox()
        self.edit_kinds = QPushButton("Edit the &list…")
        self.edit_kinds.clicked.connect(self._edit_kinds)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.kind, 1)
        line.addWidget(self.edit_kinds)
        self.add_field("kind", "&Kind", row, buddy=self.kind)
        self.kind.setAccessibleName("Kind")
        self.summary = QLineEdit()
        self.summary.setMaxLength(SUMMARY_LIMIT)
        self.summary.setPlaceholderText("In a line, for example: coffee near her office")
        self.add_field("summary", "&Summary", self.summary)
        self.notes = BoundedTextEdit(NOTES_LIMIT)
        self.notes.setPlaceholderText("What you learned, what they suggested, what you promised")
        self.add_field("notes", "&Notes", self.notes)
        self._fill_kinds()

    def _fill_kinds(self, keep: int | None = None) -> None:
        self.kind.clear()
        for kind in interactions.kinds():
            self.kind.addItem(kind.name.capitalize(), kind.id)
        if keep is not None and self.kind.findData(keep) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(keep))

    def _edit_kinds(self) -> None:
        keep = self.kind.currentData()
        KindsDialog(self).exec()
        self._fill_kinds(keep)

    def values(self) -> dict[str, Any]:
        return {
            "on": to_date(self.on.date()),
            "kind": self.kind.currentData(),
            "summary": self.summary.text(),
            "notes": self.notes.toPlainText(),
        }

    def set_record(self, record: Any) -> None:
        raise NotImplementedError("interactions are only created here")

    def has_input(self) -> bool:
        return bool(self.summary.text().strip() or self.notes.toPlainText().strip())


class FollowUpForm(RecordForm):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.due = date_edit(today + timedelta(days=7))
        self.add_field("due_on", "&When", self.due)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_LIMIT)
        self.reason.setPlaceholderText("For example: send the article we talked about")
        self.add_field("reason", "&Why", self.reason)

    def values(self) -> dict[str, Any]:
        return {"due_on": to_date(self.due.date()), "reason": self.reason.text()}

    def set_record(self, record: Any) -> None:
        raise NotImplementedError("follow-ups are only created here")

    def has_input(self) -> bool:
        return bool(self.reason.text().strip())


class PastRoleForm(RecordForm):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.organisation = QLineEdit()
        completer = QCompleter(organisation_names(), self.organisation)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        self.organisation.setCompleter(completer)
        self.add_field("organisation", "&Organisation", self.organisation)
        self.title = QLineEdit()
        self.add_field("title", "&Job title", self.title)
        self.known_start = QCheckBox("Known")
        self.started = date_edit(today.replace(year=today.year - 3))
        self.started.setEnabled(False)
        self.known_start.toggled.connect(self.started.setEnabled)
        start_row = QWidget()
        line = QHBoxLayout(start_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.known_start)
        line.addWidget(self.started, 1)
        self.add_field("started_on", "&From", start_row, buddy=self.known_start)
        self.started.setAccessibleName("From")
        self.ended = date_edit(today.replace(year=today.year - 1))
        self.add_field("ended_on", "&Until", self.ended)

    def values(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation.text(),
            "title": self.title.text(),
            "started_on": to_date(self.started.date()) if self.known_start.isChecked() else None,
            "ended_on": to_date(self.ended.date()),
        }

    def set_record(self, record: Any) -> None:
        raise NotImplementedError

    def has_input(self) -> bool:
        return bool(self.organisation.text().strip() or self.title.text().strip())


def person_choices(everyone: list[PersonBrief], leave_out: int) -> dict[str, int]:
    """Labels for picking a person: "Name (Organisation)", made unique where needed."""
    labels: dict[str, int] = {}
    for other in everyone:
        if other.id == leave_out:
            continue
        label = f"{other.name} ({other.organisation})" if other.organisation else other.name
        if label in labels:
            label = f"{label} [#{other.id}]"
        labels[label] = other.id
    return labels


class IntroductionForm(RecordForm):
    """Pick a person already here (from the list, or by their exact name), or name a new one."""

    def __init__(
        self,
        everyone: list[PersonBrief],
        leave_out: int,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = person_choices(everyone, leave_out)
        self._by_name: dict[str, list[int]] = {}
        for other in everyone:
            if other.id != leave_out:
                self._by_name.setdefault(other.name.casefold(), []).append(other.id)
        self.who = QLineEdit()
        self.who.setPlaceholderText("Start typing a name; a new name adds a new person")
        completer = QCompleter(sorted(self.choices, key=str.casefold), self.who)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        completer.setFilterMode(completer.filterMode().MatchContains)
        self.who.setCompleter(completer)
        self.add_field("who", "&Who", self.who)
        self.on = date_edit(today)
        self.add_field("on", "&Date", self.on)

    def values(self) -> dict[str, Any]:
        text = self.who.text().strip()
        existing = self.choices.get(text)
        same_name = self._by_name.get(text.casefold(), [])
        if existing is None and len(same_name) == 1:
            existing = same_name[0]
        return {
            "who": text,
            "existing_id": existing,
            "on": to_date(self.on.date()),
            "ambiguous": existing is None and len(same_name) > 1,
        }

    def set_record(self, record: Any) -> None:
        raise NotImplementedError

    def has_input(self) -> bool:
        return bool(self.who.text().strip())


class KindsDialog(QDialog):
    """The list of interaction kinds: add, rename, retire (retired kinds stay on old entries)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kinds of interaction")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        self.list = QListWidget()
        self.list.setAccessibleName("Kinds of interaction")
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add…")
        self.rename_button = QPushButton("&Rename…")
        self.retire_button = QPushButton("Re&tire")
        for button in (self.add_button, self.rename_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.problem = FieldMessage()
        layout.addWidget(self.problem)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self._add)
        self.rename_button.clicked.connect(self._rename)
        self.retire_button.clicked.connect(self._toggle_retired)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._reload()
        self.resize(380, 420)

    def _reload(self, select: int | None = None) -> None:
        self.list.clear()
        for kind in interactions.kinds(include_retired=True):
            label = kind.name.capitalize() + (" (retired)" if kind.retired else "")
            item = QListWidgetItem(label)
            item.setData(256, (kind.id, kind.name, kind.retired))
            self.list.addItem(item)
            if kind.id == select:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def _current(self) -> tuple[int, str, bool] | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None else None

    def _update_buttons(self) -> None:
        current = self._current()
        self.rename_button.setEnabled(current is not None)
        self.retire_button.setEnabled(current is not None)
        self.retire_button.setText("Res&tore" if current and current[2] else "Re&tire")

    def _run(self, action: Callable[[], Any]) -> Any:
        self.problem.clear()
        try:
            return action()
        except (ValidationError, StorageWriteError) as error:
            self.problem.show_message(error.message)
            return None

    def _add(self) -> None:
        name, ok = QInputDialog.getText(self, "New kind", "Name of the new kind:")
        if ok:
            kind = self._run(lambda: interactions.add_kind(name))
            if kind is not None:
                self._reload(select=kind.id)

    def _rename(self) -> None:
        current = self._current()
        if current is None:
            return
        name, ok = QInputDialog.getText(self, "Rename kind", "New name:", text=current[1])
        if ok:
            self._run(lambda: interactions.rename_kind(current[0], name))
            self._reload(select=current[0])

    def _toggle_retired(self) -> None:
        current = self._current()
        if current is not None:
            self._run(lambda: interactions.retire_kind(current[0], not current[2]))
            self._reload(select=current[0])
