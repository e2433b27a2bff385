"""Today's lists and figures on a fixed date."""

from __future__ import annotations

from datetime import date, datetime

from pathfinder.paths import Paths
from pathfinder.services import (
    conversations,
    followups,
    goals,
    interactions,
    journal,
    people,
)
from pathfinder.services.today import activity, today_view
from pathfinder.services.why import save_why

NOW = datetime(2026, 3, 4, 20, 0)  # a Wednesday
TODAY = NOW.date()


def test_a_first_run_has_nothing_yet(notebook: Paths) -> None:
    view = today_view(TODAY)
    assert (view.why, view.people, view.follow_ups, view.going_cold) == ("", 0, [], [])
    assert [figure.words for figure in view.week] == [
        "0 conversations",
        "0 new people",
        "0 things given",
        "0 journal entries",
    ]


def test_todays_lists_on_a_fixed_date(notebook: Paths) -> None:
    save_why("Teaching", "UX research in education", "", now=datetime(2026, 1, 5, 20))
    early = datetime(2026, 1, 5, 20)
    ana = people.add_person("Ana Ruiz", now=early, level=1, cadence_days=14)
    ben = people.add_person("Ben Ode", now=early, level=3, cadence_days=30)
    cara = people.add_person(
        "Cara Lim", now=early, hiring_power=True, target_field=True, organisation="Acme"
    )
    people.add_person("Dan New", now=NOW)  # added this week, level 3
    followups.add_follow_up(ana.id, date(2026, 3, 1), "Send the article", now=early)
    followups.add_follow_up(ben.id, date(2026, 3, 20), "Later", now=early)
    talk = conversations.start_conversation(cara.id, now=early)
    conversations.move_to_stage(talk.id, "met", today=date(2026, 3, 2), now=NOW)
    interactions.log_interaction(ben.id, interactions.kind_id("gave"), on=TODAY, now=NOW)
    journal.add_entry(NOW, body="Wednesday thoughts")
    goals.add_goal("Two conversations a week", "interviews", 2, now=early, period="week")

    view = today_view(TODAY)
    assert view.why == "UX research in education"
    assert [(f.person_name, f.reason) for f in view.follow_ups] == [
        ("Ana Ruiz", "Send the article")
    ]
    assert view.follow_ups_due == 1
    assert [c.person_name for c in view.thank_yous] == ["Cara Lim"]
    # Ana (inner circle, 14-day rhythm, never contacted since January) is going cold; Ben
    # was just given something.
    assert [s.name for s in view.going_cold] == ["Ana Ruiz"]
    # Cara has hiring power in the target field; Ben has a follow-up planned, so he waits.
    assert view.contact_next[0].name == "Cara Lim"
    assert "Ben Ode" not in [s.name for s in view.contact_next]
    assert [figure.words for figure in view.week] == [
        "1 conversation (goal: 2)",
        "1 new person",
        "1 thing given",
        "1 journal entry",
    ]
    [progress] = view.goals
    assert progress.words == "1 this week (goal: 2) · on track"


def test_activity_counts_weeks_outcomes_and_giving(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=datetime(2026, 1, 5, 20))
    kind = interactions.kind_id("coffee")
    interactions.log_interaction(ana.id, kind, on=date(2026, 3, 2), now=NOW)
    interactions.log_interaction(ana.id, kind, on=date(2026, 2, 24), now=NOW)
    interactions.log_interaction(ana.id, interactions.kind_id("received"), on=TODAY, now=NOW)
    journal.add_entry(NOW, body="x")
    talk = conversations.start_conversation(ana.id, now=NOW)
    conversations.update_conversation(talk.id, now=NOW, outcome="doesnt_fit")
    result = activity(TODAY, weeks=3)
    assert result.weeks == (
        (date(2026, 2, 16), 0),
        (date(2026, 2, 23), 1),
        (date(2026, 3, 2), 3),
    )
    assert result.outcomes == {"fits": 0, "doesnt_fit": 1, "not_sure": 0}
    assert (result.giving.gave, result.giving.received) == (0, 1)


def test_today_reads_no_big_table_from_end_to_end(notebook: Paths) -> None:
    """With 30,000 people every query Today makes goes through an index: none reads a
    whole table of people, conversations, follow-ups or interactions."""
    import re

    from pathfinder.store.database import db

    for goal_kind in ("interviews", "journal", "new_people", "given"):
        goals.add_goal(f"A {goal_kind} goal", goal_kind, 2, now=NOW, period="week")
    goals.add_goal("Find a mentor", "mentor", now=NOW)
    ana = people.add_person("Ana Ruiz", now=NOW, hiring_power=True, target_field=True)
    talk = conversations.start_conversation(ana.id, now=NOW)
    conversations.move_to_stage(talk.id, "met", today=TODAY, now=NOW)
    followups.add_follow_up(ana.id, TODAY, "Call back")
    connection = db.connection()
    asked: list[str] = []
    connection.set_trace_callback(asked.append)
    try:
        today_view(TODAY)
    finally:
        connection.set_trace_callback(None)
    big = {"contact", "conversation", "follow_up", "interaction", "journal_entry"}
    scans = []
    for sql in (sql for sql in asked if sql.lstrip().upper().startswith("SELECT")):
        aliases = {
            alias: table
            for table, alias in re.findall(r'(?:FROM|JOIN) "?(\w+)"? AS "?(\w+)"?', sql)
        }
        for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}"):
            words = str(row[3]).split()
            if words[0] == "SCAN" and "INDEX" not in words:
                table = aliases.get(words[1], words[1])
                if table in big:
                    scans.append((table, " ".join(sql.split())[:100]))
    assert len(asked) > 10
    assert scans == []
