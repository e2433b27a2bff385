"""The main window: a navigation column, the sections beside it, menus and a status bar.

A section's page is built the first time it is needed (shown, linked to, or asked
for through `sections` or a `*_page` property), so a start builds only the section it
opens on: with 30,000 people, building all seven took longer than the rest of the
start together (`make bench`, figure a). The stack holds an empty placeholder for each
section not built yet, so a row of the navigation is always the page's index there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal
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
from pathfinder.views.icons import themed_icon
from pathfinder.views.main_menus import MainMenus
from pathfinder.views.notebook_care import NotebookCare
from pathfinder.views.sections import (
    COMPASS,
    CONVERSATIONS,
    JOURNAL,
    MAP,
    PEOPLE,
    REPORT,
    SECTIONS,
    TODAY,
    Sections,
)
from pathfinder.views.startup_offers import StartupOffers
from pathfinder.views.ui_state import UiState

if TYPE_CHECKING:
    from pathfinder.views.compass.page import CompassPage
    from pathfinder.views.conversations.page import ConversationsPage
    from pathfinder.views.journal.page import JournalPage
    from pathfinder.views.map.page import MapPage
    from pathfinder.views.people.page import PeoplePage
    from pathfinder.views.report.page import ReportPage
    from pathfinder.views.sections import Section
    from pathfinder.views.today.page import TodayPage

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
        for spec in SECTIONS:
            item = QListWidgetItem(spec.title)
            item.setSizeHint(QSize(0, 36))
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # a placeholder until the page is built
        # Rows built since control last went back to the event loop: a page reads everything
        # when it is built, so showing it right away need not read it again (on_shown).
        self._fresh: set[int] = set()
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

        # The View menu needs only the titles (MainMenus reads them from `sections`): it is
        # built from SECTIONS, so that no page is built for it.
        self.sections = SECTIONS  # type: ignore[assignment]
        self._build_menus()
        self.sections: Sections = Sections(self._build_section)
        self._build_toolbar()
        self.statusBar().showMessage(
            "Your notebook is open. Everything stays on this computer.", STATUS_TIMEOUT_MS
        )
        self._restore_state()

    # -- building the sections -------------------------------------------------

    def _build_section(self, row: int) -> Section:
        """Build a section's page, put it in place of its placeholder, and give it the tab
        and splitter sizes it had when the window last closed."""
        page = cast("Section", getattr(self, f"_make_{SECTIONS[row].key}")())
        spec = SECTIONS[row]
        if (page.key, page.title, page.icon) != (spec.key, spec.title, spec.icon):
            raise RuntimeError(f"SECTIONS[{row}] is {spec}, but the page says otherwise")
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        tab = _as_int(self.ui_state.value(f"{spec.key}/tab"), 0)
        if 0 <= tab < page.tabs.count():
            page.tabs.setCurrentIndex(tab)
        self.ui_state.restore_splitters(page)
        self._fresh.add(row)
        QTimer.singleShot(0, self, lambda: self._fresh.discard(row))
        return page

    def _make_today(self) -> TodayPage:
        from pathfinder.views.today.page import TodayPage

        page = TodayPage(self.undo_stack, self._clock, self.show_status)
        page.open_person.connect(lambda i: self.open_item("person", i))
        page.open_conversation.connect(lambda i: self.open_item("conversation", i))
        page.go_to.connect(self.show_section_named)
        page.add_person_requested.connect(self._add_person)
        return page

    def _make_compass(self) -> CompassPage:
        from pathfinder.views.compass.page import CompassPage

        return CompassPage(self.undo_stack, self._clock, self.show_status)

    def _make_people(self) -> PeoplePage:
        from pathfinder.views.people.page import PeoplePage

        page = PeoplePage(
            self.undo_stack, self._clock, self.show_status, backups_dir=self.paths.backups_dir
        )
        page.detail.conversation_requested.connect(self._start_conversation_with)
        page.detail.open_entry.connect(lambda i: self.open_item("journal_entry", i))
        return page

    def _make_conversations(self) -> ConversationsPage:
        from pathfinder.views.conversations.page import ConversationsPage

        page = ConversationsPage(self.undo_stack, self._clock, self.show_status)
        page.interviews.reflection_requested.connect(self._reflect_on)
        page.interviews.open_entry.connect(lambda i: self.open_item("journal_entry", i))
        return page

    def _make_journal(self) -> JournalPage:
        from pathfinder.views.journal.page import JournalPage

        page = JournalPage(self.undo_stack, self._clock, self.show_status, self.paths.unsaved_file)
        page.open_link.connect(self.open_item)
        return page

    def _make_map(self) -> MapPage:
        from pathfinder.views.map.page import MapPage

        page = MapPage(self.undo_stack, self._clock, self.show_status)
        page.open_person.connect(lambda i: self.open_item("person", i))
        page.add_person_requested.connect(self._add_person)
        return page

    def _make_report(self) -> ReportPage:
        from pathfinder.views.report.page import ReportPage

        return ReportPage(self.undo_stack, self._clock, self.show_status, self.paths.data_dir)

    @property
    def today_page(self) -> TodayPage:
        return cast("TodayPage", self.sections[TODAY])

    @property
    def compass_page(self) -> CompassPage:
        return cast("CompassPage", self.sections[COMPASS])

    @property
    def people_page(self) -> PeoplePage:
        return cast("PeoplePage", self.sections[PEOPLE])

    @property
    def conversations_page(self) -> ConversationsPage:
        return cast("ConversationsPage", self.sections[CONVERSATIONS])

    @property
    def journal_page(self) -> JournalPage:
        return cast("JournalPage", self.sections[JOURNAL])

    @property
    def map_page(self) -> MapPage:
        return cast("MapPage", self.sections[MAP])

    @property
    def report_page(self) -> ReportPage:
        return cast("ReportPage", self.sections[REPORT])

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
        for row, spec in enumerate(SECTIONS):
            if spec.key == key:
                self.show_section(row)
        if place and self.stack.currentIndex() == COMPASS:
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
        self.search_box.hide_results()
        current = self.stack.currentIndex()
        # Only a built page can hold anything typed (a placeholder is current only at start).
        leaving = self.sections[current] if self.sections.is_built(current) else None
        if leaving is not None and current != row and not leaving.flush():
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(current)
            self.navigation.blockSignals(False)
            self.show_status("This section has a change that isn't saved yet: see the message.")
            return
        page = self.sections[row]  # built now if it wasn't
        self.stack.setCurrentIndex(row)
        if row in self._fresh:
            return  # it has just read everything
        on_shown = getattr(page, "on_shown", None)
        if on_shown is not None and leaving is not None and current != row:
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
        results = [section.flush() for section in self.sections.built()]
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
        for row, spec in enumerate(SECTIONS):
            self.navigation.item(row).setIcon(themed_icon(spec.icon))

    def changeEvent(self, event: QEvent) -> None:
        # The OS switched between light and dark: redraw the icons in the new text colour.
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        if event.type() == QEvent.Type.WindowStateChange:
            self.search_box.hide_results()
        super().changeEvent(event)

    def moveEvent(self, event: QMoveEvent) -> None:
        self.search_box.hide_results()  # it would stay where the window was
        super().moveEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.search_box.hide_results()
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
        # Each page gets its remembered tab and splitters when it is built.
        self.show_section(TODAY if current_why() else COMPASS)

    def save_state(self) -> None:
        self.ui_state.set_value("window/geometry", self.saveGeometry())
        self.ui_state.set_value("window/state", self.saveState())
        for section in self.sections.built():  # the others keep what they had
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
        for section in self.sections.built():
            if not section.flush():
                self.show_section(self.sections.index(section))
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
