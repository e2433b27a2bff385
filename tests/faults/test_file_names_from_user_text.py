"""File names made from what the person typed stay inside the chosen folder.

The only names built from the person's text are the journal files of an archive
(`journal/YYYY/YYYY-MM-DD-<id>-<slug>.md`, the slug from the entry's title). Reports,
people exports and the map are named by date. Each name must resolve inside the folder,
keep every part within 255 bytes, and never be a name Windows reserves for a device.
"""

from __future__ import annotations

import os
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from pathfinder.paths import Paths
from pathfinder.services import journal
from pathfinder.services.archive import journal_file_name
from pathfinder.services.archive_folder import _is_member_file
from pathfinder.services.archive_read import read_archive
from pathfinder.services.archive_source import check_name
from pathfinder.services.archive_write import write_archive
from pathfinder.services.files import write_atomically
from pathfinder.services.report import SECTIONS, ReportOptions
from pathfinder.services.report_output import DEFAULT_SUFFIX, make_report
from pathfinder.services.validation import ValidationError

NOW = datetime(2026, 3, 2, 19, 30)
RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{device}{digit}" for device in ("COM", "LPT") for digit in "123456789¹²³"
}
HOSTILE = [
    "../x",
    "..",
    ".",
    "../../../../etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\system32",
    "a/b\\c",
    "CON",
    "con",
    "nul.txt",
    "COM1",
    "LPT9.md",
    "AUX.",
    "x" * 300,
    "é" * 300,
    "🧭" * 300,
    "名前" * 150,
    "🧭 emoji only 🐤",
    "a\x00b",
    "\x00",
    ".hidden",
    "...",
    " leading and trailing ",
    "trailing dot.",
    "\u202etxt.exe",
    "tab\tnew\nline",
    '<>:"|?*',
    "%2e%2e%2f",
    "",
]


def windows_reserved(part: str) -> bool:
    return part.split(".")[0].rstrip(" ").upper() in RESERVED


def check_part(part: str) -> None:
    assert part not in ("", ".", ".."), part
    assert "/" not in part and "\\" not in part and "\x00" not in part, part
    assert len(part.encode("utf-8")) <= 255, part
    assert not windows_reserved(part), part
    assert not part.endswith((".", " ")), part  # Windows drops these and renames the file
    assert part.isprintable(), part


@pytest.mark.parametrize("title", HOSTILE)
@pytest.mark.parametrize("entry_id", [1, 987_654_321_012])
def test_a_journal_file_name_stays_in_the_archive(
    title: str, entry_id: int, tmp_path: Path
) -> None:
    name = journal_file_name(entry_id, "2026-03-02 19:30:00", title)
    parts = name.split("/")
    assert parts[:2] == ["journal", "2026"] and len(parts) == 3, name
    for part in parts:
        check_part(part)
    assert parts[2].startswith(f"2026-03-02-{entry_id}") and parts[2].endswith(".md")
    folder = tmp_path / "archive"
    assert (folder / name).resolve().is_relative_to(folder.resolve())
    assert check_name(name) == parts  # the archive reader takes it
    assert _is_member_file(name)  # and an archive holding it can be replaced later


def test_an_archive_of_hostile_titles_is_written_and_read_inside_its_folder(
    notebook: Paths, tmp_path: Path
) -> None:
    saved = 0
    for title in HOSTILE:
        try:
            journal.add_entry(NOW, title=title, body=f"about {title!r}")
        except ValidationError:
            continue  # too long for a title: nothing to name
        saved += 1
    assert saved >= len(HOSTILE) - 4
    out = tmp_path / "out"
    out.mkdir()
    folder = write_archive(out / "archive", data_dir=notebook.data_dir, overwrite=False).path
    inside = folder.resolve()
    written = [Path(root, name) for root, _dirs, names in os.walk(folder) for name in names]
    assert all(path.resolve().is_relative_to(inside) for path in written)
    assert sorted(path.name for path in out.iterdir()) == ["archive"]  # nothing beside it
    journal_files = [path for path in written if path.suffix == ".md"]
    assert len(journal_files) == saved
    for path in journal_files:
        for part in path.relative_to(folder).parts:
            check_part(part)
    assert len(read_archive(folder).rows["journal_entry"]) == saved

    zipped = write_archive(out / "archive.zip", data_dir=notebook.data_dir, overwrite=False).path
    with zipfile.ZipFile(zipped) as archive:
        for name in archive.namelist():
            check_name(name)
            for part in name.split("/"):
                check_part(part)
    assert len(read_archive(zipped).rows["journal_entry"]) == saved


def test_a_report_is_named_by_its_period_only(notebook: Paths) -> None:
    for title in HOSTILE[:6]:
        journal.add_entry(NOW, title=title, body=title, shared=True)
    report = make_report(
        ReportOptions(
            start=date(2026, 2, 1),
            end=date(2026, 3, 2),
            sections=frozenset(SECTIONS),
            questions="../../x\x00CON",
            next_steps="/etc/passwd",
        ),
        date(2026, 3, 2),
    )
    for format, suffix in DEFAULT_SUFFIX.items():
        name = report.file_name(format)
        assert name == f"pathfinder-report-2026-03-02{suffix}"
        check_part(name)


def test_the_suggested_export_names_are_plain(qapp: object) -> None:
    from pathfinder.views.archive_export import suggested_path as archive_suggested
    from pathfinder.views.people_export import KINDS

    for kind in KINDS.values():
        check_part(kind.file_name.format(today="2026-03-02"))
    check_part(archive_suggested(date(2026, 3, 2)).name)


def test_a_long_chosen_file_name_can_be_written(tmp_path: Path) -> None:
    target = tmp_path / ("long name " * 24 + "people.vcf")  # 250 bytes
    assert len(target.name.encode()) == 250
    write_atomically(target, b"BEGIN:VCARD\r\n", data_dir=None, overwrite=False)
    assert target.read_bytes() == b"BEGIN:VCARD\r\n"
