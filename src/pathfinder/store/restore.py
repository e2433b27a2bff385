"""Putting a backup back in place of the notebook.

The notebook must be closed (the window closes it first; the command line holds the
one-instance lock). The steps are ordered so that stopping after any of them (a kill,
a power cut, a refusing disk) leaves either the old notebook or the restored one at
the notebook's name, never nothing:

1. the backup is copied, and checked, to `NAME.restoring`;
2. the notebook as it was is kept: a healthy one has its write-ahead log folded in
   and is copied as a `before-restore` backup (restoring that one undoes the
   restore); anything else (damaged, empty, foreign) is copied byte for byte to
   `NAME.STAMP.damaged`, its side files moved beside that copy;
3. the side files are removed (their content is in step 2's copy): a log left
   behind would be replayed into the restored file;
4. `NAME.restoring` replaces the notebook in one rename.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pathfinder.store.backup import (
    BACKUP_MODE,
    BadBackupError,
    backup_database,
    fsync_path,
    private_folder,
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
    if database.is_dir():
        raise RestoreError(
            f"Where your notebook file should be, there is a folder:\n{database}\n\n"
            "Nothing was changed. Move or rename that folder, then restore again."
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
                _fold_in_the_log(database)
                set_aside = make_backup(database, backups_dir, "before-restore", now)
            else:
                damaged = _copy_as_damaged(database, stamp)
        else:
            _move_orphans(database, backups_dir, stamp)
        for suffix in SIDE_SUFFIXES:
            with contextlib.suppress(FileNotFoundError):
                database.with_name(database.name + suffix).unlink()
        os.replace(incoming, database)
        os.chmod(database, BACKUP_MODE)
    except (OSError, sqlite3.Error, BadBackupError) as error:
        with contextlib.suppress(OSError):
            incoming.unlink()
        raise RestoreError(
            f"The restore stopped before it replaced your notebook ({error}).\n\n"
            "Your notebook is still in its place. Free some space, then try again."
        ) from None
    with contextlib.suppress(OSError):
        fsync_path(database.parent)
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


def _fold_in_the_log(database: Path) -> None:
    """Write what the write-ahead log holds into the file itself (after a kill, saves
    may still be there), so removing the log later loses nothing."""
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _copy_as_damaged(database: Path, stamp: str) -> Path:
    """Copy the file byte for byte beside it, and move its side files beside the copy."""
    target = database.with_name(f"{database.name}.{stamp}.damaged")
    number = 1
    while target.exists():
        number += 1
        target = database.with_name(f"{database.name}.{stamp}-{number}.damaged")
    shutil.copyfile(database, target)
    os.chmod(target, BACKUP_MODE)
    fsync_path(target)
    for suffix in SIDE_SUFFIXES:
        side = database.with_name(database.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def _move_orphans(database: Path, backups_dir: Path, stamp: str) -> None:
    """Side files with no notebook: kept in the backups folder, as a new notebook does."""
    for suffix in SIDE_SUFFIXES:
        side = database.with_name(database.name + suffix)
        if side.exists():
            private_folder(backups_dir)
            os.replace(side, backups_dir / f"orphan-{stamp}-{side.name}")
