"""The People section as a person uses it: add, log, filter, tag, delete, follow up."""

from __future__ import annotations

from datetime import date

from people_helpers import make_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from pathfinder.paths import Paths
from pathfinder.services import followups, interactions, people
from pathfinder.views.people.person_form import PersonForm


def test_a_first_notebook_invites_the_first_three_people(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    page, _, messages = make_page(qtbot, clock)
    assert page.people_stack.currentWidget() is page.empty
    assert "Add the first three" in page.empty.sentence.text()

    def fill(form: PersonForm) -> None:
        form.name.setText("Priya Shah")
        form.organisation.setText("Acme Health")
        form.level.setCurrentIndex(form.level.findData(1))
        form.tags.setText("edtech, mentor maybe")

    fill_create_dialog(fill)
    page.empty.button.click()
    [person] = [people.get_person(row.id) for row in page.model.rows]
    assert person is not None
    assert (person.name, person.organisation, person.level) == ("Priya Shah", "Acme Health", 1)
    assert person.tags == ("edtech", "mentor maybe")
    assert page.detail.heading.text() == "Priya Shah"
    assert messages[-1] == "Added Priya Shah."


def test_a_person_without_a_name_is_refused_in_the_dialog(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    page, _, _ = make_page(qtbot, clock)
    opened = fill_create_dialog(lambda form: form.organisation.setText("Acme"))
    page.add_person()
    assert "needs a name" in opened[0].form.messages["name"].text_label.text()
    assert people.people_count() == 0


def test_a_malformed_email_is_flagged_and_the_rest_is_kept(notebook: Paths, qtbot, clock) -> None:
    priya = people.add_person("Priya", now=clock())
    tom = people.add_person("Tom", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.show()
    page.select_person(priya.id)
    form = page.detail.form
    form.notes.setPlainText("Met at the edtech meetup")
    form.email.setText("priya@")
    form.emit_changed()
    page.select_person(tom.id)  # the change can't be saved, so Priya stays
    assert page.detail.person is not None and page.detail.person.id == priya.id
    assert form.messages["email"].isVisible()
    assert form.notes.toPlainText() == "Met at the edtech meetup"
    # The note is saved even though the email is refused; the email waits to be fixed.
    kept = people.get_person(priya.id)
    assert kept is not None and (kept.notes, kept.email) == ("Met at the edtech meetup", "")
    form.email.setText("priya@example.org")
    form.emit_changed()
    page.select_person(tom.id)
    saved = people.get_person(priya.id)
    assert saved is not None
    assert (saved.email, saved.notes) == ("priya@example.org", "Met at the edtech meetup")


def test_logging_an_interaction_takes_two_clicks(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from pathfinder.views.widgets.record_form import CreateDialog

    priya = people.add_person("Priya", now=clock())
    page, _, messages = make_page(qtbot, clock)
    page.select_person(priya.id)
    monkeypatch.setattr(CreateDialog, "exec", lambda dialog: (dialog.save(), dialog.result())[1])
    page.detail.log_button.click()  # click one; the dialog's Save is click two
    [entry] = interactions.timeline(priya.id)
    assert entry.on == clock().date() and entry.title == "Coffee"
    assert "stay-in-touch clock" in messages[-1]
    assert "Coffee" in page.detail.timeline.lines[0][0]
    assert page.model.rows[0].last_contact_on is not None


def test_delete_asks_naming_people_and_interactions(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    priya = people.add_person("Priya", now=clock())
    people.add_person("Tom", now=clock())
    coffee = interactions.kind_id("coffee")
    for _ in range(3):
        interactions.log_interaction(priya.id, coffee, now=clock())
    page, undo, _ = make_page(qtbot, clock)
    page.table.selectAll()
    asked: list[str] = []

    def answer(box: QMessageBox, press: str) -> int:
        asked.append(box.text())
        for button in box.buttons():
            if button.text().replace("&", "") == press:
                box.setProperty("pressed", press)
                monkeypatch.setattr(box, "clickedButton", lambda b=button: b)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Cancel"))
    page.bulk.delete_selected()
    assert people.people_count() == 2
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Delete"))
    page.bulk.delete_selected()
    assert asked == ["Delete 2 people and their 3 interactions?"] * 2
    assert people.people_count() == 0
    assert page.people_stack.currentWidget() is page.empty
    undo.undo()
    assert people.people_count() == 2
    assert len(interactions.timeline(priya.id)) == 3


def test_an_introduction_adds_the_new_person_on_both_timelines(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    priya = people.add_person("Priya", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.select_person(priya.id)
    fill_create_dialog(lambda form: form.who.setText("Sam Okafor"))
    page.detail.record_introduction()
    [sam] = people.find_people_by_name("Sam Okafor")
    assert sam.introduced_by_id == priya.id and sam.source == "introduction"
    assert page.model.row_of(sam.id) is not None
    assert "Introduced you to Sam Okafor" in page.detail.timeline.lines[0][0]
    page.detail.timeline_view.setCurrentIndex(page.detail.timeline.index(0))
    page.detail.timeline_view.activated.emit(page.detail.timeline.index(0))
    assert page.detail.person is not None and page.detail.person.id == sam.id


def test_a_follow_up_is_planned_then_done(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    priya = people.add_person("Priya", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.select_person(priya.id)
    fill_create_dialog(lambda form: form.reason.setText("Send the article"))
    page.detail.add_follow_up()
    [planned] = followups.follow_ups_of(priya.id)
    assert planned.due_on == date(2026, 3, 9)
    assert "Send the article" in page.detail.follow_ups.lines[0][0]
    page.detail.done_button.click()
    assert followups.follow_ups_of(priya.id) == []


def test_the_organisations_tab_shows_who_is_there(notebook: Paths, qtbot, clock) -> None:
    priya = people.add_person("Priya", organisation="Acme", title="PM", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.tabs.setCurrentIndex(1)
    organisations = page.organisations
    assert [o.name for o in organisations.model.records] == ["Acme"]
    assert organisations.now_model.lines[0][0] == "Priya, PM"
    organisations.form.is_target.setChecked(True)
    organisations.flush()
    assert organisations.model.records[0].is_target
    with qtbot.waitSignal(organisations.open_person):
        organisations.findChildren(type(page.detail.timeline_view))[0].activated.emit(
            organisations.now_model.index(0)
        )
    assert page.tabs.currentIndex() == 0
    assert page.detail.person is not None and page.detail.person.id == priya.id


def test_who_to_contact_next_shows_reasons_and_opens_people(notebook: Paths, qtbot, clock) -> None:
    people.add_person("Nobody special", now=clock())
    boss = people.add_person("Dana Hiring", hiring_power=True, target_field=True, now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.tabs.setCurrentIndex(2)
    lines = page.contact_next.model.lines
    assert lines[0][0].startswith("1. Dana Hiring")
    assert "hiring power · target field" in lines[0][0]
    page.contact_next.view.activated.emit(page.contact_next.model.index(0))
    assert page.tabs.currentIndex() == 0
    assert page.detail.person is not None and page.detail.person.id == boss.id


def test_the_list_of_interaction_kinds_can_be_edited(notebook: Paths, qtbot, monkeypatch) -> None:
    from pathfinder.views.people.dialogs import KindsDialog

    dialog = KindsDialog()
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Lunch", True))
    dialog.add_button.click()
    assert "Lunch" in [k.name for k in interactions.kinds()]
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Lunch meeting", True))
    dialog.rename_button.click()
    dialog.retire_button.click()
    assert dialog.list.currentItem().text() == "Lunch meeting (retired)"
    assert "Lunch meeting" not in [k.name for k in interactions.kinds()]
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("coffee", True))
    dialog.add_button.click()
    assert "already a kind called coffee" in dialog.problem.text_label.text()


def test_a_bulk_level_change_is_not_undone_by_the_next_edit(notebook: Paths, qtbot, clock) -> None:
    a = people.add_person("A", level=3, now=clock())
    page, _undo, _ = make_page(qtbot, clock)
    page.select_person(a.id)
    page.table.selectAll()
    page.bulk.set_level_selected(1)
    assert page.detail.form.level.currentData() == 1  # the form shows the new level
    page.detail.form.location.setText("Leeds")
    page.detail.form.emit_changed()
    page.detail.flush()
    saved = people.get_person(a.id)
    assert saved is not None and (saved.level, saved.location) == (1, "Leeds")


def test_an_organisation_typed_in_pieces_is_saved_once(notebook: Paths, qtbot, clock) -> None:
    from pathfinder.services.organisations import organisation_names

    a = people.add_person("A", now=clock())
    b = people.add_person("B", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.show()
    page.select_person(a.id)
    field = page.detail.form.organisation
    field.setFocus()
    qtbot.keyClicks(field, "Glo")
    qtbot.wait(1300)  # longer than the autosave pause
    assert organisation_names() == []
    qtbot.keyClicks(field, "bex")
    page.select_person(b.id)  # moving on saves it
    assert organisation_names() == ["Globex"]
    assert people.get_person(a.id).organisation == "Globex"  # type: ignore[union-attr]


def test_undo_and_redo_save_what_was_typed_first(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from pathfinder.views.main_window import MainWindow

    ada = people.add_person("Ada", now=clock())
    window = MainWindow(notebook, clock)
    qtbot.addWidget(window)
    window.show_section(2)
    page = window.sections[2]
    page.select_person(ada.id)

    def press_delete(box: QMessageBox) -> int:
        [delete] = [b for b in box.buttons() if b.text() == "&Delete"]
        monkeypatch.setattr(box, "clickedButton", lambda: delete)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_delete)
    page.bulk.delete_selected()
    window.undo_action.trigger()  # Ada is back
    page.select_person(ada.id)
    page.detail.form.notes.setPlainText("Likes mentoring")
    page.detail.form.emit_changed()  # typed, not saved yet
    window.redo_action.trigger()  # saves the note first, then deletes Ada again
    assert people.get_person(ada.id) is None
    window.undo_action.trigger()
    back = people.get_person(ada.id)
    assert back is not None and back.notes == "Likes mentoring"


def test_the_introduction_picker_keeps_namesakes_apart(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    priya = people.add_person("Priya", now=clock())
    people.add_person("Sam Lee", organisation="Acme", now=clock())
    people.add_person("Sam Lee", organisation="Globex", now=clock())
    tom = people.add_person("Tom Reyes", organisation="Initech", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.select_person(priya.id)
    opened = fill_create_dialog(lambda form: form.who.setText("Sam Lee"))
    page.detail.record_introduction()
    assert "More than one person is called Sam Lee" in (
        opened[-1].form.messages["who"].text_label.text()
    )
    fill_create_dialog(lambda form: form.who.setText("tom reyes"))  # typed, not picked
    page.detail.record_introduction()
    assert people.get_person(tom.id).introduced_by_id == priya.id  # type: ignore[union-attr]
    assert len(people.find_people_by_name("Tom Reyes")) == 1


def test_entries_and_past_roles_can_be_deleted_and_undone(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    from pathfinder.services import organisations

    priya = people.add_person("Priya", organisation="Globex", now=clock())
    interactions.log_interaction(
        priya.id, interactions.kind_id("call"), summary="Intro", now=clock()
    )
    page, undo, _ = make_page(qtbot, clock)
    page.select_person(priya.id)
    detail = page.detail
    detail.timeline_view.setCurrentIndex(detail.timeline.index(0))
    detail.delete_entry_button.click()
    assert interactions.timeline(priya.id) == []
    undo.undo()
    assert [e.detail for e in interactions.timeline(priya.id)] == ["Intro"]

    def fill(form) -> None:
        form.organisation.setText("Acme")
        form.title.setText("Analyst")

    fill_create_dialog(fill)
    detail.add_role_button.click()
    assert [r.organisation for r in organisations.roles_of(priya.id)] == ["Globex", "Acme"]
    detail.roles_view.setCurrentIndex(detail.roles.index(1))
    detail.delete_role_button.click()
    assert [r.organisation for r in organisations.roles_of(priya.id)] == ["Globex"]


def test_the_introduced_by_link_can_be_set_and_removed_from_the_person(
    notebook: Paths, qtbot, clock, fill_create_dialog
) -> None:
    sam = people.add_person("Sam", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.select_person(sam.id)
    fill_create_dialog(lambda form: form.who.setText("Rosa Diaz"))
    page.detail.introducer_button.click()
    [rosa] = people.find_people_by_name("Rosa Diaz")
    assert people.get_person(sam.id).introduced_by_id == rosa.id  # type: ignore[union-attr]
    assert page.detail.forget_introducer_button.isEnabled()
    page.detail.forget_introducer_button.click()
    assert people.get_person(sam.id).introduced_by_id is None  # type: ignore[union-attr]


def test_delete_and_enter_keys(notebook: Paths, qtbot, clock, monkeypatch) -> None:
    priya = people.add_person("Priya", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.detail.form.name.hasFocus()
    page.table.setFocus()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked == ["Delete 1 person?"]
    assert people.get_person(priya.id) is not None  # nothing was pressed: kept


def test_a_one_megabyte_note_saves_from_the_detail(notebook: Paths, qtbot, clock) -> None:
    priya = people.add_person("Priya", now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.select_person(priya.id)
    note = ("A long note about our conversation. " * 30 + "\n") * 1000
    page.detail.form.notes.setPlainText(note)
    page.detail.form.emit_changed()
    assert page.detail.flush()
    assert len(people.get_person(priya.id).notes) == len(note.strip())  # type: ignore[union-attr]


def test_the_timeline_and_roles_are_read_when_their_tab_is_shown(
    notebook: Paths, qtbot, clock
) -> None:
    priya = people.add_person("Priya", organisation="Acme", title="PM", now=clock())
    interactions.log_interaction(priya.id, interactions.kind_id("coffee"), now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.show()
    qtbot.waitExposed(page)
    detail = page.detail
    assert detail.person is not None and detail.person.id == priya.id
    assert detail.timeline.waiting and detail.roles.waiting  # the Details tab is in front
    detail.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    assert not detail.timeline.waiting
    assert "Coffee" in detail.timeline_view.model().index(0, 0).data()
    detail.tabs.setCurrentIndex(3)
    QApplication.processEvents()
    assert detail.roles.lines[0][0] == "PM at Acme (now)"
    # With the Timeline tab in front, the next person's timeline is read at once.
    detail.tabs.setCurrentIndex(1)
    tom = people.add_person("Tom", now=clock())
    page.reload(select_id=tom.id)
    QApplication.processEvents()
    assert not detail.timeline.waiting
    assert "Nothing logged yet" in detail.timeline.lines[0][0]


def test_organisation_and_tag_suggestions_are_read_when_typing_starts(
    notebook: Paths, qtbot, clock
) -> None:
    priya = people.add_person("Priya", now=clock())
    people.add_person("Tom", organisation="Globex", tags=["fintech"], now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.select_person(priya.id)
    form = page.detail.form

    def offered(field: QLineEdit) -> list[str]:
        return field.completer().model().stringList()

    assert offered(form.organisation) == [] and offered(form.tags) == []
    qtbot.keyClick(form.tags, Qt.Key.Key_Q)  # (no suggestion starts with q: no popup)
    assert offered(form.organisation) == ["Globex"] and offered(form.tags) == ["fintech"]
    people.add_person("Ana", organisation="Acme", now=clock())
    page.reload()
    qtbot.keyClick(form.organisation, Qt.Key.Key_Q)
    assert offered(form.organisation) == ["Acme", "Globex"]


def test_the_delete_question_names_conversations_too(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from pathfinder.services import conversations

    priya = people.add_person("Priya", now=clock())
    conversations.start_conversation(priya.id, now=clock())
    page, _, _ = make_page(qtbot, clock)
    page.table.selectAll()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    page.bulk.delete_selected()
    assert asked == ["Delete 1 person and their 1 conversation?"]
