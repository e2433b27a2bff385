"""The People section: the filterable table of everyone beside the selected person."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import people
from pathfinder.services.contact_fields import LEVEL_LABELS
from pathfinder.services.network import giving_back
from pathfinder.services.people_table import PeopleFilter
from pathfinder.views.icons import themed_icon
from pathfinder.views.people.bulk_actions import PeopleBulkActions
from pathfinder.views.people.contact_next import ContactNextView
from pathfinder.views.people.filters import FilterBar
from pathfinder.views.people.organisations import OrganisationsView
from pathfinder.views.people.person_detail import PersonDetail
from pathfinder.views.people.person_form import PersonForm
from pathfinder.views.people.table_model import PeopleTableModel
from pathfinder.views.widgets.empty_state import EmptyState
from pathfinder.views.widgets.record_form import CreateDialog
from pathfinder.views.widgets.section_tabs import keep_tab_if_unsaved, section_top, visit_tabs
from pathfinder.views.widgets.selection import select_only_row
from pathfinder.views.widgets.tables import record_table

PEOPLE_TAB, ORGANISATIONS_TAB, CONTACT_NEXT_TAB = range(3)
FIRST_PEOPLE = (
    "People you already know are the best place to start: former colleagues, "
    "classmates, professors, friends and family. Add the first three."
)


class PeoplePage(QWidget):
    key = "people"
    title = "People"
    icon = "people"

    def __init__(
        self,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
        *,
        backups_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self._clock = clock
        self._status = status
        self._holding = False
        self._total = 0  # everyone not archived, as of the last reload
        self.bulk = PeopleBulkActions(self, undo_stack, clock, status, backups_dir)

        layout, (self.count_label,), self.tabs = section_top(self, "People")
        layout.addWidget(self.tabs, 1)

        # The people tab: filters + table beside the detail, or (made when first needed:
        # a notebook with people never shows it) the empty state.
        self.people_stack = QStackedWidget()
        self._empty: EmptyState | None = None
        content = self._content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(16, 12, 16, 8)
        self.filters = FilterBar()
        self.filters.changed.connect(self._on_filter_changed)
        content_layout.addWidget(self.filters)
        actions = QHBoxLayout()
        self.add_button = QPushButton("&Add person…")
        self.add_button.setToolTip("Add a person (Ctrl+N); only the name is needed")
        self.add_button.clicked.connect(self.add_person)
        actions.addWidget(self.add_button)
        self.bulk_buttons: list[QPushButton] = []
        for text, slot in (
            ("Tag…", self.bulk.tag_selected),
            ("Set level", None),
            ("Archive", self.bulk.archive_selected),
            ("Delete…", self.bulk.delete_selected),
        ):
            button = QPushButton(text)
            if slot is not None:
                button.clicked.connect(slot)
            actions.addWidget(button)
            self.bulk_buttons.append(button)
        level_menu = QMenu(self.bulk_buttons[1])
        for level, label in LEVEL_LABELS.items():
            level_menu.addAction(label, lambda lv=level: self.bulk.set_level_selected(lv))
        self.bulk_buttons[1].setMenu(level_menu)
        self.archive_button = self.bulk_buttons[2]
        actions.addStretch(1)
        self.match_label = QLabel()
        actions.addWidget(self.match_label)
        content_layout.addLayout(actions)

        splitter = QSplitter()
        splitter.setObjectName("people.main")
        splitter.setChildrenCollapsible(False)
        self.table_stack = QStackedWidget()
        self.model = PeopleTableModel(clock, self)
        self.table = record_table(self.model, "People", many=True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((160, 150, 140, 95, 130, 100)):
            header.resizeSection(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.bulk.context_menu)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(self._open_selected)
        self.table_stack.addWidget(self.table)
        no_match = QWidget()
        no_match_layout = QVBoxLayout(no_match)
        no_match_layout.addStretch(1)
        self.no_match_label = QLabel("Nobody matches these filters.")
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        no_match_layout.addWidget(self.no_match_label)
        clear = QPushButton("Clear the filters")
        clear.clicked.connect(self.filters.clear)
        no_match_layout.addWidget(clear, 0, Qt.AlignmentFlag.AlignHCenter)
        no_match_layout.addStretch(2)
        self.table_stack.addWidget(no_match)
        splitter.addWidget(self.table_stack)
        self.detail = PersonDetail(clock, status)
        self.detail.setMinimumWidth(340)
        self.detail.person_changed.connect(self._after_person_saved)
        self.detail.people_changed.connect(self.reload)
        self.detail.open_person.connect(self.open_person)
        self.detail.undoable.connect(self.bulk.push)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 460])
        content_layout.addWidget(splitter, 1)
        self.people_stack.addWidget(content)
        self.tabs.addTab(self.people_stack, "People")

        # The Organisations tab is built the first time it is shown or asked for: opening
        # People rarely needs it, and building it took a twentieth of opening the section.
        self._organisations: OrganisationsView | None = None
        self._organisations_tab = QWidget()
        QVBoxLayout(self._organisations_tab).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._organisations_tab, "Organisations")
        self.contact_next = ContactNextView(clock)
        self.contact_next.open_person.connect(self.open_person)
        self.tabs.addTab(self.contact_next, "Who to contact next")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._tab = PEOPLE_TAB
        self._paint_icons()

        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.bulk.delete_selected)
        self.reload()

    @property
    def empty(self) -> EmptyState:
        """What the People tab shows before anyone is added."""
        if self._empty is None:
            self._empty = EmptyState("people", FIRST_PEOPLE, "&Add a person")
            self._empty.button.clicked.connect(self.add_person)
            self.people_stack.addWidget(self._empty)
        return self._empty

    @property
    def organisations(self) -> OrganisationsView:
        if self._organisations is None:
            view = OrganisationsView(self._clock, self._status)
            view.open_person.connect(self.open_person)
            layout = self._organisations_tab.layout()
            assert layout is not None
            layout.addWidget(view)
            self._organisations = view
        return self._organisations

    def _organisations_flushed(self) -> bool:
        return self._organisations is None or self._organisations.flush()

    # -- the list ------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Read everything again (after a bulk change, an undo, or coming back here)."""
        saved = self.detail.flush()
        keep = select_id if select_id is not None else self._shown_id()
        self.filters.refresh_choices()
        self.model.load(self.filters.current())
        self._count_everyone()
        self._show_counts()
        if keep is not None and self.model.row_of(keep) is not None:
            self.select_person(keep)
            if saved and self._shown_id() == keep:
                self.detail.refresh()  # the same person, whose values may have changed
        elif self.model.ids:
            select_only_row(self.table, 0)
        else:
            self.detail.show_person(None)
        # The other tabs are refreshed when they are next shown.
        self.contact_next.loaded = False
        if self._organisations is not None:
            self._organisations.loaded = False
        if self.tabs.currentIndex() == ORGANISATIONS_TAB:
            self.organisations.reload()
        elif self.tabs.currentIndex() == CONTACT_NEXT_TAB:
            self.contact_next.reload()

    def apply_filter_text(self, text: str) -> None:
        """Filter the table by text at once (the text box waits for a pause in typing)."""
        self.filters.apply_text_now(text)

    def _on_filter_changed(self, wanted: PeopleFilter) -> None:
        if not self.detail.flush():
            self.filters.show(self.model.filter)  # the table did not change; nor does the bar
            self.say_held()
            return
        keep = self._shown_id()
        self.model.load(wanted)
        self._show_counts()
        if keep is not None and self.model.row_of(keep) is not None:
            self.select_person(keep)
        elif self.model.ids:
            select_only_row(self.table, 0)
        else:
            self.detail.show_person(None)

    def _count_everyone(self) -> None:
        """The heading's figures, which no filter changes: read on a reload, not on every
        filter (giving_back counts all interactions). With no filter, the table holds
        everyone not archived already, so they aren't counted again."""
        unfiltered = self.model.filter == PeopleFilter()
        total = self._total = len(self.model.ids) if unfiltered else people.people_count()
        balance = giving_back()
        self.count_label.setText(
            "Everyone you know, and everyone you'd like to."
            if total == 0
            else f"{total:,} {'person' if total == 1 else 'people'} in your network · "
            f"you gave {balance.gave:,}, received {balance.received:,}"
        )

    def _show_counts(self) -> None:
        total = self._total
        shown = len(self.model.ids)
        nobody = total == 0 and not self.filters.is_narrowed() and not self.model.ids
        self.people_stack.setCurrentWidget(self.empty if nobody else self._content)
        self.table_stack.setCurrentIndex(0 if shown else 1)
        self.match_label.setText(f"{shown:,} shown" if self.filters.is_narrowed() else "")
        archived_view = self.filters.archived.isChecked()
        self.archive_button.setText("Unarchive" if archived_view else "Archive")

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row is not None:
            select_only_row(self.table, row)
            self.table.scrollTo(self.model.index(row, 0))

    def open_person(self, person_id: int) -> None:
        """Show one person, clearing filters that hide them."""
        if not self.detail.flush():
            self.say_held()
            return
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        if self.model.row_of(person_id) is None:
            self.filters.clear()
            if self.model.row_of(person_id) is None:  # archived: show the archived list
                self.filters.archived.setChecked(True)
        self.select_person(person_id)

    def show_organisation(self, organisation_id: int) -> None:
        self.tabs.setCurrentIndex(ORGANISATIONS_TAB)
        if self.tabs.currentIndex() == ORGANISATIONS_TAB:
            self.organisations.show_organisation(organisation_id)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.ids[row] for row in rows]

    def _shown_id(self) -> int | None:
        return self.detail.person.id if self.detail.person is not None else None

    def _on_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        if self._holding:
            return
        current = self.table.currentIndex()
        ids = self.selected_ids()
        person_id = (
            self.model.ids[current.row()]
            if current.isValid() and current.row() < len(self.model.ids)
            else None
        )
        if person_id not in ids:
            person_id = ids[0] if ids else None
        for button in self.bulk_buttons:
            button.setEnabled(bool(ids))
        if person_id == self._shown_id():
            return
        if not self.detail.flush():
            self._hold()
            return
        self.detail.show_person(person_id)

    def _hold(self) -> None:
        """Keep the person whose change can't be saved yet on screen."""
        shown = self._shown_id()
        row = self.model.row_of(shown) if shown is not None else None
        if row is None:
            # They left this list (an undo archived them, say); their form stays on screen
            # with its message until the change is fixed or they are picked again.
            self.say_held()
            return
        self._holding = True
        try:
            select_only_row(self.table, row)
        finally:
            self._holding = False
        self.say_held()

    def say_held(self) -> None:
        name = self.detail.person.name if self.detail.person else "This person"
        self._status(f"{name} has a change that isn't saved yet: see the message beside it.")

    def _open_selected(self, _index: QModelIndex) -> None:
        self.detail.tabs.setCurrentIndex(0)
        self.detail.form.focus_first_field()

    def add_new(self) -> None:
        """File ▸ New (Ctrl+N): a person, or an organisation on that tab."""
        if self.tabs.currentIndex() == ORGANISATIONS_TAB:
            self.organisations.add_organisation()
        else:
            self.add_person()

    def focus_filter(self) -> None:
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        self.filters.text.setFocus()
        self.filters.text.selectAll()

    # -- adding ----------------------------------------------------------------

    def add_person(self) -> None:
        if not self.flush():
            return
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        dialog = CreateDialog(
            "Add a person",
            PersonForm(),
            lambda **values: people.add_person(now=self._clock(), **values),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            person = dialog.created
            if self.model.row_of(person.id) is None and self.filters.is_narrowed():
                self.filters.clear()
            self.reload(select_id=person.id)
            self._status(f"Added {person.name}.")

    # -- bulk actions ----------------------------------------------------------

    def _after_people_change(self) -> None:
        self.reload()

    def _after_person_saved(self, person_id: int) -> None:
        """One person changed: update their row and the filter choices, not the whole list."""
        self.model.refresh_person(person_id)
        self.filters.refresh_choices()

    # -- the section interface -------------------------------------------------

    def on_shown(self) -> None:
        """The section came to the front: show what changed elsewhere meanwhile."""
        if self.tabs.currentIndex() == PEOPLE_TAB:
            self.reload()

    def flush(self) -> bool:
        results = [self.detail.flush(), self._organisations_flushed()]
        return all(results)

    def show_unsaved(self) -> None:
        if not self.detail.flush():
            self.tabs.setCurrentIndex(PEOPLE_TAB)
        elif not self._organisations_flushed():
            self.tabs.setCurrentIndex(ORGANISATIONS_TAB)

    def visit(self) -> Iterator[str]:
        yield from visit_tabs(self.tabs, self.key, PEOPLE_TAB)

    def _on_tab_changed(self, index: int) -> None:
        leaving = {PEOPLE_TAB: self.detail.flush, ORGANISATIONS_TAB: self._organisations_flushed}
        if not keep_tab_if_unsaved(self.tabs, self._tab, leaving.get(self._tab), self._status):
            return
        self._tab = index
        if index == PEOPLE_TAB:
            self.reload()  # an organisation may have been renamed meanwhile
        if index == ORGANISATIONS_TAB and not self.organisations.loaded:
            self.organisations.reload()
        if index == CONTACT_NEXT_TAB and not self.contact_next.loaded:
            self.contact_next.reload()

    def _paint_icons(self) -> None:
        self.tabs.setTabIcon(PEOPLE_TAB, themed_icon("person"))
        self.tabs.setTabIcon(ORGANISATIONS_TAB, themed_icon("organisation"))
        self.tabs.setTabIcon(CONTACT_NEXT_TAB, themed_icon("compass"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
