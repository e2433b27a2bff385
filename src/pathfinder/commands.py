"""Subcommands for scripts and tests (`pathfinder search …`). No Qt is imported here."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from pathfinder.paths import Paths
from pathfinder.store.errors import StoreError


def run_command(args: argparse.Namespace, paths: Paths) -> int:
    """Run the subcommand named in `args` on the notebook in `paths`; the exit status."""
    from pathfinder.store.database import close_notebook, open_notebook

    try:
        open_notebook(paths.database, paths.backups_dir)
    except StoreError as error:
        print(f"{error.title}: {' '.join(error.message.split())}", file=sys.stderr)
        return 1
    try:
        if args.demo:
            from pathfinder.demo import build_demo_notebook

            build_demo_notebook(date.today())
        if args.command == "search":
            return _search(" ".join(args.text), args.limit)
        raise AssertionError(f"unknown command {args.command}")
    finally:
        close_notebook()


def _search(text: str, limit: int) -> int:
    from pathfinder.services.search import search_lines

    out = sys.stdout
    for line in search_lines(text, limit=limit):
        out.write(line + "\n")
    out.flush()
    return 0
