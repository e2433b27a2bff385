"""The command line, parsed before any Qt object exists."""

from __future__ import annotations

import argparse

from pathfinder import __version__
from pathfinder.services.report_sections import SECTIONS as REPORT_SECTIONS

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
    _add_export(commands)
    _add_import(commands)
    _add_care(commands)
    return parser


def _add_care(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help="make a backup of the notebook now",
        description="Make a checked backup of the whole notebook in the backups folder of the "
        "data folder, then tidy older backups away (recent ones, and one a day, a week and "
        "a month are kept). Prints the backup's path.",
    )
    _add_notebook_options(backup, argparse.SUPPRESS, argparse.SUPPRESS)
    check = commands.add_parser(
        "check",
        help="check the notebook for damage; prints ok, or what is wrong",
        description="Check every page of the notebook file, the links between records and "
        "the search index. Prints ok and exits 0 when all is well; otherwise prints what is "
        "wrong and exits 1.",
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help="when only the search index is wrong, rebuild it (after a backup)",
    )
    _add_notebook_options(check, argparse.SUPPRESS, argparse.SUPPRESS)
    restore = commands.add_parser(
        "restore",
        help="list the backups, or put one back in place of the notebook",
        description="Without BACKUP, list the backups, newest first. With BACKUP (a name "
        "from the list, or a path), put it in place of the notebook. The notebook as it "
        "was is kept first as a 'before-restore' backup (or, when it can't be read, renamed "
        "to *.damaged beside it). Close the Pathfinder window first.",
    )
    restore.add_argument("backup", nargs="?", metavar="BACKUP")
    _add_notebook_options(restore, argparse.SUPPRESS, argparse.SUPPRESS)


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help="write a mentor report or an archive of the whole notebook",
        description="Write a mentor report for a period, or an archive of everything.",
    )
    _add_notebook_options(export, argparse.SUPPRESS, argparse.SUPPRESS)
    kinds = export.add_subparsers(dest="export_kind", metavar="WHAT", required=True)
    report = kinds.add_parser(
        "report",
        help="a mentor report for a period (Markdown to the screen unless -o is given)",
        description="Write the mentor report for a period. Dates are YYYY-MM-DD and both "
        "ends are included. Without --since the report starts the day after the last "
        "report you saved. Notes on people, research notes and journal entries not marked "
        "for your mentor never appear. Exit status 2 for a bad date or file.",
    )
    report.add_argument("--since", metavar="DATE", help="the first day of the period")
    report.add_argument("--until", metavar="DATE", help="the last day (default: today)")
    report.add_argument(
        "--format",
        choices=("md", "html", "pdf"),
        default=None,
        help="md (Markdown, the default), html or pdf; "
        "without it, the ending of the -o file name decides",
    )
    report.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    report.add_argument("--force", action="store_true", help="replace FILE if it exists already")
    report.add_argument(
        "--anonymise",
        action="store_true",
        help="describe people by their role (“a product manager at Acme”) instead of by name",
    )
    report.add_argument(
        "--front-matter",
        action="store_true",
        help="start the Markdown with a YAML block (title, period, date written)",
    )
    report.add_argument(
        "--leave-out",
        metavar="SECTION",
        action="append",
        default=[],
        help="leave a section out (repeatable): " + ", ".join(REPORT_SECTIONS),
    )
    _add_notebook_options(report, argparse.SUPPRESS, argparse.SUPPRESS)
    archive = kinds.add_parser(
        "archive",
        help="everything in the notebook, as Markdown and JSON files in a folder or a .zip",
        description="Write everything in the notebook to PATH: a folder, or a .zip file "
        "when PATH ends in .zip. Journal entries become Markdown files, everything else "
        "JSON, with a manifest. `pathfinder import archive PATH` reads it back.",
    )
    archive.add_argument("-o", "--output", metavar="PATH", required=True)
    archive.add_argument("--force", action="store_true", help="replace PATH if it exists already")
    _add_notebook_options(archive, argparse.SUPPRESS, argparse.SUPPRESS)
    for name, what, suffix in (
        ("vcard", "everyone as vCard 3.0 contacts (no private notes)", ".vcf"),
        ("ics", "the follow-ups still to do, as all-day calendar events with a reminder", ".ics"),
        ("csv", "the People table as a spreadsheet (CSV; no private notes)", ".csv"),
    ):
        kind = kinds.add_parser(name, help=what, description=f"Write {what}.")
        kind.add_argument(
            "-o", "--output", metavar="FILE", required=True, help=f"the file to write ({suffix})"
        )
        kind.add_argument("--force", action="store_true", help="replace FILE if it exists")
        _add_notebook_options(kind, argparse.SUPPRESS, argparse.SUPPRESS)


def _add_import(commands: argparse._SubParsersAction) -> None:
    imports = commands.add_parser(
        "import",
        help="bring people (LinkedIn, Google, vCard) or an archive into the notebook",
        description="Read files into the notebook.",
    )
    _add_notebook_options(imports, argparse.SUPPRESS, argparse.SUPPRESS)
    kinds = imports.add_subparsers(dest="import_kind", metavar="WHAT", required=True)
    archive = kinds.add_parser(
        "archive",
        help="restore an archive written by `pathfinder export archive`",
        description="Restore every record of an archive (a folder or a .zip) into an "
        "empty notebook. A notebook that already holds something is refused unless "
        "--merge is given; a merge is one transaction, after a backup. Close the "
        "Pathfinder window first.",
    )
    archive.add_argument("path", metavar="PATH")
    archive.add_argument(
        "--merge",
        action="store_true",
        help="add the archive to a notebook that already holds something",
    )
    _add_notebook_options(archive, argparse.SUPPRESS, argparse.SUPPRESS)
    for name, what in (
        ("linkedin", "LinkedIn's Connections.csv, or the whole data export .zip"),
        ("google", "a Google Contacts CSV export"),
        ("vcard", "a .vcf file of contacts (vCard 2.1, 3.0 or 4.0)"),
    ):
        kind = kinds.add_parser(
            name,
            help=f"add the people in {what}",
            description=f"Add the people in {what}. Someone already in the notebook (the same "
            "LinkedIn profile, email, or name and organisation) only gets their empty fields "
            "filled in; importing the same file again changes nothing. A backup is made first, "
            "and the import can be undone in the window (File menu). Prints what it did; exit "
            "status 2 for a file it can't use.",
        )
        kind.add_argument("file", metavar="FILE")
        kind.add_argument(
            "--dry-run", action="store_true", help="only say what would happen; change nothing"
        )
        _add_notebook_options(kind, argparse.SUPPRESS, argparse.SUPPRESS)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse `argv` (without the program name); bad arguments print usage and exit 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not 1 <= getattr(args, "limit", 1) <= MAX_LIMIT:
        parser.error(f"--limit must be from 1 to {MAX_LIMIT}")
    for name in getattr(args, "leave_out", []):
        if name not in REPORT_SECTIONS:
            parser.error(f"--leave-out: no section called {name!r}")
    if args.demo and args.data_dir is not None:
        parser.error(
            "--demo opens its own temporary notebook, so it can't be combined with --data-dir"
        )
    return args
