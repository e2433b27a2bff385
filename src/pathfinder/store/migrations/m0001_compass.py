"""Version 1: the Compass section (why versions, target roles, goals)."""

from __future__ import annotations

from peewee import Check, DateField, DateTimeField, IntegerField, Model, SqliteDatabase, TextField
from playhouse.sqlite_ext import AutoIncrementField


def up(database: SqliteDatabase) -> None:
    class Frozen(Model):
        id = AutoIncrementField()

        class Meta:
            legacy_table_names = False

    class WhyVersion(Frozen):
        written_at = DateTimeField(index=True)
        updated_at = DateTimeField()
        coming_from = TextField(default="")
        going_to = TextField(default="")
        reason = TextField(default="")

    class TargetRole(Frozen):
        title = TextField()
        industry = TextField(default="")
        status = TextField(
            default="exploring",
            constraints=[Check("status IN ('exploring', 'talking', 'fits', 'doesnt_fit')")],
        )
        notes = TextField(default="")
        created_at = DateTimeField()
        updated_at = DateTimeField()

    class Goal(Frozen):
        title = TextField()
        kind = TextField(
            default="other", constraints=[Check("kind IN ('mentor', 'job', 'industry', 'other')")]
        )
        target_number = IntegerField(null=True)
        due_on = DateField(null=True)
        notes = TextField(default="")
        created_at = DateTimeField()
        updated_at = DateTimeField()

    models = [WhyVersion, TargetRole, Goal]
    with database.bind_ctx(models):
        database.create_tables(models, safe=False)
