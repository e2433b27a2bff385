"""`pathfinder export archive` and `pathfinder import archive` (see `services.archive`).

Exit status: 0 when it worked; 2 for bad input or a refusal (the destination
exists without --force, lies in the data folder or a missing folder, or is a
folder holding more than an earlier archive; the archive is malformed, hostile or
newer; the notebook isn't empty and --merge wasn't given; --demo, whose notebook
is thrown away); 1 for a problem of the environment (the notebook damaged or
older, a disk that fails or is full) or a running Pathfinder window. One line to
stdout when it worked, one line to stderr when it didn't.

An import reads and checks the whole archive before it touches the data folder:
a refused archive creates no folder, no notebook and no backup.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import peewee

from pathfinder.paths import Paths
from pathfinder.services.archive import ArchiveError, plural
from pathfinder.store.errors import StoreError

if TYPE_CHECKING:
    from pathfinder.services.archive_read import ArchiveContents

# How each table's rows are named in a summary (the ones a person would count).
LABELS = {
    "contact": ("person", "people"),
    "organisation": ("organisation", "organisations"),
    "interaction": ("interaction", "interactions"),
    "conversation": ("conversation", "conversations"),
    "event": ("event", "events"),
    "journal_entry": ("journal entry", "journal entries"),
    "goal": ("goal", "goals"),
    "target_role": ("target role", "target roles"),
    "follow_up": ("follow-up", "follow-ups"),
}


def describe(counts: dict[str, int]) -> str:
    """'30,000 people, 20,000 journal entries and 160,000 other records' (or 'nothing')."""
    parts = [plural(counts[name], *LABELS[name]) for name in LABELS if counts.get(name)]
    others = sum(count for name, count in counts.items() if name not in LABELS)
    if others:
        parts.append(plural(others, "other record"))
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _fail(message: str, status: int) -> int:
    print(" ".join(message.split()), file=sys.stderr)
    return status


def export_archive(args: argparse.Namespace, paths: Paths) -> int:
    """Write the open notebook's archive to `args.output` (a .zip, or a folder)."""
    from pathfinder.services.archive_write import write_archive
    from pathfinder.services.files import DestinationError, ExportError, FileExists

    try:
        written = write_archive(
            Path(args.output), data_dir=paths.data_dir, overwrite=bool(args.force)
        )
    except FileExists as error:
        return _fail(f"{error.message} Add --force to replace it.", 2)
    except DestinationError as error:
        return _fail(error.message, 2)
    except ExportError as error:  # the disk refused: not the input's fault
        return _fail(error.message, 1)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as error:
        return _fail(f"Pathfinder couldn't read your notebook ({error}); nothing was written.", 1)
    what = "zip" if written.as_zip else "folder"
    print(f"Wrote the archive ({what}) to {written.path}: {describe(written.counts)}.")
    return 0


def import_archive(args: argparse.Namespace, paths: Paths) -> int:
    """Restore the archive at `args.path` into the notebook, opening (or creating) it here."""
    from pathfinder.commands import OLDER_NOTEBOOK
    from pathfinder.instance import InstanceLock
    from pathfinder.services.archive_read import read_archive
    from pathfinder.store.database import close_notebook, inspect_notebook, open_notebook
    from pathfinder.store.migrations import LATEST_VERSION

    if getattr(args, "demo", False):
        return _fail(
            "The archive was not imported: --demo opens a temporary notebook that is thrown "
            "away when the command ends. Use --data-dir to import into a notebook you keep.",
            2,
        )
    source = Path(args.path).expanduser()
    try:
        contents = read_archive(source)
    except ArchiveError as error:
        return _fail(f"The archive was not imported: {error.message}", 2)
    try:
        if not paths.data_dir.is_dir():
            paths.ensure()  # the lock lives in the folder; no window can be open without it
    except StoreError as error:
        return _fail(f"{error.title}: {error.message}", 1)
    lock = InstanceLock(paths.lock_file)
    if not lock.acquire():
        return _fail(
            f"Close the Pathfinder window first: it has the notebook in {paths.data_dir} open.", 1
        )
    try:
        paths.ensure()
        version = inspect_notebook(paths.database)
        if version is not None and version < LATEST_VERSION:
            return _fail(OLDER_NOTEBOOK, 1)
        open_notebook(paths.database, paths.backups_dir)
        try:
            return _restore(contents, source, paths, merge=bool(args.merge))
        finally:
            close_notebook()
    except StoreError as error:
        return _fail(f"{error.title}: {error.message}", 1)
    finally:
        lock.release()


def _restore(contents: ArchiveContents, source: Path, paths: Paths, *, merge: bool) -> int:
    from pathfinder.services.archive_restore import NotebookNotEmpty, restore_archive
    from pathfinder.store.errors import StorageWriteError

    try:
        imported = restore_archive(contents, merge=merge, backups_dir=paths.backups_dir)
    except StorageWriteError as error:  # the disk, during the backup or the import
        return _fail(error.message, 1)
    except NotebookNotEmpty as error:
        return _fail(
            f"The archive was not imported: the notebook in {paths.data_dir} already holds "
            f"{describe(error.held)}. Add --merge to add the archive to it (a backup is "
            "made first).",
            2,
        )
    except ArchiveError as error:
        return _fail(f"The archive was not imported: {error.message}", 2)
    if imported.merged:
        matched = sum(imported.matched.values())
        print(
            f"Merged {source} into the notebook: added {describe(imported.added)}"
            + (f"; {plural(matched, 'record')} matched ones already there" if matched else "")
            + f". A backup from before is in {imported.backup}."
        )
    else:
        print(f"Imported {source} into the empty notebook: {describe(imported.added)}.")
    return 0
