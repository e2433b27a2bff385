"""The Entries tab of the Journal section, laid out: the New entry button, the filters and
the jump to a date above the list of entries (or what to do while it is empty), the mood
chart under them, and the entry editor beside it all.

A mixin of JournalPage, which fills these widgets and keeps the list and the editor in step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.views.journal.entry_editor import EntryEditor
from pathfinder.views.journal.entry_fields import MOOD_WORDS
from pathfinder.views.journal.list_delegate import EntryListView, JournalListDelegate
from pathfinder.views.journal.list_model import JournalListModel
from pathfinder.views.journal.mood_chart import MoodChart
from pathfinder.views.widgets.empty_state import EmptyState
from pathfinder.views.widgets.long_choice import LongChoice


class JournalEntriesLayout:
    """The Entries tab's widgets; mixed into JournalPage, which provides what they call."""

    _clock: Callable[[], datetime]
    _status: Callable[[str], None]

    def _build_entries(self, unsaved_file: Path | None) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 8, 0, 0)
        self.splitter = QSplitter()
        self.splitter.setObjectName("journal")
        self.splitter.setChildrenCollapsible(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        self.new_button = QPushButton("&New entry")
        self.new_button.setToolTip("A blank entry, or one started from a prompt or a template")
        self.new_menu = QMenu(self.new_button)
        self.new_button.setMenu(self.new_menu)
        self._fill_new_menu()
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        left_layout.addLayout(top)

        filters = QHBoxLayout()
        # The tag and person lists are read when they open, not on every save.
        self.tag_filter = LongChoice("Any tag", refresh=self._fill_tags)
        self.tag_filter.setAccessibleName("Tag")
        self.mood_filter = QComboBox()
        self.mood_filter.setAccessibleName("Mood")
        self.mood_filter.addItem("Any mood", None)
        for value, word in MOOD_WORDS.items():
            self.mood_filter.addItem(f"Mood {value} · {word}", value)
        self.person_filter = LongChoice("Anyone", refresh=self._fill_people)
        self.person_filter.setAccessibleName("About")
        self.shared_filter = QCheckBox("For my mentor")
        self.shared_filter.setToolTip("Only entries marked to share with your mentor")
        for widget in (self.tag_filter, self.mood_filter, self.person_filter):
            widget.currentIndexChanged.connect(self._apply_filter)
            widget.setMinimumContentsLength(8)
            widget.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.shared_filter.toggled.connect(self._apply_filter)
        filters.addWidget(self.tag_filter, 1)
        filters.addWidget(self.mood_filter, 1)
        left_layout.addLayout(filters)
        more_filters = QHBoxLayout()
        more_filters.addWidget(self.person_filter, 1)
        more_filters.addWidget(self.shared_filter)
        left_layout.addLayout(more_filters)
        shared_row = QHBoxLayout()
        self.jump_date = QDateEdit()
        self.jump_date.setCalendarPopup(True)
        self.jump_date.setAccessibleName("Date to jump to")
        today = self._clock().date()
        self.jump_date.setDate(QDate(today.year, today.month, today.day))
        self.jump_button = QPushButton("&Go to date")
        self.jump_button.setToolTip("Show the entry written on that day, or the one before it")
        self.jump_button.clicked.connect(self.jump_to_date)
        shared_row.addWidget(self.jump_date, 1)
        shared_row.addWidget(self.jump_button)
        left_layout.addLayout(shared_row)

        self.model = JournalListModel(self._clock, self)
        self.list = EntryListView()
        self.list.setModel(self.model)
        # Rows of one height, laid out a screenful at a time: with 20,000 entries the
        # section shows at once and the rest is placed while the user reads.
        self.list.setUniformItemSizes(True)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setAccessibleName("Entries, newest first")
        self.list.setItemDelegate(JournalListDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.list.installEventFilter(self)
        self.empty = EmptyState(
            "journal",
            "A few honest lines after a conversation, or at the end of a week, help you see "
            "what you're learning and how far you've come.",
            "Write the first entry",
            width=260,
        )
        self.empty.button.clicked.connect(lambda: self.new_entry())
        self.no_match = EmptyState(
            "search", "No entries match these filters.", "Show all entries", width=260
        )
        self.no_match.button.clicked.connect(self.clear_filters)
        self.list_stack = QStackedWidget()
        for widget in (self.empty, self.no_match, self.list):
            self.list_stack.addWidget(widget)
        left_layout.addWidget(self.list_stack, 1)
        self.chart = MoodChart()
        self.chart_caption = QLabel("Mood (solid) and confidence (dashed), weekly, last six months")
        self.chart_caption.setWordWrap(True)
        left_layout.addWidget(self.chart)
        left_layout.addWidget(self.chart_caption)
        self.splitter.addWidget(left)

        self.detail_stack = QStackedWidget()
        self.hint = EmptyState(
            "journal",
            "Pick an entry on the left to read it here, or start a new one.",
            "New entry",
            width=300,
        )
        self.hint.button.clicked.connect(lambda: self.new_entry())
        self.editor = EntryEditor(self._clock, self._status, unsaved_file)
        self.editor.saved.connect(self._after_save)
        self.editor.open_link.connect(self.open_link)
        self.editor.delete_requested.connect(self.delete_entry)
        self.detail_stack.addWidget(self.hint)
        self.detail_stack.addWidget(self.editor)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 760])
        outer.addWidget(self.splitter, 1)
        return page
