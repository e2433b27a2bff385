"""The People table as a whole: text and the filter bar (and the lists it reads when
used), the heading's counts, rows found again after sorting, and changes to many
people at once with their undo."""

from __future__ import annotations

from people_helpers import make_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from pathfinder.paths import Paths
from pathfinder.services import interactions, people, people_bulk


def test_the_text_filter_and_the_going_cold_filter(notebook: Paths, qtbot, clock) -> None:
    people.add_person("Priya Shah", organisation="Acme Health", now=clock())
    people.add_person(
        "Tom Reyes", organisation="Globex", cadence_days=14, now=clock().replace(year=2025)
    )
    page, _, _ = make_page(qtbot, clock)
    page.apply_filter_text("acme")
    assert [row.name for row in page.model.rows] == ["Priya Shah"]
    assert page.match_label.text() == "1 shown"
    page.apply_filter_text("nobody like this")
    assert page.table_stack.currentIndex() == 1  # "Nobody matches these filters."
    page.filters.clear()
    page.filters.going_cold.setChecked(True)
    assert [row.name for row in page.model.rows] == ["Tom Reyes"]


def test_typing_in_the_filter_waits_for_a_pause(notebook: Paths, qtbot, clock) -> None:
    people.add_person("Priya", now=clock())
    people.add_person("Tom", now=clock())
    page, _, _ = make_page(qtbot, clock)
    qtbot.keyClicks(page.filters.text, "tom")
    assert len(page.model.ids) == 2  # not yet: it waits for a pause in the typing
    qtbot.waitUntil(lambda: [row.name for row in page.model.rows] == ["Tom"], timeout=10_000)


def test_a_filter_change_waits_with_the_bar_while_a_change_is_held(
    notebook: Paths, qtbot, clock
) -> None:
    priya = people.add_person("Priya", now=clock())
    people.add_person("Bob", now=clock())
    page, _, messages = make_page(qtbot, clock)
    page.select_person(priya.id)
    page.detail.form.email.setText("priya@")
    page.detail.form.emit_changed()
    page.apply_filter_text("bob")
    assert page.filters.text.text() == ""  # the bar shows what the table shows
    assert len(page.model.ids) == 2
    assert "isn't saved yet" in messages[-1]


def test_sorting_a_column_keeps_the_selection_on_the_same_person(
    notebook: Paths, qtbot, clock
) -> None:
    people.add_person("Zoe", organisation="Acme", now=clock())
    bob = people.add_person("Bob", organisation="Zeta", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.select_person(bob.id)
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by organisation
    assert [row.name for row in page.model.rows] == ["Zoe", "Bob"]
    assert page.selected_ids() == [bob.id]
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [row.name for row in page.model.rows] == ["Zoe", "Bob"]
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [row.name for row in page.model.rows] == ["Bob", "Zoe"]


def test_the_organisation_and_tag_filters(notebook: Paths, qtbot, clock) -> None:
    people.add_person("Priya", organisation="Acme", tags=["edtech"], now=clock())
    people.add_person("Tom", organisation="Globex", now=clock())
    page, _, _ = make_page(qtbot, clock)
    organisation = page.filters.organisation
    qtbot.keyClick(organisation, Qt.Key.Key_Down)  # the list is read before the key moves
    assert organisation.count() == 3  # "Any organisation", Acme, Globex
    assert [row.name for row in page.model.rows] == ["Priya"]
    organisation.setCurrentIndex(2)
    assert [row.name for row in page.model.rows] == ["Tom"]
    page.filters.clear()
    page.filters.tag.select("edtech")
    assert [row.name for row in page.model.rows] == ["Priya"]


def test_the_filter_lists_are_read_when_used_and_after_changes(
    notebook: Paths, qtbot, clock
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent

    people.add_person("Priya", organisation="Acme", tags=["edtech"], now=clock())
    page, _, _ = make_page(qtbot, clock)
    organisation, tag = page.filters.organisation, page.filters.tag
    assert (organisation.count(), tag.count()) == (1, 1)  # only "Any": nobody has looked
    QApplication.sendEvent(tag, QFocusEvent(QEvent.Type.FocusIn))
    assert [tag.itemText(i) for i in range(tag.count())] == ["Any tag", "edtech"]
    people.add_person("Tom", organisation="Globex", tags=["fintech"], now=clock())
    page.reload()
    QApplication.sendEvent(tag, QFocusEvent(QEvent.Type.FocusIn))
    assert [tag.itemText(i) for i in range(tag.count())] == ["Any tag", "edtech", "fintech"]
    # A list with a choice made is read again at once: the choice may have gone.
    qtbot.keyClick(organisation, Qt.Key.Key_Down)
    assert organisation.currentText() == "Acme"
    people.add_person("Ana", organisation="Zeta", now=clock())
    page.reload()
    assert organisation.count() == 4 and organisation.currentText() == "Acme"
    assert [row.name for row in page.model.rows] == ["Priya"]


def test_the_heading_counts_everyone_whatever_the_filter(notebook: Paths, qtbot, clock) -> None:
    people.add_person("Priya", organisation="Acme", now=clock())
    people.add_person("Tom", now=clock())
    people_bulk.set_archived([people.add_person("Old friend", now=clock()).id], True)
    page, _, _ = make_page(qtbot, clock)
    assert page.count_label.text().startswith("2 people in your network")
    assert page.people_stack.count() == 1  # the empty state is never made
    page.apply_filter_text("acme")
    page.reload()
    assert page.count_label.text().startswith("2 people in your network")
    assert page.match_label.text() == "1 shown"
    page.filters.clear()
    page.filters.archived.setChecked(True)
    page.reload()
    assert page.count_label.text().startswith("2 people in your network")
    assert [row.name for row in page.model.rows] == ["Old friend"]


def test_rows_are_found_before_and_after_sorting(notebook: Paths, qtbot, clock) -> None:
    added = [people.add_person(f"Person {n:02}", level=1 + n % 3, now=clock()) for n in range(20)]
    gone = added.pop(5)
    people_bulk.set_archived([gone.id], True)
    page, _, _ = make_page(qtbot, clock)
    model = page.model
    for _round in range(2):  # the first look-ups search the ids, later ones use a map
        assert [model.row_of(person.id) for person in added] == list(range(len(added)))
        assert model.row_of(gone.id) is None
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # by level, then name
    expected = [p.id for p in sorted(added, key=lambda p: (p.level, p.name), reverse=True)]
    assert model.ids == expected
    assert [model.row_of(person_id) for person_id in expected] == list(range(len(expected)))
    assert model.row_of(gone.id) is None


def test_bulk_tag_and_undo(notebook: Paths, qtbot, clock, monkeypatch) -> None:
    a = people.add_person("A", tags=["meetup"], now=clock())
    b = people.add_person("B", now=clock())
    page, undo, _ = make_page(qtbot, clock)
    page.table.selectAll()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("meetup", True))
    page.bulk.tag_selected()
    assert people.get_person(b.id).tags == ("meetup",)  # type: ignore[union-attr]
    undo.undo()
    assert people.get_person(b.id).tags == ()  # type: ignore[union-attr]
    assert people.get_person(a.id).tags == ("meetup",)  # type: ignore[union-attr]


def test_bulk_level_and_archive_with_undo(notebook: Paths, qtbot, clock) -> None:
    a = people.add_person("A", level=2, now=clock())
    b = people.add_person("B", level=3, now=clock())
    page, undo, _ = make_page(qtbot, clock)
    page.table.selectAll()
    page.bulk.set_level_selected(1)
    assert {p.level for p in people.get_people([a.id, b.id])} == {1}
    undo.undo()
    assert people_bulk.levels_of([a.id, b.id]) == {a.id: 2, b.id: 3}
    page.table.selectAll()
    page.bulk.archive_selected()
    assert page.model.rows == []
    page.filters.archived.setChecked(True)
    assert sorted(row.name for row in page.model.rows) == ["A", "B"]
    undo.undo()
    assert people.people_count() == 2


def test_the_header_counts_what_was_given_and_received(notebook: Paths, qtbot, clock) -> None:
    priya = people.add_person("Priya", now=clock())
    interactions.log_interaction(priya.id, interactions.kind_id("gave"), now=clock())
    page, _, _ = make_page(qtbot, clock)
    assert "you gave 1, received 0" in page.count_label.text()
