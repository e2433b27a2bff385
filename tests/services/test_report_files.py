"""Saving files atomically, the report log and its periods, and the "share my goals" text."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import pytest

from pathfinder.paths import Paths
from pathfinder.services import roles
from pathfinder.services.files import ExportError, FileExists, write_atomically
from pathfinder.services.report_log import (
    PeriodError,
    check_period,
    last_report,
    log_report,
    parse_day,
    period_for,
)
from pathfinder.services.settings import SHARE_HELP, get_setting, set_setting
from pathfinder.services.share_goals import DEFAULT_HELP, share_text
from pathfinder.services.why import save_why

TODAY = date(2026, 3, 31)


def test_a_file_is_written_whole_and_replaces_only_when_allowed(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    assert write_atomically(target, b"first", data_dir=None, overwrite=False) == target
    with pytest.raises(FileExists):
        write_atomically(target, b"second", data_dir=None, overwrite=False)
    write_atomically(target, b"second", data_dir=None, overwrite=True)
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_failure_halfway_leaves_the_earlier_file_byte_identical(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the report from last month")

    def half_then_full_disk(handle: BinaryIO) -> None:
        handle.write(b"half a rep")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(ExportError, match="the disk is full"):
        write_atomically(target, half_then_full_disk, data_dir=None, overwrite=True)
    assert target.read_bytes() == b"the report from last month"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]  # no temporary left


def test_a_failing_rename_leaves_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(b"old")

    def refuse(*_args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="permission"):
        write_atomically(target, b"new", data_dir=None, overwrite=True)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_nothing_is_written_into_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "backups").mkdir(parents=True)
    for place in (data / "r.md", data / "backups" / "r.md"):
        with pytest.raises(ExportError, match="data folder"):
            write_atomically(place, b"x", data_dir=data, overwrite=True)
    # ... also through a link that leads into it
    link = tmp_path / "link"
    link.symlink_to(data)
    with pytest.raises(ExportError, match="data folder"):
        write_atomically(link / "r.md", b"x", data_dir=data, overwrite=True)
    assert sorted(p.name for p in data.iterdir()) == ["backups"]


def test_a_missing_folder_or_a_folder_as_target_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_atomically(tmp_path / "nope" / "r.md", b"x", data_dir=None, overwrite=True)
    with pytest.raises(ExportError, match="is a folder"):
        write_atomically(tmp_path, b"x", data_dir=None, overwrite=True)


def test_named_periods_end_today() -> None:
    assert period_for("two_weeks", TODAY) == (date(2026, 3, 18), TODAY)
    assert period_for("month", TODAY) == (date(2026, 3, 1), TODAY)  # 28 Feb + 1 day
    assert period_for("month", date(2026, 1, 15)) == (date(2025, 12, 16), date(2026, 1, 15))
    assert period_for("since_last", TODAY, None) == (date(2026, 3, 2), TODAY)  # 30 days


def test_since_the_last_report_starts_the_day_after_it_ended(notebook: Paths) -> None:
    assert last_report() is None
    log_report(date(2026, 3, 1), date(2026, 3, 14), "pdf", Path("/x/r.pdf"), datetime(2026, 3, 15))
    log_report(date(2026, 2, 1), date(2026, 2, 28), "copy", None, datetime(2026, 3, 1))
    last = last_report()
    assert last is not None and last.format == "pdf" and last.path == "/x/r.pdf"
    assert period_for("since_last", TODAY, last) == (date(2026, 3, 15), TODAY)
    # A report up to today leaves a one-day period, never one ending before it starts.
    log_report(date(2026, 3, 15), TODAY, "md", None, datetime(2026, 3, 31, 12))
    assert period_for("since_last", TODAY, last_report()) == (TODAY, TODAY)


def test_bad_dates_and_periods_are_named() -> None:
    with pytest.raises(PeriodError, match="'2026-02-30' is not a date"):
        parse_day("2026-02-30", "--since")
    with pytest.raises(PeriodError, match=r"ends .* before it starts"):
        check_period(date(2026, 3, 10), date(2026, 3, 1), TODAY)
    with pytest.raises(PeriodError, match="future"):
        check_period(date(2026, 4, 2), date(2026, 4, 3), TODAY)
    check_period(TODAY, TODAY, TODAY)


def test_share_my_goals_follows_the_why_and_the_roles(notebook: Paths) -> None:
    text = share_text()
    assert text.startswith("Hello! I'm changing careers")
    assert f"How you can help: {DEFAULT_HELP}" in text
    save_why(
        "Teaching chemistry",
        "UX research in education",
        "I love finding out why",
        now=datetime(2026, 3, 1),
    )
    roles.add_role("UX researcher", "Education technology", now=datetime(2026, 3, 1))
    roles.add_role("Data analyst", status="doesnt_fit", now=datetime(2026, 3, 1))
    set_setting(SHARE_HELP, "Introduce me to a researcher!")
    assert get_setting(SHARE_HELP) == "Introduce me to a researcher!"
    text = share_text()
    assert "Where I'm coming from: Teaching chemistry\nWhere I'm heading: UX research" in text
    assert "- UX researcher (Education technology)" in text
    assert "Data analyst" not in text  # it didn't fit: no use asking for it
    assert "How you can help: Introduce me to a researcher!" in text


def test_a_replaced_file_keeps_its_permissions_and_a_link_stays_a_link(tmp_path: Path) -> None:
    private = tmp_path / "private.md"
    private.write_bytes(b"old")
    private.chmod(0o600)
    write_atomically(private, b"new", data_dir=None, overwrite=True)
    assert private.stat().st_mode & 0o777 == 0o600
    real = tmp_path / "real.md"
    real.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomically(link, b"through the link", data_dir=None, overwrite=True)
    assert link.is_symlink() and real.read_bytes() == b"through the link"
