"""`pathfinder backup`, `pathfinder check` and `pathfinder restore`."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

from pathfinder.paths import Paths
from pathfinder.store.backup import BadBackupError
from pathfinder.store.backups import contents, list_backups, make_backup, rotate


def backup(_args: argparse.Namespace, paths: Paths) -> int:
    from pathfinder.store.database import inspect_notebook
    from pathfinder.store.errors import StoreError

    try:
        inspect_notebook(paths.database)  # refuses what isn't a readable notebook of ours
    except StoreError as error:
        print(f"{error.title}: {' '.join(error.message.split())}", file=sys.stderr)
        return 1
    now = datetime.now()
    try:
        made = make_backup(paths.database, paths.backups_dir, "manual", now)
    except (OSError, sqlite3.Error, BadBackupError) as error:
        print(f"The backup failed ({error}). Your notebook was not changed.", file=sys.stderr)
        return 1
    rotate(paths.backups_dir, now, known_good=made)
    print(made)
    return 0


def check(args: argparse.Namespace, paths: Paths) -> int:
    from pathfinder.commands import RESTORE_HINT
    from pathfinder.services.notebook_check import check_notebook, repair_search_index
    from pathfinder.store.errors import StoreError

    result = check_notebook()
    if result.ok:
        print("ok")
        return 0
    for problem in result.problems:
        print(problem)
    if result.repairable and args.repair:
        try:
            made = repair_search_index(paths.backups_dir, datetime.now())
        except StoreError as error:
            print(" ".join(error.message.split()), file=sys.stderr)
            return 1
        print(f"The search index was rebuilt (a backup from just before: {made}).")
        return 0 if check_notebook().ok else 1
    if result.repairable:
        print("Only the search index is wrong: `pathfinder check --repair` rebuilds it.")
    else:
        print(RESTORE_HINT)
    return 1


def restore(args: argparse.Namespace, paths: Paths) -> int:
    if args.backup is None:
        return _list(paths)
    chosen = Path(args.backup)
    if not chosen.is_file():
        chosen = paths.backups_dir / args.backup
    if not chosen.is_file():
        print(
            f"No backup called {args.backup!r}: `pathfinder restore` lists them.", file=sys.stderr
        )
        return 2
    from pathfinder.instance import InstanceLock
    from pathfinder.store.restore import RestoreError, restore_backup

    paths.ensure()
    lock = InstanceLock(paths.lock_file)
    if not lock.acquire():
        print("Pathfinder is open on this notebook: close its window first.", file=sys.stderr)
        return 1
    try:
        restored = restore_backup(chosen, paths.database, paths.backups_dir, datetime.now())
    except RestoreError as error:
        print(" ".join(error.message.split()), file=sys.stderr)
        return 1
    finally:
        lock.release()
    print(f"Restored {chosen.name}.")
    if restored.set_aside is not None:
        print(f"The notebook as it was is kept as {restored.set_aside}.")
    if restored.damaged is not None:
        print(f"The file that couldn't be read is kept as {restored.damaged}.")
    return 0


def _list(paths: Paths) -> int:
    found = list_backups(paths.backups_dir)
    if not found:
        print(f"No backups in {paths.backups_dir} yet.")
        return 0
    for item in found:
        held = contents(item.path)
        people = "?" if held.people is None else str(held.people)
        entries = "?" if held.entries is None else str(held.entries)
        print(
            f"{item.path.name}\t{item.made_at:%Y-%m-%d %H:%M}\t{item.reason_label}\t"
            f"{people} people\t{entries} entries\t{held.size:,} bytes"
        )
    return 0
