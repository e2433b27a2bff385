"""The person's own words never reach a log or a crash report.

A canary (a unique word, with non-ASCII letters around it) goes into a person's name and
notes, an interaction's notes and a journal entry. Then the services save, search, export,
import and archive it with the "pathfinder" loggers at DEBUG and the app's own log file
open; a real `--smoke` run reads the notebook; and the crash handler reports an error whose
message, cause and local variables hold the canary. None of it may show the canary.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from pathfinder import export_commands
from pathfinder.paths import Paths
from pathfinder.services import followups, interactions, journal, people, search
from pathfinder.services.archive_read import read_archive
from pathfinder.services.archive_restore import restore_archive
from pathfinder.services.archive_write import write_archive
from pathfinder.services.import_plan import ImportDefaults, commit_import, plan_import
from pathfinder.services.import_rows import ImportedPerson, ParsedFile
from pathfinder.services.report import SECTIONS, ReportOptions
from pathfinder.services.report_output import make_report
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.errors import StorageWriteError

TOKEN = "QZX7CANARY"  # ASCII, so it is found however the text around it is encoded
CANARY = f"Ærøskøbing {TOKEN} Śmiałek 🐤"
NOW = datetime(2026, 3, 2, 19, 30)
TODAY = date(2026, 3, 2)


def fill_with_canary() -> int:
    person = people.add_person(
        f"Ana {CANARY}",
        now=NOW,
        organisation="Acme",
        notes=f"Met at a meetup. {CANARY} is private.",
        email="ana@example.org",
    )
    interactions.log_interaction(
        person.id,
        interactions.kind_id("coffee"),
        on=TODAY,
        summary="Coffee",
        notes=f"She said {CANARY}",
        now=NOW,
    )
    followups.add_follow_up(person.id, date(2026, 3, 9), f"Ask about {CANARY}", now=NOW)
    journal.add_entry(
        NOW,
        title="After coffee",
        body=f"# Coffee\n\nWe talked about {CANARY}.",
        tags=["mentor"],
        links=[("person", person.id)],
        shared=True,
    )
    return person.id


class Everything(logging.Handler):
    """Keeps every record, formatted with its traceback and stack."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record) + repr(record.args))


@pytest.fixture
def captured(paths: Paths) -> Iterator[Everything]:
    """The app's log file as `_start_log` opens it, and a handler taking every record of the
    "pathfinder" loggers at DEBUG."""
    from pathfinder.__main__ import _start_log, _stop_log

    logger = logging.getLogger("pathfinder")
    level = logger.level
    handler = Everything()
    _start_log(paths)
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        _stop_log()
        logger.setLevel(level)


def files_holding_the_canary(folder: Path) -> list[str]:
    return [
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and TOKEN.encode() in path.read_bytes()
    ]


def test_the_services_never_log_the_canary(
    paths: Paths, captured: Everything, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_notebook(paths.database, paths.backups_dir)
    try:
        person_id = fill_with_canary()
        people.update_person(person_id, now=NOW, title=f"Designer {CANARY}")
        assert search.search_lines(TOKEN)
        assert search.search(CANARY)
        report = make_report(
            ReportOptions(start=date(2026, 2, 1), end=TODAY, sections=frozenset(SECTIONS)),
            TODAY,
        )
        assert TOKEN in report.markdown  # the shared entry and the name are in the report
        out = tmp_path / "out"
        out.mkdir()
        for kind, name in (("vcard", "a.vcf"), ("csv", "a.csv"), ("ics", "a.ics")):
            command = getattr(export_commands, f"export_{kind}")
            assert command(argparse.Namespace(output=str(out / name), force=False), paths) == 0
        archive = write_archive(out / "a.zip", data_dir=paths.data_dir, overwrite=False).path
        restore_archive(read_archive(archive), merge=True, backups_dir=paths.backups_dir, now=NOW)
        plan = plan_import(
            ParsedFile("vcard", "c.vcf", (ImportedPerson(1, f"Bo {CANARY}", notes=CANARY),)),
            ImportDefaults(),
        )
        commit_import(plan, now=NOW, backups_dir=paths.backups_dir)
        # A save that fails (a full disk) with the canary in it.
        db.pragma("max_page_count", db.pragma("page_count"))
        with pytest.raises(StorageWriteError) as refused:
            journal.add_entry(NOW, title=CANARY, body=CANARY * 3_000)
        assert TOKEN not in refused.value.message
    finally:
        close_notebook()
        db.initialize(None)
    assert [line for line in captured.lines if TOKEN in line] == []
    assert files_holding_the_canary(paths.logs_dir) == []
    output = capsys.readouterr()
    assert TOKEN not in output.out and TOKEN not in output.err


def test_a_crash_report_never_holds_the_canary(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathfinder.app import install_crash_handler
    from pathfinder.crashreport import build_report

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_crash_handler(paths.logs_dir, show_dialog=False)

    class CanaryError(Exception):
        pass

    def saving(text: str) -> None:
        note = {"body": text}  # a local variable holding the text
        try:
            raise KeyError(note["body"])
        except KeyError as error:
            raise CanaryError(f"could not save {text!r}") from error

    try:
        saving(CANARY)
    except CanaryError:
        exc_type, exc, tb = sys.exc_info()
        assert exc_type is not None and exc is not None
        report = build_report(exc_type, exc, tb, qt_version="6")
        sys.excepthook(exc_type, exc, tb)
    assert "CanaryError" in report and "in saving" in report and TOKEN not in report
    crash_files = list(paths.logs_dir.glob("crash-*.txt"))
    assert len(crash_files) == 1
    assert files_holding_the_canary(paths.logs_dir) == []
    assert TOKEN not in capsys.readouterr().err


def test_a_smoke_run_over_a_notebook_with_the_canary_logs_none_of_it(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "data")
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    try:
        fill_with_canary()
    finally:
        close_notebook()
        db.initialize(None)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PATHFINDER_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "pathfinder", "--data-dir", str(paths.data_dir), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "smoke: ok" in result.stdout
    assert "notebook opened" in (paths.logs_dir / "pathfinder.log").read_text(encoding="utf-8")
    assert TOKEN not in result.stdout and TOKEN not in result.stderr
    assert files_holding_the_canary(paths.logs_dir) == []
    # Nothing else beside the notebook holds the words either (the notebook and its
    # backups hold them by design).
    beside = [
        name
        for name in files_holding_the_canary(paths.data_dir)
        if not name.startswith(("pathfinder.sqlite3", "backups"))
    ]
    assert beside == []
