"""The People table as a CSV file, for a spreadsheet.

The columns are the table's: name, organisation, role, level, how you know them,
last contact and tags, with the words the table shows, except that the last
contact is a date (YYYY-MM-DD, empty for never) rather than "3 weeks ago", so the
spreadsheet can sort it. Notes on people are private and are not a column.

The file is UTF-8 with a byte-order mark, because Excel reads a CSV without one
in the computer's old code page and garbles every accent; LibreOffice, Numbers
and Python's csv module read the mark and drop it. Lines end in CRLF (RFC 4180),
fields are separated by commas and quoted when they hold a comma, a quote or a
line end.

A cell that starts with =, +, -, @, a tab or a carriage return would be run by a
spreadsheet as a formula ("CSV injection"), so such a cell gets a leading
apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

from pathfinder.services.contact_fields import LEVEL_LABELS, SOURCE_LABELS
from pathfinder.services.people_table import (
    PeopleFilter,
    PeopleRow,
    people_rows,
    people_rows_by_id,
)

HEADERS = ("Name", "Organisation", "Role", "Level", "How you know them", "Last contact", "Tags")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows_to_export(
    today: date, person_ids: Sequence[int] | None = None, wanted: PeopleFilter | None = None
) -> list[PeopleRow]:
    """These people in the order given (unknown ids skipped), or, without ids, everyone
    the filter lets through (default: everyone not archived), by name."""
    if person_ids is not None:
        found = people_rows_by_id(list(dict.fromkeys(person_ids)), today)
        return [found[person_id] for person_id in dict.fromkeys(person_ids) if person_id in found]
    rows = people_rows(wanted or PeopleFilter(), today)
    rows.sort(key=lambda row: (row.name.casefold(), row.id))
    return rows


def safe_cell(value: str) -> str:
    """The value, with an apostrophe in front when a spreadsheet would run it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def cells(row: PeopleRow) -> list[str]:
    """One person's row as the table shows it (see the module's docstring)."""
    return [
        row.name,
        row.organisation,
        row.title,
        LEVEL_LABELS.get(row.level, str(row.level)),
        SOURCE_LABELS.get(row.source, row.source),
        str(row.last_contact_on or ""),
        row.tags,
    ]


def people_csv(rows: Iterable[PeopleRow]) -> bytes:
    """The CSV file's bytes: a header, then one line per row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([safe_cell(value) for value in cells(row)])
    return buffer.getvalue().encode("utf-8-sig")
