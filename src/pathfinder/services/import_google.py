"""Reading a Google Contacts CSV export, in either of its headers.

- current: `First Name, Middle Name, Last Name, …, Organization Name, Organization
  Title, …, Notes, …, Labels, E-mail 1 - Label, E-mail 1 - Value, …, Phone 1 - …,
  Address 1 - …, Website 1 - …`;
- legacy: `Name, Given Name, Additional Name, Family Name, …, Notes, …, Group
  Membership, E-mail 1 - Type, E-mail 1 - Value, …, Organization 1 - Name,
  Organization 1 - Title, …`.

Repeated columns (`E-mail 2 - Value`, `Phone 3 - Value`…) are found by pattern, in
their number order, and a cell may itself hold several values joined by ` ::: `. The
first address of a column whose label starts with `*` (Google's mark for the preferred
one) comes first; then the rest in order. Labels (or Group Membership) become tags,
without Google's own `* myContacts` and `* starred` (bookkeeping, not a group the
person made) and with the leading `* ` of the others taken off. A contact with only an
organisation or an email and no name is invalid: Pathfinder keeps people.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from pathfinder.services.import_files import make_person, read_csv, read_text
from pathfinder.services.import_rows import ImportedPerson, ParsedFile

CURRENT = ("First Name", "Last Name", "Labels")
LEGACY = ("Name", "Given Name", "Family Name", "Group Membership")
SEPARATOR = " ::: "
GOOGLE_GROUPS = frozenset({"* mycontacts", "* my contacts", "* starred", "* starred in android"})
_REPEATED = re.compile(r"(e-mail|phone|website|address|organization) (\d+) - (.+)", re.IGNORECASE)

Get = Callable[[str], str]


def header_kind(cells: list[str]) -> str:
    """ "current", "legacy", or "" when `cells` isn't a Google Contacts header."""
    names = {cell.casefold() for cell in cells}
    if {"first name", "last name"} <= names and names & {
        "labels",
        "organization name",
        "e-mail 1 - value",
    }:
        return "current"
    if "name" in names and names & {"given name", "family name", "group membership"}:
        return "legacy"
    return ""


def parse_google(path: Path) -> ParsedFile:
    """Everyone in the Google Contacts CSV at `path`; raises ImportFileError if it can't
    be used."""
    file = read_text(path, expected="a CSV file")
    table = read_csv(
        file,
        is_header=lambda cells: bool(header_kind(cells)),
        what="a Google Contacts CSV",
        expected_columns=f"{', '.join(CURRENT)} (or, from older exports, {', '.join(LEGACY)})",
    )
    legacy = header_kind(list(table.header)) == "legacy"
    repeated = _repeated_columns(table.header)
    people: list[ImportedPerson] = []
    for line, get, cells in table.rows():
        people.append(
            make_person(
                line,
                name=_name(get, legacy),
                nameless="This contact has no name.",
                organisation=_first(get("Organization Name") or get("Organization 1 - Name")),
                title=_first(get("Organization Title") or get("Organization 1 - Title")),
                emails=_values(get, repeated.get("e-mail", [])),
                phones=_values(get, repeated.get("phone", [])),
                urls=_values(get, repeated.get("website", [])),
                location=_location(get),
                notes=get("Notes"),
                tags=_tags(get("Group Membership" if legacy else "Labels")),
                problem=table.extra_cells_problem(cells),
            )
        )
    return ParsedFile("google", path.name, tuple(people), file.notes)


def _name(get: Get, legacy: bool) -> str:
    if legacy and get("Name").strip():
        return get("Name")
    parts = (
        ("Given Name", "Additional Name", "Family Name")
        if legacy
        else ("First Name", "Middle Name", "Last Name")
    )
    name = " ".join(value for part in parts if (value := get(part).strip()))
    return name or get("Nickname")


def _first(cell: str) -> str:
    return cell.split(SEPARATOR, 1)[0]


def _repeated_columns(header: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """For each kind ("e-mail", "phone"…): (label column, value column) by number."""
    numbered: dict[str, dict[int, dict[str, str]]] = {}
    for column in header:
        match = _REPEATED.fullmatch(column.strip())
        if match:
            kind, number, part = match[1].casefold(), int(match[2]), match[3].casefold()
            numbered.setdefault(kind, {}).setdefault(number, {})[part] = column
    return {
        kind: [
            (parts.get("label") or parts.get("type") or "", parts.get("value") or "")
            for _number, parts in sorted(by_number.items())
            if parts.get("value")
        ]
        for kind, by_number in numbered.items()
    }


def _values(get: Get, columns: list[tuple[str, str]]) -> list[str]:
    """Every value of these columns, the preferred column's first."""
    preferred: list[str] = []
    others: list[str] = []
    for label_column, value_column in columns:
        values = [value for value in get(value_column).split(SEPARATOR) if value.strip()]
        label = get(label_column).strip() if label_column else ""
        (preferred if label.startswith("*") else others).extend(values)
    return preferred + others


def _location(get: Get) -> str:
    parts = (_first(get(f"Address 1 - {part}")).strip() for part in ("City", "Region", "Country"))
    location = ", ".join(part for part in parts if part)
    if location:
        return location
    formatted = _first(get("Address 1 - Formatted"))
    return ", ".join(line.strip() for line in formatted.splitlines() if line.strip()) or get(
        "Location"
    )


def _tags(cell: str) -> list[str]:
    tags = []
    for label in cell.split(SEPARATOR):
        label = label.strip()
        if label and label.casefold() not in GOOGLE_GROUPS:
            tags.append(label.removeprefix("* ").strip())
    return tags
