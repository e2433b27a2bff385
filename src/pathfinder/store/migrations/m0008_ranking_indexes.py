"""Version 8: indexes for Today, so it reads only what it shows, even with 30,000 people.

Plain ones first: Today counts mentors (`contact.relationship`, with `archived` so the
count reads the index alone), the conversations
of a week or a month (`conversation.met_on`) and the thank-yous owed
(`conversation.stage`), and the follow-ups due (`follow_up_open_due`, only the open
ones, by due day).

Then three on expressions, so Today ranks people without reading them all.

"Going cold" ranks people with a stay-in-touch cadence by level, then by the day
their cadence lapses (the last interaction, or the day they were added, plus the
cadence); "who to contact next" ranks by level, then by that first day alone, first
among the few with hiring power in the target field (an index of their own), then
among everyone.
With these indexes SQLite reads the people in that order and stops after the few
shown, instead of working out a date for each of 30,000 people. The expressions
are the ones `services.network` queries with, word for word: SQLite uses an index
on an expression only for the very same expression.

Both are partial, for people not archived. SQLite may take a partial index for any
query whose conditions include the index's own, and did: the count of mentors read
30,000 people through the second one instead of the table, four times as slow. So
each index also has a condition only its own queries write: `cadence_days IS NOT
NULL`, `level IS NOT NULL` (always true), and `hiring_power AND target_field`.
"""

from __future__ import annotations

from peewee import SqliteDatabase

CLOCK_START = "julianday(coalesce(last_contact_on, date(created_at)))"


def up(database: SqliteDatabase) -> None:
    database.execute_sql(
        'CREATE INDEX "contact_relationship_archived" ON "contact" ("relationship", "archived")'
    )
    database.execute_sql('CREATE INDEX "conversation_stage" ON "conversation" ("stage")')
    database.execute_sql('CREATE INDEX "conversation_met_on" ON "conversation" ("met_on")')
    database.execute_sql(
        "CREATE INDEX follow_up_open_due ON follow_up (due_on) WHERE done_on IS NULL"
    )
    database.execute_sql(
        f"CREATE INDEX contact_lapses ON contact (level, {CLOCK_START} + cadence_days) "
        "WHERE NOT archived AND cadence_days IS NOT NULL"
    )
    database.execute_sql(
        f"CREATE INDEX contact_clock_start ON contact (level, {CLOCK_START}) "
        "WHERE NOT archived AND level IS NOT NULL"
    )
    database.execute_sql(
        f"CREATE INDEX contact_hiring_clock_start ON contact (level, {CLOCK_START}) "
        "WHERE NOT archived AND hiring_power AND target_field"
    )
