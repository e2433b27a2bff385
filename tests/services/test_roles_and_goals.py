"""Target roles and goals: adding, editing, deleting with undo, and what is refused."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pathfinder.paths import Paths
from pathfinder.services import goals, roles
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError

NOW = datetime(2026, 3, 2, 19, 30)


def test_a_role_is_added_edited_and_listed(notebook: Paths) -> None:
    role = roles.add_role("  UX researcher ", "Edtech", now=NOW)
    assert (role.title, role.industry, role.status) == ("UX researcher", "Edtech", "exploring")
    later = datetime(2026, 3, 9, 9, 0)
    updated = roles.update_role(role.id, status="doesnt_fit", notes="Too much travel", now=later)
    assert updated.status_label == "Doesn't fit me"
    assert updated.updated_at == later
    assert [r.title for r in roles.list_roles()] == ["UX researcher"]


def test_a_role_needs_a_title_and_a_known_status(notebook: Paths) -> None:
    with pytest.raises(ValidationError) as raised:
        roles.add_role("   ", now=NOW)
    assert raised.value.field == "title"
    with pytest.raises(ValidationError):
        roles.add_role("Analyst", status="maybe", now=NOW)
    assert roles.list_roles() == []


def test_a_failed_edit_leaves_the_saved_role_alone(notebook: Paths) -> None:
    role = roles.add_role("Analyst", now=NOW)
    with pytest.raises(ValidationError):
        roles.update_role(role.id, title="", notes="new notes", now=NOW)
    kept = roles.get_role(role.id)
    assert kept is not None and (kept.title, kept.notes) == ("Analyst", "")


def test_a_deleted_role_comes_back_exactly(notebook: Paths) -> None:
    role = roles.add_role("Analyst", "Health", "talking", "Met two", now=NOW)
    snapshot = roles.delete_role(role.id)
    assert roles.list_roles() == []
    roles.restore_role(snapshot)
    assert roles.list_roles() == [role]
    with pytest.raises(RecordNotFound):
        roles.update_role(999, title="x", now=NOW)


def test_a_goal_keeps_its_kind_number_and_date(notebook: Paths) -> None:
    goal = goals.add_goal("Five informational interviews", "industry", 5, date(2026, 6, 1), now=NOW)
    assert (goal.kind_label, goal.target_number, goal.due_on) == (
        "Learn the industry",
        5,
        date(2026, 6, 1),
    )
    mentor = goals.add_goal("Find a mentor", "mentor", now=NOW)
    assert mentor.target_number is None and mentor.due_on is None
    goals.update_goal(goal.id, target_number=None, due_on=None, now=NOW)
    reloaded = goals.get_goal(goal.id)
    assert reloaded is not None and reloaded.target_number is None and reloaded.due_on is None
    assert [g.title for g in goals.list_goals()] == [
        "Five informational interviews",
        "Find a mentor",
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x", "kind": "fame"}, "kind"),
        ({"title": "x", "target_number": 0}, "target_number"),
        ({"title": "x", "target_number": -3}, "target_number"),
        ({"title": "x", "due_on": date(1066, 10, 14)}, "due_on"),
    ],
)
def test_impossible_goals_are_refused(notebook: Paths, fields: dict, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        goals.add_goal(now=NOW, **fields)
    assert raised.value.field == field
    assert goals.list_goals() == []


def test_a_deleted_goal_comes_back(notebook: Paths) -> None:
    goal = goals.add_goal("Land a job", "job", now=NOW)
    goals.restore_goal(goals.delete_goal(goal.id))
    assert goals.list_goals() == [goal]


def test_undoing_a_role_delete_links_its_conversations_again(notebook: Paths) -> None:
    from pathfinder.services import conversations, people

    ana = people.add_person("Ana Ruiz", now=NOW)
    role = roles.add_role("UX researcher", now=NOW)
    talk = conversations.start_conversation(ana.id, role.id, now=NOW)
    snapshot = roles.delete_role(role.id)
    assert conversations.get_conversation(talk.id).target_role_id is None
    roles.restore_role(snapshot)
    assert conversations.get_conversation(talk.id).target_role_id == role.id


def test_the_kinds_pathfinder_logs_itself_keep_their_names(notebook: Paths) -> None:
    from pathfinder.services import interactions
    from pathfinder.services.validation import ValidationError

    meeting = interactions.kind_id("informational interview")
    with pytest.raises(ValidationError) as refused:
        interactions.rename_kind(meeting, "chat")
    assert "keeps its name" in refused.value.message
    coffee = interactions.kind_id("coffee")
    interactions.rename_kind(coffee, "espresso")
    assert interactions.kind_id("espresso") == coffee


def test_progress_is_counted_from_the_notebook_and_paced(notebook: Paths) -> None:
    from pathfinder.services import conversations, interactions, journal, people

    monday = datetime(2026, 3, 2, 9, 0)  # a Monday
    wednesday = date(2026, 3, 4)
    weekly = goals.add_goal("Write twice a week", "journal", 2, now=monday, period="week")
    journal.add_entry(monday, body="one")
    progress = goals.progress_of(weekly, wednesday)
    assert (progress.done, progress.target, progress.status) == (1, 2, "on_track")
    assert progress.words == "1 this week (goal: 2) · on track"
    assert goals.progress_of(weekly, date(2026, 3, 8)).status == "behind"  # Sunday, still 1
    journal.add_entry(monday, body="two")
    assert goals.progress_of(weekly, wednesday).status == "done"
    # Last week's entries don't count this week.
    assert goals.progress_of(weekly, date(2026, 3, 9)).done == 0

    talks = goals.add_goal(
        "Ten informational interviews", "interviews", 10, date(2026, 5, 31), now=monday
    )
    ana = people.add_person("Ana", now=monday)
    talk = conversations.start_conversation(ana.id, now=monday)
    conversations.move_to_stage(talk.id, "met", today=wednesday, now=datetime(2026, 3, 4, 20))
    early = goals.progress_of(talks, wednesday)
    assert (early.done, early.status) == (1, "on_track")
    late = goals.progress_of(talks, date(2026, 5, 1))
    assert late.status == "behind" and late.expected is not None and late.expected > 6

    mentor = goals.add_goal("Find a mentor", "mentor", now=monday)
    assert goals.progress_of(mentor, wednesday).status == "behind" or (
        goals.progress_of(mentor, wednesday).status == "open"
    )
    people.update_person(ana.id, now=monday, relationship="mentor")
    assert goals.progress_of(mentor, wednesday).status == "done"

    given = goals.add_goal("Give back", "given", 1, now=monday, period="month")
    interactions.log_interaction(
        ana.id, interactions.kind_id("gave"), on=wednesday, now=datetime(2026, 3, 4, 20)
    )
    assert goals.progress_of(given, wednesday).words == "1 this month (goal: 1) · done"

    job = goals.add_goal("Land a job", "job", 3, now=monday, progress=1)
    assert goals.progress_of(job, wednesday).words == "1 of 3"
    with pytest.raises(ValidationError):
        goals.update_goal(job.id, now=monday, progress=-1)


def test_progress_edge_cases(notebook: Paths) -> None:
    from pathfinder.services import conversations, people, people_bulk

    made = datetime(2026, 1, 5, 9)
    # A goal with a date counts what happened by then; afterwards it says the date passed.
    january = goals.add_goal("Five talks in January", "interviews", 5, date(2026, 1, 31), now=made)
    ana = people.add_person("Ana", now=made)
    talk = conversations.start_conversation(ana.id, now=made)
    conversations.move_to_stage(talk.id, "met", today=date(2026, 2, 10), now=datetime(2026, 2, 10))
    late = goals.progress_of(january, date(2026, 3, 1))
    assert (late.done, late.status) == (0, "ended")
    assert late.words == "0 of 5 · its date has passed"
    # A mentor who was archived no longer counts, and a mentor goal has no week.
    mentor = goals.add_goal("A mentor", "mentor", now=made, period="week")
    assert mentor.period == "total"
    people.update_person(ana.id, now=made, relationship="mentor")
    assert goals.progress_of(mentor, date(2026, 3, 1)).done == 1
    people_bulk.set_archived([ana.id], True, now=made)
    assert goals.progress_of(mentor, date(2026, 3, 1)).done == 0
    # A count kept by hand is for the whole stretch, and survives a change of kind.
    job = goals.add_goal("Applications", "job", 10, now=made, period="month", progress=6)
    assert job.period == "total"
    goals.update_goal(job.id, now=made, kind="journal", progress=6)
    back = goals.update_goal(job.id, now=made, kind="job", progress=6)
    assert goals.progress_of(back, date(2026, 3, 1)).words == "6 of 10"
