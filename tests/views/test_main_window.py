"""The main window: sections, menus, shortcuts, names for screen readers, remembered state."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from pathfinder.paths import Paths
from pathfinder.services import goals, people, roles
from pathfinder.services.why import save_why
from pathfinder.views.compass.page import GOALS_TAB, HISTORY_TAB, ROLES_TAB
from pathfinder.views.dialogs.crash import CrashDialog
from pathfinder.views.dialogs.shortcuts import shortcut_rows
from pathfinder.views.main_window import MainWindow


def make_window(qtbot, paths: Paths, clock) -> MainWindow:
    window = MainWindow(paths, clock)
    qtbot.addWidget(window)
    return window


def test_a_new_window_shows_what_an_earlier_one_saved(notebook: Paths, qtbot, clock) -> None:
    first = make_window(qtbot, notebook, clock)
    compass = first.sections[1]
    compass.why_editor.editors["going_to"].setPlainText("UX research")
    roles.add_role("UX researcher", now=clock())
    goals.add_goal("Find a mentor", "mentor", now=clock())
    first.close()  # flushes the typed why

    second = make_window(qtbot, notebook, clock)
    page = second.sections[1]
    assert page.why_editor.editors["going_to"].toPlainText() == "UX research"
    assert "UX research" in page.summary.text()
    assert page.roles.model.records[0].title == "UX researcher"
    assert page.goals.model.records[0].title == "Find a mentor"


def test_the_window_reopens_where_it_was_left(notebook: Paths, qtbot, clock) -> None:
    first = make_window(qtbot, notebook, clock)
    first.show()
    first.resize(1000, 700)
    first.move(40, 50)
    first.splitter.setSizes([260, 740])
    first.sections[1].tabs.setCurrentIndex(GOALS_TAB)
    first.close()
    second = make_window(qtbot, notebook, clock)
    second.show()
    assert second.size() == QSize(1000, 700)
    assert second.pos() == first.pos()
    assert second.splitter.sizes()[0] == 260
    assert second.sections[1].tabs.currentIndex() == GOALS_TAB


def test_the_default_size_and_minimum(notebook: Paths, qtbot, clock) -> None:
    window = make_window(qtbot, notebook, clock)
    assert window.size() == QSize(1200, 800)
    assert window.minimumSize() == QSize(900, 600)


def test_every_control_has_a_name_for_screen_readers(notebook: Paths, qtbot, clock) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    roles.add_role("Analyst", now=clock())
    goals.add_goal("Find a mentor", now=clock())
    window = make_window(qtbot, notebook, clock)
    window.show()
    unnamed = []
    for tab in range(window.sections[1].tabs.count()):
        window.sections[1].tabs.setCurrentIndex(tab)
        for widget in window.findChildren(QWidget):
            if not widget.isVisible() or not widget.focusPolicy():
                continue
            if widget.focusProxy() is not None:
                continue
            interface = QAccessible.queryAccessibleInterface(widget)
            name = interface.text(QAccessible.Text.Name) if interface else ""
            if not name.strip():
                unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_quit_and_section_shortcuts(notebook: Paths, qtbot, clock) -> None:
    window = make_window(qtbot, notebook, clock)
    assert QKeySequence("Ctrl+Q") in window.quit_action.shortcuts()
    assert window.section_actions[0].shortcut() == QKeySequence("Ctrl+1")
    rows = dict(shortcut_rows(window.all_actions()))
    assert "Ctrl+Q" in rows["Quit"]
    assert rows["Today"] == "Ctrl+1"
    assert rows["Compass"] == "Ctrl+2"
    assert rows["Journal"] == "Ctrl+5"
    assert rows["Map"] == "Ctrl+6"
    assert rows["Search everything"] == "Ctrl+K"
    assert "Ctrl+Z" in rows["Undo"]
    window.show()
    window.quit_action.trigger()
    assert not window.isVisible()


def test_undo_in_the_edit_menu_brings_back_a_deleted_goal(notebook: Paths, qtbot, clock) -> None:
    goals.add_goal("Land a job", "job", now=clock())
    window = make_window(qtbot, notebook, clock)
    page = window.sections[1]
    page.tabs.setCurrentIndex(GOALS_TAB)
    page.goals.delete_selected()
    assert goals.list_goals() == []
    assert window.undo_action.isEnabled()
    assert "Land a job" in window.undo_action.text()
    window.undo_action.trigger()
    assert [g.title for g in goals.list_goals()] == ["Land a job"]


def test_typing_is_saved_when_switching_tabs(notebook: Paths, qtbot, clock) -> None:
    roles.add_role("Analyst", now=clock())
    window = make_window(qtbot, notebook, clock)
    page = window.sections[1]
    page.tabs.setCurrentIndex(ROLES_TAB)
    page.roles.form.notes.setPlainText("Ask Priya about on-call")
    page.tabs.setCurrentIndex(GOALS_TAB)
    assert roles.list_roles()[0].notes == "Ask Priya about on-call"


def test_smoke_visits_every_tab(notebook: Paths, qtbot, clock) -> None:
    window = make_window(qtbot, notebook, clock)
    visited = list(window.visit_everything())
    assert visited == [
        "today",
        "today/Now",
        "today/Activity",
        "compass",
        "compass/Your why",
        "compass/History",
        "compass/Target roles",
        "compass/Goals",
        "people",
        "people/People",
        "people/Organisations",
        "people/Who to contact next",
        "conversations",
        "conversations/Interviews",
        "conversations/Events",
        "conversations/Question bank",
        "conversations/Drafts",
        "journal",
        "journal/Entries",
        "journal/Your prompts and templates",
        "map",
        "map/Network",
        "report",
        "report/Mentor report",
        "report/Share my goals",
    ]


def test_the_crash_dialog_offers_the_report_to_copy(qtbot, tmp_path) -> None:
    dialog = CrashDialog("Pathfinder 0.1.0\nError: builtins.ValueError\n", tmp_path / "c.txt")
    qtbot.addWidget(dialog)
    assert "builtins.ValueError" in dialog.report.toPlainText()
    [copy] = [b for b in dialog.findChildren(QPushButton) if b.text() == "&Copy report"]
    copy.click()
    assert QApplication.clipboard().text().startswith("Pathfinder 0.1.0")


def test_an_unexpected_error_shows_the_report_and_saves_it(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from pathfinder import app as app_module

    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    make_window(qtbot, notebook, clock)
    app_module.install_crash_handler(notebook.logs_dir, show_dialog=True)
    try:
        raise KeyError("Priya's phone number")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1
    report = shown[0].report.toPlainText()
    assert "builtins.KeyError" in report and "Priya" not in report
    [saved] = list(notebook.logs_dir.glob("crash-*.txt"))
    assert saved.read_text() == report


def test_write_a_why_change_it_and_compare_in_the_compass(notebook: Paths, qtbot, clock) -> None:
    window = make_window(qtbot, notebook, clock)
    page = window.sections[1]
    editor = page.why_editor
    editor.editors["coming_from"].setPlainText("Teaching chemistry")
    editor.editors["going_to"].setPlainText("UX research")
    page.tabs.setCurrentIndex(HISTORY_TAB)  # switching tabs saves
    assert page.history.model.rowCount() == 1
    clock.advance(days=7)
    page.tabs.setCurrentIndex(0)
    editor.editors["going_to"].setPlainText("UX research in education technology")
    page.tabs.setCurrentIndex(HISTORY_TAB)
    assert page.history.model.rowCount() == 2
    comparison = page.history.comparison
    assert "UX research" in comparison.older_view.toPlainText()
    assert "in education technology" in comparison.newer_view.toPlainText()
    assert "education" in page.summary.text()


def test_roles_and_goals_added_in_one_window_show_in_the_next(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    first = make_window(qtbot, notebook, clock)
    page = first.sections[1]
    page.why_editor.editors["going_to"].setPlainText("UX research")
    fill_create_dialog(lambda form: form.title.setText("UX researcher"))
    page.roles.add_record()
    fill_create_dialog(lambda form: form.title.setText("Find a mentor"))
    page.goals.add_record()
    first.close()
    second = make_window(qtbot, notebook, clock)
    again = second.sections[1]
    assert [r.title for r in again.roles.model.records] == ["UX researcher"]
    assert [g.title for g in again.goals.model.records] == ["Find a mentor"]
    assert again.history.model.rowCount() == 1


def test_closing_with_an_unsaved_change_asks_first(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from pathfinder.store.database import db

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: answers.pop(0))
    save_why("Teaching", "UX research", "", now=clock())
    window = make_window(qtbot, notebook, clock)
    window.show()
    db.pragma("max_page_count", db.pragma("page_count"))
    clock.advance(days=1)
    window.sections[1].why_editor.editors["reason"].setPlainText("z" * 15_000)
    assert window.flush() is False
    window.close()  # "Stay and fix it"
    assert window.isVisible()
    window.close()  # "Quit anyway"
    assert not window.isVisible()


def visible_mnemonics(window: MainWindow) -> list[str]:
    keys = [a.text() for a in window.menuBar().actions()]
    tabs = window.current_section().tabs
    keys += [tabs.tabText(i) for i in range(tabs.count())]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if labelled or isinstance(widget, QAbstractButton):
            keys.append(widget.text())
    letters = []
    for text in keys:
        marker = text.replace("&&", "").find("&")
        if marker >= 0:
            letters.append(text.replace("&&", "")[marker + 1].lower())
    return letters


def test_no_two_visible_controls_share_an_alt_key(notebook: Paths, qtbot, clock) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    roles.add_role("Analyst", now=clock())
    goals.add_goal("Find a mentor", now=clock())
    priya = people.add_person("Priya", organisation="Acme", now=clock())
    from pathfinder.services import conversations

    conversations.start_conversation(priya.id, now=clock())
    window = make_window(qtbot, notebook, clock)
    window.show()
    for row, section in enumerate(window.sections):
        window.show_section(row)
        tabs = section.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            letters = visible_mnemonics(window)
            duplicates = {letter for letter in letters if letters.count(letter) > 1}
            assert duplicates == set(), f"{section.key}/{tabs.tabText(index)}: {sorted(duplicates)}"


def test_a_second_launch_brings_this_window_forward(notebook: Paths, qtbot, clock) -> None:
    from pathfinder.instance import RaiseListener, ask_running_instance_to_raise

    window = make_window(qtbot, notebook, clock)
    listener = RaiseListener(notebook.data_dir, window)
    listener.raise_requested.connect(window.bring_forward)
    assert listener.listening
    heard: list[bool] = []
    worker = threading.Thread(
        target=lambda: heard.append(ask_running_instance_to_raise(notebook.data_dir, patience_s=5))
    )
    with qtbot.waitSignal(listener.raise_requested, timeout=5000):
        worker.start()
    worker.join(5)
    assert heard == [True]
    assert window.isVisible()
    assert "already open" in window.statusBar().currentMessage()


def test_a_tab_with_a_refused_change_stays_in_front(notebook: Paths, qtbot, clock) -> None:
    roles.add_role("Analyst", now=clock())
    window = make_window(qtbot, notebook, clock)
    window.show()
    page = window.sections[1]
    page.tabs.setCurrentIndex(ROLES_TAB)
    page.roles.form.title.clear()
    page.roles.form.emit_changed()
    page.tabs.setCurrentIndex(GOALS_TAB)
    assert page.tabs.currentIndex() == ROLES_TAB
    assert "isn't saved yet" in window.statusBar().currentMessage()
    page.roles.form.title.setText("Analyst (health)")
    page.roles.form.emit_changed()
    page.tabs.setCurrentIndex(GOALS_TAB)
    assert page.tabs.currentIndex() == GOALS_TAB
    assert roles.list_roles()[0].title == "Analyst (health)"


def test_staying_to_fix_shows_the_tab_with_the_problem(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Cancel)
    roles.add_role("Analyst", now=clock())
    window = make_window(qtbot, notebook, clock)
    window.show()
    page = window.sections[1]
    page.tabs.setCurrentIndex(ROLES_TAB)
    page.roles.form.title.clear()
    page.roles.form.emit_changed()
    page.tabs.blockSignals(True)  # as if the user had got to another tab
    page.tabs.setCurrentIndex(0)
    page.tabs.blockSignals(False)
    window.close()
    assert window.isVisible()
    assert page.tabs.currentIndex() == ROLES_TAB
    assert page.roles.form.messages["title"].isVisible()


def test_ctrl_n_adds_what_fits_the_section_and_ctrl_f_filters_people(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    window = make_window(qtbot, notebook, clock)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    compass = window.sections[1]
    compass.tabs.setCurrentIndex(GOALS_TAB)
    fill_create_dialog(lambda form: form.title.setText("Find a mentor"))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert [g.title for g in goals.list_goals()] == ["Find a mentor"]
    window.show_section(2)
    fill_create_dialog(lambda form: form.name.setText("Priya"))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert [p.name for p in people.find_people_by_name("Priya")] == ["Priya"]
    window.show_section(1)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() is window.sections[2]
    assert window.sections[2].filters.text.hasFocus()


def test_a_section_is_built_the_first_time_it_is_shown(notebook: Paths, qtbot, clock) -> None:
    from pathfinder.views.sections import JOURNAL, PEOPLE, SECTIONS

    window = make_window(qtbot, notebook, clock)
    window.show()
    # At start only the section shown exists (a new notebook opens on the Compass); the
    # others are placeholders in the stack, with their names and icons already in the list.
    shown = window.navigation.currentRow()
    assert shown not in (PEOPLE, JOURNAL)
    assert [window.sections.is_built(row) for row in range(len(SECTIONS))] == [
        row == shown for row in range(len(SECTIONS))
    ]
    assert [window.navigation.item(row).text() for row in range(len(SECTIONS))] == [
        spec.title for spec in SECTIONS
    ]
    assert all(not window.navigation.item(row).icon().isNull() for row in range(len(SECTIONS)))
    placeholder = window.stack.widget(PEOPLE)
    window.navigation.setCurrentRow(PEOPLE)
    people_page = window.sections[PEOPLE]
    assert window.sections.is_built(PEOPLE) and window.stack.widget(PEOPLE) is people_page
    assert window.stack.currentWidget() is people_page and people_page is not placeholder
    assert window.sections.index(people_page) == PEOPLE
    assert not window.sections.is_built(JOURNAL)
    # Built once: showing it again gives the same page.
    window.navigation.setCurrentRow(shown)
    window.navigation.setCurrentRow(PEOPLE)
    assert window.sections[PEOPLE] is people_page
    assert len(window.sections.built()) == 2
