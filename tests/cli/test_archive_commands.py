"""`pathfinder export archive` and `pathfinder import archive`: messages and exit codes
(0 done, 2 bad input or refused, 1 the notebook or the disk)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from pathfinder.archive_commands import export_archive, import_archive
from pathfinder.cli import parse_args
from pathfinder.demo import build_demo_notebook
from pathfinder.instance import InstanceLock
from pathfinder.paths import Paths
from pathfinder.services import archive_write, people
from pathfinder.services.files import ExportError
from pathfinder.store.database import close_notebook, db, open_notebook

NOW = datetime(2026, 3, 2, 19, 30)


def export(paths: Paths, *arguments: str) -> int:
    args = parse_args(["export", "archive", *arguments, "--data-dir", str(paths.data_dir)])
    return export_archive(args, paths)


def restore(paths: Paths, *arguments: str) -> int:
    args = parse_args(["import", "archive", *arguments, "--data-dir", str(paths.data_dir)])
    try:
        return import_archive(args, paths)
    finally:
        db.initialize(None)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(text: str) -> str:
    assert text.count("\n") == 1 and "Traceback" not in text, text
    return text.strip()


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Path]:
    """The demo notebook's archive (its notebook closed again)."""
    paths = Paths(tmp_path / "demo")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    build_demo_notebook(date(2026, 3, 2))
    assert export(paths, "-o", str(tmp_path / "demo.zip")) == 0
    close_notebook()
    db.initialize(None)
    yield tmp_path / "demo.zip"


@pytest.fixture
def filled(tmp_path: Path) -> Paths:
    """A closed notebook that holds one person."""
    paths = Paths(tmp_path / "mine")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    people.add_person("Zed Moss", now=NOW)
    close_notebook()
    db.initialize(None)
    return paths


def test_export_says_what_it_wrote(notebook: Paths, tmp_path: Path, capsys) -> None:
    people.add_person("Ana Ruiz", now=NOW)
    assert export(notebook, "-o", str(tmp_path / "a.zip")) == 0
    out = one_line(capsys.readouterr().out)
    assert out == f"Wrote the archive (zip) to {tmp_path / 'a.zip'}: 1 person and 11 other records."
    assert export(notebook, "-o", str(tmp_path / "folder")) == 0
    assert "(folder)" in capsys.readouterr().out
    assert (tmp_path / "folder" / "manifest.json").is_file()


def test_an_existing_destination_needs_force(notebook: Paths, tmp_path: Path, capsys) -> None:
    target = tmp_path / "a.zip"
    target.write_bytes(b"earlier")
    assert export(notebook, "-o", str(target)) == 2
    assert (
        one_line(capsys.readouterr().err) == f"{target} exists already. Add --force to replace it."
    )
    assert target.read_bytes() == b"earlier"
    assert export(notebook, "-o", str(target), "--force") == 0
    assert zipfile.is_zipfile(target)

    folder = tmp_path / "folder"
    assert export(notebook, "-o", str(folder)) == 0
    (folder / "data" / "contact.json").write_text("changed")
    assert export(notebook, "-o", str(folder)) == 2
    assert export(notebook, "-o", str(folder), "--force") == 0
    assert (folder / "data" / "contact.json").read_text() == "[]\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_unrelated_folder_is_never_replaced(notebook: Paths, tmp_path: Path, capsys) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "cv.odt").write_text("mine")
    assert export(notebook, "-o", str(documents), "--force") == 2
    assert "doesn't hold a Pathfinder archive" in one_line(capsys.readouterr().err)
    assert [p.name for p in documents.iterdir()] == ["cv.odt"]


def test_the_data_folder_and_a_missing_folder_are_refused(
    notebook: Paths, tmp_path: Path, capsys
) -> None:
    for target in (notebook.data_dir / "a.zip", notebook.backups_dir / "archive"):
        assert export(notebook, "-o", str(target)) == 2
        assert "inside Pathfinder's own data folder" in one_line(capsys.readouterr().err)
        assert not target.exists()
    assert export(notebook, "-o", str(tmp_path / "nowhere" / "a.zip")) == 2
    assert "does not exist" in one_line(capsys.readouterr().err)


def test_a_failing_disk_exits_1(
    notebook: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def full(*_args: object, **_kwargs: object) -> Path:
        raise ExportError("a.zip could not be saved: the disk is full.")

    monkeypatch.setattr(archive_write, "write_atomically", full)
    assert export(notebook, "-o", str(tmp_path / "a.zip")) == 1
    assert "the disk is full" in one_line(capsys.readouterr().err)


def test_import_into_a_new_notebook(archive: Path, tmp_path: Path, capsys) -> None:
    paths = Paths(tmp_path / "new")
    assert restore(paths, str(archive)) == 0
    out = one_line(capsys.readouterr().out)
    assert out.startswith(f"Imported {archive} into the empty notebook: 32 people, ")
    open_notebook(paths.database, paths.backups_dir)
    assert people.people_count() == 32
    close_notebook()
    assert restore(paths, str(archive)) == 2  # now it holds something


def test_a_notebook_that_holds_something_needs_merge(archive: Path, filled: Paths, capsys) -> None:
    before = digest(filled.database)
    assert restore(filled, str(archive)) == 2
    err = one_line(capsys.readouterr().err)
    assert "already holds 1 person. Add --merge" in err
    assert digest(filled.database) == before
    assert list(filled.backups_dir.iterdir()) == []

    assert restore(filled, str(archive), "--merge") == 0
    out = one_line(capsys.readouterr().out)
    assert out.startswith(f"Merged {archive} into the notebook: added 32 people")
    [backup] = filled.backups_dir.iterdir()
    assert backup.name.startswith("before-import-") and backup.suffix == ".sqlite3"
    assert str(backup) in out
    open_notebook(filled.database, filled.backups_dir)
    assert people.people_count() == 33
    close_notebook()


def test_a_hostile_archive_is_refused_and_changes_nothing(
    archive: Path, filled: Paths, tmp_path: Path, capsys
) -> None:
    with zipfile.ZipFile(archive) as source:
        files = {name: source.read(name) for name in source.namelist()}
    hostile = tmp_path / "hostile.zip"
    with zipfile.ZipFile(hostile, "w") as target:
        for name, data in files.items():
            target.writestr(name, data)
        target.writestr("../../outside.txt", b"gotcha")
    before = digest(filled.database)
    for merge in ((), ("--merge",)):
        assert restore(filled, str(hostile), *merge) == 2
        err = one_line(capsys.readouterr().err)
        assert err == (
            "The archive was not imported: ../../outside.txt: refused (.. points outside the "
            "archive)"
        )
    assert digest(filled.database) == before
    assert list(filled.backups_dir.iterdir()) == []
    assert not (tmp_path / "outside.txt").exists()

    newer = tmp_path / "newer.zip"
    manifest = json.loads(files["manifest.json"])
    manifest["schema_version"] += 1
    with zipfile.ZipFile(newer, "w") as target:
        for name, data in {**files, "manifest.json": json.dumps(manifest).encode()}.items():
            target.writestr(name, data)
    fresh = Paths(tmp_path / "fresh")
    assert restore(fresh, str(newer)) == 2
    assert "written by a newer Pathfinder" in one_line(capsys.readouterr().err)
    assert not fresh.database.exists()  # refused before a notebook was made
    assert restore(fresh, str(tmp_path / "missing.zip")) == 2
    assert "there is no archive there" in one_line(capsys.readouterr().err)


def test_import_waits_for_the_window_to_close(archive: Path, filled: Paths, capsys) -> None:
    lock = InstanceLock(filled.lock_file)
    assert lock.acquire()
    try:
        assert restore(filled, str(archive)) == 1
    finally:
        lock.release()
    assert "Close the Pathfinder window first" in one_line(capsys.readouterr().err)


def test_a_damaged_or_older_notebook_exits_1(archive: Path, filled: Paths, capsys) -> None:
    import sqlite3

    connection = sqlite3.connect(filled.database)
    connection.execute("PRAGMA user_version = 3")
    connection.close()
    assert restore(filled, str(archive), "--merge") == 1
    assert "earlier Pathfinder" in one_line(capsys.readouterr().err)
    filled.database.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert restore(filled, str(archive), "--merge") == 1
    assert "can't be read" in one_line(capsys.readouterr().err)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pathfinder", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def test_the_commands_as_a_script_runs_them(filled: Paths, tmp_path: Path) -> None:
    target = tmp_path / "mine.zip"
    data = str(filled.data_dir)
    exported = run("export", "archive", "-o", str(target), "--data-dir", data)
    assert (exported.returncode, exported.stderr) == (0, "")
    again = run("export", "archive", "-o", str(target), "--data-dir", data)
    assert again.returncode == 2 and "Add --force" in again.stderr
    refused = run("import", "archive", str(target), "--data-dir", data)
    assert refused.returncode == 2 and "Add --merge" in refused.stderr
    fresh = tmp_path / "fresh"
    imported = run("import", "archive", str(target), "--data-dir", str(fresh))
    assert (imported.returncode, imported.stderr) == (0, ""), imported.stderr
    assert "1 person" in imported.stdout
    (fresh / "pathfinder.sqlite3").write_bytes(b"not a notebook at all")
    damaged = run("export", "archive", "-o", str(tmp_path / "x.zip"), "--data-dir", str(fresh))
    assert damaged.returncode == 1 and "Traceback" not in damaged.stderr
