"""The command line, parsed before any Qt object exists."""

from __future__ import annotations

import argparse

from pathfinder import __version__

DESCRIPTION = (
    "Pathfinder: an offline journal for changing careers. With no arguments it opens the window."
)


MAX_LIMIT = 1000


def _add_notebook_options(
    parser: argparse.ArgumentParser, default: object, flag_default: object
) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="use the notebook in DIR instead of the usual data folder "
        "(also: the PATHFINDER_DATA_DIR environment variable)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=flag_default,
        help="use a fresh copy of the demo notebook (a fictional career changer) in a "
        "temporary folder, removed on exit; your own notebook is not touched",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pathfinder", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"Pathfinder {__version__}")
    _add_notebook_options(parser, None, False)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the notebook, build every section offscreen, and exit (for installers and CI)",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands (without one, the window opens)"
    )
    search = commands.add_parser(
        "search",
        help="print what matches TEXT, one match per line",
        description="Search people, organisations, conversations, interactions, events and "
        "journal entries. Prints one match per line (kind, name or title, date), separated "
        "by tabs. Every word must match; a word matches the start of a word. Exit status 0, "
        "also when nothing matches.",
    )
    search.add_argument("text", nargs="+", metavar="TEXT", help="the words to look for")
    search.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help="at most N matches of each kind (default 50)",
    )
    # The same options after the command name (`pathfinder search ana --data-dir DIR`).
    _add_notebook_options(search, argparse.SUPPRESS, argparse.SUPPRESS)
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse `argv` (without the program name); bad arguments print usage and exit 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not 1 <= getattr(args, "limit", 1) <= MAX_LIMIT:
        parser.error(f"--limit must be from 1 to {MAX_LIMIT}")
    if args.demo and args.data_dir is not None:
        parser.error(
            "--demo opens its own temporary notebook, so it can't be combined with --data-dir"
        )
    return args
