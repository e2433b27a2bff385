"""The Conversations section as a person uses it."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from pathfinder.paths import Paths
from pathfinder.services import conversations, events, interactions, people, questions, roles
from pathfinder.store.models import STAGES
from pathfinder.views.conversations.page import DRAFTS_TAB, ConversationsPage
from pathfinder.views.main_window import MainWindow


def make_page(qtbot, clock) -> tuple[ConversationsPage, QUndoStack, list[str]]:
    undo = QUndoStack()
    messages: list[str] = []
    page = ConversationsPage(undo, clock, messages.append)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    return page, undo, messages


def test_a_conversation_starts_from_a_person(notebook: Paths, qtbot, clock) -> None:
    priya = people.add_person("Priya", now=clock())
    window = MainWindow(notebook, clock)
    qtbot.addWidget(window)
    window.show_section(2)
    window.sections[2].select_person(priya.id)
    window.sections[2].detail.conversation_button.click()
    assert window.current_section() is window.sections[3]
    [talk] = conversations.list_conversations()
    assert talk.person_id == priya.id and talk.stage == "idea"
    assert window.sections[3].interviews.detail.heading.text() == "Priya"


def test_a_conversation_goes_through_every_stage(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    priya = people.add_person("Priya", now=clock())
    talk = conversations.start_conversation(priya.id, now=clock())
    page, _, _ = make_page(qtbot, clock)
    detail = page.interviews.detail
    assert detail.record is not None and detail.record.id == talk.id
    for stage in STAGES[1:]:
        detail.next_button.click()
        assert detail.record.stage == stage
    assert not detail.next_button.isEnabled()
    titles = [entry.title for entry in interactions.timeline(priya.id)]
    assert sorted(titles) == ["Informational interview", "Thank-you"]
    asked: list[str] = []

    def answer(box: QMessageBox, press: str) -> int:
        asked.append(box.text())
        [button] = [b for b in box.buttons() if b.text().replace("&", "").startswith(press)]
        monkeypatch.setattr(box, "clickedButton", lambda: button)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "We met"))
    detail.move_to("prepared")  # back again, and the meeting was real: it stays
    assert len(interactions.timeline(priya.id)) == 2
    assert asked and "Did you meet Priya?" in asked[0]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Not yet"))
    detail.move_to("met")
    detail.move_to("requested")  # "met" was a slip: the entries go
    assert interactions.timeline(priya.id) == []


def test_questions_from_the_bank_with_answers(notebook: Paths, qtbot, clock, monkeypatch) -> None:
    priya = people.add_person("Priya", now=clock())
    talk = conversations.start_conversation(priya.id, now=clock())
    page, _, _ = make_page(qtbot, clock)
    detail = page.interviews.detail
    first = questions.question_bank()[0]
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *_a, **_k: (f"{first.category_label}: {first.text}", True)
    )
    detail.add_from_bank()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("What surprised you?", True))
    detail.write_question()
    asked = questions.questions_of(talk.id)
    assert [q.text for q in asked] == [first.text, "What surprised you?"]
    detail.asked_view.setCurrentIndex(detail.asked.index(0))
    detail.answer.setPlainText("Volunteering first")
    detail.asked_view.setCurrentIndex(detail.asked.index(1))  # moving on saves the answer
    assert questions.questions_of(talk.id)[0].answer == "Volunteering first"
    assert questions.question_bank()[0].times_used == 1


def test_outcome_role_and_an_introduction(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    role = roles.add_role("UX researcher", now=clock())
    priya = people.add_person("Priya", now=clock())
    talk = conversations.start_conversation(priya.id, now=clock())
    page, _, _ = make_page(qtbot, clock)
    detail = page.interviews.detail
    form = detail.form
    form.role.setCurrentIndex(form.role.findData(role.id))
    form.outcome.setCurrentIndex(form.outcome.findData("doesnt_fit"))
    assert "real success" in form.outcome_hint.text()
    assert detail.flush()
    saved = conversations.get_conversation(talk.id)
    assert saved is not None and saved.outcome == "doesnt_fit" and saved.target_role_id == role.id
    fill_create_dialog(lambda f: f.who.setText("Sam Okafor"))
    detail.add_introduction()
    [sam] = people.find_people_by_name("Sam Okafor")
    assert sam.introduced_by_id == priya.id
    assert conversations.introduced_through(talk.id) == [(sam.id, "Sam Okafor")]


def test_dates_out_of_order_are_flagged_at_the_field(notebook: Paths, qtbot, clock) -> None:
    from datetime import date

    priya = people.add_person("Priya", now=clock())
    talk = conversations.start_conversation(priya.id, now=clock())
    conversations.update_conversation(talk.id, requested_on=date(2026, 2, 20), now=clock())
    page, _, _ = make_page(qtbot, clock)
    detail = page.interviews.detail
    detail.form.dates["met_on"].set_value(date(2026, 2, 1))
    assert detail.flush() is False
    assert "before the day you asked" in detail.form.messages["met_on"].text_label.text()
    assert conversations.get_conversation(talk.id).met_on is None  # type: ignore[union-attr]


def test_a_draft_fills_in_and_copies(notebook: Paths, qtbot, clock) -> None:
    priya = people.add_person("Priya Shah", organisation="Acme Health", now=clock())
    page, _, messages = make_page(qtbot, clock)
    page.open_draft(priya.id, None)
    assert page.tabs.currentIndex() == DRAFTS_TAB
    drafts = page.drafts
    assert "Hi Priya," in drafts.preview.toPlainText()
    assert drafts.gaps.isVisibleTo(drafts) and "the role you are exploring" in (
        drafts.gaps.text_label.text()
    )
    drafts.copy_log_button.click()
    assert QApplication.clipboard().text() == drafts.preview.toPlainText()
    assert [e.title for e in interactions.timeline(priya.id)] == ["Message"]
    assert "logged" in messages[-1]


def test_delete_asks_and_leaves_the_person(notebook: Paths, qtbot, clock, monkeypatch) -> None:
    priya = people.add_person("Priya", now=clock())
    conversations.start_conversation(priya.id, now=clock())
    page, undo, _ = make_page(qtbot, clock)

    def press_delete(box: QMessageBox) -> int:
        [delete] = [b for b in box.buttons() if b.text() == "&Delete"]
        monkeypatch.setattr(box, "clickedButton", lambda: delete)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_delete)
    page.interviews.delete_selected()
    assert conversations.list_conversations() == []
    assert people.get_person(priya.id) is not None
    undo.undo()
    assert len(conversations.list_conversations()) == 1


def test_events_with_the_people_met(notebook: Paths, qtbot, clock, fill_create_dialog) -> None:
    from pathfinder.views.conversations.page import EVENTS_TAB

    page, _, _ = make_page(qtbot, clock)
    page.tabs.setCurrentIndex(EVENTS_TAB)
    fill_create_dialog(lambda f: f.name.setText("EdTech meetup"))
    page.events.add_record()
    [meetup] = events.list_events()
    assert meetup.name == "EdTech meetup"
    fill_create_dialog(lambda f: f.who.setText("Rosa Diaz"))
    page.events.form.add_person_met()
    [rosa] = people.find_people_by_name("Rosa Diaz")
    assert rosa.source == "event"
    assert [e.detail for e in interactions.timeline(rosa.id)] == ["Met at EdTech meetup"]


def test_going_back_to_an_answered_question_shows_its_answer(notebook: Paths, qtbot, clock) -> None:
    priya = people.add_person("Priya", now=clock())
    talk = conversations.start_conversation(priya.id, now=clock())
    questions.ask(talk.id, text="How did you start?")
    questions.ask(talk.id, text="What surprised you?")
    page, _, _ = make_page(qtbot, clock)
    detail = page.interviews.detail
    detail.asked_view.setCurrentIndex(detail.asked.index(0))
    detail.answer.setPlainText("Volunteering first")
    detail.asked_view.setCurrentIndex(detail.asked.index(1))
    detail.asked_view.setCurrentIndex(detail.asked.index(0))
    assert detail.answer.toPlainText() == "Volunteering first"
    assert "✓ answered" in detail.asked.lines[0][0]
    detail.answer.setPlainText("Volunteering first, and a mentor")
    detail.flush()
    assert questions.questions_of(talk.id)[0].answer == "Volunteering first, and a mentor"


def test_a_filter_waits_while_a_change_is_refused(notebook: Paths, qtbot, clock) -> None:
    from datetime import date

    priya = people.add_person("Priya", now=clock())
    talk = conversations.start_conversation(priya.id, now=clock())
    conversations.update_conversation(talk.id, requested_on=date(2026, 2, 20), now=clock())
    page, _, messages = make_page(qtbot, clock)
    interviews = page.interviews
    interviews.detail.meeting.setPlainText("Notes I must not lose")
    interviews.detail.form.dates["met_on"].set_value(date(2026, 2, 1))  # refused: before asked
    interviews.outcome_filter.setCurrentIndex(interviews.outcome_filter.findData("fits"))
    assert interviews.outcome_filter.currentIndex() == 0
    assert interviews.detail.meeting.toPlainText() == "Notes I must not lose"
    assert "isn't saved yet" in messages[-1]


def test_undo_redo_undo_of_a_delete_keeps_the_latest_state(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    priya = people.add_person("Priya", now=clock())
    talk = conversations.start_conversation(priya.id, now=clock())
    page, undo, _ = make_page(qtbot, clock)
    asked: list[str] = []

    def press_delete(box: QMessageBox) -> int:
        asked.append(box.text())
        [delete] = [b for b in box.buttons() if b.text() == "&Delete"]
        monkeypatch.setattr(box, "clickedButton", lambda: delete)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_delete)
    page.interviews.delete_selected()
    assert asked == ["Delete the conversation with Priya?"]
    undo.undo()
    questions.ask(talk.id, text="Added after the first undo")
    undo.redo()
    undo.undo()
    assert [q.text for q in questions.questions_of(talk.id)] == ["Added after the first undo"]


def test_the_template_is_edited_only_with_no_one_chosen(notebook: Paths, qtbot, clock) -> None:
    from pathfinder.services import outreach

    priya = people.add_person("Priya", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.open_draft(priya.id, None)
    drafts = page.drafts
    assert not drafts.edit_template_button.isEnabled()
    drafts.person.clear()
    drafts.render()
    assert drafts.edit_template_button.isEnabled()
    assert "{first_name}" in drafts.preview.toPlainText()
    drafts.preview.setPlainText("Quick hello\n\nHi {first_name}, a short note.")
    drafts.edit_template_button.click()
    assert outreach.get_template("ask_30_minutes").body == "Hi {first_name}, a short note."


def test_an_edited_draft_is_not_replaced_without_asking(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    priya = people.add_person("Priya", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.open_draft(priya.id, None)
    drafts = page.drafts
    drafts.preview.setPlainText("My own careful words")
    drafts.render()  # nothing changed: the draft stays
    assert drafts.preview.toPlainText() == "My own careful words"
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    drafts.templates.setCurrentRow(1)  # another kind of message: asks, and keeps on "no"
    assert asked == ["You changed this draft. Replace it with a fresh one?"]
    assert drafts.preview.toPlainText() == "My own careful words"


def test_planning_twice_opens_the_same_conversation(notebook: Paths, qtbot, clock) -> None:
    priya = people.add_person("Priya", now=clock())
    page, _, messages = make_page(qtbot, clock)
    page.start_with(priya.id)
    page.start_with(priya.id)
    assert len(conversations.list_conversations()) == 1
    assert "already have a conversation" in messages[-1]


def test_meeting_notes_show_as_they_read(notebook: Paths, qtbot, clock) -> None:
    priya = people.add_person("Priya", now=clock())
    conversations.start_conversation(priya.id, now=clock())
    page, _, _ = make_page(qtbot, clock)
    notes = page.interviews.detail.meeting
    notes.setPlainText("## Her week\n\n- **Mondays** in schools\n<script>x()</script>")
    html = notes.preview.toHtml()
    assert "Her week" in notes.preview.toPlainText()
    # What was typed shows as typed; it never becomes markup.
    assert "<script>x()</script>" in notes.preview.toPlainText()
    assert "<script" not in html.lower()
