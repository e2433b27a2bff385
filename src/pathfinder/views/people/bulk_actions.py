"""What can be done to several selected people at once: tag, level, archive, delete.

Each action runs first and reports any problem; only then is an undo command
pushed (see views/widgets/undo.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from pathfinder.services import people_bulk, tags
from pathfinder.services.contact_fields import LEVEL_LABELS
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.widgets.undo import AlreadyDoneCommand

if TYPE_CHECKING:
    from pathfinder.views.people.page import PeoplePage


class PeopleBulkActions:
    def __init__(
        self,
        page: PeoplePage,
        undo_stack: QUndoStack,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        backups_dir: Path | None = None,
    ) -> None:
        self._page = page
        self._backups_dir = backups_dir
        self._undo_stack = undo_stack
        self._clock = clock
        self._status = status

    def context_menu(self, position: object) -> None:
        if not self._page.selected_ids():
            return
        menu = QMenu(self._page)
        menu.addAction("Tag…", self.tag_selected)
        levels = menu.addMenu("Set level")
        for level, label in LEVEL_LABELS.items():
            levels.addAction(label, lambda lv=level: self.set_level_selected(lv))
        menu.addAction(self._page.archive_button.text(), self.archive_selected)
        menu.addSeparator()
        delete = QAction("Delete…", menu)
        delete.triggered.connect(self.delete_selected)
        menu.addAction(delete)
        menu.exec(self._page.table.viewport().mapToGlobal(position))  # type: ignore[arg-type]

    def push(self, text: str, redo: Callable[[], None], undo: Callable[[], None]) -> None:
        self._undo_stack.push(
            AlreadyDoneCommand(text, self._undo_stack, redo, undo, self._page.reload, self._status)
        )

    def _ready(self, ids: list[int]) -> bool:
        """Something is selected and nothing typed is waiting (or it is saved now)."""
        if not ids:
            self._status("Select one or more people first.")
            return False
        if not self._page.flush():
            self._page.say_held()
            return False
        return True

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except (StorageWriteError, ValidationError) as error:
            self._status(error.message.split("\n")[0])
            return False
        except RecordNotFound:
            self._page.reload()
            return False
        return True

    def tag_selected(self) -> None:
        ids = self._page.selected_ids()
        if not self._ready(ids):
            return
        tag, ok = QInputDialog.getText(self._page, "Tag people", f"Tag for {_count(len(ids))}:")
        if not ok or not tag.strip():
            return
        had = tags.ids_with_tag(ids, tag)
        others = [person_id for person_id in ids if person_id not in had]
        if not self._run(lambda: tags.add_tag(ids, tag)):
            return
        self.push(
            f"Tag {_count(len(ids))} “{tag.strip()}”",
            lambda: tags.add_tag(ids, tag),
            lambda: tags.remove_tag(others, tag),
        )
        self._page.reload()
        self._status(f"Tagged {_count(len(ids))} “{tag.strip()}”. Undo with Ctrl+Z.")

    def set_level_selected(self, level: int) -> None:
        ids = self._page.selected_ids()
        if not self._ready(ids):
            return
        before = people_bulk.levels_of(ids)
        if not self._run(lambda: people_bulk.set_level(ids, level, now=self._clock())):
            return

        def undo() -> None:
            # Only the people still at the new level go back: a later change by hand stays.
            still = {i for i, lv in people_bulk.levels_of(ids).items() if lv == level}
            for old in set(before.values()):
                people_bulk.set_level(
                    [i for i, lv in before.items() if lv == old and i in still], old
                )

        self.push(
            f"Set level of {_count(len(ids))}", lambda: people_bulk.set_level(ids, level), undo
        )
        self._page.reload()
        self._status(f"{_count(len(ids)).capitalize()} now “{LEVEL_LABELS[level]}”.")

    def archive_selected(self) -> None:
        ids = self._page.selected_ids()
        if not self._ready(ids):
            return
        archive = not self._page.filters.archived.isChecked()
        if not self._run(lambda: people_bulk.set_archived(ids, archive, now=self._clock())):
            return
        verb = "Archive" if archive else "Unarchive"
        self.push(
            f"{verb} {_count(len(ids))}",
            lambda: people_bulk.set_archived(ids, archive),
            lambda: people_bulk.set_archived(ids, not archive),
        )
        self._page.reload()
        self._status(f"{verb}d {_count(len(ids))}. They are kept; Undo with Ctrl+Z.")

    def delete_selected(self) -> None:
        ids = self._page.selected_ids()
        if not ids:
            self._status("Select one or more people first.")
            return
        shown = self._page.detail.person
        if not self._page.detail.flush() and (shown is None or shown.id not in ids):
            self._page.say_held()
            return
        how_many, interactions = people_bulk.count_what_goes_with(ids)
        question = f"Delete {_count(how_many)}"
        talks = people_bulk.count_conversations(ids)
        goes = []
        if interactions:
            goes.append(f"{interactions:,} interaction{'s' if interactions != 1 else ''}")
        if talks:
            goes.append(f"{talks:,} conversation{'s' if talks != 1 else ''}")
        if goes:
            question += " and their " + " and ".join(goes)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Delete people",
            question + "?",
            QMessageBox.StandardButton.Cancel,
            self._page,
        )
        delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setInformativeText(
            "Archiving keeps them out of sight instead. A delete can be undone with Ctrl+Z."
        )
        box.exec()
        if box.clickedButton() is not delete:
            return
        if len(ids) > 1 and self._backups_dir is not None:
            # Undo brings them back, but only until Pathfinder closes; a backup lasts.
            backups_dir = self._backups_dir
            if not self._run(lambda: people_bulk.back_up(backups_dir, self._clock())):
                return
        snapshot: dict[str, object] = {}

        def do_delete() -> None:
            snapshot["rows"] = people_bulk.delete_people(ids)

        if not self._run(do_delete):
            return
        self._page.detail.forget_pending()
        self.push(question, do_delete, lambda: people_bulk.restore_people(snapshot["rows"]))  # type: ignore[arg-type]
        self._page.reload()
        self._status(f"Deleted {_count(how_many)}. Undo with Ctrl+Z.")


def _count(number: int) -> str:
    return f"{number:,} {'person' if number == 1 else 'people'}"
