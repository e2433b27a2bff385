"""The demo notebook: lived-in, varied, current, and the same every time."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from pathfinder.demo import NotebookNotEmpty, build_demo_notebook
from pathfinder.paths import Paths
from pathfinder.services import (
    conversation_figures,
    conversations,
    events,
    followups,
    goals,
    interactions,
    organisations,
    people,
    questions,
    roles,
)
from pathfinder.services.network import giving_back, going_cold, who_to_contact_next
from pathfinder.services.why import save_why, why_history
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.models import (
    EVENT_KINDS,
    RELATIONSHIPS,
    SOURCES,
    STAGES,
    Contact,
    FollowUp,
    Interaction,
    InteractionKind,
)

TODAY = date(2026, 11, 21)


def all_people() -> list[people.Person]:
    return people.get_people(row.id for row in Contact.select(Contact.id))


def test_the_demo_fills_every_part_of_the_notebook(notebook: Paths) -> None:
    build_demo_notebook(TODAY)

    history = why_history()
    assert len(history) >= 2
    assert len({version.written_at.date() for version in history}) == len(history)
    assert history[-1].written_at.date() <= TODAY - timedelta(days=60)

    role_list = roles.list_roles()
    assert 4 <= len(role_list) <= 5
    assert {"exploring", "talking", "doesnt_fit"} <= {role.status for role in role_list}
    doesnt_fit = next(role for role in role_list if role.status == "doesnt_fit")
    assert "finding" in doesnt_fit.notes
    assert len(goals.list_goals()) == 5

    everyone = all_people()
    assert 55 <= len(everyone) <= 65
    levels = Counter(person.level for person in everyone)
    assert set(levels) == {1, 2, 3}
    # A few close people, more who know her, most of all new contacts.
    assert 5 <= levels[1] < levels[2] < levels[3]
    assert len({person.source for person in everyone}) >= 8
    assert set(SOURCES) - {person.source for person in everyone} <= {"other"}
    assert any(person.hiring_power and person.target_field for person in everyone)
    assert sum(person.hiring_power for person in everyone) >= 6
    assert set(RELATIONSHIPS) <= {person.relationship for person in everyone}
    assert sum(person.cadence_days is not None for person in everyone) >= 15
    assert sum(bool(person.tags) for person in everyone) >= 30
    assert len({person.name for person in everyone}) == len(everyone)
    assert any("**" in person.notes or "\n- " in person.notes for person in everyone)

    organisation_list = organisations.list_organisations()
    assert len(organisation_list) == 12
    assert 2 <= sum(o.is_target for o in organisation_list) <= 3
    # Everyone works somewhere in the notebook but a few (family, the retired, a freelancer),
    # and every organisation has at least two people there.
    assert 1 <= sum(not person.organisation for person in everyone) <= 5
    there = Counter(person.organisation for person in everyone if person.organisation)
    assert set(there) == {o.name for o in organisation_list}
    assert min(there.values()) >= 2

    assert 100 <= Interaction.select().count() <= 180
    used_kinds = {
        name
        for (name,) in InteractionKind.select(InteractionKind.name)
        .join(Interaction)
        .distinct()
        .tuples()
    }
    assert {"informational interview", "gave", "received", "thank-you"} <= used_kinds
    totals = giving_back()
    assert totals.gave > 0
    assert totals.received > 0


def test_follow_ups_are_overdue_due_today_later_and_done(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    rows = list(FollowUp.select())
    assert 12 <= len(rows) <= 20
    due = followups.due_and_overdue(TODAY)
    assert any(record.due_on < TODAY for record in due)
    assert any(record.due_on == TODAY for record in due)
    assert any(row.done_on is None and row.due_on > TODAY for row in rows)
    assert any(row.done_on is not None for row in rows)


def test_introductions_show_both_ways(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    introduced = [person for person in all_people() if person.introduced_by_id is not None]
    assert len(introduced) >= 10
    # Introductions come from several people, and one leads on to the next.
    introducers = {person.introduced_by_id for person in introduced}
    assert len(introducers) >= 8
    assert introducers & {person.id for person in introduced}
    # Some were added as introductions, some were introduced after being added.
    assert {person.source for person in introduced} - {"introduction"}
    assert any(person.source == "introduction" for person in introduced)
    for person in introduced:
        assert person.introduced_by_id is not None
        theirs = interactions.timeline(person.id)
        assert any(entry.what == "introduced_by" for entry in theirs)
        introducer = interactions.timeline(person.introduced_by_id)
        assert any(
            entry.what == "introduced" and entry.other_person_id == person.id
            for entry in introducer
        )


def test_some_people_moved_jobs(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    moved = [
        roles_held
        for person in all_people()
        if len(roles_held := organisations.roles_of(person.id)) >= 2
    ]
    assert len(moved) >= 2
    for roles_held in moved:
        current, earlier = roles_held[0], roles_held[1]
        assert current.ended_on is None
        assert earlier.ended_on is not None
        assert earlier.ended_on <= TODAY


def test_today_has_something_to_do(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    suggestions = who_to_contact_next(TODAY)
    assert len(suggestions) == 5
    assert all(suggestion.reason for suggestion in suggestions)
    assert suggestions[0].reason.startswith("hiring power · target field")
    assert any("not contacted yet" in suggestion.reason for suggestion in suggestions)
    cold = going_cold(TODAY)
    assert 4 <= len(cold) <= 8
    closest = people.get_person(cold[0].person_id)
    assert closest is not None and closest.level == 1


def test_everything_is_dated_in_the_past_six_months(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    oldest = TODAY - timedelta(days=200)
    added = {person.id: person.created_at.date() for person in all_people()}
    assert all(oldest <= day < TODAY for day in added.values())
    for row in Interaction.select():
        assert oldest <= row.happened_on < TODAY
        assert row.happened_on >= added[row.contact_id], row.summary
    for version in why_history():
        assert oldest <= version.written_at.date() < TODAY


def test_interactions_are_spread_over_the_last_four_months(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    rows = list(Interaction.select(Interaction.happened_on, Interaction.kind))
    weeks = Counter((TODAY - row.happened_on).days // 7 for row in rows)
    assert all(weeks[week] for week in range(17)), weeks  # every week of the last 17
    for month in range(4):
        in_month = [row for row in rows if (TODAY - row.happened_on).days // 30 == month]
        assert len(in_month) >= 15, month
        assert len({row.kind_id for row in in_month}) >= 6, month


DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2}(?:\.\d+)?)?")
# The only dates that may be today or later: what is planned. Everything that happened did so
# before the day the demo is built.
PLANNED = {("conversation", "scheduled_for"), ("follow_up", "due_on"), ("goal", "due_on")}


def every_date(today: date) -> list[tuple[str, str, int, int, str]]:
    """Every date stored in the notebook as (table, column, row, days after `today`, time).

    The question bank is left out: it is filled when first read, at the computer's clock,
    and is not part of Maya's story."""
    tables = [
        name
        for (name,) in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
            "AND name NOT LIKE 'search_index%' AND name != 'question' ORDER BY name"
        )
    ]
    found = []
    for table in tables:
        cursor = db.execute_sql(f'SELECT * FROM "{table}" ORDER BY rowid')
        columns = [column[0] for column in cursor.description]
        for number, values in enumerate(cursor.fetchall()):
            for column, value in zip(columns, values, strict=True):
                if isinstance(value, str) and DATE.fullmatch(value):
                    days = (date.fromisoformat(value[:10]) - today).days
                    found.append((table, column, number, days, value[10:]))
    return found


def test_every_date_moves_with_today_and_only_plans_lie_ahead(
    notebook: Paths, tmp_path: Path
) -> None:
    build_demo_notebook(TODAY)
    first = every_date(TODAY)
    assert len(first) > 500
    assert {(table, column) for table, column, _row, days, _time in first if days >= 0} == PLANNED
    assert min(days for _table, _column, _row, days, _time in first) >= -200
    close_notebook()
    other = Paths(tmp_path / "other")
    other.ensure()
    open_notebook(other.database, other.backups_dir)
    later = date(2027, 3, 1)
    build_demo_notebook(later)
    assert every_date(later) == first


def logged(person_id: int) -> list[tuple[date, str]]:
    """A person's interactions as (day, kind)."""
    query = (
        Interaction.select(Interaction.happened_on, InteractionKind.name)
        .join(InteractionKind)
        .where(Interaction.contact == person_id)
        .tuples()
    )
    return list(query)


def test_conversations_are_in_every_stage_with_real_outcomes(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    listed = conversations.list_conversations()
    assert 9 <= len(listed) <= 12
    assert {c.stage for c in listed} == set(STAGES)
    assert sum(c.target_role_id is not None for c in listed) >= 5
    assert {"fits", "doesnt_fit", "not_sure"} <= {c.outcome for c in listed}
    doesnt_fit = next(c for c in listed if c.outcome == "doesnt_fit")
    assert doesnt_fit.meeting_notes and doesnt_fit.target_role
    assert any("## " in c.meeting_notes for c in listed)
    assert sum(bool(c.research_notes) for c in listed) >= 8
    assert sum(bool(c.next_step) for c in listed) >= 8
    # Stages move forwards in time, and nothing met or thanked lies in the future.
    for c in listed:
        days = [d for d in (c.requested_on, c.scheduled_for, c.met_on, c.thanked_on) if d]
        assert days == sorted(days), c.title
        for day in (c.requested_on, c.met_on, c.thanked_on):
            assert day is None or day < TODAY, c.title
    assert any(
        c.stage in ("scheduled", "prepared") and c.scheduled_for and c.scheduled_for > TODAY
        for c in listed
    )
    assert len({c.met_on for c in listed if c.met_on}) >= 5


def test_thank_yous_are_owed_one_late_one_on_time(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    owed = conversations.thank_yous_owed()
    assert any(c.thank_you_overdue(TODAY) for c in owed)
    assert any(
        c.met_on == TODAY - timedelta(days=1) and not c.thank_you_overdue(TODAY) for c in owed
    )


def test_meeting_and_thanking_show_on_the_timeline_once(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    for c in conversations.list_conversations():
        entries = logged(c.person_id)
        if c.met_on:
            assert entries.count((c.met_on, "informational interview")) == 1, c.title
        if c.thanked_on:
            assert entries.count((c.thanked_on, "thank-you")) == 1, c.title
    # Nothing is logged twice: no one has two entries of the same kind on one day.
    seen = [(row.contact_id, row.happened_on, row.kind_id) for row in Interaction.select()]
    assert len(seen) == len(set(seen))


def test_questions_are_asked_and_answered(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    for c in conversations.list_conversations():
        asked = questions.questions_of(c.id)
        if c.stage in ("met", "thanked", "closed"):
            assert len(asked) >= 2, c.title
            assert all(q.answer for q in asked), c.title
        if c.stage == "prepared":
            assert asked and not any(q.answer for q in asked)
    every = [q for c in conversations.list_conversations() for q in questions.questions_of(c.id)]
    assert any(q.question_id is None for q in every)
    assert sum(q.times_used > 0 for q in questions.question_bank()) >= 10


def test_events_have_the_people_met_there(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    listed = events.list_events()
    assert 3 <= len(listed) <= 4
    assert len({event.kind for event in listed}) == len(listed)
    assert {event.kind for event in listed} <= set(EVENT_KINDS)
    for event in listed:
        assert event.people, event.name
        assert event.happened_on < TODAY
        for person_id, _name in event.people:
            assert (event.happened_on, "event") in logged(person_id)
    met_somewhere = {person_id for event in listed for person_id, _name in event.people}
    assert any(
        person.source == "event" and person.id in met_somewhere
        for person in people.get_people(met_somewhere)
    )


def test_conversations_lead_to_introductions(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    linked = [
        (c, person_id)
        for c in conversations.list_conversations()
        for person_id, _name in conversations.introduced_through(c.id)
    ]
    assert len(linked) == 2
    for c, person_id in linked:
        person = people.get_person(person_id)
        assert person is not None and person.introduced_by_id == c.person_id
    assert any(
        person.source == "introduction" for person in people.get_people(i for _c, i in linked)
    )
    assert conversation_figures.figures(TODAY).introductions == 2


def snapshot(today: date) -> list[tuple[object, ...]]:
    """The demo's content with dates turned into days before `today`."""

    def days(day: date | None) -> int | None:
        return None if day is None else (today - day).days

    rows: list[tuple[object, ...]] = [
        (version.coming_from, days(version.written_at.date())) for version in why_history()
    ]
    rows += [
        (p.name, p.level, p.source, p.organisation, p.title, p.tags, days(p.last_contact_on))
        for p in sorted(all_people(), key=lambda p: p.name)
    ]
    rows += [
        (row.contact.name, days(row.happened_on), row.summary)
        for row in Interaction.select().order_by(Interaction.id)
    ]
    rows += [
        (row.contact.name, days(row.due_on), days(row.done_on), row.reason)
        for row in FollowUp.select().order_by(FollowUp.id)
    ]
    for c in conversations.list_conversations():
        rows.append(
            (
                c.person_name,
                c.target_role,
                c.stage,
                days(c.requested_on),
                days(c.scheduled_for),
                days(c.met_on),
                days(c.thanked_on),
                c.outcome,
                c.meeting_notes,
                c.next_step,
            )
        )
        rows += [(q.question_id, q.text, q.answer) for q in questions.questions_of(c.id)]
        rows += [(name,) for _id, name in conversations.introduced_through(c.id)]
    rows += [
        (event.name, event.kind, days(event.happened_on), [name for _id, name in event.people])
        for event in events.list_events()
    ]
    return rows


def test_the_demo_is_the_same_every_time_relative_to_today(notebook: Paths, tmp_path: Path) -> None:
    build_demo_notebook(TODAY)
    first = snapshot(TODAY)
    close_notebook()
    other = Paths(tmp_path / "other")
    other.ensure()
    open_notebook(other.database, other.backups_dir)
    later = date(2027, 3, 1)
    build_demo_notebook(later)
    assert snapshot(later) == first


def test_the_demo_never_mixes_into_a_notebook_in_use(notebook: Paths) -> None:
    save_why("Nurse", "Health-tech sales", "People")
    with pytest.raises(NotebookNotEmpty):
        build_demo_notebook(TODAY)
    assert len(why_history()) == 1
    assert people.people_count() == 0
