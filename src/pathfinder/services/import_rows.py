"""What an import file holds, as the parsers hand it over: one `ImportedPerson` per row
or card, each valid or with the reason it can't be used.

The parsers (`import_linkedin`, `import_google`, `import_vcard`) only read files; what
to do with each person (new, fill in an existing one, nothing, invalid) is decided by
`import_plan`, and nothing is written until the person confirms the preview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SOURCES = ("linkedin", "google", "vcard")


class ImportFileError(Exception):
    """The file can't be used at all; `message` names the file and, where there is one,
    the first bad line, in words for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ImportedPerson:
    line: int  # where it starts in the file (a CSV line number, or the card's first line)
    name: str  # the full name as it should be shown ("" when the row has none)
    organisation: str = ""
    title: str = ""
    email: str = ""  # the first (preferred) address; others go in `other_emails`
    other_emails: tuple[str, ...] = ()
    phone: str = ""
    linkedin_url: str = ""
    website: str = ""
    location: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    connected_on: date | None = None  # LinkedIn's "Connected On"
    problem: str = ""  # why the row can't be imported ("" when it can)
    # What was left out of a row that is still valid (an email that isn't one, a date
    # that isn't a date), in words for the preview.
    warnings: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class ParsedFile:
    kind: str  # one of SOURCES
    file_name: str
    people: tuple[ImportedPerson, ...]
    notes: tuple[str, ...] = field(default=())  # e.g. "read as Windows-1252 (not UTF-8)"
