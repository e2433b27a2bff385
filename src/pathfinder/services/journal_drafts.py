"""What a journal entry starts from: the people, conversations and events it can link to
(for the `@` completion and the picker), and drafts from a prompt or a conversation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peewee import JOIN, SQL

from pathfinder.services.records import RecordNotFound
from pathfinder.store.models import Contact, Conversation, Event, Organisation, TargetRole


@dataclass(frozen=True)
class LinkChoice:
    kind: str
    target_id: int
    label: str
    detail: str


def link_choices(text: str, limit: int = 12) -> list[LinkChoice]:
    """People, conversations and events whose name has words starting with those of
    `text` (any case, accents folded: "elo" finds Élodie), for the `@` completion and the
    link picker. With no words, the first people by name."""
    from pathfinder.services.search import query_terms, title_matches

    choices: list[LinkChoice] = []
    if query_terms(text):
        person_ids = title_matches("person", text, limit * 4)
        conversation_ids = title_matches("conversation", text, limit)
        event_ids = title_matches("event", text, limit)
        people_query = Contact.id.in_(person_ids)
        conversation_query = Conversation.id.in_(conversation_ids)
        event_query = Event.id.in_(event_ids)
    elif text.strip():
        return []  # only marks and symbols: nothing can match
    else:
        people_query = conversation_query = event_query = SQL("1 = 1")
    people = (
        Contact.select(Contact.id, Contact.name, Contact.title, Organisation.name)
        .join(Organisation, JOIN.LEFT_OUTER)
        .where(people_query)
        .order_by(Contact.archived, Contact.name)
        .limit(limit)
        .tuples()
    )
    for person_id, name, title, organisation in people:
        detail = " at ".join(part for part in (title, organisation or "") if part)
        choices.append(LinkChoice("person", person_id, name, detail))
    conversations = (
        Conversation.select(Conversation.id, Contact.name, TargetRole.title, Conversation.stage)
        .join(Contact)
        .join_from(Conversation, TargetRole, JOIN.LEFT_OUTER)
        .where(conversation_query)
        .order_by(Conversation.created_at.desc())
        .limit(limit // 2)
        .tuples()
    )
    for conversation_id, name, role, stage in conversations:
        detail = f"{role or 'no role chosen'}, {stage}"
        choices.append(
            LinkChoice("conversation", conversation_id, f"Conversation with {name}", detail)
        )
    events = (
        Event.select(Event.id, Event.name, Event.happened_on)
        .where(event_query)
        .order_by(Event.happened_on.desc())
        .limit(limit // 2)
        .tuples()
    )
    for event_id, name, happened_on in events:
        choices.append(LinkChoice("event", event_id, name, f"event, {happened_on}"))
    return choices


def link_choice_by_id(kind: str, target_id: int) -> list[LinkChoice]:
    """The one choice for a known record (empty if it is gone): how its link will read."""
    if kind == "person":
        name = Contact.select(Contact.name).where(Contact.id == target_id).scalar()
        return [] if name is None else [LinkChoice(kind, target_id, name, "")]
    if kind == "conversation":
        name = (
            Contact.select(Contact.name)
            .join(Conversation, on=(Conversation.contact == Contact.id))
            .where(Conversation.id == target_id)
            .scalar()
        )
        return (
            [] if name is None else [LinkChoice(kind, target_id, f"Conversation with {name}", "")]
        )
    name = Event.select(Event.name).where(Event.id == target_id).scalar()
    return [] if name is None else [LinkChoice(kind, target_id, name, "")]


# -- starting from a conversation ---------------------------------------------------


@dataclass(frozen=True)
class EntryDraft:
    """What a new entry starts with."""

    title: str = ""
    body: str = ""
    prompt: str = ""
    links: tuple[tuple[str, int], ...] = ()
    tags: tuple[str, ...] = ()


def draft_after_conversation(conversation_id: int, prompts: Sequence[str]) -> EntryDraft:
    """An entry about a conversation: who, which role, when, and the prompts to answer."""
    row = (
        Conversation.select(Conversation, Contact, TargetRole, Organisation)
        .join(Contact)
        .join(Organisation, JOIN.LEFT_OUTER)
        .join_from(Conversation, TargetRole, JOIN.LEFT_OUTER)
        .where(Conversation.id == conversation_id)
        .first()
    )
    if row is None:
        raise RecordNotFound(f"conversation {conversation_id}")
    person = row.contact
    where = ""
    if person.organisation_id is not None:
        where = f" ({person.title + ' at ' if person.title else ''}{person.organisation.name})"
    elif person.title:
        where = f" ({person.title})"
    role = row.target_role.title if row.target_role_id is not None else ""
    when = row.met_on or row.scheduled_for
    lines = [f"Conversation with **{person.name}**{where}."]
    if role:
        lines.append(f"About the role: {role}.")
    if when is not None:
        day = f"{when.day} {when:%B %Y}"
        lines.append(f"Met on {day}." if row.met_on else f"Planned for {day}.")
    body = "\n".join(lines) + "\n\n" + "".join(f"## {prompt}\n\n\n" for prompt in prompts)
    return EntryDraft(
        title=f"After talking with {person.name}",
        body=body,
        links=(("person", person.id), ("conversation", conversation_id)),
        tags=("conversation",),
    )


def draft_from_prompts(prompts: Sequence[str], label: str) -> EntryDraft:
    body = "".join(f"## {prompt}\n\n\n" for prompt in prompts)
    return EntryDraft(title=label, body=body, prompt=label)


def draft_from_prompt(prompt: str) -> EntryDraft:
    return EntryDraft(prompt=prompt)
