"""The demo notebook: lived-in, varied, current, and the same every time."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from pathfinder.demo import NotebookNotEmpty, build_demo_notebook
from pathfinder.paths import Paths
from pathfinder.services import followups, goals, interactions, organisations, people, roles
from pathfinder.services.network import giving_back, going_cold, who_to_contact_next
from pathfinder.services.why import save_why, why_history
from pathfinder.store.database import close_notebook, open_notebook
from pathfinder.store.models import SOURCES, Contact, FollowUp, Interaction, InteractionKind

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
    assert len(goals.list_goals()) == 3

    everyone = all_people()
    assert 25 <= len(everyone) <= 35
    assert {person.level for person in everyone} == {1, 2, 3}
    assert len({person.source for person in everyone}) >= 8
    assert set(SOURCES) - {person.source for person in everyone} <= {"other"}
    assert any(person.hiring_power and person.target_field for person in everyone)
    assert sum(person.cadence_days is not None for person in everyone) >= 5
    assert sum(bool(person.tags) for person in everyone) >= 10
    assert any("**" in person.notes or "\n- " in person.notes for person in everyone)

    organisation_list = organisations.list_organisations()
    assert 8 <= len(organisation_list) <= 12
    assert 2 <= sum(o.is_target for o in organisation_list) <= 3

    assert 40 <= Interaction.select().count() <= 70
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
    assert 6 <= len(rows) <= 10
    due = followups.due_and_overdue(TODAY)
    assert any(record.due_on < TODAY for record in due)
    assert any(record.due_on == TODAY for record in due)
    assert any(row.done_on is None and row.due_on > TODAY for row in rows)
    assert any(row.done_on is not None for row in rows)


def test_introductions_show_both_ways(notebook: Paths) -> None:
    build_demo_notebook(TODAY)
    introduced = [person for person in all_people() if person.introduced_by_id is not None]
    assert 3 <= len(introduced) <= 4
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
    assert going_cold(TODAY)


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
