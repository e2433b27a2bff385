"""The main window's menus, toolbar and the list of its shortcuts. Mixed into MainWindow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

from pathfinder.views.search_box import SearchBox

REMIND_KEY = "preferences/remind_at_start"  # off unless the person turns it on


def _quit_keys() -> list[QKeySequence]:
    """The platform's Quit key, plus Ctrl+Q where the platform has none (Windows)."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    ctrl_q = QKeySequence("Ctrl+Q")
    if ctrl_q not in keys:
        keys.append(ctrl_q)
    return keys


class MainMenus:
    """Needs from the window: paths, ui_state, undo_stack, sections, _clock and the
    window's own actions' targets (current_section, show_section, flush, open_item, …)."""

    paths: Any
    ui_state: Any
    undo_stack: Any
    sections: list[Any]
    report_page: Any
    people_page: Any
    _clock: Callable[..., Any]

    # -- menus ---------------------------------------------------------------

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        self.new_action = QAction("&New…", self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.setToolTip("Add a person, a role or a goal, depending on where you are")
        self.new_action.triggered.connect(lambda: self.current_section().add_new())
        file_menu.addAction(self.new_action)
        self.new_entry_action = QAction("New &journal entry", self)
        self.new_entry_action.setShortcut(QKeySequence("Ctrl+J"))
        self.new_entry_action.triggered.connect(self.new_journal_entry)
        file_menu.addAction(self.new_entry_action)
        file_menu.addSeparator()
        self.report_action = QAction("Save mentor &report…", self)
        self.report_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.report_action.setToolTip("Save the mentor report shown in the Report section")
        self.report_action.triggered.connect(self.save_report)
        file_menu.addAction(self.report_action)
        import_menu = file_menu.addMenu("&Import")
        self.import_actions = []
        for kind, label in (
            ("linkedin", "&LinkedIn connections…"),
            ("google", "&Google contacts…"),
            ("vcard", "&vCard file…"),
        ):
            action = QAction(label, self)
            action.triggered.connect(lambda _checked=False, k=kind: self.import_people(k))
            import_menu.addAction(action)
            self.import_actions.append(action)
        self.undo_import_action = QAction("Undo i&mport…", self)
        self.undo_import_action.setToolTip("Take the last import back out")
        self.undo_import_action.triggered.connect(self.undo_import)
        file_menu.addAction(self.undo_import_action)
        export_menu = file_menu.addMenu("E&xport")
        for label, slot in (
            ("People as &vCard…", lambda: self.export_people("vcard")),
            ("People as a &spreadsheet (CSV)…", lambda: self.export_people("csv")),
            ("&Follow-ups as calendar events (.ics)…", self.export_follow_ups),
        ):
            action = QAction(label, self)
            action.triggered.connect(slot)
            export_menu.addAction(action)
        export_menu.addSeparator()
        self.archive_action = QAction("Everything as an &archive…", self)
        self.archive_action.setToolTip(
            "Save everything in the notebook as Markdown and JSON files in a .zip"
        )
        self.archive_action.triggered.connect(self.export_archive)
        export_menu.addAction(self.archive_action)
        file_menu.addSeparator()
        self.backup_action = QAction("&Back up now", self)
        self.backup_action.setToolTip("Make a backup of the whole notebook straight away")
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction("Res&tore from a backup…", self)
        self.restore_action.setToolTip("Put the notebook back as it was when a backup was made")
        self.restore_action.triggered.connect(self.restore_from_backup)
        self.check_action = QAction("&Check notebook…", self)
        self.check_action.setToolTip("Look for damage in the notebook file and the search index")
        self.check_action.triggered.connect(self.check_notebook)
        for action in (self.backup_action, self.restore_action, self.check_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcuts(_quit_keys())
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = menu_bar.addMenu("&Edit")
        self.undo_action = QAction("&Undo", self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self._undo_or_redo(self.undo_stack.undo))
        self.redo_action = QAction("&Redo", self)
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(lambda: self._undo_or_redo(self.undo_stack.redo))
        self.undo_stack.indexChanged.connect(self._update_undo_actions)
        self._update_undo_actions()
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = QAction("&Filter people", self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self._filter_people)
        edit_menu.addAction(self.find_action)
        self.search_action = QAction("&Search everything", self)
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.triggered.connect(self.focus_search)
        edit_menu.addAction(self.search_action)

        go_menu = menu_bar.addMenu("&View")
        self.section_actions = []
        for number, section in enumerate(self.sections, start=1):
            action = QAction(section.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.show_section(row))
            go_menu.addAction(action)
            self.section_actions.append(action)
        go_menu.addSeparator()
        self.remind_action = QAction("&Remind me of due follow-ups at start", self)
        self.remind_action.setCheckable(True)
        self.remind_action.setToolTip(
            "When Pathfinder starts and follow-ups are due, say so in a system notification"
        )
        self.remind_action.setChecked(self.ui_state.value(REMIND_KEY, "false") == "true")
        self.remind_action.toggled.connect(
            lambda on: self.ui_state.set_value(REMIND_KEY, "true" if on else "false")
        )
        go_menu.addAction(self.remind_action)

        help_menu = menu_bar.addMenu("&Help")
        self.shortcuts_action = QAction("&Keyboard shortcuts", self)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.about_action = QAction("&About Pathfinder", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Search")
        toolbar.setObjectName("search-toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.toggleViewAction().setEnabled(False)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search_box = SearchBox(self.flush, clock=self._clock)
        self.search_box.chosen.connect(self.open_item)
        self.search_box.dismissed.connect(lambda: self.current_section().setFocus())
        toolbar.addWidget(self.search_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def all_actions(self) -> list[QAction]:
        return [
            self.new_action,
            self.new_entry_action,
            self.report_action,
            self.find_action,
            self.search_action,
            self.quit_action,
            self.undo_action,
            self.redo_action,
            *self.section_actions,
            self.shortcuts_action,
            self.about_action,
        ]

    def show_about(self) -> None:
        from pathfinder.views.dialogs.about import show_about  # not needed to start

        show_about(self, self.paths.data_dir)

    def show_shortcuts(self) -> None:
        from pathfinder.views.dialogs.shortcuts import ShortcutsDialog  # not needed to start

        ShortcutsDialog(self.all_actions(), self).exec()

    def save_report(self) -> None:
        if self._go_to(self.report_page):
            self.report_page.tabs.setCurrentIndex(0)
            self.report_page.save_as()

    def export_archive(self) -> None:
        from pathfinder.views.archive_export import export_archive

        if self.flush():
            export_archive(self, self.paths)

    def import_people(self, kind: str, path: Path | None = None) -> bool:
        from pathfinder.views.import_actions import import_people

        if not self.flush():
            return False
        changed = import_people(self, self.paths, kind, self._clock, path)
        if changed:
            # Edit > Undo can't step back across an import (what it would restore may lean
            # on rows the import or its undo has since changed).
            self.undo_stack.clear()
            self.refresh_current()
        return changed

    def undo_import(self) -> None:
        from pathfinder.views.import_actions import undo_last_import

        if self.flush() and undo_last_import(self, self.paths, self._clock):
            self.undo_stack.clear()
            self.refresh_current()

    def export_people(self, kind: str) -> None:
        from pathfinder.views.people_export import export_people

        if not self.flush():
            return
        # Several people chosen in the People table: those; otherwise everyone.
        chosen = (
            self.people_page.selected_ids() if self.current_section() is self.people_page else []
        )
        export_people(self, self.paths, kind, chosen if len(chosen) > 1 else None)

    def export_follow_ups(self) -> None:
        from pathfinder.views.people_export import export_follow_ups

        if self.flush():
            export_follow_ups(self, self.paths)

    def refresh_current(self) -> None:
        """Show what an import or an undo changed in the section in front."""
        on_shown = getattr(self.current_section(), "on_shown", None)
        if on_shown is not None:
            on_shown()
