"""`pathfinder export vcard|ics|csv -o FILE [--force]`: people and follow-ups for other apps.

Who goes in: everyone not archived (vCard, CSV), every open follow-up of someone
not archived (ICS); see `services.export_vcard`, `export_ics` and `export_csv`.
The file is written atomically and never into the data folder.

Exit status: 0 when it worked; 2 when the destination can't be used (it exists
and --force wasn't given, it is a folder, its folder is missing, or it lies in
the data folder); 1 for a problem of the environment (the disk refused the write,
or the notebook couldn't be read, or the key for stable UIDs couldn't be saved in it).
One line to stdout when it worked, one line to stderr when it didn't.
"""

from __future__ import annotations

import argparse
import io
import sqlite3
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import peewee

from pathfinder.paths import Paths
from pathfinder.services.archive import plural
from pathfinder.services.files import (
    DestinationError,
    ExportError,
    FileExists,
    check_destination,
    write_atomically,
)


def export_vcard(args: argparse.Namespace, paths: Paths) -> int:
    """Everyone not archived, as vCard 3.0."""
    from pathfinder.services.export_vcard import people_cards

    def make() -> tuple[bytes, str]:
        cards = people_cards(None)
        return "".join(cards).encode("utf-8"), plural(len(cards), "person", "people")

    return _export(args, paths, make)


def export_ics(args: argparse.Namespace, paths: Paths) -> int:
    """Every open follow-up, as an all-day event with a reminder."""
    from pathfinder.services.export_ics import follow_ups_calendar

    def make() -> tuple[bytes, str]:
        calendar = follow_ups_calendar()
        return calendar.to_ical(), plural(len(calendar.walk("VEVENT")), "follow-up")

    return _export(args, paths, make)


def export_csv(args: argparse.Namespace, paths: Paths, today: date | None = None) -> int:
    """The People table (everyone not archived) as CSV."""
    from pathfinder.services.export_csv import people_csv, rows_to_export

    def make() -> tuple[bytes, str]:
        rows = rows_to_export(today or date.today())
        return people_csv(rows), plural(len(rows), "person", "people")

    return _export(args, paths, make)


def _export(args: argparse.Namespace, paths: Paths, make: Callable[[], tuple[bytes, str]]) -> int:
    destination = Path(args.output)
    overwrite = bool(args.force)
    try:
        # A destination that can't be used is refused before the notebook is read.
        check_destination(destination, paths.data_dir, overwrite=overwrite)
        data, what = make()
        written = write_atomically(destination, data, data_dir=paths.data_dir, overwrite=overwrite)
    except FileExists as error:
        return _fail(f"{error.message} Add --force to replace it.", 2)
    except DestinationError as error:
        return _fail(error.message, 2)
    except ExportError as error:  # the disk refused: not the input's fault
        return _fail(error.message, 1)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as error:
        return _fail(f"Pathfinder couldn't read your notebook ({error}); nothing was written.", 1)
    if isinstance(sys.stdout, io.TextIOWrapper):  # a file name the console can't show
        sys.stdout.reconfigure(errors="replace")
    print(f"Wrote {what} to {written}")
    return 0


def _fail(message: str, status: int) -> int:
    print(" ".join(message.split()), file=sys.stderr)
    return status
