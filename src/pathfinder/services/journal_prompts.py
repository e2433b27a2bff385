"""Prompt sets and entry templates: the built-in ones, plus those the user writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pathfinder.services.journal_texts import BUILT_IN_TEMPLATES, PROMPT_SETS
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT, clean_text
from pathfinder.store.database import write_transaction
from pathfinder.store.models import EntryTemplate, JournalPrompt

PROMPT_REQUIRED = "Write the prompt: a question or a short nudge."
NAME_REQUIRED = "Give the template a name."


@dataclass(frozen=True)
class Prompt:
    text: str
    own_id: int | None  # the user's own prompt (deletable); None for a built-in one


@dataclass(frozen=True)
class PromptSet:
    key: str
    label: str
    when: str
    prompts: tuple[Prompt, ...]


@dataclass(frozen=True)
class Template:
    name: str
    body: str
    own_id: int | None


def prompt_sets() -> list[PromptSet]:
    own: dict[str, list[Prompt]] = {}
    for row in JournalPrompt.select().order_by(JournalPrompt.id):
        own.setdefault(row.set_key, []).append(Prompt(row.text, row.id))
    return [
        PromptSet(
            built_in.key,
            built_in.label,
            built_in.when,
            tuple(Prompt(text, None) for text in built_in.prompts)
            + tuple(own.get(built_in.key, [])),
        )
        for built_in in PROMPT_SETS
    ]


def prompt_set(key: str) -> PromptSet:
    for found in prompt_sets():
        if found.key == key:
            return found
    raise RecordNotFound(f"prompt set {key}")


def add_prompt(set_key: str, text: str, now: datetime) -> Prompt:
    prompt_set(set_key)  # the set must exist
    cleaned = clean_text("prompt", text, limit=SHORT_TEXT_LIMIT, required=PROMPT_REQUIRED)
    with write_transaction():
        row = JournalPrompt.create(set_key=set_key, text=cleaned, created_at=now)
    return Prompt(cleaned, row.id)


def delete_prompt(prompt_id: int) -> dict[str, object]:
    row = JournalPrompt.get_or_none(JournalPrompt.id == prompt_id)
    if row is None:
        raise RecordNotFound(f"prompt {prompt_id}")
    snapshot = dict(row.__data__)
    with write_transaction():
        row.delete_instance()
    return snapshot


def restore_prompt(snapshot: dict[str, object]) -> None:
    with write_transaction():
        JournalPrompt.insert(**snapshot).on_conflict_ignore().execute()


def templates() -> list[Template]:
    own = [
        Template(row.name, row.body, row.id)
        for row in EntryTemplate.select().order_by(EntryTemplate.name)
    ]
    taken = {template.name.casefold() for template in own}
    built_in = [
        Template(t.name, t.body, None) for t in BUILT_IN_TEMPLATES if t.name.casefold() not in taken
    ]
    return built_in + own


def save_template(name: str, body: str, now: datetime) -> Template:
    """Save a template under `name`, replacing the user's own template of that name (a
    built-in one of that name is then hidden behind it)."""
    cleaned_name = clean_text("name", name, limit=SHORT_TEXT_LIMIT, required=NAME_REQUIRED)
    cleaned_body = clean_text("body", body, limit=LONG_TEXT_LIMIT)
    with write_transaction():
        row = EntryTemplate.get_or_none(EntryTemplate.name == cleaned_name)
        if row is None:
            row = EntryTemplate.create(
                name=cleaned_name, body=cleaned_body, created_at=now, updated_at=now
            )
        else:
            row.body = cleaned_body
            row.updated_at = now
            row.save()
    return Template(row.name, row.body, row.id)


def delete_template(template_id: int) -> dict[str, object]:
    row = EntryTemplate.get_or_none(EntryTemplate.id == template_id)
    if row is None:
        raise RecordNotFound(f"template {template_id}")
    snapshot = dict(row.__data__)
    with write_transaction():
        row.delete_instance()
    return snapshot


def restore_template(snapshot: dict[str, object]) -> None:
    with write_transaction():
        EntryTemplate.insert(**snapshot).on_conflict_ignore().execute()
