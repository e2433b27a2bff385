"""File ▸ Back up now, Restore from a backup and Check notebook, as a person uses them,
and the offer of a backup when the notebook can't be opened at start."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from pathfinder.app import WindowHost
from pathfinder.paths import Paths
from pathfinder.services import people
from pathfinder.store.backups import BackupSession, list_backups, make_backup
from pathfinder.store.database import close_notebook, db
from pathfinder.views import restore_dialog
from pathfinder.views.restore_dialog import RestoreDialog

NOW = datetime(2026, 3, 2, 19, 30)


def press(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """QMessageBox.exec presses the button named by the next answer; the texts shown."""
    shown: list[str] = []
    queue = list(answers)

    def exec_(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.informativeText()}")
        wanted = queue.pop(0)
        for button in box.buttons():
            if button.text().replace("&", "") == wanted:
                monkeypatch.setattr(box, "clickedButton", lambda b=button: b)
                return 0
        raise AssertionError(f"no button {wanted!r} in {[b.text() for b in box.buttons()]}")

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def choose_row(monkeypatch: pytest.MonkeyPatch, row: int, seen: list[list[str]]) -> None:
    def exec_(dialog: RestoreDialog) -> int:
        model = dialog.model
        seen.append([model.index(r, c).data() for r in range(model.rowCount()) for c in range(5)])
        dialog.table.selectRow(row)
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(RestoreDialog, "exec", exec_)


@pytest.fixture
def informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *a: said.append(text) or 0
    )
    return said


def test_back_up_now_makes_a_backup_and_says_so(notebook: Paths, qtbot, clock) -> None:
    host = WindowHost(notebook, False, None)
    qtbot.addWidget(host.window)
    people.add_person("Ana Souza", now=clock())
    host.window.backup_action.trigger()
    [made] = list_backups(notebook.backups_dir)
    assert made.reason == "manual"
    assert host.window.statusBar().currentMessage().startswith("Backed up at ")


def test_a_backup_is_restored_through_the_window(
    notebook: Paths, qtbot, clock, monkeypatch, informed
) -> None:
    people.add_person("Ana Souza", now=clock())
    make_backup(notebook.database, notebook.backups_dir, "automatic", NOW)
    people.add_person("Ben Okafor", now=clock())
    host = WindowHost(notebook, False, None)
    old = host.window
    qtbot.addWidget(old)
    old.show_section(2)
    assert old.people_page.model.rowCount() == 2
    rows: list[list[str]] = []
    choose_row(monkeypatch, 0, rows)
    asked = press(monkeypatch, "Restore")
    old.restore_action.trigger()
    # The list showed the backup with what it holds; the question named the moment.
    assert rows[0][1] == "Automatic" and rows[0][2] == "1"
    assert "2 March 2026" in asked[0] and "holds 1 people" in asked[0]
    new = host.window
    qtbot.addWidget(new)
    assert new is not old and new.isVisible() and not old.isVisible()
    assert new.current_section() is new.people_page  # still where the person was
    assert [p.name for p in people.all_people_brief()] == ["Ana Souza"]
    assert new.people_page.model.rowCount() == 1
    assert "Before a restore" in informed[0]
    # And the restore can be undone with the copy set aside.
    set_aside = list_backups(notebook.backups_dir)[0]
    assert set_aside.reason == "before-restore"
    choose_row(monkeypatch, 0, rows)
    press(monkeypatch, "Restore")
    new.restore_action.trigger()
    assert sorted(p.name for p in people.all_people_brief()) == ["Ana Souza", "Ben Okafor"]
    qtbot.addWidget(host.window)


def test_cancelling_the_question_restores_nothing(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    people.add_person("Ana Souza", now=clock())
    make_backup(notebook.database, notebook.backups_dir, "automatic", NOW)
    people.add_person("Ben Okafor", now=clock())
    host = WindowHost(notebook, False, None)
    qtbot.addWidget(host.window)
    choose_row(monkeypatch, 0, [])
    press(monkeypatch, "Cancel")
    assert host.window.restore_from_backup() is False
    assert people.people_count() == 2
    assert len(list_backups(notebook.backups_dir)) == 1


def test_check_notebook_says_healthy(notebook: Paths, qtbot, informed) -> None:
    host = WindowHost(notebook, False, None)
    qtbot.addWidget(host.window)
    host.window.check_action.trigger()
    assert informed[0].startswith("Nothing is wrong with your notebook")


def test_check_notebook_offers_to_rebuild_a_drifting_index(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    people.add_person("Ana Souza", now=clock())
    db.execute_sql("DELETE FROM search_index")
    host = WindowHost(notebook, False, None)
    qtbot.addWidget(host.window)
    shown = press(monkeypatch, "Rebuild the search index")
    result = host.window.check_notebook()
    assert result.repairable and "out of step" in shown[0]
    assert [b.reason for b in list_backups(notebook.backups_dir)] == ["before-repair"]
    from pathfinder.services.notebook_check import check_notebook

    assert check_notebook().ok


def test_the_automatic_backup_runs_beside_the_window(notebook: Paths, qtbot, clock) -> None:
    people.add_person("Ana Souza", now=clock())
    session = BackupSession.of_open_notebook(
        notebook.database,
        notebook.backups_dir,
        notebook.backup_state_file,
        changed_at_start=True,
        clock=clock,
    )
    host = WindowHost(notebook, False, session)
    qtbot.addWidget(host.window)
    auto = host.window.auto_backup
    assert auto.start_if_due()
    with qtbot.waitSignal(auto.finished, timeout=10_000):
        pass
    auto.wait()
    assert not session.due()
    [made] = list_backups(notebook.backups_dir)
    assert made.reason == "automatic"
    assert not auto.start_if_due()  # nothing changed since
    people.add_person("Ben Okafor", now=clock())
    assert session.due()


def test_deleting_several_people_backs_up_first(notebook: Paths, qtbot, clock, monkeypatch) -> None:
    for name in ("Ana Souza", "Ben Okafor", "Chen Wei"):
        people.add_person(name, now=clock())
    host = WindowHost(notebook, False, None)
    qtbot.addWidget(host.window)
    page = host.window.people_page
    host.window.show_section(2)
    page.table.selectAll()
    press(monkeypatch, "Delete")
    page.bulk.delete_selected()
    assert people.people_count() == 0
    [made] = list_backups(notebook.backups_dir)
    assert made.reason == "before-delete"


# -- at start ---------------------------------------------------------------------------


def test_a_damaged_notebook_at_start_is_offered_a_backup(
    paths: Paths, qtbot, monkeypatch, informed
) -> None:
    from pathfinder.__main__ import _open
    from pathfinder.store.database import open_notebook

    open_notebook(paths.database, paths.backups_dir)
    people.add_person("Ana Souza", now=NOW)
    make_backup(paths.database, paths.backups_dir, "automatic", NOW)
    close_notebook()
    noise = os.urandom(32 * 1024)
    paths.database.write_bytes(noise)
    shown = press(monkeypatch, "Restore from a backup…", "Restore")
    choose_row(monkeypatch, 0, [])
    try:
        assert _open(paths, show_dialogs=True) is None
        assert [p.name for p in people.all_people_brief()] == ["Ana Souza"]
    finally:
        close_notebook()
        db.initialize(None)
    assert "can't be read" in shown[0]
    [damaged] = paths.data_dir.glob("*.damaged")
    assert damaged.read_bytes() == noise
    assert damaged.name in informed[0]


def test_quitting_at_the_offer_leaves_the_file_alone(paths: Paths, qtbot, monkeypatch) -> None:
    from pathfinder.__main__ import _open

    paths.database.write_bytes(b"")
    (paths.backups_dir / "automatic-20260301-100000.sqlite3").write_bytes(b"whatever")
    press(monkeypatch, "Quit")
    error = _open(paths, show_dialogs=True)
    assert error is not None
    assert paths.database.read_bytes() == b""
    assert not list(Path(paths.data_dir).glob("*.damaged"))


def test_a_missing_notebook_with_backups_asks_before_starting_anew(
    paths: Paths, qtbot, monkeypatch
) -> None:
    from pathfinder.__main__ import _open
    from pathfinder.store.database import open_notebook

    open_notebook(paths.database, paths.backups_dir)
    people.add_person("Ana Souza", now=NOW)
    make_backup(paths.database, paths.backups_dir, "automatic", NOW)
    close_notebook()
    paths.database.unlink()
    shown = press(monkeypatch, "Quit")
    assert _open(paths, show_dialogs=True) is not None
    assert "no notebook file" in shown[0] and not paths.database.exists()
    press(monkeypatch, "Start a new notebook")
    try:
        assert _open(paths, show_dialogs=True) is None
        assert people.people_count() == 0
    finally:
        close_notebook()
        db.initialize(None)


def test_a_restored_notebook_that_cant_be_opened_ends_the_session(
    notebook: Paths, qtbot, clock, monkeypatch
) -> None:
    from pathfinder.store.errors import UpgradeError
    from pathfinder.views import notebook_care

    made = make_backup(notebook.database, notebook.backups_dir, "automatic", NOW)
    host = WindowHost(notebook, False, None)
    window = host.window
    qtbot.addWidget(window)
    monkeypatch.setattr(restore_dialog, "pick_backup", lambda *_a: list_backups(made.parent)[0])

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise UpgradeError("Upgrading failed (disk I/O error).")

    monkeypatch.setattr(notebook_care, "open_notebook", refuse)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: said.append(text) or 0)
    ended: list[int] = []  # the real exit would stop every later test's event loop
    monkeypatch.setattr(QApplication, "exit", lambda code=0: ended.append(code))
    assert window.restore_from_backup() is False
    assert ended == [1]
    assert "disk I/O error" in said[0] and "closes now" in said[0]
    assert db.obj is None  # nothing can write to the unchecked file
    assert host.window is window  # no fresh window on a notebook that isn't open
    window.auto_backup.session.finish()  # at the end of the run: no copy, no error
    assert [b.path for b in list_backups(notebook.backups_dir)][-1] == made
