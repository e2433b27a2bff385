"""Who to contact next, going cold, in the order the advice gives."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from pathfinder.paths import Paths
from pathfinder.services import followups, interactions, organisations, people, people_bulk
from pathfinder.services.network import going_cold, who_to_contact_next
from pathfinder.store.database import db

ADDED = datetime(2026, 1, 1, 9, 0)
TODAY = date(2026, 3, 16)


def add(name: str, **fields) -> int:
    return people.add_person(name, now=ADDED, **fields).id


def test_who_to_contact_next_follows_the_advice(notebook: Paths) -> None:
    coffee = interactions.kind_id("coffee")
    target_org = add("At target org", organisation="Acme Health", level=2)
    acme = organisations.find_or_create_organisation("Acme Health")
    assert acme is not None
    organisations.update_organisation(acme, is_target=True)
    hiring_far = add("Hiring, long ago", hiring_power=True, target_field=True, level=3)
    hiring_near = add("Hiring, recent", hiring_power=True, target_field=True, level=3)
    interactions.log_interaction(hiring_near, coffee, on=date(2026, 3, 1))
    hiring_close = add("Hiring, inner circle", hiring_power=True, target_field=True, level=1)
    interactions.log_interaction(hiring_close, coffee, on=date(2026, 3, 10))
    hiring_only = add("Hiring, other field", hiring_power=True, level=1)
    inner = add("Inner circle friend", level=1)
    planned = add("Has a plan", hiring_power=True, target_field=True, level=1)
    followups.add_follow_up(planned, date(2026, 4, 1), "Coffee in April")
    done_plan = add("Plan done", hiring_power=True, target_field=True, level=1)
    finished = followups.add_follow_up(done_plan, date(2026, 4, 1), "Finished early")
    followups.mark_done(finished.id, TODAY)
    due_today = add("Due today", hiring_power=True, target_field=True, level=1)
    followups.add_follow_up(due_today, TODAY, "Call back")
    archived = add("Archived", hiring_power=True, target_field=True, level=1)
    people_bulk.set_archived([archived], True)

    ranked = who_to_contact_next(TODAY, limit=10)
    assert [s.person_id for s in ranked] == [
        due_today,  # a follow-up due today is not a plan for later: still suggested
        done_plan,  # a finished follow-up does not count either
        hiring_close,  # hiring power in the target field, inner circle
        hiring_far,  # same group, new contact, longest since contact (never)
        hiring_near,
        target_org,  # at a target organisation
        hiring_only,  # everyone else: inner circle first, then by name
        inner,
    ]
    assert ranked[2].reason == "hiring power · target field · 6 days since last contact"
    assert ranked[3].reason == "hiring power · target field · not contacted yet"
    assert ranked[5].reason.startswith("at Acme Health, a target organisation")
    assert len(who_to_contact_next(TODAY)) == 5


def test_going_cold_lists_the_closest_first(notebook: Paths) -> None:
    coffee = interactions.kind_id("coffee")
    far = add("Level three", level=3, cadence_days=14)
    near = add("Level one", level=1, cadence_days=30)
    fresh = add("Recently seen", level=1, cadence_days=30)
    interactions.log_interaction(fresh, coffee, on=date(2026, 3, 10))
    add("No cadence", level=1)
    cold = going_cold(TODAY)
    assert [s.person_id for s in cold] == [near, far]
    assert cold[0].reason == "added 74 days ago, not contacted yet"


def test_going_cold_starts_the_day_after_the_rhythm_runs_out(notebook: Paths) -> None:
    from pathfinder.services.network import going_cold_ids
    from pathfinder.services.people_table import PeopleFilter, people_rows

    person = add("Exactly due", cadence_days=14)
    interactions.log_interaction(person, interactions.kind_id("call"), on=date(2026, 3, 1))
    on_the_day, day_after = date(2026, 3, 15), date(2026, 3, 16)
    assert person not in going_cold_ids(on_the_day)
    assert person in going_cold_ids(day_after)
    assert people_rows(PeopleFilter(going_cold=True), on_the_day) == []
    assert [r.id for r in people_rows(PeopleFilter(going_cold=True), day_after)] == [person]


def random_network(seed: int) -> None:
    """150 people with random levels, flags, organisations (some targets), cadences,
    last contacts, added days, archived and planned follow-ups; names with ties."""
    rng = random.Random(seed)
    for index in range(6):
        organisations.find_or_create_organisation(f"Org {index}")
    for index in range(150):
        added = datetime(2025, 6, 1, 9, 0) + timedelta(days=rng.randrange(250))
        person = people.add_person(
            rng.choice(["Ana", "ana", "Ben", "Cleo", f"Person {index}"]),
            now=added,
            organisation=rng.choice(["", f"Org {rng.randrange(6)}"]),
            level=rng.choice([1, 2, 3]),
            hiring_power=rng.random() < 0.3,
            target_field=rng.random() < 0.5,
            cadence_days=rng.choice([None, 14, 30, 91, 182]),
        ).id
        if rng.random() < 0.6:
            on = date(2025, 6, 1) + timedelta(days=rng.randrange(280))
            interactions.log_interaction(person, interactions.kind_id("coffee"), on=on)
        if rng.random() < 0.15:
            followups.add_follow_up(person, TODAY + timedelta(days=rng.randrange(-5, 20)), "x")
        if rng.random() < 0.1:
            people_bulk.set_archived([person], True)
    for index in range(0, 6, 2):
        found = organisations.find_or_create_organisation(f"Org {index}")
        assert found is not None
        organisations.update_organisation(found, is_target=True)


def oracle_rows() -> list[dict[str, Any]]:
    rows = db.execute_sql(
        "SELECT c.id, c.name, c.level, c.hiring_power, c.target_field, c.cadence_days, "
        "c.archived, c.last_contact_on, date(c.created_at), coalesce(o.is_target, 0), "
        "c.id IN (SELECT contact_id FROM follow_up WHERE done_on IS NULL AND due_on > ?) "
        "FROM contact AS c LEFT JOIN organisation AS o ON o.id = c.organisation_id",
        (TODAY.isoformat(),),
    ).fetchall()
    keys = [
        "id",
        "name",
        "level",
        "hiring",
        "field",
        "cadence",
        "archived",
        "last",
        "added",
        "target",
        "planned",
    ]
    people_rows = [dict(zip(keys, row, strict=True)) for row in rows]
    for person in people_rows:
        person["clock"] = date.fromisoformat(person["last"] or person["added"])
    return people_rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_indexed_rankings_match_the_advice_worked_out_in_python(
    notebook: Paths, seed: int
) -> None:
    random_network(seed)
    everyone = [person for person in oracle_rows() if not person["archived"]]

    def group(person: dict[str, Any]) -> int:
        if person["hiring"] and person["field"]:
            return 0
        return 1 if person["target"] else 2

    order_next = sorted(
        (person for person in everyone if not person["planned"]),
        key=lambda p: (group(p), p["level"], p["clock"], p["name"].lower(), p["id"]),
    )
    cold = [
        person
        for person in everyone
        if person["cadence"] is not None
        and person["clock"] + timedelta(days=person["cadence"]) < TODAY
    ]
    order_cold = sorted(
        cold,
        key=lambda p: (
            p["level"],
            p["clock"] + timedelta(days=p["cadence"]),
            p["name"].lower(),
            p["id"],
        ),
    )
    for limit in (1, 5, 25, None):
        expected_next = [person["id"] for person in order_next][:limit]
        assert [s.person_id for s in who_to_contact_next(TODAY, limit)] == expected_next
        expected_cold = [person["id"] for person in order_cold][:limit]
        assert [s.person_id for s in going_cold(TODAY, limit)] == expected_cold


def test_todays_rankings_are_read_through_their_indexes(
    notebook: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    random_network(4)
    asked: list[tuple[str, Any]] = []
    execute = db.obj.execute_sql

    def noting(sql: str, params: Any = None, *rest: Any) -> Any:
        asked.append((sql, params))
        return execute(sql, params, *rest)

    monkeypatch.setattr(db.obj, "execute_sql", noting)
    going_cold(TODAY, 10)
    who_to_contact_next(TODAY, None)  # all three groups
    monkeypatch.undo()
    assert len(asked) == 4
    plans = [
        " ".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
        for sql, params in asked
    ]
    assert "USING INDEX contact_lapses" in plans[0]
    assert "USING INDEX contact_hiring_clock_start" in plans[1], plans
    assert all("USING INDEX contact_clock_start" in plan for plan in plans[2:]), plans
