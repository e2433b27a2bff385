"""Informational interviews: one record from the idea to the thank-you.

Stages run idea → requested → scheduled → prepared → met → thanked → closed and
may be skipped or reversed. Reaching "met" logs an informational interview on
the person's timeline and reaching "thanked" logs a thank-you; going back below
those stages takes away the entry the stage had added.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pathfinder.services import interactions, journal, people
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError, clean_choice, clean_text
from pathfinder.store.database import db, write_transaction
from pathfinder.store.models import (
    OUTCOMES,
    STAGES,
    Contact,
    Conversation,
    ConversationIntroduction,
    ConversationQuestion,
    Interaction,
    Question,
    TargetRole,
)

STAGE_LABELS = {
    "idea": "Idea",
    "requested": "Requested",
    "scheduled": "Scheduled",
    "prepared": "Prepared",
    "met": "Met",
    "thanked": "Thanked",
    "closed": "Closed",
}
OUTCOME_LABELS = {
    "": "Not known yet",
    "fits": "Fits me",
    "doesnt_fit": "Doesn't fit me",
    "not_sure": "Not sure yet",
}
OUTCOME_HINTS = {
    "": "",
    "fits": "Worth pursuing: who else could you talk to about it?",
    "doesnt_fit": "A real success: one conversation spared you years in the wrong role.",
    "not_sure": "Fair enough. Another conversation, or a different angle, may settle it.",
}
THANK_YOU_WITHIN_DAYS = 2
NOTES_LIMIT = 2_000_000
NEXT_STEP_LIMIT = 1_000
_DATES = ("requested_on", "scheduled_for", "met_on", "thanked_on")


@dataclass(frozen=True)
class ConversationRecord:
    id: int
    person_id: int
    person_name: str
    organisation: str
    target_role_id: int | None
    target_role: str
    stage: str
    requested_on: date | None
    scheduled_for: date | None
    met_on: date | None
    thanked_on: date | None
    research_notes: str
    meeting_notes: str
    outcome: str
    next_step: str
    created_at: datetime
    updated_at: datetime
    led_to_opportunity: bool = False

    @property
    def title(self) -> str:
        about = f" about {self.target_role}" if self.target_role else ""
        return f"{self.person_name}{about}"

    def thank_you_overdue(self, today: date) -> bool:
        return (
            self.stage == "met"
            and self.met_on is not None
            and (today - self.met_on).days > THANK_YOU_WITHIN_DAYS
        )


_SELECT = (
    "SELECT v.id, v.contact_id, c.name, COALESCE(o.name, ''), v.target_role_id,"
    " COALESCE(r.title, ''), v.stage, v.requested_on, v.scheduled_for, v.met_on, v.thanked_on,"
    " v.research_notes, v.meeting_notes, v.outcome, v.next_step, v.created_at, v.updated_at,"
    " v.led_to_opportunity"
    " FROM conversation v JOIN contact c ON c.id = v.contact_id"
    " LEFT JOIN organisation o ON o.id = c.organisation_id"
    " LEFT JOIN target_role r ON r.id = v.target_role_id"
)


def _as_date(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _records(
    where: str = "", parameters: list[object] | None = None, order: str = "v.id"
) -> list[ConversationRecord]:
    cursor = db.execute_sql(f"{_SELECT} {where} ORDER BY {order}", parameters or [])
    return [
        ConversationRecord(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            _as_date(row[7]),
            _as_date(row[8]),
            _as_date(row[9]),
            _as_date(row[10]),
            row[11],
            row[12],
            row[13],
            row[14],
            _as_datetime(row[15]),
            _as_datetime(row[16]),
            bool(row[17]),
        )
        for row in cursor.fetchall()
    ]


def get_conversation(conversation_id: int) -> ConversationRecord | None:
    found = _records("WHERE v.id = ?", [conversation_id])
    return found[0] if found else None


def list_conversations(
    target_role_id: int | None = None, outcome: str | None = None, person_id: int | None = None
) -> list[ConversationRecord]:
    conditions: list[str] = []
    parameters: list[object] = []
    for column, value in (
        ("v.target_role_id", target_role_id),
        ("v.outcome", outcome),
        ("v.contact_id", person_id),
    ):
        if value is not None:
            conditions.append(f"{column} = ?")
            parameters.append(value)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    return _records(where, parameters)


_OWED = "WHERE v.stage = 'met' AND v.met_on IS NOT NULL"


def thank_yous_owed(limit: int | None = None) -> list[ConversationRecord]:
    """Met but not thanked, the longest waiting first (the first `limit` of them when a
    limit is given); `thank_you_overdue` marks the late."""
    return _records(_OWED, [-1 if limit is None else limit], order="v.met_on, v.id LIMIT ?")


def count_thank_yous_owed() -> int:
    return int(db.execute_sql(f"SELECT count(*) FROM conversation AS v {_OWED}").fetchone()[0])


def start_conversation(
    person_id: int, target_role_id: int | None = None, *, now: datetime | None = None
) -> ConversationRecord:
    """A new conversation at the "idea" stage with someone already in People."""
    if Contact.get_or_none(Contact.id == person_id) is None:
        raise ValidationError("contact", "Choose who the conversation is with.")
    if (
        target_role_id is not None
        and TargetRole.get_or_none(TargetRole.id == target_role_id) is None
    ):
        raise RecordNotFound(f"target role {target_role_id}")
    now = now or datetime.now()
    with write_transaction():
        new_id = Conversation.insert(
            contact=person_id, target_role=target_role_id, created_at=now, updated_at=now
        ).execute()
    found = get_conversation(int(new_id))
    assert found is not None
    return found


_LABELS = {
    "requested_on": "asked",
    "scheduled_for": "scheduled it",
    "met_on": "met",
    "thanked_on": "thanked them",
}
# Which date may not come before which. A meeting may happen earlier than planned.
_ORDER = (
    ("requested_on", "scheduled_for"),
    ("requested_on", "met_on"),
    ("met_on", "thanked_on"),
    ("requested_on", "thanked_on"),
)


def _check_dates(dates: dict[str, date | None], today: date | None = None) -> None:
    """Asked ≤ scheduled, asked ≤ met ≤ thanked; met and thanked not in the future."""
    for earlier, later in _ORDER:
        first, second = dates.get(earlier), dates.get(later)
        if first is not None and second is not None and second < first:
            raise ValidationError(
                later,
                f"This is before the day you {_LABELS[earlier]} ({first.isoformat()}); "
                "check the dates.",
            )
    if today is not None:
        for column in ("requested_on", "met_on", "thanked_on"):
            day = dates.get(column)
            if day is not None and day > today:
                raise ValidationError(
                    column, "That day hasn't come yet: set it once it has happened."
                )


def update_conversation(
    conversation_id: int, *, now: datetime | None = None, **fields: Any
) -> ConversationRecord:
    """Change fields (not the stage: see `move_to_stage`)."""
    current = get_conversation(conversation_id)
    if current is None:
        raise RecordNotFound(f"conversation {conversation_id}")
    cleaners: dict[str, Any] = {
        "target_role_id": lambda v: v,
        "requested_on": lambda v: v,
        "scheduled_for": lambda v: v,
        "met_on": lambda v: v,
        "thanked_on": lambda v: v,
        "research_notes": lambda v: clean_text("research_notes", v, limit=NOTES_LIMIT),
        "meeting_notes": lambda v: clean_text("meeting_notes", v, limit=NOTES_LIMIT),
        "outcome": lambda v: clean_choice("outcome", v, OUTCOMES),
        "next_step": lambda v: clean_text("next_step", v, limit=NEXT_STEP_LIMIT),
        "led_to_opportunity": bool,
    }
    unknown = set(fields) - set(cleaners)
    if unknown:
        raise TypeError(f"not a conversation field: {sorted(unknown)}")
    cleaned = {name: cleaners[name](value) for name, value in fields.items()}
    dates = {name: cleaned.get(name, getattr(current, name)) for name in _DATES}
    _check_dates(dates, (now or datetime.now()).date())
    if "target_role_id" in cleaned:
        cleaned["target_role"] = cleaned.pop("target_role_id")
    with write_transaction():
        Conversation.update(updated_at=now or datetime.now(), **cleaned).where(
            Conversation.id == conversation_id
        ).execute()
        _follow_dates(conversation_id)
    found = get_conversation(conversation_id)
    assert found is not None
    return found


def _follow_dates(conversation_id: int) -> None:
    """Keep the timeline entries a stage added on the days the conversation says."""
    row = Conversation.get_by_id(conversation_id)
    for link, day in (
        (row.met_interaction_id, row.met_on),
        (row.thanked_interaction_id, row.thanked_on),
    ):
        if link is not None and day is not None:
            Interaction.update(happened_on=day).where(Interaction.id == link).execute()
    interactions.refresh_last_contact(row.contact_id)


def move_to_stage(
    conversation_id: int,
    stage: str,
    *,
    today: date,
    now: datetime | None = None,
    forget_meeting: bool = False,
) -> ConversationRecord:
    """Move to any stage, forwards or back.

    Choosing "requested" remembers the day; choosing "met" (or "thanked", which
    means they met too) remembers the day and logs the matching entry on the
    person's timeline, once. "Closed" changes nothing else: a request that was
    declined is closed without a meeting. Moving back keeps every date and entry
    (they happened); they can be corrected on the Details tab and the timeline.
    """
    clean_choice("stage", stage, STAGES)
    row = Conversation.get_or_none(Conversation.id == conversation_id)
    if row is None:
        raise RecordNotFound(f"conversation {conversation_id}")
    changes: dict[str, Any] = {"stage": stage, "updated_at": now or datetime.now()}
    dates = {name: getattr(row, name) for name in _DATES}
    stamped = {
        "requested": ("requested_on",),
        "met": ("met_on",),
        "thanked": ("met_on", "thanked_on"),
    }.get(stage, ())
    for column in stamped:
        if dates[column] is None:
            dates[column] = today
            changes[column] = today
    _check_dates(dates)
    if forget_meeting and STAGES.index(stage) < STAGES.index("met"):
        # "Met" was chosen by mistake: take back the meeting and the thank-you it implied.
        dates["met_on"] = dates["thanked_on"] = None
        changes.update(met_on=None, thanked_on=None, met_interaction=None, thanked_interaction=None)
    with write_transaction():
        if forget_meeting and STAGES.index(stage) < STAGES.index("met"):
            for link in (row.met_interaction_id, row.thanked_interaction_id):
                if link is not None and Interaction.get_or_none(Interaction.id == link):
                    interactions.delete_interaction(link)
        for column, link, kind, summary in (
            ("met_on", "met_interaction", "informational interview", "Informational interview"),
            ("thanked_on", "thanked_interaction", "thank-you", "Thank-you sent"),
        ):
            if column in stamped and getattr(row, f"{link}_id") is None:
                changes[link] = interactions.log_interaction(
                    row.contact_id,
                    interactions.kind_id(kind),
                    on=dates[column],
                    summary=summary,
                    now=now,
                )
        Conversation.update(**changes).where(Conversation.id == conversation_id).execute()
    found = get_conversation(conversation_id)
    assert found is not None
    return found


def delete_conversation(conversation_id: int) -> dict[str, Any]:
    """Delete a conversation; the person and their timeline stay as they are."""
    row = Conversation.get_or_none(Conversation.id == conversation_id)
    if row is None:
        raise RecordNotFound(f"conversation {conversation_id}")
    snapshot = {
        "conversation": dict(row.__data__),
        "questions": [
            dict(q.__data__)
            for q in ConversationQuestion.select().where(
                ConversationQuestion.conversation == conversation_id
            )
        ],
        "introductions": [
            dict(i.__data__)
            for i in ConversationIntroduction.select().where(
                ConversationIntroduction.conversation == conversation_id
            )
        ],
        "journal_links": journal.links_snapshot(conversation_ids=[conversation_id]),
    }
    with write_transaction():
        row.delete_instance()
    return snapshot


def restore_conversation(snapshot: dict[str, Any]) -> None:
    """Put a deleted conversation back; links to things deleted since are left empty."""
    conversation = dict(snapshot["conversation"])
    if Contact.get_or_none(Contact.id == conversation["contact"]) is None:
        raise RecordNotFound("the person this conversation was with")
    for link in ("met_interaction", "thanked_interaction"):
        if (
            conversation.get(link) is not None
            and Interaction.get_or_none(Interaction.id == conversation[link]) is None
        ):
            conversation[link] = None
    if (
        conversation.get("target_role") is not None
        and TargetRole.get_or_none(TargetRole.id == conversation["target_role"]) is None
    ):
        conversation["target_role"] = None
    with write_transaction():
        Conversation.insert(**conversation).on_conflict_ignore().execute()
        for question in snapshot["questions"]:
            question = dict(question)
            if (
                question.get("question") is not None
                and Question.get_or_none(Question.id == question["question"]) is None
            ):
                question["question"] = None
            ConversationQuestion.insert(**question).on_conflict_ignore().execute()
        for link in snapshot["introductions"]:
            if Contact.get_or_none(Contact.id == link["contact"]) is not None:
                ConversationIntroduction.insert(**link).on_conflict_ignore().execute()
        journal.restore_links(snapshot.get("journal_links", []))


def introduced_through(conversation_id: int) -> list[tuple[int, str]]:
    """The people introduced in this conversation: (id, name)."""
    query = (
        ConversationIntroduction.select(ConversationIntroduction.contact, Contact.name)
        .join(Contact, on=(ConversationIntroduction.contact == Contact.id))
        .where(ConversationIntroduction.conversation == conversation_id)
        .tuples()
    )
    return list(query)


def record_introduction(
    conversation_id: int,
    *,
    existing_id: int | None = None,
    name: str = "",
    on: date | None = None,
    now: datetime | None = None,
) -> int:
    """Someone the contact offered to introduce: linked if already here, else added.

    Either way their "introduced by" is the conversation's contact.
    """
    row = Conversation.get_or_none(Conversation.id == conversation_id)
    if row is None:
        raise RecordNotFound(f"conversation {conversation_id}")
    on = on or (now or datetime.now()).date()
    with write_transaction():
        if existing_id is not None:
            other = Contact.get_or_none(Contact.id == existing_id)
            if other is None:
                raise RecordNotFound(f"person {existing_id}")
            # Someone introduced already keeps who introduced them first.
            if other.introduced_by_id is None:
                interactions.introduce(row.contact_id, existing_id, on=on)
            person_id = existing_id
        else:
            if not name.strip():
                raise ValidationError("who", "Type the name of the person they introduced.")
            person_id = people.add_person(
                name,
                source="introduction",
                introduced_by_id=row.contact_id,
                introduced_on=on,
                now=now,
            ).id
        ConversationIntroduction.insert(
            conversation=conversation_id, contact=person_id
        ).on_conflict_ignore().execute()
    return person_id
