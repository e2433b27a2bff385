"""A seeded generator of a large notebook, for benchmarks and scale tests.

`build_large_notebook()` writes 30,000 people, 2,000 organisations, 100,000
interactions and 5,000 follow-ups (with tags, roles held, introductions, target
organisations) into a new notebook in a few seconds. It writes with
`executemany` in one transaction instead of going through the services, but the
rows are those the services would write: the same columns, dates and times as
peewee stores them (ISO text), `last_contact_on` equal to each person's newest
interaction, a current role held for everyone with an organisation or a title,
and a past role ending on the day of the move for people who changed jobs.

Everything is made up from the small word lists below; the same seed gives the
same notebook, row for row. Dates are spread over the years before
`REFERENCE_DAY`, which the benchmark uses as "today" so its figures do not
drift with the calendar.

`cached_large_notebook()` builds the default notebook once into
`bench/.cache/large-v<schema version>/` and reuses it afterwards.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

from peewee import Field

from pathfinder.paths import Paths
from pathfinder.store.database import db, open_notebook
from pathfinder.store.migrations import LATEST_VERSION
from pathfinder.store.models import (
    RELATIONSHIPS,
    SOURCES,
    BaseModel,
    Contact,
    ContactTag,
    FollowUp,
    Interaction,
    Organisation,
    RoleHeld,
    Tag,
)

# Bump when the generator changes what it writes, so a stale cache is rebuilt.
GENERATOR_VERSION = 1
REFERENCE_DAY = date(2026, 3, 1)
FIRST_DAY = date(2021, 1, 4)
CACHE_ROOT = Path(__file__).resolve().parent / ".cache"
DEFAULTS: dict[str, int] = {
    "people": 30_000,
    "organisations": 2_000,
    "interactions": 100_000,
    "follow_ups": 5_000,
    "seed": 7,
}


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = _words(
    "Ada Adel Aiko Alba Alma Amara Ana Anders Anika Aram Arjun Asha Aurel Ayla Bea Beni Bram "
    "Cai Calla Cato Cleo Dara Dev Dina Edda Elio Emre Enzo Esme Ezra Fara Finn Fleur Gali Gus "
    "Hana Hiro Ida Ilan Ines Ira Isak Jaya Jonah Juno Kai Kiran Lars Lea Lior Luca Mara Maria "
    "Mateo Mei Mila Nadia Nico Noor Oda Omar Orla Pia Rafa Remy Rhea Rosa Sami Selma Soren "
    "Tara Teo Uma Vera Wren Yara Yusuf Zane Zoe"
)
LAST_NAMES = _words(
    "Abbot Aldana Amsel Arkwell Bairstow Barros Bellamy Benning Birchall Blom Brandt Caddel "
    "Carvalho Castell Corrin Dalby Danneel Delacroix Dorsey Ebner Elmquist Faber Fenwick Ferro "
    "Galloway Garrow Grieve Haldane Hartmann Hollis Ibarra Ingram Iversen Jarrow Keller Kovac "
    "Lamont Larrea Lindqvist Lowry Maddox Marchetti Merrow Mistry Moreau Nakano Nettle Novak "
    "Okafor Olsen Orme Pardo Pelham Quarry Quint Radley Rasku Renner Ruiz Saltmarsh Santoro "
    "Sefton Solberg Tamura Tarrant Thorne Toledo Ulrich Varga Vance Weller Whitlow Yardley "
    "Yilmaz Zeller"
)
ORG_STEMS = _words(
    "Amber Aster Birch Bright Cedar Cinder Cobalt Copper Delta Ember Fern Flint Glen Granite "
    "Harbor Hazel Indigo Iron Juniper Kestrel Larch Lumen Maple Meadow North Oak Onyx Opal "
    "Pine Quill Raven River Sable Slate Solar Stone Teal Thistle Umber Willow"
)
ORG_ENDINGS = _words(
    "brook crest dale field ford gate hill hurst lake lane mere moor point ridge shaw side "
    "stead ton vale view water wick wood worth"
)
ORG_KINDS = _words(
    "Analytics Bank Clinic Co-op Collective Consulting Council Energy Foundation Games Group "
    "Health Insurance Labs Learning Logistics Media Partners Robotics Studio Systems Trust"
)
INDUSTRIES = (
    "Software",
    "Healthcare",
    "Education",
    "Finance",
    "Public sector",
    "Retail",
    "Energy",
    "Nonprofit",
    "Manufacturing",
    "Media",
    "Consulting",
    "Logistics",
)
SENIORITY = ("", "", "Junior ", "Senior ", "Lead ", "Principal ", "Head of ", "Associate ")
FUNCTIONS = (
    "Product Manager",
    "Data Analyst",
    "UX Researcher",
    "Software Engineer",
    "Designer",
    "Recruiter",
    "Programme Manager",
    "Teacher",
    "Nurse",
    "Accountant",
    "Operations Manager",
    "Policy Adviser",
    "Marketing Manager",
    "Customer Success Manager",
    "Engineering Manager",
    "Learning Designer",
)
LOCATIONS = (
    "Leeds",
    "Bristol",
    "Glasgow",
    "Manchester",
    "London",
    "Cardiff",
    "Dublin",
    "Lyon",
    "Rotterdam",
    "Porto",
    "Toronto",
    "Remote",
)
TAGS = (
    "edtech",
    "healthtech",
    "climate",
    "ux",
    "data",
    "product",
    "bootcamp",
    "alumni",
    "meetup",
    "volunteering",
    "mentors",
    "recruiters",
    "referral",
    "public sector",
    "fintech",
    "design",
    "research",
    "writing",
    "career changers",
    "podcast",
)
TOPICS = (
    "moving from teaching into product",
    "how their team hires juniors",
    "portfolio feedback",
    "what a typical week looks like",
    "salary bands for analysts",
    "a course worth taking",
    "their own career change",
    "side projects that helped",
    "how they run user interviews",
    "the reorganisation at work",
    "openings next quarter",
    "a reading list on research methods",
    "writing a better cover letter",
    "what the first ninety days were like",
)
OPENINGS = (
    "Met at",
    "Introduced through",
    "Found via",
    "Sat next to them at",
    "Got talking at",
)
PLACES = (
    "a product meetup",
    "the spring conference",
    "an alumni evening",
    "a design workshop",
    "the volunteering day",
    "a hackathon",
    "a panel on career changes",
    "an online course",
)
REMARKS = (
    "Generous with time.",
    "Prefers email to calls.",
    "Happy to review a portfolio.",
    "Knows everyone in the local scene.",
    "Asked to be kept posted.",
    "Offered to pass my name along.",
    "Busy until the end of the month.",
    "Has two children and a dog; mornings are best.",
    "Writes a newsletter worth reading.",
    "Made the same move five years ago.",
)
SUMMARY_VERBS = ("Talked about", "Asked about", "Shared notes on", "Caught up on", "Followed up on")
FOLLOW_UP_REASONS = (
    "Send the article we discussed",
    "Ask how the interview went",
    "Share my portfolio link",
    "Thank them for the introduction",
    "Check whether the role opened",
    "Invite them to coffee",
    "Send the updated CV",
    "Wish them well in the new job",
)
KIND_WEIGHTS = {
    "coffee": 14,
    "call": 14,
    "video call": 12,
    "message": 22,
    "email": 18,
    "event": 6,
    "informational interview": 5,
    "introduction": 2,
    "thank-you": 3,
    "gave": 2,
    "received": 2,
}
SOURCE_WEIGHTS = (18, 6, 8, 3, 8, 10, 9, 12, 14, 7, 5)
RELATIONSHIP_WEIGHTS = (8, 50, 7, 10, 25)
CADENCE_CHOICES = (None, None, None, None, None, 14, 30, 30, 91, 91, 182)
# The contact columns in the order of the model; _fill checks it still is.
CONTACT_COLUMNS = _words(
    "id name organisation title email phone linkedin_url location level source relationship "
    "hiring_power target_field cadence_days notes archived introduced_by introduced_on "
    "last_contact_on created_at updated_at"
)
_AT = {column: index for index, column in enumerate(CONTACT_COLUMNS)}


def _cumulative(weights: Iterable[float]) -> list[float]:
    return list(accumulate(weights))


def _stamp(moment: datetime) -> str:
    """A date and time as peewee stores a DateTimeField in SQLite."""
    return str(moment)


def _insert(
    connection: sqlite3.Connection,
    model: type[BaseModel],
    fields: Sequence[Field],
    rows: Iterable[Sequence[Any]],
) -> None:
    """INSERT rows, naming the columns from the model so a renamed column fails here."""
    columns = ", ".join(f'"{field.column_name}"' for field in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    connection.executemany(sql, rows)


class _Generator:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def moment_between(self, first: date, last: date) -> datetime:
        days = max((last - first).days, 0)
        day = first + timedelta(days=self.random.randint(0, days))
        seconds = self.random.randint(8 * 3600, 21 * 3600)
        return datetime.combine(day, time()) + timedelta(seconds=seconds)

    def day_between(self, first: date, last: date) -> date:
        days = max((last - first).days, 0)
        return first + timedelta(days=self.random.randint(0, days))

    def organisation_names(self, count: int) -> list[str]:
        capacity = len(ORG_STEMS) * len(ORG_ENDINGS) * len(ORG_KINDS)
        if count > capacity:
            raise ValueError(f"the word lists make at most {capacity:,} organisations")
        names: dict[str, str] = {}
        for index in self.random.sample(range(capacity), capacity):
            stem, rest = divmod(index, len(ORG_ENDINGS) * len(ORG_KINDS))
            ending, kind = divmod(rest, len(ORG_KINDS))
            name = f"{ORG_STEMS[stem]}{ORG_ENDINGS[ending]} {ORG_KINDS[kind]}"
            names.setdefault(name.lower(), name)
            if len(names) == count:
                break
        return list(names.values())

    def person_name(self) -> tuple[str, str, str]:
        first = self.random.choice(FIRST_NAMES)
        last = self.random.choice(LAST_NAMES)
        roll = self.random.random()
        if roll < 0.03:
            return first, first, ""
        if roll < 0.06:
            last = f"{last}-{self.random.choice(LAST_NAMES)}"
        return f"{first} {last}", first, last

    def title(self) -> str:
        return f"{self.random.choice(SENIORITY)}{self.random.choice(FUNCTIONS)}"

    def person_notes(self) -> str:
        roll = self.random.random()
        if roll < 0.60:
            return ""
        notes = " ".join(
            [
                f"{self.random.choice(OPENINGS)} {self.random.choice(PLACES)}.",
                *self.random.sample(REMARKS, self.random.randint(0, 2)),
            ]
        )
        if roll > 0.99:  # a few long Markdown notes, as people paste them
            for _ in range(self.random.randint(6, 14)):
                notes += (
                    f"\n\n## {self.random.choice(TOPICS).capitalize()}\n\n"
                    + " ".join(self.random.sample(REMARKS, 4))
                    + f" We talked about {self.random.choice(TOPICS)}."
                )
        return notes


def build_large_notebook(
    data_dir: Path,
    *,
    people: int = DEFAULTS["people"],
    organisations: int = DEFAULTS["organisations"],
    interactions: int = DEFAULTS["interactions"],
    follow_ups: int = DEFAULTS["follow_ups"],
    seed: int = DEFAULTS["seed"],
) -> Path:
    """Create a new notebook in `data_dir` filled with made-up people; return its path.

    The notebook is created with `open_notebook`, so its schema and application id are
    those of a real one. The global `db` binding is left as it was.
    """
    paths = Paths(data_dir)
    if paths.database.exists():
        raise FileExistsError(f"a notebook already exists at {paths.database}")
    if people < 1 or organisations < 1:
        raise ValueError("the notebook needs at least one person and one organisation")
    data_dir.mkdir(parents=True, exist_ok=True)
    previous = db.obj
    database = open_notebook(paths.database, paths.backups_dir)
    try:
        connection = database.connection()
        kinds = dict(connection.execute("SELECT name, id FROM interaction_kind").fetchall())
        with database.atomic():
            _fill(
                connection,
                _Generator(seed),
                kinds,
                people=people,
                organisations=organisations,
                interactions=interactions,
                follow_ups=follow_ups,
            )
    finally:
        database.close()  # the last connection checkpoints the WAL into the file
        db.initialize(previous)
    return paths.database


def _fill(
    connection: sqlite3.Connection,
    gen: _Generator,
    kinds: dict[str, int],
    *,
    people: int,
    organisations: int,
    interactions: int,
    follow_ups: int,
) -> None:
    if [field.name for field in Contact._meta.sorted_fields] != CONTACT_COLUMNS:
        raise RuntimeError("Contact's columns changed; update CONTACT_COLUMNS and _fill")
    rnd = gen.random
    last_day = REFERENCE_DAY - timedelta(days=1)
    levels = (1, 2, 3)
    level_weights = _cumulative((6, 24, 70))
    source_weights = _cumulative(SOURCE_WEIGHTS)
    relationship_weights = _cumulative(RELATIONSHIP_WEIGHTS)

    # People, in the order they were added (ids follow their creation time).
    created = sorted(gen.moment_between(FIRST_DAY, last_day) for _ in range(people))
    organisation_ids = list(range(1, organisations + 1))
    # A few large employers and a long tail of small ones.
    organisation_weights = _cumulative(1.0 / (rank**0.8) for rank in organisation_ids)
    shuffled_ids = rnd.sample(organisation_ids, organisations)
    contacts: list[list[Any]] = []
    roles: list[tuple[Any, ...]] = []
    first_seen: dict[int, datetime] = {}

    def seen(organisation_id: int, moment: datetime) -> None:
        if organisation_id not in first_seen or moment < first_seen[organisation_id]:
            first_seen[organisation_id] = moment

    for person_id, created_at in enumerate(created, start=1):
        name, first, last = gen.person_name()
        organisation_id: int | None = None
        if rnd.random() < 0.88:
            organisation_id = rnd.choices(shuffled_ids, cum_weights=organisation_weights)[0]
        title = gen.title() if rnd.random() < 0.92 else ""
        relationship = rnd.choices(RELATIONSHIPS, cum_weights=relationship_weights)[0]
        hiring_chance = 0.6 if relationship == "hiring_manager" else 0.02
        updated_at = created_at
        if organisation_id is not None or title:
            moved = (
                organisation_id is not None
                and organisations > 1
                and rnd.random() < 0.10
                and created_at.date() < REFERENCE_DAY - timedelta(days=60)
            )
            if moved:
                # Added at an earlier job, then moved: the old role ends on the day of the
                # move and the new one starts on it, as update_person records it.
                earlier = rnd.choice(organisation_ids)
                while earlier == organisation_id:
                    earlier = rnd.choice(organisation_ids)
                updated_at = gen.moment_between(created_at.date() + timedelta(days=1), last_day)
                seen(earlier, created_at)
                seen(organisation_id, updated_at)
                move_day = updated_at.date().isoformat()
                roles.append((person_id, earlier, gen.title(), None, move_day))
                roles.append((person_id, organisation_id, title, move_day, None))
            else:
                roles.append((person_id, organisation_id, title, None, None))
                if organisation_id is not None:
                    seen(organisation_id, created_at)
        email = ""
        if last and rnd.random() < 0.6:
            domain = "mail.example.org"
            if organisation_id is not None and rnd.random() < 0.7:
                domain = f"org{organisation_id}.example.com"
            email = f"{first}.{last}@{domain}".lower()
        contacts.append(
            [
                person_id,
                name,
                organisation_id,
                title,
                email,
                f"+44 7700 9{rnd.randint(0, 99999):05d}" if rnd.random() < 0.3 else "",
                (
                    f"https://linkedin.com/in/{first.lower()}-{last.lower()}-{person_id}"
                    if last and rnd.random() < 0.45
                    else ""
                ),
                rnd.choice(LOCATIONS) if rnd.random() < 0.7 else "",
                rnd.choices(levels, cum_weights=level_weights)[0],
                rnd.choices(SOURCES, cum_weights=source_weights)[0],
                relationship,
                int(rnd.random() < hiring_chance),
                int(rnd.random() < 0.06),
                rnd.choice(CADENCE_CHOICES),
                gen.person_notes(),
                int(rnd.random() < 0.03),
                None,  # introduced_by
                None,  # introduced_on
                None,  # last_contact_on, filled in from the interactions
                _stamp(created_at),
                _stamp(updated_at),
            ]
        )
    # Introductions: someone added earlier introduced about one person in twelve.
    for row in contacts[1:]:
        if rnd.random() < 0.08:
            row[_AT["introduced_by"]] = rnd.randint(1, row[_AT["id"]] - 1)
            # Introduced on the day they were added.
            row[_AT["introduced_on"]] = row[_AT["created_at"]][:10]
            if rnd.random() < 0.8:
                row[_AT["source"]] = "introduction"

    # Organisations: created when the first person there was added.
    targets = set(rnd.sample(organisation_ids, max(1, min(25, organisations // 20))))
    organisation_rows = []
    for organisation_id, name in zip(
        organisation_ids, gen.organisation_names(organisations), strict=True
    ):
        created_at = first_seen.get(organisation_id) or gen.moment_between(FIRST_DAY, last_day)
        is_target = organisation_id in targets
        notes = ""
        if is_target or rnd.random() < 0.15:
            notes = f"{rnd.choice(REMARKS)} Good at {rnd.choice(TOPICS)}."
        updated_at = gen.moment_between(created_at.date(), last_day) if is_target else created_at
        organisation_rows.append(
            (
                organisation_id,
                name,
                rnd.choice(INDUSTRIES) if rnd.random() < 0.8 else "",
                int(is_target),
                notes,
                _stamp(created_at),
                _stamp(max(created_at, updated_at)),
            )
        )

    # Tags on about a third of the people.
    tag_links = []
    tag_ids = list(range(1, len(TAGS) + 1))
    for person_id in range(1, people + 1):
        if rnd.random() < 0.35:
            for tag_id in sorted(rnd.sample(tag_ids, rnd.randint(1, 3))):
                tag_links.append((person_id, tag_id))

    # Interactions: a quarter of the people have none; the rest a skewed share.
    weights = [0.0 if rnd.random() < 0.25 else min(rnd.paretovariate(1.4), 40.0) for _ in created]
    if not any(weights):
        weights[0] = 1.0
    kind_names = [name for name in KIND_WEIGHTS if name in kinds]
    kind_weights = _cumulative(KIND_WEIGHTS[name] for name in kind_names)
    chosen = rnd.choices(range(people), weights=weights, k=interactions)
    interaction_rows = []
    newest: dict[int, str] = {}
    for index in chosen:
        person_id = index + 1
        happened = gen.day_between(created[index].date(), last_day)
        logged = datetime.combine(happened, time()) + timedelta(
            seconds=rnd.randint(8 * 3600, 22 * 3600)
        )
        kind = rnd.choices(kind_names, cum_weights=kind_weights)[0]
        summary = f"{rnd.choice(SUMMARY_VERBS)} {rnd.choice(TOPICS)}" if rnd.random() < 0.85 else ""
        notes = " ".join(rnd.sample(REMARKS, 2)) if rnd.random() < 0.2 else ""
        on = happened.isoformat()
        if on > newest.get(person_id, ""):
            newest[person_id] = on
        interaction_rows.append((person_id, on, kinds[kind], summary, notes, _stamp(logged)))
    interaction_rows.sort(key=lambda row: row[5])  # ids in the order they were logged
    for person_id, on in newest.items():
        contacts[person_id - 1][_AT["last_contact_on"]] = on

    # Follow-ups: due from four months ago to four months ahead; about half the past
    # ones are done.
    follow_up_rows = []
    for _ in range(follow_ups):
        index = rnd.randrange(people)
        due = REFERENCE_DAY + timedelta(days=rnd.randint(-120, 120))
        added = max(created[index], datetime.combine(due, time(9)) - timedelta(days=60))
        added_at = gen.moment_between(added.date(), min(due, last_day))
        done_on = None
        if due < REFERENCE_DAY and rnd.random() < 0.5:
            done = min(due + timedelta(days=rnd.randint(0, 10)), last_day)
            done_on = max(done, added_at.date()).isoformat()
        reason = rnd.choice(FOLLOW_UP_REASONS) if rnd.random() < 0.9 else ""
        follow_up_rows.append((index + 1, due.isoformat(), reason, done_on, _stamp(added_at)))
    follow_up_rows.sort(key=lambda row: row[4])

    _insert(connection, Organisation, Organisation._meta.sorted_fields, organisation_rows)
    _insert(connection, Contact, Contact._meta.sorted_fields, contacts)
    _insert(connection, Tag, Tag._meta.sorted_fields, enumerate(TAGS, start=1))
    _insert(connection, ContactTag, (ContactTag.contact, ContactTag.tag), tag_links)
    role_fields = (
        RoleHeld.contact,
        RoleHeld.organisation,
        RoleHeld.title,
        RoleHeld.started_on,
        RoleHeld.ended_on,
    )
    _insert(connection, RoleHeld, role_fields, roles)
    _insert(connection, Interaction, Interaction._meta.sorted_fields[1:], interaction_rows)
    _insert(connection, FollowUp, FollowUp._meta.sorted_fields[1:], follow_up_rows)


def _cache_folder() -> Path:
    return CACHE_ROOT / f"large-v{LATEST_VERSION}"


def _cache_marker() -> dict[str, int]:
    return {"generator": GENERATOR_VERSION, **DEFAULTS}


def large_notebook_is_cached() -> bool:
    """True when `cached_large_notebook()` will reuse a notebook instead of building one."""
    folder = _cache_folder()
    try:
        marker = json.loads((folder / "built.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(marker == _cache_marker() and Paths(folder).database.exists())


def cached_large_notebook() -> Path:
    """The default large notebook, built once into bench/.cache and reused."""
    folder = _cache_folder()
    database = Paths(folder).database
    if large_notebook_is_cached():
        return database
    # Build aside and move into place, so an interrupted build is never reused.
    staging = CACHE_ROOT / f".building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    build_large_notebook(staging)
    (staging / "built.json").write_text(json.dumps(_cache_marker()), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(staging, folder)
    return database
