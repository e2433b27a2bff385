"""File ▸ Export archive as a person uses it: choose a file, get the archive, be told."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pathfinder.paths import Paths
from pathfinder.services import people
from pathfinder.views.archive_export import export_archive


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


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), "Zip archives (*.zip)")
    )


def test_the_archive_is_written_where_chosen(
    notebook: Paths, qtbot, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said
) -> None:
    people.add_person("Ana Ruiz", now=clock())
    parent = QWidget()
    qtbot.addWidget(parent)
    choose(monkeypatch, tmp_path / "my-notebook")  # typed without .zip
    export_archive(parent, notebook)
    target = tmp_path / "my-notebook.zip"
    with zipfile.ZipFile(target) as archive:
        assert "manifest.json" in archive.namelist()
    assert said[0][0] == "info" and "1 person" in said[0][1]


def test_the_data_folder_is_refused_with_a_message(
    notebook: Paths, qtbot, monkeypatch: pytest.MonkeyPatch, said
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    choose(monkeypatch, notebook.data_dir / "archive.zip")
    export_archive(parent, notebook)
    assert said[0][0] == "warn" and "data folder" in said[0][1]
    assert not (notebook.data_dir / "archive.zip").exists()


def test_replacing_a_file_named_by_the_added_ending_asks_first(
    notebook: Paths, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    (tmp_path / "old.zip").write_bytes(b"keep")
    choose(monkeypatch, tmp_path / "old")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    export_archive(parent, notebook)
    assert (tmp_path / "old.zip").read_bytes() == b"keep" and said == []
