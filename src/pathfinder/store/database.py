"""Opening, creating and closing the notebook file.

One `DatabaseProxy` (`db`) is bound to the open notebook; every model derives
from `BaseModel`. A file is inspected read-only before anything writes to it,
so a foreign, damaged or newer notebook is refused byte-identical.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import peewee
from peewee import DatabaseProxy, Model, SqliteDatabase

from pathfinder.store.backup import APPLICATION_ID as APPLICATION_ID
from pathfinder.store.backup import (
    BadBackupError,
    backup_database,
    backup_path,
    fsync_path,
    private_folder,
)
from pathfinder.store.errors import (
    DamagedDatabaseError,
    DataFolderError,
    EmptyNotebookError,
    ForeignDatabaseError,
    MissingNotebookError,
    NewerDatabaseError,
    ReadOnlyNotebookError,
    StorageWriteError,
    UpgradeError,
    UpgradeFailedBeforeError,
)

FILE_MODE = 0o600
SQLITE_MAGIC = b"SQLite format 3\x00"

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -16000,
}

db = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


def open_notebook(
    path: Path,
    backups_dir: Path,
    *,
    now: datetime | None = None,
    retry_upgrade: bool = False,
    new_if_missing: bool = True,
) -> SqliteDatabase:
    """Open the notebook at `path`, creating or migrating it, and bind `db` to it.

    Problems of the environment (a full disk, a damaged file) become StoreErrors
    with a message for the user; the file is left as it was. An upgrade that failed
    before is not tried again (UpgradeFailedBeforeError) unless `retry_upgrade`.
    Without `new_if_missing`, a missing file with backups beside it is a
    MissingNotebookError rather than a new, empty notebook.
    """
    from pathfinder.store.migrations import LATEST_VERSION

    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    try:
        version = inspect_notebook(path)
    except EmptyNotebookError as error:
        raise EmptyNotebookError(error.message + _backups_hint(backups_dir)) from None
    if version is not None and version < LATEST_VERSION and not retry_upgrade:
        failed_before = upgrade_failure(path)
        if failed_before is not None:
            raise UpgradeFailedBeforeError(failed_before)
    if version is None and not new_if_missing:
        from pathfinder.store.backups import list_backups

        if list_backups(backups_dir):
            raise MissingNotebookError(
                f"There is no notebook file in\n{path.parent}\nbut there are backups of "
                f"one.{_backups_hint(backups_dir)} Pathfinder did not start a new, empty "
                "notebook in its place."
            )
    if version is None:
        try:
            _create_notebook(path, backups_dir, stamp)
        except (OSError, sqlite3.Error, peewee.DatabaseError) as error:
            raise UpgradeError(
                f"Pathfinder couldn't create a new notebook in\n{path.parent}\n({error}).\n\n"
                "Nothing was changed. Free some space or choose another folder with "
                "--data-dir, then start Pathfinder again."
            ) from None
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        database.connect()
        if version is not None and version < LATEST_VERSION:
            backup = backup_path(backups_dir, f"before-upgrade-v{version}", now or datetime.now())
            _upgrade(database, path, version, backup)
            _forget_upgrade_failure(path)
    except peewee.DatabaseError as error:
        database.close()
        raise DamagedDatabaseError(_damaged_message(path, str(error))) from None
    except BaseException:
        database.close()
        raise
    db.initialize(database)
    return database


def _upgrade(database: SqliteDatabase, path: Path, version: int, backup: Path) -> None:
    from pathfinder.store.migrations import migrate

    try:
        backup_database(database.connection(), backup)
    except (OSError, sqlite3.Error, BadBackupError) as error:
        raise UpgradeError(
            "Pathfinder needs to upgrade your notebook to this version and makes a backup "
            f"first, but the backup failed ({error}).\n\nYour notebook was not changed. "
            "Free some space, then start Pathfinder again."
        ) from None
    try:
        migrate(database)
    except Exception as error:
        # A failed step rolls back with its transaction. Whatever the cause (the disk, or a
        # mistake in Pathfinder), the next start must not try again silently.
        reason = (
            str(error)
            if isinstance(error, sqlite3.Error | peewee.DatabaseError)
            else (f"an unexpected {type(error).__name__} in Pathfinder")
        )
        message = (
            f"Upgrading your notebook to this version of Pathfinder failed ({reason}).\n\n"
            "The upgrade is all or nothing, so your notebook is exactly as it was, and a "
            f"backup from just before is in\n{backup}"
        )
        _remember_upgrade_failure(path, message)
        raise UpgradeError(message) from error


def close_notebook() -> None:
    if db.obj is not None and not db.obj.is_closed():
        db.obj.close()


def inspect_notebook(path: Path) -> int | None:
    """Return the schema version of an existing notebook, or None when there is none yet.

    Raises a StoreError for anything Pathfinder must not open. Reads only.
    """
    from pathfinder.store.migrations import LATEST_VERSION

    if path.is_dir():
        raise DataFolderError(
            f"Where your notebook file should be, there is a folder:\n{path}\n\n"
            "Pathfinder left it as it is. Move or rename that folder, or start Pathfinder "
            "with --data-dir pointing to another folder."
        )
    if not path.exists():
        return None
    if path.stat().st_mode & 0o222 == 0 or not os.access(path, os.W_OK):
        raise ReadOnlyNotebookError(
            f"Your notebook file is read-only, so nothing you write could be saved:\n{path}"
            "\n\nPathfinder left it as it is. Make the file writable again (in its "
            "properties, or with chmod u+w), then start Pathfinder again."
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise DamagedDatabaseError(_damaged_message(path, error.strerror or str(error))) from None
    if size == 0:
        raise EmptyNotebookError(
            f"Your notebook file is empty (0 bytes):\n{path}\n\nPathfinder left it as it "
            "is and did not start a new notebook over it."
        )
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise DamagedDatabaseError(_damaged_message(path, "it is not a database file at all"))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]
    if header_size_valid and page_count and size < page_size * page_count:
        expected = page_size * page_count
        raise DamagedDatabaseError(
            _damaged_message(path, f"it is cut short ({size:,} of {expected:,} bytes)")
        )

    # Reading a WAL notebook, even read-only, makes SQLite create its side files;
    # remove the ones this look created, so a refused file is left as it was found.
    side_files = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = {side: side.exists() for side in side_files}
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(_damaged_message(path, str(error))) from None
    finally:
        for side in side_files:
            if not existed[side]:
                with contextlib.suppress(OSError):
                    side.unlink()

    if application_id != APPLICATION_ID:
        raise ForeignDatabaseError(
            f"This file is a database, but not a Pathfinder notebook:\n{path}\n\n"
            "Pathfinder left it untouched. If another program made it, move it out of "
            "Pathfinder's data folder, or start Pathfinder with --data-dir pointing to "
            "another folder."
        )
    if version > LATEST_VERSION:
        raise NewerDatabaseError(
            f"This notebook was written by a newer version of Pathfinder:\n{path}\n\n"
            f"(notebook format {version}; this version of Pathfinder reads up to "
            f"{LATEST_VERSION}). Pathfinder left it untouched. Install the newer version "
            "to open it."
        )
    return int(version)


def _backups_hint(backups_dir: Path) -> str:
    from pathfinder.store.backups import list_backups

    backups = list_backups(backups_dir)
    if not backups:
        return " No backups of it were found."
    newest = backups[0].made_at
    return (
        f" Pathfinder has {len(backups)} backup{'s' if len(backups) != 1 else ''} of it, the "
        f"newest from {newest:%d %B %Y, %H:%M}: choose one to restore."
    )


# -- an upgrade that failed is not tried again silently at every start -------------

UPGRADE_FAILED_SUFFIX = ".upgrade-failed.json"


def _failure_file(path: Path) -> Path:
    return path.with_name(path.name + UPGRADE_FAILED_SUFFIX)


def _remember_upgrade_failure(path: Path, message: str) -> None:
    import json

    from pathfinder import __version__
    from pathfinder.store.backups import fingerprint

    record = {"version": __version__, "fingerprint": fingerprint(path), "message": message}
    with contextlib.suppress(OSError):
        descriptor = os.open(_failure_file(path), os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(record, handle)


def _forget_upgrade_failure(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        _failure_file(path).unlink()


def upgrade_failure(path: Path) -> str | None:
    """The message of an upgrade that failed on this very file with this very version of
    Pathfinder, or None (none failed, or the file or Pathfinder has changed since)."""
    import json

    from pathfinder import __version__
    from pathfinder.store.backups import fingerprint

    try:
        record = json.loads(_failure_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("version") != __version__:
        return None
    if record.get("fingerprint") != fingerprint(path):
        return None
    return str(record.get("message", ""))


def _damaged_message(path: Path, reason: str) -> str:
    return (
        f"Your notebook file can't be read ({reason}):\n{path}\n\n"
        "Pathfinder left it exactly as it is and did not replace it. Keep a copy of it; "
        "backups are in the 'backups' folder next to it."
    )


def _create_notebook(path: Path, backups_dir: Path, stamp: str) -> None:
    """Build a new notebook under a temporary name, then move it into place.

    A half-made notebook therefore never sits at `path`. A journal left behind by
    a notebook that was deleted would be replayed into the new one, so it is
    moved into the backups folder first.
    """
    from pathfinder.store.migrations import migrate

    temporary = path.with_name(path.name + ".new")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    os.close(descriptor)
    os.chmod(temporary, FILE_MODE)
    database = SqliteDatabase(str(temporary), pragmas={"foreign_keys": 1, "synchronous": "full"})
    try:
        database.connect()
        database.application_id = APPLICATION_ID
        migrate(database)
    finally:
        database.close()
    fsync_path(temporary)
    for suffix in ("-wal", "-shm", "-journal"):
        stray = path.with_name(path.name + suffix)
        if stray.exists():
            private_folder(backups_dir)
            os.replace(stray, backups_dir / f"orphan-{stamp}-{stray.name}")
    os.replace(temporary, path)
    fsync_path(path.parent)


@contextlib.contextmanager
def write_transaction() -> Iterator[None]:
    """One transaction for one save; a failing disk becomes a StorageWriteError."""
    try:
        with db.atomic():
            yield
    except (peewee.IntegrityError, sqlite3.IntegrityError):
        raise  # a broken constraint is a bug, not the disk
    except (peewee.DatabaseError, sqlite3.DatabaseError) as error:
        # (Bulk writes use the sqlite3 cursor directly: its errors are sqlite3's own.)
        # After SQLITE_FULL and similar, SQLite has already rolled back, so peewee's own
        # rollback fails too; the first error in the chain is the one that explains it.
        cause: BaseException = error
        while isinstance(cause.__context__, peewee.OperationalError | sqlite3.OperationalError):
            cause = cause.__context__
        reason = str(cause)
        raise StorageWriteError(
            _write_failure_message(reason), reason=what_went_wrong(reason)
        ) from None


def _write_failure_message(reason: str) -> str:
    return (
        f"Your change could not be saved because {what_went_wrong(reason)}.\n\n"
        "Everything saved before is safe, and what you typed is still on screen. "
        "Free some space or fix the problem, then edit again to save."
    )


def what_went_wrong(reason: str) -> str:
    """SQLite's reason for a failed write, in words: "the disk is full", …"""
    lowered = reason.lower()
    if "full" in lowered:
        what = "the disk is full"
    elif "readonly" in lowered or "read-only" in lowered:
        what = "the notebook file is read-only"
    elif "locked" in lowered or "busy" in lowered:
        what = "another program is holding the notebook file"
    elif "malformed" in lowered or "not a database" in lowered:
        what = "the notebook file is damaged (backups are in the 'backups' folder)"
    else:
        what = f"the disk reported a problem ({reason})"
    return what
