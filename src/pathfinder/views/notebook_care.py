"""File ▸ Back up now, Restore from a backup and Check notebook, and the offer to restore
when the notebook can't be opened at start. Mixed into MainWindow."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from pathfinder.paths import Paths
from pathfinder.store.backup import BadBackupError
from pathfinder.store.backups import list_backups
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.errors import StoreError
from pathfinder.views.formatting import full_date_at_time

if TYPE_CHECKING:  # the restore and the check are imported when used, not at start
    from pathfinder.services.notebook_check import CheckResult
    from pathfinder.store.restore import Restored

CHECKED = (
    "Checked: every page of the notebook file, the links between your records, and the "
    "search index."
)


class _WaitCursor:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


class NotebookCare:
    """Needs from the window: paths, _clock, auto_backup, flush, show_status,
    notebook_replaced (a signal) and QWidget's own methods."""

    paths: Paths
    _clock: Callable[[], datetime]
    auto_backup: Any
    notebook_replaced: Any

    def back_up_now(self) -> Path | None:
        if not self.flush():
            self.show_status("First fix the change that isn't saved yet: see the message.")
            return None
        self.auto_backup.wait()
        session = self.auto_backup.session
        mark = session.mark()
        try:
            with _WaitCursor():
                made: Path = session.copy("manual")
        except (OSError, sqlite3.Error, BadBackupError) as error:
            QMessageBox.warning(
                self,
                "The backup failed",
                f"Pathfinder couldn't make the backup ({error}).\n\nYour notebook is fine. "
                "Free some space, then try again.",
            )
            return None
        session.copied(mark)
        when = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        self.show_status(
            f"Backed up at {when}. File ▸ Restore from a backup lists every copy kept."
        )
        return made

    def restore_from_backup(self) -> bool:
        """Choose a backup and put it in place; True when the notebook was replaced (the
        window then asks to be replaced by a fresh one through `notebook_replaced`)."""
        if not self.flush():
            self.show_status("First fix the change that isn't saved yet: see the message.")
            return False
        from pathfinder.store.restore import RestoreError, restore_backup
        from pathfinder.views.restore_dialog import WINDOW_INTRO, pick_backup

        backup = pick_backup(self, self.paths.backups_dir, self._clock(), WINDOW_INTRO)
        if backup is None:
            return False
        self.auto_backup.wait()
        close_notebook()
        try:
            with _WaitCursor():
                restored = restore_backup(
                    backup.path, self.paths.database, self.paths.backups_dir, self._clock()
                )
        except RestoreError as error:
            reopen_error = _reopen(self.paths)
            if reopen_error:
                self._give_up(error.message + "\n\n" + reopen_error)
            else:
                QMessageBox.warning(self, error.title, error.message)
            return False
        reopen_error = _reopen(self.paths)
        if reopen_error:
            self._give_up(reopen_error)
            return False
        self.auto_backup.session.restart()
        self.notebook_replaced.emit(restored_message(backup.made_at, restored))
        return True

    def _give_up(self, message: str) -> None:
        """The notebook can't be opened again: nothing may write to it unchecked, so end
        here. The next start says what is wrong and offers the backups."""
        db.initialize(None)
        self.auto_backup.timer.stop()
        self.auto_backup.session.abandon()
        QMessageBox.critical(
            self,
            "Pathfinder can't open your notebook",
            message + "\n\nPathfinder closes now. Start it again to choose another backup.",
        )
        self.ask_before_losing = False
        self.remember_state = False
        QApplication.exit(1)

    def check_notebook(self) -> CheckResult:
        from pathfinder.services.notebook_check import check_notebook, repair_search_index

        if not self.flush():
            self.show_status("First fix the change that isn't saved yet: see the message.")
        with _WaitCursor():
            result = check_notebook()
        if result.ok:
            QMessageBox.information(
                self,
                "Your notebook is healthy",
                f"Nothing is wrong with your notebook.\n\n{CHECKED}",
            )
            return result
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Something is wrong with your notebook",
            "\n".join(f"• {problem}" for problem in result.problems),
            QMessageBox.StandardButton.Close,
            self,
        )
        repair = None
        if result.repairable:
            box.setInformativeText(
                "Only the search index is affected, and it can be rebuilt from your notes. "
                "Pathfinder makes a backup first."
            )
            repair = box.addButton("&Rebuild the search index", QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setInformativeText(
                "Your notes may still look fine, but the safest way back is a backup made "
                "before the problem began."
            )
        restore = box.addButton("Restore from a &backup…", QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if repair is not None and box.clickedButton() is repair:
            try:
                with _WaitCursor():
                    repair_search_index(self.paths.backups_dir, self._clock())
            except StoreError as error:
                QMessageBox.warning(self, error.title, error.message)
                return result
            self.show_status("The search index was rebuilt. A backup from just before is kept.")
        elif box.clickedButton() is restore:
            self.restore_from_backup()
        return result


def _reopen(paths: Paths) -> str:
    """Open the notebook again; the problem in words, or ""."""
    try:
        open_notebook(paths.database, paths.backups_dir)
    except StoreError as error:
        return error.message
    return ""


def restored_message(made_at: datetime, restored: Restored) -> str:
    kept = (
        "Your notebook as it was is kept as the backup “Before a restore”."
        if restored.set_aside is not None
        else f"The file that couldn't be read is kept as {restored.damaged.name}."
        if restored.damaged is not None
        else ""
    )
    return f"Restored the backup from {full_date_at_time(made_at)}. {kept}".strip()


# -- at start -------------------------------------------------------------------------


def offer_restore_at_start(
    paths: Paths, error: StoreError, clock: Callable[[], datetime], *, offer_new: bool = False
) -> str:
    """The notebook can't be opened (or is missing) and backups exist: offer one.
    "restored" (the caller opens the notebook again), "new" (start an empty notebook; only
    with `offer_new`) or "quit"."""
    from pathfinder.store.restore import RestoreError, restore_backup
    from pathfinder.views.restore_dialog import WINDOW_INTRO, pick_backup

    backups = list_backups(paths.backups_dir)
    box = QMessageBox(QMessageBox.Icon.Warning, error.title, error.message)
    box.setInformativeText(
        f"The newest backup is from {full_date_at_time(backups[0].made_at)}. Restoring one "
        "keeps the file that can't be read, renamed, beside it."
    )
    restore = box.addButton("&Restore from a backup…", QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton("Start a &new notebook", QMessageBox.ButtonRole.DestructiveRole)
    new.setVisible(offer_new)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    while True:
        box.exec()
        if offer_new and box.clickedButton() is new:
            return "new"
        if box.clickedButton() is not restore:
            return "quit"
        backup = pick_backup(None, paths.backups_dir, clock(), WINDOW_INTRO)
        if backup is None:
            continue
        try:
            restored = restore_backup(backup.path, paths.database, paths.backups_dir, clock())
        except RestoreError as failure:
            QMessageBox.warning(None, failure.title, failure.message)
            continue
        QMessageBox.information(None, "Backup restored", restored_message(backup.made_at, restored))
        return "restored"


def offer_upgrade_retry(error: StoreError) -> bool:
    """An upgrade that failed before: try again, or quit. True to try again."""
    box = QMessageBox(QMessageBox.Icon.Warning, error.title, error.message)
    again = box.addButton("&Try the upgrade again", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is again
