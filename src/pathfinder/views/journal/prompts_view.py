"""The user's own prompts (added to the built-in sets) and entry templates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import journal_prompts
from pathfinder.services.journal_prompts import Prompt, Template
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import SHORT_TEXT_LIMIT, ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.field_message import FieldMessage
from pathfinder.views.widgets.headings import subheading
from pathfinder.views.widgets.lines_model import PAYLOAD_ROLE, LinesModel
from pathfinder.views.widgets.undo import AlreadyDoneCommand


class PromptsView(QWidget):
    changed = Signal()  # prompts or templates changed: menus need refilling

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
        self._shown_template = ("", "")  # the template's name and text as last shown or saved
        self._switching = False
        self._status = status
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_prompts())
        splitter.addWidget(self._build_templates())
        splitter.setSizes([520, 520])
        outer.addWidget(splitter, 1)

    def _build_prompts(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 12, 0)
        layout.addWidget(subheading("Prompts"))
        intro = QLabel(
            "Prompts start an entry with a question. Add your own to any set; they appear "
            "under New entry → From a prompt."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        label = QLabel("&Which set")
        self.set_choice = QComboBox()
        label.setBuddy(self.set_choice)
        row.addWidget(label)
        row.addWidget(self.set_choice, 1)
        layout.addLayout(row)
        self.when = QLabel()
        self.when.setWordWrap(True)
        italic = QFont(self.when.font())
        italic.setItalic(True)
        self.when.setFont(italic)
        layout.addWidget(self.when)
        self.prompts = LinesModel(self)
        self.prompts_view = QListView()
        self.prompts_view.setModel(self.prompts)
        self.prompts_view.setAccessibleName("Prompts in this set")
        self.prompts_view.setWordWrap(True)
        self.prompts_view.setAlternatingRowColors(True)
        self.prompts_view.setSpacing(2)
        self.prompts_view.selectionModel().currentChanged.connect(self._update_buttons)
        layout.addWidget(self.prompts_view, 1)
        add_row = QHBoxLayout()
        self.new_prompt = QLineEdit()
        self.new_prompt.setMaxLength(SHORT_TEXT_LIMIT)
        self.new_prompt.setPlaceholderText("For example: Who made me feel welcome this week?")
        self.new_prompt.setAccessibleName("New prompt")
        self.new_prompt.returnPressed.connect(self.add_prompt)
        self.add_prompt_button = QPushButton("&Add prompt")
        self.add_prompt_button.clicked.connect(self.add_prompt)
        self.delete_prompt_button = QPushButton("Delete prompt")
        self.delete_prompt_button.setToolTip("Delete one of your own prompts")
        self.delete_prompt_button.clicked.connect(self.delete_prompt)
        add_row.addWidget(self.new_prompt, 1)
        add_row.addWidget(self.add_prompt_button)
        add_row.addWidget(self.delete_prompt_button)
        layout.addLayout(add_row)
        self.prompt_message = FieldMessage()
        layout.addWidget(self.prompt_message)
        self.set_choice.currentIndexChanged.connect(self._show_set)
        return box

    def _build_templates(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(subheading("Templates"))
        intro = QLabel(
            "A template is the skeleton of an entry you write often. Change a built-in one and "
            "save it, and yours is used from then on."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.templates = LinesModel(self)
        self.templates_view = QListView()
        self.templates_view.setModel(self.templates)
        self.templates_view.setAccessibleName("Templates")
        self.templates_view.setMaximumHeight(140)
        self.templates_view.setSpacing(2)
        self.templates_view.selectionModel().currentChanged.connect(self._show_template)
        layout.addWidget(self.templates_view)
        name_row = QHBoxLayout()
        name_label = QLabel("&Name")
        self.template_name = QLineEdit()
        self.template_name.setMaxLength(SHORT_TEXT_LIMIT)
        name_label.setBuddy(self.template_name)
        name_row.addWidget(name_label)
        name_row.addWidget(self.template_name, 1)
        layout.addLayout(name_row)
        self.template_body = BoundedTextEdit(100_000)
        self.template_body.setAccessibleName("Template text")
        self.template_body.setPlaceholderText("## A heading\n\nWhat the entry should ask…")
        layout.addWidget(self.template_body, 1)
        self.template_message = FieldMessage()
        layout.addWidget(self.template_message)
        buttons = QHBoxLayout()
        self.save_template_button = QPushButton("&Save as my template")
        self.save_template_button.clicked.connect(self.save_template)
        self.new_template_button = QPushButton("New template")
        self.new_template_button.clicked.connect(self.new_template)
        self.delete_template_button = QPushButton("Delete my template")
        self.delete_template_button.clicked.connect(self.delete_template)
        for button in (
            self.save_template_button,
            self.new_template_button,
            self.delete_template_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    # -- prompts -------------------------------------------------------------

    def reload(self) -> None:
        keep = self.set_choice.currentData()
        self.set_choice.blockSignals(True)
        self.set_choice.clear()
        for prompt_set in journal_prompts.prompt_sets():
            self.set_choice.addItem(prompt_set.label, prompt_set.key)
        index = self.set_choice.findData(keep)
        self.set_choice.setCurrentIndex(max(0, index))
        self.set_choice.blockSignals(False)
        self._show_set()
        self._show_templates()

    def _show_set(self) -> None:
        key = self.set_choice.currentData()
        if key is None:
            return
        prompt_set = journal_prompts.prompt_set(str(key))
        self.when.setText(prompt_set.when)
        self.prompts.set_lines(
            [
                (
                    prompt.text + ("" if prompt.own_id is None else "  (yours)"),
                    "Built in" if prompt.own_id is None else "One of your own",
                    prompt,
                )
                for prompt in prompt_set.prompts
            ]
        )
        self._update_buttons()

    def _selected_prompt(self) -> Prompt | None:
        index = self.prompts_view.currentIndex()
        prompt = self.prompts.data(index, PAYLOAD_ROLE) if index.isValid() else None
        return prompt if isinstance(prompt, Prompt) else None

    def _update_buttons(self) -> None:
        prompt = self._selected_prompt()
        self.delete_prompt_button.setEnabled(prompt is not None and prompt.own_id is not None)
        template = self._selected_template()
        self.delete_template_button.setEnabled(template is not None and template.own_id is not None)

    def add_prompt(self) -> None:
        self.prompt_message.clear()
        try:
            journal_prompts.add_prompt(
                str(self.set_choice.currentData()), self.new_prompt.text(), self._clock()
            )
        except ValidationError as error:
            self.prompt_message.show_message(error.message)
            return
        except StorageWriteError as error:
            self.prompt_message.show_message(error.message)
            return
        self.new_prompt.clear()
        self._show_set()
        self.prompts_view.setCurrentIndex(self.prompts.index(self.prompts.rowCount() - 1))
        self._status("Prompt added")
        self.changed.emit()

    def delete_prompt(self) -> None:
        prompt = self._selected_prompt()
        if prompt is None or prompt.own_id is None:
            return
        prompt_id = prompt.own_id
        try:
            snapshot = journal_prompts.delete_prompt(prompt_id)
        except (StorageWriteError, RecordNotFound) as error:
            self._status(getattr(error, "message", "That prompt is gone already.").split("\n")[0])
            return
        held = {"copy": snapshot}  # a redo keeps its own, newer copy

        def redo() -> None:
            held["copy"] = journal_prompts.delete_prompt(prompt_id)

        self._push_undo(
            f"Delete prompt “{prompt.text}”",
            redo,
            lambda: journal_prompts.restore_prompt(held["copy"]),
        )
        self._status("Prompt deleted. Edit → Undo brings it back.")

    # -- templates -----------------------------------------------------------

    def _show_templates(self, select_name: str = "") -> None:
        self.templates.set_lines(
            [
                (
                    template.name + ("  (yours)" if template.own_id is not None else ""),
                    "",
                    template,
                )
                for template in journal_prompts.templates()
            ]
        )
        for row, (_text, _tip, template) in enumerate(self.templates.lines):
            if template.name == select_name or (not select_name and row == 0):
                self.templates_view.setCurrentIndex(self.templates.index(row))
                break
        self._update_buttons()

    def _selected_template(self) -> Template | None:
        index = self.templates_view.currentIndex()
        template = self.templates.data(index, PAYLOAD_ROLE) if index.isValid() else None
        return template if isinstance(template, Template) else None

    def _show_template(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._switching:
            return
        # Edits to the template being left are saved first, like every other detail.
        if self._template_edited() and not self._save_template_edits():
            self._switching = True
            self.templates_view.setCurrentIndex(previous)
            self._switching = False
            return
        template = self._selected_template()
        self.template_message.clear()
        if template is not None:
            self.template_name.setText(template.name)
            self.template_body.setPlainText(template.body)
        self._shown_template = (self.template_name.text(), self.template_body.toPlainText())
        self._update_buttons()

    def _template_edited(self) -> bool:
        now = (self.template_name.text(), self.template_body.toPlainText())
        return now != self._shown_template and any(part.strip() for part in now)

    def _save_template_edits(self) -> bool:
        self.template_message.clear()
        try:
            saved = journal_prompts.save_template(
                self.template_name.text(), self.template_body.toPlainText(), self._clock()
            )
        except (ValidationError, StorageWriteError) as error:
            self.template_message.show_message(error.message)
            self._status("This template has a change that isn't saved yet: see the message.")
            return False
        self._shown_template = (saved.name, saved.body)
        self._status(f"Template “{saved.name}” saved")
        self.changed.emit()
        return True

    def flush(self) -> bool:
        """Save edits to the template on screen (leaving the tab, the section, or closing)."""
        if not self._template_edited():
            return True
        if not self._save_template_edits():
            return False
        self._switching = True
        self._show_templates(self._shown_template[0])
        self._switching = False
        return True

    def new_template(self) -> None:
        if not self.flush():
            return
        self._switching = True
        self.templates_view.clearSelection()
        self.templates_view.setCurrentIndex(self.templates.index(-1))
        self._switching = False
        self.template_name.clear()
        self.template_body.clear()
        self._shown_template = ("", "")
        self.template_name.setFocus()
        self._update_buttons()

    def save_template(self) -> None:
        if self._save_template_edits():
            self._switching = True
            self._show_templates(self._shown_template[0])
            self._switching = False

    def delete_template(self) -> None:
        template = self._selected_template()
        if template is None or template.own_id is None:
            return
        template_id = template.own_id
        try:
            snapshot = journal_prompts.delete_template(template_id)
        except (StorageWriteError, RecordNotFound) as error:
            self._status(getattr(error, "message", "That template is gone.").split("\n")[0])
            return
        held = {"copy": snapshot}

        def redo() -> None:
            held["copy"] = journal_prompts.delete_template(template_id)

        self._push_undo(
            f"Delete template “{template.name}”",
            redo,
            lambda: journal_prompts.restore_template(held["copy"]),
        )
        self._status(f"Template “{template.name}” deleted. Edit → Undo brings it back.")

    def _push_undo(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        def after() -> None:
            self._show_set()
            self._show_templates()
            self.changed.emit()

        self._undo_stack.push(
            AlreadyDoneCommand(text, self._undo_stack, redo, undo, after, self._status)
        )
        after()
