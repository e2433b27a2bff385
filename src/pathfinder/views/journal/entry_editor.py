"""One journal entry, edited in place: Markdown beside its preview, with the date, mood,
confidence, tags, the mentor flag and links.

How it saves (a pause in typing, moving on, the safety copy) is in `entry_saving`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import journal, journal_drafts, journal_validation
from pathfinder.services.journal import Link
from pathfinder.services.journal_drafts import EntryDraft
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import SHORT_TEXT_LIMIT
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.formatting import full_date_at_time
from pathfinder.views.journal.entry_fields import (
    CONFIDENCE_WORDS,
    MOOD_WORDS,
    TagsEdit,
    first_place_to_write,
    from_qt,
    links_for,
    scale_combo,
    to_qt,
)
from pathfinder.views.journal.entry_saving import EntrySaving
from pathfinder.views.journal.link_picker import pick_link
from pathfinder.views.journal.links_row import LinksRow
from pathfinder.views.journal.mentions import MentionTextEdit
from pathfinder.views.widgets.autosave import Autosaver
from pathfinder.views.widgets.completers import LastPieceCompleter
from pathfinder.views.widgets.field_message import FieldMessage
from pathfinder.views.widgets.markdown_editor import MarkdownEditor


class EntryEditor(EntrySaving, QWidget):
    saved = Signal(int)  # the entry with this id was written (new or changed)
    open_link = Signal(str, int)  # kind, id
    delete_requested = Signal(int)

    def __init__(
        self,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        unsaved_file: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._status = status
        self._unsaved_file = unsaved_file
        self.entry_id: int | None = None
        self.active = False  # an entry (saved or new) is on screen
        self._baseline: dict[str, Any] = {}
        self._pending_links: list[Link] = []  # links of a new entry, made on its first save
        self._loading = False
        self._explicit = False  # a save because the user moves on, not a pause in typing
        self.last_save_moved = False  # the last save changed the date (the list reorders)
        self._autosaver = Autosaver(self._save, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.setSpacing(8)

        self.title = QLineEdit()
        self.title.setPlaceholderText("A title, if you like")
        self.title.setMaxLength(SHORT_TEXT_LIMIT)
        self.title.setAccessibleName("Title")
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        self.title.setFont(title_font)
        self.title_message = FieldMessage()

        form = QFormLayout()
        form.setSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        title_label = QLabel("T&itle")
        title_label.setBuddy(self.title)
        form.addRow(title_label, self.title)
        form.addRow("", self.title_message)
        first_row = QHBoxLayout()
        self.written_at = QDateTimeEdit()
        self.written_at.setCalendarPopup(True)
        self.written_at.setAccessibleName("Written")
        self.shared = QCheckBox("&Share with my mentor")
        self.shared.setToolTip("Shared entries go into the mentor report in full; others never do")
        first_row.addWidget(self.written_at)
        first_row.addSpacing(12)
        first_row.addWidget(self.shared)
        first_row.addStretch(1)
        when_label = QLabel("&Written")
        when_label.setBuddy(self.written_at)
        form.addRow(when_label, first_row)
        self.when_message = FieldMessage()
        form.addRow("", self.when_message)

        feeling_row = QHBoxLayout()
        self.mood = scale_combo(MOOD_WORDS, "Mood")
        self.confidence = scale_combo(CONFIDENCE_WORDS, "Confidence")
        feeling_row.addWidget(self.mood)
        confidence_label = QLabel("C&onfidence")
        confidence_label.setBuddy(self.confidence)
        feeling_row.addSpacing(12)
        feeling_row.addWidget(confidence_label)
        feeling_row.addWidget(self.confidence)
        feeling_row.addStretch(1)
        mood_label = QLabel("&Mood")
        mood_label.setBuddy(self.mood)
        form.addRow(mood_label, feeling_row)

        second_row = QHBoxLayout()
        self.tags = TagsEdit(self._offer_tags)
        self.tags.setPlaceholderText("Comma-separated, for example nerves, wins")
        self.tags.setAccessibleName("Tags")
        self._tag_completer = LastPieceCompleter(QStringListModel([]), self.tags)
        self._tag_completer.setCaseSensitivity(
            self._tag_completer.caseSensitivity().CaseInsensitive
        )
        self.tags.setCompleter(self._tag_completer)
        second_row.addWidget(self.tags, 1)
        tags_label = QLabel("&Tags")
        tags_label.setBuddy(self.tags)
        form.addRow(tags_label, second_row)
        self.tags_message = FieldMessage()
        form.addRow("", self.tags_message)

        self.links_row = LinksRow()
        self.links_row.add_requested.connect(self.choose_link)
        self.links_row.remove_requested.connect(self.remove_link)
        self.links_row.open_requested.connect(self._open_link)
        links_label = QLabel("About")
        links_label.setBuddy(self.links_row.view)
        form.addRow(links_label, self.links_row)
        layout.addLayout(form)

        self.prompt_label = QLabel()
        self.prompt_label.setWordWrap(True)
        prompt_font = QFont(self.prompt_label.font())
        prompt_font.setItalic(True)
        self.prompt_label.setFont(prompt_font)
        layout.addWidget(self.prompt_label)

        self.text_edit = MentionTextEdit(journal_validation.BODY_LIMIT)
        self.text_edit.setPlaceholderText(
            "Write freely. Markdown works: **bold**, *italic*, lists with -, headings with ##. "
            "Type @ and a name to link someone."
        )
        self.body = MarkdownEditor(journal_validation.BODY_LIMIT, "Entry", editor=self.text_edit)
        self.body.setSizes([520, 420])
        self.text_edit.link_chosen.connect(self._link)
        self.text_edit.refused.connect(self._refused_paste)
        layout.addWidget(self.body, 1)
        self.body_message = FieldMessage()
        layout.addWidget(self.body_message)

        bottom = QHBoxLayout()
        self.words = QLabel()
        self.words.setAccessibleName("Word count")
        self.state = QLabel()
        self.delete_button = QPushButton("&Delete entry")
        self.delete_button.setToolTip("Delete this entry (you can undo it)")
        self.delete_button.clicked.connect(
            lambda: self.entry_id is not None and self.delete_requested.emit(self.entry_id)
        )
        bottom.addWidget(self.words)
        bottom.addSpacing(12)
        bottom.addWidget(self.state)
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)

        self.title.textChanged.connect(self._typed)
        self.text_edit.textChanged.connect(self._typed)
        self.text_edit.textChanged.connect(self._count_words)
        self.written_at.dateTimeChanged.connect(self._changed)
        self.mood.currentIndexChanged.connect(self._changed)
        self.confidence.currentIndexChanged.connect(self._changed)
        self.shared.toggled.connect(self._changed)
        self.tags.textEdited.connect(self._tags_edited)
        self.tags.editingFinished.connect(self.flush)
        self.clear()

    # -- showing -------------------------------------------------------------

    def clear(self) -> None:
        """No entry on screen."""
        self.entry_id = None
        self.active = False
        self._pending_links = []
        self._fill(EntryDraft(), self._clock())
        self.setEnabled(False)
        self.state.setText("")

    def show_entry(self, entry_id: int) -> None:
        entry = journal.get_entry(entry_id)
        self.entry_id = entry.id
        self.active = True
        self._pending_links = []
        self.setEnabled(True)
        self._fill(
            EntryDraft(entry.title, entry.body, entry.prompt, tags=tuple(entry.tags)),
            entry.written_at,
            mood=entry.mood,
            confidence=entry.confidence,
            shared=entry.shared,
        )
        self._show_links(entry.links)
        self.state.setText(f"Written {full_date_at_time(entry.written_at)}")

    def start_new(self, draft: EntryDraft, *, focus: bool = True) -> None:
        """A new entry on screen; it is written to the notebook once there is something in it."""
        self.entry_id = None
        self.active = True
        self.setEnabled(True)
        self._fill(draft, self._clock())
        self._pending_links = []
        for kind, target_id in draft.links:
            self._pending_links.extend(
                choice_link
                for choice_link in links_for(kind, target_id)
                if choice_link not in self._pending_links
            )
        self._show_links(self._pending_links)
        self.state.setText("New entry: it saves itself once you write something")
        if focus:
            self.text_edit.setFocus()
            cursor = self.text_edit.textCursor()
            cursor.setPosition(first_place_to_write(draft.body))
            self.text_edit.setTextCursor(cursor)

    def _fill(
        self,
        draft: EntryDraft,
        written_at: datetime,
        *,
        mood: int | None = None,
        confidence: int | None = None,
        shared: bool = False,
    ) -> None:
        self._loading = True
        try:
            self.title.setText(draft.title)
            self.written_at.setMaximumDateTime(to_qt(self._clock().replace(hour=23, minute=59)))
            self.written_at.setDateTime(to_qt(written_at))
            self.mood.setCurrentIndex(self.mood.findData(mood) if mood else 0)
            self.confidence.setCurrentIndex(
                self.confidence.findData(confidence) if confidence else 0
            )
            self.shared.setChecked(shared)
            self.tags.setText(", ".join(draft.tags))
            self.body.setPlainText(draft.body)
            self.prompt_label.setText(draft.prompt)
            self.prompt_label.setVisible(bool(draft.prompt))
            self._prompt = draft.prompt
            self._count_words()
            for message in (self.title_message, self.when_message, self.tags_message):
                message.clear()
            self.body_message.clear()
        finally:
            self._loading = False
        self._baseline = self.values()
        self._autosaver.cancel()
        self.delete_button.setEnabled(self.entry_id is not None)

    def _show_links(self, links: list[Link]) -> None:
        self.links_row.show_links(links)

    def _offer_tags(self) -> None:
        """The tags in use, read when the field is entered (not on every entry shown)."""
        self._tag_completer.setModel(
            QStringListModel([name for name, _count in journal.tags_in_use()], self)
        )

    def _count_words(self) -> None:
        count = journal.word_count(self.text_edit.toPlainText())
        self.words.setText(f"{count:,} word{'s' if count != 1 else ''}")

    # -- values --------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "body": self.text_edit.toPlainText(),
            "written_at": from_qt(self.written_at.dateTime()),
            "mood": self.mood.currentData(),
            "confidence": self.confidence.currentData(),
            "shared": self.shared.isChecked(),
            "tags": [part for part in self.tags.text().split(",") if part.strip()],
        }

    # -- links ---------------------------------------------------------------

    def choose_link(self) -> None:
        choice = pick_link(self)
        if choice is not None:
            self._link(choice.kind, choice.target_id)

    def _link(self, kind: str, target_id: int) -> None:
        if self.entry_id is None:
            for link in links_for(kind, target_id):
                if link not in self._pending_links:
                    self._pending_links.append(link)
            self._show_links(self._pending_links)
            self._autosaver.touch()
            return
        try:
            journal.add_link(self.entry_id, kind, target_id)
        except (StorageWriteError, RecordNotFound) as error:
            self._status(getattr(error, "message", "That is gone now.").split("\n")[0])
            return
        self._show_links(journal.links_of(self.entry_id))
        self._status("Linked")
        self.saved.emit(self.entry_id)

    def remove_link(self, link: Link) -> None:
        if self.entry_id is None:
            self._pending_links = [kept for kept in self._pending_links if kept != link]
            self._show_links(self._pending_links)
            return
        try:
            journal.remove_link(self.entry_id, link.kind, link.target_id)
        except StorageWriteError as error:
            self._status(error.message.split("\n")[0])
            return
        self._show_links(journal.links_of(self.entry_id))
        self._status(f"No longer linked to {link.label}")
        self.saved.emit(self.entry_id)

    def _open_link(self, link: Link) -> None:
        if not self.flush():
            return
        if not journal_drafts.link_choice_by_id(link.kind, link.target_id):
            self._status(f"“{link.label}” is no longer in your notebook.")
            if self.entry_id is not None:
                self._show_links(journal.links_of(self.entry_id))
            return
        self.open_link.emit(link.kind, link.target_id)
