"""The demo notebook: Maya Brennan, a chemistry teacher becoming a UX researcher.

`pathfinder --demo` builds it in a throwaway folder so a newcomer sees every
section filled. Everything goes through the services, is fixed (no randomness),
and is dated relative to `today`, so the demo never looks stale. The people,
organisations and stories are invented.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from pathfinder.demo_conversations import CONVERSATIONS, EVENT_PEOPLE, EVENTS, DemoConversation
from pathfinder.demo_interactions import FOLLOW_UPS, INTERACTIONS, INTRODUCTIONS, MOVES
from pathfinder.demo_journal import EARLIER_ENTRIES
from pathfinder.demo_journal_recent import RECENT_ENTRIES
from pathfinder.demo_people import KNOWN_BEFORE
from pathfinder.demo_people_met import MET_ON_THE_WAY
from pathfinder.demo_story import GOALS, ORGANISATIONS, ROLES, WHYS
from pathfinder.services import (
    conversations,
    events,
    followups,
    goals,
    interactions,
    journal,
    organisations,
    people,
    questions,
    report_log,
    roles,
    settings,
)
from pathfinder.services.why import save_why
from pathfinder.store.database import write_transaction
from pathfinder.store.models import Contact, Goal, Organisation, TargetRole, WhyVersion


class NotebookNotEmpty(RuntimeError):
    """The demo only goes into an empty notebook, never on top of someone's own data."""


EARLIER_REPORT_QUESTIONS = (
    "How do I ask someone I've never met for twenty minutes without it sounding like "
    "I'm after a job?\n\nIs the write-up of the school pilot enough of a portfolio, or "
    "should I take a certificate course as well?"
)
NEXT_REPORT_QUESTIONS = (
    "Segun's research operations role: a way in to research, or a detour from it?\n\n"
    "How soon after a conversation is it fair to ask for an introduction?"
)


def build_demo_notebook(today: date) -> None:
    """Fill the open, empty notebook with Maya's six months of career-change work.

    One transaction: the demo is there whole or not at all. Raises
    NotebookNotEmpty rather than mixing the demo into anyone's own notes.
    """
    if any(
        model.select().exists() for model in (WhyVersion, TargetRole, Goal, Organisation, Contact)
    ):
        raise NotebookNotEmpty("The demo notebook is only built into an empty notebook.")

    def at(days_ago: int, hour: int = 20, minute: int = 0) -> datetime:
        return datetime.combine(today - timedelta(days=days_ago), time(hour, minute))

    with write_transaction():
        for days_ago, coming_from, going_to, reason in WHYS:
            save_why(coming_from, going_to, reason, now=at(days_ago, 21, 10))

        role_ids: dict[str, int] = {}
        for title, industry, role_added, status, notes, changes in ROLES:
            role = roles.add_role(title, industry, status, notes, now=at(role_added, 21, 30))
            role_ids[title] = role.id
            for days_ago, new_status, new_notes in changes:
                roles.update_role(role.id, now=at(days_ago, 21), status=new_status, notes=new_notes)

        for title, kind, number, due_in, notes, period in GOALS:
            goals.add_goal(
                title,
                kind,
                number,
                today + timedelta(days=due_in) if due_in >= 0 else None,
                notes,
                now=at(170, 21, 45),
                period=period,
            )

        ids: dict[str, int] = {}
        everyone = KNOWN_BEFORE + MET_ON_THE_WAY + EVENT_PEOPLE
        for person in sorted(everyone, key=lambda p: -p.added):
            extra: dict[str, object] = {}
            if person.introduced_by:
                extra["introduced_by_id"] = ids[person.introduced_by]
                extra["introduced_on"] = today - timedelta(days=person.added)
            added_person = people.add_person(
                person.name,
                now=at(person.added, 19, 45),
                organisation=person.organisation,
                tags=person.tags,
                title=person.title,
                level=person.level,
                source=person.source,
                relationship=person.relationship,
                hiring_power=person.hiring_power,
                target_field=person.target_field,
                cadence_days=person.cadence_days,
                email=person.email,
                phone=person.phone,
                location=person.location,
                notes=person.notes,
                **extra,
            )
            ids[person.key] = added_person.id

        for name, industry, is_target, notes in ORGANISATIONS:
            organisation_id = organisations.find_or_create_organisation(name, now=at(180))
            assert organisation_id is not None
            organisations.update_organisation(
                organisation_id, now=at(170), industry=industry, is_target=is_target, notes=notes
            )

        for key, days_ago, organisation, title in MOVES:
            people.update_person(
                ids[key], now=at(days_ago, 20, 30), organisation=organisation, title=title
            )

        for introducer, person_key, days_ago in INTRODUCTIONS:
            interactions.introduce(
                ids[introducer], ids[person_key], on=today - timedelta(days=days_ago)
            )

        kinds = {kind.name: kind.id for kind in interactions.kinds()}
        for key, days_ago, kind, summary in sorted(INTERACTIONS, key=lambda row: -row[1]):
            day = today - timedelta(days=days_ago)
            interactions.log_interaction(
                ids[key],
                kinds[kind],
                on=day,
                summary=summary,
                now=datetime.combine(day, time(21, 15)),
            )

        for key, due_in, reason, written, done in FOLLOW_UPS:
            record = followups.add_follow_up(
                ids[key], today + timedelta(days=due_in), reason, now=at(written, 21, 20)
            )
            if done is not None:
                followups.mark_done(record.id, today - timedelta(days=done))

        event_ids: dict[str, int] = {}
        for name, days_ago, kind, place, notes, met in EVENTS:
            event = events.add_event(
                name, today - timedelta(days=days_ago), kind, place, notes, now=at(days_ago, 22)
            )
            event_ids[name] = event.id
            for key in met:
                events.met_at_event(event.id, ids[key], now=at(days_ago, 22, 5))

        bank = questions.question_bank()
        conversation_ids = {
            conversation.key: _add_conversation(conversation, ids, role_ids, bank, today, at)
            for conversation in CONVERSATIONS
        }

        for entry in EARLIER_ENTRIES + RECENT_ENTRIES:
            links = [("person", ids[key]) for key in entry.people]
            if entry.conversation:
                links.append(("conversation", conversation_ids[entry.conversation]))
            if entry.event:
                links.append(("event", event_ids[entry.event]))
            journal.add_entry(
                at(entry.days_ago, entry.hour, 5),
                title=entry.title,
                body=entry.body,
                mood=entry.mood,
                confidence=entry.confidence,
                shared=entry.shared,
                prompt=entry.prompt,
                tags=entry.tags,
                links=links,
            )

        # The report Maya sent her mentor three weeks ago, and the questions she is
        # collecting for the next one.
        report_log.log_report(
            today - timedelta(days=49),
            today - timedelta(days=22),
            "md",
            None,
            at(21, 20, 30),
            questions=EARLIER_REPORT_QUESTIONS,
        )
        settings.set_setting(settings.REPORT_QUESTIONS, NEXT_REPORT_QUESTIONS)


def _add_conversation(
    plan: DemoConversation,
    ids: dict[str, int],
    role_ids: dict[str, int],
    bank: list[questions.BankQuestion],
    today: date,
    at: Callable[..., datetime],
) -> int:
    """One informational interview, taken through its stages on the days they happened."""
    record = conversations.start_conversation(
        ids[plan.key], role_ids[plan.role] if plan.role else None, now=at(plan.started, 21, 40)
    )
    last = plan.started
    for stage, days_ago in plan.steps:
        conversations.move_to_stage(
            record.id, stage, today=today - timedelta(days=days_ago), now=at(days_ago, 21, 50)
        )
        last = days_ago
        if stage == "scheduled" and plan.scheduled_for is not None:
            conversations.update_conversation(
                record.id,
                now=at(days_ago, 21, 55),
                scheduled_for=today - timedelta(days=plan.scheduled_for),
            )
    conversations.update_conversation(
        record.id,
        now=at(last, 22, 10),
        research_notes=plan.research_notes,
        meeting_notes=plan.meeting_notes,
        outcome=plan.outcome,
        next_step=plan.next_step,
        led_to_opportunity=plan.led_to_opportunity,
    )
    for start, reply in plan.bank_questions:
        (question,) = [q for q in bank if q.text.startswith(start)]
        asked = questions.ask(record.id, question_id=question.id)
        if reply:
            questions.answer(asked.id, reply)
    for text, reply in plan.own_questions:
        asked = questions.ask(record.id, text=text)
        if reply:
            questions.answer(asked.id, reply)
    for key, days_ago in plan.introduced:
        conversations.record_introduction(
            record.id, existing_id=ids[key], on=today - timedelta(days=days_ago)
        )
    for name, days_ago, organisation, title, notes in plan.introduced_new:
        new_id = conversations.record_introduction(
            record.id, name=name, on=today - timedelta(days=days_ago), now=at(days_ago, 22, 20)
        )
        people.update_person(
            new_id, now=at(days_ago, 22, 25), organisation=organisation, title=title, notes=notes
        )
    return record.id
