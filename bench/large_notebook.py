"""A seeded generator of a large notebook, for benchmarks and scale tests.

`build_large_notebook()` writes 30,000 people, 2,000 organisations, 100,000
interactions, 5,000 follow-ups (with tags, roles held, introductions, target
organisations), 3,000 conversations (every stage, with questions and answers;
see large_notebook_talks.py) and 20,000 journal entries (about 1 KB of Markdown
each, with tags and links to people) into a new notebook, with a why, target
roles and goals, in half a minute or so. It writes with `executemany` in one
transaction instead of going through the services, but the rows are those the
services would write: the same columns, dates and times as peewee stores them
(ISO text), `last_contact_on` equal to each person's newest interaction, a
conversation that reached "met" or "thanked" linked to the interaction logged
that day, the question bank seeded, a current role held for everyone with an
organisation or a title, and a past role ending on the day of the move for
people who changed jobs. The search index is not written here: migration 4's
triggers fill it as the rows go in, as they do for the services (that is most
of the build time).

Everything is made up from the small word lists below; the same seed gives the
same notebook, row for row. Journal text is drawn from word lists with skewed
(Zipf-like) weights, so common words are in most entries and rare ones in a
few, as in real writing. Dates are spread over the years before
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
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

from large_notebook_talks import (
    CONVERSATION_COLUMNS,
    TARGET_ROLES,
    Talks,
    compass_rows,
    plan_conversations,
    question_rows,
)
from large_notebook_words import (
    ACTIVITIES,
    CADENCE_CHOICES,
    FEELINGS,
    FIRST_NAMES,
    FOLLOW_UP_REASONS,
    FUNCTIONS,
    HELPERS,
    INDUSTRIES,
    JOURNAL_HEADINGS,
    JOURNAL_PROMPTS,
    JOURNAL_TAG_WEIGHTS,
    JOURNAL_TAGS,
    JOURNAL_TITLES,
    JOURNAL_WORDS,
    KIND_WEIGHTS,
    LAST_NAMES,
    LOCATIONS,
    MEETINGS,
    MOOD_WEIGHTS,
    NEXT_STEPS,
    OPENINGS,
    ORG_ENDINGS,
    ORG_KINDS,
    ORG_STEMS,
    PLACES,
    RELATIONSHIP_WEIGHTS,
    REMARKS,
    SENIORITY,
    SENTENCES,
    SKILLS,
    SOURCE_WEIGHTS,
    SUMMARY_VERBS,
    TAGS,
    TOPICS,
    WINS,
)
from peewee import Field

from pathfinder.paths import Paths
from pathfinder.services.conversation_texts import SEED_QUESTIONS
from pathfinder.store.database import db, open_notebook
from pathfinder.store.migrations import LATEST_VERSION
from pathfinder.store.models import (
    RELATIONSHIPS,
    SOURCES,
    BaseModel,
    Contact,
    ContactTag,
    Conversation,
    ConversationQuestion,
    FollowUp,
    Goal,
    Interaction,
    JournalEntry,
    JournalLink,
    JournalTag,
    Organisation,
    Question,
    RoleHeld,
    Tag,
    TargetRole,
    WhyVersion,
)

# Bump when the generator changes what it writes, so a stale cache is rebuilt.
GENERATOR_VERSION = 10
REFERENCE_DAY = date(2026, 3, 1)
FIRST_DAY = date(2021, 1, 4)
CACHE_ROOT = Path(__file__).resolve().parent / ".cache"
DEFAULTS: dict[str, int] = {
    "people": 30_000,
    "organisations": 2_000,
    "interactions": 100_000,
    "follow_ups": 5_000,
    "conversations": 3_000,
    "journal_entries": 20_000,
    "seed": 7,
}


# The contact columns in the order of the model; _fill checks it still is.
CONTACT_COLUMNS = [
    "id",
    "name",
    "organisation",
    "title",
    "email",
    "phone",
    "linkedin_url",
    "location",
    "level",
    "source",
    "relationship",
    "hiring_power",
    "target_field",
    "cadence_days",
    "notes",
    "archived",
    "introduced_by",
    "introduced_on",
    "last_contact_on",
    "created_at",
    "updated_at",
]
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


class _Slots(dict[str, str]):
    """For str.format_map: each {slot} filled in by a call, only when the text has it."""

    def __init__(self, pick: Callable[[str], str]) -> None:
        super().__init__()
        self.pick = pick

    def __missing__(self, key: str) -> str:
        return self.pick(key)


class _Generator:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.word_weights = _cumulative(1.0 / (rank + 2) for rank in range(len(JOURNAL_WORDS)))

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

    # -- the journal --------------------------------------------------------------

    def _slot(self, name: str) -> str:
        rnd = self.random
        word = name.lower()
        if word == "number":
            value = str(rnd.randint(2, 45))
        else:
            choices = {
                "activity": ACTIVITIES,
                "feeling": FEELINGS,
                "skill": SKILLS,
                "helper": HELPERS,
                "topic": TOPICS,
                "next": NEXT_STEPS,
                "place": PLACES,
                "win": WINS,
            }[word]
            value = rnd.choice(choices)
        return value[:1].upper() + value[1:] if name[:1].isupper() else value

    def fill_in(self, frame: str) -> str:
        return frame.format_map(_Slots(self._slot))

    def free_sentence(self) -> str:
        rnd = self.random
        words = rnd.choices(JOURNAL_WORDS, cum_weights=self.word_weights, k=rnd.randint(6, 14))
        words[0] = words[0][:1].upper() + words[0][1:]
        if rnd.random() < 0.08:
            at = rnd.randrange(len(words))
            words[at] = f"**{words[at]}**"
        return " ".join(words) + ("?" if rnd.random() < 0.1 else ".")

    def paragraph(self) -> str:
        rnd = self.random
        return " ".join(
            self.fill_in(rnd.choice(SENTENCES)) if rnd.random() < 0.55 else self.free_sentence()
            for _ in range(rnd.randint(2, 5))
        )

    def journal_title(self, person: str | None) -> str:
        rnd = self.random
        if rnd.random() >= 0.55:
            return ""  # the list shows the first line instead
        if person is not None and rnd.random() < 0.5:
            return f"{rnd.choice(('After talking with', 'Coffee with'))} {person.split()[0]}"
        return self.fill_in(rnd.choice(JOURNAL_TITLES))

    def journal_body(self, person: str | None, prompt: str) -> str:
        """About 1 KB of Markdown: paragraphs, now and then a heading or a list."""
        rnd = self.random
        if rnd.random() < 0.02:  # a long monthly review now and then
            size = rnd.randint(3_000, 6_000)
        else:
            size = max(350, int(rnd.gauss(850, 200)))
        blocks = []
        if prompt:
            blocks.append(f"## {prompt}")
        if person is not None:
            blocks.append(
                f"{rnd.choice(MEETINGS)} **{person}**. We talked about {rnd.choice(TOPICS)}. "
                + self.paragraph()
            )
        written = sum(len(block) + 2 for block in blocks)
        while written < size:
            roll = rnd.random()
            if roll < 0.12 and blocks and not blocks[-1].startswith("#"):
                block = f"## {rnd.choice(JOURNAL_HEADINGS)}"
            elif roll < 0.22:
                items = rnd.sample(NEXT_STEPS if roll < 0.17 else WINS, rnd.randint(2, 5))
                block = "\n".join(f"- {item[:1].upper()}{item[1:]}" for item in items)
            else:
                block = self.paragraph()
            blocks.append(block)
            written += len(block) + 2
        if blocks[-1].startswith("#"):
            blocks.append(self.paragraph())
        return "\n\n".join(blocks)

    def journal_tags(self, weights: Sequence[float]) -> list[str]:
        rnd = self.random
        count = rnd.choices((0, 1, 2, 3), weights=(25, 35, 25, 15))[0]
        chosen: set[str] = set()
        while len(chosen) < count:
            chosen.add(rnd.choices(JOURNAL_TAGS, cum_weights=weights)[0])
        return sorted(chosen)


def build_large_notebook(
    data_dir: Path,
    *,
    people: int = DEFAULTS["people"],
    organisations: int = DEFAULTS["organisations"],
    interactions: int = DEFAULTS["interactions"],
    follow_ups: int = DEFAULTS["follow_ups"],
    conversations: int = DEFAULTS["conversations"],
    journal_entries: int = DEFAULTS["journal_entries"],
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
        gen = _Generator(seed)
        with database.atomic():
            created, names = _fill(
                connection,
                gen,
                kinds,
                people=people,
                organisations=organisations,
                interactions=interactions,
                follow_ups=follow_ups,
                conversations=conversations,
            )
            _fill_journal(connection, gen, created, names, journal_entries)
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
    conversations: int,
) -> tuple[list[datetime], list[str]]:
    """Write everything but the journal; return when each person was added, and names."""
    if [field.name for field in Contact._meta.sorted_fields] != CONTACT_COLUMNS:
        raise RuntimeError("Contact's columns changed; update CONTACT_COLUMNS and _fill")
    if [field.name for field in Conversation._meta.sorted_fields] != CONVERSATION_COLUMNS:
        raise RuntimeError("Conversation's columns changed; update large_notebook_talks")
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

    # Conversations first: those that reached "met" or "thanked" logged an interaction
    # on that day, and those count among the interactions asked for.
    talks = plan_conversations(
        gen,
        created,
        conversations,
        last_day,
        target_roles=len(TARGET_ROLES),
        bank=len(SEED_QUESTIONS),
    )
    if len(talks.interactions) > interactions:
        raise ValueError("too few interactions for the conversations' meetings and thanks")

    # Interactions: a quarter of the people have none; the rest a skewed share.
    weights = [0.0 if rnd.random() < 0.25 else min(rnd.paretovariate(1.4), 40.0) for _ in created]
    if not any(weights):
        weights[0] = 1.0
    kind_names = [name for name in KIND_WEIGHTS if name in kinds]
    kind_weights = _cumulative(KIND_WEIGHTS[name] for name in kind_names)
    chosen = rnd.choices(range(people), weights=weights, k=interactions - len(talks.interactions))
    # (row without its id, which of the conversations' interactions it is, or None)
    logged_rows: list[tuple[tuple[Any, ...], int | None]] = []
    for index in chosen:
        person_id = index + 1
        happened = gen.day_between(created[index].date(), last_day)
        logged = datetime.combine(happened, time()) + timedelta(
            seconds=rnd.randint(8 * 3600, 22 * 3600)
        )
        kind = rnd.choices(kind_names, cum_weights=kind_weights)[0]
        summary = f"{rnd.choice(SUMMARY_VERBS)} {rnd.choice(TOPICS)}" if rnd.random() < 0.85 else ""
        notes = " ".join(rnd.sample(REMARKS, 2)) if rnd.random() < 0.2 else ""
        row = (person_id, happened.isoformat(), kinds[kind], summary, notes, _stamp(logged))
        logged_rows.append((row, None))
    for number, (person_id, day, kind, summary, logged) in enumerate(talks.interactions):
        row = (person_id, day.isoformat(), kinds[kind], summary, "", _stamp(logged))
        logged_rows.append((row, number))
    logged_rows.sort(key=lambda pair: pair[0][5])  # ids in the order they were logged
    interaction_rows = []
    newest: dict[int, str] = {}
    numbered: dict[int, int] = {}  # a conversation's interaction -> its id
    for interaction_id, (row, number) in enumerate(logged_rows, start=1):
        interaction_rows.append((interaction_id, *row))
        if number is not None:
            numbered[number] = interaction_id
        person_id, on = row[0], row[1]
        if on > newest.get(person_id, ""):
            newest[person_id] = on
    for person_id, on in newest.items():
        contacts[person_id - 1][_AT["last_contact_on"]] = on
    for conversation, which, number in talks.links:
        column = CONVERSATION_COLUMNS.index(f"{which}_interaction")
        talks.conversations[conversation][column] = numbered[number]

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
    _insert(connection, Interaction, Interaction._meta.sorted_fields, interaction_rows)
    _insert(connection, FollowUp, FollowUp._meta.sorted_fields[1:], follow_up_rows)
    _fill_compass_and_talks(connection, talks, last_day)
    return created, [row[_AT["name"]] for row in contacts]


def _fill_compass_and_talks(connection: sqlite3.Connection, talks: Talks, last_day: date) -> None:
    """The why, target roles and goals, the seeded question bank, and the conversations
    with their questions."""
    compass = compass_rows(last_day)
    _insert(connection, WhyVersion, WhyVersion._meta.sorted_fields[1:], compass["why"])
    _insert(connection, TargetRole, TargetRole._meta.sorted_fields[1:], compass["roles"])
    _insert(connection, Goal, Goal._meta.sorted_fields[1:], compass["goals"])
    bank_added = datetime.combine(FIRST_DAY, time(20))
    _insert(connection, Question, Question._meta.sorted_fields[1:], question_rows(bank_added))
    _insert(connection, Conversation, Conversation._meta.sorted_fields, talks.conversations)
    _insert(
        connection,
        ConversationQuestion,
        ConversationQuestion._meta.sorted_fields[1:],
        talks.questions,
    )


def _fill_journal(
    connection: sqlite3.Connection,
    gen: _Generator,
    created: Sequence[datetime],
    names: Sequence[str],
    entries: int,
) -> None:
    """Journal entries, their tags, and links to the people they are about.

    `created` (sorted) says when each person was added: an entry links only someone
    already in the notebook when it was written.
    """
    rnd = gen.random
    last_moment = datetime.combine(REFERENCE_DAY - timedelta(days=1), time(23))
    first_moment = datetime.combine(FIRST_DAY, time(8))
    tag_weights = _cumulative(JOURNAL_TAG_WEIGHTS)
    mood_weights = _cumulative(MOOD_WEIGHTS)
    # Entries in the order they were written down (ids follow), a few dated a little back.
    moments = sorted(gen.moment_between(FIRST_DAY, last_moment.date()) for _ in range(entries))
    entry_rows: list[tuple[Any, ...]] = []
    tag_rows: list[tuple[int, str]] = []
    link_rows: list[tuple[int, int]] = []
    for entry_id, created_at in enumerate(moments, start=1):
        written_at = created_at
        if rnd.random() < 0.05:  # written up a few days after the day
            written_at = max(created_at - timedelta(days=rnd.randint(1, 10)), first_moment)
        person_id = None
        known = bisect_right(created, written_at)  # people in the notebook by then
        if known and rnd.random() < 0.4:
            person_id = rnd.randint(1, known)
            link_rows.append((entry_id, person_id))
        person = None if person_id is None else names[person_id - 1]
        prompt = rnd.choice(JOURNAL_PROMPTS) if rnd.random() < 0.1 else ""
        title = gen.journal_title(person)
        body = gen.journal_body(person, prompt)
        mood = None
        if rnd.random() < 0.88:
            mood = rnd.choices((1, 2, 3, 4, 5), cum_weights=mood_weights)[0]
        confidence = None
        if rnd.random() < 0.82:
            confidence = min(5, max(1, (mood or 3) + rnd.randint(-1, 1)))
        updated_at = created_at
        if rnd.random() < 0.2:  # edited later
            edited = created_at + timedelta(minutes=rnd.randint(5, 20 * 24 * 60))
            updated_at = max(created_at, min(edited, last_moment))
        entry_rows.append(
            (
                entry_id,
                _stamp(written_at),
                title,
                body,
                mood,
                confidence,
                int(rnd.random() < 0.3),
                prompt,
                _stamp(created_at),
                _stamp(updated_at),
            )
        )
        tag_rows.extend((entry_id, name) for name in gen.journal_tags(tag_weights))

    entry_fields = (
        JournalEntry.id,
        JournalEntry.written_at,
        JournalEntry.title,
        JournalEntry.body,
        JournalEntry.mood,
        JournalEntry.confidence,
        JournalEntry.shared,
        JournalEntry.prompt,
        JournalEntry.created_at,
        JournalEntry.updated_at,
    )
    _insert(connection, JournalEntry, entry_fields, entry_rows)
    _insert(connection, JournalTag, (JournalTag.entry, JournalTag.name), tag_rows)
    _insert(connection, JournalLink, (JournalLink.entry, JournalLink.contact), link_rows)


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
    for stale in CACHE_ROOT.glob("large-v*"):  # made for an older schema: never read again
        if stale != folder:
            shutil.rmtree(stale, ignore_errors=True)
    return database
