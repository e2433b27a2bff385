"""A combo box for long lists (thousands of organisations) that fills in one step.

Adding items one by one from Python costs about 10 µs each; a string-list model
is handed to Qt whole, so a list of 2,000 fills in well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QComboBox, QWidget


class LongChoice(QComboBox):
    """The first entry means "any"; `value()` is None for it."""

    def __init__(
        self,
        any_label: str,
        parent: QWidget | None = None,
        *,
        refresh: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._refresh = refresh  # fills the list just before it opens, when it is costly
        self._any_label = any_label
        self._values: list[Hashable | None] = [None]
        self._model = QStringListModel([any_label], self)
        self.setModel(self._model)

    def set_choices(self, choices: Sequence[tuple[str, Hashable]]) -> None:
        """Replace the list with (label, value) pairs, keeping the chosen value if it is there."""
        keep = self.value()
        self.blockSignals(True)
        self._values = [None, *(value for _label, value in choices)]
        self._model.setStringList([self._any_label, *(label for label, _value in choices)])
        self.select(keep)
        self.blockSignals(False)

    def value(self) -> Hashable | None:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def select(self, value: Hashable | None) -> None:
        if value not in self._values and self._refresh is not None:
            self._refresh()
        try:
            self.setCurrentIndex(self._values.index(value))
        except ValueError:
            self.setCurrentIndex(0)

    def showPopup(self) -> None:
        if self._refresh is not None:
            self._refresh()
        super().showPopup()
