"""A safety copy of journal text that is typed but not saved yet.

The editor saves to the notebook a second after typing pauses. In between, each
change is also written here (a small private file, replaced atomically), so if
the process is killed mid-sentence the next start can offer the words back. The
file is removed as soon as the notebook has the text.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

FILE_MODE = 0o600


@dataclass(frozen=True)
class UnsavedText:
    entry_id: int | None  # None: a new entry that never reached the notebook
    title: str
    body: str
    written_at: str  # ISO date and time the entry carries
    noted_at: str  # when this copy was taken (ISO)
    prompt: str = ""  # a new entry's prompt
    links: tuple[tuple[str, int], ...] = ()  # a new entry's links, made on its first save


def keep(path: Path, unsaved: UnsavedText) -> None:
    """Replace the safety copy. No fsync: this guards against the process dying, and the
    operating system still writes the file out after that."""
    temporary = path.with_name(path.name + ".tmp")
    # ASCII JSON: any string can be written, even one with a lone surrogate.
    data = json.dumps(asdict(unsaved), ensure_ascii=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(data)
    os.replace(temporary, path)


def read(path: Path) -> UnsavedText | None:
    """The safety copy, or None when there is none or it can't be read (a half-written or
    foreign file is set aside, never trusted)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        _set_aside(path)
        return None
    try:
        data = json.loads(raw)
        entry_id = data["entry_id"]
        unsaved = UnsavedText(
            entry_id=None if entry_id is None else int(entry_id),
            title=str(data["title"]),
            body=str(data["body"]),
            written_at=str(data["written_at"]),
            noted_at=str(data["noted_at"]),
            prompt=str(data.get("prompt", "")),
            links=tuple((str(kind), int(target)) for kind, target in data.get("links", [])),
        )
    except (ValueError, KeyError, TypeError):
        _set_aside(path)
        return None
    return unsaved


def forget(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _set_aside(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.replace(path, path.with_name(path.name + ".unreadable"))
