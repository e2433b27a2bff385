"""Who to contact next: the ranked suggestions, each with its reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from pathfinder.services.network import who_to_contact_next
from pathfinder.views.widgets.lines_model import PAYLOAD_ROLE, LinesModel

HOW_MANY = 25
EXPLANATION = (
    "People with hiring power in the field you want come first, then people at the "
    "organisations you are aiming for, then everyone else; closer people before new "
    "ones, and the longest silence first. Anyone with a follow-up already planned is "
    "left out. Press Enter to open someone."
)


class ContactNextView(QWidget):
    open_person = Signal(int)

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        explanation = QLabel(EXPLANATION)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.model = LinesModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Who to contact next")
        self.view.setSpacing(3)
        self.view.setWordWrap(True)
        self.view.activated.connect(self._open)
        layout.addWidget(self.view, 1)
        self.loaded = False

    def reload(self) -> None:
        self.loaded = True
        suggestions = who_to_contact_next(self._clock().date(), limit=HOW_MANY)
        self.model.set_lines(
            [
                (
                    f"{number}. {s.name}"
                    + (f" ({s.organisation})" if s.organisation else "")
                    + f"\n    {s.reason}",
                    "",
                    s.person_id,
                )
                for number, s in enumerate(suggestions, start=1)
            ]
            or [
                (
                    "Add people and mark who has hiring power or works in your target field, "
                    "and suggestions will appear here.",
                    "",
                    None,
                )
            ]
        )

    def _open(self, index: QModelIndex) -> None:
        person_id = self.model.data(index, PAYLOAD_ROLE)
        if person_id is not None:
            self.open_person.emit(person_id)
