"""Target roles and goals pages: add, edit in place, delete and undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack

from pathfinder.paths import Paths
from pathfinder.services import goals, roles
from pathfinder.views.compass.goals import GOAL_KIND, GoalForm
from pathfinder.views.compass.roles import ROLE_KIND, RoleForm
from pathfinder.views.widgets.record_page import RecordListPage


def make_page(qtbot, clock, kind) -> tuple[RecordListPage, QUndoStack, list[str]]:
    undo = QUndoStack()
    messages: list[str] = []
    page = RecordListPage(kind, undo, clock, messages.append)
    qtbot.addWidget(page)
    return page, undo, messages


def test_no_roles_yet_shows_why_they_help_and_the_add_button(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    page, _, _ = make_page(qtbot, clock, ROLE_KIND)
    page.resize(900, 600)
    page.show()
    assert page.currentWidget() is page.empty
    sentence = page.empty.sentence
    assert "Dream big" in sentence.text()
    # The whole sentence is visible, not cut to one line.
    assert sentence.height() >= sentence.heightForWidth(sentence.width())
    assert sentence.heightForWidth(sentence.width()) > 2 * sentence.fontMetrics().height()

    def fill(form: RoleForm) -> None:
        form.title.setText("UX researcher")
        form.industry.setText("Edtech")

    opened = fill_create_dialog(fill)
    page.empty.button.click()
    assert len(opened) == 1
    assert page.currentWidget() is not page.empty
    assert [r.title for r in roles.list_roles()] == ["UX researcher"]
    assert page.model.rowCount() == 1
    assert page.form.title.text() == "UX researcher"


def test_a_role_without_a_title_is_refused_in_the_dialog(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    page, _, _ = make_page(qtbot, clock, ROLE_KIND)
    opened = fill_create_dialog(lambda form: form.industry.setText("Health"))
    page.add_record()
    dialog = opened[0]
    assert dialog.result() == 0
    assert "Give the role a title" in dialog.form.messages["title"].text_label.text()
    assert roles.list_roles() == []


def test_editing_a_role_in_place_saves_it(notebook: Paths, qtbot, clock) -> None:
    role = roles.add_role("Analyst", now=clock())
    page, _, messages = make_page(qtbot, clock, ROLE_KIND)
    page.show()
    qtbot.keyClicks(page.form.title, " (health)")
    page.form.status.setCurrentIndex(3)
    assert "spared yourself" in page.form.status_hint.text()
    qtbot.waitUntil(lambda: roles.get_role(role.id).status == "doesnt_fit", timeout=10_000)
    saved = roles.get_role(role.id)
    assert saved is not None and saved.title == "Analyst (health)"
    assert page.model.data(page.model.index(0, 2)) == "Doesn't fit me"
    assert "Saved" in messages


def test_emptying_a_title_shows_the_message_and_keeps_the_old_title(
    notebook: Paths, qtbot, clock
) -> None:
    role = roles.add_role("Analyst", now=clock())
    page, _, _ = make_page(qtbot, clock, ROLE_KIND)
    page.show()
    page.form.title.clear()
    page.form.emit_changed()
    page.flush()
    assert page.form.messages["title"].isVisible()
    assert roles.get_role(role.id).title == "Analyst"  # type: ignore[union-attr]


def test_deleting_a_role_can_be_undone(notebook: Paths, qtbot, clock) -> None:
    roles.add_role("Analyst", now=clock())
    kept = roles.add_role("Designer", notes="Portfolio first", now=clock())
    page, undo, messages = make_page(qtbot, clock, ROLE_KIND)
    page.select_row(1)
    page.table.setFocus()
    page.delete_selected()
    assert [r.title for r in roles.list_roles()] == ["Analyst"]
    assert "Undo" in messages[-1]
    undo.undo()
    assert roles.get_role(kept.id) == kept
    assert page.form.title.text() == "Designer"
    undo.redo()
    assert roles.get_role(kept.id) is None


def test_roles_sort_by_where_they_stand_not_alphabetically(notebook: Paths, qtbot, clock) -> None:
    roles.add_role("A", status="fits", now=clock())
    roles.add_role("B", status="talking", now=clock())
    page, _, _ = make_page(qtbot, clock, ROLE_KIND)
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    # "Talking to people" comes before "Fits me" on the way, though not in the alphabet.
    assert [page.proxy.index(row, 0).data() for row in range(2)] == ["B", "A"]


def test_a_goal_is_added_with_a_number_and_a_due_date(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    page, _, _ = make_page(qtbot, clock, GOAL_KIND)
    assert "A goal turns" in page.empty.sentence.text()

    def fill(form: GoalForm) -> None:
        form.title.setText("Five informational interviews")
        form.kind.setCurrentIndex(form.kind.findData("interviews"))
        form.target.setValue(5)
        form.has_due.setChecked(True)
        form.due.setDate(QDate(2026, 6, 1))

    fill_create_dialog(fill)
    page.add_record()
    [goal] = goals.list_goals()
    assert (goal.kind, goal.target_number, goal.due_on) == ("interviews", 5, date(2026, 6, 1))
    assert page.model.data(page.model.index(0, 1)) == "0 of 5 · on track"
    assert "in 3 months" in page.model.data(page.model.index(0, 4))
    assert not page.form.progress.isEnabled()  # counted from the notebook, not by hand
    assert page.form.has_due.isChecked() and page.form.target.value() == 5


def test_clearing_a_goals_date_and_number_saves_none(notebook: Paths, qtbot, clock) -> None:
    goal = goals.add_goal("Find a mentor", "mentor", 1, date(2026, 5, 1), now=clock())
    page, _, _ = make_page(qtbot, clock, GOAL_KIND)
    page.form.has_due.setChecked(False)
    page.form.target.setValue(0)
    page.flush()
    saved = goals.get_goal(goal.id)
    assert saved is not None and saved.due_on is None and saved.target_number is None


def test_undo_after_a_new_role_took_the_next_id_restores_both(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    roles.add_role("Analyst", now=clock())
    last = roles.add_role("Designer", now=clock())
    page, undo, _ = make_page(qtbot, clock, ROLE_KIND)
    page.select_row(1)
    page.delete_selected()
    fill_create_dialog(lambda form: form.title.setText("Researcher"))
    page.add_record()
    [researcher] = [r for r in roles.list_roles() if r.title == "Researcher"]
    assert researcher.id != last.id  # ids are never handed out twice
    undo.undo()
    assert sorted(r.title for r in roles.list_roles()) == ["Analyst", "Designer", "Researcher"]
    undo.redo()
    assert sorted(r.title for r in roles.list_roles()) == ["Analyst", "Researcher"]


def test_a_refused_edit_keeps_the_record_selected_and_the_text(
    notebook: Paths, qtbot, clock
) -> None:
    first = roles.add_role("Analyst", now=clock())
    roles.add_role("Designer", now=clock())
    page, _, messages = make_page(qtbot, clock, ROLE_KIND)
    page.show()
    page.select_row(0)
    page.form.title.clear()
    page.form.notes.setPlainText("Ask about the on-call rota")
    page.select_row(1)  # try to move on while the title is empty
    assert page.selected_record().id == first.id
    assert page.form.notes.toPlainText() == "Ask about the on-call rota"
    assert page.form.messages["title"].isVisible()
    assert "isn't saved yet" in messages[-1]
    page.form.title.setText("Analyst")
    page.form.emit_changed()
    page.select_row(1)
    assert page.selected_record().title == "Designer"
    assert roles.get_role(first.id).notes == "Ask about the on-call rota"  # type: ignore[union-attr]


def test_a_delete_that_cannot_be_written_says_so_and_leaves_no_undo(
    notebook: Paths, qtbot, clock
) -> None:
    from pathfinder.store.database import db

    roles.add_role("Analyst", notes="n" * 20_000, now=clock())
    page, undo, _ = make_page(qtbot, clock, ROLE_KIND)
    page.show()
    db.obj.connection().execute("PRAGMA query_only = 1")  # every write now fails
    try:
        page.delete_selected()
    finally:
        db.obj.connection().execute("PRAGMA query_only = 0")
    assert page.save_problem.isVisible()
    assert undo.count() == 0
    assert [r.title for r in roles.list_roles()] == ["Analyst"]


def test_cancelling_a_started_role_asks_first(notebook: Paths, qtbot, clock, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from pathfinder.views.widgets.record_form import CreateDialog

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog = CreateDialog("Add a role", RoleForm(), roles.add_role)
    qtbot.addWidget(dialog)
    dialog.reject()  # nothing typed: closes without asking
    assert asked == [] and dialog.result() == 0
    dialog.form.title.setText("Analyst")
    dialog.show()
    dialog.reject()  # "Keep editing"
    assert dialog.isVisible()
    dialog.reject()  # "Discard"
    assert not dialog.isVisible()
    assert asked == ["You have started a new role. Discard what you typed?"] * 2


def test_a_goal_without_a_date_offers_a_fresh_date(notebook: Paths, qtbot, clock) -> None:
    goals.add_goal("With date", due_on=date(2030, 1, 1), now=clock())
    goals.add_goal("Without date", now=clock())
    page, _, _ = make_page(qtbot, clock, GOAL_KIND)
    page.select_row(0)
    assert page.form.due.date() == QDate(2030, 1, 1)
    page.select_row(1)
    assert not page.form.has_due.isChecked()
    assert page.form.due.date() != QDate(2030, 1, 1)


def test_a_failed_undo_says_so_and_can_be_tried_again(notebook: Paths, qtbot, clock) -> None:
    from pathfinder.store.database import db

    role = roles.add_role("Analyst", now=clock())
    page, undo, messages = make_page(qtbot, clock, ROLE_KIND)
    page.show()
    page.delete_selected()
    db.obj.connection().execute("PRAGMA query_only = 1")
    try:
        undo.undo()
        qtbot.waitUntil(lambda: undo.canUndo(), timeout=10_000)
    finally:
        db.obj.connection().execute("PRAGMA query_only = 0")
    assert roles.get_role(role.id) is None
    # No role is left to show a form for, so the status bar carries the whole message.
    assert page.currentWidget() is page.empty
    assert "couldn't bring back “Analyst”" in messages[-1]
    undo.undo()  # the disk is fine again
    assert roles.get_role(role.id) == role


def test_a_failed_redo_keeps_the_record_and_can_be_tried_again(
    notebook: Paths, qtbot, clock
) -> None:
    from pathfinder.store.database import db

    role = roles.add_role("Analyst", now=clock())
    page, undo, _ = make_page(qtbot, clock, ROLE_KIND)
    page.show()
    page.delete_selected()
    undo.undo()
    db.obj.connection().execute("PRAGMA query_only = 1")
    try:
        undo.redo()
        qtbot.waitUntil(lambda: undo.canRedo(), timeout=10_000)
    finally:
        db.obj.connection().execute("PRAGMA query_only = 0")
    assert roles.get_role(role.id) == role
    assert "couldn't delete" in page.save_problem.text_label.text()
    undo.redo()
    assert roles.get_role(role.id) is None


def test_redo_while_a_change_waits_to_save_deletes_cleanly(notebook: Paths, qtbot, clock) -> None:
    roles.add_role("Analyst", now=clock())
    designer = roles.add_role("Designer", now=clock())
    page, undo, _ = make_page(qtbot, clock, ROLE_KIND)
    page.show()
    page.select_row(0)
    page.delete_selected()
    undo.undo()  # Analyst is back and selected
    page.form.title.clear()  # a change that cannot be saved
    page.form.emit_changed()
    undo.redo()  # deletes Analyst again, with the refused change pending
    assert [r.title for r in roles.list_roles()] == ["Designer"]
    assert page.selected_record().id == designer.id
    assert page.form.title.text() == "Designer"  # the form follows the selection
    page.delete_selected()
    assert roles.list_roles() == []


def test_goal_progress_is_counted_again_after_a_write(notebook: Paths) -> None:
    from datetime import datetime

    from pathfinder.services import journal
    from pathfinder.views.compass.goals import _progress

    made = datetime(2026, 3, 2, 9)
    goal = goals.add_goal("Write", "journal", 3, now=made)
    assert _progress(goal, made.date()).done == 0
    journal.add_entry(made, body="one")
    assert _progress(goal, made.date()).done == 1


def test_a_field_message_draws_its_warning_icon_when_first_shown(qtbot) -> None:
    from pathfinder.views.widgets.field_message import FieldMessage

    message = FieldMessage()
    qtbot.addWidget(message)
    assert message._icon.pixmap().isNull() and message.isHidden()
    message.show_message("That isn't a date.")
    assert not message._icon.pixmap().isNull() and not message.isHidden()
    assert message.text_label.text() == "That isn't a date."
    message.clear()
    assert message.isHidden()
