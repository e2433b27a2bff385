"""The list of results that drops from the search field (`search_box`), made at the first
search: each result in two lines of rich text, with the matched words in bold."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services.search import Group, Hit
from pathfinder.views.formatting import relative_time
from pathfinder.views.search_box import HIT_ROLE


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

    def show_groups(
        self, groups: list[Group], now: datetime, quiet: str, heading_font: QFont
    ) -> None:
        """Fill the list: each group's heading, then its results (or one line saying none)."""
        model = self.model
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
            heading.setFont(heading_font)
            model.appendRow(heading)
            for hit in group.hits:
                item = QStandardItem(hit_html(hit, now, quiet))
                item.setData(hit, HIT_ROLE)
                item.setData(f"{hit.kind_name}: {hit.label}", Qt.ItemDataRole.AccessibleTextRole)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                model.appendRow(item)
