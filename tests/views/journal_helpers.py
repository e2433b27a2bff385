"""What the Journal's view tests share: a page or a window made for a test, typing as a
person types, and the entry selected in the list."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from pathfinder.paths import Paths
from pathfinder.views.journal.page import JournalPage
from pathfinder.views.main_window import MainWindow


def make_page(qtbot, clock, paths: Paths) -> tuple[JournalPage, QUndoStack, list[str]]:
    undo = QUndoStack()
    messages: list[str] = []
    page = JournalPage(undo, clock, messages.append, paths.unsaved_file)
    # Save what a test typed while its own notebook is open, so a pending save can't
    # fire into the next test's notebook.
    qtbot.addWidget(page, before_close_func=lambda widget: widget.flush())
    page.resize(1200, 800)
    page.show()
    return page, undo, messages


def make_window(qtbot, paths: Paths, clock) -> MainWindow:
    window = MainWindow(paths, clock)
    window.remember_state = False
    qtbot.addWidget(window)
    window.show()
    return window


def type_into(qtbot, widget, text: str) -> None:
    """Type at the end of what is there, as after a click below the last line."""
    widget.setFocus()
    if hasattr(widget, "moveCursor"):
        from PySide6.QtGui import QTextCursor

        widget.moveCursor(QTextCursor.MoveOperation.End)
    else:
        widget.end(False)
    qtbot.keyClicks(widget, text)


def select_entry(page: JournalPage, entry_id: int) -> None:
    from pathfinder.views.widgets.selection import select_only_row

    row = page.model.row_of(entry_id)
    assert row is not None
    select_only_row(page.list, row)


def highlighted(page: JournalPage) -> int | None:
    rows = page.list.selectionModel().selectedRows()
    return page.model.entry_at(rows[0].row()) if rows else None
