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
from urllib.parse import unquote

from pathfinder.services.contact_fields import clean_fields
from pathfinder.services.import_rows import ImportedPerson, ParsedFile
from pathfinder.services.tags import clean_tag
from pathfinder.services.validation import ValidationError
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
    same_as: int = 0  # the line of the same person earlier in the file

    def choices(self) -> tuple[str, ...]:
        """What the person may choose for this row in the preview."""
        if self.action == "invalid" or self.same_as:
            return (self.action,)
        proposed = self.proposed
        return (proposed, "skip")

    @property
    def proposed(self) -> str:
        if self.same_as:
            return "unchanged"
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
    text = unquote(url)
    match = re.search(r"linkedin\.com/in/([^/?#\s]+)", text, re.IGNORECASE)
    if match:
        return f"in/{match.group(1)}".casefold()
    # Old public addresses (/pub/name/1a/2b3/4c5) are only unique whole.
    match = re.search(r"linkedin\.com/(pub/[^?#\s]+?)/?(?:[?#]|$)", text, re.IGNORECASE)
    return match.group(1).casefold() if match else ""


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
        self.by_email: dict[str, list[int]] = {}  # a shared address has several people
        self.by_name: dict[tuple[str, str], int] = {}
        self.by_bare_name: dict[str, list[int]] = {}
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
        self.index_fields(known)
        self.by_name.setdefault((fold(known.name), fold(known.organisation)), known.id)
        self.by_bare_name.setdefault(fold(known.name), []).append(known.id)

    def index_fields(self, known: _Known) -> None:
        """Look `known` up by its LinkedIn address and email (again, after a fill)."""
        url = linkedin_key(known.fields["linkedin_url"])
        if url:
            self.by_url.setdefault(url, known.id)
        email = known.fields["email"].casefold()
        if email and known.id not in self.by_email.setdefault(email, []):
            self.by_email[email].append(known.id)

    def find(self, person: ImportedPerson) -> tuple[int | None, str]:
        url = linkedin_key(person.linkedin_url)
        if url and url in self.by_url:
            return self.by_url[url], "the same LinkedIn profile"
        # The same name and organisation before an email: an address can come to be shared
        # (a family's, an office's) by a later line, a name and organisation can't.
        key = (fold(person.name), fold(person.organisation))
        if key in self.by_name:
            return self.by_name[key], "the same name and organisation"
        for email in (person.email, *person.other_emails):
            # A shared address is no proof on its own: the names must agree.
            for found in self.by_email.get(email.casefold(), []) if email else []:
                # Someone from an earlier line of this file only by the very same name and
                # no other organisation: the notebook keeps one name and organisation, and
                # importing the file again must find each line's person by what it keeps.
                other = self.people[found]
                if found < 0:
                    same = fold(other.name) == fold(person.name) and (
                        not other.organisation.strip()
                        or not person.organisation.strip()
                        or fold(other.organisation) == fold(person.organisation)
                    )
                else:
                    same = names_agree(other.name, person.name)
                if same:
                    return found, "the same email address"
        named = self.by_bare_name.get(fold(person.name), [])
        if not person.organisation.strip() and named:
            # No organisation to go by: the first person of that very name (an earlier line
            # may have given them one since). The first, so that importing the file again
            # finds the same one: ids grow in the order the lines added people.
            return named[0], "the same name (this line gives no organisation)"
        return None, ""


def names_agree(one: str, other: str) -> bool:
    """The same person by name, allowing for initials and a missing middle or last name:
    "Ana Ruiz" ~ "A. Ruiz" ~ "Ana"; not "Luis Ruiz"."""
    first, second = fold(one).replace(".", " ").split(), fold(other).replace(".", " ").split()
    if not first or not second:
        return False

    def same(a: str, b: str) -> bool:
        return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))

    if not same(first[0], second[0]):
        return False
    return len(first) == 1 or len(second) == 1 or same(first[-1], second[-1])


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
    pending: dict[int, int] = {}  # stand-in id -> the row that adds them
    for person in parsed.people:
        if not person.valid:
            rows.append(PlanRow(person, "invalid", why=person.problem))
            continue
        try:
            cleaned = _checked(person, defaults)
        except ValidationError as error:
            rows.append(PlanRow(person, "invalid", why=error.message))
            continue
        match_id, why = index.find(person)
        if match_id is None:
            # The level, source and tags chosen in the preview are for the people added.
            tags = _unique((*person.tags, *extra_tags))
            row = PlanRow(
                person,
                "new",
                tags_to_add=tags,
                add_connection=_connected(person),
                cleaned=cleaned,
            )
            index.add(_as_known(pending_id, person, tags))
            pending[pending_id] = len(rows)
            pending_id -= 1
            rows.append(row)
            continue
        if match_id < 0:
            # The same person earlier in this file: what this row adds goes with that one,
            # so importing the file again finds nothing more to fill in.
            first = pending[match_id]
            rows[first] = _merged(rows[first], person, defaults, extra_tags)
            index.people[match_id].fields.update(
                {
                    name: value
                    for name in FILLABLE
                    if (value := _imported_value(rows[first].person, name))
                }
            )
            index.index_fields(index.people[match_id])
            rows.append(
                PlanRow(
                    person,
                    "unchanged",
                    same_as=rows[first].person.line,
                    why=f"The same person as line {rows[first].person.line} ({why}).",
                )
            )
            continue
        known = index.people[match_id]
        fills = {
            name: value
            for name in FILLABLE
            if (value := _imported_value(person, name)) and not known.fields[name].strip()
        }
        # Later lines find this person by what the import fills in, as they will next time.
        known.fields.update(fills)
        index.index_fields(known)
        tags = _unique(person.tags)
        row = PlanRow(
            person,
            "unchanged",
            match_id=match_id,
            match_label=_label(known),
            why=f"Matched by {why}.",
            fills=fills,
            organisation_fill=person.organisation if not known.has_organisation else "",
            tags_to_add=tuple(t for t in tags if t.casefold() not in known.tags),
            add_connection=_connected(person) and person.connected_on not in known.connected,
            cleaned=cleaned,
        )
        rows.append(replace(row, action=row.proposed))
    return ImportPlan(parsed, defaults, rows)


def _merged(
    row: PlanRow, later: ImportedPerson, defaults: ImportDefaults, extra_tags: tuple[str, ...]
) -> PlanRow:
    """The new person of `row`, with the empty fields filled from a later row of the file."""
    person = row.person
    updates: dict[str, Any] = {
        name: value
        for name in (*FILLABLE, "organisation")
        if not _imported_value(person, name) and (value := _imported_value(later, name))
    }
    if person.connected_on is None and later.connected_on is not None:
        updates["connected_on"] = later.connected_on
    merged = replace(person, **updates, tags=(*person.tags, *later.tags))
    try:
        cleaned = _checked(merged, defaults)
    except ValidationError:
        return row  # what the later row adds doesn't fit: keep the first as it was
    return replace(
        row,
        person=merged,
        cleaned=cleaned,
        tags_to_add=_unique((*merged.tags, *extra_tags)),
        add_connection=_connected(merged),
    )


def _connected(person: ImportedPerson) -> bool:
    """A "connected on LinkedIn" entry is kept for a date that has come (a date in the
    future would make them look recently in touch, and the timeline refuses it)."""
    return person.connected_on is not None and person.connected_on <= date.today()


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
    from pathfinder.services.import_write import safe_backup, write_plan

    counts = plan.counts()
    if not counts["new"] and not counts["fill"]:
        return ImportResult(0, 0, 0, None)  # nothing to do: no backup, nothing to undo
    backup = None
    if backups_dir is not None:
        backup = safe_backup(backups_dir, "before-import", now)
    with write_transaction():
        batch_id, added, filled = write_plan(plan, now)
    return ImportResult(batch_id, added, filled, backup)


def before_json(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)
