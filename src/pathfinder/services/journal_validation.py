"""Checking what is typed into a journal entry before it is saved: its date, the 1-5
scales for mood and confidence, its tags and its text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pathfinder.services.validation import (
    LONG_TEXT_LIMIT,
    SHORT_TEXT_LIMIT,
    ValidationError,
    clean_text,
)

# An entry can be long (a month's review), but not a pasted book.
BODY_LIMIT = LONG_TEXT_LIMIT
TAG_LIMIT = 40
SCALE = (1, 2, 3, 4, 5)


def clean_written_at(value: datetime, now: datetime) -> datetime:
    if not 1900 <= value.year <= 2200:
        raise ValidationError("written_at", "That date is out of range.")
    if value.date() > now.date():
        raise ValidationError(
            "written_at",
            "An entry can't be dated in the future. Write about what is ahead today instead.",
        )
    return value.replace(microsecond=0)


def clean_scale(field_name: str, value: int | None) -> int | None:
    if value is not None and value not in SCALE:
        raise ValidationError(field_name, "Use a number from 1 to 5, or leave it empty.")
    return value


def clean_tags(names: Iterable[str]) -> list[str]:
    kept: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = " ".join(raw.replace(",", " ").split()).lstrip("#")
        if not name:
            continue
        if len(name) > TAG_LIMIT:
            raise ValidationError("tags", f"A tag can be up to {TAG_LIMIT} characters.")
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    """Text as UTF-8 can hold it: a lone surrogate (only an importer could send one)
    becomes U+FFFD instead of failing the save."""
    return _SURROGATE.sub("\ufffd", text)


def clean_fields(now: datetime, fields: dict[str, Any]) -> dict[str, Any]:
    """The given fields of an entry as they will be saved; a ValidationError names the first
    one that can't be."""
    cleaned: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "written_at":
            cleaned[name] = clean_written_at(value, now)
        elif name == "title":
            cleaned[name] = clean_text("title", _encodable(value), limit=SHORT_TEXT_LIMIT)
        elif name == "body":
            # Keep the text exactly as typed (leading spaces can be Markdown), but bounded.
            if len(value) > BODY_LIMIT:
                raise ValidationError(
                    "body",
                    f"This entry is {len(value):,} characters; an entry can hold up to "
                    f"{BODY_LIMIT:,}. Nothing was lost: your text is still here to shorten "
                    "or split into two entries.",
                )
            cleaned[name] = _encodable(value)
        elif name in ("mood", "confidence"):
            cleaned[name] = clean_scale(name, value)
        elif name == "shared":
            cleaned[name] = bool(value)
        elif name == "prompt":
            cleaned[name] = clean_text("prompt", _encodable(value), limit=SHORT_TEXT_LIMIT * 2)
        else:
            raise TypeError(f"unknown journal field {name!r}")
    return cleaned
