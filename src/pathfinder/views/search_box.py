"""The search field in the toolbar (Ctrl+K) and the list of results that drops from it.

Results come while typing, grouped by kind, with the matched words in bold. The
field keeps the keyboard: Up and Down move through the results, Enter opens one,
Escape closes the list.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from pathfinder.views.formatting import relative_time
from pathfinder.views.icons import themed_icon

if TYPE_CHECKING:  # the search itself is imported at the first search, not at start
    from pathfinder.services.search import Hit

TYPING_PAUSE_MS = 120


def _search(text: str) -> list:  # type: ignore[type-arg]
    from pathfinder.services.search import search

    return search(text)


def _as_hit(value: object) -> Hit | None:
    """`value` if it is a search result (a result list item's data), else None."""
    from pathfinder.services.search import Hit

    return value if isinstance(value, Hit) else None


HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def hit_html(hit: Hit, now: datetime, quiet: str = "") -> str:
    """The two lines of a result: what it is (with when, as "3 days ago"), then the words
    around the match. `quiet` is the palette's colour for secondary text."""
    head = html.escape(hit.label)
    when = relative_time(hit.day, now) if hit.day else ""
    extra = [part for part in (hit.detail, when) if part]
    if extra:
        colour = f" style='color:{quiet}'" if quiet else ""
        head += f" <span{colour}>· {html.escape(' · '.join(extra))}</span>"
    words = "".join(
        f"<b>{html.escape(text)}</b>" if matched else html.escape(text)
        for text, matched in hit.snippet
    )
    return f"{head}<br><small>{words}</small>" if words else head


class RichTextDelegate(QStyledItemDelegate):
    """Draws an item's HTML (escaped by `hit_html`) so matched words can be bold."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        # Wrap to the list's width (the same when measuring and when drawing).
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        document.setTextWidth(max(200, width - 12))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(HIT_ROLE) is None:  # a group heading
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        document = self._document(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 2)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 6, option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        if index.data(HIT_ROLE) is None:
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.textWidth()), int(document.size().height()) + 6)


class ResultsPopup(QFrame):
    """A list under the search field that never takes the keyboard from it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setItemDelegate(RichTextDelegate(self.view))
        self.view.setAccessibleName("Search results")
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setWordWrap(True)
        layout.addWidget(self.view)


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
        self.popup = ResultsPopup(self)
        self.popup.view.clicked.connect(self._open_index)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.refresh)
        self.textEdited.connect(self._on_edited)
        self._heading_font = QFont(self.font())
        self._heading_font.setBold(True)
        self.last_groups: list = []  # type: ignore[type-arg]

    def _on_edited(self, _text: str) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Search for what is in the field now and show the results."""
        self._timer.stop()
        text = self.text()
        if not text.strip():
            self.popup.hide()
            self.last_groups = []
            return
        self._before_search()  # what was typed elsewhere is saved first, so it is found
        groups = self._run(text)
        self.last_groups = groups
        model = self.popup.model
        model.clear()
        if not groups:
            empty = QStandardItem("Nothing matches. Try fewer or shorter words.")
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            model.appendRow(empty)
        for group in groups:
            heading = QStandardItem(
                group.heading + (" · more than these: add a word to narrow" if group.more else "")
            )
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            heading.setFont(self._heading_font)
            model.appendRow(heading)
            now = self._clock()
            quiet = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
            for hit in group.hits:
                item = QStandardItem(hit_html(hit, now, quiet))
                item.setData(hit, HIT_ROLE)
                item.setData(f"{hit.kind_name}: {hit.label}", Qt.ItemDataRole.AccessibleTextRole)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                model.appendRow(item)
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

    def current_hit(self) -> Hit | None:
        index = self.popup.view.currentIndex()
        hit = index.data(HIT_ROLE) if index.isValid() else None
        return _as_hit(hit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup.isVisible():
            step = 1 if key == Qt.Key.Key_Down else -1
            self._select(self._next_hit_row(self.popup.view.currentIndex().row(), step))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or not self.popup.isVisible():
                self.refresh()
            self._open_hit(self.current_hit())
            return
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.popup.hide()
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

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()

    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        self._open_hit(_as_hit(hit))

    def _open_hit(self, hit: Hit | None) -> None:
        if hit is None:
            return
        self.popup.hide()
        self.chosen.emit(hit.kind, hit.id)
