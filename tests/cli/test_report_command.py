"""`pathfinder export report`: output, files, the log, and exit codes."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from pathfinder.cli import parse_args
from pathfinder.paths import Paths
from pathfinder.report_commands import export_report
from pathfinder.services import journal, people
from pathfinder.services.report_log import last_report
from pathfinder.store.database import close_notebook, open_notebook

TODAY = date(2026, 3, 20)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pathfinder", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def export(paths: Paths, *arguments: str) -> int:
    args = parse_args(["export", "report", *arguments, "--data-dir", str(paths.data_dir)])
    return export_report(args, paths, today=TODAY)


@pytest.fixture
def filled(notebook: Paths) -> Paths:
    people.add_person("Ana Ruiz", now=datetime(2026, 3, 2, 9), organisation="Acme")
    journal.add_entry(datetime(2026, 3, 3, 9), title="Shared one", body="Hello", shared=True)
    return notebook


def test_markdown_goes_to_the_screen_and_is_not_logged(filled: Paths, capsys) -> None:
    assert export(filled, "--since", "2026-03-01", "--until", "2026-03-14") == 0
    out = capsys.readouterr().out
    assert out.startswith("# Progress report: 1 – 14 March 2026\n")
    assert "- New contact (1)\n    - Ana (Acme)" in out and "### Shared one" in out
    assert last_report() is None


def test_a_saved_file_is_logged_and_the_next_report_starts_after_it(
    filled: Paths, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "march.html"
    assert export(filled, "--since", "2026-03-01", "--until", "2026-03-14", "-o", str(target)) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    last = last_report()
    assert last is not None and (last.format, last.path) == ("html", str(target))
    capsys.readouterr()
    assert export(filled) == 0  # no --since: since the last report
    assert capsys.readouterr().out.startswith("# Progress report: 15 – 20 March 2026\n")


def test_an_existing_file_needs_force(filled: Paths, tmp_path: Path, capsys) -> None:
    target = tmp_path / "r.md"
    target.write_text("keep me", encoding="utf-8")
    assert export(filled, "--since", "2026-03-01", "-o", str(target)) == 2
    assert "exists already. Add --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert export(filled, "--since", "2026-03-01", "-o", str(target), "--force") == 0
    assert target.read_text(encoding="utf-8").startswith("# Progress report")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--since", "2026-3-1x"), "--since '2026-3-1x' is not a date"),
        (("--since", "2026-03-10", "--until", "2026-03-01"), "ends (2026-03-01) before it starts"),
        (("--since", "2027-01-01"), "starts in the future"),
        (("--format", "pdf"), "A PDF can't be shown on the screen"),
    ],
)
def test_bad_input_exits_2_with_one_line(filled: Paths, capsys, arguments, message) -> None:
    assert export(filled, *arguments) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_writing_into_the_data_folder_is_refused(filled: Paths, capsys) -> None:
    assert export(filled, "-o", str(filled.data_dir / "r.md")) == 2
    assert "data folder" in capsys.readouterr().err
    assert not (filled.data_dir / "r.md").exists()


def test_leave_out_must_name_a_section(filled: Paths) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_args(["export", "report", "--leave-out", "gossip"])
    assert stopped.value.code == 2


def test_the_whole_process_writes_a_pdf_and_refuses_bad_dates(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    people.add_person("Ana Ruiz", now=datetime.now(), organisation="Acme")
    close_notebook()
    before = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    bad = run("export", "report", "--since", "yesterday", "--data-dir", str(paths.data_dir))
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before
    target = tmp_path / "report.pdf"
    made = run("export", "report", "-o", str(target), "--data-dir", str(paths.data_dir))
    assert made.returncode == 0, made.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    assert "Saved the report" in made.stdout


def test_a_period_ending_in_the_future_is_refused(filled: Paths, capsys) -> None:
    assert export(filled, "--since", "2026-03-01", "--until", "2026-04-01") == 2
    assert "ends in the future" in capsys.readouterr().err


def test_format_and_file_name_must_agree(filled: Paths, tmp_path: Path, capsys) -> None:
    assert export(filled, "-o", str(tmp_path / "r.md"), "--format", "pdf") == 2
    assert "doesn't match the file name" in capsys.readouterr().err
    assert not (tmp_path / "r.md").exists()
    assert export(filled, "-o", str(tmp_path / "r.report"), "--format", "html") == 0
    assert (tmp_path / "r.report").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_disk_failure_exits_1_and_is_not_logged(
    filled: Paths, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathfinder import report_commands
    from pathfinder.services.files import ExportError

    def full_disk(*_args, **_kwargs):
        raise ExportError("r.md could not be saved: the disk is full.")

    monkeypatch.setattr(report_commands, "write_atomically", full_disk)
    assert export(filled, "-o", str(tmp_path / "r.md")) == 1
    assert "the disk is full" in capsys.readouterr().err
    assert last_report() is None


def test_a_report_that_cant_be_logged_says_so_in_one_line(
    filled: Paths, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathfinder import report_commands
    from pathfinder.store.errors import StorageWriteError

    def refuse(*_args, **_kwargs):
        raise StorageWriteError("Your change could not be saved because the disk is full.")

    monkeypatch.setattr(report_commands, "log_saved", refuse)
    assert export(filled, "-o", str(tmp_path / "r.md")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "couldn't be noted" in err
    assert (tmp_path / "r.md").exists()


def test_an_older_period_saved_again_doesnt_move_the_next_start_back(
    filled: Paths, tmp_path: Path, capsys
) -> None:
    assert (
        export(
            filled, "--since", "2026-03-01", "--until", "2026-03-14", "-o", str(tmp_path / "a.md")
        )
        == 0
    )
    assert (
        export(
            filled, "--since", "2026-01-01", "--until", "2026-01-31", "-o", str(tmp_path / "b.md")
        )
        == 0
    )
    capsys.readouterr()
    assert export(filled) == 0
    assert capsys.readouterr().out.startswith("# Progress report: 15 – 20 March 2026\n")
    # --until before the last report's end, without --since: the month before it
    assert export(filled, "--until", "2026-03-10") == 0
    assert capsys.readouterr().out.startswith("# Progress report: 9 February – 10 March 2026\n")
