"""People as vCard 3.0 (RFC 2426), for a phone's or a computer's contacts app.

Each card holds the name (FN, and N split as a contacts app expects it), the
organisation, the role, the email address, the phone number, the LinkedIn URL and
the tags (as CATEGORIES). Notes on people are private and are never exported,
nor is anything else a contacts app would show to whoever holds the phone: level,
how you know them, interactions.

Every card has a UID that stays the same from one export to the next (so a
contacts app can recognise a card it has seen before) but says nothing about the
notebook: it is derived from the person's id and a random salt kept in the
notebook (`stable_uid`, shared with the calendar export). The salt travels with
the notebook, in backups and archives, so a restored notebook keeps its UIDs.

The text is written by hand rather than through `vobject`, so the escaping, the
folding (75 octets, never inside a UTF-8 character) and the CRLF line ends are
exactly as the RFC says; the tests read every card back with `vobject`.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pathfinder import __version__
from pathfinder.services.files import ExportError
from pathfinder.services.settings import get_setting, set_setting
from pathfinder.store.database import db
from pathfinder.store.errors import StorageWriteError

UID_SALT = "export.uid_salt"
LINE_OCTETS = 75  # RFC 2426 / 2425: lines longer than this are folded
PRODID = f"-//Pathfinder//Pathfinder {__version__}//EN"

# Characters no vCard or iCalendar line may hold (tab and line ends are handled apart).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Words before a name and after it, and the little words a family name starts with
# ("Vincent van Gogh", "Ana de la Cruz"), compared in lower case without a full stop.
PREFIXES = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "miss", "sir", "dame"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "ph.d", "md", "mba", "esq"})
PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "da", "das", "do", "dos", "du", "del", "della", "di",
     "la", "le", "ter", "ten", "bin", "ibn", "al", "el"}
)  # fmt: skip


@dataclass(frozen=True)
class CardPerson:
    """What a card holds about one person."""

    id: int
    name: str
    organisation: str
    title: str
    email: str
    phone: str
    linkedin_url: str
    tags: tuple[str, ...]


# -- stable identities ---------------------------------------------------------


def uid_salt() -> str:
    """This notebook's random salt for export UIDs, made (and kept) the first time.

    Raises ExportError when it has to be kept and the notebook can't be written.
    """
    salt = get_setting(UID_SALT)
    try:
        uuid.UUID(salt)
    except ValueError:
        salt = str(uuid.uuid4())
        try:
            set_setting(UID_SALT, salt)
        except StorageWriteError as error:
            found = re.search(r"because (.+?)\.(\s|$)", error.message)
            raise ExportError(
                "Nothing was exported: Pathfinder couldn't save the small key in your notebook "
                "that keeps exported people and follow-ups recognisable from one export to the "
                f"next ({found.group(1) if found else 'the notebook could not be written'})."
            ) from None
    return salt


def stable_uid(kind: str, record_id: int, salt: str | None = None) -> str:
    """A UUID for one record of one kind ("person", "follow-up"), the same in every export
    of this notebook and unrelated to the same id in any other notebook."""
    namespace = uuid.UUID(salt or uid_salt())
    return str(uuid.uuid5(namespace, f"{kind}/{record_id}"))


# -- reading the people ----------------------------------------------------------

_SELECT = (
    "SELECT c.id, c.name, COALESCE(o.name, ''), c.title, c.email, c.phone, c.linkedin_url"
    " FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id"
)
_TAGS = "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id"


def people_to_export(person_ids: Sequence[int] | None) -> list[CardPerson]:
    """These people in the order given (archived or not; unknown ids are skipped), or,
    with None, everyone not archived, by name."""
    if person_ids is None:
        rows = db.execute_sql(f"{_SELECT} WHERE c.archived = 0").fetchall()
        rows.sort(key=lambda row: (row[1].casefold(), row[0]))
        tag_rows = db.execute_sql(f"{_TAGS} ORDER BY t.name COLLATE NOCASE").fetchall()
    else:
        wanted = list(dict.fromkeys(person_ids))
        found: dict[int, tuple[Any, ...]] = {}
        tag_rows = []
        for start in range(0, len(wanted), 500):  # SQLite caps the number of parameters
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            cursor = db.execute_sql(f"{_SELECT} WHERE c.id IN ({marks})", chunk)
            found.update((row[0], row) for row in cursor.fetchall())
            cursor = db.execute_sql(
                f"{_TAGS} WHERE ct.contact_id IN ({marks}) ORDER BY t.name COLLATE NOCASE", chunk
            )
            tag_rows.extend(cursor.fetchall())
        rows = [found[person_id] for person_id in wanted if person_id in found]
    tags: dict[int, list[str]] = {}
    for person_id, tag in tag_rows:
        tags.setdefault(person_id, []).append(tag)
    return [
        CardPerson(
            id=int(person_id),
            name=str(name),
            organisation=str(organisation),
            title=str(title),
            email=str(email),
            phone=str(phone),
            linkedin_url=str(linkedin_url),
            tags=tuple(tags.get(int(person_id), ())),
        )
        for person_id, name, organisation, title, email, phone, linkedin_url in rows
    ]


# -- writing the cards -------------------------------------------------------------


def escape(text: str) -> str:
    """A text value as RFC 2426 writes it: backslash, comma, semicolon and line ends
    escaped; characters no line may hold left out."""
    text = CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str) -> str:
    """The line with CRLF, folded so that no physical line is over 75 octets; a fold never
    falls inside a UTF-8 character, and each continuation starts with one space."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:  # most lines: no need to go character by character
        return line + "\r\n"
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = LINE_OCTETS
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [" "], 1, LINE_OCTETS
        current.append(character)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces) + "\r\n"


def split_name(name: str) -> tuple[str, str, str, str, str]:
    """(family, given, additional, prefix, suffix) for the N property.

    "Ana Ruiz" → family "Ruiz"; "Ruiz, Ana" too; "Vincent van Gogh" → "van Gogh";
    one word is a given name ("Cher"). Middle names stay with the given name
    ("Ana María Ruiz" → given "Ana María"), which is how contacts apps show them.
    """
    words = name.split()
    prefix: list[str] = []
    suffix: list[str] = []
    if "," in name:
        before, _comma, after = name.partition(",")
        after_words = after.split()
        if after_words and all(_bare(word) in SUFFIXES for word in after_words):
            words, suffix = before.split(), after_words
        elif before.split() and after_words:
            return " ".join(before.split()), " ".join(after_words), "", "", ""
    while len(words) > 1 and _bare(words[0]) in PREFIXES:
        prefix.append(words.pop(0))
    while len(words) > 1 and _bare(words[-1]) in SUFFIXES:
        suffix.insert(0, words.pop())
    if len(words) <= 1:
        return "", " ".join(words), "", " ".join(prefix), " ".join(suffix)
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:  # lower case only: "De Niro" is a name
        start -= 1
    return (
        " ".join(words[start:]),
        " ".join(words[:start]),
        "",
        " ".join(prefix),
        " ".join(suffix),
    )


def _bare(word: str) -> str:
    return word.casefold().rstrip(".")


def card(person: CardPerson, salt: str) -> str:
    """One person's vCard, folded, with CRLF line ends."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"PRODID:{PRODID}",
        f"UID:urn:uuid:{stable_uid('person', person.id, salt)}",
        f"FN:{escape(person.name)}",
        "N:" + ";".join(escape(part) for part in split_name(person.name)),
    ]
    if person.organisation:
        lines.append(f"ORG:{escape(person.organisation)}")
    if person.title:
        lines.append(f"TITLE:{escape(person.title)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{escape(person.email)}")
    if person.phone:
        lines.append(f"TEL;TYPE=VOICE:{escape(person.phone)}")
    if person.linkedin_url:
        # A URI needs no escaping by the RFC, but readers (vobject among them) unescape it
        # as text, so a comma in it would otherwise cut the address short.
        lines.append(f"URL:{escape(person.linkedin_url)}")
    tags = [escape(tag) for tag in person.tags if tag.strip()]
    if tags:
        lines.append("CATEGORIES:" + ",".join(tags))
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def people_cards(person_ids: Sequence[int] | None) -> list[str]:
    """One card per person (see `people_to_export` for who), in order."""
    people = people_to_export(person_ids)
    if not people:
        return []
    salt = uid_salt()
    return [card(person, salt) for person in people]


def vcard_text(person_ids: Sequence[int] | None) -> str:
    """The vCard file for these people, or for everyone not archived (None)."""
    return "".join(people_cards(person_ids))
