"""The fields of a contact: their choices and labels, and the checks on what is typed."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from pathfinder.services.validation import (
    SHORT_TEXT_LIMIT,
    ValidationError,
    clean_choice,
    clean_text,
)
from pathfinder.store.models import LEVELS, RELATIONSHIPS, SOURCES

# Notes are private Markdown and may be long (a pasted article); 2 MB of text.
NOTES_LIMIT = 2_000_000

LEVEL_LABELS = {1: "Inner circle", 2: "Knows me", 3: "New contact"}
LEVEL_HINTS = {
    1: "Close colleagues, friends and family who would vouch for you.",
    2: "People who know you and your work, even a little.",
    3: "People you are just getting to know, or would like to.",
}
SOURCE_LABELS = {
    "former_coworker": "Former co-worker",
    "current_coworker": "Current co-worker",
    "collaborator": "Project collaborator",
    "professor": "Professor",
    "classmate": "Classmate",
    "friend_family": "Friend or family",
    "association": "Professional association",
    "event": "Event",
    "online": "Online",
    "introduction": "Introduction",
    "other": "Other",
}
RELATIONSHIP_LABELS = {
    "mentor": "Mentor",
    "peer": "Peer",
    "hiring_manager": "Hiring manager",
    "recruiter": "Recruiter",
    "other": "Other",
}
CADENCES = {14: "Every 2 weeks", 30: "Every month", 91: "Every quarter", 182: "Every half-year"}
NAME_REQUIRED = "Every person needs a name, even just a first name."

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]+(?:\s*(?:x|ext\.?)\s*[0-9]+)?$", re.IGNORECASE)
# An address `clean_url` takes as it is, without asking urlsplit (a fifth of the time of
# a 30,000-row import went there): http(s), a plain host name with a dot, then a path.
_PLAIN_URL = re.compile(r"https?://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?:[/?#]\S*)?")


def clean_email(value: str) -> str:
    email = value.strip()
    if email and not _EMAIL.match(email):
        raise ValidationError(
            "email", "That doesn't look like an email address (name@example.org)."
        )
    return email


def clean_phone(value: str) -> str:
    phone = value.strip()
    digits = sum(character.isdigit() for character in phone)
    if phone and (not _PHONE.match(phone) or not 5 <= digits <= 20):
        raise ValidationError(
            "phone", "Use digits, spaces and + - ( ) only, for example +44 20 7946 0958."
        )
    return phone


def clean_url(field: str, value: str) -> str:
    """An http(s) address; 'linkedin.com/in/x' gains its missing https://."""
    url = value.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    if _PLAIN_URL.fullmatch(url):
        return url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url:
        raise ValidationError(field, "That isn't a web address, for example linkedin.com/in/name.")
    return url


_LEVEL_CHOICES = tuple(str(level) for level in LEVELS)
_CADENCE_CHOICES = tuple(str(days) for days in CADENCES)
_CLEANERS: dict[str, Any] = {
    "name": lambda v: clean_text("name", v, limit=SHORT_TEXT_LIMIT, required=NAME_REQUIRED),
    "title": lambda v: clean_text("title", v, limit=SHORT_TEXT_LIMIT),
    "email": clean_email,
    "phone": clean_phone,
    "linkedin_url": lambda v: clean_url("linkedin_url", v),
    "location": lambda v: clean_text("location", v, limit=SHORT_TEXT_LIMIT),
    "level": lambda v: int(clean_choice("level", str(v), _LEVEL_CHOICES)),
    "source": lambda v: clean_choice("source", v, SOURCES),
    "relationship": lambda v: clean_choice("relationship", v, RELATIONSHIPS),
    "hiring_power": bool,
    "target_field": bool,
    "cadence_days": lambda v: (
        None if v is None else int(clean_choice("cadence_days", str(v), _CADENCE_CHOICES))
    ),
    "notes": lambda v: clean_text("notes", v, limit=NOTES_LIMIT),
    "introduced_by_id": lambda v: v,
    "introduced_on": lambda v: v,
}
_KNOWN = frozenset(_CLEANERS) | {"organisation", "tags"}


def url_host(url: str) -> str:
    """The host of a web address `clean_url` took, lower-cased ('' if it has none)."""
    plain = _PLAIN_URL.fullmatch(url)
    if plain:
        return plain.group(1).lower()
    return (urlsplit(url).hostname or "").casefold()


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Check and tidy the given person fields (organisation and tags are handled apart)."""
    unknown = fields.keys() - _KNOWN
    if unknown:
        raise TypeError(f"not a person field: {sorted(unknown)}")
    cleaners = _CLEANERS
    return {name: cleaners[name](value) for name, value in fields.items() if name in cleaners}
