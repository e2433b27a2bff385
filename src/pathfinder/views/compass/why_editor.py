"""Writing the why: three short answers that save themselves as you type."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services.validation import ValidationError
from pathfinder.services.why import WHY_PART_LIMIT, Why, current_why, save_why
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.formatting import full_date
from pathfinder.views.widgets.autosave import Autosaver
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.field_message import FieldMessage

WELCOME = (
    "<b>Welcome to Pathfinder.</b> Everything here starts from your why: where you are "
    "coming from, where you would like to go, and what draws you there. A few honest "
    "sentences are plenty, and you can change them whenever you like; every change is "
    "kept with its date."
)
HINT = (
    "Your why saves itself as you type. Changing it on a later day keeps the earlier "
    "version in the history, so you can see how your thinking moves."
)
FIELDS = (
    (
        "coming_from",
        "Where I'm &coming from",
        "For example: eight years teaching secondary-school science",
    ),
    (
        "going_to",
        "Where I'd &like to go",
        "For example: a UX research role in education technology",
    ),
    (
        "reason",
        "&Why",
        "For example: I love finding out how people learn, and I want to do it at scale",
    ),
)


class WhyEditor(QWidget):
    saved = Signal(object)  # Why

    def __init__(
        self,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._status = status
        self._new_version = False
        self._shown: Why | None = None
        self._autosaver = Autosaver(self._save, self)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        body = QWidget()
        body.setMaximumWidth(860)
        outer.addWidget(body, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setSpacing(10)
        self.editors: dict[str, BoundedTextEdit] = {}
        self.messages: dict[str, FieldMessage] = {}
        for name, label_text, hint in FIELDS:
            editor = BoundedTextEdit(WHY_PART_LIMIT)
            editor.setPlaceholderText(hint)
            editor.setAccessibleName(label_text.replace("&", ""))
            editor.setMinimumHeight(editor.fontMetrics().lineSpacing() * 4 + 12)
            editor.textChanged.connect(self._on_text_changed)
            label = QLabel(label_text)
            label.setBuddy(editor)
            message = FieldMessage()
            editor.refused.connect(message.show_message)
            column = QVBoxLayout()
            column.setSpacing(4)
            column.addWidget(editor)
            column.addWidget(message)
            form.addRow(label, column)
            self.editors[name] = editor
            self.messages[name] = message
        layout.addLayout(form, 1)

        self.save_problem = FieldMessage()
        layout.addWidget(self.save_problem)

        footer = QHBoxLayout()
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        footer.addWidget(self.state_label, 1)
        self.new_version_button = QPushButton("Start a &new version")
        self.new_version_button.setToolTip(
            "Keep today's why in the history as it is now; your next change becomes a new version."
        )
        self.new_version_button.clicked.connect(self._start_new_version)
        footer.addWidget(self.new_version_button)
        layout.addLayout(footer)
        self.load()

    # -- reading and writing -------------------------------------------------

    def load(self) -> None:
        """Show the current why (dropping any unsaved typing only if asked to reload)."""
        self._autosaver.cancel()
        why = current_why()
        for name, editor in self.editors.items():
            editor.blockSignals(True)
            editor.setPlainText(why.part(name) if why else "")
            editor.blockSignals(False)
        self._show_state(why)

    def flush(self) -> bool:
        """Save what was typed; False if it could not be saved (it stays on screen)."""
        return self._autosaver.flush()

    def texts(self) -> dict[str, str]:
        return {name: editor.toPlainText() for name, editor in self.editors.items()}

    def _on_text_changed(self) -> None:
        self._autosaver.touch()

    def _save(self) -> bool:
        for message in self.messages.values():
            message.clear()
        self.save_problem.clear()
        try:
            why = save_why(**self.texts(), now=self._clock(), new_version=self._new_version)
        except ValidationError as error:
            self.messages[error.field].show_message(error.message)
            return False
        except StorageWriteError as error:
            self.save_problem.show_message(error.message)
            self._status("Not saved: see the message under your why.")
            return False
        if why is None or why == self._shown:
            # Nothing was written (empty, or back to the saved text); a requested new
            # version is still to come.
            return True
        if self._shown is None or why.id != self._shown.id:
            self._new_version = False
        self._show_state(why)
        self._status("Saved")
        self.saved.emit(why)
        return True

    def _start_new_version(self) -> None:
        if not self.flush():
            self._status("Your last change isn't saved yet: see the message under your why.")
            return
        self._new_version = True
        self.state_label.setText(
            "Your next change starts a new version; the one you see stays in the history."
        )
        self._status("Your next change to the why starts a new version.")

    def _show_state(self, why: Why | None) -> None:
        self._shown = why
        self.intro.setText(HINT if why else WELCOME)
        self.new_version_button.setEnabled(why is not None)
        if why is None:
            self.state_label.setText("Nothing written yet.")
        else:
            written = full_date(why.written_at)
            self.state_label.setText(f"Saved. This version was written on {written}.")
