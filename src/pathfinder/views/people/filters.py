"""The People filter bar: a text box (Ctrl+F) and the filters that narrow the table.

The organisation and tag lists (thousands of organisations) are read when they
are about to be used: opened, given the focus, scrolled or typed in. While
"Any" is chosen nobody sees them otherwise, and reading them took about 3 ms
of opening People and of every return to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
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
        self.organisation = LongChoice("Any organisation", refresh=self._fill_organisations)
        self.organisation.setAccessibleName("Organisation")
        self.tag = LongChoice("Any tag", refresh=self._fill_tags)
        self.tag.setAccessibleName("Tag")
        self._stale: list[LongChoice] = [self.organisation, self.tag]
        self._filling = False
        self.organisation.installEventFilter(self)
        self.tag.installEventFilter(self)
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
        """Fill the organisation and tag lists again (after people change): one with a
        choice made at once, as that choice may be gone; the others when next used."""
        for combo, fill in (
            (self.organisation, self._fill_organisations),
            (self.tag, self._fill_tags),
        ):
            if combo.value() is None:
                if combo not in self._stale:
                    self._stale.append(combo)
            else:
                fill()

    def _fill_organisations(self) -> None:
        self._fill(
            self.organisation, lambda: [(name, org_id) for org_id, name in organisation_choices()]
        )

    def _fill_tags(self) -> None:
        self._fill(self.tag, lambda: [(tag, tag) for tag in all_tags()])

    def _fill(self, combo: LongChoice, choices: Callable[[], list[tuple[str, Any]]]) -> None:
        # A choice that has gone makes LongChoice ask for the list again, from inside
        # set_choices: that second read is not needed, and would let its signals out.
        if self._filling:
            return
        if combo in self._stale:
            self._stale.remove(combo)
        self._filling = True
        try:
            combo.set_choices(choices())
        finally:
            self._filling = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the list sees the event: a key or the wheel moves through the list as
        # it is now. Opening it reads it again anyway (LongChoice's refresh).
        if watched in self._stale and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.KeyPress,
            QEvent.Type.Wheel,
        ):
            (self._fill_organisations if watched is self.organisation else self._fill_tags)()
        return super().eventFilter(watched, event)

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
