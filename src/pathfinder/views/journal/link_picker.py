"""Pick a person, conversation or event to link an entry to."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services.journal_drafts import LinkChoice, link_choices
from pathfinder.views.journal.mentions import CHOICE_ROLE

KIND_WORDS = {"person": "Person", "conversation": "Conversation", "event": "Event"}


class LinkPicker(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link this entry")
        self.resize(460, 420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        label = QLabel("&Find a person, a conversation or an event:")
        self.search = QLineEdit()
        self.search.setPlaceholderText("A few letters of a name")
        self.search.setClearButtonEnabled(True)
        label.setBuddy(self.search)
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Matches")
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda _index: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Link")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._accept_if_chosen)
        self.search.installEventFilter(self)
        self.refresh("")

    def _accept_if_chosen(self) -> None:
        if self.chosen() is not None:
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the search field move through the matches.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and self.model.rowCount()
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = min(max(self.view.currentIndex().row() + step, 0), self.model.rowCount() - 1)
            self.view.setCurrentIndex(self.model.index(row, 0))
            return True
        return super().eventFilter(watched, event)

    def refresh(self, text: str) -> None:
        self.model.clear()
        for choice in link_choices(text, limit=30):
            words = f"{KIND_WORDS[choice.kind]}: {choice.label}"
            item = QStandardItem(f"{words} — {choice.detail}" if choice.detail else words)
            item.setData(choice, CHOICE_ROLE)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.model.rowCount() > 0
        )

    def chosen(self) -> LinkChoice | None:
        index = self.view.currentIndex()
        choice = index.data(CHOICE_ROLE) if index.isValid() else None
        return choice if isinstance(choice, LinkChoice) else None


def pick_link(parent: QWidget) -> LinkChoice | None:
    dialog = LinkPicker(parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.chosen()
    return None
