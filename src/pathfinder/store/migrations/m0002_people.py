"""Version 2: the People section (organisations, contacts, tags, roles held, interactions,
interaction kinds, follow-ups)."""

from __future__ import annotations

from peewee import (
    BooleanField,
    Check,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)
from playhouse.sqlite_ext import AutoIncrementField

FIRST_KINDS = [
    ("coffee", ""),
    ("call", ""),
    ("video call", ""),
    ("message", ""),
    ("email", ""),
    ("event", ""),
    ("informational interview", ""),
    ("introduction", ""),
    ("thank-you", ""),
    ("gave", "gave"),
    ("received", "received"),
]


def up(database: SqliteDatabase) -> None:
    class Frozen(Model):
        id = AutoIncrementField()

        class Meta:
            legacy_table_names = False

    class Organisation(Frozen):
        name = TextField(collation="NOCASE", unique=True)
        industry = TextField(default="")
        is_target = BooleanField(default=False)
        notes = TextField(default="")
        created_at = DateTimeField()
        updated_at = DateTimeField()

    class Contact(Frozen):
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
        created_at = DateTimeField()
        updated_at = DateTimeField()

    class Tag(Frozen):
        name = TextField(collation="NOCASE", unique=True)

    class ContactTag(Model):
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        tag = ForeignKeyField(Tag, on_delete="CASCADE", index=True)

        class Meta:
            legacy_table_names = False
            primary_key = CompositeKey("contact", "tag")

    class RoleHeld(Frozen):
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        organisation = ForeignKeyField(Organisation, null=True, on_delete="SET NULL")
        title = TextField(default="")
        started_on = DateField(null=True)
        ended_on = DateField(null=True)

    class InteractionKind(Frozen):
        name = TextField(collation="NOCASE", unique=True)
        counts_as = TextField(
            default="", constraints=[Check("counts_as IN ('', 'gave', 'received')")]
        )
        retired = BooleanField(default=False)
        position = IntegerField(default=0)

    class Interaction(Frozen):
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        happened_on = DateField()
        kind = ForeignKeyField(InteractionKind, on_delete="RESTRICT")
        summary = TextField(default="")
        notes = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            indexes = ((("contact", "happened_on"), False),)

    class FollowUp(Frozen):
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        due_on = DateField(index=True)
        reason = TextField(default="")
        done_on = DateField(null=True)
        created_at = DateTimeField()

    models = [
        Organisation,
        Contact,
        Tag,
        ContactTag,
        RoleHeld,
        InteractionKind,
        Interaction,
        FollowUp,
    ]
    with database.bind_ctx(models):
        database.create_tables(models, safe=False)
        for position, (name, counts_as) in enumerate(FIRST_KINDS):
            InteractionKind.insert(name=name, counts_as=counts_as, position=position).execute()
