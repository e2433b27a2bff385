"""Outreach drafts: a template filled from a person, edited, then copied to the clipboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import interactions, outreach, people, roles
from pathfinder.services.outreach import PLACEHOLDERS
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.people.dialogs import person_choices
from pathfinder.views.widgets.field_message import FieldMessage


class DraftsView(QWidget):
    def __init__(
        self,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._status = status
        self._choices: dict[str, int] = {}
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 8)
        splitter = QSplitter()
        splitter.setObjectName("conversations.drafts")
        self.templates = QListWidget()
        self.templates.setAccessibleName("Kinds of message")
        splitter.addWidget(self.templates)
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.setContentsMargins(12, 0, 0, 0)
        form = QFormLayout()
        self.person = QLineEdit()
        self.person.setPlaceholderText("Start typing a name")
        self.person.setAccessibleName("To")
        to_label = QLabel("&To")
        to_label.setBuddy(self.person)
        form.addRow(to_label, self.person)
        self.role = QComboBox()
        self.role.setAccessibleName("Role you are exploring")
        role_label = QLabel("&About")
        role_label.setBuddy(self.role)
        form.addRow(role_label, self.role)
        layout.addLayout(form)
        self.gaps = FieldMessage()
        layout.addWidget(self.gaps)
        self.preview = QPlainTextEdit()
        self.preview.setAccessibleName("Draft, ready to edit")
        layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton("&Copy")
        self.copy_log_button = QPushButton("Copy and &log a message")
        self.edit_template_button = QPushButton("Save as the template")
        self.edit_template_button.setToolTip(
            "Clear the To field to edit the template itself, with its {placeholders}"
        )
        self.reset_button = QPushButton("Reset the template")
        for button in (
            self.copy_button,
            self.copy_log_button,
            self.edit_template_button,
            self.reset_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        hint = QLabel(
            "Placeholders: "
            + ", ".join("{" + name + "}" for name in PLACEHOLDERS)
            + ". The first line is the subject."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        splitter.addWidget(right)
        splitter.setSizes([220, 800])
        outer.addWidget(splitter)
        self._rendered = ("", None, None, None)  # (text, template, person, role) last shown
        self.templates.currentRowChanged.connect(lambda _r: self.render())
        self.person.editingFinished.connect(self.render)
        self.role.currentIndexChanged.connect(lambda _i: self.render())
        self.copy_button.clicked.connect(self.copy)
        self.copy_log_button.clicked.connect(lambda: self.copy(log=True))
        self.edit_template_button.clicked.connect(self.save_as_template)
        self.reset_button.clicked.connect(self.reset_template)
        self.loaded = False

    def reload(self) -> None:
        self.loaded = True
        keep = self.templates.currentRow()
        self.templates.blockSignals(True)
        self.templates.clear()
        for template in outreach.templates():
            self.templates.addItem(template.label + (" (edited)" if template.edited else ""))
        self.templates.setCurrentRow(max(0, keep))
        self.templates.blockSignals(False)
        self._choices = person_choices(people.all_people_brief(), -1)
        completer = QCompleter(sorted(self._choices, key=str.casefold), self.person)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        completer.setFilterMode(completer.filterMode().MatchContains)
        completer.activated.connect(lambda _text: self.render())
        self.person.setCompleter(completer)
        keep_role = self.role.currentData()
        self.role.blockSignals(True)
        self.role.clear()
        self.role.addItem("No particular role", None)
        for role in roles.list_roles():
            self.role.addItem(role.title, role.id)
        self.role.setCurrentIndex(max(0, self.role.findData(keep_role)))
        self.role.blockSignals(False)
        self.render()

    def prepare(self, person_id: int, target_role_id: int | None) -> None:
        """Open with a person (and role) chosen, from a conversation."""
        self.reload()
        label = next((text for text, pid in self._choices.items() if pid == person_id), "")
        self.person.setText(label)
        self.role.setCurrentIndex(max(0, self.role.findData(target_role_id)))
        self.render()

    def _person_id(self) -> int | None:
        return self._choices.get(self.person.text().strip())

    def _template_key(self) -> str | None:
        row = self.templates.currentRow()
        templates = outreach.templates()
        return templates[row].key if 0 <= row < len(templates) else None

    def render(self) -> None:
        """Fill the draft again when the message kind, the person or the role changed.

        Words the user changed in the draft are not thrown away without asking.
        """
        key = self._template_key()
        person_id = self._person_id()
        role_id = self.role.currentData()
        shown_text, *shown_inputs = self._rendered
        edited = self.preview.toPlainText() != shown_text and bool(shown_text)
        if [key, person_id, role_id] == shown_inputs and edited:
            return  # nothing new to fill in, and the words are the user's now
        if edited and not self._confirm_replace():
            self._show_inputs(*shown_inputs)  # the controls go back to what the draft is for
            return
        self.gaps.clear()
        # The template itself can be edited only when no one is chosen: a filled-in
        # letter must never become the template for everyone.
        self.edit_template_button.setEnabled(person_id is None)
        if key is None:
            self.preview.clear()
        elif person_id is None:
            template = outreach.get_template(key)
            self.preview.setPlainText(f"{template.subject}\n\n{template.body}")
            if self.person.text().strip():
                self.gaps.show_message("Pick the person from the list to fill in their details.")
        else:
            draft = outreach.draft(key, person_id, role_id)
            self.preview.setPlainText(draft.text)
            if draft.missing:
                names = ", ".join(
                    PLACEHOLDERS.get(name, "{" + name + "}") for name in draft.missing
                )
                self.gaps.show_message(
                    f"Missing: {names}. Those gaps are marked «…?» below: fill them in before "
                    "sending, or add the details to their record."
                )
        self._rendered = (self.preview.toPlainText(), key, person_id, role_id)

    def _show_inputs(self, key: str | None, person_id: int | None, role_id: int | None) -> None:
        keys = [template.key for template in outreach.templates()]
        label = next((text for text, pid in self._choices.items() if pid == person_id), "")
        for widget in (self.templates, self.person, self.role):
            widget.blockSignals(True)
        self.templates.setCurrentRow(keys.index(key) if key in keys else 0)
        self.person.setText(label)
        self.role.setCurrentIndex(max(0, self.role.findData(role_id)))
        for widget in (self.templates, self.person, self.role):
            widget.blockSignals(False)

    def _confirm_replace(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace your draft?",
            "You changed this draft. Replace it with a fresh one?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        replace = box.addButton("&Replace", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is replace

    def copy(self, log: bool = False) -> None:
        text = self.preview.toPlainText()
        QGuiApplication.clipboard().setText(text)
        person_id = self._person_id()
        if log and person_id is not None:
            subject = text.split("\n", 1)[0]
            try:
                interactions.log_interaction(
                    person_id, interactions.kind_id("message"), summary=subject, now=self._clock()
                )
            except (ValidationError, StorageWriteError) as error:
                self._status(error.message.split("\n")[0])
                return
            self._status("Copied, and logged as a message on their timeline.")
            return
        self._status("Copied. Paste it into your email or messages.")

    def save_as_template(self) -> None:
        key = self._template_key()
        if key is None:
            return
        if self._person_id() is not None:
            return
        subject, _, body = self.preview.toPlainText().partition("\n")
        try:
            outreach.save_template(key, subject, body.strip("\n"))
        except (ValidationError, StorageWriteError) as error:
            self.gaps.show_message(error.message)
            return
        self._rendered = ("", None, None, None)
        self.reload()
        self._status("Template saved. Use {first_name} and the others to keep it reusable.")

    def reset_template(self) -> None:
        key = self._template_key()
        if key is not None:
            outreach.reset_template(key)
            self._rendered = ("", None, None, None)
            self.reload()
            self._status("Template back to how it came.")
