"""`pathfinder export vcard|ics|csv -o FILE [--force]`: one line, and the exit codes
(0 written; 2 the destination can't be used; 1 the disk or the notebook)."""

from __future__ import annotations

import argparse
import errno
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar

from pathfinder import export_commands
from pathfinder.cli import parse_args
from pathfinder.commands import run_command
from pathfinder.paths import Paths
from pathfinder.services import export_vcard, followups, people
from pathfinder.services.export_vcard import UID_SALT
from pathfinder.services.settings import get_setting
from pathfinder.store.database import db
from pathfinder.store.errors import StorageWriteError

NOW = datetime(2026, 3, 2, 19, 30)
KINDS = ("vcard", "ics", "csv")


def run(kind: str, paths: Paths, output: Path | str, *, force: bool = False) -> int:
    command: Callable[[argparse.Namespace, Paths], int] = getattr(export_commands, f"export_{kind}")
    return command(argparse.Namespace(output=str(output), force=force), paths)


def one_line(text: str) -> str:
    assert text.count("\n") == 1 and "Traceback" not in text, text
    return text.strip()


@pytest.fixture
def filled(notebook: Paths) -> Paths:
    ana = people.add_person("Ana Ruiz", organisation="Acme", email="ana@example.org", now=NOW)
    people.add_person("Zoë Ng", notes="private", now=NOW)
    followups.add_follow_up(ana.id, date(2026, 3, 5), "coffee", now=NOW)
    return notebook


def test_vcard_writes_everyone_and_says_so_in_one_line(
    filled: Paths, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "people.vcf"
    assert run("vcard", filled, target) == 0
    out, err = capsys.readouterr()
    assert one_line(out) == f"Wrote 2 people to {target}" and err == ""
    cards = list(vobject.readComponents(target.read_text(encoding="utf-8")))
    assert [card.fn.value for card in cards] == ["Ana Ruiz", "Zoë Ng"]
    assert b"private" not in target.read_bytes()


def test_ics_writes_the_open_follow_ups(filled: Paths, tmp_path: Path, capsys) -> None:
    target = tmp_path / "follow-ups.ics"
    assert run("ics", filled, target) == 0
    assert one_line(capsys.readouterr().out) == f"Wrote 1 follow-up to {target}"
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Follow up with Ana Ruiz: coffee"


def test_csv_writes_the_people_table(filled: Paths, tmp_path: Path, capsys) -> None:
    target = tmp_path / "people.csv"
    assert run("csv", filled, target) == 0
    assert one_line(capsys.readouterr().out) == f"Wrote 2 people to {target}"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfName,Organisation,") and b"Ana Ruiz,Acme," in data


@pytest.mark.parametrize("kind", KINDS)
def test_an_existing_file_needs_force(filled: Paths, tmp_path: Path, capsys, kind: str) -> None:
    target = tmp_path / "existing"
    target.write_bytes(b"keep me")
    assert run(kind, filled, target) == 2
    out, err = capsys.readouterr()
    assert out == "" and "--force" in one_line(err)
    assert target.read_bytes() == b"keep me"
    assert run(kind, filled, target, force=True) == 0
    assert target.read_bytes() != b"keep me"


@pytest.mark.parametrize("kind", KINDS)
def test_the_data_folder_is_refused_before_the_notebook_is_read(
    filled: Paths, capsys, kind: str
) -> None:
    target = filled.data_dir / f"export.{kind}"
    assert run(kind, filled, target, force=True) == 2
    assert "data folder" in one_line(capsys.readouterr().err)
    assert not target.exists()
    assert get_setting(UID_SALT) == ""  # nothing was made, not even the salt


@pytest.mark.parametrize("kind", KINDS)
def test_a_missing_folder_or_a_folder_is_refused(
    filled: Paths, tmp_path: Path, capsys, kind: str
) -> None:
    assert run(kind, filled, tmp_path / "nowhere" / "file") == 2
    assert "does not exist" in one_line(capsys.readouterr().err)
    assert run(kind, filled, tmp_path) == 2
    assert "is a folder" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize("kind", KINDS)
def test_a_full_disk_exits_1_and_leaves_the_earlier_file(
    filled: Paths, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    target = tmp_path / "earlier"
    target.write_bytes(b"earlier export")

    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert run(kind, filled, target, force=True) == 1
    out, err = capsys.readouterr()
    assert out == "" and "the disk is full" in one_line(err)
    assert target.read_bytes() == b"earlier export"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "earlier"]


def test_a_salt_that_cant_be_kept_exits_1(
    filled: Paths, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_key: str, _value: str) -> None:
        raise StorageWriteError(
            "Your change could not be saved because the disk is full.\n\n"
            "Everything saved before is safe."
        )

    monkeypatch.setattr(export_vcard, "set_setting", refuse)
    assert run("vcard", filled, tmp_path / "people.vcf") == 1
    message = one_line(capsys.readouterr().err)
    assert message.startswith("Nothing was exported") and "(the disk is full)" in message
    assert not (tmp_path / "people.vcf").exists()


def test_an_empty_notebook_writes_empty_files(notebook: Paths, tmp_path: Path, capsys) -> None:
    assert run("vcard", notebook, tmp_path / "people.vcf") == 0
    assert one_line(capsys.readouterr().out).startswith("Wrote 0 people to ")
    assert (tmp_path / "people.vcf").read_bytes() == b""
    assert run("ics", notebook, tmp_path / "follow-ups.ics") == 0
    assert one_line(capsys.readouterr().out).startswith("Wrote 0 follow-ups to ")
    assert Calendar.from_ical((tmp_path / "follow-ups.ics").read_bytes()).walk("VEVENT") == []


def test_the_command_line_reaches_the_exports(tmp_path: Path, capsys) -> None:
    paths = Paths(tmp_path / "data")
    paths.ensure()
    try:
        for kind, name in (("vcard", "a.vcf"), ("ics", "a.ics"), ("csv", "a.csv")):
            argv = ["export", kind, "-o", str(tmp_path / name), "--data-dir", str(paths.data_dir)]
            assert run_command(parse_args(argv), paths) == 0
            assert one_line(capsys.readouterr().out).startswith("Wrote 0 ")
        argv = ["export", "csv", "-o", str(tmp_path / "a.csv"), "--data-dir", str(paths.data_dir)]
        assert run_command(parse_args(argv), paths) == 2
    finally:
        db.initialize(None)
