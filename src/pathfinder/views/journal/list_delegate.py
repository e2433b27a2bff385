"""How a row of the journal list is drawn: month headings, and each entry as its heading
in bold over a quieter line of when, mood and the first words."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

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
