"""Entry point: arguments -> paths -> one-instance lock -> notebook -> window."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from pathfinder.cli import parse_args
from pathfinder.paths import Paths
from pathfinder.store.errors import DataFolderError, StoreError

log = logging.getLogger("pathfinder")

ALREADY_OPEN = "Pathfinder is already open for this notebook ({folder})."
LOG_LIMIT = 512_000  # bytes; a longer log is set aside at the next start
LOGS_KEPT = 2  # pathfinder.log.1 and .2


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    show_dialogs = not args.smoke
    if args.command is not None:
        show_dialogs = False  # a command runs in a terminal or a script
    if not args.demo:
        return _run(args, Paths.resolve(args.data_dir), show_dialogs)
    # The demo lives in a fresh temporary folder, never in the user's data folder, and
    # is thrown away when Pathfinder ends.
    try:
        demo_dir = Path(tempfile.mkdtemp(prefix="pathfinder-demo-"))
    except OSError as error:
        return _environment_error(
            DataFolderError(
                f"Pathfinder can't make a temporary folder for the demo notebook "
                f"({error.strerror}).\n\nNothing was changed. Free some space in the "
                "temporary folder and try again."
            ),
            show_dialogs,
        )
    try:
        return _run(args, Paths(demo_dir), show_dialogs)
    finally:
        _stop_log()
        shutil.rmtree(demo_dir, ignore_errors=True)


def _run(args: argparse.Namespace, paths: Paths, show_dialogs: bool) -> int:
    if args.command == "restore":
        # Restoring works without a notebook (it may be missing); listing makes nothing.
        from pathfinder.commands import run_command

        return run_command(args, paths)
    creates = args.command == "import"
    if args.command is not None and not creates and not args.demo and not paths.database.exists():
        # A command reads a notebook; it never creates one (or its folder) as a side effect.
        print(f"No notebook in {paths.data_dir} yet: nothing to {args.command}.", file=sys.stderr)
        return 0 if args.command == "search" else 1
    if args.command == "import" and args.import_kind == "archive":
        # The archive is read and checked before anything (even the data folder) is made.
        from pathfinder.commands import run_command

        return run_command(args, paths)
    try:
        paths.ensure()
    except StoreError as error:
        return _environment_error(error, show_dialogs)
    if args.command is not None:
        from pathfinder.commands import run_command

        # A command may run beside the window: it writes on at the end of the log, and
        # leaves setting a long log aside to the next start of the window.
        _start_log(paths, set_aside=False)
        return run_command(args, paths)

    # Qt is imported only once the arguments are known to be good.
    from pathfinder.app import install_crash_handler
    from pathfinder.instance import InstanceLock, ask_running_instance_to_raise

    install_crash_handler(paths.logs_dir, show_dialog=show_dialogs)
    lock = InstanceLock(paths.lock_file)
    if not lock.acquire():
        message = ALREADY_OPEN.format(folder=paths.data_dir)
        print(message, file=sys.stderr)
        raised = show_dialogs and ask_running_instance_to_raise(paths.data_dir)
        if show_dialogs and not raised:
            from pathfinder.app import show_startup_message

            show_startup_message("Pathfinder is already open", message)
        return 1
    _start_log(paths)  # only now: the window that has the lock may set a long log aside

    from pathfinder.store.backups import BackupSession, changed_since_last_backup
    from pathfinder.store.database import close_notebook

    session: BackupSession | None = None
    try:
        changed = changed_since_last_backup(
            paths.database, paths.backup_state_file, paths.backups_dir
        )
        error = _open(paths, show_dialogs)
        if error is not None:
            return _environment_error(error, show_dialogs)
        log.info("notebook opened")
        if args.demo:
            from pathfinder.demo import build_demo_notebook

            try:
                build_demo_notebook(date.today())
            except StoreError as failure:
                return _environment_error(failure, show_dialogs)
            log.info("demo notebook built")
        session = BackupSession.of_open_notebook(
            paths.database, paths.backups_dir, paths.backup_state_file, changed_at_start=changed
        )
        from pathfinder.app import run_app

        return run_app(paths, smoke=args.smoke, demo=args.demo, backups=session)
    finally:
        if session is not None:
            session.finish()
        close_notebook()
        if session is not None:
            session.closed()
        lock.release()


def _open(paths: Paths, show_dialogs: bool) -> StoreError | None:
    """Open the notebook; in the window, offer a backup when it can't be read and a second
    try when its upgrade failed before. The error to report, or None once it is open."""
    from pathfinder.store.backups import list_backups
    from pathfinder.store.database import open_notebook
    from pathfinder.store.errors import (
        DamagedDatabaseError,
        MissingNotebookError,
        UpgradeFailedBeforeError,
    )

    retry_upgrade = new_if_missing = False
    while True:
        try:
            open_notebook(
                paths.database,
                paths.backups_dir,
                retry_upgrade=retry_upgrade,
                new_if_missing=new_if_missing,
            )
            return None
        except StoreError as error:
            if not show_dialogs:
                return error
            from datetime import datetime

            from pathfinder.app import application
            from pathfinder.views import notebook_care

            application()
            if isinstance(error, UpgradeFailedBeforeError) and not retry_upgrade:
                if not notebook_care.offer_upgrade_retry(error):
                    return _SHOWN
                retry_upgrade = True
                continue
            missing = isinstance(error, MissingNotebookError)
            if missing or (
                isinstance(error, DamagedDatabaseError) and list_backups(paths.backups_dir)
            ):
                answer = notebook_care.offer_restore_at_start(
                    paths, error, datetime.now, offer_new=missing
                )
                if answer == "quit":
                    return _SHOWN
                new_if_missing = answer == "new"
                continue
            return error


class _Shown(StoreError):
    """The person has seen the problem in a dialog already and chose to quit."""


_SHOWN = _Shown("")


def _environment_error(error: StoreError, show_dialog: bool) -> int:
    if isinstance(error, _Shown):
        return 1
    print(f"{error.title}: {' '.join(error.message.split())}", file=sys.stderr)
    if show_dialog:
        from pathfinder.app import show_startup_message

        show_startup_message(error.title, error.message)
    return 1


def _start_log(paths: Paths, *, set_aside: bool = True) -> None:
    """Events only (opened, saved, failed): never note text or contact details."""
    log_file = paths.logs_dir / "pathfinder.log"
    if set_aside:
        _set_aside_a_long_log(log_file)
    if not log_file.exists():
        os.close(os.open(log_file, os.O_CREAT | os.O_WRONLY, 0o600))
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("pathfinder")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    # peewee logs each statement with its values (people's notes) at DEBUG: never let
    # those reach any handler, whatever logging someone turns on to look into a problem.
    logging.getLogger("peewee").propagate = False
    logging.getLogger("peewee").setLevel(logging.INFO)


def _set_aside_a_long_log(log_file: Path) -> None:
    """At start, a log over LOG_LIMIT becomes pathfinder.log.1 (.1 becomes .2, and the
    oldest goes), so the log stays small; the files keep their private mode. A session
    logs a few lines, so the log is not watched while it runs (logging.handlers would
    add sockets and pickle to every start for that)."""
    try:
        if log_file.stat().st_size <= LOG_LIMIT:
            return
        for number in range(LOGS_KEPT, 0, -1):
            newer = log_file.with_name(f"{log_file.name}.{number - 1}") if number > 1 else log_file
            if newer.exists():
                os.replace(newer, log_file.with_name(f"{log_file.name}.{number}"))
    except OSError:
        pass  # the log never stops Pathfinder: it writes on at the end of the long one


def _stop_log() -> None:
    """Close the log files, so the demo folder can be removed (Windows keeps open files)."""
    root = logging.getLogger("pathfinder")
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler):
            root.removeHandler(handler)
            handler.close()


if __name__ == "__main__":
    sys.exit(main())
