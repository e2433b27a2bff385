"""`@` completion in the journal editor: type @ and a few letters of a person, a
conversation or an event, pick one, and the entry is linked to it."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import QCompleter, QWidget

from pathfinder.services.journal import LinkChoice, link_choices
from pathfinder.views.widgets.bounded_text import BoundedTextEdit

# "@" at the start or after a blank, then up to 40 characters of a name (no "@", no newline).
_MENTION = re.compile(r"(?:^|(?<=\s))@([^@\n]{1,40})$")
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
_KEYS_FOR_POPUP = {
    Qt.Key.Key_Enter,
    Qt.Key.Key_Return,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
}


class MentionTextEdit(BoundedTextEdit):
    """A plain-text editor that offers links when the user types `@name`."""

    link_chosen = Signal(str, int)  # kind, id

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(limit, parent)
        self.choices_model = QStandardItemModel(self)
        self.completer = QCompleter(self.choices_model, self)
        self.completer.setWidget(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.activated[QModelIndex].connect(self._insert_choice)
        self._typed = ""

    def mention_being_typed(self) -> str:
        cursor = self.textCursor()
        block = cursor.block().text()[: cursor.positionInBlock()]
        found = _MENTION.search(block)
        return found.group(1) if found else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup()
        if popup.isVisible() and event.key() in _KEYS_FOR_POPUP:
            event.ignore()  # the completer takes these (choose, or close)
            return
        super().keyPressEvent(event)
        if event.text() or event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.offer_choices()

    def offer_choices(self) -> None:
        typed = self.mention_being_typed()
        if not typed.strip():
            self.completer.popup().hide()
            return
        choices = link_choices(typed, limit=10)
        if not choices:
            self.completer.popup().hide()
            return
        self._typed = typed
        self.choices_model.clear()
        for choice in choices:
            item = QStandardItem(
                f"{choice.label} — {choice.detail}" if choice.detail else choice.label
            )
            item.setData(choice, CHOICE_ROLE)
            self.choices_model.appendRow(item)
        rect = self.cursorRect()
        rect.setWidth(max(320, self.completer.popup().sizeHintForColumn(0) + 24))
        self.completer.complete(rect)
        self.completer.popup().setCurrentIndex(self.choices_model.index(0, 0))

    def _insert_choice(self, index: QModelIndex) -> None:
        choice = index.data(CHOICE_ROLE)
        if not isinstance(choice, LinkChoice):
            return
        self.choose(choice)

    def choose(self, choice: LinkChoice) -> None:
        """Replace the typed `@na` with `@Name` and link the entry."""
        cursor = self.textCursor()
        typed = self.mention_being_typed() or self._typed
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(typed)
        )
        name = choice.label.removeprefix("Conversation with ")
        cursor.insertText(f"{name} ")
        self.setTextCursor(cursor)
        self.completer.popup().hide()
        self.link_chosen.emit(choice.kind, choice.target_id)
