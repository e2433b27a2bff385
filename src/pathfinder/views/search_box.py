"""The search field in the toolbar (Ctrl+K); the list of results that drops from it is
`search_results`, made at the first search.

Results come while typing, grouped by kind, with the matched words in bold. The
field keeps the keyboard: Up and Down move through the results, Enter opens one,
Escape closes the list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QLineEdit, QWidget

from pathfinder.views.icons import themed_icon

if TYPE_CHECKING:  # the search and its list are imported at the first search, not at start
    from pathfinder.services.search import Hit
    from pathfinder.views.search_results import ResultsPopup

TYPING_PAUSE_MS = 120


def _search(text: str) -> list:  # type: ignore[type-arg]
    from pathfinder.services.search import search

    return search(text)


def _as_hit(value: object) -> Hit | None:
    """`value` if it is a search result (a result list item's data), else None."""
    from pathfinder.services.search import Hit

    return value if isinstance(value, Hit) else None


HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchBox(QLineEdit):
    """Emits `chosen(kind, id)` when a result is opened."""

    chosen = Signal(str, int)
    dismissed = Signal()  # Escape on an empty field: give the keyboard back to the section

    def __init__(
        self,
        before_search: Callable[[], object],
        parent: QWidget | None = None,
        run: Callable[[str], list] | None = None,  # type: ignore[type-arg]
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self._before_search = before_search
        self._clock = clock
        self._run = run or _search
        self.setPlaceholderText("Search everything (Ctrl+K)")
        self.setAccessibleName("Search")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(280)
        self.addAction(themed_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._popup: ResultsPopup | None = None  # made at the first search (not at start)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.refresh)
        self.textEdited.connect(self._on_edited)
        self._heading_font = QFont(self.font())
        self._heading_font.setBold(True)
        self.last_groups: list = []  # type: ignore[type-arg]

    @property
    def popup(self) -> ResultsPopup:
        if self._popup is None:
            from pathfinder.views.search_results import ResultsPopup

            self._popup = ResultsPopup(self)
            self._popup.view.clicked.connect(self._open_index)
        return self._popup

    def _on_edited(self, _text: str) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Search for what is in the field now and show the results."""
        self._timer.stop()
        text = self.text()
        if not text.strip():
            self.hide_results()
            if self._popup is not None:
                self._popup.model.clear()  # Enter on an empty field opens nothing
            self.last_groups = []
            return
        self._before_search()  # what was typed elsewhere is saved first, so it is found
        groups = self._run(text)
        self.last_groups = groups
        quiet = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.popup.show_groups(groups, self._clock(), quiet, self._heading_font)
        self._select(self._next_hit_row(-1, 1))
        self._place_popup()

    def _place_popup(self) -> None:
        width = max(self.width(), 460)
        below = self.mapToGlobal(QPoint(self.width() - width, self.height() + 2))
        # Width first: the rows' heights depend on how their text wraps at that width.
        self.popup.setGeometry(below.x(), below.y(), width, 520)
        self.popup.show()
        self.popup.layout().activate()
        self.popup.view.doItemsLayout()
        rows = self.popup.model.rowCount()
        height = min(520, sum(self.popup.view.sizeHintForRow(r) for r in range(rows)) + 8)
        self.popup.resize(width, max(height, 40))
        self.popup.raise_()

    def _next_hit_row(self, start: int, step: int) -> int:
        row = start + step
        while 0 <= row < self.popup.model.rowCount():
            if self.popup.model.item(row).data(HIT_ROLE) is not None:
                return row
            row += step
        return start

    def _select(self, row: int) -> None:
        if 0 <= row < self.popup.model.rowCount():
            index = self.popup.model.index(row, 0)
            self.popup.view.setCurrentIndex(index)
            self.popup.view.scrollTo(index)

    def results_shown(self) -> bool:
        return self._popup is not None and self._popup.isVisible()

    def current_hit(self) -> Hit | None:
        if self._popup is None:
            return None
        index = self._popup.view.currentIndex()
        hit = index.data(HIT_ROLE) if index.isValid() else None
        return _as_hit(hit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results_shown():
            step = 1 if key == Qt.Key.Key_Down else -1
            self._select(self._next_hit_row(self.popup.view.currentIndex().row(), step))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self.results_shown():
                self.refresh()
            self._open_hit(self.current_hit())
            return
        if key == Qt.Key.Key_Escape:
            if self.results_shown():
                self.hide_results()
            elif self.text():
                self.clear()
            else:
                self.dismissed.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: object) -> None:
        # Clicking a result takes the focus for a moment; the click itself closes the list.
        QTimer.singleShot(150, self._hide_unless_focused)
        super().focusOutEvent(event)  # type: ignore[arg-type]

    def hide_results(self) -> None:
        if self._popup is not None:
            self._popup.hide()

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.hide_results()

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        self._open_hit(_as_hit(hit))

    def _open_hit(self, hit: Hit | None) -> None:
        if hit is None:
            return
        self.hide_results()
        self.chosen.emit(hit.kind, hit.id)
