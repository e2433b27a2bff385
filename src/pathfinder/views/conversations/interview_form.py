"""The self-saving fields of an informational interview, and a date that may be unknown."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from pathfinder.services.conversations import OUTCOME_HINTS, OUTCOME_LABELS, ConversationRecord
from pathfinder.views.widgets.record_form import RecordForm


class OptionalDate(QWidget):
    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox("Known")
        self.known.setAccessibleName(f"{name} is known")
        self.edit = QDateEdit(QDate.currentDate())
        self.edit.setCalendarPopup(True)
        self.edit.setAccessibleName(name)
        self.edit.setEnabled(False)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)
        self.known.toggled.connect(self.edit.setEnabled)
        self.known.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        self.setFocusProxy(self.known)

    def value(self) -> date | None:
        if not self.known.isChecked():
            return None
        picked = self.edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def set_value(self, value: date | None) -> None:
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class InterviewForm(RecordForm):
    """The fields that save themselves: dates, outcome, next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = QComboBox()
        self.role.currentIndexChanged.connect(self.emit_changed)
        self.add_field("target_role_id", "&Role explored", self.role)
        self.dates: dict[str, OptionalDate] = {}
        for name, label in (
            ("requested_on", "Re&quested"),
            ("scheduled_for", "Sche&duled for"),
            ("met_on", "&Met"),
            ("thanked_on", "Th&anked"),
        ):
            field = OptionalDate(label.replace("&", ""))
            field.changed.connect(self.emit_changed)
            self.add_field(name, label, field, buddy=field.known)
            self.dates[name] = field
        self.outcome = QComboBox()
        for key, text in OUTCOME_LABELS.items():
            self.outcome.addItem(text, key)
        self.outcome_hint = QLabel()
        self.outcome_hint.setWordWrap(True)
        # A form row does not grow for a wrapped label by itself: room for two lines.
        self.outcome_hint.setMinimumHeight(self.outcome_hint.fontMetrics().lineSpacing() * 2 + 4)
        self.outcome.currentIndexChanged.connect(self._on_outcome)
        self.add_field("outcome", "&Outcome", self.outcome, self.outcome_hint)
        self.opportunity = QCheckBox("A referral, a job interview or a lead came of it")
        self.opportunity.toggled.connect(self.emit_changed)
        self.add_field("led_to_opportunity", "O&pportunity", self.opportunity)
        self.next_step = QLineEdit()
        self.next_step.setPlaceholderText("For example: send Priya my portfolio on Friday")
        self.next_step.textEdited.connect(self.emit_changed)
        self.add_field("next_step", "Ne&xt step", self.next_step)

    def _on_outcome(self) -> None:
        self.outcome_hint.setText(OUTCOME_HINTS[self.outcome.currentData()])
        self.emit_changed()

    def fill_roles(self, role_choices: list[tuple[int, str]]) -> None:
        self.role.blockSignals(True)
        self.role.clear()
        self.role.addItem("No particular role", None)
        for role_id, title in role_choices:
            self.role.addItem(title, role_id)
        self.role.blockSignals(False)

    def values(self) -> dict[str, Any]:
        return {
            "target_role_id": self.role.currentData(),
            **{name: field.value() for name, field in self.dates.items()},
            "outcome": self.outcome.currentData(),
            "next_step": self.next_step.text(),
            "led_to_opportunity": self.opportunity.isChecked(),
        }

    def set_record(self, record: ConversationRecord) -> None:
        self.role.setCurrentIndex(max(0, self.role.findData(record.target_role_id)))
        for name, field in self.dates.items():
            field.set_value(getattr(record, name))
        self.outcome.setCurrentIndex(self.outcome.findData(record.outcome))
        self.outcome_hint.setText(OUTCOME_HINTS[record.outcome])
        self.next_step.setText(record.next_step)
        self.opportunity.setChecked(record.led_to_opportunity)
