"""Goals: a mentor, a job, knowing the industry, a number of conversations or entries, with
an optional number and date; progress is counted from the notebook where it can be."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from pathfinder.services import goals
from pathfinder.services.goals import (
    GOAL_KIND_LABELS,
    MANUAL_KINDS,
    PERIOD_LABELS,
    PROGRESS_LIMIT,
    WHOLE_STRETCH_KINDS,
    GoalRecord,
)
from pathfinder.services.network_map import notebook_changes
from pathfinder.services.validation import LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT, TARGET_NUMBER_LIMIT
from pathfinder.views.formatting import relative_time, short_date
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.record_form import RecordForm
from pathfinder.views.widgets.record_page import RecordKind
from pathfinder.views.widgets.record_table import Column

KIND_ORDER = list(GOAL_KIND_LABELS)
COUNTS = {
    "interviews": "Counted for you: the informational interviews you met for.",
    "new_people": "Counted for you: new contacts added to your network.",
    "journal": "Counted for you: the journal entries you write.",
    "given": "Counted for you: what you logged as given (an article, an introduction…).",
    "mentor": "Counted for you: someone whose relationship is “Mentor” in People.",
}


class GoalForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setMaxLength(SHORT_TEXT_LIMIT)
        self.title.setPlaceholderText("For example: Five informational interviews by spring")
        self.title.textEdited.connect(self.emit_changed)
        self.add_field("title", "&Title", self.title)
        self.kind = QComboBox()
        for key, label in GOAL_KIND_LABELS.items():
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(self.emit_changed)
        self.kind.currentIndexChanged.connect(self._show_what_counts)
        self.add_field("kind", "&Kind", self.kind)
        self.target = QSpinBox()
        self.target.setRange(0, TARGET_NUMBER_LIMIT)
        self.target.setSpecialValueText("No number")
        self.target.valueChanged.connect(self.emit_changed)
        self.period = QComboBox()
        for key, label in PERIOD_LABELS.items():
            self.period.addItem(label, key)
        self.period.setAccessibleName("Over what time")
        self.period.currentIndexChanged.connect(self.emit_changed)
        target_row = QWidget()
        row = QHBoxLayout(target_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.target, 1)
        row.addWidget(self.period, 1)
        self.add_field("target_number", "Target &number", target_row, buddy=self.target)
        self.target.setAccessibleName("Target number")
        self.progress = QSpinBox()
        self.progress.setRange(0, PROGRESS_LIMIT)
        self.progress.valueChanged.connect(self.emit_changed)
        self.add_field("progress", "&Progress so far", self.progress)
        self.counts = QLabel()
        self.counts.setWordWrap(True)

        self.has_due = QCheckBox("Set a date")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDate(QDate.currentDate().addMonths(3))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.has_due.toggled.connect(self.emit_changed)
        self.due.dateChanged.connect(self.emit_changed)
        due_row = QWidget()
        row = QHBoxLayout(due_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_due)
        row.addWidget(self.due, 1)
        self.add_field("due_on", "D&ue date", due_row, buddy=self.has_due)
        self.due.setAccessibleName("Due date")

        self.notes = BoundedTextEdit(LONG_TEXT_LIMIT)
        self.notes.setPlaceholderText("Why this goal matters, how you will know it's done")
        self.notes.textChanged.connect(self.emit_changed)
        self.add_field("notes", "N&otes", self.notes)
        self.form.addRow("", self.counts)
        self._show_what_counts()

    def _show_what_counts(self) -> None:
        """Counted kinds say what they count; the others get a number to keep by hand."""
        kind = self.kind.currentData()
        manual = kind in MANUAL_KINDS
        self.progress.setEnabled(manual)
        whole = kind in WHOLE_STRETCH_KINDS
        if whole:
            self.period.setCurrentIndex(self.period.findData("total"))
        self.period.setEnabled(not whole)
        self.counts.setText(
            COUNTS.get(kind, "You keep the count: set “Progress so far” as you go.")
        )

    def values(self) -> dict[str, Any]:
        due: date | None = None
        if self.has_due.isChecked():
            picked = self.due.date()
            due = date(picked.year(), picked.month(), picked.day())
        return {
            "title": self.title.text(),
            "kind": self.kind.currentData(),
            "target_number": self.target.value() or None,
            "period": self.period.currentData(),
            # Kept even while a counted kind is chosen, so switching back loses nothing.
            "progress": self.progress.value(),
            "due_on": due,
            "notes": self.notes.toPlainText(),
        }

    def set_record(self, record: GoalRecord) -> None:
        self.title.setText(record.title)
        self.kind.setCurrentIndex(KIND_ORDER.index(record.kind))
        self.target.setValue(record.target_number or 0)
        self.period.setCurrentIndex(max(0, self.period.findData(record.period)))
        self.progress.setValue(record.progress or 0)
        self._show_what_counts()
        self.has_due.setChecked(record.due_on is not None)
        if record.due_on is None:
            self.due.setDate(QDate.currentDate().addMonths(3))
        else:
            self.due.setDate(QDate(record.due_on.year, record.due_on.month, record.due_on.day))
        self.notes.setPlainText(record.notes)


def _due_text(goal: GoalRecord, now: datetime) -> str:
    if goal.due_on is None:
        return ""
    return f"{short_date(goal.due_on)} ({relative_time(goal.due_on, now)})"


_progress_cache: dict[tuple[int, datetime, date], goals.Progress] = {}
_progress_written = -1  # the notebook's write count the cache was filled at


def _progress(goal: GoalRecord, today: date) -> goals.Progress:
    """A goal's progress, counted once per change to the notebook (a table repaints often)."""
    global _progress_written
    written = notebook_changes()
    if written != _progress_written:
        _progress_cache.clear()
        _progress_written = written
    key = (goal.id, goal.updated_at, today)
    if key not in _progress_cache:
        _progress_cache[key] = goals.progress_of(goal, today)
    return _progress_cache[key]


def _progress_text(goal: GoalRecord, now: datetime) -> str:
    return _progress(goal, now.date()).words


def _progress_order(goal: GoalRecord) -> float:
    """Sorted by how far along: done over target (a goal without a number last)."""
    progress = _progress(goal, date.today())
    return progress.done / progress.target if progress.target else -1.0


GOAL_COLUMNS = [
    Column("Goal", lambda g, _now: g.title),
    Column("Progress", _progress_text, _progress_order),
    Column("Kind", lambda g, _now: g.kind_label, lambda g: KIND_ORDER.index(g.kind)),
    Column(
        "Target",
        lambda g, _now: "" if g.target_number is None else str(g.target_number),
        lambda g: g.target_number or 0,
    ),
    Column("Due", _due_text, lambda g: g.due_on.isoformat() if g.due_on else "9999"),
]


GOAL_KIND = RecordKind(
    noun="goal",
    key="compass.goals",
    columns=GOAL_COLUMNS,
    empty_icon="goal",
    empty_sentence=(
        "A goal turns “I should network more” into something you can see "
        "progress on: find a mentor, learn how the industry works, land a job."
    ),
    load=goals.list_goals,
    create=goals.add_goal,
    update=goals.update_goal,
    delete=goals.delete_goal,
    restore=goals.restore_goal,
    make_form=GoalForm,
)
