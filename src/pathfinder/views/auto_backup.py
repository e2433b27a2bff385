"""Automatic backups while the window is open: one shortly after start when the notebook
changed since the last copy, then every 30 minutes of use when something changed.

The copy runs on a worker thread with a connection of its own (the window keeps
writing meanwhile; SQLite's backup reads one consistent snapshot). When it ends, a
queued signal brings the result back to the window's thread.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from pathfinder.store.backup import BadBackupError
from pathfinder.store.backups import BackupSession, Mark

log = logging.getLogger(__name__)
START_DELAY_MS = 1500


class AutoBackup(QObject):
    # (the copy made or None, the failure in words or "")
    finished = Signal(object, str)

    def __init__(
        self, session: BackupSession, status: Callable[[str], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._status = status
        self._thread: threading.Thread | None = None
        self._mark: Mark | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(BackupSession.INTERVAL.total_seconds() * 1000))
        self.timer.timeout.connect(self.start_if_due)
        self.finished.connect(self._on_finished)

    def start(self) -> None:
        """Begin: a first copy soon when one is due, then every 30 minutes."""
        QTimer.singleShot(START_DELAY_MS, self.start_if_due)
        self.timer.start()

    def start_if_due(self) -> bool:
        if self.running() or not self.session.due():
            return False
        self._mark = self.session.mark()
        self._thread = threading.Thread(target=self._copy, name="pathfinder-backup", daemon=True)
        self._thread.start()
        return True

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self) -> None:
        """Let a copy under way finish (before the notebook is closed or replaced)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _copy(self) -> None:
        try:
            made: Path | None = self.session.copy("automatic")
            failure = ""
        except (OSError, sqlite3.Error, BadBackupError) as error:
            made, failure = None, str(error)
        self.finished.emit(made, failure)

    def _on_finished(self, made: Path | None, failure: str) -> None:
        if made is not None and self._mark is not None:
            self.session.copied(self._mark)
            log.info("automatic backup made")
            return
        log.warning("automatic backup failed")
        self._status(
            f"The automatic backup failed ({failure}). Your notebook is fine; Pathfinder "
            "tries again in 30 minutes."
        )
