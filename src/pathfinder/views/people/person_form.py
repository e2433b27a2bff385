"""The fields of one person, used in the Add dialog and in the detail pane.

The organisation and tag suggestions are read when their field is about to be
typed in (it gets the focus, or a key), not when the form is made or shows
another person: with thousands of organisations that read took about 4 ms of
opening People, for lists nobody sees until they type there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QLabel, QLineEdit, QWidget

from pathfinder.services.contact_fields import (
    CADENCES,
    LEVEL_HINTS,
    LEVEL_LABELS,
    NOTES_LIMIT,
    RELATIONSHIP_LABELS,
    SOURCE_LABELS,
)
from pathfinder.services.organisations import organisation_names
from pathfinder.services.people import Person
from pathfinder.services.tags import all_tags
from pathfinder.services.validation import SHORT_TEXT_LIMIT
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.completers import LastPieceCompleter
from pathfinder.views.widgets.record_form import RecordForm


def _combo(labels: dict[Any, str]) -> QComboBox:
    combo = QComboBox()
    for key, label in labels.items():
        combo.addItem(label, key)
    return combo


def _line(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(SHORT_TEXT_LIMIT)
    return edit


class PersonForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = _line("First and last name")
        self.add_field("name", "&Name", self.name)
        self.organisation = _line("Where they work now (pick one, or type a new one)")
        organisations = QCompleter([], self.organisation)  # the lists: _read_suggestions
        organisations.setCaseSensitivity(organisations.caseSensitivity().CaseInsensitive)
        self.organisation.setCompleter(organisations)
        self.add_field("organisation", "&Organisation", self.organisation)
        self.title = _line("Their role, for example Product manager")
        self.add_field("title", "&Job title", self.title)
        self.level = _combo(LEVEL_LABELS)
        self.level.setCurrentIndex(2)
        self.level_hint = self._hint()
        self.add_field("level", "&Level", self.level, self.level_hint)
        self.source = _combo(SOURCE_LABELS)
        self.source.setCurrentIndex(list(SOURCE_LABELS).index("other"))
        self.add_field("source", "How you &know them", self.source)
        self.relationship = _combo(RELATIONSHIP_LABELS)
        self.relationship.setCurrentIndex(list(RELATIONSHIP_LABELS).index("other"))
        self.add_field("relationship", "&Relationship", self.relationship)
        self.hiring_power = QCheckBox("Can hire, or has a say in it")
        self.add_field("hiring_power", "Hirin&g power", self.hiring_power)
        self.target_field = QCheckBox("Works where you want to be")
        self.add_field("target_field", "&Target field", self.target_field)
        self.cadence = _combo({None: "No rhythm", **CADENCES})
        self.add_field("cadence_days", "Sta&y in touch", self.cadence)
        self.tags = _line("Comma-separated, for example edtech, meetup")
        tags = LastPieceCompleter([], self.tags)
        tags.setCaseSensitivity(tags.caseSensitivity().CaseInsensitive)
        self.tags.setCompleter(tags)
        self.add_field("tags", "Tag&s", self.tags)
        self.email = _line("name@example.org")
        self.add_field("email", "E&mail", self.email)
        self.phone = _line("+44 20 7946 0958")
        self.add_field("phone", "Phone n&umber", self.phone)
        self.linkedin = _line("linkedin.com/in/their-name")
        self.add_field("linkedin_url", "Linke&dIn", self.linkedin)
        self.location = _line("City or region")
        self.add_field("location", "&Based in", self.location)
        self.notes = BoundedTextEdit(NOTES_LIMIT)
        self.notes.setPlaceholderText(
            "Private notes (Markdown): what they care about, what you talked about, "
            "what you could offer them"
        )
        self.notes.setMinimumHeight(self.notes.fontMetrics().lineSpacing() * 6)
        self.add_field("notes", "&Private notes", self.notes)

        for edit in (self.name, self.email, self.phone, self.linkedin, self.location):
            edit.textEdited.connect(self.emit_changed)
        # An organisation, a job title or a tag typed in pieces must not be saved in
        # pieces (each piece would become an organisation, a role or a tag): these
        # save when the user leaves the field or moves on.
        for edit in (self.organisation, self.title, self.tags):
            edit.textEdited.connect(self.emit_edited)
            edit.editingFinished.connect(self._finished_editing)
        for combo in (self.level, self.source, self.relationship, self.cadence):
            combo.currentIndexChanged.connect(self.emit_changed)
        for box in (self.hiring_power, self.target_field):
            box.toggled.connect(self.emit_changed)
        self.notes.textChanged.connect(self.emit_changed)
        self.level.currentIndexChanged.connect(self._show_level_hint)
        self._show_level_hint()
        self._suggestions_stale = True
        for edit in (self.organisation, self.tags):
            edit.installEventFilter(self)

    def _hint(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        return label

    def _finished_editing(self) -> None:
        if self._loading:
            return
        self.emit_changed()

    def refresh_suggestions(self) -> None:
        """Offer the organisations and tags that exist now: read at once if one of their
        fields is being typed in, else when one is next about to be."""
        self._suggestions_stale = True
        if self.organisation.hasFocus() or self.tags.hasFocus():
            self._read_suggestions()

    def _read_suggestions(self) -> None:
        self._suggestions_stale = False
        organisations = self.organisation.completer()
        organisations.setModel(QStringListModel(organisation_names(), organisations))
        tags = self.tags.completer()
        tags.setModel(QStringListModel(all_tags(), tags))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the field sees the key, so the completer has the lists to complete from.
        if self._suggestions_stale and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.KeyPress,
            QEvent.Type.InputMethod,
        ):
            self._read_suggestions()
        return super().eventFilter(watched, event)

    def _show_level_hint(self) -> None:
        self.level_hint.setText(LEVEL_HINTS[self.level.currentData()])

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "organisation": self.organisation.text(),
            "title": self.title.text(),
            "level": self.level.currentData(),
            "source": self.source.currentData(),
            "relationship": self.relationship.currentData(),
            "hiring_power": self.hiring_power.isChecked(),
            "target_field": self.target_field.isChecked(),
            "cadence_days": self.cadence.currentData(),
            "tags": [tag for tag in self.tags.text().split(",") if tag.strip()],
            "email": self.email.text(),
            "phone": self.phone.text(),
            "linkedin_url": self.linkedin.text(),
            "location": self.location.text(),
            "notes": self.notes.toPlainText(),
        }

    def set_record(self, record: Person) -> None:
        self.name.setText(record.name)
        self.organisation.setText(record.organisation)
        self.title.setText(record.title)
        self.level.setCurrentIndex(self.level.findData(record.level))
        self.source.setCurrentIndex(self.source.findData(record.source))
        self.relationship.setCurrentIndex(self.relationship.findData(record.relationship))
        self.hiring_power.setChecked(record.hiring_power)
        self.target_field.setChecked(record.target_field)
        self.cadence.setCurrentIndex(max(0, self.cadence.findData(record.cadence_days)))
        self.tags.setText(", ".join(record.tags))
        self.email.setText(record.email)
        self.phone.setText(record.phone)
        self.linkedin.setText(record.linkedin_url)
        self.location.setText(record.location)
        if self.notes.toPlainText() != record.notes:
            self.notes.setPlainText(record.notes)
