"""Saves journal entries through the real store in a loop until it is killed.

Run by tests/faults/test_kill_during_saves.py as `python fault_saver.py DATA_DIR`. It
imports the store once, then, for each line "go ROUND [OTHER_DATA_DIR]" read from stdin,
forks a saver process and prints "started ROUND PID". The saver opens (the first time: creates) the
notebook, then saves entry after entry, printing "saved ID ROUND N" and flushing only
after `journal.add_entry` has returned, that is after its transaction committed. The test
kills the saver with SIGKILL; this process then prints "ended ROUND STATUS" and waits
for the next round. (Forking skips Python's start-up and imports, a fifth of a second
per round; the saver holds no connection from before the fork: it opens its own.)

Entry N of round R has the title and body `entry_text(R, N)`, so the test can check
the exact text of every save that was acknowledged.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path


def entry_text(round_number: int, n: int) -> tuple[str, str]:
    """The title and body of entry `n` of round `round_number`: derived from nothing else,
    with non-ASCII text, and a body that grows and shrinks so pages split and merge."""
    title = f"Runde {round_number} · Eintrag {n} — Zoë ✓"
    line = f"r{round_number}n{n}: Ärger, Freude, 東京, emoji 🧭, «quotes»\n"
    body = line * (1 + (round_number * 31 + n * 7) % 40)
    return title, body


def save_until_killed(data_dir: Path, round_number: int) -> None:
    from pathfinder.paths import Paths
    from pathfinder.services import journal
    from pathfinder.store.database import open_notebook

    paths = Paths(data_dir)
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    now = datetime(2026, 3, 2, 19, 30)
    n = 0
    while True:
        title, body = entry_text(round_number, n)
        entry = journal.add_entry(now, title=title, body=body, tags=[f"r{round_number}"])
        sys.stdout.write(f"saved {entry.id} {round_number} {n}\n")
        sys.stdout.flush()
        n += 1


def main() -> None:
    # Everything the saver needs, imported once, before any fork.
    import pathfinder.paths
    import pathfinder.services.journal
    import pathfinder.store.database
    import pathfinder.store.migrations  # noqa: F401

    for command in sys.stdin:
        _go, round_number_text, *folder = command.split(maxsplit=2)
        round_number = int(round_number_text)
        data_dir = Path(folder[0].strip()) if folder else Path(sys.argv[1])
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                save_until_killed(data_dir, round_number)
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(status)
        sys.stdout.write(f"started {round_number} {pid}\n")
        sys.stdout.flush()
        _pid, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        sys.stdout.write(f"ended {round_number} {code}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
