"""The search box in the toolbar: every kind of record found and opened, what was being
typed saved first, and the list closed when the section changes."""

from __future__ import annotations

from datetime import date

from journal_helpers import make_window, type_into
from PySide6.QtCore import Qt

from pathfinder.paths import Paths
from pathfinder.services import events, journal, people


def test_search_box_finds_and_opens_every_kind(notebook: Paths, qtbot, clock) -> None:
    ana = people.add_person("Ana Ruiz", now=clock(), organisation="Acme Health")
    entry = journal.add_entry(clock(), title="About Ana", body="Ana Ruiz was kind")
    meetup = events.add_event("Ana's meetup", date(2026, 2, 1), now=clock())
    window = make_window(qtbot, notebook, clock)
    box = window.search_box
    window.search_action.trigger()
    assert window.focusWidget() is box
    type_into(qtbot, box, "ana")
    box.refresh()
    kinds = [group.kind for group in box.last_groups]
    assert kinds == ["person", "event", "journal_entry"]
    # The first hit is selected; Enter opens the person in People.
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.current_section() is window.people_page
    assert window.people_page.detail.person.id == ana.id
    # Down to the event, then the journal entry.
    box.setText("ana")
    box.refresh()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.current_section() is window.conversations_page
    assert window.conversations_page.events.selected_record().id == meetup.id
    box.setText("kind")
    box.refresh()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.current_section() is window.journal_page
    assert window.journal_page.editor.entry_id == entry.id
    # Anything may be typed.
    for text in ['"', "NEAR(", "AND", "*", "((", "😀", "x" * 10_000]:
        box.setText(text)
        box.refresh()
    assert box.popup.model.item(0).text().startswith("Nothing matches")


def test_searching_saves_typing_first(notebook: Paths, qtbot, clock) -> None:
    window = make_window(qtbot, notebook, clock)
    window.new_journal_entry()
    type_into(qtbot, window.journal_page.editor.text_edit, "zebra crossing")
    window.search_box.setText("zebra")
    window.search_box.refresh()
    assert [g.kind for g in window.search_box.last_groups] == ["journal_entry"]


def test_the_search_list_closes_when_the_section_changes(notebook: Paths, qtbot, clock) -> None:
    people.add_person("Ana Ruiz", now=clock())
    window = make_window(qtbot, notebook, clock)
    window.search_box.setText("ana")
    window.search_box.refresh()
    assert window.search_box.popup.isVisible()
    window.show_section(2)
    assert not window.search_box.popup.isVisible()


def test_the_list_is_made_at_the_first_search_and_an_empty_field_opens_nothing(
    notebook: Paths, qtbot, clock
) -> None:
    people.add_person("Ana Ruiz", now=clock())
    window = make_window(qtbot, notebook, clock)
    box = window.search_box
    opened: list[tuple[str, int]] = []
    box.chosen.connect(lambda kind, record_id: opened.append((kind, record_id)))
    box.setFocus()
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Down, Qt.Key.Key_Up):
        qtbot.keyClick(box, key)
    assert box._popup is None  # not made by keys pressed before any search
    box.setText("ana")
    box.refresh()
    assert box.results_shown()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.results_shown()
    box.clear()  # an earlier search's result is not opened by Enter on an empty field
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert opened == []
