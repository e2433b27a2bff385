"""`pathfinder export report`: the mentor report from the command line.

Markdown goes to the screen unless `-o FILE` is given; a saved file is written
atomically, never into the data folder, and logged like one saved from the window.
Exit status 2 for anything wrong with what was typed (a date, a period, a file
that exists without --force), 1 when the disk refuses the write.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from datetime import date, datetime
from pathlib import Path

from pathfinder.paths import Paths
from pathfinder.services.files import (
    DestinationError,
    ExportError,
    FileExists,
    write_atomically,
)
from pathfinder.services.report import SECTIONS, ReportOptions
from pathfinder.services.report_log import (
    PeriodError,
    check_period,
    last_report,
    parse_day,
    period_for,
)
from pathfinder.services.report_output import format_for_path, log_saved, make_report
from pathfinder.services.settings import REPORT_NEXT_STEPS, REPORT_QUESTIONS, get_setting
from pathfinder.store.errors import StorageWriteError


def export_report(args: argparse.Namespace, paths: Paths, today: date | None = None) -> int:
    today = today or date.today()
    try:
        until = parse_day(args.until, "--until") if args.until else today
        if args.since:
            since = parse_day(args.since, "--since")
        else:
            last = last_report()
            if last is not None and last.period_end >= until:
                last = None  # the last report reaches past --until: take the month before it
            since = period_for("since_last", min(until, today), last)[0]
        check_period(since, until, today)
    except PeriodError as error:
        return _refuse(str(error))
    output = Path(args.output) if args.output else None
    suffix_format = format_for_path(output, "") if output else ""
    if args.format and suffix_format and args.format != suffix_format:
        return _refuse(
            f"--format {args.format} doesn't match the file name {args.output} "
            f"(a .{suffix_format} file): change one of them."
        )
    format = args.format or suffix_format or "md"
    if format == "pdf" and output is None:
        return _refuse("A PDF can't be shown on the screen: add -o FILE.pdf to save it.")
    options = ReportOptions(
        start=since,
        end=until,
        sections=frozenset(SECTIONS) - set(args.leave_out),
        anonymise=args.anonymise,
        front_matter=args.front_matter,
        questions=get_setting(REPORT_QUESTIONS),
        next_steps=get_setting(REPORT_NEXT_STEPS),
    )
    report = make_report(options, today)
    if output is None:
        _print(report.markdown)
        return 0
    data = _pdf(report.markdown, report.title) if format == "pdf" else report.encoded(format)
    try:
        written = write_atomically(output, data, data_dir=paths.data_dir, overwrite=args.force)
    except FileExists as error:
        return _refuse(f"{error.message} Add --force to replace it.")
    except DestinationError as error:
        return _refuse(error.message)
    except ExportError as error:  # the disk refused: not the input's fault
        print(error.message, file=sys.stderr)
        return 1
    try:
        log_saved(report, format, written, datetime.now())
    except StorageWriteError as error:
        print(
            f"Saved the report to {written}, but it couldn't be noted in the notebook, so the "
            f"next report won't start after it: {' '.join(error.message.split())}",
            file=sys.stderr,
        )
        return 1
    print(f"Saved the report for {since.isoformat()} to {until.isoformat()} to {written}")
    return 0


def _pdf(markdown_text: str, title: str) -> bytes:
    # A command needs no window: lay the PDF out offscreen, whatever the desktop.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from pathfinder.report_pdf import pdf_bytes

    application = QGuiApplication.instance() or QGuiApplication(["pathfinder"])
    try:
        return pdf_bytes(markdown_text, title)
    finally:
        del application


def _refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _print(text: str) -> None:
    if sys.stdout is None:  # started without a console (pythonw)
        return
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
