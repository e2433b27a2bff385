"""The Journal section: entries by month on the left, the entry on the right; a tab for
the user's own prompts and templates."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QItemSelection,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pathfinder.services import journal, journal_browse, journal_drafts, journal_prompts, unsaved
from pathfinder.services.journal import JournalFilter
from pathfinder.services.journal_drafts import EntryDraft
from pathfinder.services.records import RecordNotFound
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.icons import themed_icon
from pathfinder.views.journal.entries_layout import JournalEntriesLayout
from pathfinder.views.journal.new_menu import fill_new_menu
from pathfinder.views.journal.prompts_view import PromptsView
from pathfinder.views.widgets.section_tabs import keep_tab_if_unsaved, section_top, visit_tabs
from pathfinder.views.widgets.selection import select_only_row
from pathfinder.views.widgets.undo import AlreadyDoneCommand

ENTRIES_TAB, PROMPTS_TAB = range(2)


CONTEXT = (
    "A few lines after each conversation, and a look back each week, show you later how "
    "far you have come."
)


class JournalPage(JournalEntriesLayout, QWidget):
    key = "journal"
    title = "Journal"
    icon = "journal"
    open_link = Signal(str, int)  # kind, id: open a linked person, conversation or event

    def __init__(
        self,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        unsaved_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self._clock = clock
        self._status = status
        self._holding = False
        layout, (self.summary,), self.tabs = section_top(self, "Journal")
        self.tabs.addTab(self._build_entries(unsaved_file), "Entries")
        self.prompts = PromptsView(undo_stack, clock, status)
        self.prompts.changed.connect(self._fill_new_menu)
        self.tabs.addTab(self.prompts, "Your prompts and templates")
        self._tab = ENTRIES_TAB
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout.addWidget(self.tabs, 1)
        self._paint_icons()
        self.reload()

    # -- the list ------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.editor.entry_id
        self._holding = True
        try:
            self.model.load(self._filter())
            row = self.model.row_of(keep) if keep is not None else None
            if row is not None:
                select_only_row(self.list, row)
                self.list.scrollTo(self.model.index(row))
        finally:
            self._holding = False
        if self.model.is_empty():
            self.list_stack.setCurrentWidget(self.no_match if self._filter().active else self.empty)
        else:
            self.list_stack.setCurrentWidget(self.list)
        if keep is not None and row is not None and keep != self.editor.entry_id:
            self.editor.show_entry(keep)
        if not self.editor.active and self.model.entry_ids and keep is None:
            first = self.model.row_of(self.model.entry_ids[0])
            if first is not None:
                select_only_row(self.list, first)  # shows it
        self.detail_stack.setCurrentWidget(self.editor if self.editor.active else self.hint)
        self._show_summary()

    def _fill_tags(self) -> None:
        self.tag_filter.set_choices(
            [(f"{name} ({count})", name) for name, count in journal.tags_in_use()]
        )

    def _fill_people(self) -> None:
        self.person_filter.set_choices(journal_browse.linked_people())

    def _filter(self) -> JournalFilter:
        tag = self.tag_filter.value()
        person = self.person_filter.value()
        return JournalFilter(
            tag=str(tag) if tag else "",
            mood=self.mood_filter.currentData(),
            shared_only=self.shared_filter.isChecked(),
            person_id=int(str(person)) if person is not None else None,
        )

    def _apply_filter(self) -> None:
        self.reload()

    def clear_filters(self) -> None:
        for widget in (self.tag_filter, self.mood_filter, self.person_filter):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.shared_filter.blockSignals(True)
        self.shared_filter.setChecked(False)
        self.shared_filter.blockSignals(False)
        self.reload()

    def _show_summary(self) -> None:
        today = self._clock().date()
        numbers = journal_browse.figures(today)
        parts = [
            f"{numbers.entries} entr{'y' if numbers.entries == 1 else 'ies'}",
            f"{numbers.this_month} this month",
            f"{numbers.shared} for your mentor",
        ]
        self.summary.setText(" · ".join(parts) + ".\n" + CONTEXT)
        self.chart.set_points(journal_browse.mood_by_week(today))

    def _on_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        if self._holding:
            return
        rows = self.list.selectionModel().selectedRows()
        entry_id = self.model.entry_at(rows[0].row()) if rows else None
        if entry_id is not None and entry_id == self.editor.entry_id:
            return
        if not self.editor.flush():
            self._hold_selection()
            self._status("This entry has a change that isn't saved yet: see the message.")
            return
        if entry_id is None:
            return
        # Saving the entry being left may have reloaded the list; highlight the one chosen.
        row = self.model.row_of(entry_id)
        if row is not None and (not rows or rows[0].row() != row):
            self._holding = True
            try:
                select_only_row(self.list, row)
            finally:
                self._holding = False
        try:
            self.editor.show_entry(entry_id)
        except RecordNotFound:
            self.reload()
            return
        self.detail_stack.setCurrentWidget(self.editor)

    def _hold_selection(self) -> None:
        self._holding = True
        try:
            row = self.model.row_of(self.editor.entry_id) if self.editor.entry_id else None
            if row is not None:
                select_only_row(self.list, row)
            else:
                self.list.clearSelection()
        finally:
            self._holding = False

    def _after_save(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if row is None or self.editor.last_save_moved:
            self.reload(entry_id)  # new, or its date changed: its place in the list did too
        else:
            self.model.forget(entry_id)
            self._show_summary()

    def show_entry(self, entry_id: int) -> None:
        """Open one entry, clearing filters that hide it."""
        if not self.editor.flush():
            self._status("This entry has a change that isn't saved yet: see the message.")
            return
        self.tabs.setCurrentIndex(ENTRIES_TAB)
        if self.model.row_of(entry_id) is None:
            self.clear_filters()
        row = self.model.row_of(entry_id)
        if row is not None:
            select_only_row(self.list, row)
            self.list.scrollTo(self.model.index(row))
        self.list.setFocus()

    def jump_to_date(self) -> None:
        day = self.jump_date.date()
        entry_id = journal_browse.first_entry_on_or_before(
            datetime(day.year(), day.month(), day.day()).date(), self.model.entry_ids
        )
        if entry_id is None:
            self._status(
                "No entries match these filters."
                if self._filter().active
                else "There are no entries yet to jump to."
            )
            return
        self.show_entry(entry_id)

    # -- new entries ---------------------------------------------------------

    def _fill_new_menu(self) -> None:
        fill_new_menu(self.new_menu, self.new_entry)

    def new_entry(self, draft: EntryDraft | None = None) -> None:
        if not self.editor.flush():
            self._status("This entry has a change that isn't saved yet: see the message.")
            return
        self.tabs.setCurrentIndex(ENTRIES_TAB)
        self._holding = True
        self.list.clearSelection()
        self._holding = False
        self.detail_stack.setCurrentWidget(self.editor)
        self.editor.start_new(draft or EntryDraft())

    def start_after_conversation(self, conversation_id: int) -> None:
        prompts = journal_prompts.prompt_set("after_conversation").prompts
        try:
            draft = journal_drafts.draft_after_conversation(
                conversation_id, [prompt.text for prompt in prompts[:4]]
            )
        except RecordNotFound:
            self._status("That conversation is gone.")
            return
        self.new_entry(draft)

    def add_new(self) -> None:
        self.new_entry()

    def recover(self, copy: unsaved.UnsavedText) -> None:
        """Put words that were typed but never saved back on screen, and save them."""
        self.tabs.setCurrentIndex(ENTRIES_TAB)
        if copy.entry_id is not None and journal.entry_exists(copy.entry_id):
            self.show_entry(copy.entry_id)
            self.editor.title.setText(copy.title)
            self.editor.body.setPlainText(copy.body)
        else:
            self.new_entry(
                EntryDraft(title=copy.title, body=copy.body, prompt=copy.prompt, links=copy.links)
            )
            with contextlib.suppress(ValueError):
                written = datetime.fromisoformat(copy.written_at)
                if written <= self._clock():
                    self.editor.written_at.setDateTime(
                        QDateTime(
                            QDate(written.year, written.month, written.day),
                            QTime(written.hour, written.minute),
                        )
                    )
            self.editor.text_edit.textChanged.emit()
        self.editor.flush()

    def delete_entry(self, entry_id: int) -> None:
        # What was just typed goes into the entry first, so an undo brings it back too
        # (a refused change, such as a future date, is left out).
        if self.editor.entry_id == entry_id:
            self.editor.flush()
        try:
            heading = journal.get_entry(entry_id).heading
            snapshot = journal.delete_entry(entry_id)
        except (StorageWriteError, RecordNotFound) as error:
            self._status(getattr(error, "message", "That entry is gone already.").split("\n")[0])
            self.reload()
            return
        if self.editor.entry_id == entry_id:
            self.editor.discard()
        # A redo deletes again and keeps that newer copy, so what was written after an
        # undo is what the next undo brings back.
        held = {"copy": snapshot}

        def redo() -> None:
            if self.editor.entry_id == entry_id:
                self.editor.flush()
            held["copy"] = journal.delete_entry(entry_id)
            if self.editor.entry_id == entry_id:
                self.editor.discard()

        self._undo_stack.push(
            AlreadyDoneCommand(
                f"Delete entry “{heading}”",
                self._undo_stack,
                redo=redo,
                undo=lambda: journal.restore_entry(held["copy"]),
                after=self.reload,
                report=self._status,
            )
        )
        self.reload()
        self._status(f"Deleted “{heading}”. Edit → Undo brings it back.")

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete  # type: ignore[attr-defined]
        ):
            rows = self.list.selectionModel().selectedRows()
            chosen = self.model.entry_at(rows[0].row()) if rows else None
            if chosen is not None and chosen == self.editor.entry_id:
                self.delete_entry(chosen)  # only the entry that is highlighted and shown
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    # -- the section ---------------------------------------------------------

    def _on_tab_changed(self, index: int) -> None:
        flush = self.editor.flush if self._tab == ENTRIES_TAB else self.prompts.flush
        if not keep_tab_if_unsaved(self.tabs, self._tab, flush, self._status):
            return
        self._tab = index
        if index == PROMPTS_TAB:
            self.prompts.reload()
        else:
            self.reload()

    def on_shown(self) -> None:
        if self.tabs.currentIndex() == ENTRIES_TAB:
            self.reload()

    def flush(self) -> bool:
        results = [self.editor.flush(), self.prompts.flush()]
        return all(results)

    def show_unsaved(self) -> None:
        if not self.editor.flush():
            self.tabs.setCurrentIndex(ENTRIES_TAB)
            self.detail_stack.setCurrentWidget(self.editor)
        elif not self.prompts.flush():
            self.tabs.setCurrentIndex(PROMPTS_TAB)

    def visit(self) -> Iterator[str]:
        yield from visit_tabs(self.tabs, self.key, ENTRIES_TAB)

    def _paint_icons(self) -> None:
        for index, icon in enumerate(("journal", "prompt")):
            self.tabs.setTabIcon(index, themed_icon(icon))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
