"""Exporting people and follow-ups from the window: choose a file, get it, be told."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pathfinder.paths import Paths
from pathfinder.services import followups, people
from pathfinder.services.export_vcard import UID_SALT
from pathfinder.services.settings import get_setting
from pathfinder.views.people_export import export_follow_ups, export_people

NOW = datetime(2026, 3, 2, 19, 30)


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text: messages.append(("info", text))
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, _t, text: messages.append(("warn", text))
    )
    return messages


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Answer the save dialog with `path` (None: cancel); the suggested paths it was given."""
    suggested: list[str] = []

    def answer(_parent, _title, proposal, _filter):  # type: ignore[no-untyped-def]
        suggested.append(proposal)
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


@pytest.fixture
def two(notebook: Paths) -> list[int]:
    ana = people.add_person("Ana Ruiz", organisation="Acme", notes="private", now=NOW)
    zoe = people.add_person("=Zoë Ng", now=NOW)
    followups.add_follow_up(ana.id, date(2026, 3, 5), "coffee", now=NOW)
    return [ana.id, zoe.id]


def test_everyone_as_vcard_where_chosen(
    two: list[int], notebook: Paths, parent: QWidget, tmp_path: Path, monkeypatch, said
) -> None:
    suggested = choose(monkeypatch, tmp_path / "my contacts")  # typed without .vcf
    written = export_people(parent, notebook, "vcard", None, today=date(2026, 3, 2))
    assert written == tmp_path / "my contacts.vcf"
    assert Path(suggested[0]).name == "pathfinder-people-2026-03-02.vcf"
    cards = list(vobject.readComponents(written.read_text(encoding="utf-8")))
    assert [card.fn.value for card in cards] == ["=Zoë Ng", "Ana Ruiz"]
    assert said[0][0] == "info" and "2 people" in said[0][1] and str(written) in said[0][1]
    assert "private" in said[0][1]  # "notes on people are private and were left out"


def test_selected_people_as_csv(
    two: list[int], notebook: Paths, parent: QWidget, tmp_path: Path, monkeypatch, said
) -> None:
    choose(monkeypatch, tmp_path / "table.csv")
    written = export_people(parent, notebook, "csv", [two[1]])
    assert written == tmp_path / "table.csv"
    lines = written.read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[1].startswith("'=Zoë Ng,") and len(lines) == 3
    assert said[0][0] == "info" and "1 person" in said[0][1]


def test_cancelling_writes_nothing_and_says_nothing(
    two: list[int], notebook: Paths, parent: QWidget, tmp_path: Path, monkeypatch, said
) -> None:
    choose(monkeypatch, None)
    assert export_people(parent, notebook, "csv", None) is None
    assert export_follow_ups(parent, notebook) is None
    assert said == [] and sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_the_data_folder_is_refused_with_a_message(
    two: list[int], notebook: Paths, parent: QWidget, monkeypatch, said
) -> None:
    choose(monkeypatch, notebook.data_dir / "people.vcf")
    assert export_people(parent, notebook, "vcard", None) is None
    assert said[0][0] == "warn" and "data folder" in said[0][1]
    assert not (notebook.data_dir / "people.vcf").exists()
    assert get_setting(UID_SALT) == ""  # refused before anything was made


def test_replacing_a_file_named_by_the_added_ending_asks_first(
    two: list[int], notebook: Paths, parent: QWidget, tmp_path: Path, monkeypatch, said
) -> None:
    (tmp_path / "old.csv").write_bytes(b"keep")
    choose(monkeypatch, tmp_path / "old")
    asked: list[str] = []

    def no(*args):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    assert export_people(parent, notebook, "csv", None) is None
    assert (tmp_path / "old.csv").read_bytes() == b"keep" and said == []
    assert "old.csv exists already" in asked[0]


def test_with_nobody_to_export_no_file_is_asked_for(notebook: Paths, parent: QWidget, said) -> None:
    # The save dialog isn't patched: opening it would fail the test.
    assert export_people(parent, notebook, "vcard", None) is None
    assert export_people(parent, notebook, "csv", []) is None
    assert export_follow_ups(parent, notebook) is None
    assert [kind for kind, _text in said] == ["info", "info", "info"]
    assert "nobody" in said[0][1] and "no open follow-ups" in said[2][1]


def test_follow_ups_as_a_calendar(
    two: list[int], notebook: Paths, parent: QWidget, tmp_path: Path, monkeypatch, said
) -> None:
    suggested = choose(monkeypatch, tmp_path / "calendar")
    written = export_follow_ups(parent, notebook)
    assert written == tmp_path / "calendar.ics"
    assert Path(suggested[0]).name == "pathfinder-follow-ups.ics"
    (event,) = Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Follow up with Ana Ruiz: coffee"
    assert said[0][0] == "info" and "1 follow-up" in said[0][1]


def test_an_unknown_kind_is_a_bug(notebook: Paths, parent: QWidget) -> None:
    with pytest.raises(ValueError, match="ics"):
        export_people(parent, notebook, "ics", None)


def test_a_notebook_that_cant_be_written_is_explained(
    two: list[int], notebook: Paths, parent: QWidget, tmp_path: Path, monkeypatch, said
) -> None:
    from pathfinder.services import export_vcard
    from pathfinder.store.errors import StorageWriteError

    def refuse(_key: str, _value: str) -> None:
        raise StorageWriteError("Your change could not be saved because the disk is full.")

    monkeypatch.setattr(export_vcard, "set_setting", refuse)
    choose(monkeypatch, tmp_path / "calendar.ics")
    assert export_follow_ups(parent, notebook) is None
    assert said == [("warn", said[0][1])] and "the disk is full" in said[0][1]
    assert not (tmp_path / "calendar.ics").exists()
