"""Writing and changing the why in its editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from pathfinder.paths import Paths
from pathfinder.services.why import WHY_PART_LIMIT, current_why, save_why, why_history
from pathfinder.store.database import db
from pathfinder.views.compass.why_editor import WELCOME, WhyEditor


def make_editor(qtbot, clock) -> tuple[WhyEditor, list[str]]:
    messages: list[str] = []
    editor = WhyEditor(clock, messages.append)
    qtbot.addWidget(editor)
    return editor, messages


def test_a_first_start_greets_and_asks_for_the_why(notebook: Paths, qtbot, clock) -> None:
    editor, _ = make_editor(qtbot, clock)
    assert editor.intro.text() == WELCOME
    assert not editor.new_version_button.isEnabled()
    assert all(e.toPlainText() == "" for e in editor.editors.values())


def test_typing_saves_itself_after_a_pause(notebook: Paths, qtbot, clock) -> None:
    editor, messages = make_editor(qtbot, clock)
    editor.show()
    editor.editors["coming_from"].setFocus()
    qtbot.keyClicks(editor.editors["coming_from"], "Teaching science")
    qtbot.keyClicks(editor.editors["going_to"], "UX research")
    qtbot.waitUntil(lambda: current_why() is not None, timeout=10_000)
    why = current_why()
    assert why is not None
    assert (why.coming_from, why.going_to) == ("Teaching science", "UX research")
    assert "Saved" in messages
    assert editor.new_version_button.isEnabled()


def test_a_change_a_week_later_becomes_a_second_version(notebook: Paths, qtbot, clock) -> None:
    editor, _ = make_editor(qtbot, clock)
    editor.editors["going_to"].setPlainText("UX research")
    editor.flush()
    clock.advance(days=7)
    editor.editors["going_to"].setPlainText("Learning design")
    editor.flush()
    assert [w.going_to for w in why_history()] == ["Learning design", "UX research"]
    assert "written on" in editor.state_label.text()


def test_start_a_new_version_keeps_todays_in_the_history(notebook: Paths, qtbot, clock) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    editor, _ = make_editor(qtbot, clock)
    qtbot.mouseClick(editor.new_version_button, Qt.MouseButton.LeftButton)
    assert "next change starts a new version" in editor.state_label.text()
    editor.editors["going_to"].setPlainText("Product research")
    editor.flush()
    assert [w.going_to for w in why_history()] == ["Product research", "UX research"]


def test_a_huge_paste_is_turned_away_with_a_message(notebook: Paths, qtbot, clock) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    editor, _ = make_editor(qtbot, clock)
    editor.show()
    field = editor.editors["reason"]
    field.setPlainText("I like people")
    QApplication.clipboard().setText("x" * (10 * 1024 * 1024))
    field.selectAll()
    field.paste()
    assert editor.messages["reason"].isVisible()
    assert "10,485,760 characters" in editor.messages["reason"].text_label.text()
    assert field.toPlainText() == "I like people"
    QApplication.clipboard().setText(" and learning")
    field.moveCursor(QTextCursor.MoveOperation.End)
    field.paste()
    assert field.toPlainText() == "I like people and learning"


def test_an_oversized_text_is_refused_at_the_field_and_kept(notebook: Paths, qtbot, clock) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    editor, _ = make_editor(qtbot, clock)
    editor.show()
    too_long = "x" * (WHY_PART_LIMIT + 1)
    editor.editors["reason"].setPlainText(too_long)
    editor.flush()
    assert editor.messages["reason"].isVisible()
    assert "can hold up to 20,000" in editor.messages["reason"].text_label.text()
    assert editor.editors["reason"].toPlainText() == too_long
    assert current_why().reason == ""  # type: ignore[union-attr]


def test_a_full_disk_keeps_the_text_and_says_so(notebook: Paths, qtbot, clock) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    editor, messages = make_editor(qtbot, clock)
    editor.show()
    db.pragma("max_page_count", db.pragma("page_count"))
    clock.advance(days=1)
    editor.editors["reason"].setPlainText("y" * 15_000)
    editor.flush()
    assert editor.save_problem.isVisible()
    assert "disk is full" in editor.save_problem.text_label.text()
    assert editor.editors["reason"].toPlainText() == "y" * 15_000
    assert len(why_history()) == 1
    assert messages[-1].startswith("Not saved")


def test_a_requested_new_version_survives_typing_back_to_the_same_text(
    notebook: Paths, qtbot, clock
) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    editor, _ = make_editor(qtbot, clock)
    editor.new_version_button.click()
    field = editor.editors["going_to"]
    field.setPlainText("UX researchx")
    field.setPlainText("UX research")  # typed a letter and took it back
    editor.flush()
    assert len(why_history()) == 1
    field.setPlainText("Product research")
    editor.flush()
    assert [w.going_to for w in why_history()] == ["Product research", "UX research"]


def test_a_refused_save_stays_pending_until_it_succeeds(notebook: Paths, qtbot, clock) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    editor, _ = make_editor(qtbot, clock)
    db.pragma("max_page_count", db.pragma("page_count"))
    clock.advance(days=1)
    editor.editors["reason"].setPlainText("y" * 15_000)
    assert editor.flush() is False
    assert editor.flush() is False  # still pending, not forgotten
    db.pragma("max_page_count", 1_000_000)
    assert editor.flush() is True
    assert current_why().reason == "y" * 15_000  # type: ignore[union-attr]
