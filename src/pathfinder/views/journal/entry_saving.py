"""How the journal's entry editor saves what is typed.

Typing saves itself a second after a pause, and at once when the user moves on.
Between saves, every change is also copied to a small file in the data folder,
so a killed process loses nothing (see `services.unsaved`). A new entry reaches
the notebook with its first save; one left empty never does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from pathfinder.services import journal, unsaved
from pathfinder.services.journal import Link
from pathfinder.services.validation import ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.formatting import full_date_at_time
from pathfinder.views.journal.entry_fields import from_qt
from pathfinder.views.widgets.autosave import Autosaver


class EntrySaving:
    """Saving; mixed into EntryEditor, which lays out the fields and shows an entry."""

    entry_id: int | None
    active: bool
    last_save_moved: bool
    _clock: Callable[[], datetime]
    _status: Callable[[str], None]
    _unsaved_file: Path | None
    _autosaver: Autosaver
    _baseline: dict[str, Any]
    _pending_links: list[Link]
    _loading: bool
    _explicit: bool
    _prompt: str

    # -- typing --------------------------------------------------------------

    @property
    def pending(self) -> bool:
        return self._autosaver.pending

    def _typed(self) -> None:
        if self._loading:
            return
        self._keep_safety_copy()
        self._autosaver.touch()

    def _changed(self) -> None:
        if not self._loading:
            self._autosaver.touch()

    def _tags_edited(self) -> None:
        if not self._loading:
            self._autosaver.mark()  # a tag half typed is saved when the user moves on

    def _keep_safety_copy(self) -> None:
        if self._unsaved_file is None:
            return
        # The notebook save a second later is what matters; this is a spare copy.
        with contextlib.suppress(OSError):
            unsaved.keep(
                self._unsaved_file,
                unsaved.UnsavedText(
                    entry_id=self.entry_id,
                    title=self.title.text(),
                    body=self.text_edit.toPlainText(),
                    written_at=from_qt(self.written_at.dateTime()).isoformat(),
                    noted_at=self._clock().isoformat(timespec="seconds"),
                    prompt=self._prompt if self.entry_id is None else "",
                    links=tuple((link.kind, link.target_id) for link in self._pending_links),
                ),
            )

    # -- saving --------------------------------------------------------------

    def flush(self) -> bool:
        """Save now, tags included (the user is moving on)."""
        self._explicit = True
        try:
            return self._autosaver.flush()
        finally:
            self._explicit = False

    def discard(self) -> None:
        """Drop what is waiting to be saved, and its safety copy (the entry was deleted)."""
        self._autosaver.cancel()
        self._forget_safety_copy()
        self.clear()

    def _save(self) -> bool:
        if not self.active:
            return True
        values = self.values()
        for message in (self.title_message, self.when_message, self.tags_message):
            message.clear()
        self.body_message.clear()
        now = self._clock()
        tags = values.pop("tags")
        # A tag still being typed is saved when the user leaves the field, not by the
        # pause in typing elsewhere (and the field is never rewritten under the cursor).
        tags_now = self._explicit or not self._tags_focused()
        moved = values["written_at"] != self._baseline.get("written_at")
        try:
            if self.entry_id is not None and not journal.entry_exists(self.entry_id):
                # Deleted meanwhile (a redo): keep the words as a new entry.
                self.entry_id = None
                self._pending_links = []
                self._status("That entry had been deleted, so your words are saved as a new one.")
            if self.entry_id is None:
                if self._blank(values, tags):
                    self._forget_safety_copy()
                    return True  # nothing written or chosen yet: nothing to keep
                entry = journal.add_entry(
                    now,
                    tags=tags if tags_now else [],
                    links=[(link.kind, link.target_id) for link in self._pending_links],
                    prompt=self._prompt,
                    **values,
                )
                self.entry_id = entry.id
                self._pending_links = []
                self._baseline = {**values, "tags": tags if tags_now else []}
                self.delete_button.setEnabled(True)
                self._status("Entry saved")
                moved = True
            else:
                changed = {
                    name: value
                    for name, value in values.items()
                    if value != self._baseline.get(name)
                }
                if changed:
                    journal.update_entry(self.entry_id, now, **changed)
                self._baseline.update(changed)
                if tags_now and tags != self._baseline.get("tags"):
                    journal.set_tags(self.entry_id, tags)
                    self._baseline["tags"] = tags
                    if not self._tags_focused():
                        self.tags.setText(", ".join(journal.tags_of(self.entry_id)))
                self._status("Saved")
        except ValidationError as error:
            self._show_error(error)
            return False
        except StorageWriteError as error:
            self.body_message.show_message(error.message)
            self._status("Not saved: see the message under the entry.")
            return False
        self._forget_safety_copy()
        self.state.setText(f"Written {full_date_at_time(values['written_at'])} · saved")
        self.last_save_moved = moved
        self.saved.emit(self.entry_id)
        # A tag held back keeps the change pending until the user leaves the field.
        return tags_now or tags == self._baseline.get("tags")

    def _tags_focused(self) -> bool:
        """The tags field has the keyboard in its window (even while the window is not the
        active one)."""
        return self.window().focusWidget() is self.tags

    def _blank(self, values: dict[str, Any], tags: list[str]) -> bool:
        return (
            not values["title"].strip()
            and not values["body"].strip()
            and values["mood"] is None
            and values["confidence"] is None
            and not values["shared"]
            and not tags
        )

    def _forget_safety_copy(self) -> None:
        if self._unsaved_file is not None:
            unsaved.forget(self._unsaved_file)

    def _show_error(self, error: ValidationError) -> None:
        target = {
            "title": self.title_message,
            "written_at": self.when_message,
            "tags": self.tags_message,
        }.get(error.field, self.body_message)
        target.show_message(error.message)
        self._status("Not saved yet: see the message.")

    def _refused_paste(self, message: str) -> None:
        self.body_message.show_message(message)

    def forget_pending(self) -> None:
        self._autosaver.cancel()
