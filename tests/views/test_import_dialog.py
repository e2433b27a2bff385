"""The import preview and File ▸ Import / Undo import, as a person uses them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pathfinder.paths import Paths
from pathfinder.services import people
from pathfinder.services.import_plan import plan_import
from pathfinder.services.import_rows import ImportedPerson, ParsedFile
from pathfinder.views import import_actions
from pathfinder.views.import_dialog import ImportDialog
from pathfinder.views.main_window import MainWindow

FILE = ParsedFile(
    "linkedin",
    "Connections.csv",
    (
        ImportedPerson(
            4,
            "Ana Ruiz",
            organisation="Acme Health",
            title="Designer",
            connected_on=date(2024, 3, 15),
        ),
        ImportedPerson(5, "Bo Lind", organisation="Borealis"),
        ImportedPerson(6, "", problem="This row has no name."),
    ),
    notes=("Read as Windows-1252: the file wasn't UTF-8.",),
)


def test_the_preview_shows_each_row_and_lets_one_be_left_out(notebook: Paths, qtbot) -> None:
    people.add_person("Bo Lind", organisation="Borealis")
    dialog = ImportDialog(plan_import(FILE))
    qtbot.addWidget(dialog)
    summary = dialog.summary.text()
    assert "1 new" in summary and "1 already there" in summary and "1 can't be imported" in summary
    assert "Windows-1252" in summary
    model = dialog.model
    assert model.index(0, 4).data() == "A new person"
    assert model.index(1, 4).data() == "Already there: Bo Lind at Borealis"
    assert model.index(2, 4).data() == "Can't be imported: This row has no name."
    assert dialog.import_button.text() == "&Import 1 person"
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.plan.rows[0].action == "skip"
    assert not dialog.import_button.isEnabled()
    # New defaults make a new plan, and what was left out stays out.
    dialog.tags.setText("linkedin")
    dialog.tags.editingFinished.emit()
    assert dialog.plan.rows[0].action == "skip"
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.plan.rows[0].tags_to_add == ("linkedin",)
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) is None  # nothing to choose
    dialog.show_choice.setCurrentIndex(4)  # only the rows that can't be imported
    assert model.rowCount() == 1


def test_import_then_undo_from_the_file_menu(
    notebook: Paths, qtbot, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(notebook, clock)
    qtbot.addWidget(window)
    monkeypatch.setattr(import_actions, "parse_file", lambda _kind, _path: FILE)
    monkeypatch.setattr(ImportDialog, "exec", lambda self: ImportDialog.DialogCode.Accepted)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    assert window.import_people("linkedin", Path("Connections.csv"))
    assert told == ["Added 2 people and filled in 0. You'll find them in People."]
    assert [p.name for p in people.find_people_by_name("Ana Ruiz")] == ["Ana Ruiz"]
    assert window.undo_stack.count() == 0  # Edit > Undo can't step back across an import
    asked: list[str] = []

    def answer(_parent, _title, text, *_rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window.undo_import()
    assert "2 people it added will be removed." in asked[0]
    assert told[-1] == "The import is undone: 2 people removed."
    assert people.find_people_by_name("Ana Ruiz") == []
    window.undo_import()
    assert "no import to undo" in told[-1]


def test_a_file_that_cant_be_used_says_why(
    notebook: Paths, qtbot, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathfinder.services.import_rows import ImportFileError

    window = MainWindow(notebook, clock)
    qtbot.addWidget(window)

    def refuse(_kind, _path):
        raise ImportFileError("notes.txt isn't a LinkedIn export: line 1 has no header.")

    monkeypatch.setattr(import_actions, "parse_file", refuse)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    assert not window.import_people("linkedin", Path("notes.txt"))
    assert warned == ["notes.txt isn't a LinkedIn export: line 1 has no header."]


def test_enter_in_the_tags_box_applies_them_without_importing(notebook: Paths, qtbot) -> None:
    dialog = ImportDialog(plan_import(FILE))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tags.setFocus()
    dialog.tags.setText("linkedin")
    qtbot.keyClick(dialog.tags, Qt.Key.Key_Return)
    assert dialog.result() != ImportDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.plan.rows[0].tags_to_add == ("linkedin",)
