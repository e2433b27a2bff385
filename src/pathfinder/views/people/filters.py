"""The People filter bar: a text box (Ctrl+F) and the filters that narrow the table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from pathfinder.services.contact_fields import (
    LEVEL_LABELS,
    RELATIONSHIP_LABELS,
    SOURCE_LABELS,
)
from pathfinder.services.organisations import organisation_choices
from pathfinder.services.people_table import PeopleFilter
from pathfinder.services.tags import all_tags
from pathfinder.views.widgets.long_choice import LongChoice

TYPING_PAUSE_MS = 150


def _choice(name: str, any_label: str, labels: dict[Any, str]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(any_label, None)
    for key, label in labels.items():
        combo.addItem(label, key)
    return combo


class FilterBar(QWidget):
    changed = Signal(object)  # PeopleFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText("Filter by name, organisation, role, tag or note (Ctrl+F)")
        self.text.setAccessibleName("Filter people")
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.level = _choice("Level", "Any level", LEVEL_LABELS)
        self.source = _choice("How you know them", "Any way you met", SOURCE_LABELS)
        self.relationship = _choice("Relationship", "Any relationship", RELATIONSHIP_LABELS)
        self.organisation = LongChoice("Any organisation")
        self.organisation.setAccessibleName("Organisation")
        self.tag = LongChoice("Any tag")
        self.tag.setAccessibleName("Tag")
        for combo in (self.level, self.source, self.relationship, self.organisation, self.tag):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._emit)
            row.addWidget(combo, 1)
        layout.addLayout(row)
        flags = QHBoxLayout()
        self.hiring_power = QCheckBox("Hiring power")
        self.target_field = QCheckBox("Target field")
        self.going_cold = QCheckBox("Going cold")
        self.going_cold.setToolTip(
            "People you haven't talked to for longer than the rhythm you set"
        )
        self.archived = QCheckBox("Archived")
        self.archived.setToolTip("Show the archived people instead")
        for box in (self.hiring_power, self.target_field, self.going_cold, self.archived):
            box.toggled.connect(self._emit)
            flags.addWidget(box)
        flags.addStretch(1)
        layout.addLayout(flags)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._emit)
        self.text.textChanged.connect(self._typing.start)

    def refresh_choices(self) -> None:
        """Fill the organisation and tag lists again (after people change)."""
        self.organisation.set_choices([(name, org_id) for org_id, name in organisation_choices()])
        self.tag.set_choices([(tag, tag) for tag in all_tags()])

    def current(self) -> PeopleFilter:
        return PeopleFilter(
            text=self.text.text().strip(),
            level=self.level.currentData(),
            source=self.source.currentData(),
            relationship=self.relationship.currentData(),
            organisation_id=self.organisation.value(),  # type: ignore[arg-type]
            tag=self.tag.value(),  # type: ignore[arg-type]
            hiring_power=True if self.hiring_power.isChecked() else None,
            target_field=True if self.target_field.isChecked() else None,
            going_cold=self.going_cold.isChecked(),
            archived=self.archived.isChecked(),
        )

    def is_narrowed(self) -> bool:
        return self.current() != PeopleFilter()

    def clear(self) -> None:
        self.blockSignals(True)
        self.text.clear()
        self._typing.stop()
        for combo in (self.level, self.source, self.relationship, self.organisation, self.tag):
            combo.setCurrentIndex(0)
        for box in (self.hiring_power, self.target_field, self.going_cold, self.archived):
            box.setChecked(False)
        self.blockSignals(False)
        self._emit()

    def show(self, wanted: PeopleFilter) -> None:
        """Put the bar back to `wanted` without announcing a change."""
        self.blockSignals(True)
        self._typing.stop()
        self.text.setText(wanted.text)
        for combo, value in (
            (self.level, wanted.level),
            (self.source, wanted.source),
            (self.relationship, wanted.relationship),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
        self.organisation.select(wanted.organisation_id)
        self.tag.select(wanted.tag)
        for box, flag in (
            (self.hiring_power, wanted.hiring_power),
            (self.target_field, wanted.target_field),
            (self.going_cold, wanted.going_cold),
            (self.archived, wanted.archived),
        ):
            box.setChecked(bool(flag))
        self._typing.stop()
        self.blockSignals(False)

    def apply_text_now(self, text: str) -> None:
        self.text.setText(text)
        self._typing.stop()
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.current())
