"""Copies of the notebook made with SQLite's online backup API, never a file copy.

Every copy is written under a temporary name, checked (it opens, `quick_check` is
ok, the application id is Pathfinder's), and only then renamed into place, so a
file in `backups/` with a finished name is a backup that was good when made.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from pathfinder.store.errors import StorageWriteError

BACKUP_MODE = 0o600
BACKUP_SUFFIX = ".sqlite3"
PARTIAL_SUFFIX = ".partial"
# "PtHf", as in store.database (which imports this module, so it can't be imported here).
APPLICATION_ID = 0x50744866


class BadBackupError(Exception):
    """A copy that does not read back as a whole Pathfinder notebook."""


def backup_database(source: sqlite3.Connection, destination: Path) -> Path:
    """Write a consistent, checked copy of `source` to `destination` (mode 0600), atomically.

    Raises OSError or sqlite3.Error when the disk refuses, BadBackupError when the
    copy does not read back; nothing is left behind under either name then."""
    private_folder(destination.parent)
    # Named for this process and thread, so two copies made at once never share it.
    unique = f".{os.getpid()}-{threading.get_ident()}"
    temporary = destination.with_name(destination.name + unique + PARTIAL_SUFFIX)
    if temporary.exists():
        temporary.unlink()
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, BACKUP_MODE)
    os.close(descriptor)
    try:
        target = sqlite3.connect(temporary)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=delete")
        finally:
            target.close()
        os.chmod(temporary, BACKUP_MODE)
        verify_backup(temporary)
        fsync_path(temporary)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    os.replace(temporary, destination)
    with contextlib.suppress(OSError):
        fsync_path(destination.parent)
    return destination


def private_folder(folder: Path) -> None:
    """Make `folder` (mode 0700, whatever the umask) if it isn't there."""
    if folder.is_dir():
        return
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)


def verify_backup(path: Path) -> None:
    """Raise BadBackupError unless `path` opens, passes `quick_check` and is ours."""
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BadBackupError(f"it can't be opened ({error})") from None
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        verdict = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BadBackupError(f"it can't be read ({error})") from None
    finally:
        connection.close()
    if application_id != APPLICATION_ID:
        raise BadBackupError("it is not a Pathfinder notebook")
    if verdict != "ok":
        raise BadBackupError(f"it is damaged ({verdict})")


def backup_path(backups_dir: Path, name: str, now: datetime) -> Path:
    """`backups_dir/NAME-YYYYmmdd-HHMMSS.sqlite3`, then -2, -3… within the same second."""
    stem = f"{name}-{now:%Y%m%d-%H%M%S}"
    target, number = backups_dir / f"{stem}{BACKUP_SUFFIX}", 1
    while target.exists():
        number += 1
        target = backups_dir / f"{stem}-{number}{BACKUP_SUFFIX}"
    return target


def backup_first(source: sqlite3.Connection, backups_dir: Path, name: str, now: datetime) -> Path:
    """A checked backup made before a change the person may want to take back (an
    import, a merge, an undo, a restore, a repair). A disk that can't take it is a
    StorageWriteError saying nothing was changed, not a bug."""
    from pathfinder.store.backups import rotate

    try:
        made = backup_database(source, backup_path(backups_dir, name, now))
    except (OSError, sqlite3.Error, BadBackupError) as error:
        raise StorageWriteError(
            f"Pathfinder makes a backup first, and the backup failed ({error}). "
            "Nothing was changed. Free some space, then try again."
        ) from None
    with contextlib.suppress(OSError):
        rotate(backups_dir, now, known_good=made)  # so the folder stays bounded
    return made


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's entries, to the disk.

    A file is opened for writing: Windows flushes only a writable handle. A folder can be
    flushed on POSIX only (there, it must be opened read-only); elsewhere it is skipped."""
    if path.is_dir():
        if os.name != "posix":
            return
        descriptor = os.open(path, os.O_RDONLY)
    else:
        descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
