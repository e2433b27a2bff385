"""Subcommands for scripts and tests (`pathfinder search …`). No Qt is imported here
(a PDF report loads Qt itself, in `report_commands`)."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from datetime import date

from pathfinder.paths import Paths
from pathfinder.store.errors import StoreError

OLDER_NOTEBOOK = (
    "This notebook was made by an earlier Pathfinder. Open it in Pathfinder once to bring "
    "it up to date (a copy is kept first); a command never upgrades a notebook."
)


RESTORE_HINT = (
    "To go back to a good copy, choose File > Restore from a backup in the Pathfinder "
    "window, or list the backups with `pathfinder restore`."
)


def run_command(args: argparse.Namespace, paths: Paths) -> int:
    """Run the subcommand named in `args` on the notebook in `paths`; the exit status."""
    from pathfinder.store.database import close_notebook, inspect_notebook, open_notebook
    from pathfinder.store.migrations import LATEST_VERSION

    if args.command == "import" and args.import_kind == "archive":
        # An archive may create the notebook, and writes to it: it opens it itself.
        from pathfinder.archive_commands import import_archive

        return import_archive(args, paths)

    if args.command in ("restore", "backup"):
        # A backup is wanted most before an upgrade: it needs no opening (nor upgrade).
        import pathfinder.notebook_commands as care

        return int(getattr(care, args.command)(args, paths))

    try:
        version = inspect_notebook(paths.database)
        if not args.demo and version is not None and version < LATEST_VERSION:
            print(OLDER_NOTEBOOK, file=sys.stderr)
            return 1
        open_notebook(paths.database, paths.backups_dir)
    except StoreError as error:
        print(f"{error.title}: {' '.join(error.message.split())}", file=sys.stderr)
        if args.command == "check":
            print(RESTORE_HINT, file=sys.stderr)
        return 1
    try:
        if args.demo:
            from pathfinder.demo import build_demo_notebook

            build_demo_notebook(date.today())
        if args.command == "search":
            return _search(" ".join(args.text), args.limit)
        if args.command == "export" and args.export_kind == "report":
            from pathfinder.report_commands import export_report

            return export_report(args, paths)
        if args.command == "import":
            from pathfinder.import_commands import import_people

            return import_people(args, paths)
        if args.command == "export" and args.export_kind in ("vcard", "ics", "csv"):
            import pathfinder.export_commands as exports

            return int(getattr(exports, f"export_{args.export_kind}")(args, paths))
        if args.command == "export" and args.export_kind == "archive":
            from pathfinder.archive_commands import export_archive

            return export_archive(args, paths)
        if args.command == "check":
            from pathfinder.notebook_commands import check

            return check(args, paths)
        raise AssertionError(f"unknown command {args.command}")
    finally:
        close_notebook()


def _search(text: str, limit: int) -> int:
    from pathfinder.services.search import search_lines

    lines = search_lines(text, limit=limit)
    # UTF-8 whatever the console's code page, so no name can stop the output.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    try:
        for line in lines:
            sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): that is fine, and nothing more is to be said.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
