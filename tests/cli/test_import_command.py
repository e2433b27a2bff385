"""`pathfinder import linkedin|google|vcard FILE [--dry-run]`: counts, exit codes, and an
import that changes nothing the second time."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathfinder.cli import parse_args
from pathfinder.import_commands import import_people
from pathfinder.paths import Paths
from pathfinder.services import people
from pathfinder.store.database import db

CONNECTIONS = (
    "\ufeffNotes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Ana,Ruiz,https://www.linkedin.com/in/ana-ruiz-123,,Acme Health,Product manager,"
    "15 Mar 2024\r\n"
    'Bo,Lind,https://www.linkedin.com/in/bo-lind,,"Borealis, Inc.",CTO,02 Jan 2023\r\n'
    ",,,,,,\r\n"
)


def run(paths: Paths, kind: str, path: Path, *options: str) -> int:
    args = parse_args(["import", kind, str(path), *options, "--data-dir", str(paths.data_dir)])
    return import_people(args, paths)


@pytest.fixture
def connections(tmp_path: Path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_bytes(CONNECTIONS.encode("utf-8"))
    return path


def count() -> int:
    return int(db.execute_sql("SELECT count(*) FROM contact").fetchone()[0])


def test_a_dry_run_says_what_would_happen_and_changes_nothing(
    notebook: Paths, connections: Path, capsys
) -> None:
    assert run(notebook, "linkedin", connections, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Connections.csv: 2 new, 0 to fill in, 0 already there" in out
    assert "Nothing was changed (--dry-run)." in out
    assert count() == 0


def test_an_import_then_the_same_file_again(notebook: Paths, connections: Path, capsys) -> None:
    assert run(notebook, "linkedin", connections) == 0
    assert "Imported: 2 added, 0 filled in." in capsys.readouterr().out
    bo = people.find_people_by_name("Bo Lind")[0]
    assert (bo.organisation, bo.title, bo.source, bo.level) == (
        "Borealis, Inc.",
        "CTO",
        "online",
        3,
    )
    assert run(notebook, "linkedin", connections) == 0
    assert "0 new, 0 to fill in, 2 already there" in capsys.readouterr().out
    assert count() == 2


def test_a_file_it_cannot_use_exits_2_in_one_line(notebook: Paths, tmp_path: Path, capsys) -> None:
    page = tmp_path / "Connections.csv"
    page.write_text("<!DOCTYPE html><html><body>Sign in</body></html>", encoding="utf-8")
    assert run(notebook, "linkedin", page) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Connections.csv" in err
    assert run(notebook, "vcard", tmp_path / "missing.vcf") == 2
    assert count() == 0


def test_an_open_window_keeps_the_import_out(notebook: Paths, connections: Path, capsys) -> None:
    from pathfinder.instance import InstanceLock

    window = InstanceLock(notebook.lock_file)
    assert window.acquire()
    try:
        assert run(notebook, "linkedin", connections) == 1
    finally:
        window.release()
    assert "Close the Pathfinder window first" in capsys.readouterr().err
    assert count() == 0
