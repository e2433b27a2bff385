"""Version 5: goals whose progress is counted from the notebook (and an index for Today).

A goal's kind now says what to count (informational interviews, new contacts, journal
entries, things given, a mentor found) or that the person keeps the count by hand
(a job, knowing the industry, anything else); its period says over what (this week,
this month, or from when it was set until its date). SQLite can't change a CHECK
constraint in place, so the table is rebuilt with the same ids and its AUTOINCREMENT
counter carried over.
"""

from __future__ import annotations

from peewee import Check, DateField, DateTimeField, IntegerField, Model, SqliteDatabase, TextField
from playhouse.sqlite_ext import AutoIncrementField

KINDS = ("interviews", "new_people", "journal", "given", "mentor", "job", "industry", "other")
PERIODS = ("week", "month", "total")


def up(database: SqliteDatabase) -> None:
    kinds = ", ".join(f"'{kind}'" for kind in KINDS)
    periods = ", ".join(f"'{period}'" for period in PERIODS)

    class Goal(Model):
        id = AutoIncrementField()
        title = TextField()
        kind = TextField(default="other", constraints=[Check(f"kind IN ({kinds})")])
        period = TextField(default="total", constraints=[Check(f"period IN ({periods})")])
        target_number = IntegerField(null=True)
        progress = IntegerField(null=True)  # kept by hand, for the kinds nothing counts
        due_on = DateField(null=True)
        notes = TextField(default="")
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "goal_new"

    counter = database.execute_sql("SELECT seq FROM sqlite_sequence WHERE name = 'goal'").fetchone()
    with database.bind_ctx([Goal]):
        database.create_tables([Goal], safe=False)
    database.execute_sql(
        "INSERT INTO goal_new (id, title, kind, period, target_number, progress, due_on, "
        "notes, created_at, updated_at) SELECT id, title, kind, 'total', target_number, NULL, "
        "due_on, notes, created_at, updated_at FROM goal"
    )
    database.execute_sql("DROP TABLE goal")
    database.execute_sql("ALTER TABLE goal_new RENAME TO goal")
    # Today counts interactions by week across everyone, and the people added this week.
    database.execute_sql('CREATE INDEX "interaction_happened_on" ON "interaction" ("happened_on")')
    database.execute_sql('CREATE INDEX "contact_created_at" ON "contact" ("created_at")')
    if counter is not None:
        database.execute_sql(
            "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'goal'", (counter[0],)
        )
