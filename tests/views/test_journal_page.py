"""The Journal section as a person uses it: writing, saving, previews, prompts, undo."""

from __future__ import annotations

from datetime import datetime

from journal_helpers import make_page, make_window, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pathfinder.paths import Paths
from pathfinder.services import conversations, journal, journal_browse, journal_prompts, people
from pathfinder.views.journal.page import PROMPTS_TAB


def test_an_empty_journal_teaches_the_first_step(notebook: Paths, qtbot, clock) -> None:
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    assert page.list_stack.currentWidget() is page.empty
    assert "how far you've come" in page.empty.sentence.text()
    page.empty.button.click()
    assert page.detail_stack.currentWidget() is page.editor
    assert page.editor.active and page.editor.entry_id is None


def test_writing_an_entry_with_a_link_and_tags(notebook: Paths, qtbot, clock) -> None:
    ana = people.add_person("Ana Ruiz", now=clock())
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.new_entry()
    editor = page.editor
    type_into(qtbot, editor.title, "First coffee")
    type_into(qtbot, editor.text_edit, "Met @Ana")
    popup = editor.text_edit.completer.popup()
    assert popup.isVisible()
    assert editor.text_edit.choices_model.item(0).text().startswith("Ana Ruiz")
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.text_edit.toPlainText() == "Met @Ana Ruiz "
    type_into(qtbot, editor.text_edit, "for **coffee**.")
    editor.tags.setText("networking, Nerves")
    editor.tags.textEdited.emit(editor.tags.text())
    editor.mood.setCurrentIndex(editor.mood.findData(4))
    editor.shared.setChecked(True)
    assert page.flush()
    [(entry_id, _month)] = journal.entry_ids()
    entry = journal.get_entry(entry_id)
    assert entry.title == "First coffee"
    assert entry.body == "Met @Ana Ruiz for **coffee**."
    assert entry.tags == ["Nerves", "networking"]
    assert (entry.mood, entry.shared) == (4, True)
    assert entry.links == [journal.Link("person", ana.id, "Ana Ruiz")]
    # The list shows it, and the preview renders the Markdown.
    assert page.model.entry_ids == [entry_id]
    editor.body.render()
    assert "<strong>coffee</strong>" in editor.body.preview.toHtml() or (
        "font-weight" in editor.body.preview.toHtml()
    )
    assert editor.words.text() == "5 words"
    # And the person's timeline lists the entry.
    assert [m.entry_id for m in journal_browse.entries_about_person(ana.id)] == [entry_id]


def test_typing_pauses_save_by_themselves(notebook: Paths, qtbot, clock) -> None:
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.new_entry()
    type_into(qtbot, page.editor.text_edit, "Saved after a pause")
    assert journal.entry_count() == 0
    qtbot.waitUntil(lambda: journal.entry_count() == 1, timeout=10_000)
    assert not notebook.unsaved_file.exists()


def test_switching_away_mid_typing_keeps_the_text(notebook: Paths, qtbot, clock) -> None:
    first = journal.add_entry(clock(), title="Older", written_at=datetime(2026, 2, 1, 9))
    window = make_window(qtbot, notebook, clock)
    window.show_section(window.sections.index(window.journal_page))
    page = window.journal_page
    page.new_entry()
    type_into(qtbot, page.editor.text_edit, "Half a thought")
    assert notebook.unsaved_file.exists()  # the safety copy, before any save
    window.show_section(1)  # to Compass, mid-sentence
    assert [journal.get_entry(i).body for i, _m in journal.entry_ids()] == [
        "Half a thought",
        "",
    ]
    assert not notebook.unsaved_file.exists()
    window.show_section(window.sections.index(page))
    new_id = journal.entry_ids()[0][0]
    page.show_entry(new_id)
    assert page.editor.text_edit.toPlainText() == "Half a thought"
    # Switching entries saves too.
    type_into(qtbot, page.editor.text_edit, ", finished.")
    page.show_entry(first.id)
    assert journal.get_entry(new_id).body == "Half a thought, finished."


def test_closing_the_window_saves_typing(notebook: Paths, qtbot, clock) -> None:
    window = make_window(qtbot, notebook, clock)
    window.new_journal_entry()
    type_into(qtbot, window.journal_page.editor.text_edit, "Last words")
    window.close()
    assert [journal.get_entry(i).body for i, _m in journal.entry_ids()] == ["Last words"]


def test_the_preview_is_sanitised(notebook: Paths, qtbot, clock) -> None:
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.new_entry()
    page.editor.body.setPlainText(
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
        "[bad](javascript:alert(3)) and [good](https://example.org)"
    )
    shown = page.editor.body.preview.toHtml()
    assert "<script" not in shown and "<img" not in shown
    assert "javascript:" not in shown
    assert 'href="https://example.org"' in shown
    assert "&lt;script&gt;" in shown  # shown as typed text, not run


def test_a_future_date_is_refused_at_the_field(notebook: Paths, qtbot, clock) -> None:
    entry = journal.add_entry(clock(), body="Today")
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.show_entry(entry.id)
    editor = page.editor
    editor.written_at.setMaximumDateTime(editor.written_at.dateTime().addDays(30))
    editor.written_at.setDateTime(editor.written_at.dateTime().addDays(3))
    assert not page.flush()
    assert "future" in editor.when_message.text()
    assert journal.get_entry(entry.id).written_at == clock()


def test_a_huge_paste_is_refused_and_the_text_stays(notebook: Paths, qtbot, clock) -> None:
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.new_entry()
    type_into(qtbot, page.editor.text_edit, "Keep me")
    from PySide6.QtCore import QMimeData

    huge = QMimeData()
    huge.setText("x" * 10_000_000)
    page.editor.text_edit.insertFromMimeData(huge)
    assert page.editor.text_edit.toPlainText() == "Keep me"
    assert "Nothing was pasted" in page.editor.body_message.text()


def test_delete_and_undo_an_entry(notebook: Paths, qtbot, clock) -> None:
    ana = people.add_person("Ana Ruiz", now=clock())
    entry = journal.add_entry(clock(), title="Keep", tags=["t"], links=[("person", ana.id)])
    page, undo, _messages = make_page(qtbot, clock, notebook)
    page.show_entry(entry.id)
    page.editor.delete_button.click()
    assert journal.entry_count() == 0
    assert page.list_stack.currentWidget() is page.empty
    undo.undo()
    restored = journal.get_entry(entry.id)
    assert (restored.title, restored.tags, len(restored.links)) == ("Keep", ["t"], 1)
    assert page.model.entry_ids == [entry.id]
    # Written after the undo, then redo and undo again: the newer words come back.
    journal.update_entry(entry.id, clock(), body="An hour of writing")
    undo.redo()
    assert journal.entry_count() == 0
    undo.undo()
    assert journal.get_entry(entry.id).body == "An hour of writing"


def test_a_new_entry_from_a_prompt_and_from_a_conversation(notebook: Paths, qtbot, clock) -> None:
    ana = people.add_person("Ana Ruiz", now=clock(), organisation="Acme Health")
    talk = conversations.start_conversation(ana.id, now=clock())
    window = make_window(qtbot, notebook, clock)
    window.show_section(window.sections.index(window.conversations_page))
    window.conversations_page.show_conversation(talk.id)
    window.conversations_page.interviews.detail.reflect_button.click()
    page = window.journal_page
    assert window.current_section() is page
    editor = page.editor
    assert editor.title.text() == "After talking with Ana Ruiz"
    assert "Conversation with **Ana Ruiz**" in editor.text_edit.toPlainText()
    assert [link.kind for link in editor._pending_links] == ["person", "conversation"]
    type_into(qtbot, editor.text_edit, "It fits me.")
    assert page.flush()
    [(entry_id, _m)] = journal.entry_ids()
    assert {link.kind for link in journal.get_entry(entry_id).links} == {"person", "conversation"}

    # From one prompt: the prompt shows above the editor and is kept with the entry.
    prompts_menu = page.new_menu.actions()[1].menu()
    first_set = prompts_menu.actions()[0].menu()
    one_prompt = [a for a in first_set.actions() if a.text() and not a.isSeparator()][1]
    one_prompt.trigger()
    assert editor.prompt_label.text() == one_prompt.text().replace("&&", "&")
    type_into(qtbot, editor.text_edit, "An answer")
    assert page.flush()
    newest = journal.get_entry(journal.entry_ids()[0][0])
    assert newest.prompt == editor.prompt_label.text()
    assert newest.body == "An answer"


def test_an_untouched_new_entry_leaves_nothing_behind(notebook: Paths, qtbot, clock) -> None:
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.new_entry()
    assert page.flush()
    assert journal.entry_count() == 0


def test_own_prompts_and_templates(notebook: Paths, qtbot, clock) -> None:
    page, undo, _messages = make_page(qtbot, clock, notebook)
    page.tabs.setCurrentIndex(PROMPTS_TAB)
    view = page.prompts
    view.new_prompt.setText("Who made me laugh this week?")
    view.add_prompt_button.click()
    assert view.prompts.lines[-1][0].startswith("Who made me laugh this week?")
    # It is offered under New entry straight away.
    first_set = page.new_menu.actions()[1].menu().actions()[0].menu()
    assert "Who made me laugh this week?" in [a.text() for a in first_set.actions()]
    view.new_template()
    view.template_name.setText("Friday notes")
    view.template_body.setPlainText("## What went well\n")
    view.save_template_button.click()
    names = [a.text() for a in page.new_menu.actions()[2].menu().actions()]
    assert "Friday notes" in names
    view.new_prompt.setText("   ")
    view.add_prompt_button.click()
    assert "Write the prompt" in view.prompt_message.text()
    # Deleting one of your own prompts can be undone.
    view.prompts_view.setCurrentIndex(view.prompts.index(view.prompts.rowCount() - 1))
    assert view.delete_prompt_button.isEnabled()
    view.delete_prompt_button.click()
    assert not any("laugh" in line[0] for line in view.prompts.lines)
    undo.undo()
    assert any("laugh" in line[0] for line in view.prompts.lines)


def test_a_person_timeline_opens_the_entry_about_them(notebook: Paths, qtbot, clock) -> None:
    ana = people.add_person("Ana Ruiz", now=clock())
    entry = journal.add_entry(clock(), title="Coffee thoughts", links=[("person", ana.id)])
    window = make_window(qtbot, notebook, clock)
    window.open_item("person", ana.id)
    detail = window.people_page.detail
    lines = [line[0] for line in detail.timeline.lines]
    assert any("Journal: Coffee thoughts" in line for line in lines)
    row = next(i for i, line in enumerate(lines) if "Journal:" in line)
    detail.timeline_view.activated.emit(detail.timeline.index(row))
    assert window.current_section() is window.journal_page
    assert window.journal_page.editor.entry_id == entry.id
    QApplication.processEvents()


# -- review regressions ----------------------------------------------------------------


def test_redo_of_a_delete_keeps_words_typed_into_the_shown_entry(
    notebook: Paths, qtbot, clock
) -> None:
    entry = journal.add_entry(clock(), title="A", body="Saved")
    page, undo, _messages = make_page(qtbot, clock, notebook)
    page.show_entry(entry.id)
    page.editor.delete_button.click()
    undo.undo()
    page.show_entry(entry.id)
    type_into(qtbot, page.editor.text_edit, " and more")
    undo.redo()  # deletes it again, with the words typed just now
    assert not journal.entry_exists(entry.id)
    assert not page.editor.active
    undo.undo()
    assert journal.get_entry(entry.id).body == "Saved and more"


def test_deleting_with_unsaved_typing_keeps_it_for_undo(notebook: Paths, qtbot, clock) -> None:
    entry = journal.add_entry(clock(), title="A", body="Saved part")
    page, undo, _messages = make_page(qtbot, clock, notebook)
    page.show_entry(entry.id)
    type_into(qtbot, page.editor.text_edit, " and the last sentence")
    page.editor.delete_button.click()
    assert not notebook.unsaved_file.exists()  # nothing to offer back at the next start
    undo.undo()
    assert journal.get_entry(entry.id).body == "Saved part and the last sentence"


def test_a_half_typed_tag_waits_for_the_user_to_leave_the_field(
    notebook: Paths, qtbot, clock
) -> None:
    entry = journal.add_entry(clock(), body="Text", tags=["zeta"])
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.show_entry(entry.id)
    editor = page.editor
    type_into(qtbot, editor.text_edit, " more")
    editor.tags.setFocus()
    editor.tags.setCursorPosition(len(editor.tags.text()))
    qtbot.keyClicks(editor.tags, ", netw")
    editor._autosaver._timer.timeout.emit()  # the pause after typing in the text
    assert journal.get_entry(entry.id).body == "Text more"
    assert journal.get_entry(entry.id).tags == ["zeta"]
    assert editor.tags.text() == "zeta, netw"
    qtbot.keyClicks(editor.tags, "orking")
    assert page.flush()
    assert journal.get_entry(entry.id).tags == ["networking", "zeta"]


def test_escape_or_a_chosen_name_ends_the_completion(notebook: Paths, qtbot, clock) -> None:
    people.add_person("Ana Ruiz", now=clock())
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.new_entry()
    text = page.editor.text_edit
    popup = text.completer.popup()
    type_into(qtbot, text, "Lunch with @Ana")
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.keyClicks(text, " today")
    assert not popup.isVisible()
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert text.toPlainText() == "Lunch with @Ana today\n"
    assert page.editor._pending_links == []
    type_into(qtbot, text, "Then @Ana")
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClicks(text, "- again")
    assert not popup.isVisible()
    assert text.toPlainText().endswith("Then @Ana Ruiz - again")


def test_template_edits_are_saved_on_moving_on(notebook: Paths, qtbot, clock) -> None:
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.tabs.setCurrentIndex(PROMPTS_TAB)
    view = page.prompts
    view.templates_view.setCurrentIndex(view.templates.index(0))
    name = view.template_name.text()
    view.template_body.setPlainText("## Mine now\n")
    view.templates_view.setCurrentIndex(view.templates.index(1))
    saved = [t for t in journal_prompts.templates() if t.name == name]
    assert [(t.body, t.own_id is not None) for t in saved] == [("## Mine now", True)]
    view.new_template()
    view.template_name.setText("Sunday")
    view.template_body.setPlainText("## Rest\n")
    page.tabs.setCurrentIndex(0)  # leaving the tab saves it
    assert "Sunday" in [t.name for t in journal_prompts.templates()]


def test_a_new_entry_with_only_a_mood_is_kept(notebook: Paths, qtbot, clock) -> None:
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.new_entry()
    page.editor.mood.setCurrentIndex(page.editor.mood.findData(2))
    assert page.flush()
    [(entry_id, _m)] = journal.entry_ids()
    assert journal.get_entry(entry_id).mood == 2


def test_preview_links_open_outside_only_for_web_and_mail(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    page, _undo, _messages = make_page(qtbot, clock, notebook)
    page.new_entry()
    preview = page.editor.body.preview
    assert not preview.openLinks() and not preview.openExternalLinks()
    for url in (
        "https://example.org/a",
        "mailto:ana@example.org",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "http://example.org",
    ):
        preview.anchorClicked.emit(QUrl(url))
    assert opened == ["https://example.org/a", "mailto:ana@example.org", "http://example.org"]


def test_a_conversation_lists_the_entries_about_it(notebook: Paths, qtbot, clock) -> None:
    ana = people.add_person("Ana Ruiz", now=clock())
    talk = conversations.start_conversation(ana.id, now=clock())
    entry = journal.add_entry(clock(), title="What Ana said", links=[("conversation", talk.id)])
    window = make_window(qtbot, notebook, clock)
    window.open_item("conversation", talk.id)
    detail = window.conversations_page.interviews.detail
    assert [line[0].split(" · ")[1] for line in detail.reflections.lines] == ["What Ana said"]
    detail.reflections_view.activated.emit(detail.reflections.index(0))
    assert window.current_section() is window.journal_page
    assert window.journal_page.editor.entry_id == entry.id
