"""Version 3: the Conversations section (informational interviews, the question bank,
outreach templates, events)."""

from __future__ import annotations

from peewee import (
    BooleanField,
    Check,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)
from playhouse.sqlite_ext import AutoIncrementField


def up(database: SqliteDatabase) -> None:
    class Frozen(Model):
        id = AutoIncrementField()

        class Meta:
            legacy_table_names = False

    class Contact(Frozen):
        class Meta:
            table_name = "contact"

    class TargetRole(Frozen):
        class Meta:
            table_name = "target_role"

    class Interaction(Frozen):
        class Meta:
            table_name = "interaction"

    class Conversation(Frozen):
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        target_role = ForeignKeyField(TargetRole, null=True, on_delete="SET NULL")
        stage = TextField(
            default="idea",
            constraints=[
                Check(
                    "stage IN ('idea', 'requested', 'scheduled', 'prepared', 'met', "
                    "'thanked', 'closed')"
                )
            ],
        )
        requested_on = DateField(null=True)
        scheduled_for = DateField(null=True)
        met_on = DateField(null=True)
        thanked_on = DateField(null=True)
        research_notes = TextField(default="")
        meeting_notes = TextField(default="")
        outcome = TextField(
            default="",
            constraints=[Check("outcome IN ('', 'fits', 'doesnt_fit', 'not_sure')")],
        )
        next_step = TextField(default="")
        led_to_opportunity = BooleanField(default=False)
        met_interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
        thanked_interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
        created_at = DateTimeField()
        updated_at = DateTimeField()

    class Question(Frozen):
        category = TextField()
        text = TextField(collation="NOCASE", unique=True)
        retired = BooleanField(default=False)
        created_at = DateTimeField()

    class ConversationQuestion(Frozen):
        conversation = ForeignKeyField(Conversation, on_delete="CASCADE")
        question = ForeignKeyField(Question, null=True, on_delete="SET NULL")
        text = TextField()
        answer = TextField(default="")
        position = IntegerField(default=0)

    class ConversationIntroduction(Model):
        conversation = ForeignKeyField(Conversation, on_delete="CASCADE")
        contact = ForeignKeyField(Contact, on_delete="CASCADE")

        class Meta:
            legacy_table_names = False
            primary_key = False
            indexes = ((("conversation", "contact"), True),)

    class OutreachTemplate(Model):
        key = TextField(primary_key=True)
        label = TextField()
        subject = TextField()
        body = TextField()

        class Meta:
            legacy_table_names = False

    class Event(Frozen):
        name = TextField()
        happened_on = DateField()
        kind = TextField(
            default="meetup",
            constraints=[
                Check(
                    "kind IN ('conference', 'webinar', 'meetup', 'workshop', 'association', "
                    "'other')"
                )
            ],
        )
        place = TextField(default="")
        notes = TextField(default="")
        created_at = DateTimeField()

    class EventPerson(Model):
        event = ForeignKeyField(Event, on_delete="CASCADE")
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")

        class Meta:
            legacy_table_names = False
            primary_key = False
            indexes = ((("event", "contact"), True),)

    models = [
        Conversation,
        Question,
        ConversationQuestion,
        ConversationIntroduction,
        OutreachTemplate,
        Event,
        EventPerson,
    ]
    with database.bind_ctx([Contact, TargetRole, Interaction, *models]):
        database.create_tables(models, safe=False)
