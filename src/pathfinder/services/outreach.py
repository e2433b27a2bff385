"""Outreach drafts: message templates filled from the records.

A placeholder with no value is never left blank: it shows as «first name?»
so the gap is plain in the preview, and is listed in `missing`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pathfinder.services.contact_fields import SOURCE_LABELS
from pathfinder.services.conversation_texts import TEMPLATES
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError, clean_text
from pathfinder.services.why import current_why
from pathfinder.store.database import write_transaction
from pathfinder.store.models import Contact, OutreachTemplate, TargetRole

PLACEHOLDERS = {
    "first_name": "first name",
    "organisation": "organisation",
    "role": "their role",
    "target_role": "the role you are exploring",
    "how_we_met": "how you met",
    "my_why": "your why",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_GAP = re.compile(r"«[^»]*\?»")  # how `fill` marks a missing value
# How "We met {how_we_met}." reads for each way of knowing someone.
HOW_WE_MET = {
    "former_coworker": "when we worked together",
    "current_coworker": "at work",
    "collaborator": "working on a project together",
    "professor": "when I was in your class",
    "classmate": "when we studied together",
    "friend_family": "a long time ago",
    "association": "through our professional association",
    "event": "at an event",
    "online": "online",
    "introduction": "through an introduction",
}


@dataclass(frozen=True)
class Template:
    key: str
    label: str
    subject: str
    body: str
    edited: bool


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    missing: tuple[str, ...]  # placeholder names with no value

    @property
    def text(self) -> str:
        return f"{self.subject}\n\n{self.body}"


def templates() -> list[Template]:
    edited = {row.key: row for row in OutreachTemplate.select()}
    result = []
    for key, (label, subject, body) in TEMPLATES.items():
        row = edited.get(key)
        result.append(
            Template(
                key,
                label,
                row.subject if row else subject,
                row.body if row else body,
                row is not None,
            )
        )
    return result


def get_template(key: str) -> Template:
    for template in templates():
        if template.key == key:
            return template
    raise RecordNotFound(f"template {key}")


def save_template(key: str, subject: str, body: str) -> Template:
    if key not in TEMPLATES:
        raise RecordNotFound(f"template {key}")
    if _GAP.search(subject + body):
        raise ValidationError(
            "body", "This still has «…?» gaps from a filled-in draft; use {placeholders}."
        )
    label = TEMPLATES[key][0]
    cleaned_subject = clean_text("subject", subject, limit=300)
    cleaned_body = clean_text("body", body, limit=20_000, required="A message needs some words.")
    with write_transaction():
        OutreachTemplate.insert(
            key=key, label=label, subject=cleaned_subject, body=cleaned_body
        ).on_conflict_replace().execute()
    return get_template(key)


def reset_template(key: str) -> Template:
    """Back to the words Pathfinder came with."""
    with write_transaction():
        OutreachTemplate.delete().where(OutreachTemplate.key == key).execute()
    return get_template(key)


def values_for(person_id: int, target_role_id: int | None = None) -> dict[str, str]:
    """What each placeholder stands for, from the person, the role and the why."""
    person = Contact.get_or_none(Contact.id == person_id)
    if person is None:
        raise RecordNotFound(f"person {person_id}")
    role = TargetRole.get_or_none(TargetRole.id == target_role_id) if target_role_id else None
    why = current_why()
    organisation = person.organisation.name if person.organisation_id else ""
    introducer = person.introduced_by.name if person.introduced_by_id else ""
    how = f"through {introducer}" if introducer else HOW_WE_MET.get(person.source, "")
    return {
        "first_name": person.name.split()[0] if person.name.split() else "",
        "organisation": organisation,
        "role": person.title,
        "target_role": role.title if role else "",
        "how_we_met": how,
        "my_why": _sentence(why.reason)
        if why and why.reason.strip()
        else (why.one_line() if why else ""),
    }


def _sentence(text: str) -> str:
    line = " ".join(text.split())
    return line if line.endswith((".", "!", "?")) else line + "."


def fill(text: str, values: dict[str, str]) -> tuple[str, list[str]]:
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PLACEHOLDERS:
            # A typo such as {First_Name} must not slip through into a sent message.
            missing.append(name)
            return f"«{{{name}}}?»"
        value = values.get(name, "").strip()
        if not value:
            missing.append(name)
            return f"«{PLACEHOLDERS[name]}?»"
        return value

    return _PLACEHOLDER.sub(replace, text), missing


def draft(key: str, person_id: int, target_role_id: int | None = None) -> Draft:
    template = get_template(key)
    values = values_for(person_id, target_role_id)
    subject, missing_subject = fill(template.subject, values)
    body, missing_body = fill(template.body, values)
    missing = tuple(dict.fromkeys(missing_subject + missing_body))
    return Draft(subject, body, missing)


def source_label(source: str) -> str:
    return SOURCE_LABELS.get(source, source)
