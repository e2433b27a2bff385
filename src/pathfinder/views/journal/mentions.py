"""`@` completion in the journal editor: type @ and a few letters of a person, a
conversation or an event, pick one, and the entry is linked to it."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import QCompleter, QWidget

from pathfinder.services.journal_drafts import LinkChoice, link_choices
from pathfinder.views.widgets.bounded_text import BoundedTextEdit

# "@" at the start or after a blank, then up to 40 characters of a name: letters, blanks,
# and the marks names use (hyphens, apostrophes, full stops); a comma or a bracket ends it.
_MENTION = re.compile(r"(?:^|(?<=\s))@([^@\n,;:!?()\[\]{}<>\"]{1,40})$")
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
        # Where the "@"s are that were completed or dismissed: they are not offered again.
        self._settled: set[int] = set()
        self.document().contentsChange.connect(self._shift_settled)

    def _mention(self) -> tuple[int, str] | None:
        """(position of the "@", the text after it) when a mention is being typed."""
        cursor = self.textCursor()
        block = cursor.block().text()[: cursor.positionInBlock()]
        found = _MENTION.search(block)
        if found is None:
            return None
        return cursor.block().position() + found.start(1) - 1, found.group(1)

    def _shift_settled(self, position: int, removed: int, added: int) -> None:
        if not self._settled:
            return
        shifted = set()
        for at in self._settled:
            if at >= position + removed:
                shifted.add(at + added - removed)
            elif at < position:
                shifted.add(at)
        self._settled = shifted  # an "@" inside the replaced text is forgotten

    def setPlainText(self, text: str) -> None:
        self._settled = set()
        super().setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup()
        if popup.isVisible() and event.key() in _KEYS_FOR_POPUP:
            if event.key() == Qt.Key.Key_Escape:
                mention = self._mention()
                if mention is not None:
                    self._settled.add(mention[0])  # dismissed: don't offer it again
            event.ignore()  # the completer takes these (choose, or close)
            return
        super().keyPressEvent(event)
        if event.text() or event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.offer_choices()

    def offer_choices(self) -> None:
        mention = self._mention()
        if mention is None or not mention[1].strip() or mention[0] in self._settled:
            self.completer.popup().hide()
            return
        typed = mention[1]
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
        mention = self._mention()
        typed = mention[1] if mention is not None else self._typed
        if mention is not None:
            self._settled.add(mention[0])  # completed: typing on doesn't reopen the list
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(typed)
        )
        name = choice.label.removeprefix("Conversation with ")
        cursor.insertText(f"{name} ")
        self.setTextCursor(cursor)
        self.completer.popup().hide()
        self.link_chosen.emit(choice.kind, choice.target_id)
