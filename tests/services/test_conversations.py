"""Informational interviews, the question bank, outreach drafts and events."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pathfinder.paths import Paths
from pathfinder.services import (
    conversation_figures,
    conversations,
    events,
    interactions,
    outreach,
    people,
    people_bulk,
    questions,
    roles,
)
from pathfinder.services.conversation_texts import QUESTION_CATEGORIES
from pathfinder.services.validation import ValidationError
from pathfinder.services.why import save_why

NOW = datetime(2026, 3, 2, 19, 30)
TODAY = NOW.date()


def kinds_on_timeline(person_id: int) -> list[str]:
    return [entry.title for entry in interactions.timeline(person_id)]


def test_meeting_and_thanking_add_to_the_timeline_and_going_back_keeps_them(
    notebook: Paths,
) -> None:
    priya = people.add_person("Priya", now=NOW)
    role = roles.add_role("UX researcher", now=NOW)
    talk = conversations.start_conversation(priya.id, role.id, now=NOW)
    assert (talk.stage, talk.title) == ("idea", "Priya about UX researcher")
    talk = conversations.move_to_stage(talk.id, "requested", today=date(2026, 2, 20), now=NOW)
    assert talk.requested_on == date(2026, 2, 20)
    talk = conversations.move_to_stage(talk.id, "scheduled", today=date(2026, 2, 22), now=NOW)
    assert talk.scheduled_for is None  # the meeting day is set by hand, not guessed
    talk = conversations.move_to_stage(talk.id, "met", today=date(2026, 2, 27), now=NOW)
    assert talk.met_on == date(2026, 2, 27)
    assert kinds_on_timeline(priya.id) == ["Informational interview"]
    assert people.get_person(priya.id).last_contact_on == date(2026, 2, 27)  # type: ignore[union-attr]
    talk = conversations.move_to_stage(talk.id, "thanked", today=TODAY, now=NOW)
    assert kinds_on_timeline(priya.id) == ["Thank-you", "Informational interview"]
    talk = conversations.move_to_stage(talk.id, "scheduled", today=TODAY, now=NOW)  # a slip
    assert kinds_on_timeline(priya.id) == ["Thank-you", "Informational interview"]
    assert (talk.met_on, talk.thanked_on) == (date(2026, 2, 27), TODAY)
    talk = conversations.move_to_stage(talk.id, "thanked", today=TODAY, now=NOW)
    assert len(kinds_on_timeline(priya.id)) == 2  # not logged twice


def test_closing_a_declined_request_invents_nothing(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    conversations.move_to_stage(talk.id, "requested", today=TODAY, now=NOW)
    closed = conversations.move_to_stage(talk.id, "closed", today=TODAY, now=NOW)
    assert (closed.met_on, closed.thanked_on) == (None, None)
    assert kinds_on_timeline(priya.id) == []


def test_a_meeting_may_come_earlier_than_planned_but_not_in_the_future(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    conversations.update_conversation(talk.id, scheduled_for=date(2026, 3, 20), now=NOW)
    met = conversations.move_to_stage(talk.id, "met", today=TODAY, now=NOW)
    assert met.met_on == TODAY
    with pytest.raises(ValidationError) as raised:
        conversations.update_conversation(talk.id, met_on=date(2026, 3, 10), now=NOW)
    assert raised.value.field == "met_on"


def test_an_introduction_to_someone_introduced_before_keeps_the_first(notebook: Paths) -> None:
    ann = people.add_person("Ann", now=NOW)
    xena = people.add_person("Xena", introduced_by_id=ann.id, now=NOW)
    bob = people.add_person("Bob", now=NOW)
    talk = conversations.start_conversation(bob.id, now=NOW)
    conversations.record_introduction(talk.id, existing_id=xena.id, now=NOW)
    assert people.get_person(xena.id).introduced_by_id == ann.id  # type: ignore[union-attr]
    assert conversations.introduced_through(talk.id) == [(xena.id, "Xena")]


def test_a_conversation_comes_back_even_if_its_role_is_gone(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    role = roles.add_role("Analyst", now=NOW)
    talk = conversations.start_conversation(priya.id, role.id, now=NOW)
    snapshot = conversations.delete_conversation(talk.id)
    roles.delete_role(role.id)
    conversations.restore_conversation(snapshot)
    back = conversations.get_conversation(talk.id)
    assert back is not None and back.target_role_id is None


def test_stages_can_be_skipped(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    talk = conversations.move_to_stage(talk.id, "thanked", today=TODAY, now=NOW)
    assert talk.stage == "thanked" and talk.met_on == TODAY and talk.thanked_on == TODAY
    assert sorted(kinds_on_timeline(priya.id)) == ["Informational interview", "Thank-you"]


def test_a_conversation_needs_a_contact(notebook: Paths) -> None:
    with pytest.raises(ValidationError) as raised:
        conversations.start_conversation(999, now=NOW)
    assert raised.value.field == "contact"


def test_dates_out_of_order_are_flagged_not_fixed(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    conversations.update_conversation(talk.id, requested_on=date(2026, 2, 20), now=NOW)
    with pytest.raises(ValidationError) as raised:
        conversations.update_conversation(talk.id, met_on=date(2026, 2, 1), now=NOW)
    assert raised.value.field == "met_on" and "before the day you asked" in (raised.value.message)
    assert conversations.get_conversation(talk.id).met_on is None  # type: ignore[union-attr]


def test_changing_the_met_date_moves_its_timeline_entry(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    conversations.move_to_stage(talk.id, "met", today=TODAY, now=NOW)
    conversations.update_conversation(talk.id, met_on=date(2026, 2, 25), now=NOW)
    [entry] = interactions.timeline(priya.id)
    assert entry.on == date(2026, 2, 25)


def test_thank_yous_owed_and_overdue(notebook: Paths) -> None:
    a = people.add_person("A", now=NOW)
    b = people.add_person("B", now=NOW)
    late = conversations.start_conversation(a.id, now=NOW)
    conversations.move_to_stage(late.id, "met", today=date(2026, 2, 26), now=NOW)
    fresh = conversations.start_conversation(b.id, now=NOW)
    conversations.move_to_stage(fresh.id, "met", today=date(2026, 3, 1), now=NOW)
    owed = conversations.thank_yous_owed()
    assert [c.id for c in owed] == [late.id, fresh.id]
    assert [c.thank_you_overdue(TODAY) for c in owed] == [True, False]
    conversations.move_to_stage(late.id, "thanked", today=TODAY, now=NOW)
    assert [c.id for c in conversations.thank_yous_owed()] == [fresh.id]


def test_deleting_a_conversation_leaves_the_person_and_timeline(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    interactions.log_interaction(priya.id, interactions.kind_id("coffee"), now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    conversations.move_to_stage(talk.id, "met", today=TODAY, now=NOW)
    questions.ask(talk.id, text="What surprised you most?")
    snapshot = conversations.delete_conversation(talk.id)
    assert conversations.list_conversations() == []
    assert len(interactions.timeline(priya.id)) == 2
    conversations.restore_conversation(snapshot)
    assert [q.text for q in questions.questions_of(talk.id)] == ["What surprised you most?"]


def test_deleting_a_person_and_undoing_brings_their_conversations_back(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    conversations.move_to_stage(talk.id, "met", today=TODAY, now=NOW)
    questions.ask(talk.id, text="How did you start?")
    snapshot = people_bulk.delete_people([priya.id])
    assert conversations.list_conversations() == []
    people_bulk.restore_people(snapshot)
    [back] = conversations.list_conversations()
    assert back.stage == "met" and len(questions.questions_of(back.id)) == 1


def test_introductions_offered_in_a_conversation(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    sam_id = conversations.record_introduction(talk.id, name="Sam Okafor", now=NOW)
    assert people.get_person(sam_id).introduced_by_id == priya.id  # type: ignore[union-attr]
    assert conversations.introduced_through(talk.id) == [(sam_id, "Sam Okafor")]


def test_the_question_bank_is_seeded_and_counts_use(notebook: Paths) -> None:
    bank = questions.question_bank()
    assert len(bank) >= 25
    assert {q.category for q in bank} == set(QUESTION_CATEGORIES)
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    asked = questions.ask(talk.id, question_id=bank[0].id)
    questions.answer(asked.id, "Through volunteering")
    assert questions.question_bank()[0].times_used == 1
    assert questions.questions_of(talk.id)[0].answer == "Through volunteering"
    mine = questions.add_question("advice", "What would you do in my place?")
    with pytest.raises(ValidationError):
        questions.add_question("advice", "what would you do in my place?")
    questions.retire_question(mine.id)
    assert mine.id not in [q.id for q in questions.question_bank()]
    assert mine.id in [q.id for q in questions.question_bank(include_retired=True)]


def test_a_draft_is_filled_and_gaps_are_shown(notebook: Paths) -> None:
    save_why("Teaching", "UX research in education", "I love how people learn", now=NOW)
    role = roles.add_role("UX researcher", now=NOW)
    priya = people.add_person(
        "Priya Shah", organisation="Acme Health", title="Research lead", source="event", now=NOW
    )
    done = outreach.draft("ask_30_minutes", priya.id, role.id)
    assert done.missing == ()
    assert "Priya" in done.body and "UX researcher" in done.body and "at an event" in done.body
    assert "{" not in done.text
    bare = people.add_person("Tom", now=NOW)
    gaps = outreach.draft("ask_30_minutes", bare.id)
    assert "organisation" in gaps.missing and "target_role" in gaps.missing
    assert "«the role you are exploring?»" in gaps.body


def test_templates_can_be_edited_and_reset(notebook: Paths) -> None:
    original = outreach.get_template("thank_you")
    outreach.save_template("thank_you", "Thanks!", "Dear {first_name}, thank you.")
    assert outreach.get_template("thank_you").edited
    priya = people.add_person("Priya", now=NOW)
    assert outreach.draft("thank_you", priya.id).body == "Dear Priya, thank you."
    assert outreach.reset_template("thank_you") == original


def test_events_put_an_entry_on_each_timeline(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    meetup = events.add_event("EdTech meetup", date(2026, 2, 12), "meetup", "Leeds", now=NOW)
    events.met_at_event(meetup.id, priya.id, now=NOW)
    [entry] = interactions.timeline(priya.id)
    assert (entry.on, entry.title, entry.detail) == (
        date(2026, 2, 12),
        "Event",
        "Met at EdTech meetup",
    )
    with pytest.raises(ValidationError):
        events.met_at_event(meetup.id, priya.id)
    events.update_event(meetup.id, happened_on=date(2026, 2, 13))
    assert interactions.timeline(priya.id)[0].on == date(2026, 2, 13)
    events.not_met_at_event(meetup.id, priya.id)
    assert interactions.timeline(priya.id) == []


def test_figures(notebook: Paths) -> None:
    a = people.add_person("A", now=NOW)
    for met in (date(2026, 1, 10), date(2026, 2, 3), date(2026, 2, 20)):
        talk = conversations.start_conversation(a.id, now=NOW)
        conversations.move_to_stage(talk.id, "met", today=met, now=NOW)
    conversations.update_conversation(talk.id, outcome="doesnt_fit", now=NOW)
    conversations.record_introduction(talk.id, name="B", now=NOW)
    numbers = conversation_figures.figures(TODAY, months=3)
    assert numbers.per_month == (
        (date(2026, 1, 1), 1),
        (date(2026, 2, 1), 2),
        (date(2026, 3, 1), 0),
    )
    assert numbers.outcomes["doesnt_fit"] == 1 and numbers.introductions == 1
    assert numbers.total_met == 3


def test_a_template_typo_shows_as_a_gap(notebook: Paths) -> None:
    outreach.save_template("check_in", "Hello", "Hi {First_Name}, how are you?")
    priya = people.add_person("Priya", now=NOW)
    draft = outreach.draft("check_in", priya.id)
    assert "First_Name" in draft.missing and "«{First_Name}?»" in draft.body
    with pytest.raises(ValidationError):
        outreach.save_template("check_in", "Hello", "Hi «first name?», how are you?")


def test_an_event_in_the_future_has_no_one_met_yet(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    later = events.add_event("Summer conference", date(2026, 6, 1), "conference", now=NOW)
    with pytest.raises(ValidationError):
        events.met_at_event(later.id, priya.id, now=NOW)
    past = events.add_event("Meetup", date(2026, 2, 1), now=NOW)
    events.met_at_event(past.id, priya.id, now=NOW)
    with pytest.raises(ValidationError):
        events.update_event(past.id, happened_on=date(2026, 7, 1), now=NOW)
    assert interactions.timeline(priya.id)[0].on == date(2026, 2, 1)


def test_markdown_is_rendered_and_anything_unsafe_is_dropped() -> None:
    from pathfinder.services.markdown_text import to_safe_html

    rendered = to_safe_html(
        "## Her path\n\n- *volunteering*\n- **a mentor**\n\n"
        "<script>alert(1)</script><img src=x onerror=alert(2)>"
        "[site](https://example.org) [bad](javascript:alert(3))"
    )
    assert "<h2>Her path</h2>" in rendered and "<em>volunteering</em>" in rendered
    assert "<strong>a mentor</strong>" in rendered
    # Raw HTML is the user's text: it shows as written and never as markup.
    assert "<script" not in rendered and "&lt;script&gt;" in rendered
    assert "<img" not in rendered
    assert '<a href="https://example.org">site</a>' in rendered
    assert "javascript" not in rendered


def test_a_conversation_can_be_marked_as_an_opportunity(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    conversations.update_conversation(talk.id, led_to_opportunity=True, now=NOW)
    assert conversation_figures.figures(TODAY).opportunities == 1


def test_a_slip_to_met_can_be_taken_back(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    conversations.move_to_stage(talk.id, "thanked", today=TODAY, now=NOW)
    back = conversations.move_to_stage(
        talk.id, "scheduled", today=TODAY, now=NOW, forget_meeting=True
    )
    assert (back.met_on, back.thanked_on) == (None, None)
    assert kinds_on_timeline(priya.id) == []
    assert people.get_person(priya.id).last_contact_on is None  # type: ignore[union-attr]


def test_small_refusals(notebook: Paths) -> None:
    priya = people.add_person("Priya", now=NOW)
    talk = conversations.start_conversation(priya.id, now=NOW)
    with pytest.raises(ValidationError):
        conversations.update_conversation(talk.id, requested_on=date(2026, 4, 1), now=NOW)
    questions.ask(talk.id, text="How did you start?")
    with pytest.raises(ValidationError):
        questions.ask(talk.id, text="How did you start?")
    with pytest.raises(ValidationError):
        events.add_event("Meetup", None, now=NOW)  # type: ignore[arg-type]


def test_only_the_longest_waiting_thank_yous_are_listed_when_many_are_owed(
    notebook: Paths,
) -> None:
    met = {}
    for number, day in enumerate([5, 1, 3, 1, 4]):
        person = people.add_person(f"Person {number}", now=NOW)
        talk = conversations.start_conversation(person.id, now=NOW)
        conversations.move_to_stage(talk.id, "met", today=date(2026, 2, day), now=NOW)
        met[talk.id] = day
    in_order = sorted(met, key=lambda talk_id: (met[talk_id], talk_id))
    assert [c.id for c in conversations.thank_yous_owed()] == in_order
    assert [c.id for c in conversations.thank_yous_owed(3)] == in_order[:3]
    assert conversations.count_thank_yous_owed() == 5
