"""What the window offers once it is up: words typed before Pathfinder was stopped, and
(when chosen) a reminder of the follow-ups that are waiting. Mixed into MainWindow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon

from pathfinder.paths import Paths
from pathfinder.services import followups, unsaved
from pathfinder.views.icons import app_icon


class StartupOffers:
    """Needs from the window: paths, _clock, remind_action, sections, today_page,
    journal_page, _go_to, show_section, show_status, and QWidget's own methods."""

    paths: Paths
    _clock: Callable[[], datetime]
    remind_action: Any
    sections: list[Any]
    today_page: Any
    journal_page: Any

    def remind_at_start(self) -> str:
        """With the preference on, a system notification when follow-ups are due; returns
        what it said ("" when it said nothing)."""
        if not self.remind_action.isChecked():
            return ""
        due = followups.count_due(self._clock().date())
        if not due or not QSystemTrayIcon.isSystemTrayAvailable():
            return ""
        message = (
            "One follow-up is waiting for you (due today or before)."
            if due == 1
            else f"{due} follow-ups are waiting for you (due today or before)."
        )
        self.tray = QSystemTrayIcon(app_icon(), self)
        self.tray.setToolTip("Pathfinder")
        self.tray.activated.connect(lambda _reason: self._show_today_from_tray())
        self.tray.messageClicked.connect(self._show_today_from_tray)
        self.tray.show()
        self.tray.showMessage("Pathfinder", message, app_icon(), 8000)
        return message

    def _show_today_from_tray(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.show_section(self.sections.index(self.today_page))
        if hasattr(self, "tray"):
            self.tray.hide()

    def offer_unsaved_text(self) -> None:
        """Pathfinder was stopped while journal text was still being typed: offer it back."""
        copy = unsaved.read(self.paths.unsaved_file)
        if copy is None:
            return
        from pathfinder.services import journal  # only when there is text to offer

        if copy.entry_id is not None and journal.entry_exists(copy.entry_id):
            saved = journal.get_entry(copy.entry_id)
            if (saved.title, saved.body) == (copy.title, copy.body):
                unsaved.forget(self.paths.unsaved_file)  # the notebook has it after all
                return
        elif not copy.title.strip() and not copy.body.strip():
            unsaved.forget(self.paths.unsaved_file)
            return
        words = " ".join(f"{copy.title} {copy.body}".split())
        shown = words if len(words) <= 300 else words[:299] + "…"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Bring back your unsaved words?",
            "Pathfinder stopped before your last journal writing was saved. This is what "
            f"you had typed:\n\n“{shown}”\n\nPut it back in the journal?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText("&Bring it back")
        box.button(QMessageBox.StandardButton.Discard).setText("&Discard it")
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() == QMessageBox.StandardButton.Yes:
            if self._go_to(self.journal_page):
                self.journal_page.recover(copy)
                self.show_status("Your words are back in the journal and saved.")
        else:
            unsaved.forget(self.paths.unsaved_file)
