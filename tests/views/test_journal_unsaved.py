"""Words typed into the journal but not yet saved when Pathfinder stopped: offered back at
the next start (with the new entry's date, links and prompt), or dropped when the
notebook has them already or the person discards them."""

from __future__ import annotations

from datetime import datetime

from journal_helpers import make_window
from PySide6.QtWidgets import QMessageBox

from pathfinder.paths import Paths
from pathfinder.services import journal, people, unsaved


def test_unsaved_words_are_offered_back_at_start(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    entry = journal.add_entry(clock(), title="Draft", body="Saved part")
    unsaved.keep(
        notebook.unsaved_file,
        unsaved.UnsavedText(entry.id, "Draft", "Saved part and more", "x", "y"),
    )
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window = make_window(qtbot, notebook, clock)
    window.offer_unsaved_text()
    assert "Saved part and more" in asked[0]
    assert journal.get_entry(entry.id).body == "Saved part and more"
    assert window.current_section() is window.journal_page
    assert not notebook.unsaved_file.exists()


def test_unsaved_words_of_a_new_entry_can_be_discarded(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    unsaved.keep(notebook.unsaved_file, unsaved.UnsavedText(None, "", "Lost?", "x", "y"))
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Discard)
    window = make_window(qtbot, notebook, clock)
    window.offer_unsaved_text()
    assert journal.entry_count() == 0
    assert not notebook.unsaved_file.exists()


def test_nothing_is_offered_when_the_notebook_has_the_text(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    entry = journal.add_entry(clock(), title="T", body="B")
    unsaved.keep(notebook.unsaved_file, unsaved.UnsavedText(entry.id, "T", "B", "x", "y"))
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: (_ for _ in ()).throw(AssertionError))
    window = make_window(qtbot, notebook, clock)
    window.offer_unsaved_text()
    assert not notebook.unsaved_file.exists()


def test_a_recovered_new_entry_keeps_its_date_links_and_prompt(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    ana = people.add_person("Ana Ruiz", now=clock())
    unsaved.keep(
        notebook.unsaved_file,
        unsaved.UnsavedText(
            None,
            "After Ana",
            "It went well",
            "2026-03-01T21:15:00",
            "2026-03-01T21:16:00",
            prompt="What did you learn?",
            links=(("person", ana.id),),
        ),
    )
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    window = make_window(qtbot, notebook, clock)
    window.offer_unsaved_text()
    [(entry_id, _m)] = journal.entry_ids()
    entry = journal.get_entry(entry_id)
    assert entry.written_at == datetime(2026, 3, 1, 21, 15)
    assert entry.prompt == "What did you learn?"
    assert [link.target_id for link in entry.links] == [ana.id]
