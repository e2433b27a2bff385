"""A full disk while writing in the journal: the person is told, the words stay in the
editor (and in the safety copy), what was saved before is intact, and the save goes
through once there is room."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QUndoStack

from pathfinder.paths import Paths
from pathfinder.services import journal, unsaved
from pathfinder.store.database import db
from pathfinder.views.journal.page import JournalPage


def test_a_full_disk_keeps_the_words_until_there_is_room(notebook: Paths, qtbot, clock) -> None:
    earlier = journal.add_entry(
        clock(), title="Earlier", body="Kept safe", written_at=datetime(2026, 2, 1, 9)
    )
    messages: list[str] = []
    page = JournalPage(QUndoStack(), clock, messages.append, notebook.unsaved_file)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.new_entry()
    words = "What the recruiter said about portfolios, word for word. " * 400
    db.pragma("max_page_count", db.pragma("page_count"))
    page.editor.text_edit.setPlainText(words)
    assert page.flush() is False
    assert "disk is full" in page.editor.body_message.text()
    assert messages[-1].startswith("Not saved")
    assert page.editor.text_edit.toPlainText() == words
    assert unsaved.read(notebook.unsaved_file) is not None  # the safety copy holds them too
    assert [journal.get_entry(i).title for i, _m in journal.entry_ids()] == ["Earlier"]
    assert journal.get_entry(earlier.id).body == "Kept safe"
    db.pragma("max_page_count", 1_000_000)
    assert page.flush() is True
    bodies = [journal.get_entry(i).body for i, _m in journal.entry_ids()]
    assert words.strip() in [b.strip() for b in bodies]
    assert not notebook.unsaved_file.exists()
