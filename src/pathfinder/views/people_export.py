"""File ▸ Export people (vCard, CSV) and follow-ups (calendar): ask where, write, say so.

The window only asks where (a file suggested in the Documents folder) and shows
what happened; `services.export_vcard`, `export_csv` and `export_ics` make the
file and `services.files.write_atomically` writes it, never into the data
folder. A name typed without the file's ending gets it, and if that file exists
the person is asked before it is replaced (the save dialog only asked about the
name as typed). With nothing to export, the person is told so before being
asked for a file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import peewee
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from pathfinder.paths import Paths
from pathfinder.services.archive import plural
from pathfinder.services.files import ExportError, check_destination, write_atomically
from pathfinder.services.people import people_count

PRIVATE_NOTES = "Notes on people are private and were left out."


@dataclass(frozen=True)
class _Kind:
    title: str
    file_name: str  # with {today} for the date
    suffixes: tuple[str, ...]  # the first is added to a name typed without one
    file_filter: str
    counted: tuple[str, str]  # what is counted, one and many
    hint: str


KINDS = {
    "vcard": _Kind(
        "Export people as vCard",
        "pathfinder-people-{today}.vcf",
        (".vcf", ".vcard"),
        "vCard files (*.vcf *.vcard)",
        ("person", "people"),
        "Open it with your contacts app (on your phone or computer) to add them there. "
        + PRIVATE_NOTES,
    ),
    "csv": _Kind(
        "Export people as CSV",
        "pathfinder-people-{today}.csv",
        (".csv",),
        "CSV files (*.csv)",
        ("person", "people"),
        "It opens in any spreadsheet. " + PRIVATE_NOTES,
    ),
    "ics": _Kind(
        "Export follow-ups to a calendar",
        "pathfinder-follow-ups.ics",
        (".ics",),
        "Calendar files (*.ics)",
        ("follow-up", "follow-ups"),
        "Open it with your calendar app: each follow-up is an all-day event with a "
        "reminder at 9:00. Follow-ups keep their identity from one export to the next, "
        "so importing a newer file updates those events instead of adding them twice. "
        "Follow-ups marked done are left out.",
    ),
}


def suggested_path(file_name: str) -> Path:
    """`file_name` in the Documents folder (else the home folder)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    return folder / file_name


def export_people(
    parent: QWidget,
    paths: Paths,
    kind: str,
    person_ids: list[int] | None,
    today: date | None = None,
) -> Path | None:
    """Save these people (None: everyone not archived) as a vCard ("vcard") or a CSV
    ("csv") file the person chooses; the path written, or None."""
    if kind not in ("vcard", "csv"):
        raise ValueError(f"no people export called {kind!r}")
    today = today or date.today()
    nobody = not person_ids if person_ids is not None else people_count() == 0
    if nobody:
        QMessageBox.information(parent, KINDS[kind].title, "There is nobody to export yet.")
        return None

    def make() -> tuple[bytes, int]:
        if kind == "vcard":
            from pathfinder.services.export_vcard import people_cards

            cards = people_cards(person_ids)
            return "".join(cards).encode("utf-8"), len(cards)
        from pathfinder.services.export_csv import people_csv, rows_to_export

        rows = rows_to_export(today, person_ids)
        return people_csv(rows), len(rows)

    return _save(parent, paths, KINDS[kind], today, make)


def export_follow_ups(parent: QWidget, paths: Paths) -> Path | None:
    """Save every open follow-up as an .ics calendar file the person chooses; the path
    written, or None."""
    # The export modules (and icalendar) load when first used, not with the window.
    from pathfinder.services.export_ics import follow_ups_calendar, open_follow_ups

    kind = KINDS["ics"]
    if not open_follow_ups():
        QMessageBox.information(
            parent, kind.title, "There are no open follow-ups to put in a calendar."
        )
        return None

    def make() -> tuple[bytes, int]:
        calendar = follow_ups_calendar()
        return calendar.to_ical(), len(calendar.walk("VEVENT"))

    return _save(parent, paths, kind, date.today(), make)


def _choose(parent: QWidget, kind: _Kind, today: date) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        kind.title,
        str(suggested_path(kind.file_name.format(today=today.isoformat()))),
        kind.file_filter,
    )
    if not chosen:
        return None
    destination = Path(chosen)
    if destination.suffix.lower() in kind.suffixes:
        return destination  # the dialog asked about replacing the name it returned
    destination = destination.with_name(destination.name + kind.suffixes[0])
    if destination.exists():
        answer = QMessageBox.question(
            parent,
            kind.title,
            f"{destination.name} exists already in {destination.parent}. Replace it?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return destination


def _save(
    parent: QWidget,
    paths: Paths,
    kind: _Kind,
    today: date,
    make: Callable[[], tuple[bytes, int]],
) -> Path | None:
    destination = _choose(parent, kind, today)
    if destination is None:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        # A destination that can't be used is refused before the notebook is read.
        check_destination(destination, paths.data_dir, overwrite=True)
        data, count = make()
        written = write_atomically(destination, data, data_dir=paths.data_dir, overwrite=True)
    except ExportError as error:
        failure = error.message
    except (peewee.DatabaseError, sqlite3.DatabaseError) as error:
        failure = f"Pathfinder couldn't read your notebook ({error}). Nothing was written."
    else:
        failure = ""
    finally:
        QApplication.restoreOverrideCursor()
    if failure:
        QMessageBox.warning(parent, kind.title, failure)
        return None
    QMessageBox.information(
        parent,
        kind.title,
        f"Pathfinder wrote {plural(count, *kind.counted)} to\n{written}\n\n{kind.hint}",
    )
    return written
