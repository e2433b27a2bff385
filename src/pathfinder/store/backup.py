"""Copies of the notebook made with SQLite's online backup API, never a file copy."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

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
