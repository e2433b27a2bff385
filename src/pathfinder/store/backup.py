"""Copies of the notebook made with SQLite's online backup API, never a file copy."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from pathfinder.store.errors import StorageWriteError

BACKUP_MODE = 0o600


def backup_database(source: sqlite3.Connection, destination: Path) -> Path:
    """Write a consistent copy of `source` to `destination` (mode 0600), atomically."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(destination.name + ".partial")
    if temporary.exists():
        temporary.unlink()
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, BACKUP_MODE)
    os.close(descriptor)
    target = sqlite3.connect(temporary)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=delete")
    except BaseException:
        target.close()
        temporary.unlink(missing_ok=True)
        raise
    target.close()
    os.chmod(temporary, BACKUP_MODE)
    os.replace(temporary, destination)
    return destination


def backup_first(source: sqlite3.Connection, backups_dir: Path, name: str, now: datetime) -> Path:
    """`backups_dir/NAME-YYYYmmdd-HHMMSS.sqlite3` (then -2, -3… within the same second),
    made before a change the person may want to take back (an import, a merge, an undo).
    A disk that can't take it is a StorageWriteError saying nothing was changed, not a bug."""
    stem = f"{name}-{now:%Y%m%d-%H%M%S}"
    target, number = backups_dir / f"{stem}.sqlite3", 1
    while target.exists():
        number += 1
        target = backups_dir / f"{stem}-{number}.sqlite3"
    try:
        return backup_database(source, target)
    except (OSError, sqlite3.Error) as error:
        raise StorageWriteError(
            f"Pathfinder makes a backup first, and the backup failed ({error}). "
            "Nothing was changed. Free some space, then try again."
        ) from None
