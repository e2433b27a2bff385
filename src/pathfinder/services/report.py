"""The mentor report: what happened in a period, gathered from the notebook.

`gather(options)` reads everything one report needs in a handful of queries and
returns plain data; `report_markdown` turns it into text. What is private never
enters the data at all: notes on people, research notes, interaction notes and
journal entries not marked "share with my mentor" are not even read, so no way of
rendering can leak them.

People are named by first name and organisation ("Ana (Acme Health)"), or, with
`anonymise`, by their role ("a product manager at Acme Health").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from pathfinder.services.contact_fields import SOURCE_LABELS
from pathfinder.services.conversations import OUTCOME_LABELS, STAGE_LABELS
from pathfinder.services.goals import Progress, all_progress
from pathfinder.services.report_names import Anonymiser
from pathfinder.services.report_sections import SECTIONS
from pathfinder.services.why import Why
from pathfinder.store.database import db

NAMES_PER_LEVEL = 40  # a LinkedIn import can add hundreds of people in one day
NEXT_STEPS_AHEAD = timedelta(days=14)


@dataclass(frozen=True)
class ReportOptions:
    start: date
    end: date
    sections: frozenset[str] = frozenset(SECTIONS)
    anonymise: bool = False
    front_matter: bool = False
    questions: str = ""  # the person's questions for the mentor
    next_steps: str = ""  # the person's own next steps, before the ones found in the notebook

    def includes(self, section: str) -> bool:
        return section in self.sections


@dataclass(frozen=True)
class Person:
    name: str
    organisation: str
    title: str

    def label(self, anonymise: bool) -> str:
        """ "Ana (Acme Health)", or "a product manager at Acme Health" when anonymised."""
        if anonymise:
            return role_description(self.title, self.organisation)
        first = self.name.split()[0] if self.name.split() else self.name
        return f"{first} ({self.organisation})" if self.organisation else first


@dataclass(frozen=True)
class ConversationItem:
    person: Person
    role: str
    stage: str
    outcome: str
    met_on: date | None
    scheduled_for: date | None
    thanked_on: date | None
    learned: str  # the meeting notes
    next_step: str


@dataclass(frozen=True)
class FollowUpItem:
    person: Person
    reason: str
    due_on: date
    done_on: date | None


@dataclass(frozen=True)
class GivenItem:
    on: date
    person: Person
    kind: str
    summary: str


@dataclass(frozen=True)
class SharedEntry:
    written_at: datetime
    title: str
    body: str
    mood: int | None
    confidence: int | None
    tags: tuple[str, ...]
    people: tuple[Person, ...]  # linked people, whose names are replaced when anonymised


@dataclass
class ReportData:
    options: ReportOptions
    written_on: date
    why_now: Why | None = None
    why_before: Why | None = None  # the version current when the period began, if different
    goals: list[Progress] = field(default_factory=list)
    conversations: list[ConversationItem] = field(default_factory=list)
    new_people: dict[int, list[Person]] = field(default_factory=dict)
    new_people_count: int = 0
    new_level_counts: dict[int, int] = field(default_factory=dict)  # names stop at 40 a level
    new_by_source: list[tuple[str, int]] = field(default_factory=list)
    follow_ups_done: list[FollowUpItem] = field(default_factory=list)
    follow_ups_overdue: list[FollowUpItem] = field(default_factory=list)
    given: list[GivenItem] = field(default_factory=list)
    received_count: int = 0
    entries: list[SharedEntry] = field(default_factory=list)
    entries_kept_private: int = 0
    next_steps_found: list[str] = field(default_factory=list)
    anonymiser: Anonymiser | None = None

    def names(self, text: str, about: Iterable[Person] = ()) -> str:
        """`text` as shared: with names hidden when people are described by their role."""
        return self.anonymiser.hide(text, about) if self.anonymiser is not None else text


def role_description(title: str, organisation: str) -> str:
    """ "a product manager at Acme Health", "someone at Acme Health", "a contact"."""
    title = " ".join(title.split())
    if title:
        who = f"{_article(title)} {title[0].lower() + title[1:] if _plain_word(title) else title}"
    else:
        who = "someone" if organisation else "a contact"
    return f"{who} at {organisation}" if organisation else who


def _article(title: str) -> str:
    """ "an" before a vowel sound: "an engineer", "an MBA student", "a UX researcher"."""
    first = title.split()[0]
    if len(first) > 1 and first.isupper():  # an acronym is read letter by letter
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    lowered = first.lower()
    if lowered.startswith(("uni", "use", "usu", "eu", "one")):
        return "a"
    return "an" if lowered[:1] in "aeiou" or lowered.startswith(("hour", "honest")) else "a"


def _plain_word(title: str) -> bool:
    """True for "Product manager", false for "CTO" or "iOS developer" (kept as written)."""
    first = title.split()[0]
    return first[:1].isupper() and first[1:].islower()


def gather(options: ReportOptions, today: date) -> ReportData:
    """Everything the report for `options` shows, as of `today` (the day it is written)."""
    data = ReportData(options=options, written_on=today)
    if options.anonymise:
        data.anonymiser = Anonymiser(
            Person(*row) for row in db.execute_sql(f"SELECT {_PERSON}").fetchall()
        )
    first, last = options.start, options.end
    if options.includes("why"):
        data.why_now, data.why_before = _whys(first, last)
    if options.includes("goals"):
        data.goals = all_progress(last)
    if options.includes("conversations"):
        data.conversations = _conversations(first, last)
    if options.includes("people"):
        _new_people(data, first, last)
    if options.includes("follow-ups"):
        data.follow_ups_done, data.follow_ups_overdue = _follow_ups(first, last)
    if options.includes("given"):
        data.given, data.received_count = _given(first, last)
    if options.includes("journal"):
        data.entries, data.entries_kept_private = _entries(first, last)
    if options.includes("next-steps"):
        data.next_steps_found = _next_steps(last, data)
    return data


def _day_bounds(first: date, last: date) -> tuple[str, str]:
    """SQL text bounds for timestamps from the start of `first` to the end of `last`."""
    return (
        datetime.combine(first, time.min).isoformat(sep=" "),
        datetime.combine(last + timedelta(days=1), time.min).isoformat(sep=" "),
    )


def _as_date(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _whys(first: date, last: date) -> tuple[Why | None, Why | None]:
    def version_before(moment: str) -> Why | None:
        row = db.execute_sql(
            "SELECT id, written_at, updated_at, coming_from, going_to, reason FROM why_version"
            " WHERE written_at < ? ORDER BY written_at DESC, id DESC LIMIT 1",
            [moment],
        ).fetchone()
        if row is None:
            return None
        return Why(row[0], _as_datetime(row[1]), _as_datetime(row[2]), row[3], row[4], row[5])

    start, end = _day_bounds(first, last)
    now, before = version_before(end), version_before(start)
    if before is not None and now is not None and before.id == now.id:
        before = None
    return now, before


_PERSON = (
    "c.name, COALESCE(o.name, ''), c.title FROM contact c"
    " LEFT JOIN organisation o ON o.id = c.organisation_id"
)


def _conversations(first: date, last: date) -> list[ConversationItem]:
    start, end = _day_bounds(first, last)
    rows = db.execute_sql(
        "SELECT v.stage, v.outcome, v.met_on, v.scheduled_for, v.thanked_on, v.meeting_notes,"
        f" v.next_step, COALESCE(r.title, ''), {_PERSON}"
        " JOIN conversation v ON v.contact_id = c.id"
        " LEFT JOIN target_role r ON r.id = v.target_role_id"
        " WHERE v.requested_on BETWEEN ?1 AND ?2 OR v.scheduled_for BETWEEN ?1 AND ?2"
        " OR v.met_on BETWEEN ?1 AND ?2 OR v.thanked_on BETWEEN ?1 AND ?2"
        " OR (v.created_at >= ?3 AND v.created_at < ?4)"
        " ORDER BY COALESCE(v.met_on, v.scheduled_for, v.requested_on, date(v.created_at)), v.id",
        [first.isoformat(), last.isoformat(), start, end],
    ).fetchall()
    return [
        ConversationItem(
            person=Person(row[8], row[9], row[10]),
            role=row[7],
            stage=STAGE_LABELS[row[0]],
            outcome=OUTCOME_LABELS[row[1]] if row[1] else "",
            met_on=_as_date(row[2]),
            scheduled_for=_as_date(row[3]),
            thanked_on=_as_date(row[4]),
            learned=row[5],
            next_step=row[6],
        )
        for row in rows
    ]


def _new_people(data: ReportData, first: date, last: date) -> None:
    start, end = _day_bounds(first, last)
    where = " WHERE c.created_at >= ? AND c.created_at < ? AND NOT c.archived"
    counts = db.execute_sql(
        "SELECT c.level, c.source, count(*) FROM contact c" + where + " GROUP BY 1, 2",
        [start, end],
    ).fetchall()
    by_source: Counter[str] = Counter()
    for level, source, count in counts:
        data.new_people_count += count
        by_source[SOURCE_LABELS.get(source, source)] += count
        data.new_people.setdefault(level, [])
        data.new_level_counts[level] = data.new_level_counts.get(level, 0) + count
    data.new_by_source = sorted(by_source.items(), key=lambda item: (-item[1], item[0]))
    for level in sorted(data.new_people):
        rows = db.execute_sql(
            f"SELECT {_PERSON}{where} AND c.level = ? ORDER BY c.created_at, c.id LIMIT ?",
            [start, end, level, NAMES_PER_LEVEL],
        ).fetchall()
        data.new_people[level] = [Person(*row) for row in rows]
    data.new_people = dict(sorted(data.new_people.items()))


def _follow_ups(first: date, last: date) -> tuple[list[FollowUpItem], list[FollowUpItem]]:
    def items(condition: str, parameters: list[object]) -> list[FollowUpItem]:
        rows = db.execute_sql(
            f"SELECT f.reason, f.due_on, f.done_on, {_PERSON} JOIN follow_up f"
            f" ON f.contact_id = c.id WHERE {condition} ORDER BY f.due_on, f.id",
            parameters,
        ).fetchall()
        return [
            FollowUpItem(Person(*row[3:]), row[0], _as_date(row[1]) or last, _as_date(row[2]))
            for row in rows
        ]

    done = items("f.done_on BETWEEN ? AND ?", [first.isoformat(), last.isoformat()])
    overdue = items(
        "f.due_on < ? AND (f.done_on IS NULL OR f.done_on > ?) AND NOT c.archived",
        [last.isoformat(), last.isoformat()],
    )
    return done, overdue


def _given(first: date, last: date) -> tuple[list[GivenItem], int]:
    rows = db.execute_sql(
        f"SELECT i.happened_on, k.name, k.counts_as, i.summary, {_PERSON}"
        " JOIN interaction i ON i.contact_id = c.id"
        " JOIN interaction_kind k ON k.id = i.kind_id"
        " WHERE i.happened_on BETWEEN ? AND ? AND k.counts_as IN ('gave', 'received')"
        " ORDER BY i.happened_on, i.id",
        [first.isoformat(), last.isoformat()],
    ).fetchall()
    given = [
        GivenItem(_as_date(row[0]) or first, Person(*row[4:]), row[1], row[3])
        for row in rows
        if row[2] == "gave"
    ]
    return given, sum(1 for row in rows if row[2] == "received")


def _entries(first: date, last: date) -> tuple[list[SharedEntry], int]:
    start, end = _day_bounds(first, last)
    rows = db.execute_sql(
        "SELECT id, written_at, title, body, mood, confidence FROM journal_entry"
        " WHERE written_at >= ? AND written_at < ? AND shared ORDER BY written_at, id",
        [start, end],
    ).fetchall()
    private = db.execute_sql(
        "SELECT count(*) FROM journal_entry WHERE written_at >= ? AND written_at < ?"
        " AND NOT shared",
        [start, end],
    ).fetchone()[0]
    ids = [row[0] for row in rows]
    tags: dict[int, list[str]] = {}
    people: dict[int, list[Person]] = {}
    if ids:
        marks = ", ".join("?" for _ in ids)
        for entry_id, name in db.execute_sql(
            f"SELECT entry_id, name FROM journal_tag WHERE entry_id IN ({marks}) ORDER BY name",
            ids,
        ):
            tags.setdefault(entry_id, []).append(name)
        for row in db.execute_sql(
            f"SELECT l.entry_id, {_PERSON} JOIN journal_link l ON l.contact_id = c.id"
            f" OR c.id = (SELECT v.contact_id FROM conversation v"
            f" WHERE v.id = l.conversation_id)"
            f" OR c.id IN (SELECT p.contact_id FROM event_person p WHERE p.event_id = l.event_id)"
            f" WHERE l.entry_id IN ({marks}) ORDER BY l.id, c.id",
            ids,
        ):
            people.setdefault(row[0], []).append(Person(*row[1:]))
    entries = [
        SharedEntry(
            _as_datetime(row[1]),
            row[2],
            row[3],
            row[4],
            row[5],
            tuple(tags.get(row[0], ())),
            tuple(people.get(row[0], ())),
        )
        for row in rows
    ]
    return entries, int(private)


def _next_steps(last: date, data: ReportData) -> list[str]:
    """Follow-ups due soon and conversations coming up (a conversation's own next step is
    shown with it, under Conversations)."""
    steps: list[str] = []
    horizon = (last + NEXT_STEPS_AHEAD).isoformat()
    for row in db.execute_sql(
        f"SELECT f.due_on, f.reason, {_PERSON} JOIN follow_up f ON f.contact_id = c.id"
        " WHERE f.done_on IS NULL AND f.due_on >= ? AND f.due_on <= ? AND NOT c.archived"
        " ORDER BY f.due_on, f.id",
        [last.isoformat(), horizon],
    ):
        person = Person(*row[2:])
        who = person.label(data.options.anonymise)
        reason = " ".join(data.names(str(row[1]), (person,)).split())
        steps.append(
            f"Follow up with {who} by {day_month(_as_date(row[0]) or last)}"
            + (f": {reason}" if reason else "")
        )
    for row in db.execute_sql(
        f"SELECT v.scheduled_for, {_PERSON} JOIN conversation v ON v.contact_id = c.id"
        " WHERE v.stage IN ('scheduled', 'prepared') AND v.scheduled_for > ? AND NOT c.archived"
        " ORDER BY v.scheduled_for, v.id",
        [last.isoformat()],
    ):
        who = Person(*row[1:]).label(data.options.anonymise)
        steps.append(f"Talk with {who} on {day_month(_as_date(row[0]) or last)}")
    return steps


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def day_month(day: date) -> str:
    """ "3 November" (the year is clear from the report's period)."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def long_date(day: date) -> str:
    """ "3 November 2026", the same whatever the system's language settings."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def period_words(first: date, last: date) -> str:
    """ "1 – 21 November 2026", "28 October – 10 November 2026", across years in full."""
    if first == last:
        return long_date(first)
    if first.year != last.year:
        return f"{long_date(first)} – {long_date(last)}"
    if first.month != last.month:
        return f"{day_month(first)} – {long_date(last)}"
    return f"{first.day} – {long_date(last)}"
