"""The row of an entry's links (people, conversations, events) with Link… and Remove link."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from pathfinder.services.journal import Link
from pathfinder.views.journal.entry_fields import KIND_WORDS
from pathfinder.views.widgets.lines_model import PAYLOAD_ROLE, LinesModel


class LinksRow(QWidget):
    add_requested = Signal()
    remove_requested = Signal(object)  # the Link
    open_requested = Signal(object)  # the Link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.model = LinesModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Linked people, conversations and events")
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setSpacing(3)
        self.view.setFixedHeight(self.fontMetrics().height() * 2 + 14)
        self.view.setToolTip("Press Enter or double-click to open")
        self.view.activated.connect(self._open)
        self.add_button = QPushButton("&Link…")
        self.add_button.setToolTip(
            "Link a person, a conversation or an event (or type @ and a name)"
        )
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton("&Remove link")
        self.remove_button.clicked.connect(self._remove)
        row.addWidget(self.view, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        row.addLayout(buttons)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_links(self, links: list[Link]) -> None:
        self.model.set_lines([(f"{KIND_WORDS[link.kind]}{link.label}", "", link) for link in links])
        self._update_buttons()

    def current(self) -> Link | None:
        index = self.view.currentIndex()
        link = self.model.data(index, PAYLOAD_ROLE) if index.isValid() else None
        return link if isinstance(link, Link) else None

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.view.currentIndex().isValid())

    def _remove(self) -> None:
        link = self.current()
        if link is not None:
            self.remove_requested.emit(link)

    def _open(self, index: QModelIndex) -> None:
        link = self.model.data(index, PAYLOAD_ROLE)
        if isinstance(link, Link):
            self.open_requested.emit(link)
