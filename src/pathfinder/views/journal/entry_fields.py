"""The small parts of the journal's entry editor: its scales, dates, the tags field, and
where typing starts in a new entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLineEdit

from pathfinder.services import journal_drafts
from pathfinder.services.journal import Link

MOOD_WORDS = {1: "low", 2: "flat", 3: "steady", 4: "good", 5: "great"}
CONFIDENCE_WORDS = {1: "shaky", 2: "unsure", 3: "getting there", 4: "fairly sure", 5: "sure"}
KIND_WORDS = {"person": "", "conversation": "", "event": "Event: "}


def scale_combo(words: dict[int, str], name: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem("Not noted", None)
    for value, word in words.items():
        combo.addItem(f"{value} · {word}", value)
    combo.setAccessibleName(name)
    return combo


def to_qt(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def from_qt(moment: QDateTime) -> datetime:
    day, time = moment.date(), moment.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


class TagsEdit(QLineEdit):
    def __init__(self, on_focus: Callable[[], None]) -> None:
        super().__init__()
        self._on_focus = on_focus

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._on_focus()
        super().focusInEvent(event)


def first_place_to_write(body: str) -> int:
    """Where typing starts in a new entry: under its first heading, else at the end."""
    lines = body.split("\n")
    position = 0
    for index, line in enumerate(lines):
        position += len(line) + 1
        if line.startswith("#") and index + 1 < len(lines):
            return min(position, len(body))
    return len(body)


def links_for(kind: str, target_id: int) -> list[Link]:
    """How a link of a new entry reads before the entry exists."""
    for choice in journal_drafts.link_choice_by_id(kind, target_id):
        return [Link(kind, target_id, choice.label)]
    return []
