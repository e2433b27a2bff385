"""The backups folder as a whole: what is in it, which copies to keep, and whether the
notebook changed since the last copy.

Names are `REASON-YYYYmmdd-HHMMSS[-N].sqlite3`; the time in the name (local time,
when the copy was made) is what rotation and the Restore list go by, so copying
the folder elsewhere changes nothing. Files with other names are never touched.

Rotation keeps
- every copy made within 24 hours of the newest one (at most RECENT_MAX of them),
- the newest copy of each of the DAILY latest days that have a copy,
- the newest copy of each of the WEEKLY latest weeks (Monday to Sunday) with a copy,
- the newest copy of each of the MONTHLY latest months with a copy,
- the copies made before a change (`before-…`: a restore, an import, a delete) within
  a week of the newest one, at most BEFORE_MAX of them,
- and always the newest copy that still checks out as good,
so the folder never holds more than MOST_KEPT copies of its own.

The periods are counted back from the newest copy, not from the clock, so a clock
set wrong (a year ahead, or back to 2000) never makes the history look old enough to
delete. A copy dated after `now` (the clock was put back) is never deleted, and does
not take a place among the recent ones.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from pathfinder.store.backup import (
    BACKUP_SUFFIX,
    PARTIAL_SUFFIX,
    BadBackupError,
    backup_database,
    backup_path,
    verify_backup,
)

RECENT = timedelta(hours=24)
RECENT_MAX = 24
DAILY = 14
WEEKLY = 8
MONTHLY = 12
BEFORE = timedelta(days=7)
BEFORE_MAX = 10
MOST_KEPT = RECENT_MAX + DAILY + WEEKLY + MONTHLY + BEFORE_MAX + 1
STALE_PARTIAL = timedelta(hours=1)

_NAME = re.compile(r"^(?P<reason>[a-z][a-z0-9-]*?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?$")

REASONS = {
    "automatic": "Automatic",
    "manual": "Backed up by you",
    "before-import": "Before an import",
    "before-undo-import": "Before undoing an import",
    "before-restore": "Before a restore",
    "before-delete": "Before deleting people",
    "before-repair": "Before a repair",
}


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    reason: str
    number: int = 1

    @property
    def reason_label(self) -> str:
        if self.reason.startswith("before-upgrade"):
            return "Before an upgrade of Pathfinder"
        return REASONS.get(self.reason, self.reason.replace("-", " ").capitalize())

    @property
    def order(self) -> tuple[datetime, int]:
        return (self.made_at, self.number)


@dataclass(frozen=True)
class Contents:
    """What a backup holds, for the Restore list."""

    size: int
    people: int | None  # None: the copy can't be read
    entries: int | None


def parse_name(path: Path) -> Backup | None:
    if path.suffix != BACKUP_SUFFIX:
        return None
    match = _NAME.match(path.stem)
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return Backup(path, made_at, match["reason"], int(match["n"] or 1))


def list_backups(backups_dir: Path) -> list[Backup]:
    """Every backup in the folder, newest first."""
    try:
        names = list(backups_dir.iterdir())
    except OSError:
        return []
    found = [b for b in (parse_name(p) for p in names if p.is_file()) if b is not None]
    return sorted(found, key=lambda b: b.order, reverse=True)


def contents(backup: Path) -> Contents:
    try:
        size = backup.stat().st_size
    except OSError:
        return Contents(0, None, None)
    try:
        connection = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
        try:
            people = connection.execute("SELECT count(*) FROM contact").fetchone()[0]
            entries = connection.execute("SELECT count(*) FROM journal_entry").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return Contents(size, None, None)
    return Contents(size, int(people), int(entries))


def make_backup(database: Path, backups_dir: Path, reason: str, now: datetime) -> Path:
    """A checked copy of the notebook file at `database`, read through a connection of
    its own (so it can run beside the window's writes). OSError, sqlite3.Error or
    BadBackupError when it can't be made."""
    source = sqlite3.connect(f"{database.absolute().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        return backup_database(source, backup_path(backups_dir, reason, now))
    finally:
        source.close()


# -- rotation ----------------------------------------------------------------------


def to_keep(backups: Iterable[Backup], now: datetime) -> set[Path]:
    """The copies rotation keeps (see the module's docstring), before the check that the
    newest good one stays."""
    newest_first = sorted(backups, key=lambda b: b.order, reverse=True)
    future = {b.path for b in newest_first if b.made_at > now}
    dated = [b for b in newest_first if b.path not in future]
    if not dated:
        return future
    newest = dated[0].made_at
    keep = {b.path for b in dated if newest - b.made_at < RECENT}
    keep = {b.path for b in dated[:RECENT_MAX] if b.path in keep}
    before = [b for b in dated if b.reason.startswith("before-") and newest - b.made_at < BEFORE]
    keep |= {b.path for b in before[:BEFORE_MAX]}
    periods: list[tuple[int, Callable[[date], object]]] = [
        (DAILY, lambda day: day),
        (WEEKLY, lambda day: day - timedelta(days=day.weekday())),
        (MONTHLY, lambda day: (day.year, day.month)),
    ]
    for how_many, period_of in periods:
        seen: set[object] = set()
        for backup in dated:
            period = period_of(backup.made_at.date())
            if period not in seen and len(seen) < how_many:
                seen.add(period)
                keep.add(backup.path)
            elif len(seen) >= how_many:
                break
    return keep | future


def rotate(
    backups_dir: Path,
    now: datetime,
    *,
    known_good: Path | None = None,
    check: Callable[[Path], None] = verify_backup,
) -> list[Path]:
    """Delete the copies rotation does not keep; the ones deleted.

    The newest copy that still checks out is always kept: `known_good` when given
    (a copy just made and checked), otherwise the newest that passes `check`."""
    backups = list_backups(backups_dir)
    keep = to_keep(backups, now)
    if known_good is not None:
        keep.add(known_good)
    else:
        for backup in backups:  # newest first
            try:
                check(backup.path)
            except (BadBackupError, OSError, sqlite3.Error):
                continue
            keep.add(backup.path)
            break
    removed = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    _remove_stale_partials(backups_dir, now)
    return removed


def _remove_stale_partials(backups_dir: Path, now: datetime) -> None:
    """A copy interrupted by a crash leaves its temporary file behind."""
    with contextlib.suppress(OSError):
        for path in backups_dir.glob(f"*{PARTIAL_SUFFIX}"):
            with contextlib.suppress(OSError):
                if now.timestamp() - path.stat().st_mtime > STALE_PARTIAL.total_seconds():
                    path.unlink()


# -- has the notebook changed since the last copy? ---------------------------------


def fingerprint(database: Path) -> str:
    """Size and modification time of the notebook and its write-ahead log: any saved
    change alters one of them (a false alarm costs one extra backup, no more). An empty
    log holds nothing, so it counts as none (a reader may leave one behind)."""
    parts = []
    for path in (database, database.with_name(database.name + "-wal")):
        try:
            status = path.stat()
        except OSError:
            status = None
        if status is None or (path != database and status.st_size == 0):
            parts.append("-")
        else:
            parts.append(f"{status.st_size}:{status.st_mtime_ns}")
    return "|".join(parts)


def changed_since_last_backup(database: Path, state_file: Path, backups_dir: Path) -> bool:
    """True when the closed notebook differs from how it was left after its last backup
    (or there is no backup at all)."""
    if not database.exists():
        return False
    if not list_backups(backups_dir):
        return True
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return not isinstance(state, dict) or state.get("fingerprint") != fingerprint(database)


def remember_backed_up(database: Path, state_file: Path) -> None:
    """Call with the notebook closed, right after a backup of all of it."""
    text = json.dumps({"fingerprint": fingerprint(database)})
    temporary = state_file.with_name(state_file.name + ".new")
    with contextlib.suppress(OSError):
        descriptor = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, state_file)


# -- one run of Pathfinder ---------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    generation: int  # which opening of the notebook (a restore opens a new one)
    changes: int


class BackupSession:
    """When to back up during one run: at start when the notebook changed since the last
    copy, every 30 minutes of use when something changed, and at the end when anything
    changed since the last copy (so the next start finds nothing new).

    `changes` counts the rows written so far (the connection's `total_changes`); it is
    read on the caller's thread, while `copy` may run on another one.
    """

    INTERVAL = timedelta(minutes=30)

    def __init__(
        self,
        database: Path,
        backups_dir: Path,
        state_file: Path,
        *,
        changed_at_start: bool,
        changes: Callable[[], int],
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.database = database
        self.backups_dir = backups_dir
        self.state_file = state_file
        self._changes = changes
        self._clock = clock
        self._pending = changed_at_start
        self._copied_at_change = changes()
        self._all_copied = False
        self._generation = 0
        self._abandoned = False

    def due(self) -> bool:
        return self._pending or self._changes() > self._copied_at_change

    @classmethod
    def of_open_notebook(
        cls,
        database: Path,
        backups_dir: Path,
        state_file: Path,
        *,
        changed_at_start: bool = False,
        clock: Callable[[], datetime] = datetime.now,
    ) -> BackupSession:
        """The session of the notebook `db` has open, counting its connection's writes."""
        from pathfinder.store.database import db

        return cls(
            database,
            backups_dir,
            state_file,
            changed_at_start=changed_at_start,
            changes=lambda: int(db.connection().total_changes),
            clock=clock,
        )

    def mark(self) -> Mark:
        """What a copy started now will include (read before starting it)."""
        return Mark(self._generation, self._changes())

    def copy(self, reason: str = "automatic") -> Path:
        """Make a checked copy and rotate the folder (any thread). OSError, sqlite3.Error
        or BadBackupError when it fails."""
        now = self._clock()
        made = make_backup(self.database, self.backups_dir, reason, now)
        rotate(self.backups_dir, now, known_good=made)
        return made

    def copied(self, mark: Mark) -> None:
        """A copy started at `mark` has been made (call on the caller's thread). A copy
        of the notebook as it was before a restore says nothing about the restored one."""
        if mark.generation != self._generation:
            return
        self._pending = False
        self._copied_at_change = max(self._copied_at_change, mark.changes)

    def restart(self) -> None:
        """The notebook was replaced by a restored copy and opened again: count from here."""
        self._generation += 1
        self._pending = False
        self._copied_at_change = self._changes()

    def abandon(self) -> None:
        """The notebook could not be opened again: copy nothing more, remember nothing."""
        self._abandoned = True

    def finish(self) -> None:
        """At the end of the run, with the notebook still open: a last copy when anything
        changed since the previous one. Failing quietly is fine: the next start sees the
        change and copies then."""
        if self._abandoned:
            return
        if self.due():
            mark = self.mark()
            with contextlib.suppress(OSError, sqlite3.Error, BadBackupError):
                self.copy()
                self.copied(mark)
        self._all_copied = not self.due()

    def closed(self) -> None:
        """After `finish`, once the notebook is closed: remember how the file looks, when
        all of it is in a copy."""
        if self._all_copied and not self._abandoned:
            remember_backed_up(self.database, self.state_file)
