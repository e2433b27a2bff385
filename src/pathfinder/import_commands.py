"""`pathfinder import linkedin|google|vcard FILE [--dry-run]`: people from a file.

Prints what the import does (or would do, with --dry-run): how many people are new,
filled in, already there, and which rows can't be used and why. Exit status 0 when it
worked, 2 for a file it can't use, 1 when the notebook can't be written (or the window
has it open).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from datetime import datetime
from pathlib import Path

from pathfinder.paths import Paths
from pathfinder.services.import_plan import ImportPlan, commit_import, plan_import
from pathfinder.services.import_rows import ImportFileError, ParsedFile
from pathfinder.store.errors import StoreError

PARSERS = {
    "linkedin": ("pathfinder.services.import_linkedin", "parse_linkedin"),
    "google": ("pathfinder.services.import_google", "parse_google"),
    "vcard": ("pathfinder.services.import_vcard", "parse_vcard"),
}
SHOWN_PROBLEMS = 20


def parse_file(kind: str, path: Path) -> ParsedFile:
    """Read `path` with the parser for `kind`; ImportFileError for a file it can't use."""
    module, function = PARSERS[kind]
    if not path.is_file():
        raise ImportFileError(f"{path} isn't a file Pathfinder can open.")
    return getattr(importlib.import_module(module), function)(path)  # type: ignore[no-any-return]


def describe(plan: ImportPlan) -> list[str]:
    counts = plan.counts()
    lines = [
        f"{plan.parsed.file_name}: {counts['new']} new, {counts['fill']} to fill in, "
        f"{counts['unchanged']} already there, {counts['invalid']} that can't be imported."
    ]
    lines += [f"Note: {note}" for note in plan.parsed.notes]
    problems = plan.invalid_reasons()
    for line, reason in problems[:SHOWN_PROBLEMS]:
        lines.append(f"  line {line}: {reason}")
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"  … and {len(problems) - SHOWN_PROBLEMS} more")
    return lines


def import_people(args: argparse.Namespace, paths: Paths) -> int:
    try:
        parsed = parse_file(args.import_kind, Path(args.file))
    except ImportFileError as error:
        print(" ".join(error.message.split()), file=sys.stderr)
        return 2
    plan = plan_import(parsed)
    for line in describe(plan):
        print(line)
    if args.dry_run:
        print("Nothing was changed (--dry-run).")
        return 0
    counts = plan.counts()
    if not counts["new"] and not counts["fill"]:
        print("Nothing to import: everyone who can be imported is already there.")
        return 0
    from pathfinder.instance import InstanceLock

    lock = InstanceLock(paths.lock_file)
    if not lock.acquire():
        print("Close the Pathfinder window first: it has this notebook open.", file=sys.stderr)
        return 1
    try:
        result = commit_import(plan, now=datetime.now(), backups_dir=paths.backups_dir)
    except (StoreError, OSError) as error:
        message = getattr(error, "reason", "") or getattr(error, "message", str(error))
        print(f"Nothing was imported: {' '.join(message.split())}", file=sys.stderr)
        return 1
    finally:
        lock.release()
    print(
        f"Imported: {result.added} added, {result.filled} filled in. "
        "To take it back out, use File → Undo import in the window."
    )
    return 0
