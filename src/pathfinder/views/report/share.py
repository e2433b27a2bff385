"""Share my goals: a few lines for friends and family, built from the why and the roles,
with the person's own words on how someone can help."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services.settings import SHARE_HELP, get_setting, set_setting
from pathfinder.services.share_goals import DEFAULT_HELP, share_text
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.widgets.autosave import Autosaver
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.field_message import FieldMessage
from pathfinder.views.widgets.headings import subheading

HELP_LIMIT = 2_000


class ShareGoalsTab(QWidget):
    def __init__(self, status: Callable[[str], None]) -> None:
        super().__init__()
        self._status = status
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        intro = QLabel(
            "People who care about you want to help, but often don't know how. Send them "
            "this: where you're heading, the roles you're looking into, and what would help. "
            "It follows your why and your roles in Compass."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        help_label = subheading("How some&one can help")
        layout.addWidget(help_label)
        self.help_text = BoundedTextEdit(HELP_LIMIT)
        self.help_text.setAccessibleName("How someone can help")
        self.help_text.setPlaceholderText(DEFAULT_HELP)
        self.help_text.setPlainText(get_setting(SHARE_HELP))
        self.help_text.setMaximumHeight(90)
        self.help_text.textChanged.connect(self._on_text)
        help_label.setBuddy(self.help_text)
        layout.addWidget(self.help_text)
        self.message = FieldMessage()
        self.help_text.refused.connect(self.message.show_message)
        layout.addWidget(self.message)
        layout.addWidget(subheading("The message"))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The message to copy")
        layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton("&Copy the message")
        self.copy_button.clicked.connect(self.copy)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._autosaver = Autosaver(self._save, self)

    def _on_text(self) -> None:
        self.message.clear()
        self._autosaver.touch()
        self.refresh()

    def _save(self) -> bool:
        try:
            set_setting(SHARE_HELP, self.help_text.toPlainText())
        except StorageWriteError as error:
            self.message.show_message(error.message)
            return False
        return True

    def refresh(self) -> None:
        self.preview.setPlainText(share_text(self.help_text.toPlainText()))

    def copy(self) -> None:
        self.flush()  # kept for next time; the copy uses what is on screen either way
        self.refresh()
        QGuiApplication.clipboard().setText(self.preview.toPlainText())
        self._status("Copied the message: paste it into an email or a chat.")

    def flush(self) -> bool:
        return self._autosaver.flush()
