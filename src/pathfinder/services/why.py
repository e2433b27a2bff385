"""The person's why: its dated versions and a word-by-word comparison of any two.

A version is one day's why. Changing it on the day it was written revises that
version; changing it on a later day (or after asking for a new version) keeps
the old one in the history and starts a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pathfinder.services.validation import clean_text
from pathfinder.store.database import write_transaction
from pathfinder.store.models import WhyVersion

WHY_PART_LIMIT = 20_000
WHY_PARTS: tuple[tuple[str, str], ...] = (
    ("coming_from", "Where I'm coming from"),
    ("going_to", "Where I'd like to go"),
    ("reason", "Why"),
)


@dataclass(frozen=True)
class Why:
    id: int
    written_at: datetime
    updated_at: datetime
    coming_from: str
    going_to: str
    reason: str

    def part(self, name: str) -> str:
        return str(getattr(self, name))

    def same_text(self, coming_from: str, going_to: str, reason: str) -> bool:
        return (self.coming_from, self.going_to, self.reason) == (coming_from, going_to, reason)

    def one_line(self) -> str:
        """The why in a line, for headers and Today: where they want to go, else the rest."""
        for text in (self.going_to, self.reason, self.coming_from):
            line = " ".join(text.split())
            if line:
                return line
        return ""


def _from_row(row: WhyVersion) -> Why:
    return Why(
        id=row.id,
        written_at=row.written_at,
        updated_at=row.updated_at,
        coming_from=row.coming_from,
        going_to=row.going_to,
        reason=row.reason,
    )


def current_why() -> Why | None:
    row = WhyVersion.select().order_by(WhyVersion.written_at.desc(), WhyVersion.id.desc()).first()
    return _from_row(row) if row else None


def why_history() -> list[Why]:
    """Every version, newest first."""
    query = WhyVersion.select().order_by(WhyVersion.written_at.desc(), WhyVersion.id.desc())
    return [_from_row(row) for row in query]


def save_why(
    coming_from: str,
    going_to: str,
    reason: str,
    *,
    now: datetime | None = None,
    new_version: bool = False,
) -> Why | None:
    """Save the why, revising today's version or starting a new one.

    Saving text identical to the current version changes nothing; an empty
    first why is not saved (None).
    """
    now = now or datetime.now()
    parts = {
        "coming_from": clean_text("coming_from", coming_from, limit=WHY_PART_LIMIT),
        "going_to": clean_text("going_to", going_to, limit=WHY_PART_LIMIT),
        "reason": clean_text("reason", reason, limit=WHY_PART_LIMIT),
    }
    latest = current_why()
    if latest is not None and latest.same_text(**parts):
        return latest
    if latest is None and not any(parts.values()):
        return None
    revise = latest is not None and not new_version and latest.written_at.date() == now.date()
    with write_transaction():
        if revise:
            assert latest is not None
            WhyVersion.update(updated_at=now, **parts).where(WhyVersion.id == latest.id).execute()
            row_id = latest.id
        else:
            row_id = WhyVersion.insert(written_at=now, updated_at=now, **parts).execute()
    return _from_row(WhyVersion.get_by_id(row_id))


ChunkKind = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class Chunk:
    text: str
    kind: ChunkKind


@dataclass(frozen=True)
class PartComparison:
    """One part of the why, as the older side and the newer side show it."""

    name: str
    label: str
    older: list[Chunk]
    newer: list[Chunk]

    @property
    def changed(self) -> bool:
        return any(chunk.kind != "same" for chunk in self.older + self.newer)


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def compare_texts(older: str, newer: str) -> tuple[list[Chunk], list[Chunk]]:
    """Word-level differences: the older side marks removals, the newer side additions."""
    import difflib  # only to compare two versions, never at start

    old_tokens = _TOKEN.findall(older)
    new_tokens = _TOKEN.findall(newer)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    left: list[Chunk] = []
    right: list[Chunk] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_text = "".join(old_tokens[i1:i2])
        new_text = "".join(new_tokens[j1:j2])
        if tag == "equal":
            left.append(Chunk(old_text, "same"))
            right.append(Chunk(new_text, "same"))
            continue
        if old_text:
            left.append(Chunk(old_text, "removed"))
        if new_text:
            right.append(Chunk(new_text, "added"))
    return left, right


def compare_versions(older: Why, newer: Why) -> list[PartComparison]:
    comparisons = []
    for name, label in WHY_PARTS:
        left, right = compare_texts(older.part(name), newer.part(name))
        comparisons.append(PartComparison(name, label, left, right))
    return comparisons
