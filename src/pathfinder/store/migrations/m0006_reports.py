"""Version 6: the reports the person has shared with their mentor, and settings.

`report_sent` logs every report saved or copied (its period, format and where it
went), so the next report can start where the last one ended; the questions and
next steps written for it are kept with it. `setting` holds small texts the person
writes once and reuses (the draft questions for the mentor, how friends can help).
"""

from __future__ import annotations

from peewee import Check, DateField, DateTimeField, Model, SqliteDatabase, TextField
from playhouse.sqlite_ext import AutoIncrementField

FORMATS = ("md", "html", "pdf", "copy")


def up(database: SqliteDatabase) -> None:
    formats = ", ".join(f"'{name}'" for name in FORMATS)

    class ReportSent(Model):
        id = AutoIncrementField()
        saved_at = DateTimeField(index=True)
        period_start = DateField()
        period_end = DateField()
        format = TextField(constraints=[Check(f"format IN ({formats})")])
        path = TextField(default="")
        questions = TextField(default="")
        next_steps = TextField(default="")

        class Meta:
            table_name = "report_sent"
            legacy_table_names = False

    class Setting(Model):
        key = TextField(primary_key=True)
        value = TextField(default="")

    with database.bind_ctx([ReportSent, Setting]):
        database.create_tables([ReportSent, Setting])
