"""Kill -9 in the middle of typing: the next start offers the words back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from pathfinder.paths import Paths
from pathfinder.services import journal
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.views.main_window import MainWindow

CHILD = Path(__file__).resolve().parent.parent / "helpers" / "typing_child.py"
WORDS = "Nearly lost: the talk with Ana went better than I feared"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_words_typed_before_a_kill_are_offered_back(tmp_path: Path, qtbot, monkeypatch) -> None:
    paths = Paths(tmp_path / "data")
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(paths.data_dir), WORDS],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "typed"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    open_notebook(paths.database, paths.backups_dir)
    try:
        assert journal.entry_count() == 0  # killed before the autosave pause ended
        offered: list[str] = []

        def bring_back(box: QMessageBox) -> int:
            offered.append(box.text())
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "exec", bring_back)
        window = MainWindow(paths)
        window.remember_state = False
        qtbot.addWidget(window)
        window.offer_unsaved_text()
        assert WORDS in offered[0]
        [(entry_id, _month)] = journal.entry_ids()
        assert journal.get_entry(entry_id).body == WORDS
        assert not paths.unsaved_file.exists()
        window.close()
    finally:
        close_notebook()
        db.initialize(None)
