"""The notebook's tables, as the current code sees them.

Tables arrive by migration as sections land (see `migrations/`); a test proves
that a freshly migrated notebook matches these models exactly.
Times are the user's local wall-clock time, as they would write it in a diary.
"""

from __future__ import annotations

from peewee import (
    SQL,
    BooleanField,
    Check,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    NodeList,
    TextField,
)
from playhouse.sqlite_ext import AutoIncrementField

from pathfinder.store.database import BaseModel

ROLE_STATUSES = ("exploring", "talking", "fits", "doesnt_fit")
GOAL_KINDS = ("interviews", "new_people", "journal", "given", "mentor", "job", "industry", "other")
GOAL_PERIODS = ("week", "month", "total")


def _one_of(column: str, values: tuple[str, ...]) -> SQL | NodeList:
    listed = ", ".join(f"'{value}'" for value in values)
    return Check(f"{column} IN ({listed})")


class RecordModel(BaseModel):
    """A table whose rows are numbered records (not a table of its own).

    AUTOINCREMENT means an id is never handed out twice, so undoing a delete can
    put a record back under its own id without colliding with a newer one.
    """

    id = AutoIncrementField()


class WhyVersion(RecordModel):
    """One dated version of the person's why; the newest is the current one."""

    written_at = DateTimeField(index=True)
    updated_at = DateTimeField()
    coming_from = TextField(default="")
    going_to = TextField(default="")
    reason = TextField(default="")


class TargetRole(RecordModel):
    title = TextField()
    industry = TextField(default="")
    status = TextField(default="exploring", constraints=[_one_of("status", ROLE_STATUSES)])
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()


class Goal(RecordModel):
    """What the person is aiming for; `kind` says what counts towards it (see
    `services.goals`), `period` over what stretch of time."""

    title = TextField()
    kind = TextField(default="other", constraints=[_one_of("kind", GOAL_KINDS)])
    period = TextField(default="total", constraints=[_one_of("period", GOAL_PERIODS)])
    target_number = IntegerField(null=True)
    progress = IntegerField(null=True)  # kept by hand, for the kinds nothing counts
    due_on = DateField(null=True)
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()


LEVELS = (1, 2, 3)
SOURCES = (
    "former_coworker",
    "current_coworker",
    "collaborator",
    "professor",
    "classmate",
    "friend_family",
    "association",
    "event",
    "online",
    "introduction",
    "other",
)
RELATIONSHIPS = ("mentor", "peer", "hiring_manager", "recruiter", "other")


class Organisation(RecordModel):
    name = TextField(collation="NOCASE", unique=True)
    industry = TextField(default="")
    is_target = BooleanField(default=False)
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()


class Contact(RecordModel):
    """A person in the network. `organisation` and `title` are their current role;
    `last_contact_on` is the newest interaction's date, kept up to date by the services."""

    name = TextField(index=True)
    organisation = ForeignKeyField(Organisation, null=True, on_delete="SET NULL")
    title = TextField(default="")
    email = TextField(default="")
    phone = TextField(default="")
    linkedin_url = TextField(default="")
    location = TextField(default="")
    level = IntegerField(default=3, constraints=[Check("level IN (1, 2, 3)")])
    source = TextField(default="other")
    relationship = TextField(default="other")
    hiring_power = BooleanField(default=False)
    target_field = BooleanField(default=False)
    cadence_days = IntegerField(null=True)
    notes = TextField(default="")
    archived = BooleanField(default=False, index=True)
    introduced_by = ForeignKeyField("self", null=True, on_delete="SET NULL")
    introduced_on = DateField(null=True)
    last_contact_on = DateField(null=True, index=True)
    created_at = DateTimeField(index=True)  # "new people this week" counts by it
    updated_at = DateTimeField()


# Today ranks people by these expressions (services.network); migration 8 makes the
# indexes in the same words.
_CLOCK_START = "julianday(coalesce(last_contact_on, date(created_at)))"
Contact.add_index(Contact.relationship, Contact.archived)  # Today counts mentors in it
Contact.add_index(
    SQL(
        f"CREATE INDEX contact_lapses ON contact (level, {_CLOCK_START} + cadence_days) "
        "WHERE NOT archived AND cadence_days IS NOT NULL"
    )
)
Contact.add_index(
    SQL(
        f"CREATE INDEX contact_clock_start ON contact (level, {_CLOCK_START}) "
        "WHERE NOT archived AND level IS NOT NULL"
    )
)
Contact.add_index(
    SQL(
        f"CREATE INDEX contact_hiring_clock_start ON contact (level, {_CLOCK_START}) "
        "WHERE NOT archived AND hiring_power AND target_field"
    )
)


class Tag(RecordModel):
    name = TextField(collation="NOCASE", unique=True)


class ContactTag(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", index=True)

    class Meta:
        primary_key = CompositeKey("contact", "tag")


class RoleHeld(RecordModel):
    """A role a person holds or held; `ended_on` is None for the current one."""

    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    organisation = ForeignKeyField(Organisation, null=True, on_delete="SET NULL")
    title = TextField(default="")
    started_on = DateField(null=True)
    ended_on = DateField(null=True)


class InteractionKind(RecordModel):
    """An editable kind of interaction; `counts_as` marks the giving-back kinds."""

    name = TextField(collation="NOCASE", unique=True)
    counts_as = TextField(default="", constraints=[Check("counts_as IN ('', 'gave', 'received')")])
    retired = BooleanField(default=False)
    position = IntegerField(default=0)


class Interaction(RecordModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    happened_on = DateField()
    kind = ForeignKeyField(InteractionKind, on_delete="RESTRICT")
    summary = TextField(default="")
    notes = TextField(default="")
    created_at = DateTimeField()

    class Meta:
        indexes = ((("contact", "happened_on"), False), (("happened_on",), False))


class FollowUp(RecordModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    due_on = DateField(index=True)
    reason = TextField(default="")
    done_on = DateField(null=True)
    created_at = DateTimeField()


# Today lists and counts the open follow-ups due (migration 8 makes it in the same words).
FollowUp.add_index(
    SQL("CREATE INDEX follow_up_open_due ON follow_up (due_on) WHERE done_on IS NULL")
)


STAGES = ("idea", "requested", "scheduled", "prepared", "met", "thanked", "closed")
OUTCOMES = ("", "fits", "doesnt_fit", "not_sure")
EVENT_KINDS = ("conference", "webinar", "meetup", "workshop", "association", "other")


class Conversation(RecordModel):
    """An informational interview, from idea to thank-you."""

    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    target_role = ForeignKeyField(TargetRole, null=True, on_delete="SET NULL")
    stage = TextField(default="idea", constraints=[_one_of("stage", STAGES)], index=True)
    requested_on = DateField(null=True)
    scheduled_for = DateField(null=True)
    met_on = DateField(null=True, index=True)  # the week's and month's conversations
    thanked_on = DateField(null=True)
    research_notes = TextField(default="")
    meeting_notes = TextField(default="")
    outcome = TextField(default="", constraints=[_one_of("outcome", OUTCOMES)])
    next_step = TextField(default="")
    led_to_opportunity = BooleanField(default=False)
    met_interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    thanked_interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    created_at = DateTimeField()
    updated_at = DateTimeField()


class Question(RecordModel):
    category = TextField()
    text = TextField(collation="NOCASE", unique=True)
    retired = BooleanField(default=False)
    created_at = DateTimeField()


class ConversationQuestion(RecordModel):
    """A question for one conversation (a copy of the bank's text), with its answer."""

    conversation = ForeignKeyField(Conversation, on_delete="CASCADE")
    question = ForeignKeyField(Question, null=True, on_delete="SET NULL")
    text = TextField()
    answer = TextField(default="")
    position = IntegerField(default=0)


class ConversationIntroduction(BaseModel):
    conversation = ForeignKeyField(Conversation, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, on_delete="CASCADE")

    class Meta:
        primary_key = False
        indexes = ((("conversation", "contact"), True),)


class OutreachTemplate(BaseModel):
    """A template the user edited; the others come from the built-in texts."""

    key = TextField(primary_key=True)
    label = TextField()
    subject = TextField()
    body = TextField()


class Event(RecordModel):
    name = TextField()
    happened_on = DateField()
    kind = TextField(default="meetup", constraints=[_one_of("kind", EVENT_KINDS)])
    place = TextField(default="")
    notes = TextField(default="")
    created_at = DateTimeField()


class EventPerson(BaseModel):
    event = ForeignKeyField(Event, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")

    class Meta:
        primary_key = False
        indexes = ((("event", "contact"), True),)


class JournalEntry(RecordModel):
    """One reflection: Markdown text, with an optional mood and confidence (1 to 5)."""

    written_at = DateTimeField(index=True)
    title = TextField(default="")
    body = TextField(default="")
    mood = IntegerField(null=True, constraints=[Check("mood BETWEEN 1 AND 5")])
    confidence = IntegerField(null=True, constraints=[Check("confidence BETWEEN 1 AND 5")])
    shared = BooleanField(default=False, index=True)  # share with the mentor (in the report)
    prompt = TextField(default="")  # the prompt the entry answers, if it was started from one
    created_at = DateTimeField()
    updated_at = DateTimeField()


class JournalTag(BaseModel):
    entry = ForeignKeyField(JournalEntry, on_delete="CASCADE")
    name = TextField(collation="NOCASE", index=True)

    class Meta:
        primary_key = False
        indexes = ((("entry", "name"), True),)


class JournalLink(RecordModel):
    """An entry mentions one person, conversation or event (exactly one of the three)."""

    entry = ForeignKeyField(JournalEntry, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="CASCADE")
    conversation = ForeignKeyField(Conversation, null=True, on_delete="CASCADE")
    event = ForeignKeyField(Event, null=True, on_delete="CASCADE")

    class Meta:
        constraints = (
            Check(
                "(contact_id IS NOT NULL) + (conversation_id IS NOT NULL) "
                "+ (event_id IS NOT NULL) = 1"
            ),
        )
        indexes = (
            (("entry", "contact"), True),
            (("entry", "conversation"), True),
            (("entry", "event"), True),
        )


class JournalPrompt(RecordModel):
    """A prompt the user wrote; the built-in ones live in `services.journal_texts`."""

    set_key = TextField()
    text = TextField()
    created_at = DateTimeField()


class EntryTemplate(RecordModel):
    """An entry template the user wrote (the built-in ones live in the code)."""

    name = TextField(collation="NOCASE", unique=True)
    body = TextField()
    created_at = DateTimeField()
    updated_at = DateTimeField()


REPORT_FORMATS = ("md", "html", "pdf", "copy")


class ReportSent(RecordModel):
    """A mentor report the person saved (or copied), with the period it covered."""

    saved_at = DateTimeField(index=True)
    period_start = DateField()
    period_end = DateField()
    format = TextField(constraints=[_one_of("format", REPORT_FORMATS)])
    path = TextField(default="")  # where it was saved ('' when copied)
    questions = TextField(default="")  # the questions for the mentor sent with it
    next_steps = TextField(default="")


class Setting(BaseModel):
    """A small text kept by key (see `services.settings`)."""

    key = TextField(primary_key=True)
    value = TextField(default="")


class ImportBatch(RecordModel):
    """One import of a file (see `services.import_plan`); `undone_at` once undone."""

    kind = TextField()
    file_name = TextField(default="")
    imported_at = DateTimeField(index=True)
    undone_at = DateTimeField(null=True)
    summary = TextField(default="")


class ImportChange(RecordModel):
    """A row an import added, or the fields it filled in on an existing row (`previous`)."""

    batch = ForeignKeyField(ImportBatch, on_delete="CASCADE")
    target_table = TextField()
    row_id = IntegerField()
    other_id = IntegerField(null=True)
    action = TextField(constraints=[Check("action IN ('added', 'filled')")])
    previous = TextField(default="")


ALL_MODELS: list[type[BaseModel]] = [
    WhyVersion,
    TargetRole,
    Goal,
    Organisation,
    Contact,
    Tag,
    ContactTag,
    RoleHeld,
    InteractionKind,
    Interaction,
    FollowUp,
    Conversation,
    Question,
    ConversationQuestion,
    ConversationIntroduction,
    OutreachTemplate,
    Event,
    EventPerson,
    JournalEntry,
    JournalTag,
    JournalLink,
    JournalPrompt,
    EntryTemplate,
    ReportSent,
    Setting,
    ImportBatch,
    ImportChange,
]
