"""The Journal's list of entries: filters and going to a date, months placed among the
entries, the keyboard stepping over month headings, and the entry shown kept
highlighted."""

from __future__ import annotations

from datetime import datetime

from journal_helpers import highlighted, make_page, select_entry, type_into
from PySide6.QtCore import Qt

from pathfinder.paths import Paths
from pathfinder.services import journal, people
from pathfinder.services.journal import JournalFilter


def test_filters_and_jump_to_date(notebook: Paths, qtbot, clock) -> None:
    ana = people.add_person("Ana Ruiz", now=clock())
    january = journal.add_entry(clock(), title="January", written_at=datetime(2026, 1, 10, 9))
    february = journal.add_entry(
        clock(), title="February", written_at=datetime(2026, 2, 10, 9), mood=2, tags=["doubt"]
    )
    march = journal.add_entry(clock(), title="March", shared=True, links=[("person", ana.id)])
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    assert page.model.entry_ids == [march.id, february.id, january.id]
    months = [page.model.data(page.model.index(r)) for r in range(page.model.rowCount())]
    assert months[0].startswith("March 2026 · 1 entry")
    page.tag_filter.select("doubt")
    assert page.model.entry_ids == [february.id]
    page.clear_filters()
    page.mood_filter.setCurrentIndex(page.mood_filter.findData(2))
    assert page.model.entry_ids == [february.id]
    page.clear_filters()
    page.shared_filter.setChecked(True)
    assert page.model.entry_ids == [march.id]
    page.clear_filters()
    page.person_filter.select(ana.id)
    assert page.model.entry_ids == [march.id]
    page.shared_filter.setChecked(True)
    page.person_filter.select(None)
    page.mood_filter.setCurrentIndex(page.mood_filter.findData(5))
    assert page.list_stack.currentWidget() is page.no_match
    page.no_match.button.click()
    assert len(page.model.entry_ids) == 3
    page.jump_date.setDate(page.jump_date.date().fromString("2026-02-20", "yyyy-MM-dd"))
    page.jump_to_date()
    assert page.editor.entry_id == february.id
    assert page.model.filter == JournalFilter()


def test_a_quick_switch_highlights_the_entry_shown(notebook: Paths, qtbot, clock) -> None:
    older = journal.add_entry(clock(), title="Older", written_at=datetime(2026, 2, 1, 9))
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.new_entry()
    type_into(qtbot, page.editor.text_edit, "fresh words")
    select_entry(page, older.id)  # within the pause: saving the new one reloads the list
    assert page.editor.entry_id == older.id
    assert highlighted(page) == older.id
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert not journal.entry_exists(older.id)
    assert [journal.get_entry(i).body for i, _m in journal.entry_ids()] == ["fresh words"]


def test_a_date_change_within_the_month_reorders_the_list(notebook: Paths, qtbot, clock) -> None:
    first = journal.add_entry(clock(), title="A", written_at=datetime(2026, 3, 1, 9))
    second = journal.add_entry(clock(), title="B", written_at=datetime(2026, 3, 2, 9))
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    assert page.model.entry_ids == [second.id, first.id]
    page.show_entry(first.id)
    page.editor.written_at.setDateTime(page.editor.written_at.dateTime().addSecs(30 * 3600))
    assert page.flush()
    assert page.model.entry_ids == [first.id, second.id]
    assert highlighted(page) == first.id


def test_the_keyboard_steps_over_month_headings(notebook: Paths, qtbot, clock) -> None:
    march = journal.add_entry(clock(), title="March")
    february = journal.add_entry(clock(), title="Feb", written_at=datetime(2026, 2, 3, 9))
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    select_entry(page, march.id)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    assert highlighted(page) == february.id and page.editor.entry_id == february.id
    qtbot.keyClick(page.list, Qt.Key.Key_Up)
    assert highlighted(page) == march.id
    # Clicking a heading selects nothing, and Delete then deletes nothing.
    page.list.clearSelection()
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert journal.entry_count() == 2


def test_the_list_places_months_and_entries_by_position(notebook: Paths, qtbot, clock) -> None:
    made = [
        journal.add_entry(clock(), title=f"E{n}", written_at=datetime(2026, month, day, 9))
        for n, (month, day) in enumerate([(1, 5), (1, 9), (2, 1), (3, 1), (3, 2)])
    ]
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    model = page.model
    shown = [model.data(model.index(row)).split("\n")[0] for row in range(model.rowCount())]
    assert [line.split(" ·")[0] for line in shown] == [
        "March 2026",
        "E4",
        "E3",
        "February 2026",
        "E2",
        "January 2026",
        "E1",
        "E0",
    ]
    for entry in made:
        assert model.entry_at(model.row_of(entry.id)) == entry.id
    assert [model.entry_at(row) for row in (0, 3, 5)] == [None, None, None]
