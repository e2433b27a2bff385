"""Deciding what an import does, and doing it: the preview's plan, then one transaction.

`plan_import(parsed, defaults)` matches every person in the file against the notebook
(same LinkedIn address, or same email, or same name and organisation with case and
accents folded) and proposes an action: add them (`new`), fill in the fields the match
has empty (`fill`), nothing to do (`unchanged`), or `invalid` with the reason. The
person may change a row to `skip` (or back) before `commit_import`, which makes a backup,
then writes everything in one transaction and notes each row it added or field it filled
(`import_batch`, `import_change`), so `undo_import` can take exactly that back out, even
after a restart, until the next import. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pathfinder.services.contact_fields import clean_fields
from pathfinder.services.import_rows import ImportedPerson, ParsedFile
from pathfinder.services.tags import clean_tag
from pathfinder.services.validation import ValidationError
from pathfinder.store.backup import backup_database
from pathfinder.store.database import db, write_transaction

ACTIONS = ("new", "fill", "unchanged", "skip", "invalid")
ACTION_LABELS = {
    "new": "Add",
    "fill": "Fill in",
    "unchanged": "Already there",
    "skip": "Skip",
    "invalid": "Can't import",
}
FILLABLE = ("title", "email", "phone", "linkedin_url", "location", "notes")
CONNECTED_KIND = "connected on LinkedIn"
DEFAULT_SOURCE = {"linkedin": "online", "google": "other", "vcard": "other"}


@dataclass(frozen=True)
class ImportDefaults:
    level: int = 3
    source: str = "online"
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanRow:
    person: ImportedPerson
    action: str
    match_id: int | None = None
    match_label: str = ""  # "Ana Ruiz at Acme Health"
    why: str = ""  # why it matched, or why it can't be imported
    fills: dict[str, str] = field(default_factory=dict)  # fields the match has empty
    organisation_fill: str = ""  # the match has no organisation: this one
    tags_to_add: tuple[str, ...] = ()
    add_connection: bool = False  # a "connected on LinkedIn" entry on its date
    cleaned: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def choices(self) -> tuple[str, ...]:
        """What the person may choose for this row in the preview."""
        if self.action == "invalid":
            return ("invalid",)
        proposed = self.proposed
        return (proposed, "skip")

    @property
    def proposed(self) -> str:
        if self.match_id is None:
            return "new"
        return "fill" if self._has_changes() else "unchanged"

    def _has_changes(self) -> bool:
        return bool(self.fills or self.organisation_fill or self.tags_to_add or self.add_connection)


@dataclass
class ImportPlan:
    parsed: ParsedFile
    defaults: ImportDefaults
    rows: list[PlanRow]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts

    def choose(self, index: int, action: str) -> None:
        row = self.rows[index]
        if action not in row.choices():
            raise ValueError(f"{action!r} isn't a choice for row {index}")
        self.rows[index] = replace(row, action=action)

    def invalid_reasons(self) -> list[tuple[int, str]]:
        return [(row.person.line, row.why) for row in self.rows if row.action == "invalid"]


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    added: int
    filled: int
    backup: Path | None


# -- matching -------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_EXTRA_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d"})


@functools.lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower case, no accents, single spaces: "  Élodie  Ørsted" -> "elodie orsted"."""
    if text.isascii():
        return " ".join(text.lower().split())
    lowered = text.casefold().translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", plain).strip()


def linkedin_key(url: str) -> str:
    """The profile part of a LinkedIn address, however it was written, or ''."""
    match = re.search(r"linkedin\.com/(in|pub)/([^/?#\s]+)", url, re.IGNORECASE)
    return f"{match.group(1)}/{match.group(2)}".casefold() if match else ""


@dataclass
class _Known:
    id: int
    name: str
    organisation: str
    fields: dict[str, str]
    has_organisation: bool
    tags: set[str]
    connected: set[date]


class _Index:
    """Everyone in the notebook, looked up by LinkedIn address, email, and name + org."""

    def __init__(self) -> None:
        self.people: dict[int, _Known] = {}
        self.by_url: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        rows = db.execute_sql(
            "SELECT c.id, c.name, COALESCE(o.name, ''), c.title, c.email, c.phone,"
            " c.linkedin_url, c.location, c.notes, c.organisation_id IS NOT NULL"
            " FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id ORDER BY c.id"
        ).fetchall()
        for row in rows:
            known = _Known(
                row[0],
                row[1],
                row[2],
                dict(zip(FILLABLE, row[3:9], strict=True)),
                bool(row[9]),
                set(),
                set(),
            )
            self.add(known)
        for person_id, name in db.execute_sql(
            "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id"
        ):
            self.people[person_id].tags.add(name.casefold())
        for person_id, on in db.execute_sql(
            "SELECT i.contact_id, i.happened_on FROM interaction i JOIN interaction_kind k"
            " ON k.id = i.kind_id WHERE k.name = ?",
            [CONNECTED_KIND],
        ):
            self.people[person_id].connected.add(date.fromisoformat(str(on)[:10]))

    def add(self, known: _Known) -> None:
        self.people[known.id] = known
        url = linkedin_key(known.fields["linkedin_url"])
        if url:
            self.by_url.setdefault(url, known.id)
        email = known.fields["email"].casefold()
        if email:
            self.by_email.setdefault(email, known.id)
        self.by_name.setdefault((fold(known.name), fold(known.organisation)), known.id)

    def find(self, person: ImportedPerson) -> tuple[int | None, str]:
        url = linkedin_key(person.linkedin_url)
        if url and url in self.by_url:
            return self.by_url[url], "the same LinkedIn profile"
        for email in (person.email, *person.other_emails):
            if email and email.casefold() in self.by_email:
                return self.by_email[email.casefold()], "the same email address"
        key = (fold(person.name), fold(person.organisation))
        if key in self.by_name:
            return self.by_name[key], "the same name and organisation"
        return None, ""


def _label(known: _Known) -> str:
    return f"{known.name} at {known.organisation}" if known.organisation else known.name


# -- the plan -------------------------------------------------------------------


def default_for(parsed: ParsedFile) -> ImportDefaults:
    return ImportDefaults(source=DEFAULT_SOURCE.get(parsed.kind, "other"))


def plan_import(parsed: ParsedFile, defaults: ImportDefaults | None = None) -> ImportPlan:
    """What importing `parsed` would do; nothing is written."""
    defaults = defaults or default_for(parsed)
    index = _Index()
    extra_tags = tuple(clean_tag(tag) for tag in defaults.tags if clean_tag(tag))
    rows: list[PlanRow] = []
    pending_id = -1  # people added earlier in the same file get stand-in ids
    for person in parsed.people:
        if not person.valid:
            rows.append(PlanRow(person, "invalid", why=person.problem))
            continue
        try:
            cleaned = _checked(person, defaults)
        except ValidationError as error:
            rows.append(PlanRow(person, "invalid", why=error.message))
            continue
        tags = _unique((*person.tags, *extra_tags))
        match_id, why = index.find(person)
        if match_id is None:
            row = PlanRow(
                person,
                "new",
                tags_to_add=tags,
                add_connection=person.connected_on is not None,
                cleaned=cleaned,
            )
            index.add(_as_known(pending_id, person, tags))
            pending_id -= 1
            rows.append(row)
            continue
        known = index.people[match_id]
        fills = {
            name: value
            for name in FILLABLE
            if (value := _imported_value(person, name)) and not known.fields[name].strip()
        }
        organisation = person.organisation if not known.has_organisation else ""
        row = PlanRow(
            person,
            "unchanged",
            match_id=match_id if match_id > 0 else None,
            match_label=_label(known) if match_id > 0 else f"{known.name} (earlier in this file)",
            why=f"Matched by {why}.",
            fills=fills if match_id > 0 else {},
            organisation_fill=organisation if match_id > 0 else "",
            tags_to_add=tuple(t for t in tags if t.casefold() not in known.tags)
            if match_id > 0
            else (),
            add_connection=match_id > 0
            and person.connected_on is not None
            and person.connected_on not in known.connected,
            cleaned=cleaned,
        )
        if match_id < 0:
            row = replace(row, action="unchanged", why="The same person is earlier in this file.")
        else:
            row = replace(row, action=row.proposed)
        rows.append(row)
    return ImportPlan(parsed, defaults, rows)


def _imported_value(person: ImportedPerson, name: str) -> str:
    return str(getattr(person, name)).strip()


def _checked(person: ImportedPerson, defaults: ImportDefaults) -> dict[str, Any]:
    values = {name: _imported_value(person, name) for name in FILLABLE}
    return clean_fields(
        {"name": person.name, **values, "level": defaults.level, "source": defaults.source}
    )


def _unique(tags: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for tag in tags:
        cleaned = clean_tag(tag)
        if cleaned:
            seen.setdefault(cleaned.casefold(), cleaned)
    return tuple(seen.values())


def _as_known(person_id: int, person: ImportedPerson, tags: tuple[str, ...]) -> _Known:
    return _Known(
        person_id,
        person.name,
        person.organisation,
        {name: _imported_value(person, name) for name in FILLABLE},
        bool(person.organisation),
        {tag.casefold() for tag in tags},
        {person.connected_on} if person.connected_on else set(),
    )


# -- committing -----------------------------------------------------------------


def commit_import(plan: ImportPlan, *, now: datetime, backups_dir: Path | None) -> ImportResult:
    """Write the plan in one transaction, after a backup (when `backups_dir` is given)."""
    from pathfinder.services.import_write import write_plan

    backup = None
    if backups_dir is not None:
        backup = backups_dir / f"before-import-{now:%Y%m%d-%H%M%S}.sqlite3"
        backup_database(db.connection(), backup)
    with write_transaction():
        batch_id, added, filled = write_plan(plan, now)
    return ImportResult(batch_id, added, filled, backup)


def before_json(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)
