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
from typing import Any

import pytest

from pathfinder.archive_commands import export_archive, import_archive
from pathfinder.cli import parse_args
from pathfinder.demo import build_demo_notebook
from pathfinder.instance import InstanceLock
from pathfinder.paths import Paths
from pathfinder.services import archive_write, people
from pathfinder.services.files import ExportError
from pathfinder.store import database
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


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under `root`, with each file's bytes."""
    return {
        path.relative_to(root).as_posix(): None if path.is_dir() else path.read_bytes()
        for path in root.rglob("*")
    }


def unzip(archive: Path, folder: Path) -> None:
    """What `unzip archive.zip` run in `folder` does: the members straight into it."""
    with zipfile.ZipFile(archive) as source:
        source.extractall(folder)


def people_in(archive: Path) -> int:
    """How many people the demo's archive holds, by its manifest."""
    with zipfile.ZipFile(archive) as opened:
        return int(json.loads(opened.read("manifest.json"))["counts"]["contact"])


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


def test_an_archive_unzipped_among_other_files_is_never_replaced(
    notebook: Paths, tmp_path: Path, capsys
) -> None:
    """`unzip archive.zip` in the Documents folder puts manifest.json right beside the
    person's own files; --force must not take that folder for an earlier archive."""
    assert export(notebook, "-o", str(tmp_path / "a.zip")) == 0
    documents = tmp_path / "Documents"
    (documents / "taxes").mkdir(parents=True)
    (documents / "taxes" / "2025.pdf").write_bytes(b"%PDF")
    (documents / "cv.docx").write_bytes(b"cv")
    unzip(tmp_path / "a.zip", documents)
    before = tree(documents)
    capsys.readouterr()
    assert export(notebook, "-o", str(documents), "--force") == 2
    err = one_line(capsys.readouterr().err)
    assert err.startswith(f"{documents} holds ") and "isn't part of a Pathfinder archive" in err
    assert tree(documents) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Documents", "a.zip", "data"]


def test_a_folder_holding_the_data_folder_is_never_replaced(
    tmp_path: Path, archive: Path, capsys
) -> None:
    documents = tmp_path / "Docs"
    paths = Paths(documents / "nb")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    try:
        people.add_person("Ana Ruiz", now=NOW)
        unzip(archive, documents)
        before = outside_the_notebook(documents)
        assert export(paths, "-o", str(documents), "--force") == 2
        assert export(paths, "-o", str(documents / "nb" / ".."), "--force") == 2
        assert export(paths, "-o", str(tmp_path), "--force") == 2
    finally:
        close_notebook()
        db.initialize(None)
    errors = capsys.readouterr().err.splitlines()
    assert errors[0] == (
        f"{documents} holds Pathfinder's own data folder ({paths.data_dir}), so it is never "
        "replaced. Choose a new folder name."
    )
    assert len(errors) == 3 and all("own data folder" in error for error in errors)
    assert outside_the_notebook(documents) == before
    open_notebook(paths.database, paths.backups_dir)
    assert people.people_count() == 1
    close_notebook()


def outside_the_notebook(documents: Path) -> dict[str, bytes | None]:
    """`tree(documents)` but the notebook's own files (SQLite changes them as it runs)."""
    return {name: data for name, data in tree(documents).items() if not name.startswith("nb/")}


def test_an_earlier_archive_is_replaced_file_by_file(
    notebook: Paths, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "archive"
    entry_file = folder / "journal" / "undated" / "7-an-old-name.md"
    people.add_person("Ana Ruiz", now=NOW)
    assert export(notebook, "-o", str(folder)) == 0
    entry_file.parent.mkdir(parents=True)
    entry_file.write_text("an earlier Pathfinder's name for an entry without a date")
    (folder / ".DS_Store").write_bytes(b"\x00")
    (folder / "journal" / "2024").mkdir()
    assert export(notebook, "-o", str(folder), "--force") == 0
    assert export(notebook, "-o", str(tmp_path / "fresh")) == 0
    assert sorted(tree(folder)) == sorted(tree(tmp_path / "fresh"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "data", "fresh"]


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
    everyone = people_in(archive)
    assert out.startswith(f"Imported {archive} into the empty notebook: {everyone} people, ")
    open_notebook(paths.database, paths.backups_dir)
    assert people.people_count() == everyone
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
    assert out.startswith(f"Merged {archive} into the notebook: added {people_in(archive)} people")
    [backup] = filled.backups_dir.iterdir()
    assert backup.name.startswith("before-import-") and backup.suffix == ".sqlite3"
    assert str(backup) in out
    open_notebook(filled.database, filled.backups_dir)
    assert people.people_count() == people_in(archive) + 1
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
    before = tree(tmp_path)
    for merge in ((), ("--merge",)):
        assert restore(filled, str(hostile), *merge) == 2
        err = one_line(capsys.readouterr().err)
        assert err == (
            "The archive was not imported: ../../outside.txt: refused (.. points outside the "
            "archive)"
        )
    assert tree(tmp_path) == before  # no backup, and nothing unpacked anywhere

    newer = tmp_path / "newer.zip"
    manifest = json.loads(files["manifest.json"])
    manifest["schema_version"] += 1
    with zipfile.ZipFile(newer, "w") as target:
        for name, data in {**files, "manifest.json": json.dumps(manifest).encode()}.items():
            target.writestr(name, data)
    fresh = Paths(tmp_path / "fresh")
    assert restore(fresh, str(newer)) == 2
    assert "written by a newer Pathfinder" in one_line(capsys.readouterr().err)
    assert restore(fresh, str(tmp_path / "missing.zip")) == 2
    assert "there is no archive there" in one_line(capsys.readouterr().err)
    assert not fresh.data_dir.exists()  # refused before a folder or a notebook was made


def test_a_rule_of_the_notebook_is_checked_before_a_backup_is_made(
    archive: Path, filled: Paths, tmp_path: Path, capsys
) -> None:
    with zipfile.ZipFile(archive) as source:
        files = {name: source.read(name) for name in source.namelist()}
    contacts = json.loads(files["data/contact.json"])
    contacts[3]["level"] = 9
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as target:
        for name, data in {**files, "data/contact.json": json.dumps(contacts).encode()}.items():
            target.writestr(name, data)
    before = digest(filled.database)
    assert restore(filled, str(broken), "--merge") == 2
    assert one_line(capsys.readouterr().err) == (
        "The archive was not imported: data/contact.json: the row with id "
        f"{contacts[3]['id']}: level must be one of 1, 2, 3"
    )
    assert digest(filled.database) == before
    assert list(filled.backups_dir.iterdir()) == []


def test_the_demo_notebook_takes_no_import(archive: Path, tmp_path: Path, capsys) -> None:
    """--demo's notebook is thrown away when the command ends: importing into it would
    say "Imported" and keep nothing."""
    for order in (["--demo", "import", "archive"], ["import", "archive", "--demo"]):
        paths = Paths(tmp_path / "demo-folder")
        assert import_archive(parse_args([*order, str(archive)]), paths) == 2
        assert one_line(capsys.readouterr().err).startswith(
            "The archive was not imported: --demo opens a temporary notebook"
        )
        assert not paths.data_dir.exists()


def test_a_full_disk_during_the_import_says_nothing_was_imported(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    real_open = database.open_notebook

    def with_little_room(*args: Any, **kwargs: Any) -> None:
        real_open(*args, **kwargs)
        connection = db.connection()
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + 4}")

    monkeypatch.setattr(database, "open_notebook", with_little_room)
    paths = Paths(tmp_path / "new")
    assert restore(paths, str(archive)) == 1
    assert one_line(capsys.readouterr().err) == (
        "Nothing was imported: the disk is full. The import was undone, so the notebook is "
        "as it was before; free some space or fix the problem, then import again."
    )
    monkeypatch.undo()
    open_notebook(paths.database, paths.backups_dir)
    assert people.people_count() == 0
    close_notebook()


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
