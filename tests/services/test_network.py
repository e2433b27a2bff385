"""Who to contact next, going cold, in the order the advice gives."""

from __future__ import annotations

from datetime import date, datetime

from pathfinder.paths import Paths
from pathfinder.services import followups, interactions, organisations, people, people_bulk
from pathfinder.services.network import going_cold, who_to_contact_next

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
