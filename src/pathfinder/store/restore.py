"""Putting a backup back in place of the notebook.

The notebook must be closed (the window closes it first; the command line holds the
one-instance lock). The notebook as it was is kept first: a healthy one as a
`before-restore` backup, so restoring that one undoes the restore; anything else (a
damaged, empty or foreign file) is renamed to `NAME.STAMP.damaged` beside it, byte
for byte. Only then is a checked copy of the backup moved into place.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pathfinder.store.backup import (
    BACKUP_MODE,
    BadBackupError,
    backup_database,
    verify_backup,
)
from pathfinder.store.backups import make_backup
from pathfinder.store.errors import StoreError

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class RestoreError(StoreError):
    title = "Pathfinder couldn't restore the backup"


@dataclass(frozen=True)
class Restored:
    set_aside: Path | None  # the notebook as it was, as a backup (None: it was not healthy)
    damaged: Path | None  # the file that was there, renamed, when it was not healthy


def restore_backup(backup: Path, database: Path, backups_dir: Path, now: datetime) -> Restored:
    """Replace the closed notebook at `database` with a copy of `backup`.

    RestoreError (nothing changed) when the backup is unusable or the disk refuses."""
    from pathfinder.store.migrations import LATEST_VERSION

    try:
        verify_backup(backup)
        version = _version_of(backup)
    except (BadBackupError, sqlite3.Error, OSError) as error:
        raise RestoreError(
            f"The backup {backup.name} can't be used: {error}.\n\n"
            "Nothing was changed. Choose another backup."
        ) from None
    if version > LATEST_VERSION:
        raise RestoreError(
            f"The backup {backup.name} was made by a newer version of Pathfinder.\n\n"
            "Nothing was changed. Install the newer version to restore it."
        )
    stamp = f"{now:%Y%m%d-%H%M%S}"
    incoming = database.with_name(database.name + ".restoring")
    try:
        source = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
        try:
            backup_database(source, incoming)
        finally:
            source.close()
    except (OSError, sqlite3.Error, BadBackupError) as error:
        with contextlib.suppress(OSError):
            incoming.unlink()
        raise RestoreError(
            f"The backup could not be copied ({error}).\n\nNothing was changed. Free some "
            "space, then try again."
        ) from None

    set_aside: Path | None = None
    damaged: Path | None = None
    try:
        if database.exists():
            if _healthy(database):
                set_aside = make_backup(database, backups_dir, "before-restore", now)
            else:
                damaged = _keep_as_damaged(database, stamp)
        for suffix in SIDE_SUFFIXES:
            # They belong to the file being replaced (and are in the copy set aside).
            with contextlib.suppress(FileNotFoundError):
                database.with_name(database.name + suffix).unlink()
        os.replace(incoming, database)
        os.chmod(database, BACKUP_MODE)
    except (OSError, sqlite3.Error, BadBackupError) as error:
        with contextlib.suppress(OSError):
            incoming.unlink()
        raise RestoreError(
            f"The restore stopped before it replaced your notebook ({error}).\n\n"
            "Your notebook is as it was. Free some space, then try again."
        ) from None
    with contextlib.suppress(OSError):
        _fsync_dir(database.parent)
    return Restored(set_aside, damaged)


def _version_of(path: Path) -> int:
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def _healthy(database: Path) -> bool:
    try:
        verify_backup(database)  # the same test a backup passes: ours, readable, whole
    except (BadBackupError, OSError, sqlite3.Error):
        return False
    return True


def _keep_as_damaged(database: Path, stamp: str) -> Path:
    """Rename the file (and its side files) out of the way, keeping every byte."""
    target = database.with_name(f"{database.name}.{stamp}.damaged")
    number = 1
    while target.exists():
        number += 1
        target = database.with_name(f"{database.name}.{stamp}-{number}.damaged")
    for suffix in SIDE_SUFFIXES:
        side = database.with_name(database.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(database, target)
    return target


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
