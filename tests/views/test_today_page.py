"""Today, as a person uses it: the first run, done and snooze, and opening what's listed."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from pathfinder.paths import Paths
from pathfinder.services import conversations, followups, people
from pathfinder.services.why import save_why
from pathfinder.views.main_window import MainWindow
from pathfinder.views.today.page import ACTIVITY_TAB, TodayPage


def make_page(qtbot, clock) -> tuple[TodayPage, QUndoStack, list[str]]:
    undo = QUndoStack()
    messages: list[str] = []
    page = TodayPage(undo, clock, messages.append)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    return page, undo, messages


def test_the_first_run_asks_for_the_first_three_people(notebook: Paths, qtbot, clock) -> None:
    page, _undo, _messages = make_page(qtbot, clock)
    assert page.now.currentWidget() is page.first_run
    assert "first three" in page.first_run.sentence.text()
    asked: list[bool] = []
    page.add_person_requested.connect(lambda: asked.append(True))
    page.first_run.button.click()
    assert asked == [True]
    assert "Write it in Compass" in page.why.text()


def test_done_and_snooze_from_today_with_undo(notebook: Paths, qtbot, clock) -> None:
    today = clock().date()
    ana = people.add_person("Ana Ruiz", now=clock())
    ben = people.add_person("Ben Ode", now=clock())
    first = followups.add_follow_up(
        ana.id, today - timedelta(days=2), "Send the article", now=clock()
    )
    second = followups.add_follow_up(ben.id, today, "Ask about the team", now=clock())
    page, undo, messages = make_page(qtbot, clock)
    lines = [line[0] for line in page.follow_ups.model.lines]
    assert lines[0] == "Due 2 days ago (overdue) · Ana Ruiz: Send the article"
    assert lines[1] == "Due today · Ben Ode: Ask about the team"
    assert page.follow_ups.heading.text() == "Follow-ups due (2)"

    page.done_button.click()  # Ana's, the first
    assert [f.id for f in followups.due_and_overdue(today)] == [second.id]
    assert "Undo" in messages[-1]
    undo.undo()
    assert [f.id for f in followups.due_and_overdue(today)] == [first.id, second.id]

    page.follow_ups.view.setCurrentIndex(page.follow_ups.model.index(1))
    page.snooze(7)
    assert followups.follow_ups_of(ben.id)[0].due_on == today + timedelta(days=7)
    assert "Ana Ruiz" in page.follow_ups.model.lines[0][0]
    undo.undo()
    assert followups.follow_ups_of(ben.id)[0].due_on == today


def test_nothing_due_teaches_the_next_step(notebook: Paths, qtbot, clock) -> None:
    people.add_person("Ana Ruiz", now=clock())
    page, _undo, _messages = make_page(qtbot, clock)
    assert page.now.currentWidget() is not page.first_run
    assert page.follow_ups.stack.currentIndex() == 1
    assert "add a follow-up" in page.follow_ups.empty.text()
    assert not page.done_button.isEnabled()
    # Every empty list offers the next step.
    went: list[str] = []
    page.go_to.connect(went.append)
    for listed in (page.follow_ups, page.thank_yous, page.going_cold, page.goals):
        if listed.stack.currentIndex() == 1:
            listed.empty_button.click()
    assert {"people", "conversations", "compass/new goal"} <= set(went)
    assert page.goals.empty_button.isVisible() or page.goals.empty_button.text() == "Set a &goal"


def test_today_opens_people_conversations_and_compass(notebook: Paths, qtbot, clock) -> None:
    save_why("Teaching", "UX research", "", now=clock())
    ana = people.add_person("Ana Ruiz", now=clock() - timedelta(days=30), cadence_days=14)
    cara = people.add_person("Cara Lim", now=clock())
    talk = conversations.start_conversation(cara.id, now=clock())
    conversations.move_to_stage(talk.id, "met", today=clock().date(), now=clock())
    window = MainWindow(notebook, clock)
    window.remember_state = False
    qtbot.addWidget(window)
    window.show()
    assert window.current_section() is window.today_page  # a why exists: Today first
    page = window.today_page
    assert "UX research" in page.why.text()
    assert [line[0].split(" ·")[0] for line in page.going_cold.model.lines] == ["Ana Ruiz"]
    page.cold_person.click()
    assert window.current_section() is window.people_page
    assert window.people_page.detail.person.id == ana.id
    window.show_section(0)
    page.thank_you_open.click()
    assert window.current_section() is window.conversations_page
    window.show_section(0)
    page.why.linkActivated.emit("compass")
    assert window.current_section() is window.compass_page


def test_the_activity_tab_draws_weeks_and_words(notebook: Paths, qtbot, clock) -> None:
    page, _undo, _messages = make_page(qtbot, clock)
    page.tabs.setCurrentIndex(ACTIVITY_TAB)
    assert page.activity.shown is not None
    assert len(page.activity.bars.weeks) == 26
    assert "No outcomes yet" in page.activity.outcomes.text()
    assert (
        page.activity.bars.weeks[-1][0]
        <= clock().date()
        < page.activity.bars.weeks[-1][0] + timedelta(days=7)
    )
    assert isinstance(page.activity.bars.weeks[0][0], date)


def test_the_start_reminder_is_off_unless_chosen(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    ana = people.add_person("Ana Ruiz", now=clock())
    followups.add_follow_up(ana.id, clock().date(), "Call", now=clock())
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    shown: list[str] = []
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda _self, _title, text, *_rest: shown.append(text)
    )
    window = MainWindow(notebook, clock)
    window.remember_state = False
    qtbot.addWidget(window)
    assert not window.remind_action.isChecked()
    assert window.remind_at_start() == "" and shown == []
    window.remind_action.setChecked(True)
    assert window.remind_at_start() == "One follow-up is waiting for you (due today or before)."
    assert shown == ["One follow-up is waiting for you (due today or before)."]
    window.close()
    again = MainWindow(notebook, clock)  # the choice is remembered with the notebook
    qtbot.addWidget(again)
    assert again.remind_action.isChecked()


def test_compass_links_land_on_the_right_tab_and_snooze_starts_tomorrow(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from pathfinder.views.compass.page import GOALS_TAB, WHY_TAB
    from pathfinder.views.widgets.record_form import CreateDialog

    save_why("Teaching", "UX research " * 80, "", now=clock())  # a very long why
    ana = people.add_person("Ana Ruiz", now=clock())
    followups.add_follow_up(ana.id, clock().date(), "Call", now=clock())
    window = MainWindow(notebook, clock)
    window.remember_state = False
    qtbot.addWidget(window)
    window.show()
    page = window.today_page
    assert "…" in page.why.text() and "\n" not in page.why.text()
    assert window.minimumSizeHint().width() < 1000  # a long why doesn't widen the window
    window.compass_page.tabs.setCurrentIndex(GOALS_TAB)
    window.show_section(0)
    page.why.linkActivated.emit("compass")
    assert window.compass_page.tabs.currentIndex() == WHY_TAB
    opened: list[str] = []
    monkeypatch.setattr(CreateDialog, "exec", lambda dialog: opened.append(dialog.windowTitle()))
    window.show_section(0)
    page.goals.empty_button.click()  # "Set a goal"
    assert window.compass_page.tabs.currentIndex() == GOALS_TAB and opened

    seen: list[tuple[date, date]] = []

    def fake_ask(_parent, _title, start, earliest=None):
        seen.append((start, earliest))
        return None

    monkeypatch.setattr("pathfinder.views.people.dialogs.ask_for_date", fake_ask)
    window.show_section(0)
    page.snooze_until()
    tomorrow = clock().date() + timedelta(days=1)
    assert seen == [(tomorrow, tomorrow)]


def test_many_thank_yous_owed_show_the_longest_waiting_and_how_many_more(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from pathfinder.services import today

    monkeypatch.setattr(today, "THANK_YOUS_SHOWN", 3)
    for number in range(5):
        person = people.add_person(f"Person {number}", now=clock())
        talk = conversations.start_conversation(person.id, now=clock())
        met = clock().date() - timedelta(days=number)
        conversations.move_to_stage(talk.id, "met", today=met, now=clock())
    page, _undo, _messages = make_page(qtbot, clock)
    lines = [line[0] for line in page.thank_yous.model.lines]
    assert [line.split(":")[0] for line in lines[:3]] == ["Person 4", "Person 3", "Person 2"]
    assert lines[3] == "… and 2 more, in Conversations"
    # The "more" line is a note: greyed, stepped over by the keyboard, not selectable.
    more = page.thank_yous.model.index(3)
    assert page.thank_yous.model.flags(more) == Qt.ItemFlag.NoItemFlags
    assert page.thank_yous.model.flags(page.thank_yous.model.index(2)) & (
        Qt.ItemFlag.ItemIsSelectable
    )
    view = page.thank_yous.view
    view.setFocus()
    view.setCurrentIndex(page.thank_yous.model.index(2))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 2
    opened: list[int] = []
    page.open_conversation.connect(opened.append)
    page.thank_you_open.click()
    assert len(opened) == 1
