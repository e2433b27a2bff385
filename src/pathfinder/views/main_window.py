"""The main window: a navigation column, the sections beside it, menus and a status bar."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QMoveEvent,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from pathfinder.paths import Paths
from pathfinder.services import interactions
from pathfinder.services.why import current_why
from pathfinder.store.backups import BackupSession
from pathfinder.views.auto_backup import AutoBackup
from pathfinder.views.compass.page import CompassPage
from pathfinder.views.conversations.page import ConversationsPage
from pathfinder.views.icons import themed_icon
from pathfinder.views.journal.page import JournalPage
from pathfinder.views.main_menus import MainMenus
from pathfinder.views.map.page import MapPage
from pathfinder.views.notebook_care import NotebookCare
from pathfinder.views.people.page import PeoplePage
from pathfinder.views.report.page import ReportPage
from pathfinder.views.startup_offers import StartupOffers
from pathfinder.views.today.page import TodayPage
from pathfinder.views.ui_state import UiState

Section = (
    TodayPage | CompassPage | PeoplePage | ConversationsPage | JournalPage | MapPage | ReportPage
)
DEFAULT_SIZE = QSize(1200, 800)
MINIMUM_SIZE = QSize(900, 600)
STATUS_TIMEOUT_MS = 6000


class MainWindow(MainMenus, StartupOffers, NotebookCare, QMainWindow):
    # A backup was restored over the notebook: this window shows what is gone and asks to
    # be replaced by a fresh one, which shows the message (see app.WindowHost).
    notebook_replaced = Signal(str)

    def __init__(
        self,
        paths: Paths,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
        *,
        demo: bool = False,
        backups: BackupSession | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._clock = clock
        if backups is None:
            backups = BackupSession.of_open_notebook(
                paths.database, paths.backups_dir, paths.backup_state_file, clock=clock
            )
        self.auto_backup = AutoBackup(backups, self.show_status, self)
        # The demo is a throwaway copy; say so, so nobody writes real notes into it.
        self.setWindowTitle("Pathfinder — demo notebook (not kept)" if demo else "Pathfinder")
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(DEFAULT_SIZE)
        self.ui_state = UiState(paths.ui_state_file)
        self.remember_state = True
        self.ask_before_losing = True  # off when the system is ending Pathfinder
        self.undo_stack = QUndoStack(self)

        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Sections")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setSpacing(2)
        self.navigation.setMinimumWidth(140)
        self.stack = QStackedWidget()
        self.today_page = TodayPage(self.undo_stack, clock, self.show_status)
        self.compass_page = CompassPage(self.undo_stack, clock, self.show_status)
        self.people_page = PeoplePage(
            self.undo_stack, clock, self.show_status, backups_dir=paths.backups_dir
        )
        self.conversations_page = ConversationsPage(self.undo_stack, clock, self.show_status)
        self.map_page = MapPage(self.undo_stack, clock, self.show_status)
        self.journal_page = JournalPage(
            self.undo_stack, clock, self.show_status, paths.unsaved_file
        )
        self.report_page = ReportPage(self.undo_stack, clock, self.show_status, paths.data_dir)
        self.sections: list[Section] = [
            self.today_page,
            self.compass_page,
            self.people_page,
            self.conversations_page,
            self.journal_page,
            self.map_page,
            self.report_page,
        ]
        self.people_page.detail.conversation_requested.connect(self._start_conversation_with)
        self.people_page.detail.open_entry.connect(lambda i: self.open_item("journal_entry", i))
        self.conversations_page.interviews.reflection_requested.connect(self._reflect_on)
        self.conversations_page.interviews.open_entry.connect(
            lambda i: self.open_item("journal_entry", i)
        )
        self.journal_page.open_link.connect(self.open_item)
        self.today_page.open_person.connect(lambda i: self.open_item("person", i))
        self.today_page.open_conversation.connect(lambda i: self.open_item("conversation", i))
        self.today_page.go_to.connect(self.show_section_named)
        self.today_page.add_person_requested.connect(self._add_person)
        self.map_page.open_person.connect(lambda i: self.open_item("person", i))
        self.map_page.add_person_requested.connect(self._add_person)
        for section in self.sections:
            item = QListWidgetItem(section.title)
            item.setSizeHint(QSize(0, 36))
            self.navigation.addItem(item)
            self.stack.addWidget(section)
        self.navigation.currentRowChanged.connect(self._on_section_changed)
        self._paint_icons()

        self.splitter = QSplitter()
        self.splitter.setObjectName("main")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1030])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self._build_toolbar()
        self.statusBar().showMessage(
            "Your notebook is open. Everything stays on this computer.", STATUS_TIMEOUT_MS
        )
        self._restore_state()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _go_to(self, page: QWidget) -> bool:
        """Bring a section to the front; False if the one in front can't be left yet."""
        self.show_section(self.sections.index(page))  # type: ignore[arg-type]
        return self.current_section() is page

    def open_item(self, kind: str, item_id: int) -> None:
        """Open a search result or a link in its own section."""
        if kind in ("person", "interaction"):
            person_id = item_id if kind == "person" else interactions.person_of(item_id)
            if person_id is not None and self._go_to(self.people_page):
                self.people_page.open_person(person_id)
        elif kind == "organisation":
            if self._go_to(self.people_page):
                self.people_page.show_organisation(item_id)
        elif kind == "conversation":
            if self._go_to(self.conversations_page):
                self.conversations_page.show_conversation(item_id)
        elif kind == "event":
            if self._go_to(self.conversations_page):
                self.conversations_page.show_event(item_id)
        elif kind == "journal_entry" and self._go_to(self.journal_page):
            self.journal_page.show_entry(item_id)

    def show_section_named(self, where: str) -> None:
        """A section by key, optionally with a place in it: "compass/why", "compass/goals",
        "compass/new goal" (the goal form opens)."""
        key, _slash, place = where.partition("/")
        for row, section in enumerate(self.sections):
            if section.key == key:
                self.show_section(row)
        if self.current_section() is self.compass_page and place:
            self.compass_page.show_place(place)

    def _add_person(self) -> None:
        if self._go_to(self.people_page):
            self.people_page.add_person()

    def new_journal_entry(self) -> None:
        if self._go_to(self.journal_page):
            self.journal_page.new_entry()

    def _reflect_on(self, conversation_id: int) -> None:
        if self._go_to(self.journal_page):
            self.journal_page.start_after_conversation(conversation_id)

    def _start_conversation_with(self, person_id: int) -> None:
        if self._go_to(self.conversations_page):
            self.conversations_page.start_with(person_id)

    def _undo_or_redo(self, step: Callable[[], None]) -> None:
        """Save what was typed first, so an undo never works on a stale copy of it."""
        if not self.flush():
            self.show_status("First fix the change that isn't saved yet: see the message.")
            self._show_unsaved()
            return
        step()

    def _update_undo_actions(self) -> None:
        for action, can, text, verb in (
            (self.undo_action, self.undo_stack.canUndo(), self.undo_stack.undoText(), "Undo"),
            (self.redo_action, self.undo_stack.canRedo(), self.undo_stack.redoText(), "Redo"),
        ):
            action.setEnabled(can)
            action.setText(f"&{verb} {text}" if can and text else f"&{verb}")

    def _filter_people(self) -> None:
        if self._go_to(self.people_page):
            self.people_page.focus_filter()

    # -- sections ------------------------------------------------------------

    def show_section(self, row: int) -> None:
        self.navigation.setCurrentRow(row)

    def _on_section_changed(self, row: int) -> None:
        """Leaving a section saves it; a change that can't be saved keeps it in front."""
        self.search_box.popup.hide()
        leaving = self.stack.currentWidget()
        if leaving is not None and self.stack.indexOf(leaving) != row and not leaving.flush():
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(self.stack.currentIndex())
            self.navigation.blockSignals(False)
            self.show_status("This section has a change that isn't saved yet: see the message.")
            return
        self.stack.setCurrentIndex(row)
        on_shown = getattr(self.sections[row], "on_shown", None)
        if on_shown is not None and leaving is not None and self.stack.indexOf(leaving) != row:
            on_shown()

    def current_section(self) -> Section:
        return self.sections[self.stack.currentIndex()]

    def visit_everything(self) -> Iterator[str]:
        """Show every section and every tab inside it (for --smoke)."""
        for row, section in enumerate(self.sections):
            self.show_section(row)
            yield section.key
            yield from section.visit()

    def flush(self) -> bool:
        """Save everything typed; False if some change could not be saved."""
        results = [section.flush() for section in self.sections]
        return all(results)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def bring_forward(self) -> None:
        """A second launch asked for this window: show it and say why."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.show_status("Pathfinder was already open, so here it is.")

    def _paint_icons(self) -> None:
        for row, section in enumerate(self.sections):
            self.navigation.item(row).setIcon(themed_icon(section.icon))

    def changeEvent(self, event: QEvent) -> None:
        # The OS switched between light and dark: redraw the icons in the new text colour.
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        if event.type() == QEvent.Type.WindowStateChange:
            self.search_box.popup.hide()
        super().changeEvent(event)

    def moveEvent(self, event: QMoveEvent) -> None:
        self.search_box.popup.hide()  # it would stay where the window was
        super().moveEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.search_box.popup.hide()
        super().resizeEvent(event)

    # -- remembered state ----------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.ui_state.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.ui_state.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.ui_state.restore_splitters(self)
        # Pathfinder opens on Today once there is a why; before that, on Compass to write it.
        self.show_section(
            self.sections.index(self.today_page if current_why() else self.compass_page)
        )
        for section in self.sections:
            tab = _as_int(self.ui_state.value(f"{section.key}/tab"), 0)
            if 0 <= tab < section.tabs.count():
                section.tabs.setCurrentIndex(tab)

    def save_state(self) -> None:
        self.ui_state.set_value("window/geometry", self.saveGeometry())
        self.ui_state.set_value("window/state", self.saveState())
        for section in self.sections:
            self.ui_state.set_value(f"{section.key}/tab", section.tabs.currentIndex())
        self.ui_state.save_splitters(self)
        self.ui_state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush() and self.ask_before_losing and not self._confirm_quit_unsaved():
            event.ignore()
            self._show_unsaved()
            return
        self.auto_backup.timer.stop()
        self.auto_backup.wait()
        if self.remember_state:
            self.save_state()
        super().closeEvent(event)

    def _show_unsaved(self) -> None:
        for row, section in enumerate(self.sections):
            if not section.flush():
                self.show_section(row)
                section.show_unsaved()
                return

    def _confirm_quit_unsaved(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Your last change isn't saved",
            "One change couldn't be saved; the message beside it says why. If you quit "
            "now, that change is lost (everything saved before it is safe).",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Discard).setText("&Quit anyway")
        box.button(QMessageBox.StandardButton.Cancel).setText("&Stay and fix it")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard


def _as_int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default
