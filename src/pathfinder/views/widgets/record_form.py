"""A form for one record, used both in a detail pane (saving itself) and in a create dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.field_message import FieldMessage


class RecordForm(QWidget):
    """Subclasses add fields with `add_field` and implement `values` and `set_record`."""

    changed = Signal()
    edited = Signal()  # typing in a field that saves when the user moves on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setSpacing(10)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.messages: dict[str, FieldMessage] = {}
        self._first_field: QWidget | None = None
        self._loading = False

    def add_field(
        self,
        name: str,
        label_text: str,
        field: QWidget,
        extra: QWidget | None = None,
        buddy: QWidget | None = None,
    ) -> None:
        """A labelled field (with a buddy and mnemonic) and a message slot under it.

        `buddy` is the control the label's mnemonic focuses when `field` is a container.
        """
        label = QLabel(label_text)
        label.setBuddy(buddy or field)
        if self._first_field is None:
            self._first_field = buddy or field
        if buddy is None:
            field.setAccessibleName(label_text.replace("&", ""))
        message = FieldMessage()
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(field)
        if extra is not None:
            column.addWidget(extra)
        column.addWidget(message)
        if isinstance(field, BoundedTextEdit):
            field.refused.connect(message.show_message)
        self.form.addRow(label, column)
        self.messages[name] = message

    def focus_first_field(self) -> None:
        if self._first_field is not None:
            self._first_field.setFocus()

    def emit_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def emit_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def load(self, record: Any) -> None:
        self._loading = True
        try:
            self.clear_errors()
            self.set_record(record)
        finally:
            self._loading = False

    def show_error(self, error: ValidationError) -> None:
        self.messages[error.field].show_message(error.message)

    def clear_errors(self) -> None:
        for message in self.messages.values():
            message.clear()

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def set_record(self, record: Any) -> None:
        raise NotImplementedError

    def has_input(self) -> bool:
        """Whether anything was typed or chosen that a fresh form would not hold."""
        return self.values() != type(self)().values()


class CreateDialog(QDialog):
    """Create one record from a form; Save checks it, Cancel leaves nothing behind."""

    def __init__(
        self,
        title: str,
        form: RecordForm,
        create: Callable[..., Any],
        parent: QWidget | None = None,
        *,
        noun: str | None = None,
        save_text: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = form
        self._create = create
        self.created: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(form)
        self.problem = FieldMessage()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        if save_text:
            buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._noun = noun or title.removeprefix("Add a ").removeprefix("Add an ")

    def reject(self) -> None:
        """Cancel or Esc: ask before throwing away what was typed."""
        if self.created is None and self.form.has_input() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            f"Discard this {self._noun}?",
            f"You have started a new {self._noun}. Discard what you typed?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Cancel).setText("&Keep editing")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    def save(self) -> None:
        self.form.clear_errors()
        self.problem.clear()
        try:
            self.created = self._create(**self.form.values())
        except ValidationError as error:
            self.form.show_error(error)
            return
        except StorageWriteError as error:
            self.problem.show_message(error.message)
            return
        self.accept()
