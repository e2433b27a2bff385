"""Browsing the journal: what its list shows, jumping to a date, mood over time, and the
figures in its header. Built for 20,000 entries: narrow queries, plain rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from peewee import fn

from pathfinder.services.journal import (
    _MARKUP,
    JournalFilter,
    _as_datetime,
    _filtered,
    _rows,
    entry_heading,
)
from pathfinder.store.database import db
from pathfinder.store.models import Contact, Conversation, JournalEntry, JournalLink


def entry_index(
    wanted: JournalFilter | None = None,
) -> tuple[list[int], list[tuple[str, int]]]:
    """The ids of the entries that pass the filter, newest first, and how many there are in
    each month ("YYYY-MM", newest first): all the list needs to lay out 20,000 entries."""
    wanted = wanted or JournalFilter()
    ids = _filtered(JournalEntry.select(JournalEntry.id), wanted).order_by(
        JournalEntry.written_at.desc(), JournalEntry.id.desc()
    )
    month = fn.SUBSTR(JournalEntry.written_at, 1, 7).coerce(False)
    months = (
        _filtered(JournalEntry.select(month, fn.COUNT(JournalEntry.id)), wanted)
        .group_by(month)
        .order_by(month.desc())
    )
    return [entry_id for (entry_id,) in _rows(ids)], [
        (name, count) for name, count in _rows(months)
    ]


@dataclass(frozen=True)
class EntryBrief:
    id: int
    written_at: datetime
    heading: str
    preview: str
    mood: int | None
    confidence: int | None
    shared: bool


PREVIEW_CHARS = 160


def plain_preview(body: str, *, skip_first_line: bool) -> str:
    """The body as one line of plain words (Markdown marks removed), for lists."""
    lines = [line for line in body.splitlines() if line.strip()]
    if skip_first_line and lines:
        lines = lines[1:]
    return " ".join(_MARKUP.sub("", "\n".join(lines)).split())


def entry_briefs(ids: Sequence[int]) -> dict[int, EntryBrief]:
    """What the list shows for these entries (fetched a screenful at a time)."""
    query = JournalEntry.select(
        JournalEntry.id,
        JournalEntry.written_at,
        JournalEntry.title,
        fn.SUBSTR(JournalEntry.body, 1, 600),
        JournalEntry.mood,
        JournalEntry.confidence,
        JournalEntry.shared,
    ).where(JournalEntry.id.in_(list(ids)))
    briefs = {}
    for entry_id, written_at, title, body, mood, confidence, shared in query.tuples():
        written_at = _as_datetime(written_at)
        heading = entry_heading(title, body)
        text = plain_preview(body, skip_first_line=not title.strip())
        preview = text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
        briefs[entry_id] = EntryBrief(
            entry_id, written_at, heading, preview, mood, confidence, bool(shared)
        )
    return briefs


def first_entry_on_or_before(day: date, ids: Sequence[int]) -> int | None:
    """For "jump to a date": the newest entry written on or before `day`, among `ids`."""
    end = datetime.combine(day, time.max)
    row = (
        JournalEntry.select(JournalEntry.id)
        .where((JournalEntry.written_at <= end) & JournalEntry.id.in_(list(ids)))
        .order_by(JournalEntry.written_at.desc(), JournalEntry.id.desc())
        .first()
    )
    if row is None:
        row = (
            JournalEntry.select(JournalEntry.id)
            .where(JournalEntry.id.in_(list(ids)))
            .order_by(JournalEntry.written_at, JournalEntry.id)
            .first()
        )
    return None if row is None else row.id


@dataclass(frozen=True)
class MoodPoint:
    week_start: date
    mood: float | None
    confidence: float | None
    entries: int


def mood_by_week(today: date, weeks: int = 26) -> list[MoodPoint]:
    """Average mood and confidence per week (Monday to Sunday), oldest first."""
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    query = JournalEntry.select(
        fn.SUBSTR(JournalEntry.written_at, 1, 10).coerce(False),
        JournalEntry.mood,
        JournalEntry.confidence,
    ).where(JournalEntry.written_at >= datetime.combine(first, time.min))
    sums: dict[date, list[float]] = {}
    for written_on, mood, confidence in _rows(query):
        day = date.fromisoformat(written_on)
        week = day - timedelta(days=day.weekday())
        bucket = sums.setdefault(week, [0, 0, 0, 0, 0])
        bucket[4] += 1
        if mood is not None:
            bucket[0] += mood
            bucket[1] += 1
        if confidence is not None:
            bucket[2] += confidence
            bucket[3] += 1
    points = []
    for index in range(weeks):
        week = first + timedelta(weeks=index)
        mood_sum, moods, confidence_sum, confidences, count = sums.get(week, [0, 0, 0, 0, 0])
        points.append(
            MoodPoint(
                week,
                mood_sum / moods if moods else None,
                confidence_sum / confidences if confidences else None,
                int(count),
            )
        )
    return points


@dataclass(frozen=True)
class JournalFigures:
    entries: int
    this_month: int
    shared: int


def figures(today: date) -> JournalFigures:
    month_start = datetime.combine(today.replace(day=1), time.min)
    # Three counts, each answered from an index rather than by reading every entry.
    (entries, this_month, shared), *_ = db.execute_sql(
        "SELECT (SELECT count(*) FROM journal_entry), "
        "(SELECT count(*) FROM journal_entry WHERE written_at >= ?), "
        "(SELECT count(*) FROM journal_entry WHERE shared = 1)",
        (month_start.strftime("%Y-%m-%d %H:%M:%S"),),
    ).fetchall()
    return JournalFigures(entries, this_month, shared)


def linked_people() -> list[tuple[str, int]]:
    """(name, id) of everyone an entry is about, directly or through a conversation."""
    direct = JournalLink.select(JournalLink.contact).where(JournalLink.contact.is_null(False))
    through = Conversation.select(Conversation.contact).join(
        JournalLink, on=(JournalLink.conversation == Conversation.id)
    )
    query = (
        Contact.select(Contact.name, Contact.id)
        .where(Contact.id.in_(direct) | Contact.id.in_(through))
        .order_by(Contact.name)
    )
    return [(name, person_id) for name, person_id in _rows(query)]


# -- entries about a person or a conversation -------------------------------------


@dataclass(frozen=True)
class Mention:
    entry_id: int
    written_at: datetime
    heading: str


def entries_about_person(person_id: int) -> list[Mention]:
    """Entries that link the person, directly or through a conversation with them, newest
    first."""
    through_conversation = Conversation.select(Conversation.id).where(
        Conversation.contact == person_id
    )
    query = (
        JournalEntry.select(
            JournalEntry.id,
            JournalEntry.written_at,
            JournalEntry.title,
            fn.SUBSTR(JournalEntry.body, 1, 400),
        )
        .where(
            JournalEntry.id.in_(
                JournalLink.select(JournalLink.entry).where(
                    (JournalLink.contact == person_id)
                    | JournalLink.conversation.in_(through_conversation)
                )
            )
        )
        .order_by(JournalEntry.written_at.desc())
        .tuples()
    )
    return [
        Mention(entry_id, _as_datetime(written_at), entry_heading(title, body))
        for entry_id, written_at, title, body in query
    ]


def entries_about_conversation(conversation_id: int) -> list[Mention]:
    """Entries that link this conversation, newest first."""
    query = (
        JournalEntry.select(
            JournalEntry.id,
            JournalEntry.written_at,
            JournalEntry.title,
            fn.SUBSTR(JournalEntry.body, 1, 400),
        )
        .where(
            JournalEntry.id.in_(
                JournalLink.select(JournalLink.entry).where(
                    JournalLink.conversation == conversation_id
                )
            )
        )
        .order_by(JournalEntry.written_at.desc())
        .tuples()
    )
    return [
        Mention(entry_id, _as_datetime(written_at), entry_heading(title, body))
        for entry_id, written_at, title, body in query
    ]
