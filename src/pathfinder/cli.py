"""The command line, parsed before any Qt object exists."""

from __future__ import annotations

import argparse

from pathfinder import __version__

DESCRIPTION = (
    "Pathfinder: an offline journal for changing careers. With no arguments it opens the window."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pathfinder", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"Pathfinder {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="use the notebook in DIR instead of the usual data folder "
        "(also: the PATHFINDER_DATA_DIR environment variable)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a fresh copy of the demo notebook (a fictional career changer) in a "
        "temporary folder, removed on exit; your own notebook is not touched",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the notebook, build every section offscreen, and exit (for installers and CI)",
    )
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse `argv` (without the program name); bad arguments print usage and exit 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.demo and args.data_dir is not None:
        parser.error(
            "--demo opens its own temporary notebook, so it can't be combined with --data-dir"
        )
    return args
