"""What the People view tests share: a People page made for a test, with its undo stack
and the messages it shows in the status bar."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from pathfinder.views.people.page import PeoplePage


def make_page(qtbot, clock) -> tuple[PeoplePage, QUndoStack, list[str]]:
    undo = QUndoStack()
    messages: list[str] = []
    page = PeoplePage(undo, clock, messages.append)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    return page, undo, messages
