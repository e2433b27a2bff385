"""People, organisations, interactions, follow-ups and introductions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pathfinder.paths import Paths
from pathfinder.services import followups, interactions, organisations, people, people_bulk, tags
from pathfinder.services.validation import ValidationError

NOW = datetime(2026, 3, 2, 19, 30)
TODAY = NOW.date()


def test_a_name_is_all_it_takes(notebook: Paths) -> None:
    person = people.add_person("  Priya  ", now=NOW)
    assert (person.name, person.level, person.organisation) == ("Priya", 3, "")
    with pytest.raises(ValidationError) as raised:
        people.add_person("   ", now=NOW)
    assert raised.value.field == "name"


def test_an_organisation_is_picked_or_created_ignoring_case(notebook: Paths) -> None:
    first = people.add_person("Priya", organisation="Acme Health", title="PM", now=NOW)
    second = people.add_person("Tom", organisation="acme health", now=NOW)
    assert first.organisation_id == second.organisation_id
    assert organisations.organisation_names() == ["Acme Health"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "priya@"), ("phone", "call me"), ("linkedin_url", "not a url")],
)
def test_malformed_details_are_refused_and_nothing_changes(
    notebook: Paths, field: str, value: str
) -> None:
    person = people.add_person("Priya", email="priya@example.org", now=NOW)
    with pytest.raises(ValidationError) as raised:
        people.update_person(person.id, now=NOW, notes="kept?", **{field: value})
    assert raised.value.field == field
    assert people.get_person(person.id) == person


def test_details_are_tidied(notebook: Paths) -> None:
    person = people.add_person(
        "Priya",
        email=" priya@example.org ",
        phone="+44 (20) 7946-0958",
        linkedin_url="linkedin.com/in/priya",
        now=NOW,
    )
    assert person.email == "priya@example.org"
    assert person.linkedin_url == "https://linkedin.com/in/priya"


def test_a_one_megabyte_note_saves(notebook: Paths) -> None:
    note = ("Met at the meetup. " * 60 + "\n") * 900
    assert len(note) > 1_000_000
    person = people.add_person("Priya", notes=note, now=NOW)
    assert people.get_person(person.id).notes == note.strip()  # type: ignore[union-attr]


def test_a_move_keeps_the_old_role_in_the_history(notebook: Paths) -> None:
    person = people.add_person("Priya", organisation="Acme", title="Analyst", now=NOW)
    later = datetime(2026, 6, 1, 9, 0)
    moved = people.update_person(person.id, organisation="Globex", title="PM", now=later)
    assert (moved.organisation, moved.title) == ("Globex", "PM")
    roles = organisations.roles_of(person.id)
    assert [(r.organisation, r.title, r.ended_on) for r in roles] == [
        ("Globex", "PM", None),
        ("Acme", "Analyst", later.date()),
    ]
    acme = next(o for o in organisations.list_organisations() if o.name == "Acme")
    now_there, before = organisations.roles_at(acme.id)
    assert now_there == [] and [r.person_name for r in before] == ["Priya"]


def test_tags_levels_and_archiving_in_bulk(notebook: Paths) -> None:
    a = people.add_person("A", tags=["edtech"], now=NOW)
    b = people.add_person("B", now=NOW)
    tags.add_tag([a.id, b.id], "Meetup 2026")
    people_bulk.set_level([a.id, b.id], 1, now=NOW)
    people_bulk.set_archived([b.id], True, now=NOW)
    assert people.get_person(a.id).tags == ("edtech", "Meetup 2026")  # type: ignore[union-attr]
    refreshed = people.get_person(b.id)
    assert refreshed is not None and refreshed.level == 1 and refreshed.archived
    assert tags.all_tags() == ["edtech", "Meetup 2026"]


def test_logging_an_interaction_resets_the_stay_in_touch_clock(notebook: Paths) -> None:
    from pathfinder.services.network import going_cold_ids

    person = people.add_person("Priya", cadence_days=30, now=datetime(2026, 1, 1, 9, 0))
    assert person.id in going_cold_ids(TODAY)  # 60 days since she was added
    coffee = interactions.kind_id("coffee")
    interactions.log_interaction(person.id, coffee, on=date(2026, 2, 20), now=NOW)
    assert person.id not in going_cold_ids(TODAY)
    assert people.get_person(person.id).last_contact_on == date(2026, 2, 20)  # type: ignore[union-attr]
    assert person.id in going_cold_ids(date(2026, 3, 30))
    no_cadence = people.add_person("Tom", now=datetime(2020, 1, 1))
    assert no_cadence.id not in going_cold_ids(TODAY)


def test_the_timeline_is_newest_first_and_deleting_restores_the_clock(notebook: Paths) -> None:
    person = people.add_person("Priya", now=NOW)
    call = interactions.kind_id("call")
    first = interactions.log_interaction(person.id, call, on=date(2026, 1, 5), summary="Intro call")
    second = interactions.log_interaction(person.id, call, on=date(2026, 2, 9), summary="Catch-up")
    assert [e.detail for e in interactions.timeline(person.id)] == ["Catch-up", "Intro call"]
    snapshot = interactions.delete_interaction(second)
    assert people.get_person(person.id).last_contact_on == date(2026, 1, 5)  # type: ignore[union-attr]
    interactions.restore_interaction(snapshot)
    assert people.get_person(person.id).last_contact_on == date(2026, 2, 9)  # type: ignore[union-attr]
    assert interactions.interaction_count(person.id) == 2
    assert first != second


def test_introductions_show_on_both_timelines(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    tom = people.add_person(
        "Tom",
        source="introduction",
        introduced_by_id=priya.id,
        introduced_on=date(2026, 2, 1),
        now=NOW,
    )
    sam = people.add_person("Sam", now=NOW)
    interactions.introduce(priya.id, sam.id, on=date(2026, 2, 15))
    assert [e.title for e in interactions.timeline(priya.id)] == [
        "Introduced you to Sam",
        "Introduced you to Tom",
    ]
    assert [e.title for e in interactions.timeline(tom.id)] == ["Introduced by Priya"]
    with pytest.raises(ValidationError):
        interactions.introduce(sam.id, sam.id)


def test_follow_ups_due_and_overdue(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    tom = people.add_person("Tom", now=NOW)
    late = followups.add_follow_up(priya.id, date(2026, 2, 20), "Send the article", now=NOW)
    today = followups.add_follow_up(tom.id, TODAY, "Thank-you note", now=NOW)
    followups.add_follow_up(tom.id, date(2026, 3, 10), "Ask about the meetup", now=NOW)
    assert [f.id for f in followups.due_and_overdue(TODAY)] == [late.id, today.id]
    assert late.days_overdue(TODAY) == 10
    followups.mark_done(late.id, TODAY)
    followups.snooze_by(today.id, TODAY, 7)
    assert followups.due_and_overdue(TODAY) == []
    assert [f.reason for f in followups.follow_ups_of(tom.id)] == [
        "Thank-you note",
        "Ask about the meetup",
    ]  # snoozed to the 9th, before the 10th
    assert "Followed up" in [e.title for e in interactions.timeline(priya.id)]


def test_giving_back_counts(notebook: Paths) -> None:
    from pathfinder.services.network import giving_back

    priya = people.add_person("Priya", now=NOW)
    tom = people.add_person("Tom", now=NOW)
    gave, received = interactions.kind_id("gave"), interactions.kind_id("received")
    interactions.log_interaction(priya.id, gave, summary="Shared an article", now=NOW)
    interactions.log_interaction(priya.id, received, summary="Intro to Sam", now=NOW)
    interactions.log_interaction(tom.id, gave, summary="Congratulated", now=NOW)
    interactions.log_interaction(tom.id, interactions.kind_id("coffee"), now=NOW)
    assert (giving_back(priya.id).gave, giving_back(priya.id).received) == (1, 1)
    assert (giving_back().gave, giving_back().received) == (2, 1)


def test_interaction_kinds_can_be_added_renamed_and_retired(notebook: Paths) -> None:
    lunch = interactions.add_kind("Lunch")
    interactions.rename_kind(lunch.id, "Lunch meeting")
    with pytest.raises(ValidationError):
        interactions.add_kind("coffee")
    interactions.retire_kind(lunch.id)
    assert "Lunch meeting" not in [k.name for k in interactions.kinds()]
    assert "Lunch meeting" in [k.name for k in interactions.kinds(include_retired=True)]


def test_deleting_people_takes_their_interactions_and_undo_brings_all_back(
    notebook: Paths,
) -> None:
    priya = people.add_person("Priya", organisation="Acme", tags=["edtech"], now=NOW)
    tom = people.add_person("Tom", introduced_by_id=priya.id, now=NOW)
    coffee = interactions.kind_id("coffee")
    interactions.log_interaction(priya.id, coffee, now=NOW)
    interactions.log_interaction(priya.id, coffee, on=date(2026, 1, 1), now=NOW)
    followups.add_follow_up(priya.id, TODAY, "x", now=NOW)
    assert people_bulk.count_what_goes_with([priya.id]) == (1, 2)
    priya = people.get_person(priya.id)
    snapshot = people_bulk.delete_people([priya.id])
    assert people.get_person(priya.id) is None
    assert people.get_person(tom.id).introduced_by_id is None  # type: ignore[union-attr]
    people_bulk.restore_people(snapshot)
    assert people.get_person(priya.id) == priya
    assert people.get_person(tom.id).introduced_by_id == priya.id  # type: ignore[union-attr]
    assert len(interactions.timeline(priya.id)) == 3  # two interactions and the introduction
    assert [r.organisation for r in organisations.roles_of(priya.id)] == ["Acme"]
    assert people.get_person(priya.id).tags == ("edtech",)  # type: ignore[union-attr]
    assert len(followups.follow_ups_of(priya.id)) == 1


def test_names_with_non_ascii_capitals_do_not_clash(notebook: Paths) -> None:
    first = people.add_person("A", organisation="Ørsted", now=NOW)
    second = people.add_person("B", organisation="Ørsted", now=NOW)
    assert first.organisation_id == second.organisation_id
    interactions.add_kind("Überraschung")
    with pytest.raises(ValidationError):
        interactions.add_kind("Überraschung")
    assert interactions.kind_id("Überraschung") > 0


def test_a_title_corrected_the_same_day_is_one_role(notebook: Paths) -> None:
    person = people.add_person("Priya", organisation="Acme", title="Analyst", now=NOW)
    later = datetime(2026, 6, 1, 9, 0)
    for title in ("Dat", "Data ana", "Data analyst"):
        people.update_person(person.id, title=title, now=later)
    assert [(r.title, r.ended_on) for r in organisations.roles_of(person.id)] == [
        ("Data analyst", None),
        ("Analyst", later.date()),
    ]


def test_restoring_people_keeps_an_introduction_made_since(notebook: Paths) -> None:
    a = people.add_person("A", now=NOW)
    b = people.add_person("B", introduced_by_id=a.id, now=NOW)
    c = people.add_person("C", now=NOW)
    snapshot = people_bulk.delete_people([a.id])
    interactions.introduce(c.id, b.id)
    people_bulk.restore_people(snapshot)
    assert people.get_person(b.id).introduced_by_id == c.id  # type: ignore[union-attr]


def test_past_roles_can_be_added_and_removed(notebook: Paths) -> None:
    person = people.add_person("Priya", organisation="Globex", title="PM", now=NOW)
    role_id = organisations.add_past_role(
        person.id, "Acme", "Analyst", date(2020, 1, 1), date(2023, 6, 30), now=NOW
    )
    roles = organisations.roles_of(person.id)
    assert [(r.organisation, r.started_on, r.ended_on) for r in roles] == [
        ("Globex", None, None),
        ("Acme", date(2020, 1, 1), date(2023, 6, 30)),
    ]
    with pytest.raises(ValidationError):
        organisations.add_past_role(person.id, "Acme", "", date(2024, 1, 1), date(2023, 1, 1))
    snapshot = organisations.delete_past_role(role_id)
    assert len(organisations.roles_of(person.id)) == 1
    organisations.restore_past_role(snapshot)
    assert len(organisations.roles_of(person.id)) == 2


def test_an_interaction_in_the_future_is_refused(notebook: Paths) -> None:
    person = people.add_person("Priya", now=NOW)
    with pytest.raises(ValidationError) as raised:
        interactions.log_interaction(
            person.id, interactions.kind_id("call"), on=date(2026, 3, 9), now=NOW
        )
    assert "follow-up" in raised.value.message
