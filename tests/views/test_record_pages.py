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
    qtbot.waitUntil(lambda: roles.get_role(role.id).status == "doesnt_fit", timeout=3000)
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


def test_roles_sort_by_where_they_stand(notebook: Paths, qtbot, clock) -> None:
    roles.add_role("B", status="fits", now=clock())
    roles.add_role("A", status="exploring", now=clock())
    page, _, _ = make_page(qtbot, clock, ROLE_KIND)
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    first = page.proxy.index(0, 0).data()
    assert first == "A"


def test_a_goal_is_added_with_a_number_and_a_due_date(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    page, _, _ = make_page(qtbot, clock, GOAL_KIND)
    assert "A goal turns" in page.empty.sentence.text()

    def fill(form: GoalForm) -> None:
        form.title.setText("Five informational interviews")
        form.kind.setCurrentIndex(form.kind.findData("industry"))
        form.target.setValue(5)
        form.has_due.setChecked(True)
        form.due.setDate(QDate(2026, 6, 1))

    fill_create_dialog(fill)
    page.add_record()
    [goal] = goals.list_goals()
    assert (goal.kind, goal.target_number, goal.due_on) == ("industry", 5, date(2026, 6, 1))
    assert "in 3 months" in page.model.data(page.model.index(0, 3))
    assert page.form.has_due.isChecked() and page.form.target.value() == 5


def test_clearing_a_goals_date_and_number_saves_none(notebook: Paths, qtbot, clock) -> None:
    goal = goals.add_goal("Find a mentor", "mentor", 1, date(2026, 5, 1), now=clock())
    page, _, _ = make_page(qtbot, clock, GOAL_KIND)
    page.form.has_due.setChecked(False)
    page.form.target.setValue(0)
    page.flush()
    saved = goals.get_goal(goal.id)
    assert saved is not None and saved.due_on is None and saved.target_number is None


def test_ctrl_n_opens_the_add_dialog(notebook: Paths, qtbot, clock, fill_create_dialog) -> None:
    roles.add_role("Analyst", now=clock())
    page, _, _ = make_page(qtbot, clock, ROLE_KIND)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.table.setFocus()
    opened = fill_create_dialog(lambda form: form.title.setText("Designer"))
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    assert [r.title for r in roles.list_roles()] == ["Analyst", "Designer"]
