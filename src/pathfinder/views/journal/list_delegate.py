"""The journal list's view: how a row is drawn (month headings, and each entry as its
heading in bold over a quieter line of when, mood and the first words), and a keyboard
that steps over the month headings."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from pathfinder.views.journal.list_model import IS_MONTH_ROLE

PADDING = 6


class JournalListDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # One height for every row (month headings too), so the view can lay out 20,000
        # rows without asking each one.
        line = QFontMetrics(option.font).height()
        return QSize(200, 2 * line + 2 * PADDING + 2)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")  # with its own newline
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        is_month = bool(index.data(IS_MONTH_ROLE))
        if style is not None and not is_month:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        strong = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = strong if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        area = option.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.save()
        if is_month:
            painter.setFont(bold)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                area.adjusted(-2, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                text,
            )
            painter.restore()
            return
        heading, _newline, detail = text.partition("\n")
        line = QFontMetrics(option.font).height()
        for font, colour, words, top in (
            (bold, strong, heading, 0),
            (option.font, quiet, detail, line + 2),
        ):
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(
                QRect(area.left(), area.top() + top, area.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(words, Qt.TextElideMode.ElideRight, area.width()),
            )
        painter.restore()


class EntryListView(QListView):
    """The entry list; the keyboard steps over month headings to the entries."""

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(action, modifiers)
        model = self.model()
        if not index.isValid() or not index.data(IS_MONTH_ROLE):
            return index
        upwards = action in (
            QAbstractItemView.CursorAction.MoveUp,
            QAbstractItemView.CursorAction.MovePageUp,
            QAbstractItemView.CursorAction.MovePrevious,
        )
        row = index.row()
        step = -1 if upwards else 1
        while 0 <= row < model.rowCount() and model.index(row, 0).data(IS_MONTH_ROLE):
            row += step
        if not 0 <= row < model.rowCount():  # a heading at the very top: go down instead
            row = index.row()
            while row < model.rowCount() and model.index(row, 0).data(IS_MONTH_ROLE):
                row += 1
        return model.index(row, 0) if 0 <= row < model.rowCount() else self.currentIndex()
