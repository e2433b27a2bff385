"""The left column of the mentor report: the period, the sections, how people are named,
and the person's questions and next steps (saved as they are typed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import settings
from pathfinder.services.report import ReportOptions
from pathfinder.services.report_log import PERIOD_LABELS, PERIODS, last_report, period_for
from pathfinder.services.report_sections import SECTION_LABELS, SECTIONS
from pathfinder.services.settings import get_setting, set_setting
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.widgets.autosave import Autosaver
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.field_message import FieldMessage

LEFT_OUT_KEY = "report.left_out"
ANONYMISE_KEY = "report.anonymise"
TEXT_LIMIT = 20_000


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ReportOptionsPanel(QWidget):
    """Emits `changed` whenever the report to show changes (debounced by the page)."""

    changed = Signal()

    def __init__(self, today: Callable[[], date], status: Callable[[str], None]) -> None:
        super().__init__()
        self._today = today
        self._status = status
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)

        period_box = QGroupBox("Period")
        period_form = QFormLayout(period_box)
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        for key in PERIODS:
            self.period.addItem(PERIOD_LABELS[key], key)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit, name in ((self.start, "First day"), (self.end, "Last day")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
        period_form.addRow("&Cover", self.period)
        period_form.addRow("Fro&m", self.start)
        period_form.addRow("&To", self.end)
        self.period_message = FieldMessage()
        period_form.addRow(self.period_message)
        layout.addWidget(period_box)

        sections_box = QGroupBox("Include")
        sections_layout = QVBoxLayout(sections_box)
        sections_layout.setSpacing(2)
        self.section_boxes: dict[str, QCheckBox] = {}
        left_out = set(filter(None, get_setting(LEFT_OUT_KEY).split(",")))
        for key in SECTIONS:
            box = QCheckBox(SECTION_LABELS[key])
            box.setChecked(key not in left_out)
            box.toggled.connect(self._on_choice)
            sections_layout.addWidget(box)
            self.section_boxes[key] = box
        layout.addWidget(sections_box)

        self.anonymise = QCheckBox("&Describe people by their role, not by name")
        self.anonymise.setToolTip(
            "“a product manager at Acme Health” instead of “Ana (Acme Health)”"
        )
        self.anonymise.setChecked(get_setting(ANONYMISE_KEY) == "1")
        self.anonymise.toggled.connect(self._on_choice)
        layout.addWidget(self.anonymise)
        self.front_matter = QCheckBox("Start the Markdown with front matter (YAML)")
        self.front_matter.setToolTip("For notes apps and static sites that read a YAML block")
        self.front_matter.toggled.connect(lambda _on: self.changed.emit())
        layout.addWidget(self.front_matter)

        self.questions = self._text_box(
            layout,
            "&Questions for my mentor",
            "What would you like their view on? For example: how to ask for an introduction.",
            settings.REPORT_QUESTIONS,
        )
        self.next_steps = self._text_box(
            layout,
            "My &next steps",
            "What you plan to do next. Follow-ups due soon are added for you.",
            settings.REPORT_NEXT_STEPS,
        )
        self.text_message = FieldMessage()
        layout.addWidget(self.text_message)
        layout.addStretch(1)
        self._autosaver = Autosaver(self._save_texts, self)

        self.period.currentIndexChanged.connect(self._on_period)
        self.start.dateChanged.connect(self._on_date)
        self.end.dateChanged.connect(self._on_date)

    def _text_box(self, layout: QVBoxLayout, label: str, hint: str, key: str) -> BoundedTextEdit:
        title = QLabel(label)
        layout.addWidget(title)
        editor = BoundedTextEdit(TEXT_LIMIT)
        editor.setAccessibleName(label.replace("&", ""))
        editor.setPlaceholderText(hint)
        editor.setPlainText(get_setting(key))
        editor.setMinimumHeight(70)
        editor.setMaximumHeight(120)
        title.setBuddy(editor)
        editor.textChanged.connect(self._on_text)
        editor.refused.connect(lambda message: self.text_message.show_message(message))
        layout.addWidget(editor)
        return editor

    # -- the period ----------------------------------------------------------

    def reset_period(self) -> None:
        """Recompute the dates of the chosen period (at start and when shown again)."""
        self._on_period()

    def _on_period(self) -> None:
        key = self.period.currentData()
        today = self._today()
        for edit in (self.start, self.end):
            edit.blockSignals(True)
            edit.setMaximumDate(_qdate(today))
        if key != "custom":
            first, last = period_for(key, today, last_report())
            self.start.setDate(_qdate(first))
            self.end.setDate(_qdate(last))
        for edit in (self.start, self.end):
            edit.blockSignals(False)
        self._check_dates()
        self.changed.emit()

    def _on_date(self) -> None:
        if self.period.currentData() != "custom":
            self.period.blockSignals(True)
            self.period.setCurrentIndex(PERIODS.index("custom"))
            self.period.blockSignals(False)
        self._check_dates()
        self.changed.emit()

    def _check_dates(self) -> bool:
        if self.start.date() > self.end.date():
            self.period_message.show_message(
                "The period ends before it starts: move the first day back."
            )
            return False
        self.period_message.clear()
        return True

    def dates_valid(self) -> bool:
        return self.start.date() <= self.end.date()

    def choose_period(self, key: str) -> None:
        self.period.setCurrentIndex(PERIODS.index(key))

    def set_dates(self, first: date, last: date) -> None:
        self.end.setDate(_qdate(last))
        self.start.setDate(_qdate(first))

    # -- choices and texts ---------------------------------------------------

    def _on_choice(self) -> None:
        left_out = [key for key, box in self.section_boxes.items() if not box.isChecked()]
        try:
            set_setting(LEFT_OUT_KEY, ",".join(left_out))
            set_setting(ANONYMISE_KEY, "1" if self.anonymise.isChecked() else "0")
        except StorageWriteError:
            pass  # only a preference: the report itself still follows the boxes
        self.changed.emit()

    def _on_text(self) -> None:
        self.text_message.clear()
        self._autosaver.touch()
        self.changed.emit()

    def _save_texts(self) -> bool:
        try:
            set_setting(settings.REPORT_QUESTIONS, self.questions.toPlainText())
            set_setting(settings.REPORT_NEXT_STEPS, self.next_steps.toPlainText())
        except StorageWriteError as error:
            self.text_message.show_message(error.message)
            return False
        return True

    def flush(self) -> bool:
        return self._autosaver.flush()

    def options(self) -> ReportOptions:
        return ReportOptions(
            start=_pydate(self.start.date()),
            end=_pydate(self.end.date()),
            sections=frozenset(key for key, box in self.section_boxes.items() if box.isChecked()),
            anonymise=self.anonymise.isChecked(),
            front_matter=self.front_matter.isChecked(),
            questions=self.questions.toPlainText(),
            next_steps=self.next_steps.toPlainText(),
        )
